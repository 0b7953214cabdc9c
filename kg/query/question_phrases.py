"""The question's text before it is split into words: normalised, then its order words, its place and
its fixed phrases taken out.  Every step keeps the lower-case text the same length as the question
(spans are blanked or replaced by a padded word), so names keep the casing they were written with.

>>> parsed = ParsedQuestion(text="when did Merkel and Macron last meet in Berlin")
>>> text = normalise(parsed.text)
>>> low = take_place(parsed, text, take_order(parsed, text.lower()))
>>> parsed.order, parsed.place, restore_case(text, low).split()
('last', 'Berlin', ['when', 'did', 'Merkel', 'and', 'Macron', 'meet'])
"""

from __future__ import annotations

import re

from kg.query.question_parts import ParsedQuestion
from kg.query.question_periods import MONTH
from kg.query.question_words import AUX, NOT_PLACES, ORDER_WORDS, PHRASES, RELATION_WORDS, STATUS_WORDS


def normalise(question: str) -> str:
    """Plain apostrophes, no question marks or stray punctuation, single spaces (case kept).

    >>> normalise("  When is Trump meeting with Putin?? ")
    'When is Trump meeting with Putin'
    """
    text = question.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[?!;:\"“”()\[\]]+|[.,](?!\d)", " ", text)
    text = re.sub(r"\bdidn't\b", "did not", text, flags=re.IGNORECASE)
    text = re.sub(r"\b(\w+)n't\b", r"\1 not", text, flags=re.IGNORECASE)
    text = re.sub(r"(\w)'s\b", r"\1 's", text)
    return " ".join(text.split())



def blank(pattern: str, low: str, word: str = "") -> str:
    """``low`` with each match of ``pattern`` replaced by ``word`` padded with spaces to the same length."""
    return re.sub(pattern, lambda m: (" " + word).ljust(len(m[0]))[:len(m[0])], low)


def original(text: str, low_part: str) -> str:
    """``low_part`` (lower case) as written in ``text``."""
    i = text.lower().find(low_part)
    return text[i:i + len(low_part)] if i >= 0 else low_part


def restore_case(text: str, low: str) -> str:
    """``low`` with the original casing wherever its characters are unchanged from ``text``."""
    if len(low) != len(text):
        return low
    return "".join(o if o.lower() == c else c for o, c in zip(text, low))



def take_order(parsed: ParsedQuestion, low: str) -> str:
    """``low`` with its order words ("first", "last", "most recent") blanked; the order goes into ``parsed``."""
    for pattern, order in ORDER_WORDS:
        if re.search(pattern, low):
            parsed.order = order
            low = blank(pattern, low)
    if re.search(r"\b(?:last|first)\b", low):
        parsed.order = parsed.order or ("last" if re.search(r"\blast\b", low) else "first")
        low = blank(r"\b(?:last|first)\b", low)
    return low


def take_place(parsed: ParsedQuestion, text: str, low: str) -> str:
    """``low`` with its place phrase blanked: "in X" / "at X" that is not a period (take periods out first);
    it ends where the question goes on.  The place, as written in ``text``, goes into ``parsed``."""
    if m := re.search(r"\b(?:in|at|during) (?:the )?([\w'\- .]+?)(?= (?:with|and|since|before|after|on|when)\b|$)", low):
        words = m[1].split()
        cut = next((k for k, w in enumerate(words) if w in RELATION_WORDS or w in STATUS_WORDS or w in AUX
                    or w in ("not", "never")), len(words))
        place = " ".join(words[:cut])
        end = m.start(1) + len(m[1]) - len(m[1].lstrip()) + len(place) if place else m.end()
        datelike = re.fullmatch(rf"[\d\-/ ]+|{MONTH} [\d ]+", place)
        if place and not datelike and words[0] not in RELATION_WORDS and place not in NOT_PLACES:
            parsed.place = original(text, place)
            low = low[:m.start()] + " " * (end - m.start()) + low[end:]
        elif place and datelike:
            parsed.notes.append(f"I could not read the period {place!r}; showing every date.")
            low = low[:m.start()] + " " * (end - m.start()) + low[end:]
    return low


def take_phrases(parsed: ParsedQuestion, low: str) -> str:
    """``low`` with phrases read as one word ("held talks" -> "meet"), padded to the same length;
    "called off" also sets the status."""
    if re.search(r"\bcall(?:s|ed)? off\b", low):
        parsed.status = "cancelled"
    for pattern, word in PHRASES:
        low = blank(pattern, low, word)
    return low
