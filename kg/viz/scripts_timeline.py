"""The shared page helpers (``KG.el``, ``KG.sourceLink``, ``KG.history`` ...) and the timeline, as
JavaScript and CSS: used by the network page's timeline tab and by the timeline page.

Invariant, as in :mod:`kg.viz.scripts`: text goes through ``textContent``, never ``innerHTML``; a link's
``href`` is set only to an ``http:``/``https:`` address (``KG.safeUrl``), with ``rel="noopener noreferrer"``.

>>> "innerHTML" in TIMELINE_JS, "KG.safeUrl = function" in TIMELINE_JS, ".kg-tl-item" in TIMELINE_CSS
(False, True, True)
"""

#: Helpers and the timeline (used by the network page's tab and the timeline page).
TIMELINE_JS = r"""
var KG = window.KG = window.KG || {};
KG.el = function (tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
};
KG.safeUrl = function (url) {
  return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null;
};
KG.sourceLink = function (src, n) {
  var url = KG.safeUrl(src && src.url);
  var text = (src && (src.title || src.url)) || ("source " + n);
  var a;
  if (!url) { a = KG.el("span", "kg-src", text); } else {
    a = KG.el("a", "kg-src", text);
    a.href = url; a.rel = "noopener noreferrer"; a.target = "_blank";
  }
  if (!src || !src.grade) { return a; }
  var box = KG.el("span", "kg-src-graded");  // the source's effective grade beside it, as text
  box.appendChild(a); box.appendChild(KG.el("span", "kg-grade", " " + src.grade));
  return box;
};
// "planned 2025-08-08 → held 2025-08-15, 3 reports, 2 independent sources": an event's history and counts.
KG.history = function (e) {
  var h = (e.status_history || []).map(function (x) { return x.status + " " + x.day; }).join(" → ");
  var n = e.mentions ? e.mentions + " report" + (e.mentions === 1 ? "" : "s") : "";
  var i = e.independent ? e.independent + " independent source" + (e.independent === 1 ? "" : "s") : "";
  return [h, n, i].filter(Boolean).join(", ");
};
KG.fold = function (s) {
  return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
};
KG.NEGATIVE = { refused: 1, negated: 1, cancelled: 1 };
// The timeline: items on a time axis, one row per group (the counterpart), status as outline/fill/strike.
KG.timeline = function (box, events, labels, opts) {
  opts = opts || {};
  while (box.firstChild) { box.removeChild(box.firstChild); }
  var focus = opts.focus || null;
  var dated = events.filter(function (e) { return e.date; });
  var undated = events.filter(function (e) { return !e.date; });
  function name(id) { return labels[id] !== undefined ? labels[id] : id; }
  function groupOf(e) {
    if (focus) {
      var others = e.actors.filter(function (a) { return a !== focus; });
      return others.length ? others.map(name).join(" & ") : name(focus);
    }
    return e.relation;
  }
  function itemText(e) {
    var who = focus ? e.relation : name(e.source) + " " + e.relation + " " + name(e.target);
    return e.date + (e.time ? " " + e.time : "") + " " +
      e.status + (e.grade ? " " + e.grade : "") + ": " + who + (e.place ? " @ " + e.place : "");
  }
  var head = KG.el("p", "kg-tl-head", (opts.heading || "") + dated.length + " dated event" + (dated.length === 1 ? "" : "s") +
    (undated.length ? ", " + undated.length + " undated" : ""));
  box.appendChild(head);
  if (!dated.length && !undated.length) { box.appendChild(KG.el("p", null, "No events in this view.")); return; }
  var times = dated.map(function (e) { return Date.parse(e.date.slice(0, 10) + "T00:00:00Z"); });
  var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
  var pad = Math.max(15 * 864e5, (hi - lo) * 0.05); lo -= pad; hi += pad;
  var width = Math.max(900, Math.min(4000, 40 * dated.length));
  var itemWidth = 260, labelWidth = 170;
  function x(t) { return labelWidth + (t - lo) / (hi - lo) * (width - itemWidth); }
  var groups = {}, order = [];
  dated.forEach(function (e, i) {
    var g = groupOf(e);
    if (!groups[g]) { groups[g] = []; order.push(g); }
    groups[g].push({ e: e, t: times[i] });
  });
  order.sort(function (a, b) { return groups[b].length - groups[a].length || (a < b ? -1 : 1); });
  var scroll = KG.el("div", "kg-tl-scroll");
  var canvas = KG.el("div", "kg-tl-canvas");
  canvas.style.width = (width + labelWidth) + "px";
  scroll.appendChild(canvas);
  box.appendChild(scroll);
  var axis = KG.el("div", "kg-tl-axis");
  axis.style.width = (width + labelWidth) + "px";
  var d = new Date(lo); d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  var months = 0;
  var span = (hi - lo) / 2629746e3, step = span > 48 ? 12 : span > 18 ? 3 : 1;
  while (d.getTime() <= hi && months < 600) {
    if (d.getTime() >= lo && d.getUTCMonth() % step === 0) {
      var tick = KG.el("span", "kg-tl-tick", d.toISOString().slice(0, step === 12 ? 4 : 7));
      tick.style.left = x(d.getTime()) + "px";
      axis.appendChild(tick);
    }
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); months++;
  }
  canvas.appendChild(axis);
  order.forEach(function (g) {
    var row = KG.el("div", "kg-tl-row");
    row.setAttribute("data-group", g);
    row.appendChild(KG.el("div", "kg-tl-label", g));
    var lanes = [];
    groups[g].sort(function (a, b) { return a.t - b.t; }).forEach(function (it) {
      var left = x(it.t), lane = 0;
      while (lanes[lane] !== undefined && lanes[lane] > left) { lane++; }
      lanes[lane] = left + itemWidth + 4;
      var e = it.e;
      var item = KG.el("div", "kg-tl-item kg-" + (KG.NEGATIVE[e.status] ? "negative" : e.status === "planned" ? "planned" : "held"));
      item.setAttribute("data-status", e.status); item.setAttribute("data-date", e.date);
      item.style.left = left + "px"; item.style.top = (4 + lane * 46) + "px"; item.style.width = itemWidth + "px";
      item.style.borderColor = KG.relationColor(e.relation);
      if (e.status !== "planned" && !KG.NEGATIVE[e.status]) { item.style.background = KG.relationColor(e.relation); }
      item.appendChild(KG.el("span", "kg-tl-text", itemText(e)));
      var tip = itemText(e) + (KG.history(e) ? "\n" + KG.history(e) : "") + (e.quote ? "\n“" + e.quote + "”" : "") +
        (e.disputed ? "\ndisputed" : "");
      item.title = tip;
      var links = KG.el("span", "kg-tl-links");
      (e.sources || []).forEach(function (s, n) { links.appendChild(KG.sourceLink(s, n + 1)); });
      item.appendChild(links);
      row.appendChild(item);
    });
    row.style.height = (8 + Math.max(1, lanes.length) * 46) + "px";
    canvas.appendChild(row);
  });
  if (undated.length) {
    box.appendChild(KG.el("h3", null, "Undated"));
    var list = KG.el("ul", "kg-tl-undated");
    undated.forEach(function (e) {
      var li = KG.el("li", "kg-" + (KG.NEGATIVE[e.status] ? "negative" : e.status === "planned" ? "planned" : "held"),
        name(e.source) + " " + e.relation + " " + name(e.target) + " (" + e.status + ") ");
      (e.sources || []).forEach(function (s, n) { li.appendChild(KG.sourceLink(s, n + 1)); });
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  if (opts.scrollTo) {
    var first = canvas.querySelector('.kg-tl-item[data-date^="' + String(opts.scrollTo).replace(/[^0-9-]/g, "") + '"]');
    if (first) { scroll.scrollLeft = Math.max(0, parseFloat(first.style.left) - 40); }
  }
};
"""

TIMELINE_CSS = """
.kg-tl-head { margin: 6px 0; color: #444; }
.kg-tl-scroll { overflow-x: auto; border: 1px solid #ddd; background: #fafafa; }
.kg-tl-canvas { position: relative; }
.kg-tl-axis { position: relative; height: 22px; border-bottom: 1px solid #999; }
.kg-tl-tick { position: absolute; top: 3px; font-size: 11px; color: #555; border-left: 1px solid #bbb; padding-left: 3px; }
.kg-tl-row { position: relative; border-bottom: 1px solid #e5e5e5; }
.kg-tl-label { position: sticky; left: 0; z-index: 2; width: 160px; padding: 6px; font-weight: 600; font-size: 12px;
  background: rgba(250,250,250,.95); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.kg-tl-item { position: absolute; box-sizing: border-box; height: 42px; padding: 2px 5px; border: 2px solid #555;
  border-radius: 4px; font-size: 11px; line-height: 1.25; overflow: hidden; color: #000; }
.kg-tl-item.kg-held { color: #fff; text-shadow: 0 0 2px #000; }
.kg-tl-item.kg-planned { background: #fff; border-style: dashed; }
.kg-tl-item.kg-negative { background: #fff; border-style: dotted; border-color: #d62728 !important; color: #777; }
.kg-negative .kg-tl-text, li.kg-negative { text-decoration: line-through; }
.kg-tl-text { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.kg-tl-links a, .kg-tl-links span { margin-right: 5px; font-size: 10px; }
.kg-tl-item.kg-held a { color: #fff; }
"""
