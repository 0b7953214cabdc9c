"""The page without a browser: offline, escaped, trimmed to --max-nodes, notebook display."""

from __future__ import annotations

import html
import re

import pytest

from kg.analysis.synthetic import synthetic_network
from kg.viz import network_view, render_network, write_html
from kg.viz.build import PHYSICS_LIMIT, build_view
from kg.viz.page import vis_assets
from tests.analysis.sample import build
from tests.viz.payloads import PAYLOADS, PLACES, add_payload

REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)""",
    re.IGNORECASE,
)


def ours(page: str) -> str:
    """The page without the inlined vis-network library (whose core-js polyfill contains a "<script>" string)."""
    js, _ = vis_assets()
    assert page.count(js) == 1
    return page.replace(js, "")


def assert_offline(page: str) -> None:
    match = REMOTE.search(page)
    assert match is None, f"remote resource: {page[max(0, match.start() - 60):match.end() + 60]!r}"


def test_remote_check_catches_remote_resources():
    for bad in ('<script src="https://cdn.x/a.js">', "<link href=//cdn.x/a.css>", "@import url('https://x/y.css');",
                "background: url(http://x/y.png)"):
        with pytest.raises(AssertionError):
            assert_offline(bad)


def test_page_is_self_contained(graph, tmp_path):
    build(graph)
    page = write_html(graph, tmp_path / "net.html").read_text(encoding="utf-8")
    assert_offline(page)
    assert "vis.Network" in page and "Content-Security-Policy" in page
    assert ours(page).count("<script") == 3 and ours(page).count("</script>") == 3  # data JSON + vis-network + ours
    assert '<script type="application/json" id="kg-data">' in page
    for label in ("Alice Ames", "Ruritania", "Prisoners"):
        assert label in page


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_never_reach_the_markup(graph, tmp_path, payload, place):
    add_payload(graph, payload, place)
    page = write_html(graph, tmp_path / "net.html").read_text(encoding="utf-8")
    assert payload not in page
    page = ours(page)
    assert page.count("<script") == 3 and page.count("</script>") == 3 and "<img" not in page
    assert "\\u003c" in page or "<" not in payload  # escaped inside the JSON data
    assert 'href="javascript' not in page


def test_group_labels_are_escaped(graph):
    for payload in PAYLOADS:
        add_payload(graph, payload, "label")
    page = network_view(graph, max_nodes=2).html
    assert "the view opens on" in page
    assert all(p not in page for p in PAYLOADS) and "\\u003cimg src=x" in page


def test_large_views_have_fixed_positions_and_no_physics():
    G = synthetic_network(PHYSICS_LIMIT + 50, 600, seed=2)
    view = build_view(G)
    assert not view.physics and not view.options["physics"]["enabled"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in view.nodes)
    small = build_view(synthetic_network(40, 80, seed=2))
    assert small.physics and small.options["physics"]["stabilization"]["enabled"]


def test_past_max_nodes_communities_become_groups():
    G = synthetic_network(300, 900, seed=3)
    view = build_view(G, max_nodes=20)
    assert len(view.nodes) == 300 and view.total_nodes == 300 and view.omitted == []  # nobody is dropped
    assert 2 <= len(view.groups) <= 20
    members = [m for g in view.groups for m in g["members"]]
    assert sorted(members) == sorted(n["id"] for n in view.nodes)  # every actor in exactly one group
    group_of = {n["id"]: n["group_id"] for n in view.nodes}
    assert all(group_of[m] == g["id"] for g in view.groups for m in g["members"])
    assert not view.physics and all(isinstance(n["x"], float) for n in view.nodes + view.groups)
    sizes = [len(g["members"]) for g in view.groups]
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)
    page = render_network(G, max_nodes=20).html
    assert f"the view opens on {len(view.groups)} groups" in page
    assert len(build_view(G, max_nodes=300).groups) == 0  # at the cap: actors one by one


def test_nodes_are_ranked_by_centrality():
    G = synthetic_network(300, 900, seed=3)
    view = build_view(G)
    reports: dict = {n: set() for n in G}  # distinct assertions each actor takes part in
    for u, v, d in G.edges(data=True):
        reports[u].add(d["assertion"])
        reports[v].add(d["assertion"])
    weight = {n: len(r) for n, r in reports.items()}
    ranks = [n["id"] for n in sorted(view.nodes, key=lambda n: n["rank"])]
    assert weight[ranks[0]] == max(weight.values())
    assert view.labelled == 12


def test_actor_view_keeps_the_ego_network():
    G = synthetic_network(300, 900, seed=4)
    neighbours = {n: set(G.successors(n)) | set(G.predecessors(n)) for n in G}
    hub = max(G, key=lambda n: len(neighbours[n]))
    view = build_view(G, actor=G.nodes[hub]["label"], depth=1, max_nodes=5)
    assert view.nodes[0]["id"] == hub and view.nodes[0]["rank"] == 0
    assert {n["id"] for n in view.nodes} == neighbours[hub] | {hub}
    assert view.total_nodes == len(neighbours[hub]) + 1 and view.groups and view.center == G.nodes[hub]["label"]


def test_one_edge_per_pair_relation_and_status_weighted_by_events():
    import networkx as nx

    M = nx.MultiDiGraph()
    M.add_node("a", label="A", type="Person")
    M.add_node("b", label="B", type="Person")
    for i in range(5):  # one meeting reported five times, plus a planned one
        for u, v in (("a", "b"), ("b", "a")):
            M.add_edge(u, v, relation="meets", status="held", date="2025-01-0" + str(i + 1), assertion=str(i),
                       event=f"ev{i}", symmetric=True)
    M.add_edge("a", "b", relation="meets", status="planned", date="2025-03-01", assertion="p", event="evp", symmetric=True)
    view = build_view(M)
    held = [e for e in view.edges if e["status"] == "held"]
    assert len(view.edges) == 2 and len(held) == 1 and held[0]["weight"] == 5 and len(view.events) == 6
    assert held[0]["width"] > next(e for e in view.edges if e["status"] == "planned")["width"]
    assert "5 events, 2025-01-01 to 2025-01-05" in held[0]["title"]


def test_every_relation_is_distinct_and_the_legend_comes_from_the_ontology():
    from kg.model.relation_types import projections
    from kg.viz.page import legend
    from kg.viz.style import relation_arrow, relation_color

    names = list(projections())
    looks = {(relation_color(r), relation_arrow(r)) for r in names}
    assert len({relation_color(r) for r in names}) == len(names) and len(looks) == len(names)
    assert {r["name"] for r in legend()["relations"]} == set(names)
    assert relation_color("meets") != relation_color("talksWith")


def test_edges_are_styled_by_relation_and_status(graph):
    build(graph)
    from kg.analysis import project

    view = build_view(project(graph))
    by_status = {e["status"]: e for e in view.edges}
    assert by_status["planned"]["dashes"] is True
    assert by_status["refused"]["label"] == "✗ refused" and by_status["refused"]["color"] == "#d62728"
    meets = [e for e in view.edges if e["relation"] == "meets"]
    assert len(meets) == 3 and all(set(e["arrows"]) == {"to", "from"} for e in meets)  # one line per symmetric claim
    assert set(next(e for e in view.edges if e["relation"] == "sanctions")["arrows"]) == {"to"}
    assert {n["shape"] for n in view.nodes} == {"dot", "square", "triangle"}


def test_notebook_display_is_a_sandboxed_escaped_iframe(graph):
    add_payload(graph, PAYLOADS[2], "quote")
    shown = network_view(graph)._repr_html_()
    assert shown.startswith('<iframe sandbox="allow-scripts"') and shown.count("<") == 2  # iframe open + close
    assert "&lt;script" in shown


def test_unknown_options_fail(graph):
    with pytest.raises(TypeError, match="unknown option"):
        network_view(graph, colour="red")
    with pytest.raises(ValueError, match="month or year"):  # the time bar's steps
        network_view(graph, per_period="week")


def test_disputed_edges_are_marked(graph):
    ids = build(graph)
    graph.decide(ids["Ruritania-sanctions-Freedonia"], "disputed", reason="one source only")
    from kg.analysis import project

    edge = next(e for e in build_view(project(graph)).edges if e["relation"] == "sanctions")
    assert edge["disputed"] is True and edge["label"] == "✗ disputed" and edge["color"] == "#d62728"
