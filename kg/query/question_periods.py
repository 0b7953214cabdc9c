"""Time in a question: period phrases ("in 2017", "since March 2020", "last month") read as a first and
last day, and taken out of the question before names are read.

>>> parsed = ParsedQuestion(text="who did Merkel meet since 2019")
>>> take_period(parsed, "who did merkel meet since 2019", date(2026, 1, 1)).rstrip()
'who did merkel meet'
>>> parsed.period, parsed.period_text
(('2019-01-01', '9999-12-31'), 'since 2019')
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from kg.query.question_parts import ParsedQuestion

#: month names and abbreviations (lower case) -> month number
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
#: a month name, as a regex group
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
#: a date written as a day, a month or a year
DATE = rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{4}}-\d{{1,2}}|{MONTH} \d{{1,2}}(?:st|nd|rd|th)? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {MONTH} \d{{4}}|{MONTH} \d{{4}}|\d{{4}}|{MONTH} \d+)"
#: a period relative to today
RELATIVE = r"(?:last|this|past|previous|next|coming) (?:week|month|year)|yesterday|today|tomorrow|the (?:last|past) \d+ (?:days|weeks|months|years)"


def parse_period(text: str, today: date | None = None) -> tuple[date, date] | None:
    """A period phrase as (first day, last day), or None when it is not a real period.

    >>> parse_period("august 2025")
    (datetime.date(2025, 8, 1), datetime.date(2025, 8, 31))
    >>> parse_period("last month", today=date(2026, 3, 10))
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> parse_period("2025-13") is None
    True
    """
    try:
        return _period(" ".join(text.lower().split()), today or date.today())
    except ValueError:  # year 0, month 13 ...
        return None


def _month_span(y: int, mo: int) -> tuple[date, date]:
    return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])


def _period(text: str, today: date) -> tuple[date, date] | None:
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text)
    if m := re.fullmatch(r"(?:between |from )?(.+?) (?:and|to|until) (.+)", text):
        first, last = _period(m[1], today), _period(m[2], today)
        return (first[0], last[1]) if first and last else None
    if m := re.fullmatch(r"(\d{4})", text):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return _month_span(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"([a-z]+) (\d{4})", text):
        return _month_span(int(m[2]), MONTHS[m[1]]) if m[1] in MONTHS else None
    if m := re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})|(\d{1,2}) ([a-z]+) (\d{4})", text):
        month, day, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        if month not in MONTHS:
            return None
        d = date(int(year), MONTHS[month], int(day))
        return d, d
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if text in ("today", "yesterday", "tomorrow"):
        d = today + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[text])
        return d, d
    if m := re.fullmatch(r"(last|this|past|previous|next|coming) (week|month|year)", text):
        step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
        if m[2] == "year":
            return date(today.year + step, 1, 1), date(today.year + step, 12, 31)
        if m[2] == "month":
            y, mo = divmod(today.year * 12 + today.month - 1 + step, 12)
            return _month_span(y, mo + 1)
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"the (?:last|past) (\d+) (day|week|month|year)s", text):
        n = int(m[1])
        days = n * {"day": 1, "week": 7, "month": 31, "year": 366}[m[2]]
        return today - timedelta(days=min(days, 365 * 200)), today
    return None



def take_period(parsed: ParsedQuestion, low: str, today: date) -> str:
    """``low`` with its period phrase blanked (same length); the period goes into ``parsed``, or a note
    when a phrase looks like a period but is not one ("since the election", "in 2025-13")."""
    patterns = [
        (rf"\bbetween ({DATE}) and ({DATE})\b", "range"),
        (rf"\bfrom ({DATE}) (?:to|until) ({DATE})\b", "range"),
        (rf"\b(?:since|after|from) (?:the (?:start|beginning) of )?({DATE}|{RELATIVE})\b", "since"),
        (rf"\b(?:before|until) (?:the (?:start|beginning) of )?({DATE}|{RELATIVE})\b", "before"),
        (rf"\b(?:in|during|on|over) (?:the year )?({DATE}|{RELATIVE})\b", "in"),
        (rf"\b({RELATIVE})\b", "in"),
        (r"\b(?:in|on|during) (\d{4}-\d+(?:-\d+)?|[a-z]+ 0\d{3}|0\d{3})\b", "bad"),
    ]
    if m := re.search(r"\b(?:since|after|before|until) the (?!year\b|start\b|beginning\b)[a-z][a-z0-9]*(?: (?!of\b)[a-z][a-z0-9]*)?\b", low):
        if not re.search(r"\b\d{4}\b", low[m.start():m.end() + 12]):  # "since the election": an event, not a date
            parsed.notes.append(f"I could not read the period {m[0]!r} (an event, not a date); showing every date.")
            low = low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    for pattern, how in patterns:
        m = re.search(pattern, low)
        if not m:
            continue
        phrase = f"{m[1]} and {m[2]}" if how == "range" else m[1]
        span = parse_period(phrase, today)
        if span is None:
            parsed.notes.append(f"I could not read the period {m[0].strip()!r}; showing every date.")
        else:
            first, last = span
            if how == "since":
                last = date(9999, 12, 31)
            elif how == "before":
                first, last = date(1, 1, 1), first - timedelta(days=1)
            parsed.period = (first.isoformat(), last.isoformat())
            parsed.period_text = m[0].strip()
        return low[:m.start()] + " " * (m.end() - m.start()) + low[m.end():]
    return low

