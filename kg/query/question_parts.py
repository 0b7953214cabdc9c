"""What a parsed question is made of: :class:`ParsedQuestion` (the typed parts), the :class:`Token` the
readers mark as used, and :class:`QuestionError` for a question that cannot be read at all.

>>> p = ParsedQuestion(text="who did Merkel meet", kind="who", relation="meet", subject="Merkel", asked="object")
>>> p.names, p.to_json()["participants"]["asked"], p.to_json()["filters"]["period"]
(['Merkel'], 'object', None)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class QuestionError(ValueError):
    """The question cannot be read at all (empty, too long)."""


@dataclass
class ParsedQuestion:
    """One question as typed parts (see :mod:`kg.query.question`); ``subject``/``object`` follow the relation's
    direction (``subject`` imposes, pardons, advises, visits, hosts); for ``meet``, ``call`` and ``between``
    they are just the first and second name."""

    text: str
    kind: str = "list"  # when, where, who, count, yesno, list
    relation: str | None = None
    subject: str | None = None
    object: str | None = None
    asked: str | None = None  # which side the question asks for: subject, object or None
    subject_type: str | None = None
    object_type: str | None = None
    status: str | None = None  # planned, held, cancelled, refused, negative (did not / never)
    tense: str | None = None  # future, past or None
    period: tuple[str, str] | None = None  # first and last ISO day
    period_text: str | None = None
    order: str | None = None  # first or last
    place: str | None = None
    count: str | None = None  # events, persons, actors
    unknown: list[str] = field(default_factory=list)  # parts not understood
    notes: list[str] = field(default_factory=list)
    parser: str = "words"

    @property
    def names(self) -> list[str]:
        """The named participants, subject first."""
        return [n for n in (self.subject, self.object) if n]

    def to_json(self) -> dict[str, Any]:
        """The parts as a JSON-ready dict (``participants`` first, then the filters)."""
        data = asdict(self)
        data["participants"] = {"subject": self.subject, "object": self.object, "asked": self.asked,
                                "subject_type": self.subject_type, "object_type": self.object_type}
        data["filters"] = {"status": self.status, "tense": self.tense, "period": list(self.period) if self.period else None,
                           "order": self.order, "place": self.place, "count": self.count}
        for key in ("subject", "object", "asked", "subject_type", "object_type", "status", "tense", "period",
                    "order", "place", "count"):
            data.pop(key)
        return data


@dataclass
class Token:
    """One whitespace word of the question: as written, lower case, its lemma and tag (``REL`` once it is
    read as the relation word); ``used`` once a reader has taken it, so it is not read as a name."""

    text: str  # as written
    low: str
    lemma: str
    pos: str = ""
    used: bool = False

