"""Reinstating a rejected or retracted assertion: record, view, status, history, as-of, diff, CLI."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from pyoxigraph import DefaultGraph, RdfFormat

from kg.desk import review
from kg.rdf.ids import agent_iri, assertion_iri, record_iri
from kg.model.inputs import ClaimInput
from kg.rdf.terms import iri
from kg.desk.records import Record, record_quads
from kg.desk.history import as_of, diff
from kg.rdf.validate import ValidationError, validate_quads
from kg.desk.history import history
from kg.desk.review import retract
from tests.conftest import run_kg

OTHER_TEXT = "Vladimir Putin and Donald Trump will meet in Alaska, Moscow confirmed."
OTHER_QUOTE = "Vladimir Putin and Donald Trump will meet in Alaska"


def _default(graph) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in graph.store.quads(None, None, None, DefaultGraph())}


def _claim(graph, aid: str) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in graph.store.quads(None, None, None, iri(assertion_iri(aid)))}


def _claim_in_view(graph, aid: str) -> set[tuple]:
    return _claim(graph, aid) & _default(graph)


def _record_triples(graph) -> set[tuple]:
    """Default-graph triples about record nodes (and the analysts who made them)."""
    return {t for t in _default(graph) if "/id/record/" in t[0].value or "/agent/analyst/" in t[0].value}


def _nquads(graph) -> bytes:
    return graph.export(RdfFormat.N_QUADS)


def _claim_input(source: str) -> ClaimInput:
    return ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin", source=source,
                      date="2025-08-15", status="held", place="Anchorage")


@pytest.mark.parametrize("removal", ["reject", "retract"])
def test_removal_then_reinstate_restores_exactly_the_claim(graph, extracted, removal):
    aid = extracted(graph)
    claim = _claim(graph, aid)
    before = _default(graph)
    assert claim and claim <= before
    if removal == "reject":
        review.reject(graph, aid, "satire site", "analyst:alice")
    else:
        retract(graph, aid, reason="wrong date", by="analyst:alice")
    assert _claim_in_view(graph, aid) == set()
    assert review.effective_status(graph, aid) == {"reject": "rejected", "retract": "retracted"}[removal]

    rid = review.reinstate(graph, aid, "the source is real", "analyst:bob")
    assert _claim_in_view(graph, aid) == claim
    assert _default(graph) - _record_triples(graph) == before  # nothing else came or went
    assert review.effective_status(graph, aid) == "proposed"
    assert [r["id"] for r in review.review_queue(graph)] == [aid]
    assert aid in review.active_graphs(graph) and graph.stats()["retracted_or_rejected"] == 0
    record = review.decisions(graph)[aid][-1]
    assert (record["decision"], record["record"], record["reason"], record["by"]) == \
        ("reinstated", rid, "the source is real", "bob")
    assert record["undoes"] == [review.decisions(graph)[aid][0]["record"]]


def test_reinstated_analyst_claim_is_accepted_again_and_can_be_removed_again(graph):
    aid = graph.assert_claim(_claim_input("https://www.whitehouse.example.gov/briefing"))
    retract(graph, aid, reason="duplicate", by="analyst:alice")
    graph.reinstate(aid, reason="not a duplicate after all", by="analyst:alice")
    assert review.effective_status(graph, aid) == "accepted"
    assert aid in review.active_graphs(graph, "accepted")
    review.reject(graph, aid, "now really wrong", "analyst:alice")  # the latest decision wins
    assert review.effective_status(graph, aid) == "rejected" and _claim_in_view(graph, aid) == set()
    assert aid not in review.active_graphs(graph)
    review.reinstate(graph, aid, "checked twice", "analyst:alice")
    assert review.effective_status(graph, aid) == "accepted" and _claim_in_view(graph, aid) == _claim(graph, aid)
    undone = [r["undoes"] for r in review.decisions(graph)[aid] if r["decision"] == "reinstated"]
    assert len(undone) == 2 and len(undone[1]) == 1 and undone[0] != undone[1]  # each undoes its own removal


def test_reinstating_an_active_assertion_fails_and_writes_nothing(graph, extracted):
    aid = extracted(graph)
    before = _nquads(graph)
    with pytest.raises(ValueError, match=f"^id: assertion {aid} is proposed, not rejected or retracted"):
        graph.reinstate(aid, reason="why not")
    review.accept(graph, aid, "checked", "analyst:alice")
    accepted = _nquads(graph)
    with pytest.raises(ValueError, match=f"^id: assertion {aid} is accepted") as exc:
        review.reinstate(graph, aid, "why not", "analyst:alice")
    assert "\n" not in str(exc.value)
    assert _nquads(graph) == accepted and accepted != before

    review.reject(graph, aid, "wrong", "analyst:alice")
    review.reinstate(graph, aid, "right after all", "analyst:alice")
    once = _nquads(graph)
    with pytest.raises(ValueError, match=f"{aid} is accepted"):  # a second reinstatement is refused too
        graph.decide(aid, "reinstated", reason="again")
    assert _nquads(graph) == once


def test_reinstate_needs_a_reason_and_a_known_id(graph, extracted):
    aid = extracted(graph)
    review.reject(graph, aid, "wrong", "analyst:alice")
    before = _nquads(graph)
    with pytest.raises(ValueError, match="^reason: "):
        review.reinstate(graph, aid, "  ", "analyst:alice")
    with pytest.raises(ValueError, match="^reason: "):
        graph.reinstate(aid, reason="")
    with pytest.raises(KeyError, match="0" * 32):
        graph.reinstate("0" * 32, reason="x")
    with pytest.raises(ValueError, match="^id: "):
        review.reinstate(graph, "nope", "x", "analyst:alice")
    assert _nquads(graph) == before


def test_shared_triples_are_neither_duplicated_nor_lost(graph, extracted):
    first = extracted(graph)
    second = extracted(graph, url="https://wire.example.org/b", text=OTHER_TEXT, quote=OTHER_QUOTE,
                       publisher="Wire")
    shared = _claim(graph, first) & _claim(graph, second)
    assert shared, "both assertions state the actors' triples"
    before_view, before_len = _default(graph), len(graph.store)

    review.reject(graph, first, "copy", "analyst:alice")
    assert shared <= _default(graph)  # still stated by the active second assertion
    assert _claim_in_view(graph, first) == shared

    review.reinstate(graph, first, "independent report", "analyst:alice")
    assert _default(graph) - _record_triples(graph) == before_view
    assert len(graph.store) == before_len + len(_record_triples(graph))
    assert _claim_in_view(graph, first) == _claim(graph, first)

    review.reject(graph, second, "copy", "analyst:alice")  # the reinstated one now carries the shared triples
    assert shared <= _default(graph) and _claim_in_view(graph, second) == shared


def test_history_lists_the_reinstatement_in_order(graph, extracted):
    aid = extracted(graph)
    review.reject(graph, aid, "wrong", "analyst:alice")
    rid = review.reinstate(graph, aid, "right after all", "analyst:bob")
    review.accept(graph, aid, "checked", "analyst:carol")
    entries = history(graph, aid)
    assert [e.kind for e in entries] == ["asserted", "rejected", "reinstated", "accepted"]
    assert (entries[2].by, entries[2].reason, entries[2].record) == ("bob", "right after all", rid)
    assert review.effective_status(graph, aid) == "accepted"


def test_as_of_before_and_after_the_reinstatement(graph, extracted, past):
    aid = extracted(graph, at=past)
    review.reject(graph, aid, "wrong", "analyst:alice")
    time.sleep(0.01)
    review.reinstate(graph, aid, "right after all", "analyst:alice")
    rejected_at = next(e.at for e in history(graph, aid) if e.kind == "rejected")

    before = as_of(graph, rejected_at)
    assert review.effective_status(before, aid) == "rejected"
    assert _claim_in_view(before, aid) == set() and aid not in review.active_graphs(before)

    after = as_of(graph, datetime.now(timezone.utc) + timedelta(minutes=1))
    assert review.effective_status(after, aid) == "proposed"
    assert _claim_in_view(after, aid) == _claim(graph, aid) and aid in review.active_graphs(after)
    assert set(after.store.quads()) == set(graph.store.quads())  # the rebuilt view of now is the stored one

    earlier = as_of(graph, past + timedelta(days=1))
    assert _claim_in_view(earlier, aid) == _claim(graph, aid)


def test_diff_reports_reinstatements(graph, extracted, past):
    aid = extracted(graph, at=past)
    start = datetime.now(timezone.utc) - timedelta(seconds=1)
    review.reject(graph, aid, "wrong", "analyst:alice")
    review.reinstate(graph, aid, "right after all", "analyst:bob")
    changes = diff(graph, start, datetime.now(timezone.utc) + timedelta(seconds=5))
    assert [r["id"] for r in changes["rejected"]] == [aid]
    assert [(r["id"], r["by"], r["reason"]) for r in changes["reinstated"]] == [(aid, "bob", "right after all")]
    assert diff(graph, "2000-01-01", "2000-01-02")["reinstated"] == []


def test_reinstatement_record_follows_its_shape():
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    good = Record("1" * 32, "a" * 32, "reinstated", "analyst:alice", at, "checked", ("2" * 32,))
    quads = record_quads(good)
    triples = {(q.subject.value, q.predicate.value, q.object.value) for q in quads}
    assert (record_iri("1" * 32), "https://w3id.org/diplomacy-kg/ontology#undoes", record_iri("2" * 32)) in triples
    assert (record_iri("1" * 32), "http://www.w3.org/ns/prov#wasAttributedTo", agent_iri("analyst:alice")) in triples
    validate_quads(quads, what="reinstatement")
    with pytest.raises(ValidationError, match="reason"):
        validate_quads(record_quads(Record("1" * 32, "a" * 32, "reinstated", "analyst:alice", at, None,
                                           ("2" * 32,))), what="reinstatement")
    with pytest.raises(ValidationError, match="undoes"):
        validate_quads(record_quads(Record("1" * 32, "a" * 32, "reinstated", "analyst:alice", at, "x")),
                       what="reinstatement")


def test_cli_reinstate(tmp_path):
    store = tmp_path / "store"
    aid = run_kg("assert", "Donald Trump", "meets", "Vladimir Putin", "--status", "held", "--date", "2025-08-15",
                 "--source", "https://www.whitehouse.example.gov/briefing", store=store, check=True).stdout.split()[-1]
    active = run_kg("review", "reinstate", aid, "--reason", "x", store=store)
    assert active.returncode == 1 and active.stderr.count("\n") == 1
    assert f"assertion {aid} is accepted" in active.stderr
    missing = run_kg("review", "reinstate", aid, store=store)
    assert missing.returncode == 2 and "--reason" in missing.stderr

    run_kg("review", "reject", aid, "--reason", "wrong", store=store, check=True)
    out = run_kg("review", "reinstate", aid, "--reason", "right after all", "--analyst", "bob", store=store, check=True)
    rid = out.stdout.strip()
    assert len(rid) == 32
    item = json.loads(run_kg("review", "show", aid, "--format", "json", store=store, check=True).stdout)
    assert item["status"] == "accepted"
    assert [(d["decision"], d["by"]) for d in item["decisions"]] == [("rejected", "analyst"), ("reinstated", "bob")]
    history = run_kg("history", aid, store=store, check=True).stdout
    assert "reinstated" in history and history.index("rejected") < history.index("reinstated")
    unknown = run_kg("review", "reinstate", "0" * 32, "--reason", "x", store=store)
    assert unknown.returncode == 3 and unknown.stderr.count("\n") == 1 and "0" * 32 in unknown.stderr  # no match
