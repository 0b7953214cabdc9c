"""kg.desk.history: as_of (record time) and diff."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kg.desk import grading, review
from kg.rdf.terms import iri
from kg.desk.history import as_of, diff, moment
from kg.desk.review import assertions_about

MEETS = "SELECT ?g WHERE { ?g a dip:Assertion ; dip:claimEvent ?e . ?e dip:status ?s }"  # event nodes in the view


def test_as_of_applies_only_records_made_by_then(graph, extracted, past):
    first = extracted(graph, at=past)
    second = extracted(graph, at=past + timedelta(days=30), url="https://b.example.org/", text="Trump meets Putin.",
                       quote="Trump meets Putin")
    review.reject(graph, first, "wrong", "analyst:alice")  # recorded now (after `past`)
    assert not any(True for _ in assertions_about(graph, iri(graph.find_actor("Donald Trump").canonical_iri()))
                   if str(_["g"]).endswith(first))

    before_any = as_of(graph, past - timedelta(days=1))
    assert before_any.stats()["assertions"] == 0 and before_any.select(MEETS) == []

    early = as_of(graph, past + timedelta(days=1))
    assert early.stats()["assertions"] == 1 and early.stats()["records"] == 0
    assert {str(r["g"]).rsplit("/", 1)[-1] for r in early.select(MEETS)} == {first}
    assert review.effective_status(early, first) == "proposed"

    then = as_of(graph, (past + timedelta(days=60)).date().isoformat())
    assert {str(r["g"]).rsplit("/", 1)[-1] for r in then.select(MEETS)} == {first, second}

    now = as_of(graph, datetime.now(timezone.utc) + timedelta(minutes=1))
    assert {str(r["g"]).rsplit("/", 1)[-1] for r in now.select(MEETS)} == {second}
    assert review.effective_status(now, first) == "rejected"
    assert len(now.store) == len(graph.store)  # nothing lost when the cut is after everything


def test_diff_lists_added_decided_and_regraded(graph, extracted, past):
    aid = extracted(graph, at=past)
    start = datetime.now(timezone.utc) - timedelta(seconds=1)
    review.accept(graph, aid, "checked", "analyst:alice")
    grading.set_source_grade(graph, "news.example.com", "C", reason="first look")
    grading.set_source_grade(graph, "news.example.com", "B", reason="better record")
    grading.override_credibility(graph, aid, 3, reason="plausible")
    changes = diff(graph, "2025-01-01", "2025-12-31")
    assert [a["id"] for a in changes["added"]] == [aid] and changes["accepted"] == []
    changes = diff(graph, start, datetime.now(timezone.utc) + timedelta(seconds=5))
    assert changes["added"] == [] and [a["id"] for a in changes["accepted"]] == [aid]
    regraded = [(r["aspect"], r["from"], r["to"]) for r in changes["regraded"]]
    assert regraded == [("sourceReliability", None, "C"), ("sourceReliability", "C", "B"),
                        ("informationCredibility", None, "3")]
    with pytest.raises(ValueError, match="^from: "):
        diff(graph, "2025-12-31", "2025-01-01")
    with pytest.raises(ValueError, match="^when: "):
        moment("yesterday")
