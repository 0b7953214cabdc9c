"""Plain records of the gazetteer: actors, offices, positions held over time.

Dates in the CSV files are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.  A position
covers ``start <= day < end`` (the day a successor takes office belongs to the
successor).  Imprecise bounds are widened for lookups (a start of ``2003``
counts from 2003-01-01, an end of ``2003`` until 2003-12-31) and narrowed for
the overlap check, so a year-precise row never fails the data test spuriously.

>>> p = Position("Q7747", "RU-president", "2012-05-07", "")
>>> p.covers(date(2025, 8, 15)), p.covers(date(2010, 1, 1))
(True, False)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

ACTOR_TYPES = ("Person", "Country", "Organization")
ALIAS_KINDS = ("name", "short", "demonym", "metonym", "acronym", "alias")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)


def parse_bound(text: str, *, end: bool, widen: bool = True) -> date:
    """Parse a possibly imprecise date; ``widen`` picks the generous reading.

    >>> parse_bound("2003", end=False), parse_bound("2003", end=True)
    (datetime.date(2003, 1, 1), datetime.date(2003, 12, 31))
    >>> parse_bound("2003-02", end=False, widen=False)
    datetime.date(2003, 2, 28)
    """
    if not text:
        return FAR_FUTURE if end else FAR_PAST
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    y, mo, d = int(m[1]), m[2], m[3]
    if d:
        return date(y, int(mo), int(d))
    late = end == widen  # widen: early start, late end; narrow: the opposite
    if mo:
        month = int(mo)
        return date(y, month, calendar.monthrange(y, month)[1] if late else 1)
    return date(y, 12, 31) if late else date(y, 1, 1)


@dataclass(frozen=True)
class Position:
    """One term of one person in one office."""

    person: str
    office: str
    start: str = ""
    end: str = ""
    source: str = ""
    note: str = ""

    @property
    def start_date(self) -> date:
        return parse_bound(self.start, end=False)

    @property
    def end_date(self) -> date:
        return parse_bound(self.end, end=True)

    def covers(self, day: date) -> bool:
        """True when the term includes ``day`` (end day excluded when precise)."""
        if not self.start_date <= day:
            return False
        if not self.end:
            return True
        return day < self.end_date if len(self.end) == 10 else day <= self.end_date

    def strict_interval(self) -> tuple[date, date]:
        """The narrowest reading of the term, used to detect overlaps."""
        return parse_bound(self.start, end=False, widen=False), parse_bound(self.end, end=True, widen=False)


@dataclass(frozen=True)
class Office:
    """A post such as ``RU-president``; ``holder`` is the country/org actor id."""

    id: str
    label: str
    holder: str
    kind: str
    single_holder: bool = True
    titles: tuple[str, ...] = ()
    qid: str = ""


@dataclass(frozen=True)
class Alias:
    """An alias text as written, with its kind (see :data:`ALIAS_KINDS`)."""

    text: str
    kind: str = "alias"


@dataclass(frozen=True)
class ActorRecord:
    """A known actor: person, country (its government) or organisation."""

    id: str
    name: str
    type: str
    qid: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""
    positions: tuple[Position, ...] = ()
    alias_kinds: tuple[Alias, ...] = field(default=(), repr=False)
    surname: str = ""
    note: str = ""
