"""Chronologies: a line that is only a year heads the dated entries below it.

A timeline writes "2024" on a line of its own and then "12 March - X and Y speak by phone"; the entry's day
and month belong to that year, not to the year the page was published in. :func:`year_headings` finds the
heading each sentence stands under, and :func:`reference_date` gives the date its dates are read against.

>>> lines = ["Timeline\\n", "2024\\n", "12 March - A meets B.\\n", "2025\\n", "9 June - C frees D.\\n"]
>>> year_headings(lines)
{2: 2024, 4: 2025}
>>> reference_date(date(2026, 12, 2), 2024), reference_date(date(2026, 12, 2), 2026), reference_date(None, None)
(datetime.date(2024, 12, 31), datetime.date(2026, 12, 2), None)
"""

from __future__ import annotations

import re
from datetime import date

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
