/* The judge's card: its QR code opens /t#TOKEN; the token is posted, never put in a URL
   the hub logs, and the address is cleaned before anything else happens. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var token = "";
  try { token = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { token = ""; }
  if (window.history && window.history.replaceState) { window.history.replaceState(null, "", "/t"); }
  var error = document.getElementById("login-error");
  var msg = document.getElementById("token-msg");
  if (!token) { msg.textContent = ""; error.textContent = data.t.token_missing; return; }
  fetch("/t", {
    method: "POST",
    credentials: "same-origin",
    cache: "no-store",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": data.form_token },
    body: JSON.stringify({ token: token })
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.ok) { window.location.replace(body.next || "/"); return; }
      msg.textContent = "";
      error.textContent = body.error || data.t.failed;
    });
  }, function () { msg.textContent = ""; error.textContent = data.t.failed; });
}());
