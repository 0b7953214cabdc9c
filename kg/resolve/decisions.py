"""Analysts' merge/split judgements; the resolver's id mapping is derived from them.

Decisions are data, replayed in order (as nomenklatura's resolver edges): a
``merge`` of ``b`` into ``a`` sends every mention of ``b`` to ``a``'s canonical
id; a later ``split`` of the same pair undoes it.  Chains follow through
(c -> b -> a); a cycle is broken by ignoring the merge that would close it.

>>> m = derive_mapping([ActorDecision("merge", "Q1", "Q2", "same person"),
...                     ActorDecision("merge", "Q2", "Q3", "typo")])
>>> m["Q3"], m["Q2"]
('Q1', 'Q1')
>>> derive_mapping([ActorDecision("merge", "Q1", "Q2", "x"), ActorDecision("split", "Q1", "Q2", "no")])
{}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KINDS = ("merge", "split")


@dataclass(frozen=True)
class ActorDecision:
    """``merge``: mentions of ``b`` resolve to ``a``; ``split``: undo a merge of a and b."""

    kind: str
    a: str
    b: str
    reason: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"decision kind must be one of {KINDS}, got {self.kind!r}")
        if not self.a or not self.b or self.a == self.b:
            raise ValueError(f"a decision needs two different actor ids, got {self.a!r}, {self.b!r}")


def derive_mapping(decisions: Iterable[ActorDecision]) -> dict[str, str]:
    """Map each merged-away id to its final canonical id."""
    parent: dict[str, str] = {}
    for d in decisions:
        if d.kind == "merge":
            root = d.a
            seen = {d.b}
            while root in parent and root not in seen:  # would this merge close a cycle?
                seen.add(root)
                root = parent[root]
            if root != d.b and root not in seen:
                parent[d.b] = d.a
        else:
            for x, y in ((d.a, d.b), (d.b, d.a)):
                if parent.get(y) == x:
                    del parent[y]
    mapping: dict[str, str] = {}
    for b in parent:
        root = b
        while root in parent:
            root = parent[root]
        mapping[b] = root
    return mapping
