"""The page templates (Jinja2, autoescaped).  Kept in Python so they ship inside the package.

Invariant: no data value reaches ``innerHTML``.  Tooltips become ``<div>``
elements filled with ``textContent``; labels are drawn on a canvas; links
get an ``href`` only for http(s) addresses (:mod:`kg.viz.scripts`).

>>> "innerHTML" in PAGE + TIMELINE_PAGE
False
"""

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:")

_LEGEND = """
  <h2>Actors</h2>
  {% for t in legend.types %}<div class="kg-row"><span class="kg-swatch" style="color: {{ t.color }}">{{ t.symbol }}</span>{{ t.name }}</div>{% endfor %}
  <h2>Relations</h2>
  {% for r in legend.relations %}<div class="kg-row{% if not r.shown %} kg-absent{% endif %}" data-relation="{{ r.name }}" data-relation-color="{{ r.color }}"><svg class="kg-line" width="34" height="12" aria-hidden="true"><line x1="2" y1="6" x2="26" y2="6" stroke="{{ r.color }}" stroke-width="2.5"/></svg><span class="kg-arrow" style="color: {{ r.color }}">{{ r.arrow }}</span>{{ r.name }}</div>{% endfor %}
  <h2>Status</h2>
  {% for m in legend.marks %}<div class="kg-row"><svg class="kg-line" width="34" height="12" aria-hidden="true"><line x1="2" y1="6" x2="32" y2="6" stroke="{{ m.color }}" stroke-width="2.5"{% if m.dash %} stroke-dasharray="{{ m.dash }}"{% endif %}/></svg>{{ m.name }}</div>{% endfor %}
"""

_BASE_CSS = """
  .kg-row { display: flex; gap: 6px; align-items: center; margin: 2px 0; }
  .kg-swatch { display: inline-block; width: 26px; text-align: center; font-weight: bold; }
  .kg-arrow { display: inline-block; width: 12px; font-weight: bold; }
  .kg-absent { opacity: .55; }
  .kg-omitted { color: #666; font-size: 12px; }
  h1 { font-size: 16px; margin: 0 0 8px; }
  aside h2 { font-size: 13px; margin: 14px 0 4px; text-transform: uppercase; color: #555; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content=\"""" + CSP + """\">
<link rel="icon" href="data:,">
<title>{{ title }}</title>
<style>{{ vis_css }}</style>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
  #kg-main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #kg-tabs { display: flex; gap: 4px; padding: 4px 8px; border-bottom: 1px solid #ddd; }
  .kg-tab { border: 1px solid #bbb; background: #f4f4f4; padding: 3px 10px; cursor: pointer; }
  .kg-tab[aria-selected="true"] { background: #fff; font-weight: 600; }
  #kg-network { flex: 1; min-height: 0; background: #fff; }
  #kg-timeline { flex: 1; min-height: 0; overflow: auto; padding: 8px; }
  #kg-timebar { border-top: 1px solid #ddd; padding: 4px 10px 8px; background: #fcfcfc; }
  #kg-histogram { display: flex; align-items: flex-end; gap: 1px; height: 40px; margin: 0 8px; }
  .kg-bar { flex: 1; background: #c9d6e3; min-width: 1px; }
  .kg-bar.kg-on { background: #4e79a7; }
  #kg-slider { position: relative; height: 22px; margin: 0 0; }
  #kg-slider input { position: absolute; left: 0; width: 100%; margin: 0; top: 2px; pointer-events: none;
    -webkit-appearance: none; appearance: none; background: transparent; height: 18px; }
  #kg-slider input::-webkit-slider-thumb { pointer-events: auto; -webkit-appearance: none; width: 16px; height: 18px;
    background: #4e79a7; border-radius: 3px; cursor: ew-resize; }
  #kg-slider input::-webkit-slider-runnable-track { background: #e3e3e3; height: 4px; }
  #kg-slider input::-webkit-slider-thumb { margin-top: -7px; }
  #kg-timebar-row { display: flex; gap: 8px; align-items: center; font-size: 12px; }
  #kg-side { width: 320px; padding: 12px 14px; border-left: 1px solid #ddd; overflow-y: auto; font-size: 13px; }
  #kg-panel { border: 1px solid #ccd; background: #f7f9fc; padding: 6px 8px; margin: 8px 0; }
  #kg-panel h2 { text-transform: none; color: #000; font-size: 15px; margin: 2px 0; }
  .kg-events { padding-left: 16px; margin: 6px 0; }
  .kg-events li { margin: 4px 0; }
  li.kg-negative { text-decoration: line-through; color: #777; }
  .kg-status { color: #555; font-size: 12px; }
  .kg-links a, .kg-links span { margin-right: 6px; font-size: 12px; word-break: break-all; }
  .kg-tip { white-space: pre-wrap; max-width: 440px; font: 12px/1.4 system-ui, sans-serif; }
  .kg-note { background: #fff6e0; border: 1px solid #f0d48a; padding: 6px; margin: 8px 0; }
""" + _BASE_CSS + """
</style>
<style>{{ timeline_css }}</style>
</head>
<body>
<div id="kg-main">
  <div id="kg-tabs" role="tablist">
    <button class="kg-tab" data-tab="network" aria-selected="true">Network</button>
    <button class="kg-tab" data-tab="timeline" aria-selected="false">Timeline</button>
  </div>
  <div id="kg-network"></div>
  <div id="kg-timeline" hidden></div>
  <div id="kg-timebar">
    <div id="kg-histogram" aria-label="events per month"></div>
    <div id="kg-slider">
      <input type="range" id="kg-from" min="0" max="0" value="0" aria-label="from month">
      <input type="range" id="kg-to" min="0" max="0" value="0" aria-label="to month">
    </div>
    <div id="kg-timebar-row">
      <button id="kg-play" type="button">▶ play</button>
      <button id="kg-all" type="button">all periods</button>
      <span id="kg-range-label"></span>
    </div>
  </div>
</div>
<aside id="kg-side">
  <h1>{{ title }}</h1>
  <p id="kg-summary">{{ view.nodes|length }} actors, {{ view.edges|length }} ties{% if view.center %}, around {{ view.center }}{% endif %}.</p>
  {% if grouped %}
  <div class="kg-note" id="kg-omitted">
    {{ view.total_nodes }} actors are more than --max-nodes: the view opens on {{ view.groups|length }} groups
    (communities). Click a group to open it; search finds any actor.
  </div>
  {% endif %}
  {% if not view.physics %}<p class="kg-omitted">Layout computed in advance; physics off for speed.</p>{% endif %}
  <form id="kg-search-form" role="search">
    <input id="kg-search" list="kg-names" placeholder="find an actor" aria-label="find an actor" autocomplete="off">
    <button type="submit">find</button>
    <datalist id="kg-names"></datalist>
    <div id="kg-search-note" class="kg-omitted"></div>
  </form>
  <div id="kg-panel" hidden></div>
""" + _LEGEND + """
  <p class="kg-omitted">Node size: degree centrality; edge width: number of events. Click an actor for its events
  and sources. Hover for dates, status, grade and quote.</p>
</aside>
<script type="application/json" id="kg-data">{{ data_json }}</script>
<script>{{ vis_js }}</script>
<script>
var KG_DATA = JSON.parse(document.getElementById("kg-data").textContent);
{{ app_js }}
</script>
</body>
</html>
"""

TIMELINE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content=\"""" + CSP + """\">
<link rel="icon" href="data:,">
<title>{{ title }}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; display: flex; min-height: 100vh; }
  #kg-timeline { flex: 1; min-width: 0; padding: 10px; }
  #kg-side { width: 260px; padding: 12px 14px; border-left: 1px solid #ddd; font-size: 13px; }
""" + _BASE_CSS + """
</style>
<style>{{ timeline_css }}</style>
</head>
<body>
<main id="kg-timeline"></main>
<aside id="kg-side">
  <h1>{{ title }}</h1>
  <p class="kg-omitted">Planned: outlined; held: filled; refused, negated or cancelled: struck through.
  Rows: {{ "counterparts" if focus else "relations" }}. Each item links its sources.</p>
""" + _LEGEND + """
</aside>
<script>
var KG_DATA = {{ data_json }};
{{ app_js }}
(function () {
  "use strict";
  var DATA = window.KG_DATA, colors = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-relation-color]"), function (r) {
    colors[r.getAttribute("data-relation")] = r.getAttribute("data-relation-color");
  });
  KG.relationColor = function (rel) { return colors[rel] || "#555"; };
  KG.timeline(document.getElementById("kg-timeline"), DATA.events, DATA.labels, { focus: DATA.focus, heading: DATA.heading });
  window.kgReady = true; document.body.setAttribute("data-ready", "1");
})();
</script>
</body>
</html>
"""
