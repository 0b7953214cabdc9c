"""Reading arguments off a dependency parse: subjects, objects, lists, places (used by :mod:`kg.extract.frames`).

Every function takes spaCy tokens of a parsed sentence and walks the tree with a bound
(:data:`MAX_CLIMB`), so a pathological parse costs a few steps, never a loop.

>>> from kg.extract.model import get_model
>>> doc = get_model()("Belarusian President Alexander Lukashenko agreed to meet Donald Trump in Minsk.")
>>> [t.text for t in subjects(doc[6])], place_of(doc[6])
(['Lukashenko'], 'Minsk')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: how far up the tree a trigger's governing verbs are read (a bound for pathological parses)
MAX_CLIMB = 8


#: verbs that report speech; a clause under them is what someone said ("said he would meet"). Not "confirm":
#: "has not confirmed plans for a meeting" is read by the status (kg.extract.clause_status), not cut off
REPORTING_VERBS = frozenset({"say", "tell", "add", "report", "state", "note", "announce", "write", "insist"})
#: recogniser labels of places
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def expand(tok: "Token") -> list["Token"]:
    """``tok`` with its conjuncts and appositions ("A, B and C", "his counterpart, X").

    A conjunct the parser hangs after a finished "A and B" is not one: in "after the meeting between A and B,
    President C said" C is the speaker, not a third party to the meeting.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Shortly after the meeting between Putin and Xi, Ukrainian President Volodymyr Zelensky said China must wait.")
    >>> [t.text for t in expand(d[5])]
    ['Putin', 'Xi']
    """
    out = [tok]
    todo = [tok]
    while todo:
        t = todo.pop()
        closed = False  # "A and B" is a finished list: a name after "A and B," is not a third conjunct
        for c in sorted(t.children, key=lambda x: x.i):
            if c.dep_ == "cc":
                closed = False
            if c.dep_ in ("conj", "appos") and c not in out and not (closed and c.dep_ == "conj"):
                out.append(c)
                todo.append(c)
            if c.dep_ == "conj" and any(x.dep_ == "cc" and t.i < x.i < c.i for x in t.children):
                closed = True
    return out


#: prepositions that name members of a group ("12 prisoners, including A and B")
MEMBER_PREPS = frozenset({"including", "among"})


def members_beside(verb: "Token", group: "Token") -> list["Token"]:
    """Named members of a plural patient that the parser hung on the verb instead of on the group.

    "freed two prisoners, A and B, in a swap" (A as the verb's modifier), "released 18 prisoners on
    Wednesday, including A" ("including" on the verb).

    >>> from kg.extract.model import get_model
    >>> doc = get_model()("Belarus released 18 political prisoners on Wednesday, including Ihar Karnei, a journalist.")
    >>> [t.text for t in members_beside(doc[1], doc[4])]
    ['Karnei']
    """
    if group.tag_ != "NNS" or group.head.i != verb.i:
        return []
    out: list["Token"] = []
    for c in verb.children:
        if c.i <= group.i:
            continue
        if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS:
            out += [t for p in c.children if p.dep_ == "pobj" for t in expand(p) if t.pos_ == "PROPN"]
        elif c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN" and c.left_edge.i == group.right_edge.i + 2 \
                and group.doc[group.right_edge.i + 1].text == ",":
            out += [t for t in expand(c) if t.pos_ == "PROPN"]
    return out


def prep_objects(tok: "Token", word: str) -> list["Token"]:
    found: list["Token"] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == word:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    found += expand(p)
    return found


def slot(tok: "Token", spec: str, noun: "Token | None") -> list["Token"]:
    """The tokens at one argument slot of ``tok``: ``dobj``, ``nsubjpass``, ``dative``, ``prep:WORD``, ``dobj>prep:of``."""
    first, _, rest = spec.partition(">")
    heads = [tok] + ([noun] if noun is not None else [])
    out: list["Token"] = []
    for h in heads:
        if first.startswith("prep:"):
            out += prep_objects(h, first[5:])
        else:
            for c in h.children:
                if c.dep_ == first and c is not noun:
                    out += expand(c)
    if rest:
        return [t for o in out for t in slot(o, rest, None)]
    return out


def stranded_objects(tok: "Token") -> list["Token"]:
    """The object the parser made the subject of a verbless complement right after the verb.

    "designated A, B and C pursuant to E.O. 13224" is parsed with A as the subject of "pursuant"; a
    complement without a verb of its own cannot have a subject, so its "subject" is the verb's object.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("OFAC today designated Ivan Orlov, Petra Stoll, and Kestrel Shipping pursuant to E.O. 13224.")
    >>> [t.text for t in stranded_objects(d[2])]
    ['Orlov', 'Stoll', 'Shipping']
    """
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ not in ("ccomp", "advcl", "xcomp") or c.pos_ in ("VERB", "AUX") or c.i < tok.i:
            continue
        if any(m.dep_ == "mark" for m in c.children):
            continue  # "designated as X", "so that": a clause of its own
        out += [t for s in c.children if s.dep_ == "nsubj" and tok.i < s.i < c.i for t in expand(s)]
    return out


def inverted_subjects(tok: "Token") -> list["Token"]:
    """The subjects after a fronted passive participle: "Also designated were A and B" (A and B were designated).

    The parser hangs them on the participle or on its "were" as ``nsubj`` or ``attr``; only those after the
    participle count, and only when the participle has its passive auxiliary and no passive subject of its own.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Also designated were Marina Kuzmina and Pavel Dronov.")
    >>> [t.text for t in inverted_subjects(d[1])]
    ['Kuzmina', 'Dronov']
    """
    aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i > tok.i]
    if not aux or any(c.dep_ == "nsubjpass" for c in tok.children):
        return []
    return [t for h in (tok, *aux) for c in h.children if c.dep_ in ("nsubj", "attr") and c.i > tok.i
            for t in expand(c)]


def is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ == "acl"


#: verbs that ask someone to act; the parser often hangs their infinitive as an adverbial clause ("pressed X to free Y")
ASKING_VERBS = frozenset({"urge", "press", "push", "ask", "call", "appeal", "plead", "persuade", "pressure", "encourage",
                          "implore", "beg", "lobby", "tell", "invite"})
#: verbs whose subject, not their object, does what the infinitive says ("promised Kyiv to send")
_SUBJECT_CONTROL = frozenset({"promise", "vow", "threaten", "pledge"})
#: verbs that ask someone named after a preposition to act ("appealed to X to", "called on X to", "pleaded with X to")
_ASKING_VERBS = frozenset({"appeal", "call", "plead", "prevail", "rely", "count", "lean", "wait"})


def subjects(tok: "Token", depth: int = 0) -> list["Token"]:
    """The actors of verb ``tok``: its subject (or passive agent), else the subject it inherits.

    "agreed to meet" inherits from "agreed", "met X and spoke with Y" from "met", "invited X to
    visit" takes the invited, "the leader who met" the noun, "after meeting X" the main clause's.
    """
    if depth > MAX_CLIMB:
        return []
    agent = [t for c in tok.children if c.dep_ == "agent" for t in prep_objects(tok, c.lower_)]
    if is_passive(tok):
        return agent
    subj = [t for c in tok.children if c.dep_ in ("nsubj", "csubj") for t in expand(c)]
    if subj and tok.dep_ == "relcl" and subj[0].lower_ in ("who", "that", "which", "whom"):
        ant = tok.head  # "Macron, who met Xi last year": the antecedent
        while ant.dep_ == "conj" and ant.head is not ant and ant.head.i < ant.i:
            ant = ant.head  # "A and B, who met in Rome": the relative clause hangs on B, its antecedent is the pair
        return expand(ant)
    if subj:
        return subj
    head = tok.head
    if head is tok:
        return []
    if tok.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() not in _SUBJECT_CONTROL:
            return expand(objs[0])  # "invited X to visit", "pressed Xi to free": the one asked acts
        asked = [t for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon", "with")
                 and head.lemma_.lower() in _ASKING_VERBS for t in prep_objects(head, c.lower_)]
        if asked:
            return asked[:1]  # "appealed to Putin to release", "called on Tehran to free": the one appealed to
        passive = [t for c in head.children if c.dep_ == "nsubjpass" for t in expand(c)]
        if passive and is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            return passive  # "X is expected to meet Y", "Y was invited to visit": the one expected, invited
        return subjects(head, depth + 1)
    if tok.dep_ == "advcl" and head.lemma_.lower() in ASKING_VERBS and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                          for c in tok.children):
        asked = [c for c in head.children if c.dep_ == "dobj"] or [
            t for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "upon", "with")
            for t in prep_objects(head, c.lower_)]
        if asked:
            return expand(asked[0])  # "pressed X to free Y", "appealed to X to release Y": X is asked to act
    if tok.dep_ in ("conj", "advcl", "pcomp", "ccomp") or (tok.dep_ == "acl" and head.pos_ == "VERB"):
        if tok.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS:
            return []
        return subjects(head, depth + 1)
    if tok.dep_ in ("pobj", "prep", "acomp", "attr", "oprd"):  # "he was ready to meet": the subject of "was"
        return subjects(head, depth + 1)
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "he had no plans to meet", "the chance to meet": the holder of the plan
        return noun_agents(head) if head.dep_ in ("dobj", "attr", "pobj") else []
    if tok.dep_ in ("relcl", "acl"):
        return [head]
    return []


def noun_agents(noun: "Token") -> list["Token"]:
    """Who holds an event noun: its possessor ("Trump's meeting"), else the subject of the verb governing it.

    A possessive pronoun is the governing verb's subject when it has one ("X called off her meeting with Y": X).

    >>> from kg.extract.model import get_model
    >>> [t.text for t in noun_agents(get_model()("Jane Roe called off her meeting with John Doe.")[5])]
    ['Roe']
    """
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss and not (poss[0].pos_ == "PRON" and poss[0].lower_ in ("his", "her")):
        return expand(poss[0])
    governing = _governing_subjects(noun)
    return governing or (expand(poss[0]) if poss else [])


def _governing_subjects(noun: "Token") -> list["Token"]:
    """The subject of the verb an event noun is the object of (through prepositions and complements)."""
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


def has_particle(tok: "Token", words: frozenset[str]) -> bool:
    return any(c.dep_ in ("prt", "advmod", "acomp", "oprd", "ccomp", "dobj") and c.lower_ in words for c in tok.children) or \
        (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in words)


def is_remote(tok: "Token", noun: "Token | None", cues: frozenset[str]) -> bool:
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


#: verbs of going somewhere: "flew to Oslo to meet X", "visiting Lisbon, X held talks": where the encounter was
MOTION_VERBS = frozenset({"travel", "fly", "go", "head", "arrive", "come", "return", "visit", "journey", "tour", "stop"})
#: nouns of a journey: "during his visit to Hanoi, X met Y"
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "stay", "stop", "stopover", "journey", "sojourn"})


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
    """
    objects = [t for c in tok.children if c.dep_ == "dobj" for t in expand(c)] + \
        [t for h in (tok, noun) if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
         for p in c.children if p.dep_ == "pobj" for t in expand(p)]
    purposes = [p for h in [tok] + objects for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    event = noun if noun is not None else tok
    # "talks between A and B took place in Geneva", "the meeting was held at the Kremlin": the event noun's verb
    carrier = [event.head] if event.pos_ in ("NOUN", "PROPN") and event.dep_ in ("nsubj", "nsubjpass") else []
    for h in [tok] + ([noun] if noun is not None else []) + objects + purposes + carrier:
        found = _place_under(h, ("in", "at"))
        if found is not None:
            return found
    if event.pos_ in ("NOUN", "PROPN") and event.dep_ == "pobj" and event.head.lower_ == "for":
        found = _destination(event.head.head)  # "arrived in Oslo for talks with X"
        if found is not None:
            return found
    return _journey_place(tok)


def _place_under(h: "Token", preps: tuple[str, ...]) -> str | None:
    """The place named by the object of one of ``preps`` attached to ``h``, without trailing clauses."""
    for c in h.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ != "pobj" or not is_place(p, c.lower_):
                continue
            cut = {d.i for c2 in p.children if c2.dep_ in ("relcl", "acl") and c2.i > p.i or
                   c2.dep_ == "prep" and c2.i > p.i and not (c2.lower_ in ("in", "near", "outside") and any(
                       g.ent_type_ in PLACE_LABELS for g in c2.subtree) or c2.lower_ == "of" and p.pos_ == "PROPN") or
                   c2.dep_ == "appos" and c2.ent_type_ not in PLACE_LABELS for d in c2.subtree}
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
        if c.dep_ == "advcl" and c.i < clause.i:  # "Visiting Nairobi, X met Y"
            found = _destination(c)
            if found is not None:
                return found
        if c.dep_ == "prep" and c.lower_ in ("during", "on", "in", "at"):  # "during his visit to Hanoi"
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in JOURNEY_NOUNS:
                    found = _place_under(p, ("to", "in"))
                    if found is not None:
                        return found
        if c.dep_ in ("nsubj", "nsubjpass"):  # "X, who is visiting Lisbon, met Y"
            for r in c.children:
                if r.dep_ in ("relcl", "acl") and r.lemma_.lower() != tok.lemma_.lower():
                    found = _destination(r)
                    if found is not None:
                        return found
    return None


def is_place(p: "Token", prep: str) -> bool:
    """A preposition's object that names a place: a recognised place, or a proper name that is no date or person."""
    labels = {t.ent_type_ for t in p.subtree}
    if labels & PLACE_LABELS:
        return True
    if labels & {"DATE", "TIME", "PERSON", "PERCENT", "MONEY"} or p.like_num:
        return False
    if prep == "at" and labels & {"ORG", "EVENT"}:
        return True  # "at the White House", "at the United Nations"
    if prep == "in" and p.pos_ == "PROPN" and labels & {"ORG"} and not labels & {"NORP"}:
        return True  # "met X in Copenhagen" when the small model calls the city an organisation
    return p.pos_ == "PROPN" and p.text[:1].isupper() and not labels & {"ORG", "NORP", "EVENT"}


def unique(toks: list["Token"]) -> list["Token"]:
    seen: set[int] = set()
    out = []
    for t in toks:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


#: dependencies that open a clause or a description of their own: a date inside one dates something else
_DATE_BOUNDARIES = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "appos", "parataxis", "csubj", "xcomp"})


def other_dates(tok: "Token", noun: "Token | None" = None) -> list[tuple[int, int]]:
    """Sentence spans of the dates that belong to another clause than the event at ``tok``.

    A date dates the event when it hangs from the trigger, its event noun or a verb above them ("said on
    Tuesday he had met X") without crossing into a clause or description of its own: in "X, who was freed
    in 2019, met Y" the year dates the release, not the meeting.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Ann Lee, who was freed in 2019, met John Doe in Oslo on Monday.")
    >>> [d.text[a:b] for a, b in other_dates(d[9])]
    ['2019']
    """
    doc = tok.doc
    above = {tok.i} | {t.i for t in tok.ancestors} | ({noun.i} if noun is not None else set())
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        t, crossed = ent.root, False
        for _ in range(2 * MAX_CLIMB):
            if t.i in above:
                break
            if t.dep_ in _DATE_BOUNDARIES and (t.pos_ in ("VERB", "AUX") or t.dep_ in ("appos", "relcl", "acl")):
                crossed = True
            if t.head is t:
                break
            t = t.head
        if crossed or t.i not in above:
            out.append((ent.start_char, ent.end_char))
    return out
