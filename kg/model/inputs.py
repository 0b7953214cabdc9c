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

Text is cleaned at the edge: control characters are refused in every field, and actor names are
NFKC-normalised with invisible format characters (``Cf``: soft hyphen, word joiner, zero-width space)
removed; bidirectional controls and names mixing look-alike scripts (a Cyrillic "Р" in a Latin name)
are refused:

>>> ClaimInput(subject="Vla\u00addimir  Putin", relation="meets", object="B", source="https://x.org").subject
'Vladimir Putin'
>>> try:
...     ClaimInput(subject="\u0420utin", relation="meets", object="B", source="https://x.org")
... except ValueError as exc:
...     print(one_line_error(exc))
subject: '\u0420utin' mixes Cyrillic and Latin letters (a look-alike of another name?); write it in one script
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import datetime as dt
from typing import Any
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kg.model.core import ACTOR_TYPES, STATUSES
from kg.model.relation_types import relation_types
_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|urn:[a-z0-9][a-z0-9-]{0,31}:\S+|doi:10\.\S+)$", re.IGNORECASE)


#: scripts whose letters look alike: a name mixing two of them is refused
LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")
#: bidirectional embeddings, overrides and isolates: they make a name display as something else
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_KEEP_IN_TEXT = frozenset("\t\n\r")


def refuse_control(value: str, *, allow: frozenset[str] = frozenset()) -> str:
    r"""``value`` unless it holds a control character (Unicode Cc, a surrogate or a noncharacter).

    >>> refuse_control("Ann\x00 Lee")
    Traceback (most recent call last):
    ValueError: contains the control character U+0000 at position 4
    """
    for at, ch in enumerate(value, 1):
        if ch in allow:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs") or (0xFDD0 <= ord(ch) <= 0xFDEF) or (ord(ch) & 0xFFFE) == 0xFFFE:
            raise ValueError(f"contains the control character U+{ord(ch):04X} at position {at}")
    return value


def scripts_of(text: str) -> set[str]:
    """Look-alike scripts (:data:`LOOKALIKE_SCRIPTS`) whose letters occur in ``text``.

    >>> sorted(scripts_of("Vladimir \u0420utin"))
    ['CYRILLIC', 'LATIN']
    """
    found = set()
    for ch in text:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ", 1)[0]
            if script in LOOKALIKE_SCRIPTS:
                found.add(script)
    return found


def fold_name(value: str) -> str:
    """NFKC, format characters (Cf) removed, whitespace collapsed; refuses nothing (for look-ups).

    >>> fold_name("Vla\u00addimir\u2009 Putin")
    'Vladimir Putin'
    """
    text = unicodedata.normalize("NFKC", value)
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Cf").split())


def clean_name(value: str) -> str:
    """An actor name as stored: NFKC, format characters (Cf) removed, whitespace collapsed.

    Raises ValueError for control characters, bidirectional controls and names mixing look-alike
    scripts.

    >>> clean_name("Vla\u2060dimir\u00a0Putin")
    'Vladimir Putin'
    """
    refuse_control(value)
    bidi = next((ch for ch in value if ch in BIDI_CONTROLS), None)
    if bidi is not None:
        raise ValueError(f"contains the bidirectional control U+{ord(bidi):04X}; "
                         "the name would display differently from what is stored")
    text = fold_name(value)
    scripts = scripts_of(text)
    if len(scripts) > 1:
        names = " and ".join(sorted(s.title() for s in scripts))
        raise ValueError(f"{text!r} mixes {names} letters (a look-alike of another name?); write it in one script")
    return text


def normalise_relation(value: str) -> str:
    """Map a relation name (any case, ``talks``) to its canonical name or raise ValueError."""
    types = relation_types()
    aliases = {form: name for name, t in types.items() for form in t.spellings()}
    key = " ".join(value.strip().lower().split())
    if key in aliases:
        return aliases[key]
    close = difflib.get_close_matches(key, list(aliases), n=2, cutoff=0.5)
    names = list(dict.fromkeys(aliases[c] for c in close))
    hint = f"; did you mean {' or '.join(names)}?" if close else f"; expected one of {', '.join(types.names())}"
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

    @field_validator("*", mode="before")
    @classmethod
    def _no_control(cls, value: Any, info: Any) -> Any:
        if isinstance(value, str):
            return refuse_control(value, allow=_KEEP_IN_TEXT if info.field_name == "quote" else frozenset())
        return value

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
        if len(value) > 300:
            raise ValueError("is longer than 300 characters")
        value = clean_name(value)
        if not value:
            raise ValueError("must not be empty")
        return value

    @field_validator("subject_role", "object_role")
    @classmethod
    def _role(cls, value: str | None) -> str | None:
        if value and len(value) > 120:
            raise ValueError("is longer than 120 characters")
        return clean_name(value) if value else None

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
