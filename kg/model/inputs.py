"""Validated input at the edge: an analyst's sourced claim (CLI, CSV/YAML, HTTP).

Every error names the field and what is wrong, in one line.

>>> c = ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin",
...                source="https://example.org/a", reliability="B", credibility=2, date="2025-08-15")
>>> c.relation, c.date.isoformat()
('meets', '2025-08-15')
>>> try:
...     ClaimInput(subject="A", relation="meet", object="B", source="https://x.org")
... except ValueError as exc:
...     print(one_line_error(exc))
relation: unknown relation 'meet'; did you mean meets?
"""

from __future__ import annotations

import difflib
import re
import datetime as dt
from typing import Any
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kg.model.core import ACTOR_TYPES, RELATIONS, STATUSES

_ALIASES = {r.lower(): r for r in RELATIONS} | {"talks": "talksWith", "talks-with": "talksWith", "talks_with": "talksWith"}
_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|urn:[a-z0-9][a-z0-9-]{0,31}:\S+|doi:10\.\S+)$", re.IGNORECASE)


def normalise_relation(value: str) -> str:
    """Map a relation name (any case, ``talks``) to its canonical name or raise ValueError."""
    key = value.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    close = difflib.get_close_matches(key, list(_ALIASES), n=2, cutoff=0.5)
    hint = f"; did you mean {' or '.join(_ALIASES[c] for c in close)}?" if close else f"; expected one of {', '.join(RELATIONS)}"
    raise ValueError(f"unknown relation {value!r}{hint}")


def parse_when(value: str | date | datetime, field: str = "date") -> date | datetime:
    """Parse an ISO 8601 date or date-time; raise ValueError naming the field."""
    if isinstance(value, (date, datetime)):
        return value
    text = str(value).strip()
    try:
        if "T" in text or " " in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{field} {text!r} is not an ISO 8601 date (YYYY-MM-DD)") from None


class ClaimInput(BaseModel):
    """An analyst's claim: SUBJECT RELATION OBJECT with a required source."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    subject: str
    relation: str
    object: str
    source: str
    quote: str | None = None
    published: dt.date | dt.datetime | None = None
    analyst: str = "analyst"
    reliability: str = "F"
    credibility: int = 6
    date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    status: str = "held"
    count: int | None = None
    subject_type: str | None = None
    object_type: str | None = None
    subject_role: str | None = None
    object_role: str | None = None
    confidence: float = 1.0

    @field_validator("subject", "object")
    @classmethod
    def _actor(cls, value: str) -> str:
        if not value:
            raise ValueError("must not be empty")
        if len(value) > 300:
            raise ValueError("is longer than 300 characters")
        return value

    @field_validator("subject_role", "object_role")
    @classmethod
    def _role(cls, value: str | None) -> str | None:
        if value and len(value) > 120:
            raise ValueError("is longer than 120 characters")
        return value or None

    @field_validator("relation")
    @classmethod
    def _relation(cls, value: str) -> str:
        return normalise_relation(value)

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if not value:
            raise ValueError("a source is required (a URL such as https://..., urn: or doi:)")
        if not _URL.match(value):
            raise ValueError(f"{value!r} is not a URL (https://...), urn: or doi: identifier")
        return value

    @field_validator("published", "date", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        if value in (None, ""):
            return None
        return parse_when(value)

    @field_validator("date", mode="after")
    @classmethod
    def _date_only(cls, value: Any) -> Any:
        return value.date() if isinstance(value, dt.datetime) else value

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, value: str) -> str:
        if len(value) != 1 or value.upper() not in "ABCDEF":
            raise ValueError(f"{value!r} is not a source reliability grade A-F")
        return value.upper()

    @field_validator("credibility")
    @classmethod
    def _credibility(cls, value: int) -> int:
        if not 1 <= value <= 6:
            raise ValueError(f"{value} is not an information credibility grade 1-6")
        return value

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value.lower() not in STATUSES:
            raise ValueError(f"{value!r} is not one of {', '.join(STATUSES)}")
        return value.lower()

    @field_validator("time")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        if value and not re.match(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", value):
            raise ValueError(f"{value!r} is not a clock time HH:MM")
        return value or None

    @field_validator("subject_type", "object_type")
    @classmethod
    def _actor_type(cls, value: str | None) -> str | None:
        if value is None:
            return None
        matches = [t for t in ACTOR_TYPES if t.lower() == value.lower()]
        if not matches:
            raise ValueError(f"{value!r} is not one of {', '.join(ACTOR_TYPES)}")
        return matches[0]

    @field_validator("confidence")
    @classmethod
    def _confidence(cls, value: float) -> float:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{value} is not in [0, 1]")
        return value

    @field_validator("count")
    @classmethod
    def _count(cls, value: int | None) -> int | None:
        if value is not None and value < 0:
            raise ValueError("must not be negative")
        return value

    @field_validator("analyst")
    @classmethod
    def _analyst(cls, value: str) -> str:
        if not re.match(r"^[\w.@-]{1,64}$", value):
            raise ValueError(f"{value!r} is not an analyst ID (letters, digits, . _ - @; at most 64)")
        return value


def one_line_error(exc: Exception) -> str:
    """A pydantic ValidationError (or any error) as one line naming the field."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "input"
        message = str(first["msg"]).removeprefix("Value error, ")
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return f"{field}: {message}{more}"
    return " ".join(str(exc).split())
