"""Where and when an event read by a frame took place, from the parse: its place and the dates that are not its own.

>>> from kg.extract.model import get_model
>>> doc = get_model()("Belarusian President Alexander Lukashenko agreed to meet Donald Trump in Minsk.")
>>> place_of(doc[6])
'Minsk'
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from kg.extract.act_instruments import INSTRUMENTS
from kg.extract.lexicon import is_title_word
from kg.extract.place_names import PLACE_KINDS, capitals
from kg.extract.syntax import MAX_CLIMB, PLACE_LABELS, awaited, expand

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


#: verbs of going somewhere: "flew to Oslo to meet X", "visiting Lisbon, X held talks": where the encounter was
MOTION_VERBS = frozenset({"travel", "fly", "go", "head", "arrive", "come", "return", "visit", "journey", "tour", "stop"})
#: verbs that say where an event noun was: "the meeting, which took place in Doha", "the talks, held in Vienna"
_TAKING_PLACE = frozenset({"hold", "happen", "occur", "host", "stage", "convene"})


def _takes_place(verb: "Token") -> bool:
    """A clause verb that says where an event was: "took place", "was held", "held" (a participle)."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in _TAKING_PLACE and (verb.dep_ == "acl" or lemma in ("happen", "occur") or
                                       any(c.dep_ == "auxpass" for c in verb.children))
#: nouns of a journey: "during his visit to Hanoi, X met Y"
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "stay", "stop", "stopover", "journey", "sojourn"})
#: verbs of receiving a guest whose "to" names where the guest came: "welcomed X to Madrid"
WELCOMING_VERBS = frozenset({"welcome"})


#: event nouns that set an encounter told by another verb ("discussed X with Y during a meeting in Dakar")
_SETTING_NOUNS = frozenset({"meeting", "talk", "talks", "summit", "visit", "dinner", "lunch", "luncheon", "breakfast",
                            "session", "conference", "reception", "encounter"})


def place_of(tok: "Token", noun: "Token | None" = None) -> str | None:
    """The place an encounter at ``tok`` took place, read from the parse.

    In order: "in"/"at" attached to the trigger, its event noun, its counterparts and what the trigger is
    for ("met X in Berlin", "held talks with A and B in Paris", "hosted X for talks at the Foreign Ministry");
    then the journey around it ("flew to Oslo to meet X", "visiting Lisbon, X met Y", "X, who is visiting
    Lisbon, met Y", "during his visit to Hanoi, X met Y").

    >>> from kg.extract.model import get_model
    >>> place_of(get_model()("Trump will meet Putin at Joint Base Elmendorf-Richardson in Anchorage, Alaska.")[2])
    'Joint Base Elmendorf-Richardson in Anchorage, Alaska'
    >>> place_of(get_model()("Theresa May met Klaus Iohannis at No. 10 Downing Street on Wednesday.")[2])
    'No. 10 Downing Street'
    >>> place_of(get_model()("During his visit to Hanoi, Chancellor Felix Brandt met Prime Minister Tran Van Minh.")[9])
    'Hanoi'
    >>> place_of(get_model()("Talks between Jane Roe and John Doe took place in Geneva on Monday.")[0])
    'Geneva'
    >>> place_of(get_model()("Speaking in Oslo after meeting John Doe, Jane Roe said they agreed.")[4])
    'Oslo'
    """
    # the object a place hangs on is a side ("met X in Berlin", "met his counterpart in Oslo"), not a topic ("discussed
    # the crisis in the Sahel with X")
    objects = [t for c in tok.children if c.dep_ == "dobj" and (c.pos_ != "NOUN" or noun is not None and c.i == noun.i or is_title_word(c.text))
               for t in expand(c)] + \
        [t for h in (tok, noun) if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
         for p in c.children if p.dep_ == "pobj" for t in expand(p)]
    purposes = [p for h in [tok] + objects for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    event = noun if noun is not None else tok
    # "talks between A and B took place in Geneva", "the meeting was held at the Kremlin": the event noun's verb
    carrier = [event.head] if event.pos_ in ("NOUN", "PROPN") and event.dep_ in ("nsubj", "nsubjpass") else []
    # "the meeting, which took place in Doha", "the talks, held in Vienna": a clause on the event noun says where
    # (the parser often hangs the clause on the last name before it: a person does not "take place")
    if event.pos_ in ("NOUN", "PROPN"):
        carrier += [c for c in event.subtree if c.dep_ in ("relcl", "acl") and _takes_place(c)]
    # "discussed X with Y during a meeting in Dakar": the meeting the encounter was part of says where, before an "in"
    # the parser may have hung on the verb from the topic ("the crisis in the Sahel")
    settings = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("during", "at") for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in _SETTING_NOUNS]
    for h in settings + [tok] + ([noun] if noun is not None else []) + objects + purposes + carrier:
        found = _place_under(h, ("in", "at"))
        if found is not None:
            return found
    found = _gathering_place(tok)
    if found is not None:
        return found
    if event.pos_ in ("NOUN", "PROPN") and event.dep_ == "pobj" and event.head.lower_ == "for":
        found = _destination(event.head.head)  # "arrived in Oslo for talks with X"
        if found is None and event.head.head.lemma_.lower() == "be":
            found = _place_under(event.head.head, ("in", "at"))  # "X is in Belgrade for talks with Y"
        if found is not None:
            return found
    found = restated_place(tok) or _side_is_in(tok)
    if found is not None:
        return found
    if _lemma(tok) in WELCOMING_VERBS:
        found = _place_under(tok, ("to",))
        if found is not None:
            return found
    if event.dep_ in ("pcomp", "pobj") and event.head.lower_ in ("after", "following") and \
            _lemma(event.head.head) not in MOTION_VERBS:
        # "Speaking in Vienna after meeting X", "told reporters in Oslo after his talks with X": the place the
        # one who met speaks from right after (not a journey's: "arrived in Oslo after meeting X")
        found = _place_under(event.head.head, ("in", "at"))
        if found is not None:
            return found
    return _journey_place(tok)


#: "on the sidelines of", "on the margins of": an encounter held beside a gathering, at the gathering's place
_BESIDE = frozenset({"sideline", "sidelines", "margin", "margins", "side", "fringe", "fringes"})


def _gathering_place(tok: "Token") -> str | None:
    """Where the gathering is that an encounter was held beside ("on the sidelines of the G20 summit in Rio").

    >>> from kg.extract.model import get_model
    >>> _gathering_place(get_model()("On the sidelines of a summit in Lima, Ann Lee met Tom Berg.")[11])
    'Lima'
    """
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("on", "at"):
            continue
        for side in c.children:
            if side.dep_ == "pobj" and side.lower_ in _BESIDE:
                for of in side.children:
                    if of.dep_ == "prep" and of.lower_ == "of":
                        for gathering in of.children:
                            if gathering.dep_ == "pobj":
                                found = _place_under(gathering, ("in", "at"))
                                if found is not None:
                                    return found
    return None


#: nouns that restate an encounter ("reports of a meeting between the two in Bangkok")
_RESTATING = frozenset({"meeting", "talk", "talks", "encounter"})
#: prepositions that set an event beside another in time: "a week after their meeting in Paris" is another one
#: words that report an event: a time word above them times the report, not the event
_REPORTS = frozenset({"report", "news", "word", "rumour", "rumor", "claim", "account", "confirmation", "speculation"})
_BEFORE_AFTER = frozenset({"after", "before", "since", "following", "ahead", "until", "prior", "than"})


def _side_is_in(tok: "Token") -> str | None:
    """Where a named side of the encounter is, set off by a comma: "Fiala, in Washington for talks, met X".

    >>> from kg.extract.model import get_model
    >>> _side_is_in(get_model()("Premier Jan Novak, in Oslo for talks on energy, met Prime Minister Eva Dahl.")[11])
    'Oslo'
    """
    for side in tok.children:
        if side.dep_ not in ("nsubj", "dobj") or side.pos_ != "PROPN":
            continue
        for c in side.children:
            if c.dep_ == "prep" and c.lower_ == "in" and c.i > side.i and side.doc[c.i - 1].text == ",":
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC"):
                        return _place_text(p)
    return None


def restated_place(tok: "Token") -> str | None:
    """The place of a meeting noun in the same sentence that restates the encounter at ``tok``.

    "X met Y last week, confirming reports of a meeting between the two in Bangkok": the noun names no other
    party than pronouns or "the two", and does not sit after a word that sets it apart in time ("a week after
    their meeting in Paris" is an earlier meeting).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Ann Lee met Tom Berg on Monday, confirming reports of a meeting between the two in Lima.")
    >>> restated_place(d[2])
    'Lima'
    >>> restated_place(get_model()("Ann Lee met Tom Berg a week after their meeting in Lima.")[2]) is None
    True
    """
    for noun in tok.sent:
        if noun.i == tok.i or noun.pos_ != "NOUN" or noun.lemma_.lower() not in _RESTATING:
            continue
        between = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
                   for p in c.children if p.dep_ == "pobj"]
        if any(t.ent_type_ == "PERSON" or t.ent_type_ in ("ORG", "GPE", "NORP") and t.pos_ == "PROPN"
               for p in between for t in [p] + [x for c in p.children if c.dep_ != "prep" for x in c.subtree]):
            continue  # "a meeting with the Pope in Rome": another encounter
        t, apart = noun, False
        for _ in range(MAX_CLIMB):  # up to the trigger, the sentence's root or what reports it ("after reports of")
            if t.i == tok.i or t.head.i == t.i or t.lemma_.lower() in _REPORTS:
                break
            t = t.head
            apart = apart or t.lower_ in _BEFORE_AFTER
        if apart:
            continue
        for h in [noun] + between:
            found = _place_under(h, ("in", "at"))
            if found is not None:
                return found
    return None


#: nouns of a part of an event or a stay: "at the start of a visit to China" is where the visit is
_PARTS = frozenset({"start", "beginning", "end", "close", "conclusion", "outset", "course", "middle", "height", "eve",
                    "opening", "day", "leg", "part", "stage"})


#: words of a clock time the parser may take for the object of "at": the place hangs under them, not beside
_CLOCK = frozenset({"time", "a.m.", "p.m.", "am", "pm", "gmt", "utc", "hours", "noon", "midnight"})


def _part_place(p: "Token") -> str | None:
    """The place of the journey or place a part noun is of ("the start of a visit to China": "China")."""
    for of in p.children:
        if of.dep_ == "prep" and of.lower_ == "of":
            for q in of.children:
                if q.dep_ == "pobj" and q.lemma_.lower() in JOURNEY_NOUNS:
                    return _place_under(q, ("to", "in"))
                if q.dep_ == "pobj" and q.ent_type_ in PLACE_LABELS:
                    return _place_text(q)
    return None


def _place_under(h: "Token", preps: tuple[str, ...]) -> str | None:
    """The place named by the object of one of ``preps`` attached to ``h``, without trailing clauses.

    >>> from kg.extract.model import get_model
    >>> _place_under(get_model()("Ann Lee met Tom Berg at the start of a visit to China.")[2], ("at",))
    'China'
    >>> _place_under(get_model()("Ann Lee will meet Tom Berg at 10:30 a.m. local time (08:30 GMT) in Lisbon.")[3],
    ...              ("at", "in"))
    'Lisbon'
    """
    # "On Monday in Nairobi, X met Y": the parser may hang the place on the day's preposition
    dated = [g for c in h.children if c.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME")
                                                              for p in c.children)
             for g in c.children if g.dep_ == "prep"]
    for c in list(h.children) + dated:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() in _PARTS and not p.ent_type_:
                found = _part_place(p)  # not the part itself: "at the start of ..." names no place
                if found is not None:
                    return found
                continue
            if p.dep_ == "pobj" and p.lower_ in _CLOCK:  # "at 10:30 a.m. local time (08:30 GMT) in Lisbon"
                found = _place_under(p, ("in", "at"))
                if found is not None:
                    return found
                continue
            if p.dep_ != "pobj" or not is_place(p, c.lower_):
                continue
            cut = {d.i for c2 in p.children if c2.dep_ in ("relcl", "acl") and c2.i > p.i or
                   c2.dep_ == "prep" and c2.i > p.i and not (c2.lower_ in ("in", "near", "outside") and any(
                       g.ent_type_ in PLACE_LABELS for g in c2.subtree) or c2.lower_ == "of" and (
                       p.pos_ == "PROPN" or p.lemma_.lower() in PLACE_KINDS)) or
                   c2.dep_ == "appos" and c2.ent_type_ not in PLACE_LABELS or
                   c2.dep_ == "conj" and c2.ent_type_ == "PERSON" for d in c2.subtree}  # "in Geneva, A and B said"
            toks = [t for t in p.subtree if t.i not in cut and not (t.i == p.left_edge.i and t.lower_ == "the")]
            toks = toks[:next((k for k, t in enumerate(toks) if t.i > p.i and t.i - 1 in cut), len(toks))]
            while toks and (toks[-1].is_punct and toks[-1].text != "." or toks[-1].text == "." and
                            toks[-1].i == len(h.doc) - 1):
                toks.pop()
            return h.doc[toks[0].i:toks[-1].i + 1].text if toks else None
    return None


def _lemma(tok: "Token") -> str:
    """The lemma, also of a capitalised participle the tagger took for a name ("Visiting Nairobi, ...")."""
    lemma = tok.lemma_.lower()
    return lemma[:-3] if lemma == tok.lower_ and lemma.endswith("ing") and tok.pos_ == "PROPN" else lemma


def _destination(verb: "Token") -> str | None:
    """Where a verb of going goes: "flew to Oslo", "arrived in Kyiv", "visiting Lisbon"."""
    if _lemma(verb) not in MOTION_VERBS:
        return None
    if _lemma(verb) in ("visit", "tour"):
        for c in verb.children:
            if c.dep_ == "dobj" and is_place(c, "in"):
                return _place_text(c)
    return _place_under(verb, ("to", "in"))


def _place_text(p: "Token") -> str:
    """A place name without its clauses ("Warsaw, where he met X": "Warsaw")."""
    cut = {d.i for c in p.children if c.dep_ in ("relcl", "acl", "prep", "punct") and c.i > p.i for d in c.subtree}
    toks = [t for t in p.subtree if t.i not in cut and not (t.i == p.left_edge.i and t.lower_ == "the")]
    toks = toks[:next((k for k, t in enumerate(toks) if t.i > p.i and t.i - 1 in cut), len(toks))] or [p]
    return p.doc[toks[0].i:toks[-1].i + 1].text


def _journey_place(tok: "Token") -> str | None:
    """The place of the journey an encounter is part of (see :func:`place_of`)."""
    clause, where = tok, False
    for _ in range(4):  # "..., where he is expected to hold talks": the clause that "where" opens
        where = where or any(c.lower_ == "where" for c in clause.children)
        if clause.dep_ == "relcl" and where and clause.head.ent_type_ in ("DATE", "TIME") and \
                clause.head.dep_ == "pobj":  # "paid a visit to Belgrade on Tuesday, where": not the day
            verb = clause.head.head.head
            before = [t for t in verb.subtree if t.i < clause.head.i and t.dep_ == "pobj" and t.ent_type_ in
                      ("GPE", "LOC", "FAC")]
            if before:
                return _place_text(before[-1])
        if clause.dep_ == "relcl" and where:
            if is_place(clause.head, "in"):  # "traveled to Warsaw, where he met X"
                inner = clause.head
                outer = inner.head.head if inner.dep_ == "pobj" and inner.head.lower_ in ("in", "at") else None
                if outer is not None and outer.i < inner.i and outer.dep_ == "pobj" and is_place(outer, "at"):
                    start = outer.left_edge.i + (outer.left_edge.lower_ == "the")
                    return inner.doc[start:inner.i + 1].text  # "to Joint Base X in Anchorage, where": the base
                return _place_text(inner)
            if clause.head.lemma_.lower() in JOURNEY_NOUNS:  # "will travel to Moscow for a state visit, where ..."
                trip = clause.head
                verb = trip.head.head if trip.dep_ == "pobj" else trip.head
                return _place_under(trip, ("to", "in")) or _destination(verb)
            break
        if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
            break
        clause = clause.head
    clause = tok
    for _ in range(3):  # "flew to Oslo to meet X": the purpose clause's head; "met" in "agreed to meet" climbs
        if clause.dep_ in ("xcomp", "advcl", "conj") and clause.head.i != clause.i:
            found = _destination(clause.head)
            if found is not None:
                return found
            clause = clause.head
        else:
            break
    for c in clause.children:
        # "Visiting Nairobi, X met Y"; "X met Y when he visited Kyiv"
        if c.dep_ == "advcl" and (c.i < clause.i or any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "while", "as")
                                                        for m in c.children)):
            found = _destination(c)
            if found is not None:
                return found
        # "during his visit to Hanoi", "as part of a state visit to China"
        if c.dep_ == "prep" and c.lower_ in ("during", "on", "in", "at", "as"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in JOURNEY_NOUNS:
                    found = _place_under(p, ("to", "in"))
                    if found is not None:
                        return found
                if p.dep_ == "pobj" and p.lemma_.lower() in _PARTS:
                    found = _part_place(p)
                    if found is not None:
                        return found
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "X, who is visiting Lisbon, met Y"; "met Y, who was visiting"
            for r in c.children:
                if r.dep_ in ("relcl", "acl") and r.lemma_.lower() != tok.lemma_.lower():
                    found = _destination(r)
                    if found is not None:
                        return found
    return None


def is_place(p: "Token", prep: str) -> bool:
    """A preposition's object that names a place: a recognised place, or a proper name that is no date or person."""
    labels = {t.ent_type_ for t in p.subtree}
    if labels & PLACE_LABELS or p.text in capitals():  # "in Dakar", which the small model may take for a person
        return True
    if p.pos_ == "NOUN" and p.lemma_.lower() in PLACE_KINDS and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "LOC") for c in p.children):
        return True  # "in the Indonesian capital", "in the Saudi city of Jeddah"
    if labels & {"DATE", "TIME", "PERSON", "PERCENT", "MONEY"} or p.like_num:
        return False
    if prep in ("at", "to") and labels & {"ORG", "EVENT"}:
        return True  # "at the White House", "at the United Nations", "welcomed X to the Kremlin"
    if prep == "in" and p.pos_ == "PROPN" and labels & {"ORG"} and not labels & {"NORP"}:
        return True  # "met X in Copenhagen" when the small model calls the city an organisation
    return p.pos_ == "PROPN" and p.text[:1].isupper() and not labels & {"ORG", "NORP", "EVENT"}


#: dependencies that open a clause or a description of their own: a date inside one dates something else
_DATE_BOUNDARIES = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "appos", "parataxis", "csubj", "xcomp"})


def _act_of_instrument(verb: "Token") -> bool:
    """True for the act an instrument does ("a decree granting pardon to ..."): the instrument's signing dates it."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in INSTRUMENTS


def _own_date(verb: "Token") -> bool:
    """True when a day hangs on ``verb`` itself ("met Y on Wednesday", "the next day"); "a week later" and "days
    after" count from another date, which still dates it."""
    heads = [c for c in verb.children if c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "advmod")]
    heads += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.ent_type_ in ("DATE", "TIME")]
    return any(_STATED_DAY.search(" ".join(t.text for t in h.subtree)) for h in heads)


#: words that state a day of their own (a weekday, a month, a figure) or count from the event before by a day
_STATED_DAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                         r"nov|dec)[a-z]*\b|\d|\b(?:yesterday|today|tomorrow|next day|following day|same day|day before|"
                         r"previous day)\b", re.IGNORECASE)


def other_dates(tok: "Token", noun: "Token | None" = None) -> list[tuple[int, int]]:
    """Sentence spans of the dates that belong to another clause than the event at ``tok``.

    A date dates the event when it hangs from the trigger, its event noun or a verb above them ("said on
    Tuesday he had met X") without crossing into a clause or description of its own: in "X, who was freed
    in 2019, met Y" the year dates the release, not the meeting.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Ann Lee, who was freed in 2019, met John Doe in Oslo on Monday.")
    >>> [d.text[a:b] for a, b in other_dates(d[9])]
    ['2019']
    >>> [d.text[a:b] for a, b in other_dates(d[5])]
    ['Monday']
    """
    doc = tok.doc
    # the trigger and the words above it, up to a relative clause or description it sits in ("X, who has met Y
    # twice, said on Monday": Monday dates the saying, not the meetings)
    above = {tok.i} | ({noun.i} if noun is not None else set())
    t = tok
    for _ in range(MAX_CLIMB):
        if t.dep_ in ("relcl", "acl", "appos") and not _act_of_instrument(t) or t.head.i == t.i:
            break
        if t.dep_ == "conj" and _own_date(t):
            break  # "was handed over on Monday and met Y the next day": the meeting has a day of its own
        t = t.head
        above.add(t.i)
    out = []
    # "spoke on Monday ahead of their meeting in January": January dates the meeting to come, not the call
    later = min((t.i for t in doc if awaited(t) and t.i != tok.i and (noun is None or t.i != noun.i)), default=None)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if later is not None and ent.start > later and not any(t.text in ",;" for t in doc[later:ent.start]) or \
                awaited(noun or tok) and ent.end <= (noun or tok).i:  # and "Monday" dates the call, not the meeting
            out.append((ent.start_char, ent.end_char))
            continue
        t, crossed = ent.root, False
        for _ in range(2 * MAX_CLIMB):
            if t.i in above:
                break
            if t.dep_ in _DATE_BOUNDARIES and (t.pos_ in ("VERB", "AUX") or t.dep_ in ("appos", "relcl", "acl")):
                crossed = True
            if t.head.i == t.i:
                break
            t = t.head
        if crossed or t.i not in above:
            out.append((ent.start_char, ent.end_char))
    return out
