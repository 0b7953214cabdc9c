"""The holder of a title the parser cut off from its name ("President of the French Republic H.E. Mr. X").

Readouts put honorifics between an office and its holder's name ("the President of Indonesia, H.E. Mr. Joko
Widodo"); the small parser often ends the phrase at "H.E." and hangs the name elsewhere. When an argument is a
bare title that stands for nobody, the person named right after its phrase, past honorifics and commas only,
is its holder.

>>> from kg.extract.model import get_model
>>> doc = get_model()("Jane Roe received a call from President of the Republic of Norland H.E. Mr. John Doe.")
>>> holder_index(doc[6])
14
"""

from __future__ import annotations

from typing import Any

from kg.extract.lexicon import is_title_word

#: how many honorific or punctuation tokens may stand between a title's phrase and its holder's name
MAX_GAP = 6


def holder_index(tok: Any) -> int | None:
    """Index of the first token of the name right after the bare title ``tok``'s phrase, or None.

    Only a title word with no name in its own phrase qualifies, and only honorifics ("H.E.", "Mr.", "His
    Excellency"), commas and title words may come between.
    """
    if not is_title_word(tok.text) or tok.pos_ not in ("PROPN", "NOUN"):
        return None
    if any(c.pos_ == "PROPN" and not is_title_word(c.text) and c.dep_ in ("compound", "appos", "flat")
           for c in tok.children):
        return None
    doc = tok.doc
    k = tok.right_edge.i + 1
    for _ in range(MAX_GAP):
        if k >= len(doc):
            return None
        t = doc[k]
        if t.text in (",", "(") or is_title_word(t.text) or t.lower_ in ("his", "her", "excellency", "highness"):
            k += 1
            continue
        if t.text[:1].isupper() and t.ent_type_ == "PERSON":
            return k
        return None
    return None


def holder_entities(tok: Any, spans: list[tuple[int, int, Any]]) -> list[Any]:
    """The persons of the mention that names the holder of the bare title ``tok`` (see :func:`holder_index`)."""
    from kg.extract.coref import Entity
    from kg.extract.pairing import entities

    k = holder_index(tok)
    if k is None:
        return []
    at = tok.doc[k].idx
    return [e for a, b, m in spans if a <= at < b for e in entities(m) if isinstance(e, Entity) and e.type == "Person"]


#: bodies and groups a person's possessive names without naming the person ("Maduro's government")
_BODIES = frozenset({"government", "administration", "cabinet", "delegation", "team", "officials", "representatives",
                     "envoys", "aides", "advisers", "advisors", "family", "party", "camp", "regime", "ministers"})


def owned_body(tok: Any) -> bool:
    """True for a body or group named through a person's possessive ("Maduro's government", "Modi's team"): as the
    other side of an encounter it is not that person. A country's ("Venezuela's government") stays the country's.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe will travel to Caracas to meet John Doe's government.")
    >>> owned_body(d[11])
    True
    """
    return tok.pos_ == "NOUN" and tok.lower_ in _BODIES and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP", "LOC") for c in tok.children)
