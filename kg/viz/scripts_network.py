"""The network page's own JavaScript: decoding the compact data, drawing only what changed (sync), labels
by importance, the time bar, the actor panel, groups past the cap, search and the timeline tab.

It runs after :data:`kg.viz.scripts_timeline.TIMELINE_JS` (it uses ``KG.el``, ``KG.sourceLink``,
``KG.timeline``) and defines ``KG.relationColor`` from the page's legend.  Invariant, as in
:mod:`kg.viz.scripts`: no data value reaches ``innerHTML``; tooltips are built as text.

>>> "innerHTML" in NETWORK_JS, "KG.relationColor = function" in NETWORK_JS
(False, True)
"""

#: The network page: time bar, labels by importance, search, actor panel, groups past the cap, timeline tab.
NETWORK_JS = r"""
(function () {
  "use strict";
  var DATA = window.KG_DATA;
  var timing = window.kgTiming = { start: performance.now() };
  var el = KG.el;
  function asText(item) {
    if (typeof item.title === "string" && item.title) {
      var tip = el("div", "kg-tip", item.title);
      item.title = tip;
    }
    return item;
  }
  var colors = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-relation-color]"), function (r) {
    colors[r.getAttribute("data-relation")] = r.getAttribute("data-relation-color");
  });
  KG.relationColor = function (rel) { return colors[rel] || "#555"; };
  var EVENTS = DATA.events, MONTHS = DATA.months;
  // actors travel as positions in DATA.nodes: back to their ids (IRIs) once
  var ids = DATA.nodes.map(function (n) { return n.id; });
  DATA.edges.forEach(function (e, i) {
    var look = DATA.styles[e.k];
    e.id = "e" + i; e.from = ids[e.f]; e.to = ids[e.t]; e.events = e.ev;
    e.relation = look.relation; e.status = look.status; e.disputed = look.disputed;
  });
  EVENTS.forEach(function (e) {
    e.relation = e.r; e.status = e.st || "held"; e.date = e.d; e.time = e.tm; e.place = e.p; e.grade = e.g;
    e.disputed = !!e.x; e.sources = e.src || []; e.quote = e.q; e.assertion = e.a;
    e.source = ids[e.s]; e.target = ids[e.t];
    e.actors = e.s === e.t ? [e.source] : [e.source, e.target];
    e.assertions = e.assertion ? [e.assertion] : [];
    e.status_history = (e.h || []).map(function (x) { return { day: x[0], status: x[1] }; });
    e.mentions = e.m; e.independent = e.i;
  });
  DATA.groups.forEach(function (g) { g.members = g.members.map(function (i) { return ids[i]; }); });
  var byId = {}, labels = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; labels[n.id] = n.label; });
  var groupById = {};
  DATA.groups.forEach(function (g) { groupById[g.id] = g; });
  var STEP = MONTHS.length ? MONTHS[0].length : 7;
  var monthIndex = {};
  MONTHS.forEach(function (m, i) { monthIndex[m] = i; });
  EVENTS.forEach(function (e) {
    e.month = e.date ? monthIndex[e.date.slice(0, STEP)] : -1;
    e.sources = e.sources || []; e.status = e.status || "held";
  });
  var eventsOf = {};
  EVENTS.forEach(function (e, i) { e.actors.forEach(function (a) { (eventsOf[a] = eventsOf[a] || []).push(i); }); });
  var neighbours = {};
  DATA.edges.forEach(function (e) {
    (neighbours[e.from] = neighbours[e.from] || {})[e.to] = 1;
    (neighbours[e.to] = neighbours[e.to] || {})[e.from] = 1;
  });
  var range = [0, Math.max(0, MONTHS.length - 1)];
  var expanded = {}, pinned = {};
  var grouped = DATA.groups.length > 0;
  function fullRange() { return range[0] === 0 && range[1] === Math.max(0, MONTHS.length - 1); }
  function eventIn(i) {
    var m = EVENTS[i].month;
    return fullRange() || (m >= range[0] && m <= range[1]);
  }
  function present(id) {  // is the actor drawn individually (not inside a closed group)?
    var n = byId[id];
    return !n.group_id || expanded[n.group_id] || pinned[id];
  }
  // Tooltips are built here, as text, from the fields (node_tooltip in style.py says the same for Python).
  function nodeTip(n) {
    return n.label + "\n" + n.actor_type + "\nties: " + n.ties + ", degree centrality " + Number(n.degree).toFixed(3);
  }
  function edgeTip(e) {
    var items = e.events.map(function (i) { return EVENTS[i]; });
    var dates = items.map(function (v) { return v.date; }).filter(Boolean).sort();
    var lines = [labels[e.from] + " " + e.relation + " " + labels[e.to], "status: " + e.status + (e.disputed ? " (disputed)" : ""),
      items.length + " event" + (items.length === 1 ? "" : "s") + (dates.length ? ", " + dates[0] + (dates[dates.length - 1] !== dates[0] ? " to " + dates[dates.length - 1] : "") : ", undated")];
    var grades = items.map(function (v) { return v.grade; }).filter(Boolean).sort(function (a, b) { return a[0] === b[0] ? +a.slice(1) - +b.slice(1) : a < b ? -1 : 1; });
    if (grades.length) { lines.push("best grade: " + grades[0]); }
    items.slice(0, 3).forEach(function (v) {
      (v.sources || []).slice(0, 2).forEach(function (s) {
        lines.push("source: " + (s.title && s.url && s.title !== s.url ? s.title + " (" + s.url + ")" : (s.url || s.title)));
      });
      if (v.place) { lines.push("place: " + v.place); }
      if (KG.history(v)) { lines.push("event: " + KG.history(v)); }
      if (v.quote) { lines.push("quote: “" + v.quote + "”"); }
    });
    if (items.length > 3) { lines.push("… and " + (items.length - 3) + " more events (click an actor for all)"); }
    var ids = [];
    items.slice(0, 5).forEach(function (v) { if (v.assertions && v.assertions.length) { ids.push(v.assertions[0]); } });
    if (ids.length) { lines.push("assertion: " + ids.join(", ")); }
    return lines.join("\n");
  }
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var labelSize = {};  // id -> label font size last set (sizeLabels): only changes are sent to vis
  var shownNodes = {}, shownEdges = {};
  function edgeState(e) {
    var count = 0;
    for (var k = 0; k < e.events.length; k++) { if (eventIn(e.events[k])) { count++; } }
    return count;
  }
  // Work out what is drawn and update only what changed: positions stay where they are.
  function sync() {
    var nodeAdds = [], nodeUpdates = [], nodeRemoves = [], edgeAdds = [], edgeUpdates = [], edgeRemoves = [];
    var active = {}, visibleEdges = 0, visibleEvents = {};
    var wantEdges = {};
    DATA.edges.forEach(function (e) {
      if (!present(e.from) || !present(e.to)) { return; }
      var count = edgeState(e);
      wantEdges[e.id] = count;
      if (count) { active[e.from] = 1; active[e.to] = 1; visibleEdges++; }
    });
    EVENTS.forEach(function (ev, i) { if (eventIn(i)) { visibleEvents[i] = 1; } });
    var wantNodes = {};
    DATA.nodes.forEach(function (n) { if (present(n.id)) { wantNodes[n.id] = fullRange() || active[n.id] || pinned[n.id] ? 1 : 0; } });
    DATA.groups.forEach(function (g) {
      if (!expanded[g.id]) {
        var live = 0;
        g.members.forEach(function (m) { if (!pinned[m] && (fullRange() || (eventsOf[m] || []).some(eventIn))) { live++; } });
        wantNodes[g.id] = live ? 1 : 0;
      }
    });
    Object.keys(shownNodes).forEach(function (id) {
      if (!(id in wantNodes)) { nodeRemoves.push(id); delete shownNodes[id]; delete labelSize[id]; }
    });
    Object.keys(wantNodes).forEach(function (id) {
      var hidden = !wantNodes[id];
      if (!(id in shownNodes)) {
        var src = byId[id] || groupById[id];
        var item = Object.assign({}, src, { hidden: hidden });
        if (byId[id]) { Object.assign(item, DATA.looks[src.actor_type] || {}); item.title = nodeTip(src); }
        delete item.members;
        nodeAdds.push(asText(item));
      } else if (shownNodes[id] !== hidden) {
        nodeUpdates.push({ id: id, hidden: hidden });
      }
      shownNodes[id] = hidden;
    });
    var byKey = {};
    DATA.edges.forEach(function (e) { byKey[e.id] = e; });
    // edges between groups, or an actor and a group: one grey edge per pair, weighted by events
    if (grouped) {
      var agg = {};
      DATA.edges.forEach(function (e) {
        if (present(e.from) && present(e.to)) { return; }
        var a = present(e.from) ? e.from : byId[e.from].group_id, b = present(e.to) ? e.to : byId[e.to].group_id;
        if (a === b) { return; }
        var count = edgeState(e);
        if (!count) { return; }
        var key = "agg:" + (a < b ? a + "|" + b : b + "|" + a);
        if (!agg[key]) { agg[key] = { id: key, from: a, to: b, weight: 0 }; }
        agg[key].weight += count;
      });
      Object.keys(agg).forEach(function (k) {
        var g = agg[k];
        g.width = 1 + 1.5 * Math.log2(g.weight + 1); g.color = { color: "#c7c7c7" }; g.aggregate = true;
        g.title = g.weight + " event" + (g.weight === 1 ? "" : "s") + " between these groups/actors";
        wantEdges[k] = g;
        byKey[k] = g;
      });
    }
    Object.keys(shownEdges).forEach(function (id) { if (!(id in wantEdges)) { edgeRemoves.push(id); delete shownEdges[id]; } });
    Object.keys(wantEdges).forEach(function (id) {
      var want = wantEdges[id], src = byKey[id];
      var hidden = typeof want === "number" ? want === 0 : false;
      var width = typeof want === "number" ? 1.5 + 2 * Math.log2(Math.max(want, 1)) : src.width;
      var state = hidden + ":" + width;
      if (!(id in shownEdges)) {
        var item = Object.assign({}, src, { hidden: hidden, width: width });
        if (!src.aggregate) {
          Object.assign(item, DATA.styles[src.k]);
          item.assertion = EVENTS[src.events[0]].assertion; item.title = edgeTip(src);
          delete item.f; delete item.t; delete item.k; delete item.ev;
        }
        delete item.events;
        edgeAdds.push(asText(item));
      } else if (shownEdges[id] !== state) {
        edgeUpdates.push({ id: id, hidden: hidden, width: width });
      }
      shownEdges[id] = state;
    });
    if (edgeRemoves.length) { edges.remove(edgeRemoves); }
    if (nodeRemoves.length) { nodes.remove(nodeRemoves); }
    if (nodeAdds.length) { nodes.add(nodeAdds); }
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeAdds.length) { edges.add(edgeAdds); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var actorsShown = 0, groupsShown = 0;
    Object.keys(shownNodes).forEach(function (id) { if (!shownNodes[id]) { if (byId[id]) { actorsShown++; } else { groupsShown++; } } });
    var eventsShown = Object.keys(visibleEvents).length;
    var summary = document.getElementById("kg-summary");
    summary.textContent = actorsShown + " actors" + (groupsShown ? " and " + groupsShown + " groups" : "") + ", " +
      visibleEdges + " ties, " + eventsShown + " events shown of " + DATA.nodes.length + " actors and " + EVENTS.length + " events" +
      (fullRange() ? "" : " (" + MONTHS[range[0]] + " to " + MONTHS[range[1]] + ")") + ".";
    summary.setAttribute("data-actors", actorsShown); summary.setAttribute("data-events", eventsShown);
    summary.setAttribute("data-ties", visibleEdges);
    if (currentTab === "timeline") { drawTimeline(); }
  }
  var currentTab = "network";
  timing.prepared = performance.now();
  sync();  // fill the data sets first: vis stabilises what it is given
  timing.synced = performance.now();
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodes, edges: edges }, DATA.options);
  timing.network = performance.now();
  window.kgNetwork = network; window.network = network; window.kgNodes = nodes; window.kgEdges = edges;
  // Labels by importance: the most central actors always labelled, >= 12 px at the initial zoom.
  function sizeLabels() {
    var scale = network.getScale() || 1, updates = [];
    function set(id, size, most) {
      if (id in shownNodes && labelSize[id] !== size) {
        labelSize[id] = size;
        updates.push({ id: id, font: { size: size }, scaling: { label: { drawThreshold: 1, maxVisible: Math.max(most, size) } } });
      }
    }
    for (var i = 0; i < DATA.nodes.length && i < 4 * DATA.labelled + 50; i++) {  // nodes come most central first
      if (DATA.nodes[i].rank < DATA.labelled) { set(DATA.nodes[i].id, Math.max(14, Math.ceil(12.5 / scale)), 28); }
    }
    DATA.groups.forEach(function (g) { set(g.id, Math.max(16, Math.ceil(12.5 / scale)), 40); });
    if (updates.length) { nodes.update(updates); }
  }
  var zoomed = null;  // labels follow the zoom: top actors stay >= 12 px without growing huge
  network.on("zoom", function () {
    if (zoomed === null) { zoomed = requestAnimationFrame(function () { zoomed = null; sizeLabels(); }); }
  });
  function ready() {
    if (!window.kgReady) {
      sizeLabels();
      timing.ready = performance.now();
      window.kgReady = true; window.kgReadyAt = performance.now(); document.body.setAttribute("data-ready", "1");
    }
  }
  if (DATA.physics && DATA.nodes.length > 0) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); network.fit(); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }
  if (DATA.nodes.length === 0) { ready(); }

  // The time bar: events per month, two handles, play.
  var bar = document.getElementById("kg-histogram");
  var counts = MONTHS.map(function () { return 0; });
  EVENTS.forEach(function (e) { if (e.month >= 0) { counts[e.month]++; } });
  var most = Math.max.apply(null, counts.concat([1]));
  counts.forEach(function (c, i) {
    var b = el("div", "kg-bar");
    b.style.height = (c ? 4 + 36 * c / most : 0) + "px";
    b.title = MONTHS[i] + ": " + c + " event" + (c === 1 ? "" : "s");
    b.setAttribute("data-month", MONTHS[i]);
    bar.appendChild(b);
  });
  var from = document.getElementById("kg-from"), to = document.getElementById("kg-to");
  var shown = document.getElementById("kg-range-label");
  from.max = to.max = String(Math.max(0, MONTHS.length - 1));
  from.value = "0"; to.value = to.max;
  function paintBars() {
    Array.prototype.forEach.call(bar.children, function (b, i) { b.className = "kg-bar" + (i >= range[0] && i <= range[1] ? " kg-on" : ""); });
    shown.textContent = MONTHS.length ? MONTHS[range[0]] + " to " + MONTHS[range[1]] + (fullRange() ? " (all; undated events too)" : "") : "no dated events";
  }
  function setRange(a, b) {
    a = Math.max(0, Math.min(a, MONTHS.length - 1)); b = Math.max(a, Math.min(b, MONTHS.length - 1));
    range = [a, b]; from.value = String(a); to.value = String(b);
    paintBars(); sync();
  }
  from.addEventListener("input", function () { setRange(Math.min(+from.value, +to.value), +to.value); });
  to.addEventListener("input", function () { setRange(+from.value, Math.max(+from.value, +to.value)); });
  var playing = null, play = document.getElementById("kg-play");
  play.addEventListener("click", function () {
    if (playing) { clearInterval(playing); playing = null; play.textContent = "▶ play"; return; }
    var width = Math.max(0, range[1] - range[0]);
    if (fullRange() || width >= MONTHS.length - 1) { width = Math.min(2, MONTHS.length - 1); }
    var start = 0;
    play.textContent = "❚❚ pause";
    playing = setInterval(function () {
      if (start + width > MONTHS.length - 1) { clearInterval(playing); playing = null; play.textContent = "▶ play"; return; }
      setRange(start, start + width); start++;
    }, 700);
  });
  document.getElementById("kg-all").addEventListener("click", function () { setRange(0, MONTHS.length - 1); });
  paintBars();
  window.kgSetRange = function (a, b) { setRange(MONTHS.indexOf(a), MONTHS.indexOf(b)); };
  // one period ("2024", "2024-03") or "" for all: the steps of the time bar that fall in it
  window.kgSetPeriod = function (p) {
    var inside = MONTHS.map(function (m, i) { return m.indexOf(p) === 0 || p.indexOf(m) === 0 ? i : -1; }).filter(function (i) { return i >= 0; });
    if (!p) { setRange(0, MONTHS.length - 1); } else if (inside.length) { setRange(inside[0], inside[inside.length - 1]); }
  };

  // The actor panel.
  var panel = document.getElementById("kg-panel");
  function clear(box) { while (box.firstChild) { box.removeChild(box.firstChild); } }
  function showActor(id) {
    var n = byId[id];
    clear(panel); panel.hidden = false;
    panel.setAttribute("data-actor", id);
    panel.appendChild(el("h2", null, n.label));
    panel.appendChild(el("p", "kg-omitted", n.actor_type + " · " + (eventsOf[id] || []).length + " events"));
    var expand = el("button", null, "expand: show its neighbours");
    expand.id = "kg-expand";
    expand.addEventListener("click", function () {
      Object.keys(neighbours[id] || {}).forEach(function (m) { pinned[m] = 1; });
      pinned[id] = 1;
      if (!fullRange()) { setRange(0, MONTHS.length - 1); } else { sync(); }
    });
    panel.appendChild(expand);
    var tl = el("button", null, "timeline");
    tl.addEventListener("click", function () { focus = id; showTab("timeline"); });
    panel.appendChild(tl);
    var list = el("ul", "kg-events");
    (eventsOf[id] || []).forEach(function (i) {
      var e = EVENTS[i];
      var other = e.actors.filter(function (a) { return a !== id; }).map(function (a) { return labels[a] || a; }).join(", ");
      var li = el("li", "kg-" + (KG.NEGATIVE[e.status] ? "negative" : e.status));
      li.appendChild(el("span", "kg-date", (e.date || "undated") + (e.time ? " " + e.time : "")));
      li.appendChild(document.createTextNode(" " + e.relation + " " + other + " "));
      li.appendChild(el("span", "kg-status", e.status + (e.disputed ? ", disputed" : "") + (e.grade ? ", " + e.grade : "")));
      if (e.place) { li.appendChild(el("div", "kg-omitted", e.place)); }
      if (KG.history(e)) { li.appendChild(el("div", "kg-history", KG.history(e))); }
      var links = el("div", "kg-links");
      (e.sources || []).forEach(function (s, k) { links.appendChild(KG.sourceLink(s, k + 1)); });
      li.appendChild(links);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }
  function showGroup(id) {
    var t = performance.now();
    expanded[id] = 1; sync();
    timing.lastSync = performance.now() - t;
    sizeLabels();
    timing.lastOpen = performance.now() - t;
  }
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    if (groupById[id]) { showGroup(id); } else if (byId[id]) { showActor(id); }
  });
  window.kgShowActor = showActor; window.kgExpandGroup = showGroup;

  // Search: centre and highlight an actor.
  var search = document.getElementById("kg-search"), names = document.getElementById("kg-names");
  DATA.nodes.slice(0, 5000).forEach(function (n) { var o = document.createElement("option"); o.value = n.label; names.appendChild(o); });
  function find(text) {
    var q = KG.fold(text);
    if (!q) { return null; }
    var hit = DATA.nodes.find(function (n) { return KG.fold(n.label) === q; }) ||
      DATA.nodes.find(function (n) { return KG.fold(n.label).indexOf(q) >= 0; });
    return hit ? hit.id : null;
  }
  function goTo(text) {
    var id = find(text), note = document.getElementById("kg-search-note");
    if (!id) { note.textContent = "no actor matches “" + text + "”"; return null; }
    note.textContent = "";
    pinned[id] = 1;
    if (!fullRange() && !(eventsOf[id] || []).some(eventIn)) { setRange(0, MONTHS.length - 1); } else { sync(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    sizeLabels();
    showActor(id);
    return id;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); goTo(search.value); });
  window.kgSearch = goTo;

  // Tabs: network and timeline.
  var focus = null;
  function drawTimeline() {
    var box = document.getElementById("kg-timeline");
    var list = EVENTS.filter(function (e, i) { return eventIn(i) && (!focus || e.actors.indexOf(focus) >= 0); });
    KG.timeline(box, list.slice(0, 3000), labels, { focus: focus, heading: focus ? labels[focus] + ": " : "" });
  }
  function showTab(tab) {
    currentTab = tab;
    document.getElementById("kg-network").hidden = tab !== "network";
    document.getElementById("kg-timeline").hidden = tab !== "timeline";
    Array.prototype.forEach.call(document.querySelectorAll(".kg-tab"), function (b) { b.setAttribute("aria-selected", String(b.getAttribute("data-tab") === tab)); });
    if (tab === "timeline") { drawTimeline(); }
  }
  Array.prototype.forEach.call(document.querySelectorAll(".kg-tab"), function (b) {
    b.addEventListener("click", function () { if (b.getAttribute("data-tab") === "timeline") { focus = null; } showTab(b.getAttribute("data-tab")); });
  });
  window.kgShowTab = showTab;
})();
"""
