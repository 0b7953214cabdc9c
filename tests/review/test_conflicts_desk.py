"""kg.desk.conflicts: held vs planned/cancelled, counts, dates, places; each side with sources and grades."""

from __future__ import annotations

import pytest

from kg.desk.conflicts import conflicts, describe
from kg.model.inputs import ClaimInput
from kg.desk.review import retract

BASE = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", date="2025-08-15")


def add(graph, url: str, **extra) -> str:
    return graph.assert_claim(ClaimInput(**{**BASE, "source": url, "quote": f"quote {url}", **extra}))


def by_kind(graph, **kw):
    return {c["kind"]: c for c in conflicts(graph, **kw)}


def test_held_vs_cancelled_with_sources_and_grades(graph):
    held = add(graph, "https://a.example.org/", status="held", reliability="B", credibility=2)
    cancelled = add(graph, "https://b.example.org/", status="cancelled", reliability="D")
    found = by_kind(graph)
    assert set(found) == {"status"}
    sides = found["status"]["sides"]
    assert [s["id"] for s in sides["held"]] == [held] and [s["id"] for s in sides["cancelled"]] == [cancelled]
    assert sides["held"][0]["url"] == "https://a.example.org/" and sides["held"][0]["grade"] == "B2"
    assert sides["cancelled"][0]["reliability"] == "D"
    assert found["status"]["actors"] == ["Donald Trump", "Vladimir Putin"]
    assert describe(found["status"]).startswith("status: meets Donald Trump / Vladimir Putin: ")


def test_different_dates_places_and_window(graph):
    add(graph, "https://a.example.org/", place="Anchorage")
    add(graph, "https://b.example.org/", date="2025-08-16", place="Fairbanks")
    found = by_kind(graph)
    assert set(found) == {"date", "place"}
    assert set(found["date"]["sides"]) == {"2025-08-15", "2025-08-16"}
    # a meeting months later is another event, not a conflict
    add(graph, "https://c.example.org/", date="2025-12-01", place="Budapest")
    assert set(by_kind(graph)) == {"date", "place"}
    assert by_kind(graph, window_days=0) == {}
    with pytest.raises(ValueError, match="^window_days: "):
        conflicts(graph, window_days=-1)


def test_different_prisoner_counts_for_one_release(graph):
    rel = dict(subject="Alexander Lukashenko", relation="releases", object="political prisoners", object_type="Group",
               date="2025-09-11")
    graph.assert_claim(ClaimInput(**rel, count=52, source="https://a.example.org/r", quote="52 released"))
    graph.assert_claim(ClaimInput(**rel, count=14, source="https://b.example.org/r", quote="14 released"))
    found = by_kind(graph)
    assert set(found["count"]["sides"]) == {"52", "14"}


def test_retracted_side_is_not_a_conflict(graph):
    add(graph, "https://a.example.org/", status="held")
    wrong = add(graph, "https://b.example.org/", status="cancelled")
    retract(graph, wrong, reason="misread", by="analyst:alice")
    assert conflicts(graph) == []


def test_filter_by_actor(graph):
    add(graph, "https://a.example.org/", status="held")
    add(graph, "https://b.example.org/", status="refused")
    putin = graph.find_actor("Vladimir Putin").canonical_iri()
    assert len(conflicts(graph, actor=putin)) == 1
    assert conflicts(graph, actor="https://w3id.org/diplomacy-kg/id/actor/person/nobody") == []


def test_nested_places_agree(graph):
    add(graph, "https://a.example.org/", place="Anchorage")
    add(graph, "https://b.example.org/", place="Joint Base Elmendorf-Richardson, Anchorage")
    assert conflicts(graph) == []
