"""Words that stand for actors without naming them: a state by its organ ("the Sri Lankan authorities"); counted
nationals ("two Danes", "12 Britons") are no name; "the 52-year-old former ambassador" goes on about the person the
text just named.

>>> from kg.extract.nlp import get_nlp
>>> from kg.extract.segments import sentences
>>> [s] = sentences(get_nlp()("Norland freed two Danes."))
>>> counted_nationals(s.toks, 3)
4
>>> [s] = sentences(get_nlp()("Yet the 52-year-old former ambassador spoke."))
>>> aged_description(s.toks, 1, s.text)[0].text
'the 52-year-old former ambassador'
"""

from __future__ import annotations

from kg.extract.lexicon import AMBIGUOUS_COUNTRIES, DEMONYMS, DESCRIPTIONS, TITLE_WORDS
from kg.extract.numerals import count_value, is_count
from kg.extract.segments import Mention, Token, cap as _cap
from kg.extract.spans import match_lexicon


#: nouns for the organs through which a state acts ("Belarusian authorities", "the junta in Niger")
STATE_NOUNS = frozenset({"authorities", "government", "regime", "junta", "military", "forces", "troops", "army", "police"})


def state_organ(toks: list[Token], i: int) -> int:
    """The length of a demonym of one or two words at ``i`` that a state noun follows ("Sri Lankan authorities"),
    else 0: the state acts."""
    n = len(toks)
    if i + 1 < n and toks[i + 1].text.lower() in STATE_NOUNS and toks[i].text.lower() in DEMONYMS:
        return 1
    if i + 2 < n and toks[i + 2].text.lower() in STATE_NOUNS and \
            f"{toks[i].text.lower()} {toks[i + 1].text.lower()}" in DEMONYMS:
        return 2
    return 0


#: the organs that, with no "the", stand for the state they govern in ("authorities in Azerbaijan released")
GOVERNING = frozenset({"authorities", "government", "regime", "junta"})


def organ_in_state(toks: list[Token], i: int) -> tuple[int, str] | None:
    """(the token after, the state) for an organ "in" a state at ``i``: "the junta in Niger", "the regime in
    Tehran", "authorities in Azerbaijan" (the state acts), else None."""
    low, n = toks[i].text.lower(), len(toks)
    k = i + 1 if low == "the" and i + 1 < n and toks[i + 1].text.lower() in STATE_NOUNS else \
        i if low in GOVERNING and (not i or toks[i - 1].text.lower() != "the") else -1
    if k < 0 or k + 2 >= n or toks[k + 1].text != "in":
        return None
    place = match_lexicon(toks, k + 2) or ((k + 3, AMBIGUOUS_COUNTRIES[toks[k + 2].text], "Country")
                                           if toks[k + 2].text in AMBIGUOUS_COUNTRIES else None)
    return (place[0], place[1]) if place is not None and place[2] == "Country" else None


def state_by_organ(toks: list[Token], i: int, text: str, *, demonym: bool = True) -> tuple[Mention, int] | None:
    """A mention of the state an organ at ``i`` stands for, and the token after it, else None: "the junta in
    Niger", "authorities in Azerbaijan", and with ``demonym`` "Belarusian authorities", "Chinese state security"
    (not "Russian state media", which only reports)."""
    governed = organ_in_state(toks, i)
    if governed is not None:
        end, state = governed
    else:
        n = len(toks)
        d = state_organ(toks, i) if demonym else 0
        if not d and demonym and i + 2 < n and toks[i + 1].text == "state" and toks[i + 2].text == "security" and \
                toks[i].text.lower() in DEMONYMS:
            d = 1
        if not d:
            return None
        state = DEMONYMS[" ".join(t.text.lower() for t in toks[i:i + d])]
        end = i + d + 1 + (toks[i + d].text == "state")  # "state security": the mention ends at "security"
    e = toks[end - 1].idx + len(toks[end - 1].text)
    return Mention(toks[i].idx, e, text[toks[i].idx:e], "country", "Country", state, country=state), end


def counted_nationals(toks: list[Token], i: int) -> int:
    """The token after "two Danes" / "Two Danes" / "12 Britons" at token ``i`` (counted nationals are no name), else 0."""
    def counts(word: str) -> bool:  # a count, not a year ("two", "12"; not "2019")
        n = count_value(word) if is_count(word) else None
        return n is not None and not 1900 <= n <= 2100

    def plural(k: int) -> bool:
        return k < len(toks) and _cap(toks[k]) and toks[k].text.endswith("s") and not (
            k + 1 < len(toks) and _cap(toks[k + 1]))

    if i and plural(i) and counts(toks[i - 1].text):
        return i + 1
    if _cap(toks[i]) and counts(toks[i].text) and plural(i + 1):
        return i + 2
    return 0


def aged_description(toks: list[Token], i: int, text: str) -> tuple[Mention, int] | None:
    """"the 52-year-old (former ambassador)": news copy's way of going on about the person it just named.

    The mention covers the age and the title or description words after it; coreference gives it the most
    recent person (``extra["recent"]``).
    """
    n = len(toks)
    if not (i + 5 < n and toks[i + 1].text.isdigit() and [t.text for t in toks[i + 2:i + 6]] == ["-", "year", "-", "old"]):
        return None
    j = i + 6
    while j < n and (toks[j].text.lower() in TITLE_WORDS or toks[j].text.lower() in DESCRIPTIONS) and \
            toks[j].text.islower() and toks[j].text not in ("the", "a", "an", "his", "her", "its", "their"):
        j += 1
    end = toks[j - 1].idx + len(toks[j - 1].text)
    return Mention(toks[i].idx, end, text[toks[i].idx:end], "title", titles=tuple(
        t.text.lower() for t in toks[i + 6:j]), extra={"head": "age", "recent": True}), j
