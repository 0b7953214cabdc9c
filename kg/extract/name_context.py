"""Words next to a capitalised run that decide whether it is a name: "the former police officer X", "Iran-backed".

>>> from kg.extract.nlp import get_nlp
>>> toks = list(get_nlp()("the former police officer Nuno Ferraz"))
>>> describes_name(toks, 2), describes_name(list(get_nlp()("the former said so")), 2)
(True, False)
"""

from __future__ import annotations

import re

from kg.extract.lexicon import DEMONYMS
from kg.extract.names import fold
from kg.extract.segments import Token, cap as _cap


#: words after "the former" that show it is a pronoun, not an adjective ("the former has", "the former met")
_NOT_NOUNS = frozenset("""has had is was will would could can may might must should also then again still met told
said says and but who which whose that to in at on with""".split())


def describes_name(toks: list[Token], k: int) -> bool:
    """True when lowercase words from ``k`` lead to a capitalised name: "the former police officer Nuno Ferraz"."""
    for j in range(k, min(k + 3, len(toks))):
        low = toks[j].text.lower()
        if not toks[j].is_alpha or low in _NOT_NOUNS or low.endswith(("ed", "ly")):
            return False  # "the former later pardoned X", "the former said": a verb or adverb follows the pronoun
        if _cap(toks[j]):
            return j > k
    return False


#: second halves of a hyphenated modifier made from a name: "Hong Kong-based firm", "Iran-backed militia"
_MODIFIER_SUFFIXES = frozenset({"based", "registered", "headquartered", "flagged", "owned", "backed", "linked",
                                "allied", "aligned", "controlled", "affiliated", "funded", "sponsored", "run", "born",
                                "listed", "incorporated"})


def modifier_end(toks: list[Token], i: int) -> int | None:
    """The token after "<Name>-based" when a run of capitalised words from ``i`` ends in such a suffix.

    >>> from kg.extract.nlp import get_nlp
    >>> toks = list(get_nlp()("Hong Kong-based Golden Dragon Ltd was listed."))
    >>> toks[modifier_end(toks, 0)].text
    'Golden'
    """
    k = i
    while k < len(toks) and k - i < 4 and _cap(toks[k]):
        if toks[k].whitespace_ == "" and k + 2 < len(toks) and toks[k + 1].text in "-–" \
                and toks[k + 1].whitespace_ == "" and toks[k + 2].text.lower() in _MODIFIER_SUFFIXES:
            return k + 3
        if toks[k].whitespace_ == "":
            return None
        k += 1
    return None


#: sanctions verbs and nouns whose objects follow them ("sanctioned", "sanctions on", "designated", "blacklisted")
_SANCTION_VERB = re.compile(r"\b(?:sanction(?:ed|s|ing)?|designat(?:ed|es|ing|ions?)|blacklist(?:ed|s|ing)?|"
                            r"asset freezes?|froze the assets of|added)\b", re.IGNORECASE)
_AFTER_NAME = frozenset({"and", "or", "as", "on", "in", "for", "to", "over", "with", "which", "who", "were", "was",
                         "is", "are", "has", "have", "had", "said", "along", "plus", "among", "including", "after",
                         "because", "under", "by", "from", "at", "that", "its", "their"})
_PLACE_PREP = re.compile(r"\b(?:in|at|from|to|near|outside|into)\s+(?:the\s+)?$", re.IGNORECASE)


def sanctions_target_slot(text: str, start: int, end: int) -> bool:
    """True for a lone unknown capitalised word after a sanctions verb in its sentence ("sanctioned Rosneft").

    Persons are named with two words or a title; a single unknown word there names a
    company, bank, vessel or group.  Not after a place preposition ("sanctioned in Moscow").
    """
    before = text[max(0, start - 160):start]
    before = re.split(r"[.!?]\s|\n", before)[-1]
    if not _SANCTION_VERB.search(before) or _PLACE_PREP.search(before) or fold(text[start:end]) in DEMONYMS:
        return False
    after = re.match(r"\s+([a-z][a-z-]*)", text[end:end + 30])
    return after is None or after.group(1) in _AFTER_NAME  # "a Korean hacking group": a modifier
