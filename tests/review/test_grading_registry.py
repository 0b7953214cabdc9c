"""kg.desk.grading: sources registry with history, corroboration-based credibility, overrides, grade filters."""

from __future__ import annotations

import pytest

from kg.desk import grading
from kg.model.inputs import ClaimInput
from kg.desk.records import UnknownAssertionError

CLAIM = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", date="2025-08-15",
             quote="Trump met Putin in Anchorage on Friday.")


def claim(graph, url: str, **extra) -> str:
    return graph.assert_claim(ClaimInput(**{**CLAIM, "source": url, **extra}))


def test_registry_keeps_history_and_latest_wins(graph):
    grading.set_source_grade(graph, "https://www.reuters.com/world", "B", reason="track record", by="analyst:alice")
    grading.set_source_grade(graph, "reuters.com", "A", reason="verified desk", by="analyst:bob")
    grading.set_source_grade(graph, "Example Gazette", "D", reason="tabloid")
    rows = {r["source"]: r for r in grading.list_sources(graph)}
    assert rows["reuters.com"]["grade"] == "A" and rows["reuters.com"]["changes"] == 2
    assert rows["reuters.com"]["by"] == "bob" and rows["reuters.com"]["reason"] == "verified desk"
    assert grading.source_grade(graph, "https://reuters.com/x") == "A"
    assert grading.source_grade(graph, "example gazette") == "D"
    assert grading.source_grade(graph, "unknown.org") is None
    assert len(grading.ratings(graph)) == 3


@pytest.mark.parametrize("source, grade, reason, field", [
    ("reuters.com", "G", "x", "grade"), ("reuters.com", "AB", "x", "grade"),
    ("", "A", "x", "source"), ("reuters.com", "A", " ", "reason"),
])
def test_registry_rejects_bad_input_and_writes_nothing(graph, source, grade, reason, field):
    from pyoxigraph import RdfFormat

    before = graph.export(RdfFormat.N_QUADS)
    with pytest.raises(ValueError, match=f"^{field}: "):
        grading.set_source_grade(graph, source, grade, reason=reason)
    assert graph.export(RdfFormat.N_QUADS) == before


def test_registry_fills_in_ungraded_assertions_only(graph):
    ungraded = claim(graph, "https://www.tass.example/a")
    graded = claim(graph, "https://tass.example/b", reliability="B", quote="Another wording.")
    grading.set_source_grade(graph, "tass.example", "D", reason="state media")
    assert grading.effective_grade(graph, ungraded)["reliability"] == "D"
    assert grading.effective_grade(graph, ungraded)["reliability_basis"] == "registry"
    assert grading.effective_grade(graph, graded)["reliability"] == "B"


def test_credibility_from_independent_sources_syndication_counts_once(graph):
    one = claim(graph, "https://a.example.org/1", quote="Trump met Putin.")
    assert grading.effective_grade(graph, one)["credibility"] == 6
    # a syndicated copy: same quote on another outlet -> still one origin
    copy = claim(graph, "https://b.example.org/1", quote="  TRUMP met Putin! ")
    assert grading.effective_grade(graph, one)["origins"] == 1
    assert grading.effective_grade(graph, copy)["credibility"] == 6
    # the same outlet again -> still one origin
    claim(graph, "https://a.example.org/2", quote="Putin and Trump shook hands.")
    assert grading.effective_grade(graph, one)["origins"] == 1
    claim(graph, "https://c.example.org/1", quote="The two presidents met.")
    assert grading.effective_grade(graph, one)["credibility"] == 2
    claim(graph, "https://d.example.org/1", quote="They met on Friday.")
    assert grading.effective_grade(graph, one)["credibility"] == 1
    # a different date or a different status is not the same claim
    other = claim(graph, "https://e.example.org/1", quote="Met in June.", date="2025-06-01")
    assert grading.effective_grade(graph, other)["origins"] == 1


def test_override_wins_with_reason_and_validates(graph):
    aid = claim(graph, "https://a.example.org/1")
    grading.override_credibility(graph, aid, 2, reason="confirmed by embassy cable", by="analyst:alice")
    grade = grading.effective_grade(graph, aid)
    assert grade["credibility"] == 2 and grade["computed_credibility"] == 6
    assert grade["override_reason"] == "confirmed by embassy cable"
    for bad in (0, 7):
        with pytest.raises(ValueError, match="^credibility: "):
            grading.override_credibility(graph, aid, bad, reason="x")
    with pytest.raises(ValueError, match="^reason: "):
        grading.override_credibility(graph, aid, 3, reason="")
    with pytest.raises(UnknownAssertionError):
        grading.override_credibility(graph, "0" * 32, 3, reason="x")


def test_grade_filter_ids_and_values_block(graph):
    good = claim(graph, "https://a.example.org/1", reliability="A")
    poor = claim(graph, "https://b.example.org/1", reliability="E", quote="Different words.")
    assert grading.graded_ids(graph, min_reliability="B") == {good}
    assert grading.graded_ids(graph, max_credibility=2) == {good, poor}  # two independent sources
    block = grading.values_block({good})
    rows = graph.select(f"SELECT DISTINCT ?g WHERE {{ {block} GRAPH ?g {{ ?a dip:meets ?b }} }}")
    assert [str(r["g"]).rsplit("/", 1)[-1] for r in rows] == [good]
    with pytest.raises(ValueError, match="^min_reliability: "):
        grading.graded_ids(graph, min_reliability="Z")
    with pytest.raises(ValueError, match="^max_credibility: "):
        grading.graded_ids(graph, max_credibility=9)
