"""Pair triggers with the actor mentions around them, one sentence at a time.

Encounters are read here; acts in :mod:`kg.extract.act_rules`, roles in
:mod:`kg.extract.role_rules`, shared parts in :mod:`kg.extract.findings`.
Rules are positional and general: the subject is the nearest actor before the
trigger in its clause (skipping dashes/parentheses and prepositional objects),
objects are the coordinated actors after it ("with X", "on X, Y and Z"),
symmetric relations without an object pair coordinated subjects ("X and Y met")
or "the two leaders".  Sanctions take every state/organisation before the
trigger as imposers and carry the last imposer over to later sentences.

>>> from kg.extract.rules import RuleExtractor
>>> from kg.model.core import Document
>>> doc = Document.from_text("Russia imposed sanctions on Jane Roe and John Doe.")
>>> sorted((s.label, o.label) for a in RuleExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs())
[('Russia', 'Jane Roe'), ('Russia', 'John Doe')]
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.act_rules import _release, _sanctions
from kg.extract.agenda import agenda_findings
from kg.extract.designations import is_list_line, list_filler
from kg.extract.findings import _AND_VERB, BULLET as _BULLET, DocState, Found, _coord_subject, _span, pair_of
from kg.extract.mentions import Mention
from kg.extract.pairing import PairingSentence, entities
from kg.extract.patterns import TRIGGERS, Trigger, status_before
from kg.extract.role_rules import _advises

__all__ = ["DocState", "Found", "find_relations", "pair_of"]

#: cues that "talks" were held at a distance (else "held talks with" is an in-person meeting)
_REMOTE = re.compile(r"phone|call|video|virtual|remote|online|teleconferenc|by link", re.IGNORECASE)
#: what may stand between a caller and "called": adverbs, auxiliaries, a day ("X on Tuesday called Y")
_CALL_GAP = re.compile(r"[\s,]*(?:(?:has|have|had|also|then|later|first|personally|again|on|last|this|\w+day|morning|"
                       r"evening|night|week|\w+ly)[\s,]+)*", re.IGNORECASE)


_LIST_CUE = re.compile(r"sanction|designat|list|target|asset|entit(?:y|ies)|individuals|persons|schedule|following",
                       re.IGNORECASE)


def find_relations(text: str, base: int, mentions: list[Mention], state: DocState) -> list[Found]:
    """Relations stated in one sentence (``text`` starts at document offset ``base``)."""
    sent = PairingSentence(text, base, mentions)
    state.since_sanction += 1
    continued, state.mid_line = state.mid_line, not text.rstrip(" \t").endswith("\n")
    marker = _BULLET.match(text + " ")
    if state.list_imposer is not None and marker and not text[marker.end():].strip():
        state.mid_line = False  # "1." cut from its entry: the entry follows as a line of its own
        state.after_marker = True
        return []
    numbered, state.after_marker = bool(marker) or state.after_marker, state.after_marker and not text.strip()
    if state.list_imposer is not None and (list_filler(text) or continued and not numbered):
        return []  # "Individuals", "DOB: 14/03/1971", the rest of a line: a heading or details inside the list
    if state.list_marked and not numbered and text.strip():
        state.list_imposer = None  # "the following persons. (1) A (2) B": a line without a number ends the list
    if state.list_imposer is not None and continued and not numbered:
        return []  # the rest of a list entry the sentence splitter cut ("KOVAL, Pyotr (a.k.a. | Peter Koval)")
    if state.list_imposer is not None and text.strip():
        if not marker and not is_list_line(text):
            state.list_imposer = None
        elif sent.ms and not any(t.search(text) for t in _LIST_STOP):
            return _bullet_target(sent, state.list_imposer)
    agenda = agenda_findings(sent, state)  # "- Bilateral meeting with X" under a leader's programme
    if agenda:
        return agenda
    if not sent.ms:
        if text.rstrip().endswith(":") and state.last_imposer is not None and _LIST_CUE.search(text):
            state.list_imposer = state.last_imposer  # "The UK sanctioned five officials. Those sanctioned are:"
            state.list_marked = False
        return []
    found: list[Found] = []
    taken: list[tuple[int, int, str]] = []
    low = text.lower()
    for trig in TRIGGERS:
        if trig.keys and not any(k in low for k in trig.keys):
            continue
        for m in trig.regex.finditer(text):
            ts, te = m.start("t"), m.end()
            if any(r == trig.relation and a < te and ts < b for a, b, r in taken):
                continue
            taken.append((ts, te, trig.relation))
            for f in _HANDLERS[trig.relation](sent, trig, ts, te, state):
                if f.trigger == (0, 0):
                    f.trigger = (ts, te)  # every finding knows the words that triggered it
                found.append(f)
    if len(found) > 1:
        # "X and Y did not meet at the ... summit": the negated verb governs the pair, not the bare noun
        neg = {pair_of(f) for f in found if f.status in ("negated", "refused", "cancelled")}
        if neg:
            found = [f for f in found if f.status != "held" or pair_of(f) not in neg]
    return found


#: a bullet line that says something else than naming a target
_LIST_STOP = (re.compile(r"\b(?:said|says|added|announced)\b"),)


#: a numbered entry that follows another on the same line ("(1) Ivan Petrov (...) (2) Olga Sidorova (...)")
_NEXT_ENTRY = re.compile(r"(?:^|[\s;,.])\(\d{1,3}\)\s+")


def _bullet_target(sent: PairingSentence, imposer: Any) -> list[Found]:
    """A bullet line of a sanctions list: its first actor (a person or organisation) is a target, and so is the
    first actor after each further number in brackets ("(1) A (born 1970) (2) B (born 1981)")."""
    bullet = _BULLET.match(sent.text)
    cuts = [bullet.end() if bullet else 0] + [m.end() for m in _NEXT_ENTRY.finditer(sent.text, bullet.end() if bullet else 0)]
    out: list[Found] = []
    for k, cut in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(sent.text)
        first = next((i for i, (a, _b) in enumerate(sent.loc) if cut <= a < end), None)
        if first is None:
            continue
        # only the entry's first actor: later ones describe it ("head of the ... of Georgia")
        target = next((e for e in entities(sent.ms[first]) if e is not imposer and e.type in ("Person", "Organization")),
                      None)
        if target is not None:
            out.append(Found("sanctions", imposer, target, start=max(cut, sent.loc[first][0]) if k else
                             (bullet.end() if bullet else sent.loc[first][0]), end=sent.loc[first][1], confidence=0.75))
        # "A, a Hong Kong company, and its sole director, B": the entry lists B beside A
        for i in range(first + 1, len(sent.loc)):
            a, b = sent.loc[i]
            if a >= end or not _BESIDE_ENTRY.search(sent.text[sent.loc[i - 1][1]:a]):
                continue
            out += [Found("sanctions", imposer, e, start=a, end=b, confidence=0.7) for e in entities(sent.ms[i])
                    if e is not imposer and e is not target and e.type in ("Person", "Organization")][:1]
    return out


#: the words before an actor an entry names beside its first ("and its director general, ", ", its owner ")
_BESIDE_ENTRY = re.compile(r"(?:,\s*|\band\s+)(?:its|their|his|her|the)\s+(?:(?!of\b|for\b|at\b|in\b|by\b|with\b|"
                           r"from\b|to\b|on\b)[\w-]+,?\s+){0,4}$")



def _symmetric(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    word = text[ts:te].lower()
    after = text[te:te + 12].lower()
    weak = False
    relation, event_type = trig.relation, trig.event_type
    if relation == "talksWith" and word == "talks" and not _REMOTE.search(text[max(0, ts - 40):te + 40]):
        relation, event_type = "meets", "Meeting"  # "held talks with", "talks between": in person unless remote
    right = sent.right(te)
    left = sent.left(ts)
    if trig.mode == "call":  # "X called Y": Y directly after, and not "called Y a liar", "a man called Y"
        right = sent.right(te, max_chars=12)
        if not right or not left or any(e.type != "Person" for e in sent.ents(right)) or \
                re.match(r"(?:[’']s\b|\s+(?:(?:a|an)\s|[“\"]))", text[sent.loc[right[-1]][1]:]) or \
                not _CALL_GAP.fullmatch(text[sent.loc[left[-1]][1]:ts]):
            return []
    if _AND_VERB.search(text[max(0, ts - 40):ts]):
        # "X met Y in Rome and later spoke with Z": the coordinated verb's subject is the first verb's
        first = _coord_subject(sent, ts, person=False)
        if first is not None:
            left = [first]
    participle = word == "meeting" and re.search(r",\s*$", text[:ts]) is not None and bool(right) and \
        sent.loc[right[0]][0] - te <= 3
    if participle:  # "X visited Kyiv on Sunday, meeting President Y": the clause subject meets Y
        first = sent.clause_subject(ts)
        left = [first] if first is not None else []
    elif trig.mode == "noun" or word in ("meeting", "meetings", "conversation", "conversations", "call", "calls"):
        hyphen = left and re.fullmatch(r"\s*", text[sent.loc[left[-1]][1]:ts]) is not None
        compound = []
        if hyphen and left and len(left) == 1 and left[-1] > 0:
            j = left[-1]
            if re.fullmatch(r"[-–]", text[sent.loc[j - 1][1]:sent.loc[j][0]]):
                compound = [j - 1, j]
        if compound:
            left, right, weak = compound, [], True
        elif not re.match(r"\W*\s*(?:with|between|to)\b", after) and not (left and sent.ms[left[0]].kind == "pair") \
                and len(sent.ents(left)) < 2:
            return []
    if re.search(r"\b(?:after|before|while|when|since|by|without)\s+(?:\w+ing\s+)?$", text[max(0, ts - 22):ts]):
        # "X met Y, hours after holding talks with Z": the participle's subject is the clause subject
        first = sent.clause_subject(ts)
        left = [first] if first is not None else []
    if word.startswith(("visit", "host", "welcom", "receiv")) and (
            not right or sent.loc[right[0]][0] - te > 30):
        return []
    if right and not re.match(r"^\W*(?:(?:by|on|over|the|a|an|his|her|their|phone|telephone|video|link|today|"
                              r"yesterday|again|briefly|separately|also|later|directly|personally|face to face|"
                              r"in person|with|to|between|and|from|[“”\"'’]+)\W*)*$",
                              text[te:sent.loc[right[0]][0]], re.I):
        right = []
    if trig.event_type == "Call" and not right and left and \
            re.search(r"\b(?:in|during|over|on|by)\s+(?:a|an|the|their|his|her)?\s*(?:[a-z-]+\s+)?$", text[:ts]):
        # "X thanked Y in a phone call": the clause subject called the person before the phrase
        first = sent.clause_subject(ts)
        if first is not None and first != left[-1]:
            left, right = [first], left[-1:]
    elsewhere = _after_places(sent, right)  # separate meetings in separate places: never one event
    right = right + elsewhere
    if right and re.match(r"[’']s\s", text[sent.loc[right[0]][1]:sent.loc[right[0]][1] + 3]):
        # "met Ann Lee's predecessor": a possessive modifies the object; "met Lee's envoy Tom Berg": the envoy
        nxt = right[0] + 1
        gap = text[sent.loc[right[0]][1]:sent.loc[nxt][0]] if nxt < len(sent.ms) else ""
        right = sent.coordinated_right(nxt) if re.fullmatch(r"[’']s\s+(?:[a-z-]+\s+){0,3}", gap) else []
    if re.match(r"\W*\s*between\b", after) and right:
        right = sent.coordinated_right(right[0])
        left, right = right[:1], right[1:]
    subjects, objects = sent.ents(left), sent.ents(right)
    if subjects and objects and all(e.type == "Person" for e in objects) and not any(e.type == "Person" for e in subjects):
        # "X is to visit Ankara for talks with Y": the place is not a participant; the clause subject is
        first = sent.clause_subject(ts)
        subjects = sent.ents([first]) if first is not None else []
    if not subjects and objects:
        others = [e for i in range(len(sent.ms)) for e in entities(sent.ms[i])
                  if e not in objects and e.type == "Person" and sent.loc[i][0] >= sent.loc[right[-1]][1]]
        subjects = others[:1]
    if not objects:
        # "X and Y talked about ..." is a topic, not a call; pairs need a phone cue or a meeting verb
        if len(subjects) < 2 or (relation == "talksWith" and not re.search(r"phone|call", text[ts:te], re.I)):
            return []
        subjects, objects = subjects[:1], subjects[1:]
    status = status_before(text, ts, te)
    out = []
    for s in subjects:
        for o in objects:
            if s is o or (s.type == "Person") != (o.type == "Person"):
                continue
            if event_type == "Visit" and o.type != "Person":
                continue
            host = s if word.startswith(("host", "welcom", "receiv")) else (o if event_type == "Visit" else None)
            a, b = _span(sent, ts, te, left + right)
            out.append(Found(relation, s, o, status=status, event_type=event_type, host=host, start=a, end=b,
                             confidence=trig.confidence * (0.85 if weak else 1.0), weak=weak, trigger=(ts, te),
                             notes=_place_notes(sent, o, elsewhere)))
    return out


def _place_notes(sent: PairingSentence, obj: Any, elsewhere: list[int]) -> list[str]:
    """Notes for a finding from "met X in A and Y in B": never merged; Y's place is the one after Y."""
    if not elsewhere:
        return []
    own = [i for i in elsewhere if obj in entities(sent.ms[i])]
    return ["separate"] + ([f"place_after:{sent.loc[own[0]][1]}"] if own else [])


_PLACE_AND = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+and\s+")


def _after_places(sent: PairingSentence, right: list[int]) -> list[int]:
    """"met X in Kinshasa and Y in Kigali": further persons each after "in|at PLACE and"."""
    more: list[int] = []
    last = right[-1] if right else None
    while last is not None:
        person = next((i for i in range(last + 1, len(sent.ms))
                       if _PLACE_AND.fullmatch(sent.text[sent.loc[last][1]:sent.loc[i][0]])), None)
        if person is None or not entities(sent.ms[person]) or \
                any(e.type != "Person" for e in entities(sent.ms[person])):
            break
        more.append(person)
        last = person
    return more


_HANDLERS = {"meets": _symmetric, "talksWith": _symmetric, "pardons": _release, "releases": _release,
             "sanctions": _sanctions, "advises": _advises}
