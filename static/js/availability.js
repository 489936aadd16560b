/* The availability calendar (rooms, executives): reload only the calendar when the applicant picks
   another room, executive or date in the form, or follows one of the calendar's own links, so what
   they typed stays. Without script the links reload the whole page, which works as well. */
(function () {
  "use strict";

  document.querySelectorAll("[data-availability]").forEach(function (box) {
    if (box.dataset.availabilityReady) {
      return;
    }
    box.dataset.availabilityReady = "true";
    var body = box.querySelector("[data-availability-body]");
    var param = box.dataset.resourceParam;
    var form = box.closest("form");
    var resourceInput = form && form.querySelector("[name='details-" + param + "']");
    var dateInput = form && form.querySelector("[name='details-" + box.dataset.dateField + "']");

    function load(query) {
      body.setAttribute("aria-busy", "true");
      fetch(box.dataset.availabilityUrl + "?" + query, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.text();
        })
        .then(function (html) {
          body.innerHTML = html;
        })
        .catch(function () {
          /* Keep the calendar shown; its links still work by reloading the page. */
        })
        .finally(function () {
          body.removeAttribute("aria-busy");
        });
    }

    function loadFromForm() {
      var query = new URLSearchParams();
      if (resourceInput && resourceInput.value) {
        query.set(param, resourceInput.value);
      }
      if (dateInput && dateInput.value) {
        query.set("from", dateInput.value);
      }
      load(query.toString());
    }

    [resourceInput, dateInput].forEach(function (input) {
      if (input) {
        input.addEventListener("change", loadFromForm);
      }
    });

    box.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-availability-link]");
      if (!link) {
        return;
      }
      event.preventDefault();
      var query = new URL(link.href).searchParams;
      if (resourceInput && query.get(param)) {
        resourceInput.value = query.get(param);
      }
      load(query.toString());
    });
  });
})();
