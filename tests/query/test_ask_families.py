"""Every question family over our own articles, ingested with the real extractor into a memory store.

The articles (``data/ask_articles.jsonl``) are written for these tests: sixteen short reports from a dozen
outlets on meetings, calls, visits, pardons, releases, sanctions and an adviser, with a planned and a held
summit, a cancelled, a refused and a negated meeting, and one meeting two outlets report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.ingest.pipeline import ingest_paths
from kg.query.ask import ask
from kg.query.question import parse_question

ARTICLES = Path(__file__).parent / "data" / "ask_articles.jsonl"
TODAY = date(2018, 8, 15)  # "last month" is July 2018


@pytest.fixture(scope="module")
def news():
    with KnowledgeGraph.open("memory:") as graph:
        summary = ingest_paths(graph, [ARTICLES])
        assert summary.ok and summary.documents == 16
        yield graph


def _ask(graph, question):
    return ask(graph, question, today=TODAY)


def _head(text: str) -> str:
    return text.splitlines()[0]


# question, words the first line must hold, words the whole answer must hold, words it must not hold
FAMILIES = [
    # meet: who / when / where / how many
    ("who did duda meet", ["Gitanas Nausėda"], ["Vilnius", "https://balticwire.example/vilnius"], []),
    ("when did Merkel and Macron meet", ["Held"], ["2017-03-03", "Berlin", "2 independent source(s)", "Daily Courier",
                                                  "The Berlin Herald", "did not happen", "Paris"], []),
    ("where did merkel meet macron", [], ["Berlin", "2017-03-03"], []),
    ("how many times did merkel and macron meet", ["1 held meeting"], ["Not counted", "2018-06-04"], []),
    # call
    ("who did putin speak with in 2019", ["Recep Tayyip Erdoğan"], ["2019-07-19", "Steppe Wire"], ["2018-05-10"]),
    ("when did erdogan speak by phone with putin", ["Held"], ["2018-05-10", "2019-07-19"], []),
    ("how many times did putin and erdogan speak by phone", ["2 held call"], [], []),
    # visit and host
    ("who did macron visit", ["Xi Jinping"], ["Beijing", "2018-01-09"], []),
    ("where did macron visit", [], ["Beijing"], []),
    ("how many visits did macron make", ["1 held visit"], [], []),
    ("who hosted macron", ["Xi Jinping"], ["Beijing"], []),
    ("when did xi host macron", ["Held"], ["2018-01-09"], []),
    # pardon and release
    ("who did lukashenko pardon", ["prisoners"], ["30 persons", "Minsk Observer"], []),
    ("when did lukashenko pardon prisoners", ["Held"], ["2020-09-16"], []),
    ("how many prisoners did lukashenko pardon", ["30 persons in all"], [], []),
    ("how many people did iran free", ["2 persons in all"], ["2021-03-01", "Paris Ledger"], []),
    ("who pardoned or released whom", [], ["Alexander Lukashenko", "Iran", "30 persons", "2 persons"], []),
    # sanction, both directions
    ("who sanctioned rosneft", ["United States"], ["2017-08-02"], []),
    ("whom did the US sanction", ["Rosneft", "Iran"], [], ["European Union"]),
    ("who was sanctioned by the EU", ["Russia"], ["2017-08-01"], ["Rosneft"]),
    ("when did the US sanction rosneft", ["Held"], ["2017-08-02", "Finance Today"], []),
    ("how many sanctions did the US impose", ["2 held sanctions"], [], []),
    # advise, both directions and the noun forms
    ("who advises joe biden", ["Jake Sullivan"], ["Capitol Notes"], []),
    ("whom does sullivan advise", ["Joe Biden"], [], []),
    ("who are biden's advisers", ["Jake Sullivan"], [], []),
    ("how many advisers does biden have", ["1: Jake Sullivan"], [], []),
    # type filters
    ("which companies did the united states sanction", ["Rosneft"], [], ["Iran —"]),
    ("which countries did the US sanction", ["Iran"], [], ["Rosneft"]),
    ("which countries sanctioned russia", ["no sanctions by any country on Russia"], [], []),  # the EU is no country
    ("how many countries did the US sanction", ["1: Iran"], [], []),
    # period and place (a place is not a period)
    ("who did trump meet last month", ["Vladimir Putin"], ["2018-07-01 to 2018-07-31", "Helsinki"], ["Buenos Aires"]),
    ("whom did the US sanction since 2018", ["Iran"], [], ["Rosneft"]),
    ("who did merkel meet in berlin", ["Emmanuel Macron"], ["Berlin"], ["Paris", "Hamburg"]),
    ("who did putin meet in 2025-13", [], ["could not read the period"], []),
    ("who did putin meet since the election", [], ["could not read the period 'since the election'"], []),
    ("who did putin meet since the start of 2019", ["no meeting that took place"], ["refused", "Volodymyr Zelensky"], ["Helsinki"]),
    # first / last / most recent
    ("when did putin first call erdogan", ["Held (first)"], ["2018-05-10"], ["2019-07-19"]),
    ("when did Putin and Erdogan last speak by phone", ["Held (last)"], ["2019-07-19"], ["2018-05-10"]),
    ("what was the most recent call between putin and erdogan", [], ["2019-07-19"], ["2018-05-10"]),
    # misspelled and accented names
    ("who did Merkl meet", ["Emmanuel Macron"], ["read 'Merkl' as Angela Merkel"], []),
    ("who did nauseda meet", ["Andrzej Duda"], [], []),
    ("when did erdoğan speak with putin", ["Held"], ["2019-07-19"], []),
    ("did Nausėda meet Duda", ["Yes"], [], []),
    # titles read on the question's date
    ("who did the US president meet in 2018", ["Vladimir Putin"], ["Donald Trump", "Helsinki"], []),
    ("did the french president meet the german chancellor in 2017", ["Yes"], ["Emmanuel Macron", "Angela Merkel"], []),
    # a head count of a noun the graph has no actor for
    ("how many citizens did iran free", ["2 persons in all"], [], []),
    ("who pardoned prisoners", ["Alexander Lukashenko"], [], []),
    # everything between two actors
    ("what happened between trump and putin", [], ["Helsinki", "Buenos Aires", "cancelled"], []),
]


@pytest.mark.parametrize("question,head,body,absent", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_question_families(news, question, head, body, absent):
    text = _ask(news, question).text
    for part in head:
        assert part in _head(text), (part, text)
    for part in body:
        assert part in text, (part, text)
    for part in absent:
        assert part not in text, (part, text)


@pytest.mark.parametrize("question,verdict,words", [
    ("did merkel meet macron in berlin", "yes", ["2017-03-03", "2 independent source(s)"]),
    ("did erdogan call putin in 2019", "yes", ["2019-07-19"]),
    ("is sullivan an adviser to biden", "yes", ["Jake Sullivan advises Joe Biden"]),
    ("did the EU sanction russia", "yes", ["2017-08-01"]),
    ("did putin refuse to meet zelensky", "yes", ["refused", "Istanbul", "Bosphorus Daily"]),
    ("was the meeting between trump and putin in buenos aires cancelled", "yes", ["cancelled", "2018-11-29"]),
    ("did putin meet zelensky", "no", ["refused", "Istanbul"]),
    ("did Merkel and Macron meet in Paris", "no", ["did not happen", "Paris Ledger"]),
    ("did trump meet putin in buenos aires", "no", ["cancelled"]),
    ("did erdogan call putin in 2017", "no record", []),
    ("did russia sanction the EU", "no record", []),
    ("did merkel meet xi", "no record", ["planned", "G20"]),  # planned is not held: said so, not a yes
    ("will merkel meet xi at the G20", "yes", ["planned", "2017-07-07"]),
    ("will merkel meet duda", "no record", []),
])
def test_yes_no_has_three_honest_answers(news, question, verdict, words):
    answer = _ask(news, question)
    assert answer.verdict == verdict
    first = {"yes": "Yes:", "no": "No:", "no record": "No record:"}[verdict]
    assert answer.text.startswith(first), answer.text
    for part in words:
        assert part in answer.text, (part, answer.text)
    if verdict != "no record":
        assert answer.sources and all(s.get("url") and s.get("outlet") for s in answer.sources)


def test_planned_and_held_are_never_conflated(news):
    # the Helsinki meeting was reported planned (with its time) and then held: one event that says both, each
    # source with what it reported; asked after it, the future question finds nothing still planned
    text = _ask(news, "when is trump meeting with putin").text
    assert _head(text).startswith("The graph holds no planned meeting") and "Already held" in text
    held = next(line for line in text.splitlines() if line.startswith("- held meeting"))
    assert "2018-07-16 at 13:00 local time" in held and "(reported planned -> held)" in held
    assert "reported planned — quote" in text and "reported held — quote" in text
    past = _ask(news, "when did trump meet putin").text
    assert _head(past).startswith("Held meeting") and "- planned meeting" not in past
    before = ask(news, "when is trump meeting with putin", today=date(2018, 7, 12)).text
    assert "- held meeting" in before and "- planned meeting" not in before  # the graph knows it was held


def test_every_answer_lists_sources_with_outlet_date_url_and_quote(news):
    answer = _ask(news, "when did Merkel and Macron meet")
    held = answer.events[0]
    assert held.status == "held" and held.outlets == ["Daily Courier", "The Berlin Herald"]
    for source in held.sources:
        assert source["url"].startswith("https://") and source["date"].startswith("2017-03") and source["quote"]
    assert answer.outlets == 3  # two report the Berlin meeting, one the Paris non-meeting


def test_when_did_a_and_b_last_meet_reads_two_names():
    parsed = parse_question("when did Merkel and Macron last meet")
    assert (parsed.subject, parsed.object, parsed.order) == ("Merkel", "Macron", "last")


@pytest.mark.parametrize("question,part", [
    ("what is the weather in Anchorage", "which relation"),
    ("who did Foobar meet", "the name 'Foobar'"),
    ("who met", "who takes part"),
])
def test_unmappable_says_what_and_suggests_an_answerable_question(news, question, part):
    answer = _ask(news, question)
    assert answer.text.startswith("I cannot answer that") and part in answer.text and not answer.rows
    suggestion = answer.text.split("Closest question I can answer: ", 1)[1].strip("'")
    assert _ask(news, suggestion).sparql, suggestion  # the suggestion itself is understood


def test_question_text_never_reaches_the_query(news):
    evil = 'who did x" } ; DROP ALL ; # meet'
    answer = _ask(news, evil)
    before = len(news.store)
    assert "DROP" not in (answer.sparql or "") and len(news.store) == before
    answer = _ask(news, "who did merkel meet in N'Djamena")
    assert "Djamena" not in answer.sparql and answer.params["placeText"] == "N'Djamena"
    assert answer.text.startswith("The graph holds no meeting")


def test_an_empty_period_or_place_says_what_lies_outside_it(news):
    text = _ask(news, "did erdogan call putin in 2017").text
    assert text.startswith("No record:") and "Outside that period, the graph holds 2: 2018-05-10 (held), 2019-07-19 (held)" in text
    text = _ask(news, "who did merkel meet in rome").text
    assert "Outside that place" in text and "Berlin" in text


def test_without_the_trained_pipeline_questions_are_read_with_word_lists(news, monkeypatch):
    import kg.query.question as question

    monkeypatch.setattr(question, "_pipeline", lambda: None)
    answer = _ask(news, "when did Merkel and Macron last meet")
    assert answer.parsed.parser == "words" and "2017-03-03" in answer.text
    notes = [line for line in answer.text.splitlines() if "pipeline is not installed" in line]
    assert len(notes) == 1 and "pip install" in notes[0]


def test_close_spellings_of_two_actors_are_listed_not_guessed(graph):
    from kg.model.inputs import ClaimInput

    for name in ("Jon Bergqvist", "Jan Bergqvist"):
        graph.assert_claim(ClaimInput(subject=name, relation="meets", object="Olaf Scholz",
                                      source=f"https://example.org/{name[0]}", date="2024-01-02"))
    answer = ask(graph, "who did Jen Bergqvist meet")
    assert "could be" in answer.text and "Jon Bergqvist" in answer.text and "Jan Bergqvist" in answer.text
    assert "Olaf Scholz" in ask(graph, "who did Jan Bergqvst meet").text  # one close spelling: read, and said
    assert not answer.rows
