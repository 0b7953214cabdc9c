"""Where meetings, calls and releases took place, on a passage set written for these tests.

tests/extract/data/places_passages.jsonl holds short passages (1-3 sentences) in the voices real sources use
(wire copy with datelines, readouts with a venue line, ministry statements) with the relations a careful reader
annotates and the place each one states (``null`` when the text states none: a phone call, a place that belongs
to another event, a title's city). Odd lines were used to tune, even lines were held out.

A place is right when the finding of a matched pair names a word of the gold place (as the evaluation scores it);
a place given where the gold has none is counted as a wrong place. Passages read completely right (relations and
places) are pinned one by one; the set has floors, so a regression anywhere fails.

Run as a script to print the figures: ``python tests/extract/test_places_passages.py``.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

import pytest

DATA = Path(__file__).parent / "data" / "places_passages.jsonl"
PASSAGES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
TYPES = {"meets": "meets", "talks": "talksWith", "releases": "releases", "pardons": "pardons"}
SYMMETRIC = {"meets", "talksWith"}

#: passages read completely right: every relation with its status and its place, nothing else of these types
PASSING = {
    "pl01", "pl02", "pl03", "pl04", "pl05", "pl07", "pl08", "pl09", "pl10", "pl11", "pl12", "pl13", "pl14", "pl15",
    "pl17", "pl18", "pl19", "pl20", "pl21", "pl22", "pl23", "pl24", "pl25", "pl26", "pl27", "pl28", "pl29", "pl30",
    "pl31", "pl32", "pl33", "pl34", "pl35", "pl36", "pl37", "pl38", "pl39", "pl40", "pl41", "pl42", "pl43", "pl44",
    "pl45", "pl47", "pl48", "pl50", "pl51", "pl52", "pl53", "pl54", "pl55", "pl57", "pl58", "pl60", "pl62", "pl63",
    "pl64", "pl65", "pl66", "pl67", "pl68", "pl69", "pl70", "pl71", "pl72", "pl73", "pl74", "pl75", "pl76", "pl78",
    "pl80", "pl81", "pl83", "pl84",
}
#: places right on matched pairs, and status-aware F1 over the set, reached when this file was written
#: (first sight: lines 1-38 on the branch point 19/30 places, F1 0.99; lines 39-60, written after the first changes,
#: 11/17; lines 61-72, written after the second round, 8/10; lines 73-84, written at the end, 6/8; the whole set when
#: this file was last changed: 63/65, F1 0.94 (relation misses of lines 73-84 that are not about places), no wrong place)
FLOOR_PLACES = 0.9
FLOOR_F1 = 0.92


class Score(NamedTuple):
    tp: int
    fp: int
    fn: int
    places_right: int  # matched pairs whose gold place the finding names
    places_stated: int  # matched pairs with a gold place
    places_wrong: int  # matched pairs given a place that the gold does not state


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def same_actor(gold: str, label: str) -> bool:
    """A label names the gold actor by its name or by the family name among its words."""
    got, family = norm(label), norm(gold).split()[-1]
    return got == norm(gold) or (len(family) > 2 and family in got.split())


def findings(extractor: Any, passage: dict) -> list[dict[str, Any]]:
    from kg.extract.records import to_records
    from kg.model.core import Document

    doc = Document.from_text("Report\n" + passage["text"], published="2024-03-06")
    return [r for a in extractor.extract(doc) if a.claim.relation in TYPES.values() for r in to_records(a)]


def score(passage: dict, found: list[dict[str, Any]]) -> Score:
    """Relations matched (status included), and the places of the matched pairs."""
    def fits(g: dict, f: dict) -> bool:
        if TYPES[g["type"]] != f["relation"] or g["status"] != f["status"]:
            return False
        subject, obj = f["subject"]["label"], (f["object"] or {}).get("label", "")
        if g.get("group"):
            return same_actor(g["subject"], subject)
        direct = same_actor(g["subject"], subject) and same_actor(g["object"], obj)
        swapped = same_actor(g["subject"], obj) and same_actor(g["object"], subject)
        return direct or (f["relation"] in SYMMETRIC and swapped)

    tp = fn = right = stated = wrong = 0
    for g in passage["relations"]:
        hits = [f for f in found if fits(g, f)]
        if not hits:
            fn += 1
            continue
        tp += 1
        if g["place"]:
            stated += 1
            want = set(norm(g["place"]).split())
            right += any(want & set(norm(f["place"] or "").split()) for f in hits)
        elif any(f["place"] for f in hits):
            wrong += 1
    fp = sum(1 for f in found if not any(fits(g, f) for g in passage["relations"]))
    return Score(tp, fp, fn, right, stated, wrong)


def totals(scores: list[Score]) -> tuple[float, int, int, int]:
    """Status-aware F1, places right, places stated, wrong places."""
    tp, fp, fn = (sum(s[k] for s in scores) for k in range(3))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, sum(s.places_right for s in scores), sum(s.places_stated for s in scores), \
        sum(s.places_wrong for s in scores)


@pytest.fixture(scope="module")
def extractor() -> Any:
    from kg.extract import get_extractor

    return get_extractor("parse")


@pytest.fixture(scope="module")
def results(extractor: Any) -> dict[str, Score]:
    return {p["id"]: score(p, findings(extractor, p)) for p in PASSAGES}


def test_the_set_is_well_formed() -> None:
    assert len(PASSAGES) >= 60
    assert len({p["id"] for p in PASSAGES}) == len(PASSAGES)
    for p in PASSAGES:
        assert p["relations"], p["id"]
        for r in p["relations"]:
            assert r["type"] in TYPES and r["status"] in ("held", "planned", "negated"), (p["id"], r)
    assert PASSING <= {p["id"] for p in PASSAGES}


@pytest.mark.parametrize("passage", [p for p in PASSAGES if p["id"] in PASSING], ids=lambda p: p["id"])
def test_a_passage_read_completely(results: dict[str, Score], passage: dict) -> None:
    s = results[passage["id"]]
    assert (s.fp, s.fn, s.places_right, s.places_wrong) == (0, 0, s.places_stated, 0), (passage["text"], s)


def test_the_whole_set_stays_above_its_floors(results: dict[str, Score]) -> None:
    f1, right, stated, wrong = totals(list(results.values()))
    assert f1 >= FLOOR_F1, round(f1, 2)
    assert right / stated >= FLOOR_PLACES, (right, stated)
    assert wrong == 0


def place_of_pair(extractor: Any, text: str, relation: str, a: str, b: str) -> set[str | None]:
    """The places the findings of one pair are given in a short article (headline "Report")."""
    found = findings(extractor, {"text": text})
    return {f["place"] for f in found if f["relation"] == relation and
            {same_actor(a, f["subject"]["label"]), same_actor(b, (f["object"] or {}).get("label", ""))} == {True}
            or f["relation"] == relation and same_actor(b, f["subject"]["label"]) and
            same_actor(a, (f["object"] or {}).get("label", ""))}


@pytest.mark.parametrize("text, relation, pair, place", [
    # a part of a journey or a stay, not the part itself
    ("Chancellor Karl Nehammer met Chinese Premier Li Qiang on Monday at the start of a four-day visit to China.",
     "meets", ("Karl Nehammer", "Li Qiang"), "China"),
    ("Brazilian President Lula met Chinese President Xi Jinping as part of a state visit to China.",
     "meets", ("Lula", "Xi Jinping"), "China"),
    # where a side is: set off by commas, a guest's own visit, a journey clause after the verb
    ("Prime Minister Petr Fiala, in Washington for talks on Ukraine, met Vice President Kamala Harris on Tuesday.",
     "meets", ("Petr Fiala", "Kamala Harris"), "Washington"),
    ("President Yoon Suk Yeol met Polish President Andrzej Duda, who was visiting Seoul for a defence fair, on Tuesday.",
     "meets", ("Yoon Suk Yeol", "Andrzej Duda"), "Seoul"),
    ("Foreign Minister Ahmed Attaf met U.N. Secretary-General Antonio Guterres when he visited New York last week.",
     "meets", ("Ahmed Attaf", "Guterres"), "New York"),
    # a place described by its kind: a demonym's capital, "the resort of X"
    ("Foreign Minister Retno Marsudi met Australian Foreign Minister Penny Wong in the Indonesian capital on Friday.",
     "meets", ("Retno Marsudi", "Penny Wong"), "Jakarta"),
    ("Belgian Prime Minister Alexander De Croo held talks with Egyptian President Abdel Fattah al-Sisi in the Red Sea "
     "resort of Sharm el-Sheikh.", "meets", ("De Croo", "Sisi"), "Sharm el-Sheikh"),
    # datelines: title case with an agency, "here"
    ("Cairo [Egypt], May 4 (ANI): Egyptian Foreign Minister Sameh Shoukry received his Indian counterpart Subrahmanyam "
     "Jaishankar on Sunday.", "meets", ("Sameh Shoukry", "Jaishankar"), "Cairo"),
    ("JAKARTA, March 8 (Reuters) - Indonesian President Joko Widodo met Chinese Foreign Minister Wang Yi here on "
     "Thursday.", "meets", ("Joko Widodo", "Wang Yi"), "Jakarta"),
    # a title-case headline's journey, a country before a journey noun
    ("Blinken Arrives In Beijing For Talks\nSecretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on "
     "Sunday for more than five hours.", "meets", ("Antony Blinken", "Wang Yi"), "Beijing"),
    ("Prime Minister Mark Carney's Mexico trip ended on Friday. Carney met President Claudia Sheinbaum on Thursday.",
     "meets", ("Mark Carney", "Claudia Sheinbaum"), "Mexico"),
    # a clause on the event noun, wherever the parser hangs it; a stay "for talks"; "where" after a day
    ("The meeting between Foreign Minister Ana Lind and her Serbian counterpart Marko Djuric, which took place in "
     "Doha, lasted two hours.", "meets", ("Ana Lind", "Marko Djuric"), "Doha"),
    ("Foreign Minister Ana Lind is in Belgrade for talks with President Aleksandar Vucic.",
     "meets", ("Ana Lind", "Aleksandar Vucic"), "Belgrade"),
    ("Foreign Minister Ana Lind paid a visit to Belgrade on Tuesday, where she was received by President Aleksandar "
     "Vucic.", "meets", ("Ana Lind", "Aleksandar Vucic"), "Belgrade"),
    # a handover clause beside a release
    ("Hungary freed Ukrainian soldier Petro Marchenko on Friday, handing him over at the Beregsurany border crossing.",
     "releases", ("Hungary", "Petro Marchenko"), "Beregsurany border crossing"),
    # a clock time the parser takes for the object of "at": the place under it
    ("Prime Minister Ann Lind is scheduled to meet President Tom Berg at 10:30 a.m. local time (08:30 GMT) in Lisbon.",
     "meets", ("Ann Lind", "Tom Berg"), "Lisbon"),
    # the same meeting told twice
    ("Putin and Xi met in Beijing on Thursday. The Chinese leader and Putin held talks for three hours.",
     "meets", ("Vladimir Putin", "Xi Jinping"), "Beijing"),
])
def test_the_place_of_a_construction(extractor: Any, text: str, relation: str, pair: tuple[str, str],
                                     place: str) -> None:
    assert place_of_pair(extractor, text, relation, *pair) == {place}


def test_a_meeting_again_is_another_meeting(extractor: Any) -> None:
    text = ("Prime Minister Ann Lind met President Tom Berg in Lisbon on Monday. The two leaders will meet again next "
            "month, officials said.")
    found = [(f["status"], f["place"]) for f in findings(extractor, {"text": text}) if f["relation"] == "meets"]
    assert sorted(found, key=str) == [("held", "Lisbon"), ("planned", None)]


@pytest.mark.parametrize("text, relation, pair", [
    # another event's place: an indefinite meeting of others, a summit after a call, where the freed man went
    ("French President Emmanuel Macron met German Chancellor Friedrich Merz on Monday. A separate meeting of EU "
     "finance ministers was held in Brussels.", "meets", ("Macron", "Merz")),
    ("Russia freed U.S. schoolteacher Marc Fogel in exchange for a Russian cybercriminal, and the American arrived in "
     "Washington late on Tuesday.", "releases", ("Russia", "Fogel")),
    # an earlier meeting's place in the same sentence
    ("Foreign Minister Ann Lind met Foreign Minister Tom Berg on Monday, a week after their meeting in Lima.",
     "meets", ("Ann Lind", "Tom Berg")),
    # "also" at another time is another stay; "and ... later held talks in Riyadh" is another event
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing in May. On Tuesday, Putin also met "
     "Indian Prime Minister Narendra Modi.", "meets", ("Vladimir Putin", "Narendra Modi")),
    ("Foreign Minister Ann Lind met Foreign Minister Tom Berg on Monday. The meeting ended early, and Berg later held "
     "talks in Riyadh.", "meets", ("Ann Lind", "Tom Berg")),
    # a dateline over a meeting the lede gives no sign of being held there
    ("MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov will meet his Turkish counterpart Hakan Fidan next "
     "week, the ministry said on Tuesday.", "meets", ("Lavrov", "Fidan")),
])
def test_no_place_from_another_event(extractor: Any, text: str, relation: str, pair: tuple[str, str]) -> None:
    assert place_of_pair(extractor, text, relation, *pair) == {None}


if __name__ == "__main__":  # pragma: no cover - the figures, by half
    from kg.extract import get_extractor

    ex = get_extractor("parse")
    scores = {p["id"]: score(p, findings(ex, p)) for p in PASSAGES}
    for name, keep in (("all", lambda n: True), ("tuning (odd)", lambda n: n % 2 == 1),
                       ("held out (even)", lambda n: n % 2 == 0)):
        f1, right, stated, wrong = totals([s for k, s in scores.items() if keep(int(k[2:]))])
        print(f"{name:16} F1 {f1:.2f}  places {right}/{stated}  wrong places {wrong}")
    print("complete:", sorted(k for k, s in scores.items() if (s.fp, s.fn, s.places_right, s.places_wrong)
                               == (0, 0, s.places_stated, 0)))
    for k, s in scores.items():
        if (s.fp, s.fn, s.places_right, s.places_wrong) != (0, 0, s.places_stated, 0):
            print(k, s)
