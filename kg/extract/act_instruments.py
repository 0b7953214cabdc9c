"""Acts done through an instrument, and acts that a blocked proposal never did.

A pardon, an amnesty or a sanctions package is often the grammatical actor of its sentence while the one
who acts is whoever signed or granted it:

- "The decree pardoning 30 inmates was signed by President X": X pardons;
- "An amnesty signed by President X will free 900 prisoners": X pardons them (an amnesty frees by pardon);
- "The pardon granted by President X to Y": X pardons Y;
- "President X signed a decree granting amnesty to 300 detainees": X pardons them;
- "Those targeted by the new Swiss measures include A": Switzerland imposes them.

An act named inside a proposal that was blocked, vetoed or rejected was not done, by the proposer or by the
one who blocked it ("Hungary blocked an EU proposal to impose a travel ban on X"): :func:`blocked_proposal`.

>>> from kg.extract.model import get_model
>>> d = get_model()("The decree pardoning 30 inmates was signed by President Oleg Brandt on Tuesday.")
>>> [t.text for t in issuer(d[1])]
['Brandt']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.syntax import expand, subjects

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: documents and measures that act through whoever signs, grants or imposes them
INSTRUMENTS = frozenset({"decree", "amnesty", "pardon", "clemency", "order", "measure", "sanction", "package",
                         "law", "resolution", "ukase", "edict"})
#: instruments that are documents: who signs or issues one does what it does ("signed a decree granting amnesty")
_DOCUMENTS = frozenset({"decree", "ukase", "edict"})
#: instruments that pardon: what they free, they free by pardon ("an amnesty ... will free 900 prisoners")
PARDONING = frozenset({"amnesty", "pardon", "clemency"})
#: verbs whose agent issues an instrument ("signed by X", "granted by X", "imposed by X")
ISSUING = frozenset({"sign", "grant", "issue", "announce", "adopt", "order", "approve", "decree", "impose",
                      "declare", "enact", "extend", "unveil", "introduce"})
#: nouns whose act is only proposed ("a proposal to impose sanctions", "a plan to sanction X")
_PROPOSALS = frozenset({"proposal", "plan", "bid", "move", "initiative", "attempt", "effort", "push", "call",
                        "draft", "package", "motion", "resolution", "request", "idea"})
#: verbs that keep a proposed act from being done
_BLOCKING = frozenset({"block", "veto", "reject", "oppose", "torpedo", "resist", "stall", "thwart", "scuttle",
                       "kill", "derail", "sink", "obstruct"})


def _by_agents(verb: "Token") -> list["Token"]:
    """The objects of a passive verb's "by" ("signed by President X")."""
    return [t for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj" for t in expand(p)]


def issuing_verb(instrument: "Token") -> "Token | None":
    """The participle that says who issued an instrument: "the decree signed by X", "the decree ... was signed by X".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("An amnesty signed by President Aldo Renzi will free 900 prisoners.")
    >>> issuing_verb(d[1]).text
    'signed'
    """
    for c in instrument.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ISSUING and _by_agents(c):
            return c
    if instrument.dep_ == "nsubjpass" and instrument.head.lemma_.lower() in ISSUING and _by_agents(instrument.head):
        return instrument.head
    return None


def issuer(instrument: "Token") -> list["Token"]:
    """Who issued an instrument noun: the agent of its issuing verb, its possessor, or the state that names it
    ("Britain's decree", "the new Swiss measures", "EU sanctions"); empty for any other word.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Those targeted by the new Swiss measures include Viktor Ramov and Sergei Dolin.")
    >>> [t.text for t in issuer(d[6])]
    ['Swiss']
    """
    if instrument.pos_ != "NOUN" or instrument.lemma_.lower() not in INSTRUMENTS:
        return []
    verb = issuing_verb(instrument)
    if verb is not None:
        return _by_agents(verb)
    if instrument.dep_ == "dobj" and instrument.head.lemma_.lower() in ISSUING and \
            instrument.lemma_.lower() in _DOCUMENTS:
        return subjects(instrument.head)  # "X signed a decree granting pardon to 300 detainees": X
    out = [t for c in instrument.children if c.dep_ == "poss" and c.pos_ != "PRON" for t in expand(c)]
    out += [t for c in instrument.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
            if p.dep_ == "pobj" and p.pos_ == "PROPN" for t in expand(p)]  # "sanctions from Japan"
    return out + [c for c in instrument.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" or
                  c.dep_ == "amod" and c.ent_type_ == "NORP"]


def granted_to(instrument: "Token") -> list["Token"]:
    """The one an instrument was granted to or imposed on, on its issuing participle ("the pardon granted by X to
    Y", "the sanctions imposed by X on Y": Y)."""
    verb = issuing_verb(instrument)
    if verb is None or verb.head.i != instrument.i:
        return []
    return [t for c in verb.children if c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ in (
        "to", "for", "on", "against", "upon")
            for p in ([c] if c.dep_ == "dative" else [p for p in c.children if p.dep_ == "pobj"]) for t in expand(p)]


def pardoning_subject(verb: "Token") -> "Token | None":
    """The pardoning instrument a release verb has for subject ("An amnesty signed by X will free 900 prisoners")."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in PARDONING
                 and issuing_verb(c) is not None), None)


def instrument_issuer(verb: "Token") -> list["Token"]:
    """Who issued the instrument a passive act is done under ("Under a decree signed by X, 300 prisoners will be
    released": X), when the clause names no agent of its own.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Under a decree signed by President Lena Markov, 300 prisoners will be released.")
    >>> [t.text for t in instrument_issuer(d[13])]
    ['Markov']
    """
    return [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("under", "through", "by", "in")
            for p in c.children if p.dep_ == "pobj" for t in issuer(p)]


def blocked_proposal(tok: "Token") -> bool:
    """True for an act inside a proposal that was blocked ("Hungary blocked an EU proposal to impose a ban on X").

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Hungary blocked an EU proposal to impose a travel ban on Patriarch Kirill.")
    >>> blocked_proposal(d[6]), blocked_proposal(d[9])
    (True, True)
    """
    proposal = False
    node = tok
    for _ in range(6):
        if node.dep_ not in ("dobj", "acl", "xcomp", "pobj", "prep", "compound", "nsubjpass", "relcl") or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in _PROPOSALS:
            proposal = True
        elif node.pos_ == "VERB" and node.lemma_.lower() in _BLOCKING:
            return proposal
    return False
