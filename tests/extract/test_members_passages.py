"""A group and the members the text names for it, on passages written for these tests.

``data/members_passages.jsonl`` holds short passages in the voices of wire copy, readouts and designation
notices: a finding whose argument is a group ("freed two Americans", "leaders of four states met") and the
members named for it in the same or the next sentence ("The two, A and B, ...", "Among them were A and B",
"They include A"), plus passages where a list of names is *not* the group's members. Each line has the gold
relations a careful reader annotates (the conventions of the evaluation set: one relation per pair and status,
a group object ``#group`` matches on relation and subject, every pair of up to four named participants of a
meeting). The test asserts each passage that passes, and a floor under the whole set's F1.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document

DATA = Path(__file__).parent / "data" / "members_passages.jsonl"
PASSAGES: list[dict[str, Any]] = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
SYMMETRIC = {"meets", "talksWith"}
GROUP = "#group"


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", text)).strip()


def name_matches(gold: str, label: str) -> bool:
    """A gold name ("A|B" lists aliases) matches a label by any alias, a person's family name, or containment."""
    n = norm(label)
    if not n:
        return False
    for alias in gold.split("|"):
        a = norm(alias)
        if a == n or (len(a) > 3 and (a in n or n in a)):
            return True
        last = a.split()[-1]
        if len(a.split()) > 1 and len(last) > 2 and last in n.split():
            return True
    return False


def predictions(extractor: ParseExtractor, passage: dict[str, Any]) -> list[dict[str, Any]]:
    doc = Document.from_text("Report\n" + passage["text"], published=passage.get("published"))
    return [{"relation": a.claim.relation, "subject": s.label, "object": o.label if o else "",
             "status": a.claim.status, "place": a.claim.place}
            for a in extractor.extract(doc) for s, o in a.claim.pairs()]


def same(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if pred["relation"] != gold["relation"]:
        return False

    def fits(s: str, o: str) -> bool:
        return name_matches(gold["subject"], s) and (gold["object"] == GROUP or name_matches(gold["object"], o))
    return fits(pred["subject"], pred["object"]) or (
        gold["relation"] in SYMMETRIC and fits(pred["object"], pred["subject"]))


def score(passage: dict[str, Any], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per relation type tp/fp/fn (status-blind and status-aware) and places right on matched pairs."""
    gold = passage["gold"]
    out: dict[str, Any] = {"tp": {}, "fp": {}, "fn": {}, "stp": 0, "sfp": 0, "sfn": 0, "place": [0, 0]}

    def bump(key: str, rel: str) -> None:
        out[key][rel] = out[key].get(rel, 0) + 1
    positives = [g for g in gold if not g.get("optional") and g["status"] != "negated"]
    negatives = [g for g in gold if not g.get("optional") and g["status"] == "negated"]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    for g in positives:
        hit = [i for i, p in enumerate(preds) if same(p, g)]
        if hit:
            bump("tp", g["relation"])
            used.update(hit)
            good = [i for i in hit if preds[i]["status"] == g["status"]]
            out["stp" if good else "sfn"] += 1
            if g.get("place") and good:
                out["place"][1] += 1
                out["place"][0] += any(name_matches(g["place"], preds[i]["place"] or "") for i in good)
        else:
            bump("fn", g["relation"])
            out["sfn"] += 1
    for g in negatives:  # a negated gold relation: found negated is right, found held or planned is false
        hit = [i for i, p in enumerate(preds) if same(p, g)]
        used.update(hit)
        if any(preds[i]["status"] == "negated" for i in hit):
            out["stp"] += 1
        else:
            out["sfn"] += 1
        if any(preds[i]["status"] != "negated" for i in hit):
            bump("fp", g["relation"])
            out["sfp"] += 1
    for g in optional:
        used.update(i for i, p in enumerate(preds) if same(p, g))
    seen: set[tuple[str, ...]] = set()
    for i, p in enumerate(preds):
        if i in used:
            continue
        key = (p["relation"], *sorted((p["subject"], p["object"])))
        if key in seen:
            continue
        seen.add(key)
        bump("fp", p["relation"])
        out["sfp"] += 1
    return out


def totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Summed counts and P/R/F1 overall, with status, and per relation type."""
    def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    rels = sorted({k for r in results for d in ("tp", "fp", "fn") for k in r[d]})
    per = {rel: tuple(sum(r[d].get(rel, 0) for r in results) for d in ("tp", "fp", "fn")) for rel in rels}
    tp, fp, fn = (sum(v[i] for v in per.values()) for i in range(3))
    return {"overall": f1(tp, fp, fn), "counts": (tp, fp, fn),
            "status": f1(*(sum(r[k] for r in results) for k in ("stp", "sfp", "sfn"))),
            "per": {rel: (*v, round(f1(*v)[2], 2)) for rel, v in per.items()},
            "place": tuple(sum(r["place"][i] for r in results) for i in range(2))}


def perfect(result: dict[str, Any]) -> bool:
    return not any(result["fp"].values()) and not any(result["fn"].values()) and not result["sfn"]


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor(resolver=None)


@pytest.fixture(scope="module")
def results(extractor: ParseExtractor) -> list[dict[str, Any]]:
    return [score(p, predictions(extractor, p)) for p in PASSAGES]


#: passages (0-based line numbers) the extractor reads entirely right: each is asserted on its own
PASSING: list[int] = [
    0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20, 22,
    23, 24, 25, 26, 27, 28, 29, 30, 32, 35, 36, 37, 38, 39, 40, 41, 46, 48,
]


@pytest.mark.parametrize("line", PASSING)
def test_a_passage_read_right(results, line):
    assert perfect(results[line]), (PASSAGES[line]["text"], results[line])


#: the set's F1 and status F1 reached (a regression below fails)
FLOOR_F1, FLOOR_STATUS = 0.9, 0.9


def test_the_whole_set_stays_above_its_floor(results):
    t = totals(results)
    assert t["overall"][2] >= FLOOR_F1 and t["status"][2] >= FLOOR_STATUS, t


def test_the_passages_are_well_formed():
    for p in PASSAGES:
        assert p["text"], p  # an empty gold: nothing may be found (a list that names no member)
        for g in p["gold"]:
            assert g["relation"] in {"meets", "talksWith", "pardons", "releases", "sanctions", "advises"}, g
            assert g["status"] in {"held", "planned", "negated"}, g


def found(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str, str]]:
    doc = Document.from_text("Report\n" + text, published="2024-03-06")
    return {(a.claim.relation, s.label, o.label if o else "", a.claim.status)
            for a in extractor.extract(doc) for s, o in a.claim.pairs()}


@pytest.mark.parametrize("text, members", [
    # the members in the group's own sentence, after "for example" / "along with"
    ("Britain and Canada sanctioned several smuggling bosses on Monday, for example Piet Harmsen.",
     {("United Kingdom", "Piet Harmsen"), ("Canada", "Piet Harmsen")}),
    ("Tunisia pardoned a number of detainees on Tuesday, including writer Anton Weber, along with lawyer Karl Osten.",
     {("Tunisia", "Anton Weber"), ("Tunisia", "Karl Osten")}),
    # the next sentence: a copula, an apposition of "one of them"
    ("Norway sanctioned three customs officers. The three are Lars Berg, Nils Dahl and Olaf Ek.",
     {("Norway", "Lars Berg"), ("Norway", "Nils Dahl"), ("Norway", "Olaf Ek")}),
    ("Iran freed a group of foreign students on Sunday. One of them, Maria Rossi, thanked the envoy.",
     {("Iran", "Maria Rossi")}),
])
def test_members_named_for_the_group(extractor, text, members):
    got = {(s, o) for r, s, o, st in found(extractor, text) if r in ("sanctions", "pardons", "releases")}
    assert members <= got, got


@pytest.mark.parametrize("text, stranger", [
    # a list after the group that is not introduced as its members
    ("Egypt freed nine prisoners on Friday. Separately, Anton Weber met Karl Osten in Geneva.", "Anton Weber"),
    ("Egypt is expected to free several detained reporters. Maria Rossi and Ines Vidal were among the "
     "journalists who covered the trial.", "Maria Rossi"),
    ("Lars Berg and Nils Dahl remain in prison. Egypt freed 12 prisoners on Thursday.", "Lars Berg"),
    # a name inside what the marker introduces, and persons among another set
    ("Egypt freed 40 prisoners, including several held over the killing of Lars Berg.", "Lars Berg"),
    ("Egypt freed 40 prisoners on Friday. Lars Berg was among those who criticised the move.", "Lars Berg"),
])
def test_a_list_that_is_not_the_groups_members(extractor, text, stranger):
    assert not any(o == stranger for r, _s, o, _st in found(extractor, text) if r == "releases")


def test_a_group_meeting_gives_every_pair_of_its_named_participants(extractor):
    text = ("The foreign ministers of Norland, Valoria and Ostria met in Geneva on Monday. "
            "Lars Berg, Anton Weber and Maria Rossi agreed to meet again in May.")
    pairs = {frozenset((s, o)) for r, s, o, st in found(extractor, text) if r == "meets" and st == "held"}
    assert {frozenset(p) for p in [("Lars Berg", "Anton Weber"), ("Lars Berg", "Maria Rossi"),
                                   ("Anton Weber", "Maria Rossi")]} <= pairs, pairs


def test_a_negated_release_keeps_its_status_for_the_members(extractor):
    text = "Serbia did not release the two activists on Friday. The two, Lars Berg and Nils Dahl, remain in custody."
    got = found(extractor, text)
    assert ("releases", "Serbia", "Lars Berg", "negated") in got
    assert not any(r == "releases" and st != "negated" for r, _s, _o, st in got)


def test_speakers_named_after_a_group_meeting_are_not_its_members(extractor):
    text = ("The foreign ministers of Norland, Valoria and Ostria met in Geneva on Monday. "
            "Lars Berg and Nils Dahl, analysts at a Geneva institute, said the talks went well.")
    assert not any(r == "meets" for r, *_ in found(extractor, text))


def test_a_summit_that_brought_together_named_leaders(extractor):
    doc = Document.from_text("Report\nThe summit in Nairobi brought together President Anton Weber of Norland, "
                             "Valoria's Karl Osten and President Lars Berg of Ostria.", published="2024-03-06")
    got = {(frozenset((s.label, o.label)), a.claim.place) for a in extractor.extract(doc) for s, o in a.claim.pairs()
           if a.claim.relation == "meets" and o is not None}
    assert {(frozenset(("Anton Weber", "Karl Osten")), "Nairobi"), (frozenset(("Anton Weber", "Lars Berg")), "Nairobi"),
            (frozenset(("Karl Osten", "Lars Berg")), "Nairobi")} <= got, got
