"""The demo's pages in headless Chromium: readable labels, the seed's planned meeting on the timeline, nothing leaves."""

from __future__ import annotations

import pytest

from kg.api import KnowledgeGraph
from kg.demo import run_demo
from kg.viz.timeline import write_timeline
from tests.viz.test_browser import assert_clean

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo run once over the bundled samples (its store and network page)."""
    out = tmp_path_factory.mktemp("demo")
    run_demo(out, echo=lambda *_: None)
    return out


def test_top_actors_are_labelled_at_12_px_or_more(demo, open_page):
    opened = open_page(demo / "network.html")
    page = opened.page
    sizes = page.evaluate("KG_DATA.nodes.filter(n => n.rank < KG_DATA.labelled)"
                          ".map(n => [n.label, network.body.nodes[n.id].options.font.size * network.getScale()])")
    assert len(sizes) >= 10 and "Donald Trump" in dict(sizes)
    assert all(px >= 12 for _, px in sizes), sizes
    assert_clean(opened)


def test_search_centres_and_opens_the_actor(demo, open_page):
    opened = open_page(demo / "network.html")
    page = opened.page
    page.fill("#kg-search", "vladimir PUTIN")
    page.press("#kg-search", "Enter")
    page.wait_for_selector("#kg-panel:not([hidden])")
    assert page.inner_text("#kg-panel h2") == "Vladimir Putin"
    node = page.evaluate("network.getSelectedNodes()[0]")
    assert page.evaluate(f"KG_DATA.nodes.find(n => n.id === {node!r}).label") == "Vladimir Putin"
    centre = page.evaluate(f"(() => {{ const p = network.getPositions([{node!r}])[{node!r}]; const v = network.getViewPosition();"
                           f" return Math.hypot(p.x - v.x, p.y - v.y); }})()")
    assert centre < 1
    assert any("2025-08-15" in t and "planned" in t for t in page.eval_on_selector_all("#kg-panel li", "ls => ls.map(l => l.textContent)"))
    assert_clean(opened, links=None)


def test_timeline_shows_the_planned_trump_putin_meeting_on_its_date(demo, open_page, tmp_path):
    with KnowledgeGraph.open(str(demo / "store")) as graph:
        path = write_timeline(graph, tmp_path / "timeline.html", "trump", "putin")
    opened = open_page(path)
    page = opened.page
    items = page.eval_on_selector_all(".kg-tl-item", "is => is.map(i => [i.dataset.date, i.dataset.status, i.className, "
                                      "parseFloat(i.style.left), i.textContent])")
    planned = [i for i in items if i[1] == "planned"]
    assert planned and all(i[0] == "2025-08-15" and "kg-planned" in i[2] for i in planned)
    assert any("Anchorage" in i[4] for i in planned)
    assert all("2025-08-15 11:30 planned" in i[4] for i in planned)  # the clock time, as a source or the analyst gave it
    tick = page.eval_on_selector_all(".kg-tl-tick", "ts => ts.map(t => [t.textContent, parseFloat(t.style.left)])")
    august = dict(tick)["2025-08"]
    assert all(august < i[3] for i in planned)  # after the start of August, on the 15th
    rows = page.eval_on_selector_all(".kg-tl-row", "rs => rs.map(r => r.dataset.group)")
    assert rows == ["Vladimir Putin"]  # grouped by counterpart
    assert page.eval_on_selector(".kg-tl-item.kg-planned", "i => getComputedStyle(i).backgroundColor") == "rgb(255, 255, 255)"
    assert_clean(opened, links=None, scripts=1)
