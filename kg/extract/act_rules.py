"""Positional rules for acts of an agent on a patient: pardons, releases and sanctions.

The second reader beside the frames (:mod:`kg.extract.frames`): the agent is the nearest actor
before the trigger in its clause (or the agent of a passive), the patients the coordinated actors
after it; sanctions carry their imposer over to later sentences through :class:`DocState`.

>>> from kg.extract.rules import RuleExtractor
>>> from kg.model.core import Document
>>> doc = Document.from_text("Russia released John Doe on Monday.")
>>> sorted((s.label, o.label) for a in RuleExtractor(resolver=None).extract(doc) for s, o in a.claim.pairs())
[('Russia', 'John Doe')]
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.designations import PLACE_BEFORE as _PLACE_BEFORE, opens_list
from kg.extract.findings import _AND_VERB, DocState, Found, _coord_subject, _span
from kg.extract.lexicon import KEEPING_VERBS
from kg.extract.pairing import _INCLUDING, _PASSIVE, _TARGET_PREP, PairingSentence, entities
from kg.extract.patterns import Trigger, find_group, is_demand, status_before


def _whom_antecedent(sent: PairingSentence, pos: int) -> list[int]:
    """The mention a "whom" clause starting right before ``pos`` refers to ("X, whom Y pardoned")."""
    m = re.search(r",\s*whom\s+$", sent.text[:pos])
    if m is None:
        return []
    for i in range(len(sent.ms) - 1, -1, -1):
        if sent.loc[i][1] <= m.start():
            return [i] if not sent.text[sent.loc[i][1]:m.start()].strip() else []
    return []


#: a name that names a sanctions regime, not who imposes it ("under the Myanmar sanctions regime")
_REGIME_NAME = re.compile(r"(?:[’']s)?\s+(?:[A-Z][\w-]*\s+)*(?:autonomous\s+|financial\s+)?sanctions?\s+(?:regime|programme|"
                          r"program|framework|regulations)\b|\s+\((?:Sanctions|Asset-Freezing)\)")
_RIGHT_BEFORE = re.compile(r"\s*(?:(?:has|have|had|also|jointly|together|each|both|on\s+\w+day|\w+ly)\s+)*")


def _release_list(sent: PairingSentence, trig: Trigger, ts: int, te: int, state: DocState) -> list[Found]:
    """"Among those freed were X and Y": the persons named, released (or pardoned) by the releaser named before."""
    named = [i for i in sent.right(te, max_chars=40) if all(e.type == "Person" for e in entities(sent.ms[i]))]
    if state.last_releaser is None or not named:
        return []
    relation = "pardons" if re.search(r"pardon|clemency|amnesty", sent.text[ts:te], re.IGNORECASE) else "releases"
    end = sent.loc[named[-1]][1]
    return [Found(relation, state.last_releaser, e, start=ts, end=end, confidence=trig.confidence, notes=["list"])
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


#: "Hungary blocked the EU from sanctioning X": the one kept from acting would have imposed the measure
_KEPT_FROM = re.compile(r"^\s+from\s+(?:[a-z]+ing\s+)?$")
_KEEPING = re.compile(r"\b(?:" + "|".join(sorted(KEEPING_VERBS | {"kept"})) + r")\w*\s+(?:the\s+)?$", re.IGNORECASE)
#: the possessive that owns the measure right before its trigger ("the Council's freeze", "the EU's new asset freeze")
_OWNS_MEASURE = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,2}$")


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
    if word.startswith("designat") and state.last_imposer is None and not _SANCTION_CONTEXT.search(text) and \
            not opens_list(text):
        return []  # "was designated (as) the party's candidate": no sanctions context
    prep = (re.match(r"^\s*(?:the\s+)?(?:assets\s+of|on|against)\s+", text[te:]) if trig.mode == "freeze"
            else re.match(r"^\s*(?:(?:on|in)\s+[\w ]{3,20}?\s+)?of\s+", text[te:]) if trig.mode == "designation"
            else _TARGET_PREP.match(text[te:]) if trig.mode == "verb" else None)
    if trig.mode == "list":  # "Among those targeted were X and Y" ("a prosecutor of Tehran, X": no Iran)
        targets = sent.ents([i for i in sent.right(te, max_chars=30) if not re.search(r"\b(?:of|in|from)\s+$",
                                                                                      text[:sent.loc[i][0]])])
    elif trig.mode == "added":  # "added X and Y to its sanctions list"
        stop = re.search(r"\bto\s+(?:its|their|the|a|an)\s", text[te:])
        # every name before "to its list", however long the list, but an alias in brackets ("(also known as Y)")
        idx = [i for i, (a, b) in enumerate(sent.loc) if stop and te <= a and b <= te + stop.start()
               and text[te:a].count("(") == text[te:a].count(")")]
        targets = sent.ents(idx)
    elif prep:
        targets = sent.ents(_repeated_prep(sent, _targets_after(sent, te + prep.end(), 15)))
    elif word in _DIRECT_OBJECT and not passive:  # "sanctioned/designated/blacklisted (the firm) X"
        targets = sent.ents(_targets_after(sent, te, 30, gap_stop=_NOT_OBJECT_GAP))
    elif passive:
        targets = sent.ents(sent.left(ts))
    else:
        targets = []
    # "Hong Kong-based firms": a place modifying the real target is not a target
    mod = r"[-–][a-z]|[’']s\s" if trig.mode in ("list", "added") or word in _DIRECT_OBJECT else r"[-–][a-z]"
    targets = [e for e in targets if not any(m.entity is e and (re.match(mod, text[b:b + 3]) or e.type == "Country"
                                                                and _PLACE_OF_GROUP.match(text[b:b + 40]))
                                             for m, (_a, b) in zip(sent.ms, sent.loc))]
    imposers = _by_agent(sent, te) if passive else []
    conf = trig.confidence
    # "X breached the asset freeze on Y", "evaded US sanctions": the one who breaks the measures imposed none
    evaded = _EVADED.search(text, max(0, ts - 40), ts)
    evader = max((i for i, (_a, b) in enumerate(sent.loc) if evaded and b <= evaded.start()), default=None)
    if not imposers and trig.mode != "list":
        regimes = {i for i, (_a, b) in enumerate(sent.loc) if _REGIME_NAME.match(text, b) or i == evader}
        owner = next((i for i, (a, b) in enumerate(sent.loc) if _OWNS_MEASURE.match(text[b:ts]) or (
            _KEPT_FROM.match(text[b:ts]) and _KEEPING.search(text[max(0, a - 30):a]))), None)
        if owner is not None:  # "the court upheld the Council's freeze": the measure's owner imposed it
            before = [owner]
        elif _AND_VERB.search(text[max(0, ts - 40):ts]):  # "X froze ... and blacklisted Y"
            first = _coord_subject(sent, ts, person=False)
            before = [first] if first is not None else []
        else:
            before = [i for i in range(len(sent.ms)) if sent.loc[i][1] <= ts and not sent._hidden(i, ts)
                      and not _PLACE_BEFORE.search(text[:sent.loc[i][0]])  # "In Russia, A and B are designated"
                      and i not in regimes]
        owners = _owners(sent)  # "Britain's Foreign Office imposed": the office acts, not also its owner
        states = [e for e in sent.ents([i for i in before if i not in owners]) if e.type != "Person" and e not in targets]
        if states:
            imposers = states
        else:
            near = [i for i in sent.left(ts) if i not in regimes]
            imposers = [e for e in sent.ents(near[-1:]) if e not in targets]
    if not imposers:
        imposers = [e for e in _by_agent(sent, te) if e not in targets]  # "Sanctions were imposed on X by the EU"
    if not targets:
        # "The EU imposed sanctions on four companies." names no target, but the imposer carries over
        # to the next sentences ("The measures freeze the assets of A and B")
        if imposers and imposers[0].type != "Person" and not passive and status_before(text, ts, te) in ("held", "planned"):
            state.last_imposer = imposers[0]
        if (text.rstrip().endswith(":") or opens_list(text)) and status_before(text, ts, te) == "held":  # "Those sanctioned are:"
            state.list_imposer = (imposers[0] if imposers and imposers[0].type != "Person" else None) \
                or state.last_imposer
            state.list_marked = not text.rstrip().endswith(":")
        return []
    if not imposers and state.last_imposer is not None and not evaded:
        imposers, conf = [state.last_imposer], conf * 0.8
    if not imposers:
        return []
    state.last_imposer = imposers[0]
    status = status_before(text, ts, te)
    idx = [i for i in range(len(sent.ms)) if set(entities(sent.ms[i])) & set(imposers + targets)]
    a, b = _span(sent, ts, te, idx)
    return [Found("sanctions", s, t, status=status, start=a, end=b, confidence=conf)
            for s in imposers for t in targets if s is not t]


#: a verb of breaking measures in force, right before the measures' words ("had breached the asset freeze on")
_EVADED = re.compile(r"\b(?:breach|violat|evad|evasion|circumvent|flout|skirt|dodg|bust|defy|defie|undermin|"
                     r"get(?:ting)? around|got around)\w*\s+(?:of\s+)?(?:(?:the|an?|its|their|[A-Z][\w.]*|[a-z]+-?[a-z]*)\s+){0,3}$")


#: a country or place before the group it describes ("two Hong Kong firms", "three Iranian banks"): no target
_PLACE_OF_GROUP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}(?:companies|firms|banks|entities|individuals|persons|officials|"
                             r"vessels|ships|tankers|nationals|businessm[ae]n|oligarchs|generals|commanders|ministers|"
                             r"judges|exporters|traders|suppliers|networks|fronts?|subsidiaries|affiliates)\b")


def _owners(sent: PairingSentence) -> set[int]:
    """Mentions that own the next one ("the Treasury's Office of Foreign Assets Control"): not actors beside it."""
    return {i for i in range(len(sent.ms) - 1) if re.fullmatch(r"[’']s?\s+(?:the\s+)?", sent.text[sent.loc[i][1]:
                                                                                          sent.loc[i + 1][0]])}


def _by_agent(sent: PairingSentence, te: int) -> list[Any]:
    """The agent after "by", an office rather than the body owning it ("by the Treasury's Office of ...")."""
    agents = sent.by_agent(te)
    for i, (_a, b) in enumerate(sent.loc):
        if agents and sent.ms[i].entity is agents[0] and re.match(r"[’']s?\s", sent.text[b:b + 3]):
            nxt = sent.ents([i + 1]) if i + 1 < len(sent.ms) and sent.loc[i + 1][0] - b <= 4 else []
            return nxt or agents
    return agents


#: a second target phrase with its own preposition: "sanctions on A and on B", "against A as well as against B"
_AND_PREP = re.compile(r"\s*,?\s*(?:and|or|as well as|but also)\s+(?:also\s+)?(?:on|against|upon|targeting)\s+",
                       re.IGNORECASE)


def _repeated_prep(sent: PairingSentence, idx: list[int]) -> list[int]:
    """``idx`` and the targets of each preposition repeated after it ("on A and on B", "against A and against B").

    The preposition repeats the measure's own: what it governs is a target as the first group is.
    """
    out = list(idx)
    while out:
        m = _AND_PREP.match(sent.text, sent.loc[out[-1]][1])
        more = _targets_after(sent, m.end(), 15) if m else []
        more = [i for i in more if i > out[-1]]
        if not more:
            break
        out += more
    return out


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
_SANCTION_CONTEXT = re.compile(r"sanction|terror|blacklist|\blist\b|asset|freez|froze|OFAC|Treasury|penalt|authorit|"
                               r"pursuant to|Executive Order|\bE\.O\.|Council (?:Regulation|Decision)|Magnitsky",
                               re.IGNORECASE)
_DIRECT_OBJECT = frozenset({"sanctioned", "sanctioning", "blacklisted", "blacklists", "designated", "designates",
                            "designating"})

