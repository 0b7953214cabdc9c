"""Consistency checks of a loaded gazetteer (the data test runs them; so can CI).

Row-level problems (bad QIDs, dates, unknown references, duplicate ids) already
fail at load with file, line and field; these are the cross-row rules.

>>> check_gazetteer(Gazetteer.load())
[]
"""

from __future__ import annotations

from collections import defaultdict

from kg.rdf.ids import is_qid
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.records import Position


def overlapping_terms(gaz: Gazetteer) -> list[tuple[Position, Position]]:
    """Pairs of terms of a single-holder office that overlap in time (narrow reading of dates)."""
    found = []
    for office_id, terms in gaz.terms.items():
        if not gaz.offices[office_id].single_holder:
            continue
        spans = sorted((p.strict_interval(), p) for p in terms)
        for i, ((s1, e1), p1) in enumerate(spans):
            for (s2, e2), p2 in spans[i + 1:]:
                if s2 >= e1:
                    break
                if s1 < e2 and p1 != p2:
                    found.append((p1, p2))
    return found


def ambiguous_aliases(gaz: Gazetteer) -> dict[str, list[str]]:
    """Normalised aliases naming several actors without a row in ambiguous_aliases.csv."""
    return {key: sorted({i for i, _ in pairs}) for key, pairs in gaz.keys.items()
            if len({i for i, _ in pairs}) > 1 and key not in gaz.ambiguous}


def check_gazetteer(gaz: Gazetteer) -> list[str]:
    """Every cross-row problem as one readable line; empty when the data is consistent."""
    problems = []
    for p1, p2 in overlapping_terms(gaz):
        problems.append(f"positions.csv: {p1.office} is single-holder but {p1.person} ({p1.start}..{p1.end or 'now'})"
                        f" overlaps {p2.person} ({p2.start}..{p2.end or 'now'})")
    for key, ids in ambiguous_aliases(gaz).items():
        problems.append(f"alias {key!r} names {', '.join(ids)}: add it to ambiguous_aliases.csv or remove one")
    for key in gaz.ambiguous:
        if len({i for i, _ in gaz.keys.get(key, ())}) < 2:
            problems.append(f"ambiguous_aliases.csv: {key!r} is not ambiguous (stale row)")
    for rec in gaz.actors.values():
        if rec.qid and not is_qid(rec.qid):
            problems.append(f"{rec.id}: malformed QID {rec.qid!r}")
        for p in rec.positions:
            lo, hi = p.strict_interval()
            if p.end and hi <= lo and p.start != p.end:
                problems.append(f"positions.csv: {p.person} in {p.office}: end {p.end} not after start {p.start}")
    for office in gaz.offices.values():
        if office.id in gaz.actors:
            problems.append(f"offices.csv: office id {office.id!r} is also an actor id")
    seen = defaultdict(list)
    for rec in gaz.actors.values():
        if rec.qid:
            seen[rec.qid].append(rec.id)
    problems += [f"QID {q} used by several actors: {', '.join(ids)}" for q, ids in seen.items() if len(ids) > 1]
    return problems
