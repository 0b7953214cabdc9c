"""How the two readers of a parsed sentence are combined: the frames over the parse and the positional rules.

The frames decide who took part wherever they read a trigger; the rules add what a parse of one sentence
cannot see (bulleted lists, "Among those freed were ...", co-imposers, advisers). A speaker named only to
report the finding takes no part in it, and a headline's finding that the body repeats is the body's.

>>> _reconcile([], [], [])
[]
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.extract.findings import Found, pair_of
from kg.extract.frames import FrameHit
from kg.extract.mentions import Mention, Sentence, is_headline
from kg.extract.rules import pair_key
from kg.extract.misparses import object_hung_on_report
from kg.extract.syntax import REPORTING_VERBS
from kg.model.core import Assertion


def _speakers(pdoc: Any, base: int) -> list[tuple[int, int]]:
    """Document spans of the subjects of reporting verbs in a parsed sentence ("..., Foreign Minister X said")."""
    return [(base + t.left_edge.idx, base + t.idx + len(t.text)) for t in pdoc
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_VERBS and t.pos_ in ("PROPN", "NOUN")
            and not object_hung_on_report(t)]


def _only_as_speaker(f: Found, mentions: list[Mention], speakers: list[tuple[int, int]], base: int) -> bool:
    """True when a side of ``f`` is named in its sentence only as the speaker of a report after the trigger.

    "Australia imposed sanctions on five officials, Foreign Minister X said" names X as who said it, not
    as a target; "X said he would meet Y" keeps X, who is also "he". A subject the parse gave an encounter
    through a fronted clause keeps it: "After meeting Y in Rome, X said ..." (X met Y).
    """
    fronted = "parse" in f.notes and f.relation in ("meets", "talksWith")
    for side in (f.subject, f.obj):
        if side is None or (fronted or f.relation == "advises") and side is f.subject:
            # ("Aide to the President of Russia X told reporters": the aide speaks and is the aide)
            continue
        spans = [(m.start, m.end) for m in mentions if m.entity is side]
        if f.trigger != (0, 0) and spans and all(any(a <= ms and me <= b and a >= base + f.trigger[1] for a, b in speakers)
                                                 for ms, me in spans):
            return True
    return False


def _headline_merged(found: list[tuple[Found, Assertion]], sents: list[Sentence]) -> list[tuple[Found, Assertion]]:
    """A headline's finding that the body states too is the body's: one report, not two.

    The body's sentence is the better evidence (it has the date and counts); a headline that
    says what the body does not keep its own finding, and a headline's place fills in a body finding
    of the same pair and status that states none.
    """
    if not sents or not is_headline(sents[0], first=True):
        return found
    head_end = sents[0].end_char

    def in_body(a: Assertion) -> bool:
        return a.evidence is None or (a.evidence.start or 0) >= head_end

    body = {pair_key(a) for _f, a in found if a.evidence is not None and in_body(a)}
    # "X Meets Y in Moscow" over a body that says "he met Y" names the place the body leaves out
    places = {(pair_key(a), a.claim.status): a.claim.place for _f, a in found
              if not in_body(a) and a.claim.place and pair_key(a) in body}
    out = []
    for f, a in found:
        if not in_body(a) and pair_key(a) in body:
            continue
        place = places.get((pair_key(a), a.claim.status)) if a.claim.place is None else None
        out.append((f, replace(a, claim=replace(a.claim, place=place)) if place else a))
    return out


def _reconcile(framed: list[Found], ruled: list[Found], read: list[tuple[int, int]], *,
               parsed: bool = True) -> list[Found]:
    """The frames' findings, and the rules' findings for pairs and triggers the frames did not read.

    Where both found a pair, the parse decides its status (the rules read "May" as a modal); where a
    frame read a trigger, its reading of who took part replaces the rules' nearest-name guess. In a
    parsed sentence, who met or called whom is the parse's alone: the nearest-name rules for encounters
    added nothing the frames miss on the texts they were written for and only false pairs on others.
    """
    keys = {pair_of(f) for f in framed}
    # a state or body the rules add as a co-agent of a patient the frames found ("X joined A, B and C to impose
    # sanctions on Y"): the parse gives one subject, the list is the rules'
    # on the same trigger: "Russia released A in exchange for B, who was freed by the US" gives no US-A release
    patients = {(f.relation, id(f.obj)): (f.start, f.end) for f in framed if f.obj is not None}
    # "Britain sanctioned A, while Canada imposed sanctions on B": Britain, an agent of its own clause, is no co-imposer
    agents = {(f.relation, id(f.subject)) for f in framed}

    def keep(f: Found) -> bool:
        if "agenda" in f.notes:  # a programme's entry: held, whatever the entry's own clause plans
            return not any(pair_of(g) == pair_of(f) and g.status == f.status for g in framed)
        if pair_of(f) in keys or (parsed and f.relation in ("meets", "talksWith")):
            return False
        if parsed and f.relation in ("releases", "pardons") and "list" not in f.notes:
            return False
        if f.relation in ("meets", "talksWith") and "Country" in (f.subject.type, getattr(f.obj, "type", "")):
            return False  # states meet through persons: "counterparts from France and Germany" is no France-Germany meeting
        if any(a < f.trigger[1] and f.trigger[0] < b for a, b in read):
            span = patients.get((f.relation, id(f.obj)))
            # a target named beside another is no co-imposer, nor is the agent of another clause
            return f.subject.type != "Person" and span is not None and span[0] <= f.trigger[0] < span[1] and \
                (f.relation, id(f.subject)) not in patients and (f.relation, id(f.subject)) not in agents
        return True

    return framed + [f for f in ruled if keep(f)]


Reading = tuple[int, int, FrameHit]


def _restatus(ruled: list[Found], readings: list[Reading]) -> None:
    """The rules' findings on a trigger a frame read as not held take the status the parse gives it.

    The rules read status from the words before the trigger; the parse reads it from the verbs that govern
    the trigger ("a meeting with X would be pointless", "has ruled out a meeting"), also where the frame found
    no actor of its own to report.
    """
    for f in ruled:
        if f.trigger == (0, 0):
            continue
        hit = next((h for a, b, h in readings if a < f.trigger[1] and f.trigger[0] < b), None)
        if hit is None or hit.status == "held" or (hit.noun or hit.trigger).dep_ in ("nsubj", "nsubjpass"):
            continue  # "the new sanctions will see assets frozen": the subject's verb tells what follows from it
        f.status = hit.status
        if hit.hedged and "hedged" not in f.notes:
            f.notes.append("hedged")
        if hit.in_passing and "in_passing" not in f.notes:
            f.notes.append("in_passing")
