"""Plain questions: the seed question and its forms, local and UTC time, place, status and source; no guessing."""

from __future__ import annotations

import json

import pytest

from kg.model import Assertion, Claim, Document, Evidence, Grade
from kg.model.inputs import ClaimInput
from kg.query.ask import ask, normalise, parse_period

ALASKA = "https://example.org/alaska-summit"
PLACE = "Joint Base Elmendorf-Richardson, Anchorage"


def _summit(graph) -> str:
    trump, putin = graph.resolve_actor("Donald Trump"), graph.resolve_actor("Vladimir Putin")
    assertion = Assertion(
        claim=Claim("meets", trump, putin, status="planned", event_type="Summit", date="2025-08-15",
                    datetime="2025-08-15T11:30:00-08:00", time="11:30", place=PLACE),
        source=Document.from_url(ALASKA, title="Trump heads to Alaska"),
        asserted_by="extractor:test@1",
        evidence=Evidence(quote="scheduled to meet Russian President Vladimir Putin at 11:30 a.m. local time (19:30 GMT)"),
        grade=Grade("B", 2),
    )
    graph.add_assertion(assertion)
    return assertion.id


@pytest.fixture
def analysts(graph):
    graph.assert_claims([
        ClaimInput(subject="Vladimir Putin", relation="meets", object="Alexander Lukashenko", source="https://example.org/m",
                   date="2025-07-01", place="Minsk"),
        ClaimInput(subject="United States", relation="sanctions", object="Russia", source="https://example.org/s", date="2025-07-01"),
        ClaimInput(subject="European Union", relation="sanctions", object="Russia", source="https://example.org/eu", date="2025-06-01"),
        ClaimInput(subject="Alexander Lukashenko", relation="releases", object="prisoners", object_type="Group", count=16,
                   source="https://example.org/r", date="2025-08-15", quote="Lukashenko released 16 prisoners."),
        ClaimInput(subject="Steve Witkoff", relation="advises", object="Donald Trump", source="https://example.org/w"),
    ])
    return graph


@pytest.mark.parametrize("question", [
    "when is trump meeting with putin", "When is Trump meeting with Putin?", "when do trump and putin meet",
    "where will Trump meet Putin", "When did Putin meet Trump", "when is donald trump going to meet vladimir putin",
])
def test_when_do_they_meet(graph, question):
    aid = _summit(graph)
    answer = ask(graph, question)
    assert answer.parsed.relation == "meet" and len(answer.parsed.names) == 2
    for part in ("2025-08-15", "11:30 local", "19:30 UTC", PLACE, "planned", ALASKA, "Trump heads to Alaska", "19:30 GMT"):
        assert part in answer.text, (part, answer.text)
    assert answer.sources[0]["assertion"].endswith(aid)


def test_analyst_claim_without_offset_gives_local_time_only(graph):
    graph.assert_claim(ClaimInput(subject="Trump", relation="meets", object="Putin", source="https://example.org/a",
                                  date="2025-08-15", time="11:30", place="Anchorage", status="planned",
                                  quote="Trump will meet Putin in Anchorage."))
    text = ask(graph, "when is trump meeting with putin").text
    assert "11:30 local time" in text and "UTC" not in text and "planned" in text and "Anchorage" in text
    assert "Trump will meet Putin in Anchorage." in text


def test_one_event_reported_by_several_sources_is_listed_once(graph):
    base = dict(subject="Trump", relation="meets", object="Putin", date="2025-08-15", status="planned")
    graph.assert_claim(ClaimInput(**base, source="https://example.org/a", time="11:30", place="Anchorage"))
    graph.assert_claim(ClaimInput(**base, source="https://example.net/b", quote="The two will meet on Friday."))
    graph.assert_claim(ClaimInput(**{**base, "status": "cancelled"}, source="https://example.org/c"))
    text = ask(graph, "when is trump meeting with putin").text
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(lines) == 2  # the planned meeting once, the conflicting cancellation on its own line
    planned = next(line for line in lines if line.startswith("- planned"))
    assert "11:30 local time" in planned and "Anchorage" in planned and "2 independent source(s)" in planned
    assert text.index("Did not take place") > text.index(planned)
    assert "https://example.org/a" in text and "https://example.net/b" in text and "https://example.org/c" in text


@pytest.mark.parametrize("question,expected,relation", [
    ("who did putin meet", ["Alexander Lukashenko", "Minsk"], "meet"),
    ("who did putin meet in july 2025", ["Alexander Lukashenko"], "meet"),
    ("who sanctioned russia", ["United States", "European Union"], "sanction"),
    ("whom did the US sanction", ["Russia"], "sanction"),
    ("who pardoned or released whom and how many", ["Alexander Lukashenko", "16 persons"], "pardon-or-release"),
    ("how many prisoners did lukashenko release", ["16 persons in all", "Lukashenko released 16 prisoners."], "release"),
    ("who advises trump", ["Steve Witkoff"], "advise"),
    ("what happened between putin and lukashenko", ["Minsk", "https://example.org/m"], "between"),
])
def test_question_forms(analysts, question, expected, relation):
    answer = ask(analysts, question)
    assert answer.parsed.relation == relation
    for part in expected:
        assert part in answer.text, (part, answer.text)


def test_period_filters_out_other_dates(analysts):
    assert "holds no meeting" in ask(analysts, "who did putin meet in 2024").text


def test_no_rows_says_so_and_names_the_query(graph):
    text = ask(graph, "when is trump meeting with putin").text
    assert text.startswith("The graph holds no meeting between Donald Trump and Vladimir Putin.")
    assert "SELECT" in ask(graph, "when is trump meeting with putin").sparql


def test_unmatched_question_is_not_guessed(analysts):
    answer = ask(analysts, "what is the weather in Anchorage")
    assert answer.sparql is None and not answer.rows
    assert "cannot answer" in answer.text and "which relation" in answer.text and "Closest question" in answer.text


def test_helpers():
    assert normalise("Who  advises Trump?!") == "Who advises Trump"
    assert parse_period("2025-08")[1].day == 31 and parse_period("someday") is None


def test_cli_ask_text_and_json(tmp_path, kg_cli):
    store = tmp_path / "store"
    from kg.api import KnowledgeGraph

    with KnowledgeGraph.open(str(store)) as graph:
        _summit(graph)
    text = kg_cli("ask", "when is trump meeting with putin", store=store, check=True).stdout
    assert "19:30 UTC" in text and PLACE in text
    data = json.loads(kg_cli("ask", "when is trump meeting with putin", "--format", "json", store=store, check=True).stdout)
    assert data["parsed"]["relation"] == "meet" and data["rows"][0]["localTime"] == "11:30"
    assert data["sources"][0]["url"] == ALASKA and data["params"]["subject"].endswith("Q22686")
    assert "VALUES" not in data["sparql"] and "?subject" in data["sparql"]  # terms are bound, not spliced
