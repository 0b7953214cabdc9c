"""Pair triggers with the actor mentions around them, one sentence at a time.

Rules are positional and general: the subject is the nearest actor before the
trigger in its clause (skipping dashes/parentheses and prepositional objects),
objects are the coordinated actors after it ("with X", "on X, Y and Z"),
symmetric relations without an object pair coordinated subjects ("X and Y met")
or "the two leaders".  Sanctions take every state/organisation before the
trigger as imposers and carry the last imposer over to later sentences.

>>> from kg.extract.rules import RuleExtractor
>>> from kg.model.core import Document
>>> doc = Document.from_text("Russia imposed sanctions on Jane Roe and John Doe.")
>>> sorted((a.claim.subject.label, a.claim.obj.label) for a in RuleExtractor(resolver=None).extract(doc))
[('Russia', 'Jane Roe'), ('Russia', 'John Doe')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.mentions import Mention
from kg.extract.patterns import TRIGGERS, Trigger, find_group, is_demand, status_before

_COORD = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|as well as\s+|or\s+)"
                    r"(?:(?!(?:said|says|told|who|which|that|while|after|before|when|where|but|was|were|is|are|has|"
                    r"have|had|will|would|also|then|met|meets|spoke|added)\b)[a-z][a-z-]+\s+){0,3}$")
_AND = re.compile(r"\b(?:and|or|as well as)\b|&")
_INCLUDING = re.compile(r"^[^.;]{0,30}?(?i:among them|including|among whom were|notably)\s+(?:[a-z-]+\s+){0,3}")
_PREP_OBJ = re.compile(r"\b(?:of|in|from|at|on|for|against|to|with|about|into|over|than|like|under)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_STOP_RIGHT = re.compile(r"[;.!?]|\b(?:said|says|told|added|according)\b|—|\(")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PARENS = re.compile(r"—[^—]*—|–[^–]*–|\([^)]*\)|,\s*(?:who|which)\b[^,]*,")
_TARGET_PREP = re.compile(r"^[\s,]*(?:(?:other|new|economic|financial|personal|personally|tough|fresh|further|"
                          r"which|are|were|is|was|be|been|will|targeted|aimed|imposed|directly|also)\s+){0,6}"
                          r"(?:on|against|targeting|at|upon)\s+", re.IGNORECASE)
_ADVISEE_PREP = re.compile(r"^\s*(?:to|of|for)\s+(?:the\s+)?", re.IGNORECASE)
_APPOS_LEFT = re.compile(r"^\s*,\s*(?:(?:a|an|the|his|her|their|now|then|former|longtime|new|senior|top|chief)\s+)*$",
                         re.IGNORECASE)
_POSS = re.compile(r"^\s*[’']s?\s+(?:(?:new|former|then|longtime|current|own|top|senior|chief|deputy|acting)\s+)*$")


@dataclass
class Found:
    """One relation found in a sentence, before it becomes an Assertion."""

    relation: str
    subject: Any  # kg.extract.coref.Entity
    obj: Any = None
    group: tuple[str, int | None] | None = None
    status: str = "held"
    event_type: str | None = None
    host: Any = None
    start: int = 0  # sentence-local span of the evidence
    end: int = 0
    confidence: float = 0.9
    weak: bool = False
    released: list[Any] = field(default_factory=list)  # named persons of a group release/pardon
    notes: list[str] = field(default_factory=list)


@dataclass
class DocState:
    """What carries over between sentences of one document."""

    last_imposer: Any = None


def _entities(m: Mention) -> list[Any]:
    if m.extra.get("pair"):
        return list(m.extra["pair"])
    return [m.entity] if m.entity is not None else []


class _Sentence:
    def __init__(self, text: str, base: int, mentions: list[Mention]) -> None:
        self.text = text
        self.ms = [m for m in mentions if m.entity is not None or m.extra.get("pair")]
        self.loc = [(m.start - base, m.end - base) for m in self.ms]
        self.hidden = [(p.start(), p.end()) for p in _PARENS.finditer(text)]

    def _hidden(self, i: int, pos: int) -> bool:
        s, e = self.loc[i]
        return any(a <= s and e <= b and not (a <= pos <= b) for a, b in self.hidden)

    def coordinated_left(self, i: int) -> list[int]:
        """``i`` and the mentions coordinated before it ("A, B and C"); commas count only after an "and"."""
        group, seen_and = [i], False
        while group[0] > 0:
            j = group[0] - 1
            gap = self.text[self.loc[j][1]:self.loc[group[0]][0]]
            if not _COORD.match(gap) or (not seen_and and not _AND.search(gap)):
                break
            seen_and = True
            group.insert(0, j)
        return group

    def coordinated_right(self, i: int) -> list[int]:
        """``i`` and the mentions coordinated after it; a comma-only list must end in "and"/"or"."""
        group, last_and = [i], 0
        while group[-1] + 1 < len(self.ms):
            j = group[-1] + 1
            gap = self.text[self.loc[group[-1]][1]:self.loc[j][0]]
            if not _COORD.match(gap):
                break
            group.append(j)
            if _AND.search(gap):
                last_and = len(group)
                break
        return group[:max(1, last_and)]

    def left(self, pos: int, *, allow_prep: bool = False, max_chars: int = 160) -> list[int]:
        """Index of the nearest suitable mention before ``pos``, with its coordinated group."""
        for i in range(len(self.ms) - 1, -1, -1):
            s, e = self.loc[i]
            if e > pos or pos - e > max_chars or self._hidden(i, pos):
                continue
            if not allow_prep and _PREP_OBJ.search(self.text[max(0, s - 12):s]):
                continue
            if self.text[e:e + 2] in ("’s", "'s") and re.match(r"\s*[-\w]+\s+(?:with|between)", self.text[e + 2:pos]) is None:
                if pos - e > 3:
                    continue
            return self.coordinated_left(i)
        return []

    def right(self, pos: int, *, max_chars: int = 100) -> list[int]:
        """Index of the first mention after ``pos`` in the clause, with its coordinated group."""
        for i, (s, _e) in enumerate(self.loc):
            if s < pos:
                continue
            if s - pos > max_chars or _STOP_RIGHT.search(self.text[pos:s]):
                return []
            return self.coordinated_right(i)
        return []

    def ents(self, idx: list[int]) -> list[Any]:
        out: list[Any] = []
        for i in idx:
            for e in _entities(self.ms[i]):
                if e not in out:
                    out.append(e)
        return out

    def by_agent(self, pos: int) -> list[Any]:
        m = re.compile(r"\bby\s+(?:the\s+(?:government|regime|authorities)\s+of\s+)?", re.I).search(self.text, pos)
        if m and m.start() - pos < 80:
            idx = self.right(m.end(), max_chars=25)
            return self.ents(idx[:1])
        return []


def find_relations(text: str, base: int, mentions: list[Mention], state: DocState) -> list[Found]:
    """Relations stated in one sentence (``text`` starts at document offset ``base``)."""
    sent = _Sentence(text, base, mentions)
    if not sent.ms:
        return []
    found: list[Found] = []
    taken: list[tuple[int, int, str]] = []
    for trig in TRIGGERS:
        for m in trig.regex.finditer(text):
            ts, te = m.start("t"), m.end()
            if any(r == trig.relation and a < te and ts < b for a, b, r in taken):
                continue
            taken.append((ts, te, trig.relation))
            found.extend(_HANDLERS[trig.relation](sent, trig, ts, te, state))
    return found


def _span(sent: _Sentence, ts: int, te: int, idx: list[int]) -> tuple[int, int]:
    locs = [sent.loc[i] for i in idx] + [(ts, te)]
    return min(s for s, _ in locs), max(e for _, e in locs)


def _symmetric(sent: _Sentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    word = text[ts:te].lower()
    after = text[te:te + 12].lower()
    weak = False
    right = sent.right(te)
    left = sent.left(ts)
    if trig.mode == "noun" or word in ("meeting", "meetings", "conversation", "call"):
        hyphen = left and re.fullmatch(r"\s*", text[sent.loc[left[-1]][1]:ts]) is not None
        compound = []
        if hyphen and left and len(left) == 1 and left[-1] > 0:
            j = left[-1]
            if re.fullmatch(r"[-–]", text[sent.loc[j - 1][1]:sent.loc[j][0]]):
                compound = [j - 1, j]
        if compound:
            left, right, weak = compound, [], True
        elif not re.match(r"\W*\s*(?:with|between|to)\b", after) and not (left and sent.ms[left[0]].kind == "pair"):
            return []
    if word in ("visited", "visits", "visiting", "hosted", "hosts", "host", "hosting") and (
            not right or sent.loc[right[0]][0] - te > 30):
        return []
    if right and not re.match(r"^\W*(?:(?:by|on|over|the|a|an|his|her|their|phone|telephone|video|link|today|"
                              r"yesterday|again|briefly|separately|also|later|directly|personally|face to face|"
                              r"in person|with|to|between|and|[“”\"'’]+)\W*)*$",
                              text[te:sent.loc[right[0]][0]], re.I):
        right = []
    if re.match(r"\W*\s*between\b", after) and right:
        right = sent.coordinated_right(right[0])
        left, right = right[:1], right[1:]
    subjects, objects = sent.ents(left), sent.ents(right)
    if not subjects and objects:
        others = [e for i in range(len(sent.ms)) for e in _entities(sent.ms[i])
                  if e not in objects and e.type == "Person" and sent.loc[i][0] >= sent.loc[right[-1]][1]]
        subjects = others[:1]
    if not objects:
        # "X and Y talked about ..." is a topic, not a call; pairs need a phone cue or a meeting verb
        if len(subjects) < 2 or (trig.relation == "talksWith" and not re.search(r"phone|call", text[ts:te], re.I)):
            return []
        subjects, objects = subjects[:1], subjects[1:]
    status = status_before(text, ts, te)
    event_type = trig.event_type
    out = []
    for s in subjects:
        for o in objects:
            if s is o or (s.type == "Person") != (o.type == "Person"):
                continue
            if event_type == "Visit" and o.type != "Person":
                continue
            host = s if word.startswith("host") else (o if event_type == "Visit" else None)
            a, b = _span(sent, ts, te, left + right)
            out.append(Found(trig.relation, s, o, status=status, event_type=event_type, host=host, start=a, end=b,
                             confidence=trig.confidence * (0.85 if weak else 1.0), weak=weak))
    return out


def _release(sent: _Sentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    if is_demand(text, ts) or re.match(r"\s+(?:assets|funds|a |the statement|statement|a report|data)", text[te:te + 14]):
        return []
    passive = bool(_PASSIVE.search(text[max(0, ts - 25):ts]))
    group = find_group(text, te)
    right = sent.right(te, max_chars=30)
    if passive:
        subjects = sent.by_agent(te)
        objects = sent.ents(sent.left(ts))
        group = None
    elif re.match(r"\s+of\b", text[te:te + 4]):  # "the release of X": who released is not the nearest actor
        thank = re.search(r"\bthank\w*\s+$", text[:ts][:sent.loc[sent.left(ts)[-1]][0]] if sent.left(ts) else "")
        left = sent.left(ts, allow_prep=True)
        subjects = sent.ents(left[-1:]) if thank and left else sent.by_agent(te)
        objects = [] if group else [e for e in sent.ents(right) if e.type == "Person"]
    else:
        left = sent.left(ts, allow_prep=False)
        subjects = sent.ents(left[-1:])
        if not subjects:
            subjects = sent.by_agent(te)
        objects = [] if group else [e for e in sent.ents(right) if e.type == "Person"]
        if group and right and sent.loc[right[0]][0] < group[2]:
            group = None
            objects = [e for e in sent.ents(right) if e.type == "Person"]
    if group and not passive:  # "pardoned 12 prisoners, including Dana Omarova and Erlan Sadykov"
        inc = _INCLUDING.match(text[group[3]:])
        if inc:
            named = sent.right(group[3] + inc.end(), max_chars=5)
            objects = [e for e in sent.ents(named) if e.type == "Person"]
    if not subjects or (not objects and not group):
        return []
    status = status_before(text, ts, te)
    out = []
    for s in subjects[:1]:
        a, b = ts, (group[3] if group else te)
        idx = [i for i in range(len(sent.ms)) if set(_entities(sent.ms[i])) & ({s} | set(objects))]
        a, b = min([a] + [sent.loc[i][0] for i in idx]), max([b] + [sent.loc[i][1] for i in idx])
        if group:
            out.append(Found(trig.relation, s, None, group=(group[0], group[1]), status=status, start=a, end=b,
                             confidence=trig.confidence, released=[o for o in objects if o is not s]))
        for o in objects:
            if o is not s:
                out.append(Found(trig.relation, s, o, status=status, start=a, end=b, confidence=trig.confidence))
    return out


def _sanctions(sent: _Sentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    if is_demand(text, ts):
        return []
    word = text[ts:te].lower()
    passive = bool(_PASSIVE.search(text[max(0, ts - 25):ts]))
    prep = (re.match(r"^\s*(?:the\s+)?(?:assets\s+of|on|against)\s+", text[te:]) if trig.mode == "freeze"
            else _TARGET_PREP.match(text[te:]))
    if prep:
        targets = sent.ents(sent.right(te + prep.end(), max_chars=15))
    elif word in ("sanctioned", "sanctioning", "blacklisted", "blacklists") and not passive:
        targets = sent.ents(sent.right(te, max_chars=15))
    elif passive:
        targets = sent.ents(sent.left(ts))
    else:
        targets = []
    if not targets:
        return []
    imposers = sent.by_agent(te) if passive else []
    conf = trig.confidence
    if not imposers:
        before = [i for i in range(len(sent.ms)) if sent.loc[i][1] <= ts and not sent._hidden(i, ts)]
        states = [e for e in sent.ents(before) if e.type != "Person" and e not in targets]
        if states:
            imposers = states
        else:
            near = sent.left(ts)
            imposers = [e for e in sent.ents(near[-1:]) if e not in targets]
    if not imposers and state.last_imposer is not None:
        imposers, conf = [state.last_imposer], conf * 0.8
    if not imposers:
        return []
    state.last_imposer = imposers[0]
    status = status_before(text, ts, te)
    idx = [i for i in range(len(sent.ms)) if set(_entities(sent.ms[i])) & set(imposers + targets)]
    a, b = _span(sent, ts, te, idx)
    return [Found("sanctions", s, t, status=status, start=a, end=b, confidence=conf)
            for s in imposers for t in targets if s is not t]


def _advises(sent: _Sentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    adviser = advisee = None
    ai = bi = None
    prep = _ADVISEE_PREP.match(text[te:])
    if prep:
        r = sent.right(te + prep.end(), max_chars=60)
        if r:
            bi, advisee = r[0], sent.ents(r[:1])[0]
            for i in range(len(sent.ms) - 1, -1, -1):
                if sent.loc[i][1] <= ts and _APPOS_LEFT.match(text[sent.loc[i][1]:ts]):
                    ai = i
                    break
            if ai is None:  # "adviser to Y, X" is rare; "X is an adviser to Y"
                left = sent.left(ts)
                ai = left[-1] if left and re.search(r"\b(?:is|was|as|became)\s+(?:an?|the)?\s*\w*\s*$",
                                                    text[sent.loc[left[-1]][1]:ts]) else None
    else:
        for i in range(len(sent.ms) - 1, -1, -1):
            if sent.loc[i][1] <= ts and _POSS.match(text[sent.loc[i][1]:ts]):
                bi, advisee = i, sent.ents([i])[0] if sent.ents([i]) else None
                break
        if bi is not None:
            r = sent.right(te, max_chars=4)
            if r:
                ai = r[0]
            elif bi > 0 and _APPOS_LEFT.match(text[sent.loc[bi - 1][1]:sent.loc[bi][0]]):
                ai = bi - 1
    if ai is None or advisee is None:
        return []
    ents = sent.ents([ai])
    adviser = ents[0] if ents else None
    if adviser is None or adviser is advisee or adviser.type != "Person":
        return []
    a, b = _span(sent, ts, te, [ai, bi] if bi is not None else [ai])
    out = [Found("advises", adviser, advisee, start=a, end=b, confidence=trig.confidence)]
    pred = re.search(r"\bpredecessor\s*,?\s*", text)
    if pred:
        r = sent.right(pred.end(), max_chars=20)
        for e in sent.ents(r[:1]):
            if e.type == "Person" and e not in (adviser, advisee):
                pa, pb = _span(sent, pred.start(), pred.end(), r[:1])
                out.append(Found("advises", e, advisee, start=min(a, pa), end=max(b, pb),
                                 confidence=trig.confidence * 0.8, notes=["predecessor"]))
    return out


_HANDLERS = {"meets": _symmetric, "talksWith": _symmetric, "pardons": _release, "releases": _release,
             "sanctions": _sanctions, "advises": _advises}
