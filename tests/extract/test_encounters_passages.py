"""Meetings, calls and advisers on a passage set written for these tests (tests/extract/data/encounters_passages.jsonl).

Each line is a short passage (1-3 sentences) in a voice real sources use (wire copy, readouts, long newspaper
sentences, quotes, hedges, questions) with the relations a careful reader annotates: one per pair and status,
``negated`` for meetings that are denied, refused or called off. The passages were written before the rules
that now read them; odd lines were used to tune, even lines were held out.

Passages the extractor reads completely right are pinned one by one; the whole set has a floor, so a
regression anywhere fails.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.extract import get_extractor
from kg.extract.records import to_records
from kg.model.core import Document

DATA = Path(__file__).parent / "data" / "encounters_passages.jsonl"
PASSAGES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
TYPES = {"meets": "meets", "talks": "talksWith", "advises": "advises"}
SYMMETRIC = {"meets", "talksWith"}

#: passages read completely right (every relation with its status, nothing else of these types)
PASSING = {
    "enc01", "enc02", "enc03", "enc04", "enc05", "enc07", "enc08", "enc09", "enc10", "enc11", "enc12", "enc13",
    "enc15", "enc16", "enc17", "enc18", "enc19", "enc20", "enc21", "enc22", "enc23", "enc24", "enc25", "enc26", "enc27",
    "enc28", "enc29", "enc30", "enc31", "enc32", "enc33", "enc34", "enc35", "enc36", "enc37", "enc38", "enc39",
    "enc41", "enc42", "enc43", "enc45", "enc47", "enc48", "enc49", "enc50", "enc51", "enc52", "enc53",
}
#: status-aware F1 over the whole set, reached when this file was written (first sight: 0.81)
FLOOR_F1 = 0.94


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def names_of(passage: dict, name: str) -> set[str]:
    spec = next((e for e in passage.get("entities", []) if e["name"] == name), {"name": name})
    return {norm(name)} | {norm(a) for a in spec.get("aliases", [])}


def same_actor(passage: dict, gold: str, label: str) -> bool:
    """A label names the gold actor by a listed name, or by the family name among its words."""
    got = norm(label)
    names = names_of(passage, gold)
    family = norm(gold).split()[-1]
    return got in names or (len(family) > 2 and family in got.split())


def findings(extractor, passage: dict) -> list[tuple[str, str, str, str]]:
    doc = Document.from_text("Report\n" + passage["text"], published="2024-03-06")
    out = []
    for a in extractor.extract(doc):
        if a.claim.relation not in TYPES.values():
            continue
        for r in to_records(a):  # the dyads `kg extract` prints: every pair of a multi-party meeting
            item = (r["relation"], r["subject"]["label"], (r["object"] or {}).get("label", ""), r["status"])
            if item not in out:
                out.append(item)
    return out


def score(passage: dict, found: list[tuple[str, str, str, str]]) -> tuple[int, int, int]:
    """True positives, false findings and misses for one passage, status included."""
    gold = [(TYPES[r["type"]], r["subject"], r["object"], r["status"]) for r in passage["relations"]]

    def fits(g, f) -> bool:
        if g[0] != f[0] or g[3] != f[3]:
            return False
        direct = same_actor(passage, g[1], f[1]) and same_actor(passage, g[2], f[2])
        swapped = same_actor(passage, g[1], f[2]) and same_actor(passage, g[2], f[1])
        return direct or (g[0] in SYMMETRIC and swapped)

    used: set[int] = set()
    tp = 0
    for g in gold:
        hit = next((i for i, f in enumerate(found) if i not in used and fits(g, f)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
    # a second finding of a matched pair (another sentence, a longer label) is not a new error
    fp = sum(1 for i, f in enumerate(found) if i not in used and not any(fits(g, f) for g in gold))
    return tp, fp, len(gold) - tp


@pytest.fixture(scope="module")
def extractor():
    return get_extractor("parse")


@pytest.fixture(scope="module")
def results(extractor) -> dict[str, tuple[int, int, int]]:
    return {p["id"]: score(p, findings(extractor, p)) for p in PASSAGES}


def test_the_set_is_well_formed():
    assert len(PASSAGES) >= 40
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    for p in PASSAGES:
        for r in p["relations"]:
            assert r["type"] in TYPES and r["status"] in ("held", "planned", "negated"), (p["id"], r)
    assert PASSING <= {p["id"] for p in PASSAGES}


@pytest.mark.parametrize("passage", [p for p in PASSAGES if p["id"] in PASSING], ids=lambda p: p["id"])
def test_a_passage_read_completely(extractor, passage):
    found = findings(extractor, passage)
    tp, fp, fn = score(passage, found)
    assert (fp, fn) == (0, 0), (passage["text"], found)


def test_the_whole_set_stays_above_its_floor(results):
    tp = sum(r[0] for r in results.values())
    fp = sum(r[1] for r in results.values())
    fn = sum(r[2] for r in results.values())
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= FLOOR_F1, (round(precision, 2), round(recall, 2), round(f1, 2))


def dyads(extractor, text: str) -> set[tuple[str, str, str, str]]:
    """(relation, subject, object, status) of every dyad `kg extract` prints for a one-sentence article."""
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {(r["relation"], r["subject"]["label"], (r["object"] or {}).get("label", ""), r["status"])
            for a in extractor.extract(doc) for r in to_records(a)}


def pair_status(found: set[tuple[str, str, str, str]], relation: str, a: str, b: str) -> set[str]:
    return {s for r, x, y, s in found if r == relation and {x, y} == {a, b}}


@pytest.mark.parametrize("text, status", [
    # the small model lemmatises "hopes" as "hop": the inflection still makes it a wish
    ("Foreign Minister Jan Lipavsky hopes to meet Prime Minister Robert Golob next week.", "planned"),
    ("Foreign Minister Jan Lipavsky looks forward to meeting Prime Minister Robert Golob in Prague.", "planned"),
    ("Foreign Minister Jan Lipavsky and Prime Minister Robert Golob are unlikely to meet at the summit.", "planned"),
    # a purpose shares the fate of its act
    ("Foreign Minister Jan Lipavsky cancelled a planned trip to Ljubljana to meet Prime Minister Robert Golob.",
     "negated"),
    ("Foreign Minister Jan Lipavsky was supposed to meet Prime Minister Robert Golob on Friday, but the meeting "
     "was cancelled.", "negated"),
    # denied claims, neither/nor, a refusal that is itself negated
    ("Reports that Foreign Minister Jan Lipavsky met Prime Minister Robert Golob in secret were denied.", "negated"),
    ("Foreign Minister Jan Lipavsky denied reports that he had met Prime Minister Robert Golob in Vienna.", "negated"),
    ("Neither Foreign Minister Jan Lipavsky nor his deputy met Prime Minister Robert Golob.", "negated"),
    ("The ministry did not rule out a meeting between Jan Lipavsky and Robert Golob.", "planned"),
    ("Foreign Minister Jan Lipavsky proposed that he and Prime Minister Robert Golob meet in Brno.", "planned"),
    # the headline future: an infinitive with no finite verb above it
    ("Foreign Minister Jan Lipavsky to meet Prime Minister Robert Golob in Ljubljana", "planned"),
])
def test_the_status_of_a_meeting(extractor, text, status):
    assert pair_status(dyads(extractor, text), "meets", "Jan Lipavsky", "Robert Golob") == {status}


@pytest.mark.parametrize("text", [
    "Will Foreign Minister Jan Lipavsky meet Prime Minister Robert Golob this year?",
    "Why did Foreign Minister Jan Lipavsky meet Prime Minister Robert Golob in Vienna?",
    "Protesters demanded that Foreign Minister Jan Lipavsky meet Prime Minister Robert Golob.",
])
def test_a_question_or_a_third_partys_demand_is_no_meeting(extractor, text):
    assert not pair_status(dyads(extractor, text), "meets", "Jan Lipavsky", "Robert Golob")


def test_who_accompanies_a_side_takes_part(extractor):
    found = dyads(extractor, "President Zoran Milanovic, accompanied by Foreign Minister Tanja Fajon, met "
                             "Prime Minister Andrej Babis in Prague on Monday.")
    assert pair_status(found, "meets", "Zoran Milanovic", "Andrej Babis") == {"held"}
    assert pair_status(found, "meets", "Tanja Fajon", "Andrej Babis") == {"held"}


def test_a_name_before_a_role_noun_is_whom_the_person_serves(extractor):
    found = dyads(extractor, "President Zoran Milanovic stayed in Zagreb. Top Milanovic aide Ivo Josipovic met "
                             "Prime Minister Andrej Babis in Prague.")
    assert ("advises", "Ivo Josipovic", "Zoran Milanovic", "held") in found
    assert pair_status(found, "meets", "Ivo Josipovic", "Andrej Babis") == {"held"}
    assert not [f for f in found if f[0] == "meets" and "Milanovic" in f[1] + f[2]]


def test_a_title_cut_off_from_its_holder_by_honorifics(extractor):
    found = dyads(extractor, "Prime Minister Andrej Babis received a telephone call from President of the "
                             "Republic of Norland H.E. Mr. Ivo Josipovic today.")
    assert pair_status(found, "talksWith", "Andrej Babis", "Ivo Josipovic") == {"held"}


def test_exchanged_views_during_a_video_call_is_a_call(extractor):
    found = dyads(extractor, "President Zoran Milanovic exchanged views with Prime Minister Andrej Babis during "
                             "a video call on Wednesday.")
    assert pair_status(found, "talksWith", "Zoran Milanovic", "Andrej Babis") == {"held"}
    assert not pair_status(found, "meets", "Zoran Milanovic", "Andrej Babis")


def test_a_joined_passive_shares_the_subject(extractor):
    found = dyads(extractor, "President Zoran Milanovic met Prime Minister Andrej Babis on Tuesday and was "
                             "expected to meet Chancellor Karl Nehammer in Vienna on Wednesday.")
    assert pair_status(found, "meets", "Zoran Milanovic", "Karl Nehammer") == {"planned"}


def test_a_headline_pair_written_with_a_comma(extractor):
    found = dyads(extractor, "Zoran Milanovic, Andrej Babis to meet in Prague next week")
    assert pair_status(found, "meets", "Zoran Milanovic", "Andrej Babis") == {"planned"}


def test_a_common_noun_apposition_is_no_second_side(extractor):
    found = dyads(extractor, "Zoran Milanovic, the Croatian president, met reporters in Zagreb.")
    assert not [f for f in found if f[0] == "meets"]
    found = dyads(extractor, "Zoran Milanovic, the Croatian president, and Andrej Babis met in Prague.")
    assert pair_status(found, "meets", "Zoran Milanovic", "Andrej Babis") == {"held"}


def test_a_body_named_through_a_persons_possessive_is_not_that_person(extractor):
    found = dyads(extractor, "Foreign Minister Jan Lipavsky said he would travel to Ljubljana to meet Robert "
                             "Golob's government.")
    assert not pair_status(found, "meets", "Jan Lipavsky", "Robert Golob")
