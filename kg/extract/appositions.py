"""The name an apposition gives a title phrase: in the parse, when the parser hung the name elsewhere, and among
mentions, where a row of titles stands before the name (:func:`mark_apposed_titles`).

Readouts and wire copy name a person after a title phrase with its own prepositional chain: "met with the
Ambassador of Chile to Norway, Jorge Vidal, in Oslo", "a meeting between the minister and the UN's special
envoy for Yemen, Lars Berg", "the prosecutor of Herat, Omar Nazari, who ...". A reader takes the name for the
title phrase's apposition; the small parser often hangs it on the last object of the chain ("Norway", "Yemen")
or on the verb, so the argument read at the title is a common noun no actor stands for. :func:`named_title`
finds the name: the title phrase runs on only through prepositions and their noun phrases, then a comma, then
a run the recogniser reads as a person's name that ends the apposition (a comma, semicolon, full stop or the
sentence's end).

>>> from kg.extract.model import get_model
>>> d = get_model()("Karin Holm met with the Ambassador of Peru to Norway, Jorge Vidal, in Oslo.")
>>> named_title(d[5]).text
'Vidal'
>>> named_title(get_model()("Holm met the Ambassador of Peru, Chile and Bolivia.")[3]) is None
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kg.extract.lexicon import COUNTRY_FORMS, ORG_HEADS, is_title_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

#: prepositions a title phrase runs on through ("the Ambassador of Chile to Norway", "envoy for Yemen")
_CHAIN_PREPS = frozenset({"of", "to", "for", "at", "in", "on"})
#: parts of speech inside the title phrase's chain
_CHAIN_POS = frozenset({"ADP", "DET", "PROPN", "NOUN", "ADJ", "PART", "NUM"})
#: how many tokens the chain may run before the comma (a bound; titles are short)
_MAX_CHAIN = 10
_NAME_END = frozenset({",", ";", ".", ")", "—", "–"})


def _titled(tok: "Token") -> bool:
    """A noun that names a person by office or role: a title word, or "the/its <noun> of ..." ("the prosecutor of X")."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
        return False
    if is_title_word(tok.text):
        return True  # the recogniser often reads "the Consul General" as an organisation
    if tok.ent_type_ == "ORG":
        return False
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and any(c.dep_ in ("det", "poss") for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ in _CHAIN_PREPS for c in tok.children)


def _person_name(run: "Span") -> bool:
    """A run the recogniser reads as a person, or an untyped or mistyped run of two or more words written like a
    person's name (no title, organisation head or country among them): "Felipe Aránguiz" read as an organisation."""
    if all(t.ent_type_ == "PERSON" for t in run):
        return True
    return len(run) >= 2 and all(t.ent_type_ in ("", "ORG", "PERSON") and not is_title_word(t.text) and t.text
                                 not in ORG_HEADS and t.text not in COUNTRY_FORMS for t in run)


def named_title(tok: "Token") -> "Token | None":
    """The head of the person's name that is in apposition to the title phrase headed by ``tok``, or None.

    None when ``tok`` already has an apposition of its own (the parse said it), when anything but a
    prepositional chain comes between the title and the comma, or when the run after the comma is not a name
    the recogniser reads as a person's standing alone.
    """
    if not _titled(tok) or any(c.dep_ == "appos" for c in tok.children):
        return None
    doc, end = tok.doc, tok.sent.end
    j, steps, preps = tok.i + 1, 0, 0
    while j < end and doc[j].text != "," and steps < _MAX_CHAIN:
        t = doc[j]
        if t.pos_ not in _CHAIN_POS or (t.pos_ == "ADP" and t.lower_ not in _CHAIN_PREPS):
            return None
        preps += t.pos_ == "ADP"
        j, steps = j + 1, steps + 1
    if j >= end or doc[j].text != "," or preps == 0:
        return None  # "the envoy, X" with nothing between is the parser's own apposition (read by expand)
    k = j + 1
    while k < end and doc[k].pos_ == "PROPN" and k - j <= 4:
        k += 1
    if k == j + 1 or (k < end and doc[k].text not in _NAME_END):
        return None
    run = doc[j + 1:k]
    if not _person_name(run):
        return None
    heads = [t for t in run if not (run.start <= t.head.i < run.end)]
    if len(heads) != 1 or heads[0].dep_ not in ("appos", "conj", "npadvmod", "dep"):
        return None
    return heads[0]


#: what may stand between a title and the name it describes: a space, or a comma and an honorific
_APPOSED = re.compile(r" |,\s*(?:(?:His|Her)\s+(?:(?:Excellency|Majesty|Highness)\s*)?)?")


def mark_apposed_titles(mentions: list[Any], text: str) -> None:
    """Give each title mention that stands in apposition before a name that name (``extra["appositive"]``).

    "the former police officer Nuno Ferraz", "his Iranian counterpart, Abbas Araghchi": the title is the name;
    "The President of the Council, Head of State, His Excellency General X": every title in the row is X's.

    >>> from kg.extract.segments import Mention
    >>> ms = [Mention(0, 13, "Head of State", "title"), Mention(15, 23, "Ana Ruiz", "name", name="Ana Ruiz")]
    >>> mark_apposed_titles(ms, "Head of State, Ana Ruiz"); ms[0].extra["appositive"]
    'Ana Ruiz'
    """
    for m, nxt in reversed(list(zip(mentions, mentions[1:]))):
        between = text[m.end:nxt.start]
        if m.kind != "title" or m.extra.get("advisee") or not _APPOSED.fullmatch(between):
            continue
        if nxt.kind == "name" and nxt.name:
            m.extra["appositive"] = nxt.name
        elif nxt.kind == "title" and nxt.extra.get("appositive") and between.strip() == ",":
            m.extra["appositive"] = nxt.extra["appositive"]


def verb_after_apposition(verb: "Token") -> bool:
    """True when ``verb`` is the sentence's own verb, read as a modifier of its subject after the subject's
    apposition: "The Minister for Europe and Foreign Affairs, Jean-Noel Barrot, received ... his counterpart" is
    parsed with "Minister" the root and "received" a passive ``acl`` of it.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("The Minister for Europe and Foreign Affairs, Jean-Noel Barrot, received on Tuesday at the "
    ...                 "Quai d'Orsay his Algerian counterpart, Ahmed Attaf.")
    >>> verb_after_apposition(d[13])
    True
    """
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.i < verb.i and verb.tag_ in ("VBD", "VBN") and \
        verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(
            c.dep_ == "appos" and c.i < verb.i and c.ent_type_ == "PERSON" for c in head.children)
