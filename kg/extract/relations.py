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
>>> sorted((s.label, o.label) for a in RuleExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs())
[('Russia', 'Jane Roe'), ('Russia', 'John Doe')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.mentions import Mention
from kg.extract.pairing import (
    _ADVISEE_PREP, _APPOS_LEFT, _INCLUDING, _PASSIVE, _POSS, _TARGET_PREP, PairingSentence, entities,
)
from kg.extract.patterns import TRIGGERS, Trigger, find_group, is_demand, status_before

#: cues that "talks" were held at a distance (else "held talks with" is an in-person meeting)
_REMOTE = re.compile(r"phone|call|video|virtual|remote|online|teleconferenc|by link", re.IGNORECASE)
#: what may stand between a caller and "called": adverbs, auxiliaries, a day ("X on Tuesday called Y")
_CALL_GAP = re.compile(r"[\s,]*(?:(?:has|have|had|also|then|later|first|personally|again|on|last|this|\w+day|morning|"
                       r"evening|night|week|\w+ly)[\s,]+)*", re.IGNORECASE)
#: a verb coordinated with an earlier one: "... and (later) spoke with"
_AND_VERB = re.compile(r"(?:^|[^,\w]|,)\s*\band\s+(?:(?:then|later|also|subsequently|afterwards|separately|again|"
                       r"has|have|had|will|would|was|were|is|are|[a-z]+ly)\s+){0,2}$")


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
    trigger: tuple[int, int] = (0, 0)  # sentence-local span of the trigger words
    released: list[Any] = field(default_factory=list)  # named persons of a group release/pardon
    notes: list[str] = field(default_factory=list)


@dataclass
class DocState:
    """What carries over between sentences of one document."""

    last_imposer: Any = None
    list_imposer: Any = None  # "Those sanctioned are:" -- each following bullet line names a target
    last_releaser: Any = None  # the state or group that released prisoners ("X was also freed" names no agent)
    since_sanction: int = 99  # sentences since the last one about a sanction ("They include X and Y" follows one)


_LIST_CUE = re.compile(r"sanction|designat|list|target|asset|entit(?:y|ies)|individuals|persons|schedule|following",
                       re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*·▪–—]|\d{1,3}[.)])\s+")


def find_relations(text: str, base: int, mentions: list[Mention], state: DocState) -> list[Found]:
    """Relations stated in one sentence (``text`` starts at document offset ``base``)."""
    sent = PairingSentence(text, base, mentions)
    state.since_sanction += 1
    if state.list_imposer is not None:
        if not _BULLET.match(text):
            state.list_imposer = None
        elif sent.ms and not any(t.search(text) for t in _LIST_STOP):
            return _bullet_target(sent, state.list_imposer)
    if not sent.ms:
        if text.rstrip().endswith(":") and state.last_imposer is not None and _LIST_CUE.search(text):
            state.list_imposer = state.last_imposer  # "The UK sanctioned five officials. Those sanctioned are:"
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


def _bullet_target(sent: PairingSentence, imposer: Any) -> list[Found]:
    """A bullet line of a sanctions list: its first actor (a person or organisation) is a target."""
    for i, m in enumerate(sent.ms):
        for e in entities(m):
            if e is not imposer and e.type in ("Person", "Organization"):
                bullet = _BULLET.match(sent.text)
                return [Found("sanctions", imposer, e, start=bullet.end() if bullet else sent.loc[i][0],
                              end=sent.loc[i][1], confidence=0.75)]
        break  # only the line's first actor: later ones describe it ("head of the ... of Georgia")
    return []


def pair_of(f: Found) -> tuple[Any, ...]:
    """The relation and the two sides of a finding (a group by its label); symmetric relations unordered."""
    b = id(f.obj) if f.obj is not None else (f.group or ("", 0))[0]
    if f.relation in ("meets", "talksWith"):
        return (f.relation, frozenset((id(f.subject), b)))
    return (f.relation, id(f.subject), b)


_SUBCLAUSE = re.compile(r"[,;:—–(]|\b(?:after|before|when|while|as|since|because|where|once|until|but)\b", re.IGNORECASE)


def _coord_subject(sent: PairingSentence, ts: int, person: bool) -> int | None:
    """The subject of a verb coordinated by "and": the first actor of the sub-clause holding the first verb
    ("..., hours after envoy X visited Minsk and met Y": X; "Belarus freed A and released B": Belarus)."""
    m = _AND_VERB.search(sent.text[max(0, ts - 40):ts])
    and_pos = max(0, ts - 40) + m.start() if m else ts
    bounds = [b.end() for b in _SUBCLAUSE.finditer(sent.text, 0, and_pos)]
    start = bounds[-1] if bounds else 0
    for i, (a, e) in enumerate(sent.loc):
        if a < start or e > and_pos:
            continue
        ents = entities(sent.ms[i])
        if not ents or (person and ents[0].type != "Person"):
            continue
        if _PREP_OBJ_BEFORE.search(sent.text[max(0, a - 12):a]):
            continue
        return i
    return sent.clause_subject(ts, person=person)


_PREP_OBJ_BEFORE = re.compile(r"\b(?:of|in|from|at|on|for|against|to|with|about|into|over|than|like|under)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def _span(sent: PairingSentence, ts: int, te: int, idx: list[int]) -> tuple[int, int]:
    locs = [sent.loc[i] for i in idx] + [(ts, te)]
    return min(s for s, _ in locs), max(e for _, e in locs)


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


def _whom_antecedent(sent: PairingSentence, pos: int) -> list[int]:
    """The mention a "whom" clause starting right before ``pos`` refers to ("X, whom Y pardoned")."""
    m = re.search(r",\s*whom\s+$", sent.text[:pos])
    if m is None:
        return []
    for i in range(len(sent.ms) - 1, -1, -1):
        if sent.loc[i][1] <= m.start():
            return [i] if not sent.text[sent.loc[i][1]:m.start()].strip() else []
    return []


#: only adverbs, auxiliaries or a day between a subject and its verb
_RIGHT_BEFORE = re.compile(r"\s*(?:(?:has|have|had|also|jointly|together|each|both|on\s+\w+day|\w+ly)\s+)*")


def _release_list(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    """"Among those freed were X and Y": the persons named, released (or pardoned) by the releaser named before."""
    named = [i for i in sent.right(te, max_chars=40) if all(e.type == "Person" for e in entities(sent.ms[i]))]
    if state.last_releaser is None or not named:
        return []
    relation = "pardons" if re.search(r"pardon|clemency|amnesty", sent.text[ts:te], re.IGNORECASE) else "releases"
    end = sent.loc[named[-1]][1]
    return [Found(relation, state.last_releaser, e, start=ts, end=end, confidence=trig.confidence)
            for e in sent.ents(named) if e is not state.last_releaser]


def _release(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    if trig.mode == "list":
        return _release_list(sent, trig, ts, te, state)
    if is_demand(text, ts) or re.match(r"\s+(?:assets|funds|a |the statement|statement|a report|data)", text[te:te + 14]):
        return []
    passive = bool(_PASSIVE.search(text[max(0, ts - 25):ts])) and not text[ts:te].lower().endswith("ing")
    nominal = re.search(r"\b(?:the|a|an|their|his|her|its|this|these|whose)\s+(?:[a-z-]+\s+)?$", text[max(0, ts - 30):ts])
    if nominal and not re.match(r"\s+of\b", text[te:te + 4]):
        return []  # "welcomed the releases": a noun without "of" names neither releaser nor released
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
        if _AND_VERB.search(text[max(0, ts - 40):ts]):  # "X freed A and released 13 others": X released
            first = _coord_subject(sent, ts, person=False)
            left = [first] if first is not None else left
        # "Russia and Ukraine exchanged/swapped prisoners": every side releases; so does every member of a
        # list right before the verb ("Germany, Poland and Norway released eight Russians")
        joint = bool(left) and len(left) > 1 and _RIGHT_BEFORE.fullmatch(text[sent.loc[left[-1]][1]:ts]) is not None
        subjects = sent.ents(left if joint or re.match(r"(?:ex|sw)", text[ts:te], re.I) else left[-1:])
        if not subjects:
            subjects = sent.by_agent(te)
        objects = [] if group else [e for e in sent.ents(right) if e.type == "Person"]
        if group and right and sent.loc[right[0]][0] < group[2]:
            group = None
            objects = [e for e in sent.ents(right) if e.type == "Person"]
        if not objects and not group and left:  # "Rico Krieger, whom Lukashenko had pardoned": the antecedent
            objects = [e for e in sent.ents(_whom_antecedent(sent, sent.loc[left[0]][0])) if e.type == "Person"]
    if group and not passive:  # "pardoned 12 prisoners, including Dana Omarova and Erlan Sadykov"
        inc = _INCLUDING.match(text[group[3]:])
        if inc:
            named = sent.right(group[3] + inc.end(), max_chars=45)
            # "among them prominent Kremlin critics A and B": a modifier mention before the named persons
            while named and re.match(r"\s+[a-z]", text[sent.loc[named[0]][1]:]) and \
                    all(e.type != "Person" for e in sent.ents(named[:1])):
                named = sent.right(sent.loc[named[0]][1], max_chars=30)
            objects = [e for e in sent.ents(named) if e.type == "Person"]
    if passive and not subjects and objects and state.last_releaser is not None:
        subjects = [state.last_releaser]  # "Navarro was also released on Thursday": by the state named before
    if not subjects or (not objects and not group):
        return []
    if subjects[0].type != "Person" or trig.relation == "pardons":  # a state frees; a person pardons
        state.last_releaser = subjects[0]
    status = status_before(text, ts, te)
    out = []
    joint_release = len(subjects) > 1 and (re.match(r"(?:ex|sw)", text[ts:te], re.I) or
                                           all(e.type != "Person" for e in subjects))
    for s in subjects if joint_release else subjects[:1]:
        a, b = ts, (group[3] if group else te)
        idx = [i for i in range(len(sent.ms)) if set(entities(sent.ms[i])) & ({s} | set(objects))]
        a, b = min([a] + [sent.loc[i][0] for i in idx]), max([b] + [sent.loc[i][1] for i in idx])
        if group:
            out.append(Found(trig.relation, s, None, group=(group[0], group[1]), status=status, start=a, end=b,
                             confidence=trig.confidence, released=[o for o in objects if o is not s]))
        for o in objects:
            if o is not s:
                out.append(Found(trig.relation, s, o, status=status, start=a, end=b, confidence=trig.confidence))
    return out


def _under_sanctions(sent: PairingSentence, trig: Trigger, ts: int, te: int) -> list[Found]:
    """"X has been under US sanctions": the state or body named between "under" and "sanctions" targets X."""
    under = sent.text.rfind("under", 0, ts)
    imposers = [e for i, (s, e_) in enumerate(sent.loc) if under <= s and e_ <= ts for e in entities(sent.ms[i])
                if e.type != "Person"]
    targets = sent.ents(sent.left(under)[-1:])
    if not imposers or not targets or targets[0] in imposers or re.search(r"\b(?:not|no longer|never)\s+(?:been\s+)?$",
                                                                          sent.text[max(0, under - 20):under]):
        return []
    idx = [i for i in range(len(sent.ms)) if set(entities(sent.ms[i])) & set(imposers + targets)]
    a, b = _span(sent, ts, te, idx)
    return [Found("sanctions", imposers[0], targets[0], start=a, end=b, confidence=trig.confidence)]


def _sanctions(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    if trig.mode == "under":
        return _under_sanctions(sent, trig, ts, te)
    if trig.mode == "list" and re.match(r"(?i)the[ys]e?\b|those\b", text[ts:te]) and state.since_sanction > 1:
        return []  # "They include ..." names targets only right after a sentence about sanctions
    found = _sanctions_found(sent, trig, ts, te, state)
    if found or state.last_imposer is not None and trig.mode != "list":
        state.since_sanction = 0
    return found


def _sanctions_found(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    text = sent.text
    if is_demand(text, ts):
        return []
    word = text[ts:te].lower()
    passive = bool(_PASSIVE.search(text[max(0, ts - 25):ts])) and not text[ts:te].lower().endswith("ing")
    if trig.mode in ("list", "added") or (word.startswith("designat") and not passive):
        if re.search(r"\b(?:the|a|an|its|their|newly)\s+$", text[max(0, ts - 8):ts]):
            return []  # "the designated terrorist group": an adjective
    if word.startswith("designat") and state.last_imposer is None and not _SANCTION_CONTEXT.search(text):
        return []  # "was designated (as) the party's candidate": no sanctions context
    prep = (re.match(r"^\s*(?:the\s+)?(?:assets\s+of|on|against)\s+", text[te:]) if trig.mode == "freeze"
            else re.match(r"^\s*(?:(?:on|in)\s+[\w ]{3,20}?\s+)?of\s+", text[te:]) if trig.mode == "designation"
            else _TARGET_PREP.match(text[te:]) if trig.mode == "verb" else None)
    if trig.mode == "list":  # "Among those targeted were X and Y"
        targets = sent.ents(sent.right(te, max_chars=30))
    elif trig.mode == "added":  # "added X and Y to its sanctions list"
        stop = re.search(r"\bto\s+(?:its|their|the|a|an)\s", text[te:])
        idx = [i for i in sent.right(te, max_chars=60) if stop and sent.loc[i][1] <= te + stop.start()]
        targets = sent.ents(idx)
    elif prep:
        targets = sent.ents(_targets_after(sent, te + prep.end(), 15))
    elif word in _DIRECT_OBJECT and not passive:  # "sanctioned/designated/blacklisted (the firm) X"
        targets = sent.ents(_targets_after(sent, te, 30, gap_stop=_NOT_OBJECT_GAP))
    elif passive:
        targets = sent.ents(sent.left(ts))
    else:
        targets = []
    # "Hong Kong-based firms": a place modifying the real target is not a target
    mod = r"[-–][a-z]|[’']s\s" if trig.mode in ("list", "added") or word in _DIRECT_OBJECT else r"[-–][a-z]"
    targets = [e for e in targets if not any(m.entity is e and re.match(mod, text[b:b + 3])
                                             for m, (_a, b) in zip(sent.ms, sent.loc))]
    imposers = sent.by_agent(te) if passive else []
    conf = trig.confidence
    if not imposers and trig.mode != "list":
        if _AND_VERB.search(text[max(0, ts - 40):ts]):  # "X froze ... and blacklisted Y"
            first = _coord_subject(sent, ts, person=False)
            before = [first] if first is not None else []
        else:
            before = [i for i in range(len(sent.ms)) if sent.loc[i][1] <= ts and not sent._hidden(i, ts)]
        states = [e for e in sent.ents(before) if e.type != "Person" and e not in targets]
        if states:
            imposers = states
        else:
            near = sent.left(ts)
            imposers = [e for e in sent.ents(near[-1:]) if e not in targets]
    if not imposers:
        imposers = [e for e in sent.by_agent(te) if e not in targets]  # "Sanctions were imposed on X by the EU"
    if not targets:
        # "The EU imposed sanctions on four companies." names no target, but the imposer carries over
        # to the next sentences ("The measures freeze the assets of A and B")
        if imposers and imposers[0].type != "Person" and not passive and status_before(text, ts, te) in ("held", "planned"):
            state.last_imposer = imposers[0]
        if text.rstrip().endswith(":") and status_before(text, ts, te) == "held":  # "Those sanctioned are:"
            state.list_imposer = (imposers[0] if imposers and imposers[0].type != "Person" else None) \
                or state.last_imposer
        return []
    if not imposers and state.last_imposer is not None:
        imposers, conf = [state.last_imposer], conf * 0.8
    if not imposers:
        return []
    state.last_imposer = imposers[0]
    status = status_before(text, ts, te)
    idx = [i for i in range(len(sent.ms)) if set(entities(sent.ms[i])) & set(imposers + targets)]
    a, b = _span(sent, ts, te, idx)
    return [Found("sanctions", s, t, status=status, start=a, end=b, confidence=conf)
            for s in imposers for t in targets if s is not t]


#: "designating three subsidiaries: A, B and C": a counted description, a colon, then the names
_COLON_LIST = re.compile(r"[^.;:]{0,60}?:\s+")
#: a descriptive noun phrase before the named targets: "Belarusian officials", "two biggest oil companies,"
_DESCRIPTOR = re.compile(r"[\s,]*(?:(?:the|a|an|\d[\d,]*|[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)|"
                         r"(?!(?:said|says|who|which|that|and|or|was|were|is|are|to|for|in|on|at|by|with|from|as|"
                         r"after|over|because|since|under|of|it|he|she|they|we|its|his|her|their|than)\b)"
                         r"[a-z][a-z-]*)[\s,]+){1,5}")


def _targets_after(sent: PairingSentence, pos: int, max_chars: int,
                   gap_stop: re.Pattern[str] | None = None) -> list[int]:
    """The coordinated targets after ``pos``: right there, after a possessive ("Russia's two biggest oil
    companies, A and B"), after a descriptor ("on Belarusian officials A and B") or a count with
    "among them"/"including" ("eight officials, among them A and B")."""
    text = sent.text
    idx = sent.right(pos, max_chars=max_chars)
    possessive = bool(idx) and text[sent.loc[idx[0]][1]:sent.loc[idx[0]][1] + 2] in ("’s", "'s")
    if idx and not possessive:
        if gap_stop is None or not gap_stop.search(text[pos:sent.loc[idx[0]][0]]):
            return idx
        idx = []  # "designated X as": a word in between shows the name is not the object
    start = sent.loc[idx[0]][1] + 2 if possessive else pos
    inc = _INCLUDING.match(text[start:]) or _COLON_LIST.match(text[start:])
    if inc:
        return sent.right(start + inc.end(), max_chars=30)
    for i, (s, _e) in enumerate(sent.loc):
        if s < start:
            continue
        if s - start <= 60 and _DESCRIPTOR.fullmatch(text[start:s]):
            return sent.coordinated_right(i)
        break
    return []


#: words between "designated" and a name that show the name is not its object ("designating me is that I am Iran's")
_NOT_OBJECT_GAP = re.compile(r"\b(?:is|are|was|were|be|that|me|him|her|it|them|us|you|as|to|for|in|by|because|since|"
                             r"after|said|says|with|from)\b|[,;:]", re.IGNORECASE)
_SANCTION_CONTEXT = re.compile(r"sanction|terror|blacklist|\blist\b|asset|freez|froze|OFAC|Treasury|penalt|authorit",
                               re.IGNORECASE)
_DIRECT_OBJECT = frozenset({"sanctioned", "sanctioning", "blacklisted", "blacklists", "designated", "designates",
                            "designating"})


def _advises(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
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
            if ai is None and bi + 1 < len(sent.ms) and re.fullmatch(r"\s*,\s*", text[sent.loc[bi][1]:sent.loc[bi + 1][0]]):
                ai = bi + 1  # "An aide to Y, X, said"
            if ai is None:  # "X is an adviser to Y"
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
            inside = [i for i, (a, b) in enumerate(sent.loc) if a < te < b]  # "adviser Francesco Talo"
            if inside:
                ai = inside[0]
            elif r:
                ai = r[0]
            elif bi > 0 and _APPOS_LEFT.match(text[sent.loc[bi - 1][1]:sent.loc[bi][0]]):
                ai = bi - 1
    poss = re.search(r"(?<!\bas )\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[:ts])
    if (ai is None or advisee is None) and poss and not prep:
        # "Duda ..., his chief of staff Malgorzata Paprocka said": the possessor is the clause subject
        first = sent.clause_subject(poss.start())
        inside = [i for i, (a, b) in enumerate(sent.loc) if a < te < b]
        r = inside or sent.right(te, max_chars=4)
        if first is not None and r and r[0] != first:
            ai, bi, advisee = r[0], first, (sent.ents([first]) or [None])[0]
    if (ai is None or advisee is None) and re.search(r"\bas\s+(?:his|her)\s+(?:[\w-]+\s+){0,3}$", text[:ts]):
        # "President Y appointed X as his foreign policy adviser": X advises the clause subject
        first = sent.clause_subject(ts)
        left = [i for i in sent.left(ts, allow_prep=True) if i != first]
        if first is not None and left:
            ai, bi, advisee = left[-1], first, (sent.ents([first]) or [None])[0]
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
