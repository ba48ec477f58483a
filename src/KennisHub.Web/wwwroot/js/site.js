// KennisHub's only script, loaded with defer from a file (the CSP forbids inline script). Everything works
// without it; it only moves focus where a keyboard or screen reader user needs it next.
(function () {
  "use strict";

  // A form came back with errors: move focus to the error summary so it is read first (WCAG 3.3.1).
  var summary = document.querySelector("[data-kh-error-summary]");
  if (summary) {
    summary.focus();
  }

  // A link in the error summary puts focus in its field, not merely scrolls to it.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("[data-kh-error-summary] a[href^='#']") : null;
    if (!link) {
      return;
    }
    var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    // A group (fieldset) has no focus of its own: its first control takes it.
    var target = field && (field.matches("input, select, textarea, button") ? field : field.querySelector("input, select, textarea"));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "center" });
    }
  });
}());
