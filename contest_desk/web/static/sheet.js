/* The judge's score sheet: each mark checked as typed, saved at once, and kept in an
   outbox in localStorage while the connection is down. The outbox is sent in order, one
   mark at a time, each under the op id made when it was typed: the hub applies an op
   once, so a mark sent again after a lost answer is never applied twice. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var sheet = data.sheet, t = data.t, csrf = data.csrf;
  var OUTBOX = "cd_outbox:" + data.user;  // one per account: never sent as someone else
  var PLACES = 3;  // the marks' decimal places (domain/limits.py)
  var TIMEOUT = 10000, FIRST_DELAY = 1000, LONGEST_DELAY = 30000;

  var status = document.getElementById("sync-status");
  var relogin = document.getElementById("relogin");
  var stateBox = document.getElementById("sheet-state");
  var submitBox = document.getElementById("submit-box");
  var submitButton = document.getElementById("submit-button");
  var submitMsg = document.getElementById("submit-msg");
  var password = document.getElementById("submit-password");
  var missingMsg = document.getElementById("missing-msg");

  var columns = {}, cells = {};
  var outbox = [], sending = false, online = true, sessionGone = false;
  var delay = FIRST_DELAY, timer = null;
  var readOnly = sheet.read_only;

  sheet.columns.forEach(function (c) { columns[c.code] = c; });

  function fill(text, params) {
    return String(text).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(params, name) ? params[name] : whole;
    });
  }

  function uuid() {  // crypto.randomUUID needs HTTPS; getRandomValues works on the LAN's HTTP
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = "";
    for (var i = 0; i < 16; i++) { h += (b[i] < 16 ? "0" : "") + b[i].toString(16); }
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function loadOutbox() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(OUTBOX) || "[]");
      return Array.isArray(kept) ? kept : [];
    } catch (e) { return []; }
  }

  function saveOutbox() {
    try { window.localStorage.setItem(OUTBOX, JSON.stringify(outbox)); } catch (e) { /* full: kept in the page */ }
  }

  function normalize(text) {  // full-width digits and points, as a Chinese keyboard types them
    return String(text).trim().replace(/[\uff10-\uff19]/g, function (d) {
      return String.fromCharCode(d.charCodeAt(0) - 0xfee0);
    }).replace(/[\uff0e\u3002]/g, ".").replace(/\uff0d/g, "-").replace(/\uff1a/g, ":");
  }

  function thousandths(text) {
    var negative = text.charAt(0) === "-";
    var parts = text.replace("-", "").split(".");
    var n = parseInt(parts[0], 10) * 1000 + parseInt(((parts[1] || "") + "000").slice(0, 3), 10);
    return negative ? -n : n;
  }

  function refusal(text, column) {  // the same checks as the hub's, said the same way
    if (text === "") { return ""; }
    // a measured time as 分:秒 (12:34, 1:02:03): the hub reads it as seconds
    if (column.kind === "measurement" && /^(\d+:)?\d+:\d+(\.\d+)?$/.test(text)) { return ""; }
    var m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
    if (!m || (m[1] && column.kind !== "measurement")) { return fill(t.not_number, { value: text }); }
    if ((m[3] || "").length > PLACES) {
      return fill(t.places, { field: column.code, value: text, places: PLACES });
    }
    if (column.kind === "measurement") { return ""; }
    var value = thousandths(text), step = thousandths(column.step);
    if (value > thousandths(column.max)) {
      return fill(t.outside, { value: text, max: column.max, code: column.code });
    }
    if (step > 0 && value % step !== 0) {
      return fill(t.off_step, { value: text, step: column.step, code: column.code });
    }
    return "";
  }

  function setState(cell, state, message) {
    cell.input.classList.remove("saved", "pending", "refused");
    if (state) { cell.input.classList.add(state); }
    cell.msg.textContent = message || "";
    cell.msg.classList.toggle("bad", state === "refused");
  }

  function shownTotal(n) {
    var negative = n < 0, a = Math.abs(n), whole = Math.floor(a / 1000), frac = String(a % 1000);
    frac = ("000" + frac).slice(-3).replace(/0+$/, "");
    return (negative ? "-" : "") + whole + (frac ? "." + frac : "");
  }

  function updateTotals() {  // the judge's own marks (judgement criteria) per entry
    sheet.entries.forEach(function (entry) {
      var sum = 0;
      sheet.columns.forEach(function (column) {
        var cell = cells[entry.id + ":" + column.code];
        if (!column.shared && cell.local !== "" && !refusal(cell.local, column)) {
          sum += thousandths(cell.local);
        }
      });
      var total = document.getElementById("total-" + entry.id);
      if (total) { total.textContent = shownTotal(sum); }
    });
  }

  function missing() {
    var n = 0;
    Object.keys(cells).forEach(function (key) {
      var cell = cells[key];
      if (!cell.column.shared && cell.local === "") { n += 1; }
    });
    return n;
  }

  function showStatus() {
    var n = outbox.length;
    status.setAttribute("data-pending", String(n));
    status.className = sessionGone ? "gone" : n === 0 ? "saved" : online ? "pending" : "offline";
    if (sessionGone) { status.textContent = fill(t.session_gone, { n: n }); }
    else if (n === 0) { status.textContent = t.all_saved; }
    else if (!online) { status.textContent = fill(t.offline, { n: n }); }
    else { status.textContent = fill(t.waiting, { n: n }); }
    relogin.hidden = !sessionGone;
    var gap = missing();
    missingMsg.textContent = n ? t.wait_outbox : gap ? fill(t.missing, { n: gap }) : t.complete;
  }

  function sameCell(a, b) {
    return a.event === b.event && a.round === b.round && a.entry === b.entry && a.code === b.code;
  }

  function cellOf(op) {  // the outbox may hold marks of the judge's other sheets too
    var here = op.event === sheet.event.id && op.round === sheet.round.number;
    return here ? cells[op.entry + ":" + op.code] : null;
  }

  function later(op) {
    return outbox.some(function (o) { return sameCell(o, op); });
  }

  function answered(op, body, error) {
    outbox.shift();
    saveOutbox();
    var cell = cellOf(op);
    if (cell) {
      var hasStored = body && Object.prototype.hasOwnProperty.call(body, "value");
      var stored = hasStored ? (body.value === null ? "" : String(body.value)) : null;
      if (stored !== null) { cell.saved = stored; }
      if (!error) {
        if (!later(op)) { setState(cell, "saved", ""); }
      } else if (!later(op)) {
        cell.local = cell.saved;  // what the hub holds now, shown in place of the refused mark
        cell.input.value = cell.saved;
        var now = stored !== null ? " " + fill(t.now_stored, { value: stored === "" ? "—" : stored }) : "";
        setState(cell, "refused", error + now);
      } else {
        cell.msg.textContent = error;
      }
    }
    updateTotals();
    showStatus();
  }

  function retry() {
    showStatus();
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
    delay = Math.min(delay * 2, LONGEST_DELAY);
  }

  function send() {
    if (sending || sessionGone || !outbox.length) { showStatus(); return; }
    sending = true;
    var op = outbox[0];
    var controller = window.AbortController ? new AbortController() : null;
    var stop = controller ? window.setTimeout(function () { controller.abort(); }, TIMEOUT) : null;
    fetch("/api/mark", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(op),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { status: response.status, body: body };
      });
    }).then(function (answer) {
      window.clearTimeout(stop);
      sending = false;
      online = true;
      if (answer.status === 200) {
        delay = FIRST_DELAY;
        answered(op, answer.body, "");
      } else if (answer.status === 401) {
        sessionGone = true;  // the marks stay in the outbox until the judge logs in again
        showStatus();
        return;
      } else if (answer.status === 408 || answer.status === 429 || answer.status >= 500) {
        retry();  // the hub is busy or restarting: the same op again, later
        return;
      } else {
        answered(op, answer.body, answer.body.error || ("HTTP " + answer.status));
      }
      send();
    }, function () {
      window.clearTimeout(stop);
      sending = false;
      online = false;
      retry();
    });
  }

  function commit(cell) {
    if (readOnly) { return; }
    var text = normalize(cell.input.value);
    cell.input.value = text;
    var reason = refusal(text, cell.column);
    if (reason) { setState(cell, "refused", reason); return; }
    if (text === cell.local) {
      if (cell.input.classList.contains("refused")) { setState(cell, text === "" ? "" : "saved", ""); }
      return;
    }
    var op = {
      op: uuid(), event: sheet.event.id, round: sheet.round.number, entry: cell.entry,
      code: cell.column.code, value: text === "" ? null : text,
      expected: cell.local === "" ? null : cell.local  // what this device last saw or typed
    };
    cell.local = text;
    outbox.push(op);
    saveOutbox();
    setState(cell, "pending", "");
    updateTotals();
    send();
  }

  function makeReadOnly(message) {
    readOnly = true;
    Object.keys(cells).forEach(function (key) { cells[key].input.readOnly = true; });
    submitBox.hidden = true;
    stateBox.textContent = message;
  }

  function submit() {
    submitMsg.textContent = "";
    if (outbox.length) { submitMsg.textContent = t.wait_outbox; return; }
    submitButton.disabled = true;
    fetch("/api/submit", {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ event: sheet.event.id, round: sheet.round.number, password: password.value })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        submitButton.disabled = false;
        if (response.ok) {
          password.value = "";
          stateBox.setAttribute("data-state", body.state || "submitted");
          makeReadOnly(t.submitted);
        } else {
          submitMsg.textContent = body.error || t.failed;
        }
      });
    }, function () { submitButton.disabled = false; submitMsg.textContent = t.failed; });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input.mark"), function (input) {
    var entry = parseInt(input.getAttribute("data-entry"), 10);
    var column = columns[input.getAttribute("data-code")];
    var cell = {
      input: input, entry: entry, column: column,
      msg: input.parentNode.querySelector(".cell-msg"),
      saved: input.value, local: input.value
    };
    cells[entry + ":" + column.code] = cell;
    input.addEventListener("input", function () {  // checked as typed, sent when left
      var reason = refusal(normalize(input.value), column);
      if (reason) { setState(cell, "refused", reason); }
      else if (input.classList.contains("refused")) { setState(cell, "", ""); }
    });
    input.addEventListener("change", function () { commit(cell); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { commit(cell); }
    });
  });

  // Marks kept from before (the page was closed or reloaded offline): shown as waiting.
  outbox = loadOutbox();
  outbox.forEach(function (op) {
    var cell = cellOf(op);
    if (cell) {
      cell.local = op.value === null ? "" : String(op.value);
      cell.input.value = cell.local;
      setState(cell, "pending", "");
    }
  });
  if (readOnly) { makeReadOnly(stateBox.textContent); }
  submitButton.addEventListener("click", submit);
  window.addEventListener("online", function () { delay = FIRST_DELAY; window.clearTimeout(timer); send(); });
  window.addEventListener("offline", function () { online = false; showStatus(); });
  updateTotals();
  showStatus();
  send();
}());
