/* A part of a form that matters only when a box is ticked, e.g. the pledged amount of a living-
   pension request: <div data-shown-when-checked="id-of-the-checkbox">. While the box is unticked
   the part is hidden and its inputs disabled (so they are not sent); without this script it simply
   stays visible. Loaded with "defer"; no libraries. */
(function () {
  "use strict";

  document.querySelectorAll("[data-shown-when-checked]").forEach(function (part) {
    var box = document.getElementById(part.dataset.shownWhenChecked);
    if (!box) {
      return;
    }
    function follow() {
      part.hidden = !box.checked;
      part.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !box.checked;
      });
    }
    box.addEventListener("change", follow);
    follow();
  });
})();
