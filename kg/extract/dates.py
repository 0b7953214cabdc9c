"""Dates and clock times stated in a sentence, normalised against the publication date.

``date_basis`` says where a date came from: ``explicit`` (written in the
sentence), ``relative`` ("today", "on Friday", "next month", resolved against
the publication date) or ``published`` (nothing stated; the publication date).
Vague dates ("next month", "next year") become an interval: the first day as
the date and the last day as ``end_date``.

>>> from datetime import date
>>> find_date("They met on Friday.", date(2025, 8, 15), future=False)
('2025-08-15', None, 'relative')
>>> find_date("He will go there on Monday.", date(2025, 8, 15), future=True)
('2025-08-18', None, 'relative')
>>> find_date("An order of June 24 imposed it.", date(2019, 7, 31), future=False)
('2019-06-24', None, 'explicit')
>>> find_date("They will meet next month.", date(2014, 12, 8), future=True)
('2015-01-01', '2015-01-31', 'relative')
>>> find_date("Scholz and Xi last met in Beijing in 2022.", date(2024, 4, 16))
('2022-01-01', '2022-12-31', 'explicit')
>>> find_date("They met in March 2019 in Hanoi.", date(2024, 4, 16))
('2019-03-01', '2019-03-31', 'explicit')
>>> find_time("at 11:30 a.m. local time (19:30 GMT)")
('11:30', '-08:00')
>>> to_datetime("2025-08-15", "11:30", "-08:00")
'2025-08-15T11:30:00-08:00'
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from kg.extract.lexicon import MONTHS, WEEKDAYS

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MDY = re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})(?:,?\s+(\d{{4}}))?\b")  # "12 Nov", "the 12th of November"
#: a date in figures, day first as most of the world writes it ("12/11/2026", "02.10.2026"); month first when the
#: day cannot be one ("11/28/2026")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
#: a stated month and year, or a bare year after "in"/"since" ("in March 2019", "in 2022", a fronted "In 2015,"):
#: an interval
_MONTH_YEAR = re.compile(rf"\b(?i:in|during|of)\s+(?i:(?:early|mid|late)[- ])?({_MON})\s+((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b(?i:in|during)\s+(?i:(?:early|mid|late)[- ])?((?:19|20)\d\d)\b(?![-/]\d)")
#: a month without a year after a word that makes it a date ("in March", "last November", "by early June"): the
#: nearest such month in the stated direction, as an interval; "the March on Rome" is no date
_MONTH_ALONE = re.compile(rf"\b((?i:in|during|since|by|last|next|this|until|from))\s+(?i:(?:early|mid|late)[- ])?({_MON})\b(?![ \t]*\d)")
_WEEKDAY = re.compile(r"\b(?i:on\s+|last\s+|next\s+|this\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = re.compile(r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|tomorrow|this weekend|next weekend|"
                       r"last weekend|this week|next week|last week|this month|"
                       r"next month|last month|next year|last year)\b", re.IGNORECASE)
_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|AM|PM|am|pm)?(?=[\s,.;)]|$)"
                   r"(?:\s*(local time|GMT|UTC|[ECMP][SD]T|CES?T|MSK|BST|AKDT|AKST|JST|IST))?")
_PAREN_UTC = re.compile(r"\(\s*(\d{1,2}):(\d{2})\s*(?:GMT|UTC)\s*\)")
_ZONES = {"GMT": 0, "UTC": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
          "MDT": -360, "PST": -480, "PDT": -420, "CET": 60, "CEST": 120, "MSK": 180, "BST": 60,
          "AKDT": -480, "AKST": -540, "JST": 540, "IST": 330}


def _in_figures(m: re.Match[str]) -> date | None:
    """The date of a match of (day, month, year) in figures: day first, month first when the day cannot be one
    ("11/28/2026")."""
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    return _safe(year, second, first) if second <= 12 else _safe(year, first, second)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date | None, future: bool) -> int | None:
    if published is None:
        return None
    year = published.year
    cand = _safe(year, month, day)
    if cand is None:
        return None
    # a month-day without a year is the nearest such day in the stated direction
    if future and cand < published - timedelta(days=31):
        return year + 1
    if not future and cand > published + timedelta(days=31):
        return year - 1
    return year


def find_date(text: str, published: date | None, *,
              future: bool = False) -> tuple[str | None, str | None, str | None]:
    """The date ``text`` states, as (ISO date, ISO end date of a vague interval, basis); Nones when absent.

    A dated dateline that opens ``text`` dates the story, not its event: it is skipped (its date is the
    publication date that "on Tuesday" and "today" are read against).

    >>> find_date("DAKAR, July 10, 2025 - Faye hosted Mahama on July 8.", date(2025, 7, 10))
    ('2025-07-08', None, 'explicit')
    """
    cut = dateline_span(text)
    if cut:
        text = " " * cut + text[cut:]
    m = _ISO.search(text)
    if m and _safe(int(m[1]), int(m[2]), int(m[3])):
        return m.group(0), None, "explicit"
    m = _NUMERIC.search(text)
    numeric = _in_figures(m) if m else None
    if numeric is not None:
        return numeric.isoformat(), None, "explicit"
    for rx, order in ((_MDY, "md"), (_DMY, "dm")):
        m = rx.search(text)
        if m:
            mon, day = (m[1], m[2]) if order == "md" else (m[2], m[1])
            month, d = _month(mon), int(day)
            year = int(m[3]) if m[3] else _year_for(month, d, published, future)
            if year and _safe(year, month, d):
                return date(year, month, d).isoformat(), None, "explicit"
    m = _MONTH_YEAR.search(text)
    if m:
        year, month = int(m[2]), _month(m[1])
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        return date(year, month, 1).isoformat(), date(year, month, last).isoformat(), "explicit"
    m = _YEAR.search(text)
    if m:
        return f"{m[1]}-01-01", f"{m[1]}-12-31", "explicit"
    if published is None:
        return None, None, None
    m = _RELATIVE.search(text)
    if m:
        start, end = _relative(m.group(1).lower(), published)
        return start, end, "relative"
    m = _MONTH_ALONE.search(text)
    if m and not (m[2] == "May" and re.match(r"\s+[A-Z][a-z]", text[m.end():])):  # "by May Chan" names a person
        start, end = _month_alone(m[1].lower(), _month(m[2]), published, future)
        return start, end, "relative"
    m = _WEEKDAY.search(text)
    if m:
        target = WEEKDAYS.index(m.group(1).lower())
        delta = (target - published.weekday()) % 7
        prefix = m.group(0).split()[0].lower()
        if prefix == "next" or (future and prefix != "last"):
            day = published + timedelta(days=delta or (7 if prefix == "next" else 0))
        else:
            day = published - timedelta(days=(published.weekday() - target) % 7)
        return day.isoformat(), None, "relative"
    return None, None, None


def _month_alone(word: str, month: int, pub: date, future: bool) -> tuple[str, str]:
    """The month ``word month`` names seen from ``pub``: "last"/"next" step to the year before or after when the
    month is the current one; otherwise the nearest such month, ahead when ``future``, behind when not.

    >>> _month_alone("in", 3, date(2026, 11, 19), future=False)
    ('2026-03-01', '2026-03-31')
    >>> _month_alone("in", 1, date(2026, 11, 19), future=True)
    ('2027-01-01', '2027-01-31')
    >>> _month_alone("last", 11, date(2026, 11, 19), future=False)
    ('2025-11-01', '2025-11-30')
    """
    year = pub.year
    ahead = {"next": True, "last": False, "since": False}.get(word, future)
    if ahead and (month < pub.month or (month == pub.month and word == "next")):
        year += 1
    elif not ahead and (month > pub.month or (month == pub.month and word == "last")):
        year -= 1
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return date(year, month, 1).isoformat(), last.isoformat()


#: a sentence whose time is told from another event ("two days after the vote", "on the eve of the summit"): the
#: publication date does not date it
_ANCHORED = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|several|a few|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
                       r"(?:after|before|since|following|ahead of)|on the eve of|in the run-up to|shortly (?:after|before)|"
                       r"(?:days|weeks|months|hours) (?:after|before|later|earlier))\b", re.IGNORECASE)


def anchored_elsewhere(text: str) -> bool:
    """True when ``text`` dates its event from another event rather than from the day of writing.

    >>> anchored_elsewhere("They met two days after the vote in Riga.")
    True
    >>> anchored_elsewhere("They met on Friday in Riga.")
    False
    """
    return _ANCHORED.search(text) is not None


def _relative(word: str, pub: date) -> tuple[str, str | None]:
    """(start, end) of a relative expression; end is None for a single day."""
    if word in ("today", "tonight") or word.startswith("this ") and not word.endswith(("week", "month", "year")):
        return pub.isoformat(), None
    if word == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), None
    if word == "tomorrow":
        return (pub + timedelta(days=1)).isoformat(), None
    if word.endswith("weekend"):  # the Saturday and Sunday of that week ("last weekend": the one before this week)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days={"this": 0, "next": 7, "last": -7}[word.split()[0]])
        return (monday + timedelta(days=5)).isoformat(), (monday + timedelta(days=6)).isoformat()
    if word.endswith("week"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days={"this": 0, "next": 7, "last": -7}[word.split()[0]])
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if word.endswith("year"):
        year = pub.year + (1 if word.startswith("next") else -1)
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = pub.month + {"this month": 0, "next month": 1, "last month": -1}[word]
    year = pub.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    first = date(year, month, 1)
    last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    return first.isoformat(), last.isoformat()


def _fmt_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def find_time(text: str) -> tuple[str | None, str | None]:
    """The first clock time in ``text`` as (local ``HH:MM``, UTC offset or None)."""
    for m in _TIME.finditer(text):
        hour, minute, ampm, zone = int(m[1]), int(m[2] or 0), (m[3] or "").lower(), m[4]
        if not m[2] and not ampm:
            continue  # a bare number is not a time
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            continue
        local = f"{hour:02d}:{minute:02d}"
        offset = None
        if zone == "local time" or zone is None:
            utc = _PAREN_UTC.search(text, m.end())
            if utc and utc.start() - m.end() < 20:
                diff = (hour * 60 + minute) - (int(utc[1]) * 60 + int(utc[2]))
                diff = (diff + 12 * 60) % (24 * 60) - 12 * 60
                offset = _fmt_offset(diff)
        elif zone in _ZONES:
            offset = _fmt_offset(_ZONES[zone])
        return local, offset
    return None, None


def to_datetime(iso_date: str | None, time: str | None, offset: str | None) -> str | None:
    """An xsd:dateTime when a full date, a time and an offset are all known."""
    if not (iso_date and time and offset) or len(iso_date) != 10:
        return None
    return f"{iso_date}T{time}:00{offset}"


def parse_published(value: str | date | datetime | None) -> date | None:
    """Coerce a publication date (ISO text, date or datetime) to a date.

    >>> parse_published("2022-02-26T14:30:00+04:00")
    datetime.date(2022, 2, 26)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from dateutil import parser

    return parser.parse(str(value)).date()


#: how far into a document its own date line is looked for (a headline, a dateline, a byline)
_HEAD_CHARS = 600
#: a line that is only a date ("March 6, 2018", "6 March 2018", "2018-03-06"), or a dateline ("CAIRO – 19 July 2023:")
_DATE_LINE = re.compile(rf"^[ \t]*(?:[A-Z][A-Za-z .,'’/-]{{1,40}}\s*[—–-]{{1,2}}\s*)?"
                        r"(?:(?:By [A-Z][\w.'’ -]{1,40}?\s+)?(?:Published|Updated|Posted|First published)(?: on)?:?\s*)?"
                        r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?"
                        rf"(?:({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON}),?\s+(\d{{4}})"
                        r"|(\d{4})-(\d{2})-(\d{2}))\b", re.MULTILINE)


#: a dateline with the place and a date in figures, day first ("Bern, 20.11.2026 -", "Geneva, 03/11/2026 -")
_NUMERIC_DATELINE = re.compile(r"^[ \t]*[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+)?,\s*(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)"
                               r"\s*[—–-]{1,2}\s", re.MULTILINE)
#: a dateline that names its place first and carries a date: "LONDON, 2 February 2025 —", "VILNIUS, March 14, 2024
#: (Reuters) -", "KYIV, Ukraine, Sept. 3, 2024 /PRNewswire/ --", "NEW DELHI, 12 May 2023:"
_PLACE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?(?:\s*\([A-Za-z][\w .]{0,20}\))?,\s+"
    r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
    rf"(?:({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON}),?\s+(\d{{4}}))"
    r"(?:\s*\([A-Za-z][\w .]{0,20}\)|\s*/[^/\n]{1,30}/)?\s*(?:[—–:]|--?)", re.MULTILINE)
#: a news dateline at the start of a paragraph: upper-case places, an optional date and agency, then a dash
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?"
                      r"(?:,\s*\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?(?:,?\s*\d{4})?(?:\s*\([A-Za-z][\w .]{0,20}\))?\s*[—–-]{1,2}\s|"
                      + _NUMERIC_DATELINE.pattern, re.MULTILINE)  # "Bern, 20.11.2026 -": a place in any case
#: a dateline that opens with its date: "March 3, 2024 (Reuters) -", "19 July 2023 —"
_DATE_DATELINE = re.compile(
    rf"^[ \t]*(?:({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON}),?\s+(\d{{4}}))"
    r"(?:\s*\([A-Za-z][\w .]{0,20}\)|\s*/[^/\n]{1,30}/)?\s*(?:[—–:]|--?)\s")


def _dated(m: re.Match[str]) -> date | None:
    if m[1]:
        return _safe(int(m[3]), _month(m[1]), int(m[2]))
    return _safe(int(m[6]), _month(m[5]), int(m[4]))


def dateline_span(text: str) -> int:
    """Where a dated dateline at the start of ``text`` ends (0 when it opens with none).

    The dateline's date is the day the story was filed, not the date of what the sentence reports.

    >>> s = "DAKAR, July 10, 2025 - Faye hosted Mahama on July 8."
    >>> s[dateline_span(s):]
    ' Faye hosted Mahama on July 8.'
    >>> dateline_span("They met on March 6, 2018 in Oslo.")
    0
    """
    m = _PLACE_DATELINE.match(text) or _DATE_DATELINE.match(text) or _NUMERIC_DATELINE.match(text)
    return m.end() if m else 0


def stated_publication(text: str) -> date | None:
    """The document's own date, from a date line or dateline near its top (None when there is none).

    Press releases and readouts print their date under the headline; it anchors their
    relative dates ("on Monday") when no publication date came with the document.

    >>> stated_publication("Leaders talk\\n\\nMarch 6, 2018\\n\\nOn Tuesday they spoke.")
    datetime.date(2018, 3, 6)
    >>> stated_publication("CAIRO – 19 July 2023:  The president pardoned 30 people.")
    datetime.date(2023, 7, 19)
    >>> stated_publication("They met on March 6, 2018 in Oslo.") is None
    True
    >>> stated_publication("Talks held\\n\\nWed, 19 Jul 2023 - 04:35 GMT\\n\\nThe two met.")
    datetime.date(2023, 7, 19)
    >>> stated_publication("Sanctions\\n\\nLONDON, 2 February 2025 — Britain today sanctioned two commanders.")
    datetime.date(2025, 2, 2)
    >>> stated_publication("KYIV, Ukraine, Sept. 3, 2024 /PRNewswire/ -- The minister met envoys.")
    datetime.date(2024, 9, 3)
    >>> stated_publication("Talks held\\nBy Ana Ruiz Published: Sat 26 Feb 2022, 2:30 PM\\nThey met.")
    datetime.date(2022, 2, 26)
    >>> stated_publication("Measures\\n\\nBern, 20.11.2026 - The department imposed sanctions today.")
    datetime.date(2026, 11, 20)
    """
    head = text[:_HEAD_CHARS]
    m = _DATE_LINE.search(head)
    place = _PLACE_DATELINE.search(head)
    numeric = _NUMERIC_DATELINE.search(head)  # "Bern, 20.11.2026 -": day first
    if numeric is not None and (m is None or numeric.start() < m.start()) and (place is None or numeric.start() < place.start()):
        return _in_figures(numeric)
    if place is not None and (m is None or place.start() < m.start()):
        return _dated(place)
    if m is None:
        return None
    if m[1]:
        return _safe(int(m[3]), _month(m[1]), int(m[2]))
    if m[5]:
        return _safe(int(m[6]), _month(m[5]), int(m[4]))
    return _safe(int(m[7]), int(m[8]), int(m[9]))
