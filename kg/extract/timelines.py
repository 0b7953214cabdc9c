"""Chronologies and programmes: a line that is only a year, or only a day, heads the entries below it.

A timeline writes "2024" on a line of its own and then "12 March - X and Y speak by phone"; the entry's day
and month belong to that year, not to the year the page was published in. :func:`year_headings` finds the
heading each sentence stands under, and :func:`reference_date` gives the date its dates are read against.

>>> lines = ["Timeline\\n", "2024\\n", "12 March - A meets B.\\n", "2025\\n", "9 June - C frees D.\\n"]
>>> year_headings(lines)
{2: 2024, 4: 2025}
>>> reference_date(date(2026, 12, 2), 2024), reference_date(date(2026, 12, 2), 2026), reference_date(None, None)
(datetime.date(2024, 12, 31), datetime.date(2026, 12, 2), None)

A programme writes "Monday 21 September" on a line and its entries below ("- Meeting with X") state no day:
:func:`heading_dates` dates them by the heading (:func:`day_headings`).

>>> day_headings(["Programme\\n", "Monday 21 September\\n", "- Meeting with A.\\n", "Tuesday, 22 Sept.\\n", "- B.\\n"])
{2: 'Monday 21 September', 4: 'Tuesday, 22 Sept.'}
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from kg.extract.dates import find_date
from kg.extract.lexicon import MONTHS

#: a line that holds a year and nothing else ("2024", "2025:")
_YEAR_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*:?\s*$")


def year_headings(texts: list[str]) -> dict[int, int]:
    """The year heading each sentence (by index) stands under; sentences before the first heading have none."""
    out: dict[int, int] = {}
    year: int | None = None
    for i, text in enumerate(texts):
        heading = _YEAR_LINE.match(text)
        if heading:
            year = int(heading.group(1))
        elif year is not None:
            out[i] = year
    return out


def reference_date(published: date | None, year: int | None) -> date | None:
    """The date a sentence under the heading ``year`` is read against: the year's last day, or the publication
    date when it falls in that year (a heading's "12 March" is then this year's, as the page says)."""
    if year is None or (published is not None and published.year == year):
        return published
    return date(year, 12, 31)


_MONTH = r"(?:" + "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
#: a line that holds a day and nothing else ("Monday 21 September", "Tuesday, 22 Sept. 2026:", "September 23")
_DAY_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2})"
                       r"(?:,?\s+\d{4})?\s*:?\s*$", re.IGNORECASE)


def day_headings(texts: list[str]) -> dict[int, str]:
    """The day heading each sentence (by index) stands under, until the next heading or a year heading."""
    out: dict[int, str] = {}
    day: str | None = None
    for i, text in enumerate(texts):
        if _DAY_LINE.match(text):
            day = text.strip().rstrip(":")
        elif _YEAR_LINE.match(text):
            day = None
        elif day is not None:
            out[i] = day
    return out


def heading_dates(found: list[tuple[Any, Any]], texts: list[str], starts: list[int],
                  published: date | None) -> list[tuple[Any, Any]]:
    """Each (finding, assertion) under a day heading that states no date of its own, dated by the heading."""
    days = day_headings(texts)
    if not days:
        return found
    out = []
    for f, a in found:
        k = max((i for i, s in enumerate(starts) if s <= a.evidence.start), default=None)
        day = days.get(k) if k is not None else None
        iso, _end, basis = find_date(day, published) if day and a.claim.date_basis in (None, "published") \
            and a.claim.status == "held" \
            and a.claim.relation != "advises" else (None, None, None)
        if iso is not None:
            a = replace(a, claim=replace(a.claim, date=iso, end_date=None, datetime=None, date_basis=basis))
        out.append((f, a))
    return out
