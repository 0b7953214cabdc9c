"""The page template (Jinja2, autoescaped).  Kept in Python so it ships inside the package.

Invariant: no data value reaches ``innerHTML``.  Tooltips become ``<div>``
elements filled with ``textContent``; labels are drawn on a canvas.

>>> "innerHTML" in PAGE
False
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<link rel="icon" href="data:,">
<title>{{ title }}</title>
<style>{{ vis_css }}</style>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
  #kg-network { flex: 1; height: 100vh; background: #fff; }
  #kg-side { width: 300px; padding: 12px 14px; border-left: 1px solid #ddd; overflow-y: auto; font-size: 13px; }
  #kg-side h1 { font-size: 16px; margin: 0 0 8px; }
  #kg-side h2 { font-size: 13px; margin: 14px 0 4px; text-transform: uppercase; color: #555; }
  .kg-row { display: flex; gap: 6px; align-items: center; margin: 2px 0; }
  .kg-swatch { display: inline-block; width: 26px; text-align: center; font-weight: bold; }
  .kg-tip { white-space: pre-wrap; max-width: 440px; font: 12px/1.4 system-ui, sans-serif; }
  .kg-note { background: #fff6e0; border: 1px solid #f0d48a; padding: 6px; margin: 8px 0; }
  .kg-omitted { color: #666; font-size: 12px; }
</style>
</head>
<body>
<div id="kg-network"></div>
<aside id="kg-side">
  <h1>{{ title }}</h1>
  <p id="kg-summary">{{ view.nodes|length }} actors, {{ view.edges|length }} ties{% if view.center %}, around {{ view.center }}{% endif %}.</p>
  {% if omitted_count %}
  <div class="kg-note" id="kg-omitted">
    Showing the {{ view.nodes|length }} most central of {{ view.total_nodes }} actors:
    {{ omitted_count }} left out (raise --max-nodes to see them).
    <div class="kg-omitted">Left out: {{ omitted_sample|join(", ") }}{% if omitted_count > omitted_sample|length %} and {{ omitted_count - omitted_sample|length }} more{% endif %}.</div>
  </div>
  {% endif %}
  {% if not view.physics %}<p class="kg-omitted">Layout computed in advance; physics off for speed.</p>{% endif %}
  <h2>Period</h2>
  <select id="kg-period" aria-label="period"><option value="">all periods</option></select>
  <p class="kg-omitted" id="kg-period-note">By {{ view.granularity }}; undated ties show under all periods only.</p>
  <h2>Actors</h2>
  {% for t in legend.types %}<div class="kg-row"><span class="kg-swatch" style="color: {{ t.color }}">{{ t.symbol }}</span>{{ t.name }}</div>{% endfor %}
  <h2>Relations</h2>
  {% for r in legend.relations %}<div class="kg-row"><span class="kg-swatch" style="color: {{ r.color }}">&#9472;&#9472;</span>{{ r.name }}</div>{% endfor %}
  <h2>Marks</h2>
  {% for m in legend.marks %}<div class="kg-row"><span class="kg-swatch" style="color: {{ m.color }}">{{ m.symbol }}</span>{{ m.name }}</div>{% endfor %}
  <p class="kg-omitted">Node size: degree centrality. Hover for dates, status, source and quote.</p>
</aside>
<script>{{ vis_js }}</script>
<script>
(function () {
  "use strict";
  var DATA = {{ data_json }};
  function asText(item) {
    if (typeof item.title === "string" && item.title) {
      var tip = document.createElement("div");
      tip.className = "kg-tip";
      tip.textContent = item.title;
      item.title = tip;
    }
    return item;
  }
  var nodes = new vis.DataSet(DATA.nodes.map(asText));
  var edges = new vis.DataSet(DATA.edges.map(asText));
  var period = "";
  var active = new Set();
  var edgeView = new vis.DataView(edges, { filter: function (e) { return !period || e.period === period; } });
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !period || active.has(n.id); } });
  var network = new vis.Network(document.getElementById("kg-network"), {}, DATA.options);
  function ready() {
    if (!window.kgReady) { window.kgReady = true; window.kgReadyAt = performance.now(); document.body.setAttribute("data-ready", "1"); }
  }
  if (DATA.physics && DATA.nodes.length > 0) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); ready(); });
  } else {
    network.once("afterDrawing", ready);
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  if (DATA.nodes.length === 0) { ready(); }
  window.kgNetwork = network; window.network = network; window.kgNodes = nodes; window.kgEdges = edges;
  var select = document.getElementById("kg-period");
  DATA.periods.forEach(function (p) {
    var option = document.createElement("option");
    option.value = p; option.textContent = p; select.appendChild(option);
  });
  select.addEventListener("change", function () {
    period = select.value;
    active = new Set();
    if (period) { edges.forEach(function (e) { if (e.period === period) { active.add(e.from); active.add(e.to); } }); }
    edgeView.refresh(); nodeView.refresh();
    network.fit();
  });
  window.kgSetPeriod = function (p) { select.value = p; select.dispatchEvent(new Event("change")); };
})();
</script>
</body>
</html>
"""
