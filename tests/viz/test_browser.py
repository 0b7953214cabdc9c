"""Generated pages in headless Chromium, network blocked: data present, nothing leaves, nothing runs."""

from __future__ import annotations

import pytest

from kg.analysis import project
from kg.analysis.synthetic import synthetic_network
from kg.viz import render_network, write_html
from tests.analysis.sample import build
from tests.viz.payloads import PAYLOADS, PLACES, add_payload

pytestmark = pytest.mark.browser

INJECTED = """() => ({
  xss: window.__xss === undefined ? null : String(window.__xss),
  imgs: document.querySelectorAll("img").length,
  onerror: document.querySelectorAll("[onerror]").length,
  links: document.querySelectorAll("a").length,
  scripts: document.querySelectorAll("script").length,
})"""


def assert_clean(opened, *, links: int | None = 0, scripts: int = 3) -> None:
    """Nothing left the page, nothing ran; ``scripts``: the page's own (data JSON, vis-network, ours)."""
    assert opened.requests == [], f"requests left the page: {opened.requests}"
    assert opened.dialogs == [], f"a dialog opened: {opened.dialogs}"
    assert opened.errors == [], f"page errors: {opened.errors}"
    found = opened.page.evaluate(INJECTED)
    if links is None:  # pages with source links: every one an http(s) address
        assert opened.page.evaluate("Array.from(document.querySelectorAll('a')).every(a => /^https?:$/.test(new URL(a.href).protocol))")
        found.pop("links")
        assert found == {"xss": None, "imgs": 0, "onerror": 0, "scripts": scripts}, found
    else:
        assert found == {"xss": None, "imgs": 0, "onerror": 0, "links": links, "scripts": scripts}, found


def test_nodes_and_edges_are_in_the_datasets(graph, tmp_path, open_page):
    ids = build(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    labels = set(page.evaluate("network.body.data.nodes.get().map(n => n.label)"))
    assert labels == {"Alice Ames", "Boris Brandt", "Carla Cruz", "Dmitri Dal", "Erik Eng", "Freedonia", "Prisoners",
                      "Ruritania"}
    edges = page.evaluate("network.body.data.edges.get().map(e => [e.relation, e.status, e.assertion, !!e.dashes, e.label || ''])")
    by_assertion = {e[2]: e for e in edges}
    assert by_assertion[ids["Carla Cruz-meets-Dmitri Dal"]][:2] == ["meets", "planned"]
    assert by_assertion[ids["Carla Cruz-meets-Dmitri Dal"]][3] is True
    assert by_assertion[ids["Dmitri Dal-meets-Alice Ames"]][4] == "✗ refused"
    assert by_assertion[ids["Ruritania-sanctions-Freedonia"]][:2] == ["sanctions", "held"]
    assert len(edges) == 7
    assert_clean(opened)


# every node's position, shown or hidden (getPositions leaves hidden nodes out)
POSITIONS = "Object.fromEntries(Object.entries(network.body.nodes).map(([k, n]) => [k, [Math.round(n.x), Math.round(n.y)]]))"
COUNTS = "(() => { const s = document.getElementById('kg-summary'); return [+s.dataset.actors, +s.dataset.ties, +s.dataset.events]; })()"
VISIBLE = "network.body.data.nodes.get().filter(n => !n.hidden).map(n => n.label).sort()"


def drag(page, selector: str, fraction: float) -> None:
    """Drag a range input's thumb with the mouse to ``fraction`` of its track."""
    box = page.locator(selector).bounding_box()
    value = float(page.eval_on_selector(selector, "e => (e.value - e.min) / Math.max(1, e.max - e.min)"))
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 8 + value * (box["width"] - 16), y)
    page.mouse.down()
    page.mouse.move(box["x"] + 8 + fraction * (box["width"] - 16), y, steps=8)
    page.mouse.up()


def test_time_bar_filters_in_place(graph, tmp_path, open_page):
    build(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    months = page.evaluate("KG_DATA.months")
    assert months[0] == "2024-03" and months[-1] == "2025-06" and len(months) == 16
    heights = page.evaluate("Array.from(document.querySelectorAll('#kg-histogram .kg-bar')).map(b => parseFloat(b.style.height))")
    assert len(heights) == 16 and sum(1 for h in heights if h > 0) == 7  # one bar per month, seven months with events
    before, counts = page.evaluate(POSITIONS), page.evaluate(COUNTS)
    assert counts == [8, 7, 7]
    drag(page, "#kg-to", 3 / 15)  # the right handle to 2024-06: the 2024 ties only
    assert page.evaluate("document.getElementById('kg-to').value") == "3"
    assert page.evaluate(COUNTS) == [3, 2, 2]
    assert page.evaluate(VISIBLE) == ["Alice Ames", "Boris Brandt", "Carla Cruz"]
    assert sorted(page.evaluate("network.body.data.edges.get().filter(e => !e.hidden).map(e => e.relation)")) == ["meets", "talksWith"]
    assert page.evaluate(POSITIONS) == before  # nothing moved
    drag(page, "#kg-from", 11 / 15)  # the left handle cannot pass the right one
    drag(page, "#kg-to", 1.0)
    drag(page, "#kg-from", 11 / 15)  # 2025-02 .. 2025-06
    assert page.evaluate(COUNTS)[2] == 4
    page.click("#kg-all")  # back to all periods: the same layout, everything shown
    assert page.evaluate(COUNTS) == [8, 7, 7]
    assert page.evaluate(POSITIONS) == before
    assert "8 actors" in page.inner_text("#kg-summary")
    page.click("#kg-play")
    page.wait_for_function("() => document.getElementById('kg-range-label').textContent.indexOf('(all') < 0")
    page.click("#kg-play")
    assert page.evaluate(POSITIONS) == before
    assert_clean(opened)


def test_clicking_an_actor_opens_its_panel_with_safe_source_links(graph, tmp_path, open_page):
    build(graph)
    add_payload(graph, "javascript:alert(1)", "title")
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    node = page.evaluate("network.body.data.nodes.get().find(n => n.label === 'Carla Cruz').id")
    point = page.evaluate(f"(() => {{ const p = network.getPositions([{node!r}])[{node!r}]; "
                          f"const d = network.canvasToDOM(p); const r = document.getElementById('kg-network').getBoundingClientRect();"
                          f" return [d.x + r.left, d.y + r.top]; }})()")
    page.mouse.click(point[0], point[1])
    page.wait_for_selector("#kg-panel:not([hidden])")
    assert page.inner_text("#kg-panel h2") == "Carla Cruz"
    items = page.evaluate("Array.from(document.querySelectorAll('#kg-panel li')).map(li => li.textContent)")
    assert len(items) == 3 and any("planned" in i and "2025-02-01" in i and "Dmitri Dal" in i for i in items)
    links = page.evaluate("Array.from(document.querySelectorAll('#kg-panel a')).map(a => [a.getAttribute('href'), a.rel, a.target])")
    assert len(links) == 3
    assert all(h.startswith("https://example.org/") and rel == "noopener noreferrer" and t == "_blank" for h, rel, t in links)
    page.click("#kg-expand")
    page.evaluate("kgSearch('target land')")  # a title of "javascript:…" is text, never a link
    assert page.inner_text("#kg-panel h2") == "Target Land"
    assert page.evaluate("Array.from(document.querySelectorAll('a')).every(a => /^https:/.test(a.href))")
    assert page.evaluate("network.getSelectedNodes()") == [page.evaluate("KG_DATA.nodes.find(n => n.label === 'Target Land').id")]
    assert page.evaluate("document.getElementById('kg-panel').textContent").count("javascript:alert(1)") == 1
    assert_clean(opened, links=None)


def test_timeline_tab_shows_the_events(graph, tmp_path, open_page):
    build(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    page.click(".kg-tab[data-tab=timeline]")
    assert page.is_visible("#kg-timeline") and not page.is_visible("#kg-network")
    statuses = page.evaluate("Array.from(document.querySelectorAll('.kg-tl-item')).map(i => i.dataset.status).sort()")
    assert statuses == ["held"] * 5 + ["planned", "refused"]
    assert_clean(opened, links=None)


def test_tooltip_shows_text_not_markup(graph, tmp_path, open_page):
    payload = '<img src=x onerror="window.__xss=1">'
    add_payload(graph, payload, "label")
    opened = open_page(write_html(graph, tmp_path / "net.html"))
    page = opened.page
    node = page.evaluate("network.body.data.nodes.get().find(n => n.actor_type === 'Person').id")
    point = page.evaluate(f"(() => {{ const p = network.getPositions([{node!r}])[{node!r}]; "
                          f"const d = network.canvasToDOM(p); const r = document.getElementById('kg-network').getBoundingClientRect();"
                          f" return [d.x + r.left, d.y + r.top]; }})()")
    page.mouse.move(point[0] + 3, point[1] + 3)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = page.evaluate("(() => { const t = document.querySelector('div.vis-tooltip'); return [t.textContent, t.querySelectorAll('img').length]; })()")
    assert payload in tip[0] and tip[1] == 0
    page.wait_for_timeout(200)
    assert_clean(opened)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_stay_text(graph, tmp_path, open_page, payload, place):
    add_payload(graph, payload, place)
    opened = open_page(write_html(graph, tmp_path / "net.html", max_nodes=1 if place == "label" else 500))
    page = opened.page
    titles = page.evaluate("network.body.data.edges.get().concat(network.body.data.nodes.get())"
                           ".map(i => i.title && i.title.textContent).join('\\n')")
    labels = page.evaluate("KG_DATA.nodes.map(n => n.label)")
    if place == "label":
        assert payload in labels
        assert any(payload in g for g in page.evaluate("window.kgNodes.get().map(n => n.label)"))  # the group's label
    else:
        assert payload in titles
    assert_clean(opened)


def test_large_page_renders_within_bounds(tmp_path, open_page):
    path = tmp_path / "big.html"
    render_network(synthetic_network(2000, 4000, seed=5), max_nodes=2000).save(path)
    opened = open_page(path, timeout_ms=30000)
    assert opened.page.evaluate("network.body.data.nodes.length") == 2000
    assert opened.page.evaluate("network.physics.options.enabled") is False
    assert opened.ready_seconds < 20  # generous bound; bench/bench_analysis.py reports the real figure
    assert_clean(opened)


def test_small_page_stabilises(tmp_path, open_page):
    path = tmp_path / "small.html"
    render_network(synthetic_network(100, 300, seed=6)).save(path)
    opened = open_page(path, timeout_ms=30000)
    assert opened.page.evaluate("network.physics.options.enabled") is False  # switched off after stabilising
    assert opened.ready_seconds < 20
    assert_clean(opened)


def test_notebook_iframe_renders_without_running_payloads(graph, browser):
    from kg.viz import network_view

    add_payload(graph, "</script><script>window.top.__xss=1;alert(1)</script>", "quote")
    add_payload(graph, '<img src=x onerror="window.top.__xss=1">', "label")
    context = browser.new_context()
    try:
        page = context.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route("**/*", lambda r: (requests.append(r.request.url), r.abort()))
        page.set_content(f"<!DOCTYPE html><html><body>{network_view(graph)._repr_html_()}</body></html>")
        frame = page.frames[1]
        frame.wait_for_function("() => window.kgReady === true", timeout=15000)
        assert len(frame.evaluate("network.body.data.nodes.get()")) == 3
        assert frame.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
        assert page.evaluate("window.__xss === undefined") and dialogs == [] and requests == []
    finally:
        context.close()


@pytest.mark.parametrize(("payload", "place"), [(p, place) for place in PLACES for p in (PAYLOADS[1], PAYLOADS[3], PAYLOADS[5])])
def test_timeline_page_keeps_payloads_as_text(graph, tmp_path, open_page, payload, place):
    from kg.viz.timeline import write_timeline

    add_payload(graph, payload, place)
    opened = open_page(write_timeline(graph, tmp_path / "timeline.html", "Target Land"))
    page = opened.page
    text = page.evaluate("document.getElementById('kg-timeline').textContent")
    text += "\n".join(page.eval_on_selector_all("[title]", "es => es.map(e => e.title)"))
    assert (payload if place != "source" else "A clean title") in text  # a source shows its title, links only http(s)
    assert_clean(opened, links=None, scripts=1)  # the timeline page has no vis-network script


def test_past_the_cap_groups_open_on_click(tmp_path, open_page):
    path = tmp_path / "grouped.html"
    render_network(synthetic_network(3000, 6000, seed=8), max_nodes=60).save(path)
    opened = open_page(path, timeout_ms=30000)
    page = opened.page
    shown = page.evaluate("window.kgNodes.get().filter(n => !n.hidden).map(n => n.id)")
    groups = page.evaluate("KG_DATA.groups.map(g => g.id)")
    assert set(shown) == set(groups) and 2 <= len(groups) <= 60  # the overview: one node per community
    assert page.evaluate("+document.getElementById('kg-summary').dataset.actors") == 0
    group = page.evaluate("KG_DATA.groups[0]")
    point = page.evaluate(f"(() => {{ const d = network.canvasToDOM({{x: {group['x']}, y: {group['y']}}});"
                          " const r = document.getElementById('kg-network').getBoundingClientRect(); return [d.x + r.left, d.y + r.top]; })()")
    hit = page.evaluate(f"(() => {{ const d = network.canvasToDOM({{x: {group['x']}, y: {group['y']}}}); return network.getNodeAt(d); }})()")
    assert hit in groups  # a group is under the pointer (group 0, or a neighbour drawn over it)
    page.mouse.click(point[0], point[1])
    page.wait_for_function("() => +document.getElementById('kg-summary').dataset.actors > 0")
    members = set(page.evaluate(f"KG_DATA.groups.find(g => g.id === {hit!r}).members"))
    group = {"id": hit}
    now = set(page.evaluate("window.kgNodes.get().filter(n => !n.hidden).map(n => n.id)"))
    assert members <= now and group["id"] not in now  # the group became its actors
    assert page.evaluate("+document.getElementById('kg-summary').dataset.actors") == len(members)
    assert page.evaluate("kgSearch('Actor 2999')") == "actor:2999"  # search reaches an actor inside a closed group
    assert "actor:2999" in page.evaluate("window.kgNodes.get().filter(n => !n.hidden).map(n => n.id)")
    assert_clean(opened, links=None)


def test_time_bar_by_year_and_by_period(graph, tmp_path, open_page):
    build(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html", per_period="year"))
    page = opened.page
    assert page.evaluate("KG_DATA.months") == ["2024", "2025"]
    before = page.evaluate(POSITIONS)
    page.evaluate("kgSetPeriod('2024')")
    assert page.evaluate(COUNTS) == [3, 2, 2]
    assert page.evaluate(VISIBLE) == ["Alice Ames", "Boris Brandt", "Carla Cruz"]
    page.evaluate("kgSetPeriod('')")
    assert page.evaluate(COUNTS) == [8, 7, 7] and page.evaluate(POSITIONS) == before
    assert_clean(opened)
