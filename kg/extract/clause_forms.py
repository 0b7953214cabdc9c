"""Forms of a clause that decide the status of the event it states: a direct question ("Will X meet Y?"), the
headline future ("X to meet Y"), "neither A nor B", "looks forward to meeting".

Read by :mod:`kg.extract.clause_status`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from kg.extract.frames import FrameHit

#: auxiliaries that open a yes/no question ("Will X meet Y?") and words that open a wh-question
_QUESTION_AUX = frozenset({"will", "would", "could", "can", "should", "shall", "might", "may", "did", "does", "do",
                           "is", "are", "was", "were", "has", "have", "had"})
_WH = frozenset({"why", "how", "when", "where", "what", "who", "whom", "whether"})


def asked(tok: "Token") -> bool:
    """True when the trigger's clause is a direct question: the sentence ends with "?" and the clause opens
    with an auxiliary before its subject or with a wh-word ("Will X meet Y?", "Why did X meet Y?").

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.notes for h in match(get_model()("Will Jane Roe meet John Doe in Oslo next week?"))]
    [['question']]
    """
    sent = tok.sent
    if not sent.text.rstrip(" \"'”’").endswith("?"):
        return False
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(3):
        if verb.dep_ in ("xcomp", "dobj", "pobj", "prep") and verb.head.i != verb.i:
            verb = verb.head
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = next((t for t in sent if not t.is_punct), None)
    if first is None:
        return False
    return (bool(subj) and any(c.dep_ == "aux" and c.lower_ in _QUESTION_AUX and c.i < subj[0].i and c.i == first.i
                               for c in verb.children)) or (first.lower_ in _WH and first.i < tok.i)



def headline_future(top: "Token") -> bool:
    """True for the headline future "X to meet Y" / "A, B to hold talks": an infinitive with no finite verb above it.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe to meet John Doe in Oslo"))]
    ['planned']
    """
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children):
        return False
    return top.dep_ == "ROOT" or (top.dep_ in ("relcl", "acl", "appos") and top.head.dep_ == "ROOT" and
                                  top.head.pos_ == "PROPN")


def neither(hit: "FrameHit") -> bool:
    """True when a side is "neither A nor B" (or "nor" joins the sides): none of them took part.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Neither Jane Roe nor John Doe met Mark Otto on Monday."))][:1]
    ['negated']
    """
    args = [*hit.agents, *hit.others]
    # "Neither" may hang on the side's title ("Neither Foreign Minister X nor ...") or on the first conjunct
    return any(t.lower_ == "neither" for a in args for t in a.doc[a.left_edge.i:a.i]) or \
        any(t.lower_ == "neither" for a in args if a.dep_ == "conj" for t in a.doc[a.head.left_edge.i:a.head.i])


def looking_forward(chain: list["Token"]) -> bool:
    """True for "looks forward to meeting Y": an event hoped for, not held.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe looks forward to meeting John Doe in Oslo."))]
    ['planned']
    """
    return any(t.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in t.children) for t in chain)
