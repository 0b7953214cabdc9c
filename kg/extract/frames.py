"""Relation frames over a dependency parse: who did what to whom, and with what status.

The frames are data (``frames.yaml`` beside this module): a trigger (lemma and
part of speech) and the dependency roles its arguments take.  This module is
the interpreter.  It is deliberately small: arguments are read from the tree
(``nsubj``/``agent`` for the actor, ``dobj`` or the object of a named
preposition for the counterpart or patient, ``nsubjpass`` for a passive
patient), expanded over conjuncts and appositions, and the status is read from
the verbs that govern the trigger (modals, negation, "plan to", "open to",
"refused to", "if").  Three frame kinds cover the relations: symmetric
*encounters* (meets, talksWith), *acts* of an agent on a patient (pardons,
releases, sanctions); standing *roles* (advises) are left to the appositive
rules of :mod:`kg.extract.relations`.

spaCy's ``DependencyMatcher`` matches fixed trees; a frame's arguments are each
optional and repeatable (conjuncts), so matching is done here over the same
token attributes.

>>> from kg.extract.model import get_model
>>> h = match(get_model()("Foreign Minister Penny Wong held talks in Canberra with her counterpart Retno Marsudi."))[0]
>>> (h.relation, h.event_type, [t.text for t in h.agents], [t.text for t in h.others], h.status, h.place)
('meets', 'Meeting', ['Wong'], ['counterpart', 'Marsudi'], 'held', 'Canberra')
>>> [h] = match(get_model()("Chancellor Olaf Scholz said he was open to a meeting with Xi Jinping."))
>>> (h.relation, [t.text for t in h.agents], [t.text for t in h.others], h.status, h.hedged)
('meets', ['he'], ['Jinping'], 'planned', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

FRAMES_FILE = Path(__file__).with_name("frames.yaml")

#: verbs that make the event they govern a plan ("agreed to meet", "is scheduled to hold talks")
PLAN_LEMMAS = frozenset("""plan schedule expect agree arrange set due prepare intend aim invite propose seek schedule
slate organise organize expected scheduled planned upcoming plans""".split())
#: verbs of going that make what follows a plan in the present ("heads to Alaska to meet"), not in the past
GOING_LEMMAS = frozenset("travel go head fly leave depart".split())
#: words that make it a possibility, not a fact ("open to a meeting", "would like to meet")
HEDGE_LEMMAS = frozenset("""open willing ready consider hope want wish like offer possible may might could
would should can suggest urge call ask push press try eager keen seek""".split())
#: nouns that hold a possible act ("pressure to free", "a chance to meet"); as nouns, "call" and "talk" are events
HEDGE_NOUNS = frozenset("""possibility pressure demand appeal plea request need chance opportunity bid effort attempt
proposal idea offer hope call""".split())
REFUSE_LEMMAS = frozenset("refuse decline reject snub rebuff spurn deny".split())
CANCEL_LEMMAS = frozenset("cancel postpone scrap scuttle shelve delay suspend abandon".split())
MODALS = frozenset("could would might may can should must".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
#: a conditional or purpose clause marker ("if they meet", "whether to meet", "so that they can meet")
CONDITION_MARKS = frozenset({"if", "unless", "whether", "once", "should"})
#: adverbs of an event mentioned in passing ("last met in 2022", "had met before")
PASSING_ADVERBS = frozenset({"last", "previously", "before", "earlier", "once", "twice", "already", "never", "first",
                             "repeatedly", "often", "frequently"})
#: amod words that make an event noun planned or cancelled ("the planned summit", "a proposed meeting")
PLANNED_AMODS = frozenset({"planned", "proposed", "upcoming", "expected", "scheduled", "future", "next", "possible",
                           "potential", "prospective", "anticipated", "mooted", "forthcoming"})
#: verbs whose subject performs the act its object names ("ordered the release", "announced sanctions")
_AGENTIVE_VERBS = frozenset("""order announce approve sign grant issue authorize authorise declare decree complete carry
impose adopt implement enact extend expand unveil introduce slap level agree finalize finalise""".split())
#: documents through which an act is done ("signed the order for X's release")
_INSTRUMENT_NOUNS = frozenset({"order", "decree", "deal", "agreement", "warrant", "document", "papers", "executive"})
#: verbs that report speech; a clause under them is what someone said
_REPORTING_VERBS = frozenset({"say", "tell", "add", "report", "state", "note", "announce", "confirm", "write", "insist"})
#: verbs of knowing and telling whose negation leaves the event open ("has not confirmed the meeting")
_EPISTEMIC_VERBS = frozenset({"confirm", "announce", "disclose", "reveal", "comment", "know", "verify", "specify"})
#: verbs that name the members of a list ("those sanctioned include A")
_LISTING_VERBS = frozenset({"include", "be", "comprise", "feature", "contain"})
#: verbs whose subject is the measure and whose object its target ("the sanctions target X")
_TARGETING_VERBS = frozenset({"target", "hit", "name", "cover", "affect", "include", "list"})
#: how far up the tree a trigger's governing verbs are read (a bound for pathological parses)
MAX_CLIMB = 8


@dataclass(frozen=True)
class Frame:
    """One relation frame read from ``frames.yaml``."""

    relation: str
    kind: str  # encounter | act
    lemmas: frozenset[str]
    pos: frozenset[str]
    event_type: str | None = None
    with_dobj: frozenset[str] = frozenset()
    needs_particle: frozenset[str] = frozenset()
    counterpart: tuple[str, ...] = ()
    patient: tuple[str, ...] = ()
    host: str | None = None
    persons: bool = False
    remote: frozenset[str] = frozenset()
    #: words one of which the sentence or the two before it must contain ("targeted" is a sanction only there)
    context: tuple[str, ...] = ()
    confidence: float = 0.85


@dataclass
class FrameHit:
    """A frame matched at one trigger token, with its argument head tokens and status."""

    frame: Frame
    trigger: "Token"
    agents: list["Token"]
    others: list["Token"]  # the counterparts (encounters) or patients (acts)
    relation: str
    event_type: str | None
    status: str = "held"
    hedged: bool = False
    in_passing: bool = False
    noun: "Token | None" = None  # the event noun of a light verb ("held talks")
    place: str | None = None  # the place the parse attaches to the trigger ("in Berlin", "at the Kremlin")
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_frames(path: str | None = None) -> tuple[Frame, ...]:
    """The frames of ``frames.yaml`` (or ``path``); a malformed entry fails with its index and field.

    >>> sorted({f.relation for f in load_frames()})
    ['meets', 'pardons', 'releases', 'sanctions', 'talksWith']
    """
    import yaml

    src = Path(path) if path else FRAMES_FILE
    raw = yaml.safe_load(src.read_text(encoding="utf-8")) or []
    frames = []
    for k, entry in enumerate(raw):
        try:
            frames.append(Frame(
                relation=str(entry["relation"]), kind=str(entry["kind"]),
                lemmas=frozenset(str(x).lower() for x in entry["lemmas"]), pos=frozenset(entry["pos"]),
                event_type=entry.get("event_type"), with_dobj=frozenset(entry.get("with_dobj", ())),
                needs_particle=frozenset(entry.get("needs_particle", ())),
                counterpart=tuple(entry.get("counterpart", ())), patient=tuple(entry.get("patient", ())),
                host=entry.get("host"), persons=bool(entry.get("persons", False)),
                remote=frozenset(entry.get("remote", ())), context=tuple(str(w).lower() for w in entry.get("context", ())),
                confidence=float(entry.get("confidence", 0.85))))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{src}: frame {k} is malformed ({exc})") from None
        if frames[-1].kind not in ("encounter", "act"):
            raise ValueError(f"{src}: frame {k} has kind {frames[-1].kind!r}; expected encounter or act")
        _check_against_ontology(frames[-1], f"{src}: frame {k}")
    return tuple(frames)


def _check_against_ontology(frame: Frame, where: str) -> None:
    """A frame's relation must be a projection of ``dip.ttl`` and its event type a class of that relation's events.

    The ontology is the single source of truth for relation types: a frame only says how text states one.
    """
    from kg.rdf.ontology import projections, superclasses
    from kg.vocab import DIP

    found = projections().get(frame.relation)
    if found is None:
        raise ValueError(f"{where}: relation {frame.relation!r} is not declared in ontology/dip.ttl "
                         f"(declared: {', '.join(sorted(projections()))})")
    if (frame.kind == "encounter") != found.symmetric:
        raise ValueError(f"{where}: relation {frame.relation!r} is {'' if found.symmetric else 'not '}symmetric in "
                         f"ontology/dip.ttl, so its frame kind must be {'encounter' if found.symmetric else 'act'}")
    if frame.event_type is not None:
        cls = f"{DIP}{frame.event_type}"
        if found.event_class != cls and found.event_class not in superclasses(cls):
            raise ValueError(f"{where}: event type {frame.event_type!r} is not a kind of "
                             f"{found.event_class.rsplit('#', 1)[-1]} in ontology/dip.ttl")


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], tuple[Frame, ...]]:
    out: dict[tuple[str, str], list[Frame]] = {}
    for f in load_frames():
        for lemma in f.lemmas:
            for pos in f.pos:
                out.setdefault((lemma, pos), []).append(f)
    return {k: tuple(v) for k, v in out.items()}


#: past forms a lemma's stem does not cover ("met" for "meet")
_IRREGULAR = {"meet": ("met",), "speak": ("spoke",), "sit": ("sat",), "freeze": ("froze",), "ring": ("rang",),
              "bar": ("barred",), "ban": ("banned",)}


@lru_cache(maxsize=1)
def gate_pattern() -> "re.Pattern[str]":
    """The cheap pass that selects sentences to parse: a stem of every trigger word of the frames.

    A light verb ("hold", "impose") is selected through its object ("talks", "sanctions").

    >>> bool(gate_pattern().search("Trump met Putin")), bool(gate_pattern().search("It rained in Oslo"))
    (True, False)
    """
    words: set[str] = set()
    for f in load_frames():
        for w in (f.with_dobj or f.lemmas):
            words.add(w[:-1] if len(w) >= 5 else w)
            words.update(_IRREGULAR.get(w, ()))
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")", re.IGNORECASE)


def match(sent: Iterable["Token"]) -> list[FrameHit]:
    """Every frame that matches in a parsed sentence (or ``Doc``)."""
    index = _index()
    hits: list[FrameHit] = []
    for tok in sent:
        pos = "VERB" if tok.pos_ == "AUX" and tok.lemma_.lower() in ("have", "hold") else tok.pos_
        if pos == "PROPN" and tok.lemma_.lower() in ("summit", "talks", "meeting"):
            pos = "NOUN"
        if pos == "NOUN" and tok.dep_ == "compound" and (tok.head.lemma_.lower(), "NOUN") in index:
            continue  # "a phone call": the call is the event, "phone" its manner
        for frame in index.get((tok.lemma_.lower(), pos), ()):
            hit = _apply(frame, tok)
            if hit is not None:
                hits.append(hit)
    return hits


# -- arguments -----------------------------------------------------------------------------------
def expand(tok: "Token") -> list["Token"]:
    """``tok`` with its conjuncts and appositions ("A, B and C", "his counterpart, X")."""
    out = [tok]
    todo = [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in ("conj", "appos") and c not in out:
                out.append(c)
                todo.append(c)
    return out


def _prep_objects(tok: "Token", word: str) -> list["Token"]:
    found: list["Token"] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == word:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    found += expand(p)
    return found


def _slot(tok: "Token", spec: str, noun: "Token | None") -> list["Token"]:
    """The tokens at one argument slot of ``tok``: ``dobj``, ``nsubjpass``, ``dative``, ``prep:WORD``, ``dobj>prep:of``."""
    first, _, rest = spec.partition(">")
    heads = [tok] + ([noun] if noun is not None else [])
    out: list["Token"] = []
    for h in heads:
        if first.startswith("prep:"):
            out += _prep_objects(h, first[5:])
        else:
            for c in h.children:
                if c.dep_ == first and c is not noun:
                    out += expand(c)
    if rest:
        return [t for o in out for t in _slot(o, rest, None)]
    return out


def _is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ == "acl"


def subjects(tok: "Token", depth: int = 0) -> list["Token"]:
    """The actors of verb ``tok``: its subject (or passive agent), else the subject it inherits.

    "agreed to meet" inherits from "agreed", "met X and spoke with Y" from "met", "invited X to
    visit" takes the invited, "the leader who met" the noun, "after meeting X" the main clause's.
    """
    if depth > MAX_CLIMB:
        return []
    agent = [t for c in tok.children if c.dep_ == "agent" for t in _prep_objects(tok, c.lower_)]
    if _is_passive(tok):
        return agent
    subj = [t for c in tok.children if c.dep_ in ("nsubj", "csubj") for t in expand(c)]
    if subj and tok.dep_ == "relcl" and subj[0].lower_ in ("who", "that", "which", "whom"):
        return expand(tok.head)  # "Macron, who met Xi last year": the antecedent
    if subj:
        return subj
    head = tok.head
    if head is tok:
        return []
    if tok.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() in ("invite", "ask", "urge", "persuade", "allow", "tell", "expect", "want"):
            return expand(objs[0])
        return subjects(head, depth + 1)
    if tok.dep_ in ("conj", "advcl", "pcomp", "ccomp") or (tok.dep_ == "acl" and head.pos_ == "VERB"):
        if tok.dep_ == "ccomp" and head.lemma_.lower() in ("say", "tell", "add", "report", "announce"):
            return []
        return subjects(head, depth + 1)
    if tok.dep_ in ("pobj", "prep", "acomp", "attr", "oprd"):  # "he was ready to meet": the subject of "was"
        return subjects(head, depth + 1)
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "he had no plans to meet", "the chance to meet": the holder of the plan
        return _noun_agents(head) if head.dep_ in ("dobj", "attr", "pobj") else []
    if tok.dep_ in ("relcl", "acl"):
        return [head]
    return []


def _noun_agents(noun: "Token") -> list["Token"]:
    """Who holds an event noun: its possessor ("Trump's meeting"), else the subject of the verb governing it."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return expand(poss[0])
    t, steps = noun, 0
    while t.head is not t and steps < MAX_CLIMB:
        if t.dep_ not in ("dobj", "pobj", "prep", "attr", "acomp", "xcomp", "pcomp", "oprd", "compound", "npadvmod"):
            break
        t = t.head
        steps += 1
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ == "acomp"):
            if t.pos_ == "ADJ":
                t = t.head
            return subjects(t)
    return []


def _particle(tok: "Token", words: frozenset[str]) -> bool:
    return any(c.dep_ in ("prt", "advmod", "acomp", "oprd", "ccomp", "dobj") and c.lower_ in words for c in tok.children) or \
        (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in words)


def _remote(tok: "Token", noun: "Token | None", cues: frozenset[str]) -> bool:
    """"spoke by phone", "held a video call", "met virtually": the encounter was at a distance."""
    if not cues:
        return False
    for h in [tok] + ([noun] if noun is not None else []):
        for c in h.children:
            if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lemma_.lower() in cues:
                return True
            if c.dep_ == "prep" and c.lower_ in ("by", "via", "over", "on", "through"):
                if any(p.lemma_.lower() in cues or any(g.lemma_.lower() in cues for g in p.children)
                       for p in c.children if p.dep_ == "pobj"):
                    return True
    return False


def _apply(frame: Frame, tok: "Token") -> FrameHit | None:
    noun = None
    listing: "Token | None" = None  # the verb that lists the patients ("Among those freed were ...")
    if frame.with_dobj:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in frame.with_dobj]
        if not objs:
            return None
        noun = objs[0]
    if frame.needs_particle and not _particle(tok, frame.needs_particle):
        return None
    relation, event_type = frame.relation, frame.event_type
    if tok.pos_ == "NOUN":
        agents = _noun_agents(tok)
        if frame.kind == "encounter" and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            # "during their meeting in Moscow, Xi and Putin signed": the pair of the clause
            verb = tok
            while verb.dep_ in ("pobj", "prep", "dobj", "nsubj") and verb.head is not verb:
                verb = verb.head
            agents = subjects(verb) if verb is not tok else []
    else:
        agents = subjects(tok)
    if frame.kind == "encounter":
        others = [t for spec in frame.counterpart for t in _slot(tok, spec, noun)]
        if frame.counterpart == ("dobj",) or "dobj" in frame.counterpart:
            if _is_passive(tok):  # "X was received by Y": Y received X
                others = [t for c in tok.children if c.dep_ == "nsubjpass" for t in expand(c)]
        between = [t for spec in ("prep:between",) for t in _slot(tok, spec, noun)]
        if len(between) > 1:  # "a meeting between A and B": the pair, whoever discussed it
            agents, others = between[:1], between[1:]
        if not others and len(agents) > 1:  # "X and Y met": the pair
            agents, others = agents[:1], agents[1:]
        if frame.relation == "meets" and _remote(tok, noun, frame.remote):
            relation, event_type = "talksWith", "Call"
        if frame.relation == "meets" and any(t is not None and (t.lemma_.lower() in ("call", "conversation") or
                                                                 t.lower_ == "talk") for t in (noun, tok)):
            relation, event_type = "talksWith", "Call"  # "held a call", "a wonderful talk": a conversation
        if tok.lemma_.lower() == "summit" or (noun is not None and noun.lemma_.lower() == "summit"):
            event_type = "Summit" if relation == "meets" else event_type
        if tok.lemma_.lower() == "call" and tok.pos_ == "VERB":
            # "called on X to", "called for", "called X a liar", "so-called": not calls
            if any(c.dep_ in ("prt", "prep") and c.lower_ in ("on", "for", "off", "out", "up", "in") for c in tok.children) \
                    or any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children):
                return None
    else:
        others = [t for spec in frame.patient for t in _slot(tok, spec, noun)]
        if not others and tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN":
            # "Kremlin allies now sanctioned by Britain include A and B"; "the EU's list of those banned
            # includes A"; "X, who was designated"
            head = tok.head
            while head.dep_ in ("pobj", "prep") and head.head is not head:
                head = head.head
            gov = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in _LISTING_VERBS:
                others = [t for c in gov.children if c.dep_ in ("dobj", "attr") for t in expand(c)]
                if not agents:
                    agents = [t for c in head.children if c.dep_ == "poss" for t in expand(c)]
            elif head.lemma_.lower() in _LISTING_VERBS and head.pos_ in ("AUX", "VERB"):
                # "Among those sanctioned by the EU are A and B": the inverted subject
                others = [t for c in head.children if c.dep_ in ("nsubj", "attr") for t in expand(c)]
                listing = head
            if not others:
                others = [tok.head]
        elif not others and tok.dep_ == "relcl":
            if any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "which", "that") for c in tok.children):
                others = [tok.head]
        if tok.pos_ == "NOUN":
            # "ordered the release of X" names who released; "thanked him for the release of X" does not;
            # "signed the order for Bout's release": the signer
            # the possessor is the agent ("Cuba's release of Gross"), or the patient when no other is named ("Bout's release")
            of_patient = any(o.dep_ != "poss" for o in others)
            own = [t for c in tok.children if c.dep_ == "poss" and ("poss" not in frame.patient or of_patient)
                   for t in expand(c)] + \
                [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in _prep_objects(tok, "by")]
            held = tok
            while held.dep_ == "pobj" and held.head.head.lemma_.lower() in _INSTRUMENT_NOUNS:
                held = held.head.head
            doer = held.head if held.dep_ in ("dobj", "nsubjpass") else None
            agents = own or (subjects(doer) if doer is not None and doer.lemma_.lower() in _AGENTIVE_VERBS else [])
            if "poss" in frame.patient and [o for o in others if o.dep_ == "poss"] and any(
                    o.dep_ != "poss" for o in others):
                others = [o for o in others if o.dep_ != "poss"]  # "his release of X": X, not him
        if not others and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _TARGETING_VERBS:
            # "The sanctions announced by Washington on Friday target Maduro"
            others = [t for c in tok.head.children if c.dep_ in ("dobj", "attr") for t in expand(c)]
            agents = agents or [t for c in tok.children if c.dep_ == "acl" for t in subjects(c)]
    # the parser sometimes coordinates an adverb with the subjects ("Scholz and Xi last met")
    stray = [t for t in agents + others if t.lower_ in PASSING_ADVERBS]
    agents = [t for t in agents if t not in stray]
    others = [t for t in others if t not in stray]
    if frame.kind == "encounter" and not others and len(agents) > 1:
        agents, others = agents[:1], agents[1:]
    hit = FrameHit(frame, tok, _unique(agents), _unique(others), relation, event_type, noun=noun)
    if frame.kind == "encounter":
        hit.place = place_of(tok, noun)
    _status(hit)
    if listing is not None and any(c.dep_ == "neg" for c in listing.children):
        hit.status = "negated"  # "X was not among those freed"
        hit.notes.append("negated-listing")
    return hit


#: recogniser labels of places
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_of(tok: "Token", noun: "Token | None" = None) -> str | None:
    """The place a preposition attaches to the trigger, its noun or its counterpart ("met X in Berlin").

    >>> from kg.extract.model import get_model
    >>> place_of(get_model()("Trump will meet Putin at Joint Base Elmendorf-Richardson in Anchorage, Alaska.")[2])
    'Joint Base Elmendorf-Richardson in Anchorage, Alaska'
    >>> place_of(get_model()("Theresa May met Klaus Iohannis at No. 10 Downing Street on Wednesday.")[2])
    'No. 10 Downing Street'
    """
    heads = [tok] + ([noun] if noun is not None else []) + [c for c in tok.children if c.dep_ == "dobj"] + \
        [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
                continue
            for p in c.children:
                if p.dep_ != "pobj" or not _is_place(p, c.lower_):
                    continue
                cut = {d.i for c2 in p.children if c2.dep_ in ("relcl", "acl") and c2.i > p.i or
                       c2.dep_ == "prep" and c2.i > p.i and not (c2.lower_ in ("in", "near", "outside") and any(
                           g.ent_type_ in PLACE_LABELS for g in c2.subtree)) or
                       c2.dep_ == "appos" and c2.ent_type_ not in PLACE_LABELS for d in c2.subtree}
                toks = [t for t in p.subtree if t.i not in cut and not (t.i == p.left_edge.i and t.lower_ == "the")]
                toks = toks[:next((k for k, t in enumerate(toks) if t.i > p.i and t.i - 1 in cut), len(toks))]
                while toks and (toks[-1].is_punct and toks[-1].text != "."  or toks[-1].text == "." and
                                toks[-1].i == len(tok.doc) - 1):
                    toks.pop()
                return tok.doc[toks[0].i:toks[-1].i + 1].text if toks else None
    return None


def _is_place(p: "Token", prep: str) -> bool:
    """A preposition's object that names a place: a recognised place, or a proper name that is no date or person."""
    labels = {t.ent_type_ for t in p.subtree}
    if labels & PLACE_LABELS:
        return True
    if labels & {"DATE", "TIME", "PERSON", "PERCENT", "MONEY"} or p.like_num:
        return False
    if prep == "at" and labels & {"ORG", "EVENT"}:
        return True  # "at the White House", "at the United Nations"
    return p.pos_ == "PROPN" and p.text[:1].isupper() and not labels & {"ORG", "NORP", "EVENT"}


def _unique(toks: list["Token"]) -> list["Token"]:
    seen: set[int] = set()
    out = []
    for t in toks:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


# -- status --------------------------------------------------------------------------------------
def governing(tok: "Token") -> list["Token"]:
    """``tok`` and the words that govern it within its clause, up to a reporting verb ("said")."""
    chain = [tok]
    t = tok
    for _ in range(MAX_CLIMB):
        if t.head is t:
            break
        dep = t.dep_
        infinitive = dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if dep in ("ccomp", "advcl", "relcl", "parataxis", "conj", "acl") and t.pos_ in ("VERB", "AUX") and not infinitive:
            break  # the clause ends here: "said (he will) meet", "met X after (Y refused)"
        if dep in ("ROOT",):
            break
        t = t.head
        chain.append(t)
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ("say", "tell", "add", "report", "state", "note"):
            chain.pop()
            break
    return chain


def _status(hit: FrameHit) -> None:
    chain = governing(hit.trigger)
    if hit.noun is not None:
        chain = [hit.noun] + chain
    lemmas = [t.lemma_.lower() for t in chain]
    # "has not confirmed any plans for a meeting": the confirming is negated, not the meeting
    unconfirmed = [t for t in chain[1:] if t.lemma_.lower() in _EPISTEMIC_VERBS and any(c.dep_ == "neg" for c in t.children)]
    if unconfirmed:
        chain = [t for t in chain if t not in unconfirmed]
        hit.hedged = True
    kids = [c for t in chain for c in t.children]
    if unconfirmed and hit.status == "held":
        hit.status = "planned"
    if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "det" and c.lower_ == "no" for c in kids) or \
            any(c.dep_ == "prep" and c.lower_ == "without" for c in chain[1:]) or \
            any(t.lower_ in ("without", "instead") for t in chain[1:]):
        hit.status = "negated"
    if any(lem in REFUSE_LEMMAS for lem in lemmas[1:]):
        hit.status = "refused"
        return
    if any(lem in CANCEL_LEMMAS for lem in lemmas[1:]) or any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in ("cancel", "cancelled", "canceled", "postponed")
            for c in hit.trigger.children):
        hit.status = "cancelled"
        return
    if hit.status == "negated":
        return
    # "Trump said he would call Putin": "would" reports a future, it does not hedge it
    top = chain[-1]
    reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in _REPORTING_VERBS or \
        top.head.lemma_.lower() in _REPORTING_VERBS and top.head is not top and top.dep_ != "ROOT"
    reported_would = reported and any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in kids)
    future = reported_would or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids)
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS and not (reported_would and c.lower_ == "would") for c in kids)
    going = any(t.lemma_.lower() in GOING_LEMMAS and t.tag_ in ("VBZ", "VBP", "VBG") for t in chain[1:])
    plan = going or any(lem in PLAN_LEMMAS for lem in lemmas[1:]) or any(
        c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_AMODS for c in (hit.noun or hit.trigger).children) or \
        (hit.trigger.pos_ == "NOUN" and any(c.lower_ in PLANNED_AMODS for c in hit.trigger.children))
    be_to = any(t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(c.lower_ == "to" for c in t.children) for t in chain)
    going = going or any(t.lower_ == "going" and any(c.lower_ == "to" for c in t.head.children if c.i > t.i)
                         for t in chain)
    hedge = modal or any(t.lemma_.lower() in HEDGE_LEMMAS and t.pos_ in ("VERB", "ADJ", "AUX") or
                         t.lemma_.lower() in HEDGE_NOUNS and t.pos_ == "NOUN" and
                         any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in t.children)
                         for t in chain[1:]) or any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids)
    if future or plan or be_to or going or hedge or unconfirmed:
        hit.status = "planned"
        hit.hedged = bool(unconfirmed) or (hedge and not (future or plan or be_to))
        if modal and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") or
                         c.dep_ == "aux" and c.lower_ == "would" and not reported_would for c in kids):
            hit.hedged = True
        if any(c.dep_ == "aux" and c.lower_ in ("have",) for c in kids) and modal:
            hit.status, hit.hedged = "held", True  # "could have met": a past possibility, not a plan
        return
    # held: mentioned in passing ("last met in 2022", "have met twice") or the article's news
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    # "had met" looks back; "has met twice" counts earlier meetings; "has sanctioned" is the news itself
    perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for v in verbs for c in v.children)
    passing = any(c.dep_ in ("advmod", "npadvmod", "amod") and c.lower_ in PASSING_ADVERBS for t in chain[:2]
                  for c in t.children)
    hit.in_passing = perfect or passing or any(t.lower_ in PASSING_ADVERBS for t in hit.trigger.doc
                                                if t.head.i in (hit.trigger.i,) or t.dep_ == "conj" and t.pos_ == "ADV")


def describe(hit: FrameHit) -> dict[str, Any]:
    """A plain view of a hit, for debugging and tests.

    >>> from kg.extract.model import get_model
    >>> [describe(h) for h in match(get_model()("Scholz and Xi last met in Beijing in 2022."))]
    [{'relation': 'meets', 'trigger': 'met', 'agents': ['Scholz'], 'others': ['Xi'], 'status': 'held', 'in_passing': True}]
    """
    return {"relation": hit.relation, "trigger": hit.trigger.text, "agents": [t.text for t in hit.agents],
            "others": [t.text for t in hit.others], "status": hit.status, "in_passing": hit.in_passing}
