/* Forms: after a form comes back with errors (or a look-up with its answer), move focus to what
   says so (the element marked data-focus-on-load), so screen readers read it; once a form marked
   data-submit-once is sent, disable its buttons so a double click sends it only once (the server
   ignores a repeated request anyway; this only spares the wait). Loaded with "defer". */
(function () {
  "use strict";

  var answer = document.querySelector("[data-focus-on-load]");
  if (answer) {
    answer.focus();
  }

  function setSending(form, sending) {
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      if (sending) {
        button.dataset.label = button.textContent;
        if (button.dataset.sendingLabel) {
          button.textContent = button.dataset.sendingLabel;
        }
      } else if (button.dataset.label) {
        button.textContent = button.dataset.label;
      }
      button.disabled = sending;
      button.setAttribute("aria-disabled", sending ? "true" : "false");
    });
    if (sending) {
      form.dataset.sending = "true";
    } else {
      delete form.dataset.sending;
    }
  }

  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      setSending(form, true);
    });
  });

  // Back to a page the browser kept in memory: its form can be sent again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
        setSending(form, false);
      });
    }
  });
})();
