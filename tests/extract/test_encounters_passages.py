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
    "enc41", "enc42", "enc43", "enc45", "enc47", "enc48", "enc49", "enc50", "enc51", "enc52",
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
