"""Sanctions, releases and pardons on passages of our own (``data/acts_passages.jsonl``).

The passages were written before the rules they test, in the voices sources use (wire copy with
datelines, designation notices, ministry statements, long sentences with appositions, swaps, hedges and
demands), with the relations a careful reader annotates: one per pair and status, negated ones marked,
group objects as "prisoners" with their count, borderline ones ``optional``. Odd lines were used to tune,
even lines are held out. Each passage the extractor now reads in full is asserted one by one; the
overall figures have floors at the level reached, so a regression fails.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.extract.parsed import ParseExtractor
from kg.model.core import Document

PASSAGES = [json.loads(line) for line in
            (Path(__file__).parent / "data" / "acts_passages.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
GROUPS = {"prisoners", "detainees", "political prisoners"}

#: the passages read in full (every relation with its status and count, nothing false)
READ_IN_FULL = {
    "tuning": """a01 a03 a07 a09 a11 a13 a15 a17 a19 a21 a23 a25 a27 a31 a35 a37 a39 a43 a45 a49 a51
                 a53""".split(),
    "held out": """a02 a06 a10 a16 a24 a26 a30 a36 a38 a42 a44 a48 a50 a52 a54""".split(),
}
#: F1 floors (relation found / with status too), at the figures reached, by half
FLOORS = {"tuning": (0.92, 0.83), "held out": (0.73, 0.71)}


def _norm(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", text)).strip()


def _names(passage: dict, name: str) -> tuple[set[str], str]:
    spec = next((e for e in passage["entities"] if e["name"] == name), {"name": name, "type": ""})
    return {_norm(spec["name"])} | {_norm(a) for a in spec.get("aliases", [])}, spec.get("type", "")


def _fits(passage: dict, name: str, label: str) -> bool:
    """A label names a gold entity: by a listed form, a person's family name, or a body's name inside it."""
    names, kind = _names(passage, name)
    n = _norm(label)
    if not n:
        return False
    if n in names:
        return True
    if kind == "Person":
        last = _norm(name).split()[-1]
        return len(last) > 2 and last in n.split()
    return any(len(x) > 3 and (x in n or n in x) for x in names)


def _read(extractor: ParseExtractor, text: str) -> list[tuple[str, str, str | None, str, int | None]]:
    """(relation, subject, object or None for a group, status, count) of every pair the extractor reports."""
    doc = Document.from_text(text, published="2026-03-02")
    return sorted({(a.claim.relation, s.label, None if o is None or o.type == "Group" else o.label,
                    a.claim.status, a.claim.count) for a in extractor.extract(doc) for s, o in a.claim.pairs()}, key=str)


@pytest.fixture(scope="module")
def extractor() -> ParseExtractor:
    return ParseExtractor()  # the default resolver, as `kg extract` uses


@pytest.fixture(scope="module")
def found(extractor) -> dict[str, list[tuple[str, str, str | None, str, int | None]]]:
    return {p["id"]: _read(extractor, p["text"]) for p in PASSAGES}


def _same(passage: dict, gold: dict, got: tuple) -> bool:
    relation = {"talks": "talksWith"}.get(gold["type"], gold["type"])
    if got[0] != relation or not _fits(passage, gold["subject"], got[1]):
        return False
    if gold["object"] in GROUPS:
        return got[2] is None or _norm(got[2]) in GROUPS
    return got[2] is not None and _fits(passage, gold["object"], got[2])


def score(passage: dict, got: list[tuple]) -> tuple[int, int, int, int, int, int]:
    """(tp, fp, fn) with any status, then (tp, fp, fn) with the status required to agree, for one passage.

    A negated gold relation is a relation to find only with its status; reported held or planned it is false.
    """
    scored = [g for g in passage["relations"] if not g.get("optional")]
    optional = [g for g in passage["relations"] if g.get("optional")]
    positive = [g for g in scored if g["status"] != "negated"]
    claims = [c for c in got if c[3] != "negated"]
    used: set[int] = set()
    for g in positive:
        hit = next((i for i, c in enumerate(claims) if i not in used and _same(passage, g, c)), None)
        if hit is not None:
            used.add(hit)
    tp = len(used)
    fp = sum(1 for i, c in enumerate(claims) if i not in used and not any(_same(passage, g, c) for g in
                                                                           positive + optional))
    sused: set[int] = set()
    for g in scored:
        hit = next((i for i, c in enumerate(got) if i not in sused and c[3] == g["status"] and _same(passage, g, c)),
                   None)
        if hit is not None:
            sused.add(hit)
    sfp = sum(1 for i, c in enumerate(got) if i not in sused and not any(
        _same(passage, g, c) and (g.get("optional") or g["status"] == c[3]) for g in scored + optional))
    return tp, fp, len(positive) - tp, len(sused), sfp, len(scored) - len(sused)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _half(name: str) -> list[dict]:
    return [p for k, p in enumerate(PASSAGES, 1) if (k % 2 == 1) == (name == "tuning")]


def test_the_passage_set_is_well_formed():
    assert len(PASSAGES) >= 40
    for p in PASSAGES:
        names = {e["name"] for e in p["entities"]}
        for r in p["relations"]:
            assert r["type"] in ("sanctions", "releases", "pardons"), p["id"]
            assert r["subject"] in names and (r["object"] in names or r["object"] in GROUPS), p["id"]
            assert r["status"] in ("held", "planned", "negated"), p["id"]


@pytest.mark.parametrize("pid", [pid for half in READ_IN_FULL.values() for pid in half])
def test_a_passage_read_in_full(found, pid):
    passage = next(p for p in PASSAGES if p["id"] == pid)
    tp, fp, fn, stp, sfp, sfn = score(passage, found[pid])
    assert (fp, fn, sfp, sfn) == (0, 0, 0, 0), (passage["text"], found[pid])
    for g in passage["relations"]:  # a stated count is read with its relation
        if g.get("count") is not None and not g.get("optional"):
            assert any(_same(passage, g, c) and c[4] == g["count"] for c in found[pid]), (passage["text"], g)


@pytest.mark.parametrize("half", list(FLOORS))
def test_overall_floor(found, half):
    totals = [sum(x) for x in zip(*(score(p, found[p["id"]]) for p in _half(half)))]
    f1, status_f1 = _f1(*totals[:3]), _f1(*totals[3:])
    assert (f1, status_f1) >= FLOORS[half] and status_f1 >= FLOORS[half][1], (half, round(f1, 3), round(status_f1, 3))


def _claims(extractor: ParseExtractor, text: str) -> set[tuple[str, str, str, str]]:
    return {(r, subj, f"group:{count}" if obj is None else obj, status) for r, subj, obj, status, count in
            _read(extractor, text)}


@pytest.mark.parametrize("text, expected", [
    # a state of being sanctioned: the measure is the object of "under", "on", "subject to", or of "face"
    ("The trader Milan Vasko was placed under sanctions by Canada in 2021.", ("sanctions", "Canada", "Milan Vasko", "held")),
    ("Rustam Kadyr, who is on the U.S. sanctions list, flew to Dubai.", ("sanctions", "United States", "Rustam Kadyr", "held")),
    ("Ivan Lomov, who has been under British sanctions since 2022, denied the claims.",
     ("sanctions", "United Kingdom", "Ivan Lomov", "held")),
    ("The envoy met Arif Mammad, a longtime ally of Moscow who is under EU sanctions.",
     ("sanctions", "European Union", "Arif Mammad", "held")),
    ("The shipowner Petros Kallis will face U.S. sanctions, the State Department said.",
     ("sanctions", "United States", "Petros Kallis", "planned")),
    ("Britain froze Roman Kovalenko's assets on Tuesday.", ("sanctions", "United Kingdom", "Roman Kovalenko", "held")),
    # names beside a plural patient, wherever the parser hung them
    ("Australia blacklisted the Mandalay Jade Company and two generals, Zaw Min Htut and Kyaw Thura Lin, Foreign "
     "Minister Penny Wong said.", ("sanctions", "Australia", "Kyaw Thura Lin", "held")),
    ("The EU sanctioned 12 Russian officials, among them the Moscow judge Olga Temnova.",
     ("sanctions", "European Union", "Olga Temnova", "held")),
    ("The EU sanctioned several judges, such as Olga Temnova and Pyotr Garin.",
     ("sanctions", "European Union", "Pyotr Garin", "held")),
    # releases: a swap's counted prisoners for each side, counted demonyms, the holding state, a verb read as a noun
    ("Armenia and Azerbaijan swapped 32 prisoners of war on Sunday.", ("releases", "Armenia", "group:32", "held")),
    ("Armenia and Azerbaijan swapped 32 prisoners of war on Sunday.", ("releases", "Azerbaijan", "group:32", "held")),
    ("Venezuela released six Americans in exchange for the United States freeing two nephews of a minister.",
     ("releases", "Venezuela", "group:6", "held")),
    ("The reporter Dana Kovac was freed on Thursday after nine months in Russian custody.",
     ("releases", "Russia", "Dana Kovac", "held")),
    ("Norway freed Ola Berg in a prisoner swap that saw the United States release the hacker Yuri Kostin.",
     ("releases", "United States", "Yuri Kostin", "held")),
    # status from the verb governing the measure
    ("Brussels is preparing sanctions against the Georgian oligarch Levan Chkheidze.",
     ("sanctions", "Brussels", "Levan Chkheidze", "planned")),
    ("Hungary has repeatedly blocked EU sanctions on the cleric Father Onufriy Lesko.",
     ("sanctions", "European Union", "Father Onufriy Lesko", "negated")),
    ("The Moldovan Bar said that President Maia Sandu's decision to pardon the journalist Ion Cebotari would ease "
     "tensions.", ("pardons", "Maia Sandu", "Ion Cebotari", "planned")),
])
def test_an_act_construction(extractor, text, expected):
    assert expected in _claims(extractor, text)


@pytest.mark.parametrize("text", [
    "Moscow demanded that Washington release the pilot Konstantin Yaroshenko.",
    "Critics said the oligarch Boris Lemkin could face questions from reporters.",
    "The airline Belavia is no longer under EU sanctions after the court ruling.",
])
def test_no_act(extractor, text):
    assert not {c for c in _claims(extractor, text) if c[0] in ("sanctions", "releases", "pardons") and c[3] == "held"}
