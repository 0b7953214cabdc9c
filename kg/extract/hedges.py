"""Hedge cues: words that make a claim second-hand or uncertain, and what they cost.

>>> find_hedges("The group reportedly includes eight men, according to state media.")
('reportedly', 'according to')
>>> round(hedged_confidence(0.9, ("reportedly",)), 2)
0.75
"""

from __future__ import annotations

import re

_HEDGES = (
    "reportedly", "according to", "allegedly", "alleged", "claims", "claimed", "claim",
    "purportedly", "reported", "is said to", "are said to", "was said to", "were said to",
    "rumoured", "rumored", "unconfirmed", "is believed to", "are believed to", "sources said",
    "sources say", "it is understood", "apparently", "possibly", "may have", "might have",
)
_HEDGE_RE = re.compile(r"\b(" + "|".join(re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)
#: confidence lost per hedge, and the floor no hedging goes below
PENALTY = 0.15
FLOOR = 0.2


def find_hedges(text: str) -> tuple[str, ...]:
    """The hedge cues in ``text``, lower-cased, in order, without repeats."""
    found: list[str] = []
    for m in _HEDGE_RE.finditer(text):
        cue = m.group(1).lower()
        if cue not in found:
            found.append(cue)
    return tuple(found)


def hedged_confidence(base: float, hedges: tuple[str, ...]) -> float:
    """``base`` lowered by :data:`PENALTY` per hedge, never below :data:`FLOOR`."""
    return max(FLOOR, base - PENALTY * len(hedges)) if hedges else base
