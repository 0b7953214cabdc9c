"""Event judgements: machine links, analyst merges and splits stored as data, replayed, reversible, in history."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import RdfFormat

from kg import events
from kg.events.cluster import Clusterer
from kg.events.match import blocking_key
from kg.model.inputs import ClaimInput
from kg.desk.history import history
from kg.desk.review import retract

MEET = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin")


def claim(graph, url, **extra):
    return graph.assert_claim(ClaimInput(**{**MEET, "source": url, "quote": f"quote {url}", **extra}))


def test_planned_and_held_join_with_a_status_history(graph):
    planned = claim(graph, "https://a.example/1", status="planned", date="2025-08-15", published="2025-08-08")
    held = claim(graph, "https://b.example/2", status="held", date="2025-08-15", published="2025-08-15")
    [c] = events.clusters(graph)
    assert sorted(c.members) == sorted([planned, held])
    assert [(h["day"], h["status"]) for h in c.status_history] == [("2025-08-08", "planned"), ("2025-08-15", "held")]
    assert (c.first_reported, c.last_reported, c.status, c.conflict) == ("2025-08-08", "2025-08-15", "held", False)


def test_a_cancelled_plan_and_a_later_meeting_on_another_date_stay_apart(graph):
    claim(graph, "https://a.example/1", status="planned", date="2025-05-10", published="2025-05-01")
    claim(graph, "https://b.example/2", status="cancelled", date="2025-05-10", published="2025-05-08")
    claim(graph, "https://c.example/3", status="held", date="2025-08-15", published="2025-08-15")
    found = events.clusters(graph)
    assert [(c.first_date, c.status, c.mentions) for c in found] == [("2025-05-10", "cancelled", 2),
                                                                       ("2025-08-15", "held", 1)]


def test_disagreement_on_one_reporting_day_is_a_conflict(graph):
    claim(graph, "https://a.example/1", status="held", date="2025-08-15", published="2025-08-15")
    claim(graph, "https://b.example/2", status="cancelled", date="2025-08-15", published="2025-08-15")
    [c] = events.clusters(graph)
    assert c.conflict and c.status_history[0]["statuses"] == ["held", "cancelled"]


def test_places_that_are_not_nested_are_two_events_unless_on_one_day(graph):
    claim(graph, "https://a.example/1", date="2025-08-15", place="Anchorage")
    claim(graph, "https://b.example/2", date="2025-08-15", place="Joint Base Elmendorf-Richardson, Anchorage")
    claim(graph, "https://c.example/3", date="2025-08-16", place="Helsinki", status="planned")
    assert sorted(c.mentions for c in events.clusters(graph)) == [1, 2]
    claim(graph, "https://e.example/5", date="2025-08-15", place="Fairbanks")  # one pair, one day: a conflict
    from kg.desk.conflicts import conflicts

    assert sorted(c.mentions for c in events.clusters(graph)) == [1, 3]
    assert {c["kind"] for c in conflicts(graph, window_days=0)} == {"place"}


def test_merge_and_split_are_reversible_append_only_and_in_history(graph, kg_cli, tmp_path):
    a = claim(graph, "https://a.example/1", date="2025-08-15")
    b = claim(graph, "https://b.example/2", date="2025-09-20")
    assert events.update(graph) == 2 and events.update(graph) == 0
    before = set(graph.export(RdfFormat.N_QUADS).decode().splitlines())
    merged = events.merge(graph, a, b, reason="one trip reported with two dates", by="analyst:alice")
    [c] = events.clusters(graph)
    assert c.members == sorted([a, b]) and (c.first_date, c.last_date) == ("2025-08-15", "2025-09-20")
    split = events.split(graph, c.id, b if c.id == a else a, reason="two trips after all", by="analyst:bob")
    assert sorted(x.members for x in events.clusters(graph)) == sorted([[a], [b]])
    after = set(graph.export(RdfFormat.N_QUADS).decode().splitlines())
    judgements = [q for q in before if "eventjudgement" in q]
    assert judgements and set(judgements) <= after  # nothing stored was deleted
    kinds = [(e.kind, e.by, e.record) for e in history(graph, b)]
    assert ("event merge", "alice", merged) in kinds and ("event split", "bob", split) in kinds
    reasons = [e.reason for e in history(graph, b) if e.kind.startswith("event")]
    assert any("two trips after all" in r for r in reasons)
    # merging again restores the one event
    events.merge(graph, a, b, reason="confirmed one trip", by="analyst:alice")
    assert len(events.clusters(graph)) == 1


def test_bad_judgements_are_refused_and_write_nothing(graph):
    a = claim(graph, "https://a.example/1", status="planned", date="2025-08-15")
    b = claim(graph, "https://b.example/2", status="held", date="2025-08-15")
    events.update(graph)
    anchor = events.cluster(graph, a).id
    before = graph.export(RdfFormat.N_QUADS)
    for call, pattern in [(lambda: events.merge(graph, a, b, reason="x"), "already one event"),
                          (lambda: events.merge(graph, a, "f" * 32, reason="x"), "neither an event cluster"),
                          (lambda: events.merge(graph, a, "nope", reason="x"), "^id: 'nope'"),
                          (lambda: events.split(graph, anchor, anchor, reason="x"), "anchors event"),
                          (lambda: events.split(graph, a, b, reason=" "), "^reason: ")]:
        with pytest.raises(ValueError, match=pattern):
            call()
    assert graph.export(RdfFormat.N_QUADS) == before


def test_split_sticks_when_new_reports_arrive(graph):
    a = claim(graph, "https://a.example/1", date="2025-08-15")
    b = claim(graph, "https://b.example/2", date="2025-08-15")
    anchor = events.cluster(graph, a).id
    other = b if anchor == a else a
    events.split(graph, anchor, other, reason="different meeting that day", by="analyst:alice")
    c = claim(graph, "https://c.example/3", date="2025-08-15")
    events.update(graph)
    groups = sorted(x.members for x in events.clusters(graph))
    # the split sticks: anchor and other stay apart; c, as close to both, joins one of them (a tie: either is right)
    assert len(groups) == 2 and sum(c in g for g in groups) == 1
    assert not any(anchor in g and other in g for g in groups)


def test_retracted_reports_leave_the_counts_and_return_when_reinstated(graph):
    a = claim(graph, "https://a.example/1", date="2025-08-15")
    b = claim(graph, "https://b.example/2", date="2025-08-15")
    retract(graph, b, reason="misread", by="analyst:alice")
    assert [c.mentions for c in events.clusters(graph)] == [1]
    graph.reinstate(b, reason="it was right", by="analyst:alice")
    assert [sorted(c.members) for c in events.clusters(graph)] == [sorted([a, b])]


def test_clustering_compares_only_candidates_of_the_block():
    from datetime import date

    from kg.events.reported import Reported

    def r(i, pair, day):
        return Reported(f"{i:032x}", "meets", "Meeting", "held", day, "explicit", None, None, None,
                        frozenset(pair), f"d{i}", None, None, day, "2025-01-01T00:00:00")

    c = Clusterer()
    pairs = [("p%d" % k, "q%d" % k) for k in range(50)]
    c.feed([r(i, pairs[i % 50], date(2025, 1, 1 + i // 50)) for i in range(500)])
    probe = r(999, pairs[7], date(2025, 1, 3))
    candidates = list(c.candidates(probe))
    assert len(candidates) == 10 and all(blocking_key(m) == blocking_key(probe) for _, ms in candidates for m in ms)
    assert c.assign(probe).a == next(a for a, ms in candidates if ms[0].date == date(2025, 1, 3))


def test_cli_merge_split_and_formats(tmp_path, kg_cli):
    from kg.api import KnowledgeGraph

    store = tmp_path / "store"
    with KnowledgeGraph.open(str(store)) as g:
        a = claim(g, "https://a.example/1", date="2025-08-15")
        b = claim(g, "https://b.example/2", date="2025-09-20")
    kg_cli("events", "merge", a, b, "--reason", "one trip", "--analyst", "alice", store=store, check=True)
    listed = json.loads(kg_cli("events", "list", "--format", "json", store=store, check=True).stdout)
    assert len(listed) == 1 and listed[0]["mentions"] == 2
    kg_cli("events", "split", listed[0]["id"], b if listed[0]["id"] == a else a, "--reason", "two trips",
           store=store, check=True)
    assert len(json.loads(kg_cli("events", "list", "--format", "json", store=store, check=True).stdout)) == 2
    history = kg_cli("history", b, store=store, check=True).stdout
    assert "event merge" in history and "event split" in history
    bad = kg_cli("events", "list", "--format", "xml", store=store)
    assert bad.returncode != 0 and "--format" in bad.stderr
    missing = kg_cli("events", "merge", a, b, store=store)
    assert missing.returncode != 0 and "--reason" in missing.stderr
