// The editor's drafts and presence (issue 16), loaded with defer from a file (no inline script under the CSP).
// Without it the page still works: "Concept bewaren" posts the form, presence is as of page load.
(function () {
  "use strict";

  var form = document.getElementById("editor");
  var status = document.getElementById("kh-concept-status");
  if (!form || !status) {
    return;
  }

  var keepEveryMs = 10000;
  var heartbeatEveryMs = 20000;
  var changed = false;
  var busy = false;

  function urlFor(handler) {
    var url = new URL(window.location.href);
    url.searchParams.set("handler", handler);
    return url.toString();
  }

  function post(handler, body) {
    return fetch(urlFor(handler), { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "text/plain" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      });
  }

  form.addEventListener("input", function () { changed = true; });
  form.addEventListener("change", function () { changed = true; });

  // Keep the form as a draft a few seconds after each change; the answer ("Concept bewaard om 10:42") is read out
  // by the status region. A failed keep says so, and the text stays in the form.
  window.setInterval(function () {
    if (!changed || busy) {
      return;
    }
    changed = false;
    busy = true;
    post("ConceptAuto", new FormData(form))
      .then(function (text) { status.textContent = text; })
      .catch(function () { changed = true; status.textContent = status.getAttribute("data-kh-concept-failed"); })
      .then(function () { busy = false; });
  }, keepEveryMs);

  // Presence: a heartbeat with only the antiforgery token; the answer replaces the line above the form. Only an
  // existing item's editor has presence (its form carries a base revision above 0).
  var presence = document.getElementById("kh-presence");
  var baseRevision = form.querySelector("input[name='Input.BaseRevision']");
  var token = form.querySelector("input[name='__RequestVerificationToken']");
  if (!presence || !token || !baseRevision || baseRevision.value === "0") {
    return;
  }
  window.setInterval(function () {
    var body = new FormData();
    body.append("__RequestVerificationToken", token.value);
    post("Aanwezig", body)
      .then(function (text) {
        if (presence.textContent !== text) {
          presence.textContent = text;
        }
        presence.hidden = text.length === 0;
      })
      .catch(function () { /* presence is a courtesy: the next heartbeat tries again */ });
  }, heartbeatEveryMs);
}());
