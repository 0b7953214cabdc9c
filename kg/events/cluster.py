"""Incremental clustering: a new reported event is compared only with the clusters its blocking key selects.

:class:`Clusterer` holds the index (blocking key -> cluster anchors) and the members of each cluster.
Feeding it reports in replay order yields one machine judgement per report: a link to the best cluster
(score and rule) or a new cluster.  The same input always gives the same judgements.

>>> from datetime import date
>>> from kg.events.reported import Reported
>>> def r(i, status, d, doc):
...     return Reported(i * 32, "meets", "Meeting", status, d, "explicit", None, None, None,
...                     frozenset({"x", "y"}), doc, None, None, d, "2025-08-01T00:00:00")
>>> c = Clusterer()
>>> [(j.a[0], j.b[0], j.rule) for j in c.feed([r("a", "planned", date(2025, 8, 15), "d1"),
...                                             r("b", "held", date(2025, 8, 15), "d2"),
...                                             r("c", "held", date(2025, 9, 2), "d3")])]
[('a', 'a', 'new cluster'), ('a', 'b', 'same day'), ('c', 'c', 'new cluster')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from kg.events.judgements import EventJudgement
from kg.events.match import best_match, blocking_key
from kg.events.reported import Reported


class Clusterer:
    """Blocking index over clusters; ``feed`` assigns new reports and returns the judgements made."""

    def __init__(self) -> None:
        self.index: dict[tuple[str, frozenset[str]], set[str]] = {}
        self.members: dict[str, list[Reported]] = {}

    def add(self, anchor: str, report: Reported) -> None:
        """Record ``report`` as a member of the cluster ``anchor`` (and index its block)."""
        self.members.setdefault(anchor, []).append(report)
        key = blocking_key(report)
        if key is not None:
            self.index.setdefault(key, set()).add(anchor)

    def load(self, reports: Mapping[str, Reported], anchor_of: Mapping[str, str]) -> None:
        """Index already-judged reports by their replayed anchors."""
        for aid, anchor in anchor_of.items():
            report = reports.get(aid)
            if report is not None:
                self.add(anchor, report)

    def candidates(self, report: Reported) -> Iterator[tuple[str, list[Reported]]]:
        """The clusters sharing ``report``'s block, in anchor order."""
        key = blocking_key(report)
        for anchor in sorted(self.index.get(key, ())) if key is not None else ():
            yield anchor, self.members[anchor]

    def assign(self, report: Reported) -> EventJudgement:
        """Judge one report against its candidates and add it to the index."""
        anchor, score, rule = best_match(report, self.candidates(report))
        if anchor is None:
            self.add(report.id, report)
            return EventJudgement("link", report.id, report.id, score=0.0, rule="new cluster")
        self.add(anchor, report)
        return EventJudgement("link", anchor, report.id, score=score, rule=rule)

    def feed(self, reports: Iterable[Reported]) -> list[EventJudgement]:
        """Assign every report (already in replay order)."""
        return [self.assign(r) for r in reports]
