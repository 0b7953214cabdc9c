"""kg ask counts events, persons and sources once, through kg.events (the one module that owns "same event").

Our own short articles, ingested with the real extractor: a pardon of 30 told twice in one article and once
more by another outlet, a meeting planned in one article and reported held in another, and the same text
under a second URL.  Names go through the one actor lookup (kg.resolve.lookup.find_actor) first.
"""

from __future__ import annotations

import json
from datetime import date

from kg.ingest.pipeline import ingest_paths
from kg.model.inputs import ClaimInput
from kg.query.ask import ask, lookup_actor

TODAY = date(2023, 6, 1)

PARDON_TWICE = {"publisher": "Northern Gazette", "url": "https://northgazette.example/2023/05/pardon",
                "published": "2023-05-12", "title": "Lukashenko pardons 30",
                "text": "Belarusian President Alexander Lukashenko pardoned 30 prisoners on Thursday, his office said. "
                        "Lukashenko pardoned the 30 prisoners to mark Victory Day, the statement added."}
PARDON_ELSEWHERE = {"publisher": "Steppe Courier", "url": "https://steppecourier.example/news/minsk-pardon",
                    "published": "2023-05-13", "title": "Thirty pardoned in Belarus",
                    "text": "Alexander Lukashenko pardoned 30 prisoners on Thursday, state media reported."}
MEETING_PLANNED = {"publisher": "Baltic Times Wire", "url": "https://btwire.example/tallinn-plan",
                   "published": "2019-04-02", "title": "Niinisto to go to Tallinn",
                   "text": "Finnish President Sauli Niinisto will meet Estonian President Kersti Kaljulaid in Tallinn on April 10."}
MEETING_HELD = {"publisher": "Harbour Post", "url": "https://harbourpost.example/niinisto-kaljulaid",
                "published": "2019-04-11", "title": "Presidents meet in Tallinn",
                "text": "Sauli Niinisto met Kersti Kaljulaid in Tallinn on Wednesday to discuss energy links."}


def _ingest(graph, tmp_path, *articles):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    summary = ingest_paths(graph, [path])
    assert summary.ok and summary.documents + summary.copies == len(articles), summary
    return summary


def _event_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_a_pardon_of_30_told_twice_in_one_article_is_30_persons_in_one_event(graph, tmp_path):
    _ingest(graph, tmp_path, PARDON_TWICE)
    answer = ask(graph, "who did lukashenko pardon", today=TODAY)
    assert len(answer.rows) >= 2  # two reports (headline sentence and body) ...
    assert len(answer.events) == 1 and len(_event_lines(answer.text)) == 1  # ... of one event
    assert "in all: 30 persons, 1 event(s), 1 source(s)" in answer.text, answer.text
    assert "(30 persons) on 2023-05-11" in answer.text  # "on Thursday" in an article of Friday
    assert "1 article(s), 1 independent source(s)" in answer.text
    source = answer.events[0].sources
    assert len(source) == 1 and len(source[0]["quotes"]) == 2  # one article, both of its evidence spans
    count = ask(graph, "how many prisoners did lukashenko pardon", today=TODAY).text
    assert count.startswith("30 persons in all, stated in 1 of 1 pardon "), count


def test_one_pardon_reported_by_two_articles_is_one_event_with_two_sources(graph, tmp_path):
    _ingest(graph, tmp_path, PARDON_TWICE, PARDON_ELSEWHERE)
    answer = ask(graph, "who did lukashenko pardon", today=TODAY)
    assert len(answer.events) == 1 and len(_event_lines(answer.text)) == 1, answer.text
    assert "in all: 30 persons, 1 event(s), 2 source(s)" in answer.text, answer.text
    assert "2 article(s), 2 independent source(s), 2 outlet(s)" in _event_lines(answer.text)[0]
    assert PARDON_TWICE["url"] in answer.text and PARDON_ELSEWHERE["url"] in answer.text
    assert answer.outlets == 2 and sorted(s["outlet"] for s in answer.sources) == ["Northern Gazette", "Steppe Courier"]
    data = answer.to_json()
    assert [(e["count"], e["articles"], e["independentSources"]) for e in data["events"]] == [(30, 2, 2)]
    assert data["events"][0]["cluster"] and len(data["rows"]) >= 3


def test_planned_then_held_is_one_event_with_its_status_history(graph, tmp_path):
    _ingest(graph, tmp_path, MEETING_PLANNED, MEETING_HELD)
    past = ask(graph, "when did niinisto meet kaljulaid", today=TODAY)
    lines = _event_lines(past.text)
    assert len(lines) == 1 and lines[0].startswith("- held meeting"), past.text
    assert "on 2019-04-10" in lines[0] and "(reported planned -> held)" in lines[0]
    assert "2 article(s), 2 independent source(s)" in lines[0]
    assert "(Baltic Times Wire, 2019-04-02) reported planned" in past.text
    assert "(Harbour Post, 2019-04-11) reported held" in past.text
    assert past.to_json()["events"][0]["history"] == ["planned", "held"]
    # planned and held are not conflated: a question about the future finds nothing still to come
    future = ask(graph, "when is niinisto meeting kaljulaid", today=TODAY).text
    assert future.startswith("The graph holds no planned meeting") and "Already held (took place):" in future
    will = ask(graph, "will niinisto meet kaljulaid", today=TODAY)
    assert will.verdict == "no record" and "no planned meeting still to come" in will.text
    assert "(reported planned -> held)" in will.text
    did = ask(graph, "did niinisto meet kaljulaid", today=TODAY)
    assert did.verdict == "yes" and len(_event_lines(did.text)) == 1


def test_the_same_text_under_another_url_is_an_article_but_not_another_source(graph, tmp_path):
    _ingest(graph, tmp_path, PARDON_ELSEWHERE)
    again = _ingest(graph, tmp_path, {**PARDON_ELSEWHERE, "url": "https://steppecourier.example/amp/minsk-pardon"})
    assert again.copies == 1  # a later ingest of a stored text records a copy
    answer = ask(graph, "who did lukashenko pardon", today=TODAY)
    assert "2 article(s), 1 independent source(s)" in _event_lines(answer.text)[0], answer.text
    assert f"the same text as {PARDON_ELSEWHERE['url']}" in answer.text
    assert "in all: 30 persons, 1 event(s), 1 source(s)" in answer.text


def test_sources_that_disagree_on_one_day_keep_their_own_lines(graph):
    base = dict(subject="Ann Lee", relation="meets", object="Raj Patel", date="2025-03-04", published="2025-03-05")
    graph.assert_claim(ClaimInput(**base, status="held", source="https://a.example/held"))
    graph.assert_claim(ClaimInput(**base, status="cancelled", source="https://b.example/off"))
    answer = ask(graph, "when did ann lee meet raj patel")
    lines = _event_lines(answer.text)
    assert len(lines) == 2 and len({e.cluster.id for e in answer.events}) == 1, answer.text
    assert all("sources disagree on this event's status" in line for line in lines)
    assert {e.status for e in answer.events} == {"held", "cancelled"}


def test_names_go_through_the_one_actor_lookup(graph):
    for first in ("Maria", "Anna"):
        graph.assert_claim(ClaimInput(subject=f"{first} Lindqvist", relation="meets", object="Olaf Scholz",
                                      source=f"https://example.org/{first}", date="2024-02-03"))
    graph.assert_claim(ClaimInput(subject="Alexander Lukashenko", relation="pardons", object="prisoners",
                                  object_type="Group", count=12, source="https://example.org/p", date="2024-02-05"))
    ambiguous = ask(graph, "who did Lindqvist meet")
    assert ambiguous.text.startswith("I cannot answer that") and not ambiguous.rows
    assert "Maria Lindqvist (Person" in ambiguous.text and "Anna Lindqvist (Person" in ambiguous.text
    match = lookup_actor(graph, "Lukashenka")  # a gazetteer alias, as every command resolves it
    assert (match.how, match.label) == ("lookup", "Alexander Lukashenko")
    assert "12 persons" in ask(graph, "who did lukashenka pardon").text
    spelled = lookup_actor(graph, "Lukashenkko")  # nobody by that name: ask's close spelling, said
    assert (spelled.how, spelled.label) == ("spelling", "Alexander Lukashenko")
