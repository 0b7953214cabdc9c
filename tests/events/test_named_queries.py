"""Named queries over the events graph: timeline-of, events-between, event-sources."""

from __future__ import annotations

from kg import events
from kg.events.copies import record_copy
from kg.model import Document
from kg.model.inputs import ClaimInput
from kg.query.named import select_named

MEET = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin")


def test_timeline_pair_and_sources(graph):
    graph.assert_claim(ClaimInput(**MEET, source="https://a.example/1", status="planned", date="2025-08-15",
                                  published="2025-08-08", quote="Trump will meet Putin."))
    held = graph.assert_claim(ClaimInput(**MEET, source="https://b.example/2", date="2025-08-15",
                                         published="2025-08-15", quote="Trump met Putin."))
    graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Xi Jinping", date="2025-10-30",
                                  source="https://c.example/3", quote="Trump met Xi."))
    graph.assert_claim(ClaimInput(subject="Donald Trump", relation="talks", object="Vladimir Putin", date="2025-03-18",
                                  source="https://d.example/4", quote="Trump spoke with Putin by phone."))
    events.update(graph)
    timeline = select_named(graph, "timeline-of", {"actor": "Trump"})
    assert [r["firstDate"] for r in timeline] == ["2025-03-18", "2025-08-15", "2025-10-30"]
    summit = timeline[1]
    assert (summit["status"], summit["firstReported"], summit["lastReported"], summit["mentions"], summit["sources"]) \
        == ("held", "2025-08-08", "2025-08-15", "2", "2")
    pair = select_named(graph, "timeline-of", {"actor": "Trump", "other": "Putin"})
    assert [r["firstDate"] for r in pair] == ["2025-03-18", "2025-08-15"]
    between = select_named(graph, "events-between", {"a": "Putin", "b": "Trump"})
    assert [r["type"].rsplit("#")[-1] for r in between] == ["Call", "Meeting"]
    sources = select_named(graph, "event-sources", {"event": held})
    assert sorted(r["source"] for r in sources) == ["https://a.example/1", "https://b.example/2"]


def test_event_sources_lists_copies(graph):
    from kg.extract import get_extractor

    doc = Document.from_text("Talks\nDonald Trump met Vladimir Putin in Anchorage on 15 August 2025.",
                             url="https://a.example/story", published="2025-08-15")
    found = list(get_extractor("rules").extract(doc))
    graph.add_document(doc, found)
    assert record_copy(graph, Document.from_text(doc.text or "", url="https://b.example/syndicated"))
    events.update(graph)
    rows = select_named(graph, "event-sources", {"event": found[0].id})
    assert sorted((r["source"], r["copy"]) for r in rows) == [("https://a.example/story", "false"),
                                                             ("https://b.example/syndicated", "true")]
    assert {r["articles"] for r in rows} == {"2"} and {r["sources"] for r in rows} == {"1"}
