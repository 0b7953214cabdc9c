"""Counts written in words, in figures, or in both ("one thousand two hundred and eighty-seven (1,287)").

Official texts often spell a count out and repeat it in figures; wire copy spells small counts and writes
large ones in figures. :data:`COUNT` matches any of these forms as one phrase, and :func:`count_value`
reads the number it states (the figures when both are given).

>>> count_value("one thousand two hundred and eighty-seven (1,287)")
1287
>>> count_value("forty-three"), count_value("43 (forty-three)"), count_value("2,300")
(43, 43, 2300)
"""

from __future__ import annotations

import re

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
#: every word a spelled-out count is made of, and its value
NUMBER_WORDS: dict[str, int] = {**{w: i for i, w in enumerate(_UNITS)},
                                **{w: 20 + 10 * i for i, w in enumerate(_TENS)}, **_SCALES}

_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
#: a spelled-out count: "forty-three", "one thousand two hundred and eighty-seven" (a scale word never opens it)
_SPOKEN = (rf"(?!(?:hundred|thousand|million)\b){_WORD}(?:[\s-]+(?:and\s+)?{_WORD})*\b"
           r"(?!s\b)")  # "thousands" is no count
_FIGURES = r"\d[\d,]*(?<!,)"
#: a count in words, figures or both ("forty-three (43)", "43 (forty-three)")
COUNT = rf"(?:{_FIGURES}(?:\s*\((?i:{_SPOKEN})\))?|(?i:{_SPOKEN})(?:\s*\({_FIGURES}\))?)"
_COUNT_RX = re.compile(COUNT)


def _spoken(words: str) -> int | None:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        value = NUMBER_WORDS.get(w)
        if value is None:
            return None
        if w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million"):
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def count_value(phrase: str) -> int | None:
    """The number a count phrase states: its figures when it gives them, else its words; None for no count."""
    figures = re.search(r"\d[\d,]*", phrase)
    if figures:
        raw = figures.group(0).replace(",", "")
        return int(raw) if raw.isdigit() else None
    if not re.fullmatch(_SPOKEN, phrase.strip(), re.IGNORECASE):
        return None
    return _spoken(phrase)


def is_count(phrase: str) -> bool:
    """True when ``phrase`` is, as a whole, a count in words or figures."""
    return _COUNT_RX.fullmatch(phrase.strip()) is not None
