"""Reading arguments off a dependency parse: subjects, objects, lists (places and dates: :mod:`kg.extract.setting`).

Every function takes spaCy tokens of a parsed sentence and walks the tree with a bound
(:data:`MAX_CLIMB`), so a pathological parse costs a few steps, never a loop.

>>> from kg.extract.model import get_model
>>> doc = get_model()("Belarusian President Alexander Lukashenko agreed to meet Donald Trump in Minsk.")
>>> [t.text for t in subjects(doc[6])], [t.text for t in slot(doc[6], "dobj", None)]
(['Lukashenko'], ['Trump'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.appositions import named_title, verb_after_apposition

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: how far up the tree a trigger's governing verbs are read (a bound for pathological parses)
MAX_CLIMB = 8

#: verbs that report speech ("said/warned he would meet"); not "confirm": "has not confirmed plans for a meeting" is
#: read by the status (kg.extract.clause_status). Verbs of intent report a clause too ("vowed it would sanction X")
REPORTING_VERBS = frozenset({"say", "tell", "add", "report", "state", "note", "announce", "write", "insist", "warn",
                             "stress", "reiterate"})
INTENT_VERBS = frozenset({"vow", "pledge", "threaten", "promise"})
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
            if c.dep_ == "appos" and t.i < t.head.i < c.i:
                continue  # "Norway froze ... on Monday: A, B and C": a list after the verb is no apposition of Norway
            if c.dep_ in ("conj", "appos") and c not in out and not (closed and c.dep_ == "conj"):
                out.append(c)
                todo.append(c)
            if c.dep_ == "conj" and any(x.dep_ == "cc" and t.i < x.i < c.i for x in t.children):
                closed = True
            if c.dep_ == "acl" and c.lemma_.lower() in ("name", "call", "identify") and t.pos_ == "NOUN":
                # "a Chinese national named Lu Jianping": the name the description is given
                out += [x for x in c.children if x.dep_ in ("oprd", "attr", "dobj") and x.pos_ == "PROPN" and x not in out]
    bent = [b for t in out for b in _bent_possessive_conjuncts(t) if b not in out]
    if bent:  # in the order the text names them
        out = sorted(out + list(dict.fromkeys(bent)), key=lambda x: x.i)
    # "the Ambassador of Chile to Norway, Jorge Vidal": the name the parser hung elsewhere is the title phrase's
    named: list["Token"] = []
    for t in out:  # ("between the minister and the envoy for Yemen, X": X is the envoy's, wherever it hangs)
        x = named_title(t) or t
        if x not in named:
            named.append(x)
    return named


def _bent_possessive_conjuncts(tok: "Token") -> list["Token"]:
    """The first of two "Country's Title Name" people the parser hung inside the second one's name.

    In "Brazil's President Lula and Argentina's President Javier Milei" the parser reads "Lula and Argentina's" as
    a possessor of the second title; a name that has a country of its own ("Brazil's") and a conjunct closed by
    "'s" is the first person of the pair. "Macron and Scholz's advisers" (no country of its own) stays one owner.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Brazil's President Lula and Argentina's President Javier Milei spoke by phone.")
    >>> [t.text for t in _bent_possessive_conjuncts(d[9])]
    ['Lula']
    """
    out: list["Token"] = []
    for t in tok.subtree:
        if t.i >= tok.i or t.dep_ not in ("poss", "nmod") or t.pos_ != "PROPN" or t.head.i > tok.i:
            continue
        own_country = any(c.dep_ == "poss" and c.i < t.i for c in t.children)
        closed_pair = any(c.dep_ == "conj" and any(x.lower_ in ("'s", "’s") for x in c.children) for c in t.children)
        if own_country and closed_pair:
            out.append(t)
    return out


def prep_objects(tok: "Token", word: str) -> list["Token"]:
    """The objects of the preposition ``word`` on ``tok``, with conjuncts and appositions ("to A and to B").

    A preposition the parser hung on the agent after "by" belongs to ``tok`` ("sanctions imposed by the EU on A",
    "the release by the authorities of 41 prisoners"), except an "of" after a name, which is the name's own
    ("by the Ministry of Justice": one name to the recogniser).
    """
    found: list["Token"] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent"):  # "to A and to B"; "over breakfast and later with B": a "with" joined on
            for q in [c] * (c.lower_ == word) + [d for d in c.children if d.dep_ == "conj" and d.lower_ == word]:
                found += [t for p in q.children if p.dep_ in ("pobj", "pcomp") for t in expand(p)]
    if not found and word != "by":
        found = [t for c in tok.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj" for t in prep_objects(p, word)
                 if not (p.ent_type_ and t.ent_iob_ == "I" and t.ent_type_ == p.ent_type_)]
    return found


def slot(tok: "Token", spec: str, noun: "Token | None") -> list["Token"]:
    """The tokens at one argument slot of ``tok``: ``dobj``, ``nsubjpass``, ``dative``, ``prep:WORD``, ``dobj>prep:of``."""
    first, _, rest = spec.partition(">")
    heads = [tok] + ([noun] + _measures_beside(tok, noun) if noun is not None else [])
    out: list["Token"] = []
    for h in heads:
        if first.startswith("prep:"):
            out += prep_objects(h, first[5:])
        else:
            for c in h.children:
                if c.dep_ == first and (noun is None or c.i != noun.i):
                    # a dative the parser left on its preposition ("granted a pardon to the officer X"): its object
                    out += [t for p in c.children if p.dep_ == "pobj" for t in expand(p)] if c.pos_ == "ADP" else expand(c)
                    # "met the minister of A, X, and the minister of B, Y": the second object hung on the verb
                    out += [t for k in h.children if first == "dobj" and k.dep_ == "conj" and k.i > c.i and
                            k.pos_ in ("NOUN", "PROPN") and h.pos_ == "VERB" for t in expand(k)]
    if rest:
        return [t for o in out for t in slot(o, rest, None)]
    return out


def _measures_beside(tok: "Token", noun: "Token") -> list["Token"]:
    """The other measures of a light verb's object list, where a preposition of the whole list may hang.

    "placed travel bans and asset freezes on X": the parser hangs "on X" on the last noun of the list, or reads
    that noun ("freezes") as a second verb, joined to "placed", with no subject of its own.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Australia placed travel bans and asset freezes on three Iranian officials on Monday.")
    >>> [t.text for t in _measures_beside(d[1], d[3])]
    ['asset', 'freezes']
    """
    out = [c for c in noun.children if c.dep_ == "conj"]
    out += [c for c in tok.children if c.dep_ == "conj" and c.i == noun.right_edge.i + 1 and c.tag_ in ("VBZ", "NNS")
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
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
    # "Kremlin allies sanctioned by Britain" is passive; "reports that he had met X" (a clause the parser hung
    # as ``acl``, with a subject and "had" of its own) is not
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ == "acl" \
        and not any(c.dep_ == "nsubj" or c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children) \
        and not verb_after_apposition(tok)


#: verbs that ask someone to act; the parser often hangs their infinitive as an adverbial clause ("pressed X to free Y")
ASKING_VERBS = frozenset({"urge", "press", "push", "ask", "call", "appeal", "plead", "persuade", "pressure", "encourage",
                          "implore", "beg", "lobby", "tell", "invite"})
#: verbs whose subject, not their object, does what the infinitive says ("promised Kyiv to send")
_SUBJECT_CONTROL = frozenset({"promise", "vow", "threaten", "pledge"})
#: verbs by which an authority has unnamed others carry out its measure ("directed banks to freeze")
_DIRECTING = frozenset({"direct", "order", "instruct", "require", "tell", "oblige"})
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
        if agent or tok.dep_ != "conj" or tok.head.i == tok.i or any(c.dep_ == "nsubjpass" for c in tok.children) or \
                is_passive(tok.head):
            return agent
        # "X met Y and was expected to meet Z": a passive verb phrase joined to an active one shares its subject
        return subjects(tok.head, depth + 1)
    subj = [t for c in tok.children if c.dep_ in ("nsubj", "csubj") for t in expand(c)] or (
        expand(tok.head) if verb_after_apposition(tok) else [])  # "The Minister, X, received ...": the root noun
    if subj and tok.dep_ == "relcl" and subj[0].lower_ in ("who", "that", "which", "whom"):
        ant = tok.head  # "Macron, who met Xi last year": the antecedent
        while ant.dep_ == "conj" and ant.head.i != ant.i and ant.head.i < ant.i:
            ant = ant.head  # "A and B, who met in Rome": the relative clause hangs on B, its antecedent is the pair
        return _member_of(ant) or expand(ant)
    if subj:
        return subj
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() in _DIRECTING and objs[0].tag_ == "NNS" and not any(
                t.pos_ == "PROPN" for t in objs[0].subtree):
            return subjects(head, depth + 1)  # "the regulator directed banks to freeze X's accounts": the regulator
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
        if tok.dep_ == "conj" and is_passive(head):
            # "X was handed over on Monday and met Y the next day": the one handed over met Y, not the agent
            return [t for c in head.children if c.dep_ == "nsubjpass" for t in expand(c)]
        return subjects(head, depth + 1)
    if tok.dep_ in ("pobj", "prep", "acomp", "attr", "oprd"):  # "he was ready to meet": the subject of "was"
        return subjects(head, depth + 1)
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "he had no plans to meet", "the chance to meet": the holder of the plan
        return noun_agents(head) if head.dep_ in ("dobj", "attr", "pobj") else []
    if tok.dep_ in ("relcl", "acl"):
        return [head]
    return []


def _member_of(group: "Token") -> list["Token"]:
    """The subject named as one of a group a relative clause describes ("X was among leaders who met Y").

    "X was among (the) leaders who met Y", "X was one of several leaders who met Y", "X is among those who
    met Y": the group's clause is said of X. Only a common noun or pronoun group governed by "among" or
    "one of" under "be".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe was among the leaders who met John Doe in Oslo.")
    >>> [t.text for t in subjects(d[7])]
    ['Roe']
    """
    if group.pos_ not in ("NOUN", "PRON", "DET") or group.dep_ != "pobj" or group.head.lower_ not in ("among", "of"):
        return []
    gov = group.head.head
    if group.head.lower_ == "of":
        if gov.lower_ != "one" or gov.dep_ not in ("attr", "nsubj"):
            return []
        if gov.dep_ == "nsubj":  # "One of the leaders who met Y was X"
            return [t for c in gov.head.children if c.dep_ == "attr" for t in expand(c)]
        gov = gov.head
    if gov.lemma_.lower() != "be":
        return []
    return [t for c in gov.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" for t in expand(c)]


def noun_agents(noun: "Token") -> list["Token"]:
    """Who holds an event noun: its possessor ("Trump's meeting"), else the subject of the verb governing it.

    A possessive pronoun is the governing verb's subject when it has one ("X called off her meeting with Y": X).

    >>> from kg.extract.model import get_model
    >>> [t.text for t in noun_agents(get_model()("Jane Roe called off her meeting with John Doe.")[5])]
    ['Roe']
    """
    by = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
          for t in expand(p)]
    if by and noun.pos_ == "NOUN":  # "the release by the Nicaraguan authorities of 41 prisoners", "a visit by X"
        return by
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss and not (poss[0].pos_ == "PRON" and poss[0].lower_ in ("his", "her")):
        return expand(poss[0])
    governing = _governing_subjects(noun)
    return governing or (expand(poss[0]) if poss else [])


#: passive verbs whose subject is awaited somewhere for the event named after them ("X is expected in Oslo for talks")
_AWAITED = frozenset({"expect", "schedule", "set", "slate", "invite", "plan", "due"})


def _governing_subjects(noun: "Token") -> list["Token"]:
    """The subject of the verb an event noun is the object of (through prepositions and complements).

    A noun conjoined to another stands where the first does ("for a state visit and talks with X").
    """
    t, steps = noun, 0
    while t.dep_ == "conj" and t.head.pos_ == "NOUN" and steps < MAX_CLIMB:
        t, steps = t.head, steps + 1
    while t.head.i != t.i and steps < MAX_CLIMB:
        if t.dep_ not in ("dobj", "pobj", "prep", "attr", "acomp", "xcomp", "pcomp", "oprd", "compound", "npadvmod") \
                and not (t.dep_ == "advmod" and t.lower_ in ("ahead", "prior")):  # "spoke ahead of their meeting"
            break
        t = t.head
        steps += 1
        if t.pos_ in ("VERB", "AUX") or (t.pos_ == "ADJ" and t.dep_ == "acomp"):
            if t.pos_ == "ADJ":
                t = t.head
            found = subjects(t) or ([x for c in t.children if c.dep_ == "nsubjpass" for x in expand(c)] if is_passive(t) and not any(
                c.dep_ == "agent" for c in t.children) and t.lemma_.lower() in _AWAITED else [])  # "X is expected for talks"
            if not found and t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and t.i < t.head.i:
                # "Speaking after talks with X, Y said": the opening participle's subject is the main clause's
                found = subjects(t.head) or _swallowed_before(t.head)
            return found
    return []


def _swallowed_before(verb: "Token") -> list["Token"]:
    """The main clause's subject the parser hung as an apposition inside the phrase before it ("..., Y said")."""
    k = verb.i - 1
    while k >= 0 and verb.doc[k].dep_ in ("aux", "advmod", "neg"):
        k -= 1
    t = verb.doc[k] if k >= 0 else None
    if t is None or t.pos_ != "PROPN" or t.dep_ not in ("appos", "conj") or t.left_edge.i == 0 or \
            verb.doc[t.left_edge.i - 1].text != ",":
        return []
    return [t]


def has_particle(tok: "Token", words: frozenset[str]) -> bool:
    return any(c.dep_ in ("prt", "advmod", "acomp", "oprd", "ccomp", "dobj") and c.lower_ in words for c in tok.children) or \
        (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in words)


def unique(toks: list["Token"]) -> list["Token"]:
    seen: set[int] = set()
    out = []
    for t in toks:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def companions(verb: "Token", after: int) -> list["Token"]:
    """Patients added by "along with"/"together with" after the object ("pardoned X along with Y": Y too).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("President Jane Roe pardoned John Doe along with lawyer Mark Otto.")
    >>> [t.text for t in companions(d[3], 5)]
    ['Otto']
    """
    return [t for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together") and c.i > after
            for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for t in prep_objects(c, "with")
            if t.pos_ == "PROPN"]


def headline_topic(verb: "Token") -> list["Token"]:
    """The person a "NAME: clause" headline is about, when its clause names them by description.

    "Jane Roe: Norland frees US basketball star in swap": the star is Jane Roe.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Brittney Griner: Russia frees US basketball star in swap")
    >>> [t.text for t in headline_topic(d[4])]
    ['Griner']
    """
    head = verb.head
    if verb.dep_ not in ("acl", "appos", "parataxis") or head.dep_ != "ROOT" or head.ent_type_ != "PERSON" or \
            head.i >= verb.i or not any(t.text == ":" for t in verb.doc[head.i + 1:verb.i]):
        return []
    return [head]


#: words after which an event noun is still to come ("ahead of their meeting", "in the run-up to the summit")
_AHEAD = frozenset({"ahead", "prior", "advance", "preparation", "run", "run-up", "lead-up", "eve"})


def awaited(noun: "Token") -> bool:
    """True for an event noun that the clause's own event precedes ("spoke on Monday ahead of their meeting").

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Ana Rojas spoke with Luis Salazar ahead of their meeting in Lima.")
    >>> awaited(d[9]), awaited(d[2])
    (True, False)
    """
    p = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and p.lower_ in ("of", "to", "for") and p.head.lower_ in _AHEAD

