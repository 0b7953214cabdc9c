"""Actors, places and dates on passages written for this test in the voices real sources use.

``data/context_passages.jsonl`` holds short passages (wire copy with datelines, readouts, designation
notices, metonymy of capitals and seats of government, titled people named again by family name or title,
abbreviations that must not cut a sentence) with the relations a careful reader annotates, in the
development set's conventions: one relation per pair and status; a person matches by any alias or by
family name; ``prisoners`` as object matches on subject and relation alone.

The passages were written before the extractor was run on them, in two batches (c01-c50, then c51-c66
after the first changes).  Odd lines (c01, c03, ...) were used to decide what to build; even lines are held
out.  Each passage that came out right is pinned below, and the
whole set has a floor at the figure reached, so a regression fails.

Run this file as a script to print the figures: ``python tests/extract/test_context_passages.py``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).with_name("data") / "context_passages.jsonl"
SYMMETRIC = {"meets", "talksWith"}
TYPES = {"meets": "meets", "talks": "talksWith", "talkswith": "talksWith", "pardons": "pardons",
         "releases": "releases", "sanctions": "sanctions", "advises": "advises"}
GROUPS = {"prisoners", "detainees", "political prisoners"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", text)).strip()


class Entity:
    """A gold actor: matched by name, alias, or (a person) family name."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.name, self.type = spec["name"], spec.get("type", "")
        self.names = {norm(self.name)} | {norm(a) for a in spec.get("aliases", [])}

    def matches(self, label: str) -> bool:
        n = norm(label)
        if not n:
            return False
        if n in self.names:
            return True
        if self.type == "Person":
            last = norm(self.name).split()[-1]
            return len(last) > 2 and last in n.split()
        return any(len(x) > 3 and (x in n or n in x) for x in self.names)


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(passages: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The extractor's records per passage, read as `kg extract` reads a .txt file."""
    from kg.extract.records import to_records
    from kg.extract.registry import get_extractor
    from kg.ingest.readers import read_text

    ex = get_extractor("parse")
    out: dict[str, list[dict[str, Any]]] = {}
    for p in passages:
        doc = read_text(p["text"], p["id"] + ".txt", kind="text", published=p.get("published"))[0]
        out[p["id"]] = [r for a in ex.extract(doc) for r in to_records(a, p["id"])]
    return out


def _label(x: Any) -> str:
    return (x or {}).get("label") or "" if isinstance(x, dict) or x is None else str(x)


def _same(rec: dict[str, Any], kind: str, subj: Entity, obj: Entity | None) -> bool:
    if TYPES.get(str(rec.get("relation", "")).lower()) != kind:
        return False
    s, o = _label(rec.get("subject")), _label(rec.get("object"))
    fits = lambda a, b: subj.matches(a) and (obj is None or obj.matches(b))  # noqa: E731
    return fits(s, o) or (kind in SYMMETRIC and fits(o, s))


def judge(p: dict[str, Any], recs: list[dict[str, Any]]) -> dict[str, Any]:
    """Status-aware judgement of one passage: hits, misses, false findings, and its dates and places."""
    ents = {e["name"]: Entity(e) for e in p["entities"]}
    gold = []
    for r in p["relations"]:
        obj = None if norm(r["object"]) in GROUPS else ents.get(r["object"]) or Entity({"name": r["object"]})
        gold.append((TYPES[r["type"]], ents.get(r["subject"]) or Entity({"name": r["subject"]}), obj, r))
    res: dict[str, Any] = {"tp": Counter(), "fp": Counter(), "fn": Counter(), "misses": [], "false": [],
                           "date": [0, 0], "place": [0, 0], "false_date": 0, "false_place": 0}
    used: set[int] = set()
    for kind, s, o, r in gold:
        hits = [i for i, x in enumerate(recs) if x.get("status") == r["status"] and _same(x, kind, s, o)]
        if not hits:
            res["fn"][kind] += 1
            res["misses"].append((kind, r["subject"], r["object"], r["status"]))
            continue
        res["tp"][kind] += 1
        used.update(hits)
        found = [recs[i] for i in hits]
        if r.get("date"):
            res["date"][1] += 1
            res["date"][0] += any(str(x.get("date") or "")[:len(r["date"])] == r["date"] for x in found)
        elif any(x.get("date") for x in found):
            res["false_date"] += 1
        if r.get("place"):
            res["place"][1] += 1
            res["place"][0] += any(set(norm(str(x.get("place") or "")).split()) & set(norm(r["place"]).split())
                                   for x in found)
        elif any(x.get("place") for x in found):
            res["false_place"] += 1
    seen = set()
    for i, x in enumerate(recs):
        key = (x.get("relation"), frozenset((norm(_label(x.get("subject"))), norm(_label(x.get("object"))))),
               x.get("status"))
        if i in used or key in seen:
            continue
        seen.add(key)
        kind = TYPES.get(str(x.get("relation", "")).lower(), str(x.get("relation")))
        res["fp"][kind] += 1
        res["false"].append((kind, _label(x.get("subject")), _label(x.get("object")), x.get("status")))
    return res


def figures(results: list[dict[str, Any]]) -> dict[str, Any]:
    tp, fp, fn = Counter(), Counter(), Counter()
    att = {"date": [0, 0], "place": [0, 0]}
    false_date = false_place = 0
    for r in results:
        tp.update(r["tp"]), fp.update(r["fp"]), fn.update(r["fn"])
        for k in att:
            att[k][0] += r[k][0]
            att[k][1] += r[k][1]
        false_date += r["false_date"]
        false_place += r["false_place"]
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    prec = t / (t + f_p) if t + f_p else 0.0
    rec = t / (t + f_n) if t + f_n else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": prec, "r": rec, "f1": f1, "date": att["date"],
            "place": att["place"], "false_date": false_date, "false_place": false_place}


def report(name: str, fig: dict[str, Any]) -> str:
    kinds = sorted(set(fig["tp"]) | set(fig["fp"]) | set(fig["fn"]))
    per = ", ".join(f"{k} {fig['tp'][k]}/{fig['tp'][k] + fig['fn'][k]} (+{fig['fp'][k]} false)" for k in kinds)
    return (f"{name}: status-F1 {fig['f1']:.2f} (P {fig['p']:.2f} R {fig['r']:.2f}); {per}; "
            f"dates {fig['date'][0]}/{fig['date'][1]} (+{fig['false_date']} unstated), "
            f"places {fig['place'][0]}/{fig['place'][1]} (+{fig['false_place']} unstated)")


@pytest.fixture(scope="module")
def judged() -> dict[str, dict[str, Any]]:
    passages = load()
    recs = run(passages)
    return {p["id"]: judge(p, recs[p["id"]]) for p in passages}


#: passages whose every relation, status, stated date and stated place came out right, with no false finding
EXACT: list[str] = [
    "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c10", "c11", "c12", "c13", "c14", "c15", "c16", "c17",
    "c18", "c19", "c20", "c21", "c22", "c23", "c24", "c26", "c27", "c28", "c29", "c30", "c32", "c33", "c34",
    "c35", "c36", "c37", "c38", "c39", "c40", "c41", "c42", "c43", "c44", "c45", "c46", "c47", "c48", "c49",
    "c51", "c52", "c53", "c54", "c56", "c57", "c58", "c59", "c60", "c62", "c63", "c64", "c65", "c66",
]
#: floors on the whole set (status-aware F1, stated dates and places right), at the figures reached
FLOOR_F1, FLOOR_DATES, FLOOR_PLACES = 0.93, 11, 29


@pytest.mark.parametrize("pid", EXACT)
def test_passage_comes_out_right(judged, pid):
    r = judged[pid]
    assert not r["misses"] and not r["false"], (r["misses"], r["false"])
    assert r["date"][0] == r["date"][1] and r["place"][0] == r["place"][1], (r["date"], r["place"])
    assert not r["false_date"] and not r["false_place"]


def test_whole_set_floor(judged):
    fig = figures(list(judged.values()))
    assert fig["f1"] >= FLOOR_F1, report("all", fig)
    assert fig["date"][0] >= FLOOR_DATES and fig["place"][0] >= FLOOR_PLACES, report("all", fig)


def test_the_set_is_well_formed():
    passages = load()
    assert len(passages) >= 40 and len({p["id"] for p in passages}) == len(passages)
    for p in passages:
        names = {e["name"] for e in p["entities"]}
        for r in p["relations"]:
            assert r["type"] in TYPES and r["status"] in {"held", "planned", "negated"}
            assert r["subject"] in names and (r["object"] in names or norm(r["object"]) in GROUPS), (p["id"], r)


if __name__ == "__main__":
    import sys

    passages = load()
    recs = run(passages)
    res = {p["id"]: judge(p, recs[p["id"]]) for p in passages}
    ids = [p["id"] for p in passages]
    halves = {"tuning (odd lines)": ids[0::2], "held out (even lines)": ids[1::2], "all": ids}
    for name, chosen in halves.items():
        print(report(name, figures([res[i] for i in chosen])))
    exact = [i for i in ids if not res[i]["misses"] and not res[i]["false"] and not res[i]["false_date"]
             and not res[i]["false_place"] and res[i]["date"][0] == res[i]["date"][1]
             and res[i]["place"][0] == res[i]["place"][1]]
    print("exact:", " ".join(exact))
    if "-v" in sys.argv:
        for i in ids:
            r = res[i]
            bad_date = r["date"][0] < r["date"][1] or r["false_date"]
            bad_place = r["place"][0] < r["place"][1] or r["false_place"]
            if r["misses"] or r["false"] or bad_date or bad_place:
                print(i, "miss", r["misses"], "false", r["false"], "date", r["date"], r["false_date"],
                      "place", r["place"], r["false_place"])
                for x in recs[i]:
                    print("    ", x["relation"], _label(x["subject"]), "|", _label(x["object"]), x["status"],
                          x["date"], x["date_basis"], x["place"])


# ---------------------------------------------------------------------------------------------------------
# The mechanisms behind the figures, each on sentences of its own


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.registry import get_extractor

    return get_extractor("parse")


def records(extractor, text: str, published: str | None = None) -> list[dict[str, Any]]:
    from kg.extract.records import to_records
    from kg.ingest.readers import read_text

    doc = read_text(text, "probe.txt", kind="text", published=published)[0]
    return [r for a in extractor.extract(doc) for r in to_records(a, "probe")]


def one(recs: list[dict[str, Any]], relation: str, name: str) -> dict[str, Any]:
    """The finding of ``relation`` whose object (or, for encounters, either side) contains ``name``."""
    hits = [r for r in recs if r["relation"] == relation and (name in _label(r["object"]) or
                                                               relation in SYMMETRIC and name in _label(r["subject"]))]
    assert hits, recs
    return hits[0]


@pytest.mark.parametrize("text, date, basis", [
    # a dateline that names its place, then the date; "today" and weekdays are read against it
    ("Sanctions\n\nOSLO, 4 March 2025 — Norway today sanctioned shipping agent Lars Dahl.", "2025-03-04", "relative"),
    ("Visit\n\nQUITO, Ecuador, June 12, 2024 (AP) — President Ana Ruiz met envoy Tom Berg on Tuesday.", "2024-06-11",
     "relative"),
    # the dateline's date is the filing day; the event's own year-less date takes the dateline's year
    ("Visit\n\nLIMA, May 9, 2024 - President Ana Ruiz hosted Tom Berg in Lima on May 7, aides said.", "2024-05-07",
     "explicit"),
])
def test_a_dated_dateline_dates_the_story(extractor, text, date, basis):
    recs = records(extractor, text)
    assert recs and {(r["date"], r["date_basis"]) for r in recs} == {(date, basis)}


def test_no_year_no_date(extractor):
    # "Sept 2 (Reuters)" gives no year: "on Monday" cannot be resolved and is not guessed
    recs = records(extractor, "Talks\n\nSept 2 (Reuters) - Ana Ruiz met Tom Berg in Lima on Monday.")
    assert recs and all(r["date"] is None for r in recs)


@pytest.mark.parametrize("text, place", [
    ("Visit\n\nForeign Minister Ana Ruiz arrived in Ankara on Tuesday. Ruiz met her counterpart Tom Berg on "
     "Wednesday.", "Ankara"),
    ("Visit\n\nPresident Ana Ruiz flew to Hanoi late on Monday. The president is due to meet Prime Minister Tom Berg "
     "on Tuesday.", "Hanoi"),
    # a venue without its city gets the city of the journey
    ("Visit\n\nAna Ruiz arrived in Ankara on Tuesday. Ruiz met Tom Berg at the foreign ministry, aides said.",
     "Ankara"),
    # another meeting of the same stay
    ("Visit\n\nAna Ruiz met Tom Berg in Nairobi on Monday. Ruiz also met Sara Lind.", "Nairobi"),
    # beside a gathering, at the gathering's place
    ("Talks\n\nAna Ruiz met Tom Berg on the sidelines of the Commonwealth summit in Apia.", "Apia"),
    ("Talks\n\nOn the margins of a NATO meeting in Vilnius, Ana Ruiz met Tom Berg.", "Vilnius"),
])
def test_the_place_of_a_meeting_its_sentence_does_not_state(extractor, text, place):
    rec = one(records(extractor, text), "meets", "Berg" if "Lind" not in text else "Lind")
    assert rec["place"] == place or rec["place"].endswith(", " + place)  # "foreign ministry, Ankara"


@pytest.mark.parametrize("text", [
    # someone else's journey places nobody's meeting
    "Visit\n\nSara Lind arrived in Ankara on Tuesday. Ana Ruiz met Tom Berg on Wednesday.",
    # a phone call has no place
    "Visit\n\nAna Ruiz arrived in Ankara on Tuesday. Ruiz spoke by phone with Tom Berg.",
])
def test_no_journey_place_that_is_not_the_meetings(extractor, text):
    recs = records(extractor, text)
    assert recs and all(r["place"] is None for r in recs)


@pytest.mark.parametrize("text, place", [
    ("Release\n\nValoria released engineer Tom Berg at Ankara airport on Thursday.", "Ankara airport"),
    ("Release\n\nValoria freed Tom Berg in a prisoner swap at an airport in Ankara.", "an airport in Ankara"),
    ("Release\n\nValoria freed Tom Berg from a prison colony in Gomel on Friday.", None),
    ("Release\n\nValoria freed Tom Berg in a prisoner swap.", None),
])
def test_the_place_of_a_release_in_its_own_clause(extractor, text, place):
    assert one(records(extractor, text), "releases", "Berg")["place"] == place


def test_abbreviated_titles_are_no_part_of_a_name(extractor):
    recs = records(extractor, "Talks\n\nGov. Ana Ruiz and Amb. Tom Berg met Adm. Sara Lind in Quito.")
    names = {_label(r[k]) for r in recs for k in ("subject", "object")}
    assert names == {"Ana Ruiz", "Tom Berg", "Sara Lind"}


def test_company_names_and_place_modifiers(extractor):
    recs = records(extractor, "Sanctions\n\nThe United Kingdom sanctioned Hong Kong-based Jade River Trading Co., Ltd "
                              "and the Iran-backed Falcon Logistics LLC on Monday.")
    assert {_label(r["object"]) for r in recs if r["relation"] == "sanctions"} == {
        "Jade River Trading Co., Ltd", "Falcon Logistics LLC"}


@pytest.mark.parametrize("text, subject", [
    # a state named right before its short-form office acts through it
    ("Sanctions\n\nNorway's Foreign Ministry said on Monday it had sanctioned shipping agent Lars Dahl.", "Norway"),
    ("Sanctions\n\nGermany's Foreign Office on Monday imposed sanctions on judge Omid Rahimi.", "Germany"),
    # "the Treasury" of a British story is HM Treasury; of an American one, the U.S. department
    ("Sanctions\n\nBritain acted on Monday. The Treasury froze the assets of trader Lars Dahl, officials in London "
     "said.", "HM Treasury"),
    ("Sanctions\n\nThe Treasury sanctioned trader Lars Dahl on Monday, U.S. officials said in Washington.",
     "Treasury"),
])
def test_a_short_form_office_belongs_to_its_state(extractor, text, subject):
    rec = one(records(extractor, text), "sanctions", "Dahl" if "Dahl" in text else "Rahimi")
    assert subject in _label(rec["subject"]) and ("HM" in _label(rec["subject"])) == (subject == "HM Treasury")


@pytest.mark.parametrize("text, agent", [
    ("Release\n\nHamas militants freed hostage Tom Berg on Saturday.", "Hamas"),
    ("Release\n\nTaliban fighters released aid worker Tom Berg near Kabul.", "Taliban"),
    ("Release\n\nValorian forces released mayor Tom Berg on Friday.", None),  # no such state: nobody
    ("Release\n\nRussian forces released mayor Tom Berg on Friday.", "Russia"),
])
def test_members_of_a_group_or_state_act_for_it(extractor, text, agent):
    recs = [r for r in records(extractor, text) if r["relation"] == "releases"]
    assert {_label(r["subject"]) for r in recs} == ({agent} if agent else set())
