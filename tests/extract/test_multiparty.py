"""One multilateral event is one assertion with lists of actors, not one per dyad (PLOVER actor/recipient lists)."""

from __future__ import annotations

import json

from kg.api import KnowledgeGraph
from kg.extract.rules import RuleExtractor
from kg.model import Document
from tests.conftest import run_kg

# printed as written: "Zelensky" (the gazetteer spells it "Zelenskyy"; one node either way)
MEETING = ("French President Emmanuel Macron, German Chancellor Friedrich Merz and British Prime Minister "
           "Keir Starmer met Ukrainian President Volodymyr Zelensky in Kyiv on May 10, 2025.")


def _extract(text: str) -> list:
    return list(RuleExtractor().extract(Document.from_text(text, published="2025-05-11")))


def test_coordinated_participants_make_one_event():
    [a] = _extract(MEETING)
    assert [(s.label, o.label) for s, o in a.claim.pairs()] == [
        ("Emmanuel Macron", "Volodymyr Zelensky"), ("Friedrich Merz", "Volodymyr Zelensky"),
        ("Keir Starmer", "Volodymyr Zelensky")]
    assert len(a.claim.participants) == 4
    assert a.evidence is not None and a.evidence.quote.startswith("French President Emmanuel Macron")
    assert {r.office for r in a.claim.stated_roles} == {"FR-president", "DE-chancellor", "GB-pm", "UA-president"}


def test_several_targets_of_one_sanction_are_one_action():
    [a] = _extract("The European Union imposed sanctions on Viktor Sheiman, Yuri Sivakov and the Wagner Group.")
    assert a.claim.subject.label == "European Union"
    assert [o.label for _, o in a.claim.pairs() if o] == ["Viktor Sheiman", "Yuri Sivakov", "Wagner Group"]


def test_separate_triggers_stay_separate_events():
    found = _extract("Donald Trump met Vladimir Putin and later spoke with Volodymyr Zelensky by phone.")
    assert sorted(a.claim.relation for a in found) == ["meets", "talksWith"]


def test_stored_as_one_event_with_every_participant_and_pairwise_edges():
    with KnowledgeGraph.open("memory:") as g:
        [a] = _extract(MEETING)
        g.add_document(a.source, [a])
        rows = g.select("SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?e a dip:Meeting ; dip:participant ?p } GROUP BY ?e")
        assert [int(r["n"]) for r in rows] == [4]
        edges = g.select("SELECT ?a ?b WHERE { ?a dip:meets ?b }")
        assert len(edges) == 12  # every ordered pair of the four participants
        label = g.select("SELECT ?l WHERE { ?e a dip:Meeting ; rdfs:label ?l }")[0]["l"]
        assert "Emmanuel Macron, Friedrich Merz, Keir Starmer meets Volodymyr Zelensky" in label


def _jsonl(tmp_path, text: str) -> list[dict]:
    article = tmp_path / "a.txt"
    article.write_text("Leaders meet\n\n" + text + "\n", encoding="utf-8")
    out = run_kg("extract", str(article), "--format", "jsonl", check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_gives_every_pair_at_a_meeting_with_one_id(tmp_path):
    records = _jsonl(tmp_path, MEETING)
    pairs = {frozenset((r["subject"]["label"], r["object"]["label"])) for r in records}
    people = ["Emmanuel Macron", "Friedrich Merz", "Keir Starmer", "Volodymyr Zelensky"]
    assert pairs == {frozenset((a, b)) for i, a in enumerate(people) for b in people[i + 1:]}
    assert len({r["id"] for r in records}) == 1 and all(len(r["participants"]) == 4 for r in records)


def test_jsonl_gives_subject_object_dyads_for_other_relations(tmp_path):
    records = _jsonl(tmp_path, "The European Union imposed sanctions on Viktor Sheiman and Yuri Sivakov.")
    assert [(r["subject"]["label"], r["object"]["label"]) for r in records] == [
        ("European Union", "Viktor Sheiman"), ("European Union", "Yuri Sivakov")]


def test_bilateral_talks_with_two_leaders_are_two_events():
    found = _extract("Narendra Modi held bilateral talks with Vladimir Putin and Xi Jinping in Kazan on October 22, 2024.")
    assert len(found) == 2 and all(not a.claim.co_objects for a in found)
