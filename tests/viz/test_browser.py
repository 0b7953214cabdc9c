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


def assert_clean(opened) -> None:
    assert opened.requests == [], f"requests left the page: {opened.requests}"
    assert opened.dialogs == [], f"a dialog opened: {opened.dialogs}"
    assert opened.errors == [], f"page errors: {opened.errors}"
    found = opened.page.evaluate(INJECTED)
    assert found == {"xss": None, "imgs": 0, "onerror": 0, "links": 0, "scripts": 2}, found


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


def test_timeline_filters_the_view(graph, tmp_path, open_page):
    build(graph)
    opened = open_page(write_html(graph, tmp_path / "net.html", per_period="year"))
    page = opened.page
    assert page.evaluate("Array.from(document.querySelectorAll('#kg-period option')).map(o => o.value)") == ["", "2024", "2025"]
    page.evaluate("kgSetPeriod('2024')")
    assert sorted(page.evaluate("network.body.data.edges.get().map(e => e.relation)")) == ["meets", "talksWith"]
    assert len(page.evaluate("network.body.data.nodes.get()")) == 3
    page.evaluate("kgSetPeriod('')")
    assert len(page.evaluate("network.body.data.edges.get()")) == 7


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
    labels = page.evaluate("window.kgNodes.get().map(n => n.label)")
    if place == "label":
        assert payload in labels or payload in page.evaluate("document.getElementById('kg-omitted').textContent")
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
