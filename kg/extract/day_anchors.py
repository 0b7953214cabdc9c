"""Dates stated by reference to the event told before: "the same day", "later that day", "the next day".

A sentence that says its event happened "on the same day" or "the following day" gives no date of its own; the
day is the one the text gave the event before it. Without this, such an event would take the publication date.

>>> anchor_offset("On the same day, A met B."), anchor_offset("The next day they spoke by phone."), anchor_offset("A met B.")
(0, 1, None)
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from kg.extract.dates import find_date

#: "the same day", "that same day", "later that day", "that evening": the day of the event before; "the next
#: day", "the following day", "a day later": one after it; "the day before", "the previous day": one before it
_SAME = re.compile(r"\b(?:(?:on\s+)?the\s+same\s+day|(?:later|earlier)\s+(?:on\s+)?that\s+day|that\s+same\s+day|"
                   r"(?:later|earlier)\s+that\s+(?:morning|afternoon|evening|night)|on\s+that\s+day)\b", re.IGNORECASE)
_NEXT = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after)\b(?!\s+(?:the|a|an|his|"
                   r"her|its|their)\b)", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier|the\s+day\s+before)\b(?!\s+(?:the|a|"
                     r"an|his|her|its|their)\b)", re.IGNORECASE)


def anchor_offset(sentence: str) -> int | None:
    """Days from the event told before that ``sentence`` dates its own by, or None when it does not."""
    if _SAME.search(sentence):
        return 0
    if _NEXT.search(sentence):
        return 1
    if _BEFORE.search(sentence):
        return -1
    return None


def within_sentence(own: str, stext: str, spans: list[tuple[int, int]], published: date | None) -> str | None:
    """The day a clause dates by "the next day" from another clause's date in the same sentence, else None.

    ``own`` is the sentence with the other clauses' dates blanked, ``spans`` those dates: in "X was freed on
    Monday and met Y the next day" the meeting is the day after Monday.

    >>> s = "X was freed on Monday and met Y the next day."
    >>> within_sentence(s[:15] + "      " + s[21:], s, [(15, 21)], date(2026, 11, 19))
    '2026-11-17'
    """
    offset = anchor_offset(own)
    if offset is None:
        return None
    for a, b in spans:
        iso = find_date(stext[a:b], published)[0]
        if iso is not None:
            return (date.fromisoformat(iso[:10]) + timedelta(days=offset)).isoformat()
    return None


def anchored_dates(found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Each (finding, assertion) whose sentence dates it from the event before, dated from that event.

    Only a finding that has no date of its own (none, or the publication date) is changed; the event before is
    the last one, in document order, with a stated date.
    """
    order = sorted(range(len(found)), key=lambda k: found[k][1].evidence.start)
    out = list(found)
    last: date | None = None
    for k in order:
        f, a = out[k]
        offset = anchor_offset(a.evidence.sentence)
        if offset is not None and last is not None and a.claim.date_basis in (None, "published"):
            day = last + timedelta(days=offset)
            out[k] = (f, replace(a, claim=replace(a.claim, date=day.isoformat(), end_date=None, datetime=None,
                                                    date_basis="relative")))
        elif a.claim.date and a.claim.date_basis in ("explicit", "relative") and not a.claim.end_date:
            last = date.fromisoformat(a.claim.date[:10])
    return out
