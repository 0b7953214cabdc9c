"""Who took part on a side of an encounter: those named as accompanying a participant, and the names a plural
description gives ("the ministers of A and B, X and Y, met").

"X, accompanied by Y, met Z", "X, who was accompanied by Y, held talks with Z", "X met Z, accompanied by Y" and
"X, along with Y, met Z": Y was at the meeting on X's side, so Y is a participant too (the annotation gives
every pair of a multi-party meeting's named participants).

>>> from kg.extract.model import get_model
>>> d = get_model()("Jane Roe, accompanied by John Doe, met Mark Otto in Oslo.")
>>> [t.text for t in accompanying(d[6], [d[1]])]
['Doe']
"""

from __future__ import annotations

from typing import Any

from kg.extract.syntax import expand, prep_objects

#: verbs whose passive agent went along with the one they describe
_ACCOMPANY = frozenset({"accompany", "join", "flank"})


def _escorts(tok: Any) -> list[Any]:
    """The persons named after "accompanied by" / "joined by" in a clause hanging on ``tok``."""
    out: list[Any] = []
    for c in tok.children:
        if c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _ACCOMPANY and c.tag_ == "VBN":
            out += [t for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    for t in expand(p) if t.pos_ == "PROPN"]
        if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together"):
            out += [t for t in prep_objects(c, "with") if t.pos_ == "PROPN"]
    return out


def accompanying(trigger: Any, agents: list[Any]) -> list[Any]:
    """Name tokens of those who accompanied the ``agents`` of an encounter at ``trigger`` (not already agents)."""
    found: list[Any] = []
    for a in agents:
        found += _escorts(a)
    if trigger.pos_ == "VERB":
        found += [t for t in _escorts(trigger) if t.i < trigger.i or any(
            c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _ACCOMPANY for c in trigger.children)]
        # "A and B met in the presence of the mediator, X": X was at the meeting
        found += [t for p in prep_objects(trigger, "in") if p.lemma_.lower() == "presence"
                  for t in prep_objects(p, "of") if t.pos_ == "PROPN"]
    out: list[Any] = []
    for t in found:
        if t not in agents and t not in out:
            out.append(t)
    return out


def comma_pair(agent: Any) -> Any | None:
    """The other side of a headline pair written "A, B meet" / "A, B to hold talks" (a comma for "and").

    Only at the start of a sentence, between two names the recogniser reads as persons, places or bodies, with
    nothing but the comma between their phrases ("Monday, X met" is a date, "X, the minister, met" a title).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe, John Doe meet amid tensions over trade")
    >>> [t.text for t in [comma_pair(d[4])] if t is not None]
    ['Roe']
    """
    doc = agent.doc
    start = agent.sent.start
    named = ("PERSON", "GPE", "ORG", "NORP")

    def phrase(t: Any) -> tuple[int, int]:
        left = t.i
        while left - 1 >= 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i in range(left - 1, t.i + 1):
            left -= 1
        return left, t.i

    a0, a1 = phrase(agent)
    if agent.pos_ != "PROPN" or agent.ent_type_ not in named:
        return None
    for t in doc[start:a0]:
        if t.pos_ != "PROPN" or t.ent_type_ not in named or t.dep_ == "compound":
            continue
        b0, b1 = phrase(t)
        if b0 == start and b1 + 2 == a0 and doc[b1 + 1].text == ",":
            return t  # "B, A meet": B first
    for c in agent.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in named and a0 == start:
            c0, _ = phrase(c)
            if c0 == a1 + 2 and doc[a1 + 1].text == ",":
                return c  # "A, B to meet": the parser took B for A's apposition
    return None


#: recogniser labels of places and peoples: names in a description's "of" list, not the persons it describes
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def described_names(noun: Any) -> list[Any]:
    """The persons a plural description names after its comma ("the ministers of A and B, X and Y, met": X, Y).

    The parser hangs the names on the description or on the last country of its "of" list; a name counts
    when it is a proper noun after a comma that the recogniser does not read as a place.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("The interior ministers of Chile, Peru and Bolivia, Ana Soto, Luis Prado and Rosa Mamani, met.")
    >>> [t.text for t in described_names(d[2])]
    ['Soto', 'Prado', 'Mamani']
    """
    if noun.tag_ != "NNS":
        return []
    doc = noun.doc
    for t in noun.subtree:
        if t.dep_ in ("conj", "appos") and t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_LABELS and \
                t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == "," and t.head.i < t.left_edge.i:
            names = [n for n in expand(t) if n.pos_ == "PROPN" and n.ent_type_ not in _PLACE_LABELS]
            return names if len(names) > 1 else []
    return []


#: verbs that say an event noun, their subject, took place ("the call took place", "talks were held")
_HAPPENING = frozenset({"take", "occur", "happen", "hold", "be"})


def between_sides(noun: Any) -> list[Any]:
    """The sides named after "between" on the verb whose subject the event ``noun`` is: "A telephone conversation
    took place between A and B", "Talks were held between A and B".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("A telephone conversation took place between Jane Roe and John Doe.")
    >>> [t.text for t in between_sides(d[2])]
    ['Roe', 'Doe']
    """
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _HAPPENING:
        return []
    if verb.lemma_.lower() == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
        return []
    return prep_objects(verb, "between")


def stranded_agents(verb: Any) -> list[Any]:
    """The agent of a passive ``verb`` that the parser hung on the place before it: "was received at the palace by
    President X" read with "by X" under "palace".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe was received at the Casa de Nariño by President John Doe.")
    >>> [t.text for t in stranded_agents(d[3])]
    ['Doe']
    """
    out: list[Any] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "on"):
            continue
        for place in prep.children:
            if place.dep_ == "pobj":
                out += [t for t in prep_objects(place, "by") if t.pos_ == "PROPN"]
    return out


#: nouns of a group sent somewhere, which its head stands for in an encounter
_DELEGATIONS = frozenset({"delegation", "team", "mission", "group"})


def delegation_head(tok: Any) -> list[Any]:
    """The named head of a delegation an encounter names ("received the delegation headed by X": X).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe received a delegation of the bank headed by Vice-President John Doe.")
    >>> [t.text for t in delegation_head(d[4])]
    ['Doe']
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _DELEGATIONS:
        return []
    # "the delegation of the Bank headed by X": the parser may hang the clause on the body the delegation is of
    holders = [tok] + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj"]
    return [t for h in holders for c in h.children if c.dep_ == "acl" and c.lemma_.lower() in ("head", "lead")
            for t in prep_objects(c, "by") if t.pos_ == "PROPN"]


def past_request(head: Any) -> list[Any]:
    """The other side named after "at the request of ..." or "at the invitation of ...", where the parser hung
    "with Y" inside that phrase: "had a phone call at the request of the other side with Y".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe had a phone call at the request of the other side with Minister John Doe.")
    >>> [t.text for t in past_request(d[5])]
    ['Doe']
    """
    out: list[Any] = []
    for p in prep_objects(head, "at") + prep_objects(head, "on"):
        if p.lemma_.lower() not in ("request", "invitation", "initiative", "suggestion"):
            continue
        for t in [p, *(o for o in prep_objects(p, "of"))]:
            out += [w for w in prep_objects(t, "with") if w.pos_ == "PROPN"]
    return out


def counted_pair(tok: Any) -> bool:
    """"the two", "both", "the two men", "both countries": a pair counted, naming nobody.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe held talks with the two ministries.")
    >>> counted_pair(d[6]), counted_pair(d[0])
    (True, False)
    """
    return tok.lower_ in ("two", "both") or tok.tag_ in ("NNS", "NNPS") and any(
        c.lower_ in ("two", "both") for c in tok.children)
