"""kg.desk.review: the queue, one item, decisions, view modes."""

from __future__ import annotations

import pytest

from kg.desk import review
from kg.model.inputs import ClaimInput
from kg.desk.records import UnknownAssertionError
from kg.rdf.terms import iri
from kg.desk.history import history
from kg.desk.review import assertions_about

HELD = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", source="https://gov.example.org/held",
            quote="Trump and Putin met in Anchorage.", date="2025-08-15", place="Anchorage", reliability="B",
            credibility=2, analyst="alice")


def test_queue_lists_proposed_with_filters(graph, extracted):
    low = extracted(graph, confidence=0.4, url="https://low.example.net/x", text="Trump may meet Putin soon.",
                    quote="Trump may meet Putin")
    high = extracted(graph, confidence=0.9)
    graph.assert_claim(ClaimInput(**HELD))  # analyst claims enter accepted, not queued
    assert [r["id"] for r in review.review_queue(graph)] == [high, low]
    assert [r["id"] for r in review.review_queue(graph, min_confidence=0.5)] == [high]
    assert [r["id"] for r in review.review_queue(graph, source="low.example")] == [low]
    assert [r["id"] for r in review.review_queue(graph, source="Example News")] == [high, low]
    assert review.review_queue(graph, relation="talksWith") == []
    assert len(review.review_queue(graph, status=None)) == 3
    with pytest.raises(ValueError, match="relation: unknown relation 'meet'; did you mean meets|unknown relation 'meet'"):
        review.review_queue(graph, relation="meet")
    with pytest.raises(ValueError, match="min_confidence"):
        review.review_queue(graph, min_confidence=2)


def test_item_shows_claim_quote_in_sentence_source_and_extractor(graph, extracted):
    aid = extracted(graph)
    item = review.review_item(graph, aid)
    assert item["highlight"] == ("", "Donald Trump will meet Vladimir Putin in Alaska",
                                 " on Friday, the White House said.")
    assert item["asserted_by"] == "extractor:rules@0.1" and item["confidence"] == 0.8
    assert item["url"] == "https://news.example.com/planned" and item["publisher"] == "Example News"
    assert {a["label"] for a in item["actors"]} == {"Donald Trump", "Vladimir Putin"}
    assert item["event_status"] == "planned" and item["status"] == "proposed"
    with pytest.raises(UnknownAssertionError):
        review.review_item(graph, "0" * 32)
    with pytest.raises(ValueError, match="^id: "):
        review.review_item(graph, "not-an-id")


def test_accept_reject_dispute(graph, extracted):
    a = extracted(graph)
    b = extracted(graph, url="https://b.example.org/", text="Trump to meet Putin.", quote="Trump to meet Putin")
    c = extracted(graph, url="https://c.example.org/", text="Putin will meet Trump.", quote="Putin will meet Trump")
    review.accept(graph, a, "checked the article", "analyst:alice")
    review.reject(graph, b, "satire site", "bob")
    review.dispute(graph, c, "contradicted by TASS", "analyst:carol")
    assert [review.effective_status(graph, x) for x in (a, b, c)] == ["accepted", "rejected", "disputed"]
    assert review.review_queue(graph) == []
    putin = iri(graph.find_actor("Vladimir Putin").canonical_iri())
    visible = {str(r["g"]).rsplit("/", 1)[-1] for r in assertions_about(graph, putin)}
    assert visible == {a, c}
    with pytest.raises(ValueError, match="^id: .*rejected"):
        review.accept(graph, b, "changed my mind", "analyst:bob")
    with pytest.raises(ValueError, match="^reason: "):
        review.reject(graph, a, "  ", "analyst:bob")
    with pytest.raises(ValueError, match="^by: "):
        review.accept(graph, a, "x", "not an analyst!")
    kinds = [e.kind for e in history(graph, c)]
    assert kinds == ["asserted", "disputed"]


def test_bulk_accept_takes_only_confident_proposed(graph, extracted):
    high = extracted(graph, confidence=0.9)
    low = extracted(graph, confidence=0.3, url="https://other.example.org/", text="Trump might meet Putin.",
                    quote="Trump might meet Putin")
    assert review.bulk_accept(graph, 0.8, "analyst:alice", "bulk") == [high]
    assert review.effective_status(graph, high) == "accepted"
    assert review.effective_status(graph, low) == "proposed"


def test_view_modes(graph, extracted):
    proposed = extracted(graph)
    held = graph.assert_claim(ClaimInput(**HELD))
    disputed = graph.assert_claim(ClaimInput(**{**HELD, "source": "https://d.example.org/"}))
    rejected = extracted(graph, url="https://r.example.org/", text="Trump meets Putin.", quote="Trump meets Putin")
    review.dispute(graph, disputed, "one source only", "analyst:bob")
    review.reject(graph, rejected, "wrong", "analyst:bob")
    assert review.active_graphs(graph, "default") == {proposed, held, disputed}
    assert review.active_graphs(graph, "accepted") == {held}
    review.accept(graph, proposed, "ok", "analyst:bob")
    assert review.active_graphs(graph, "accepted") == {held, proposed}
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a dip:meets ?b }} {review.active_filter('accepted')} }}"
    assert {str(r["g"]).rsplit("/", 1)[-1] for r in graph.select(query)} == {held, proposed}
    with pytest.raises(ValueError, match="^mode: "):
        review.active_filter("everything")
    with pytest.raises(ValueError, match="^var: "):
        review.active_filter("default", var="g }")
