// The hall's screen: the clock, the panels re-rendered from /api/hall on each change the
// hub announces (server-sent events; EventSource reconnects by itself, also after the hub
// restarts), and a slow scroll when the panels are taller than the screen.
(function () {
  "use strict";
  var body = document.body;
  var lang = body.dataset.lang || "zh_CN";
  var words = JSON.parse(document.getElementById("hall-labels").textContent);
  var versionBox = document.getElementById("hall-version");
  var panelsBox = document.getElementById("hall-panels");
  var screen = document.getElementById("hall-screen");
  var statusBox = document.getElementById("hall-status");

  // The clock: the projector PC's own local time.
  var clock = document.getElementById("hall-clock");
  var locale = lang === "en" ? "en-GB" : "zh-CN";
  function tick() {
    clock.textContent = new Date().toLocaleTimeString(locale, { hour12: false });
  }
  tick();
  setInterval(tick, 1000);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function table(panel) {
    var board = panel.board !== null;
    var t = el("table");
    var head = el("tr");
    head.appendChild(el("th", "rank", board ? words.place : words.rank));
    head.appendChild(el("th", "name", board ? words.holder : words.entry));
    head.appendChild(el("th", "total", board ? words.rating : words.total));
    t.appendChild(el("thead")).appendChild(head);
    var rows = t.appendChild(el("tbody"));
    panel.rows.forEach(function (r) {
      var tr = el("tr", "hall-row");
      tr.dataset.code = r.code;
      tr.appendChild(el("td", "rank", r.rank === null ? "" : r.rank));
      tr.appendChild(el("td", "name", r.name));
      tr.appendChild(el("td", "total", r.total === null ? "" : r.total));
      rows.appendChild(tr);
    });
    return t;
  }

  function section(panel) {
    var s = el("section", "hall-panel" + (panel.final ? " final" : ""));
    if (panel.board !== null) {
      s.dataset.board = panel.board;
    } else {
      s.dataset.event = panel.event;
      s.dataset.round = panel.round;
    }
    var h = s.appendChild(el("h2"));
    h.appendChild(el("span", "panel-title", panel.title));
    if (panel.provisional) h.appendChild(el("span", "provisional", words.provisional));
    if (panel.final && panel.board === null) h.appendChild(el("span", "final-mark", words.final));
    if (panel.withheld) s.appendChild(el("p", "withheld", words.not_final));
    else if (panel.problem) s.appendChild(el("p", "problem", panel.problem));
    else s.appendChild(table(panel));
    return s;
  }

  function render(data) {
    document.getElementById("hall-title").textContent = data.title;
    document.title = data.title + " · " + words.screen;
    body.dataset.contest = data.contest;
    var fresh = document.createDocumentFragment();
    if (data.panels.length === 0) fresh.appendChild(el("p", "hall-message", words.nothing));
    data.panels.forEach(function (p) { fresh.appendChild(section(p)); });
    panelsBox.replaceChildren(fresh);
    versionBox.dataset.version = data.version;
  }

  function message(text) {
    panelsBox.replaceChildren(el("p", "hall-message", text));
  }

  // One load at a time; a change announced meanwhile loads again after it.
  var loading = false, again = false;
  function load() {
    if (loading) { again = true; return; }
    loading = true;
    var query = "lang=" + encodeURIComponent(lang);
    if (body.dataset.contest) query += "&contest=" + encodeURIComponent(body.dataset.contest);
    fetch("/api/hall?" + query, { cache: "no-store" })
      .then(function (r) { return r.json().then(function (d) { return [r.ok, d]; }); })
      .then(function (answer) { if (answer[0]) render(answer[1]); else message(answer[1].error); })
      .catch(function () { again = true; })  // the hub is away: the next event loads again
      .then(function () {
        loading = false;
        if (again) { again = false; setTimeout(load, 500); }
      });
  }

  if (window.EventSource) {
    var events = new EventSource("/hall/events");
    events.addEventListener("change", function (e) {
      if (String(e.data) !== versionBox.dataset.version) load();
    });
    events.onopen = function () { statusBox.hidden = true; };
    events.onerror = function () { statusBox.hidden = false; };
  } else {
    setInterval(load, 2000);  // an old browser: ask every two seconds instead
  }

  // Slow scroll through panels taller than the screen: a pause at the top, a screen's
  // height in 30 s, a pause at the bottom, then back to the top.
  var PAUSE_MS = 4000;
  var offset = 0, phase = "top", phaseSince = performance.now(), last = null;
  function scroll(now) {
    var room = panelsBox.scrollHeight - screen.clientHeight;
    var dt = last === null ? 0 : now - last;
    last = now;
    if (room <= 2) {
      offset = 0; phase = "top"; phaseSince = now;
    } else if (phase === "top" && now - phaseSince >= PAUSE_MS) {
      phase = "down";
    } else if (phase === "down") {
      offset = Math.min(room, offset + dt * screen.clientHeight / 30000);
      if (offset >= room) { phase = "bottom"; phaseSince = now; }
    } else if (phase === "bottom" && now - phaseSince >= PAUSE_MS) {
      offset = 0; phase = "top"; phaseSince = now;
    }
    offset = Math.min(offset, Math.max(room, 0));  // the panels may have shrunk meanwhile
    panelsBox.style.transform = "translateY(" + (-Math.round(offset)) + "px)";
    requestAnimationFrame(scroll);
  }
  requestAnimationFrame(scroll);
})();
