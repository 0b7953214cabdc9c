"""The near-match guard: a claim naming a new actor close to a known one is refused until confirmed.

One function for every face: ``kg assert`` (confirm with ``--new-actor``), ``POST /assertions`` (409, confirm
with ``"new_actor": true``) and the web desk's add form (409, confirm with the "new actor" box).  The refusal
names the near match, so a typo ("Vladmir Putin") never silently creates a second person.

>>> from kg.api import KnowledgeGraph
>>> with KnowledgeGraph.open("memory:") as graph:
...     try:
...         refuse_near_matches(graph, [("subject", "Vladmir Putin")], confirm="--new-actor")
...     except NearActorRefused as exc:
...         print(exc.matches[0].candidates[0].label, "|", "--new-actor" in str(exc))
Vladimir Putin | True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kg.resolve.lookup import Candidate, NearMatcher


@dataclass(frozen=True)
class NearMatch:
    """A name given for ``field`` that no actor has, and the known actors it is close to or looks like."""

    field: str
    name: str
    candidates: tuple[Candidate, ...]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``POST /assertions`` 409 body): field, name, and the candidates with what tells them apart."""
        return {"field": self.field, "name": self.name,
                "near": [{**c.as_dict(), "summary": c.summary()} for c in self.candidates]}


class NearActorRefused(ValueError):
    """One or more names are close to known actors; the message names the first and how to confirm."""

    def __init__(self, matches: list[NearMatch], confirm: str) -> None:
        self.matches, self.confirm = matches, confirm
        first = matches[0]
        known = "; ".join(c.summary() for c in first.candidates)
        more = f" (+{len(matches) - 1} more names)" if len(matches) > 1 else ""
        super().__init__(f"{first.field} {first.name!r} is no known actor but is close to {known}: write the known "
                         f"name, or confirm with {confirm} to create {first.name!r}{more}")


def near_matches_of(graph: Any, names: Iterable[tuple[str, str]]) -> list[NearMatch]:
    """For each ``(field, name)``, the known actors the name is close to when it names none itself."""
    matcher: NearMatcher | None = None
    found: list[NearMatch] = []
    seen: set[str] = set()
    for field, name in names:
        if not name or name in seen:
            continue
        seen.add(name)
        matcher = matcher or NearMatcher(graph)
        near = matcher.near(name)
        if near:
            found.append(NearMatch(field, name, tuple(near)))
    return found


def refuse_near_matches(graph: Any, names: Iterable[tuple[str, str]], *, confirm: str) -> None:
    """Raise :class:`NearActorRefused` naming the near matches, if any (``confirm`` says how to go ahead)."""
    found = near_matches_of(graph, names)
    if found:
        raise NearActorRefused(found, confirm)

