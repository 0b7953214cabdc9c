"""Same event or not: blocking keys and the scored match of a reported event against a cluster.

Blocking is deterministic: two reports can be one event only when they share the **block** (contact:
meetings and calls; release: pardons and releases; sanctions; advisory) and the **set of named
participants** after actor resolution.  Inside a block a pair is scored; a meeting and a call are one
event only when one article reports both (its "talks" at a summit are the summit), never across articles:

========================  =====  =============================================================
rule                      score  when
========================  =====  =============================================================
same document             0.95   one article, same status, or one stated date (headline and body, two sentences)
same day                  0.9    both texts state the same event date
planned then held         0.8    a plan and a held report whose stated dates are at most a day apart
same day, places differ   0.7    the same stated day, places that are not nested (a conflict to show)
undated, reported near    0.6    one side has no stated date and was reported within a week before
                                 (or a day after) the other's date
undated plan, same place  0.55   an undated plan naming the place of an event up to 45 days after it
========================  =====  =============================================================

Hard stops whatever the score: places that are not nested ("Anchorage" and "Elmendorf, Anchorage" are
compatible, "Anchorage" and "Helsinki" are not) unless the stated day is the same, stated dates more than
a day apart (and any gap unless one side is planned and the other held: a called-off plan and a later
meeting stay apart), clock times that differ, and a meeting and a call from different articles.
A report joins the best-scoring cluster at or above :data:`THRESHOLD`, else starts its own.

>>> from datetime import date
>>> from kg.events.reported import Reported
>>> def r(i, status, d, doc="d1", published=None, place=None):
...     return Reported(i * 32, "meets", "Meeting", status, d, "explicit" if d else None, place, None, None,
...                     frozenset({"x", "y"}), doc, None, None, published, "2025-08-01T00:00:00")
>>> score(r("a", "planned", date(2025, 8, 15), "d1"), r("b", "held", date(2025, 8, 15), "d2"))
(0.9, 'same day')
>>> score(r("a", "cancelled", date(2025, 8, 15), "d1"), r("b", "held", date(2025, 9, 3), "d2"))
(0.0, 'dates differ')
>>> score(r("a", "planned", None, "d1", date(2025, 8, 9)), r("b", "held", date(2025, 8, 15), "d2"))
(0.6, 'undated, reported near')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from kg.events.reported import Reported

THRESHOLD = 0.5
#: family -> block: families in one block can be one event (a meeting and a call in one article).
BLOCKS = {"meeting": "contact", "call": "contact"}
#: statuses that call an event off: a different date is always a different event.
OFF = frozenset({"cancelled", "refused", "negated"})
#: days before the other's event date an undated report may be published and still be about it.
NEAR_BEFORE, NEAR_AFTER = 7, 1
#: days ahead an undated plan that names the place may be about a dated event at that place ("next month").
PLAN_AHEAD = 45


def blocking_key(r: Reported) -> tuple[str, frozenset[str]] | None:
    """The block of a reported event; None when it names no actor (it then stays on its own).

    >>> from kg.events.reported import Reported
    >>> blocking_key(Reported("a" * 32, "pardons", "Pardon", "held", None, None, None, 30, None,
    ...                       frozenset({"L"}), "d", None, None, None, "2024-07-02T00:00:00"))
    ('release', frozenset({'L'}))
    """
    if not r.participants:
        return None
    return (BLOCKS.get(r.family, r.family), r.participants)


_PLACE_STOP = frozenset({"in", "at", "the", "of", "near", "on", "a"})


def _place_words(place: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", place.lower()) if w not in _PLACE_STOP)


def places_compatible(a: str | None, b: str | None) -> bool:
    """Unknown places agree with anything; known ones when the words of one are all in the other.

    >>> places_compatible("Anchorage", "Joint Base Elmendorf-Richardson, Anchorage"), places_compatible("Oslo", "Rome")
    (True, False)
    >>> places_compatible("Joint Base Elmendorf-Richardson in Anchorage", "Joint Base Elmendorf-Richardson, Anchorage")
    True
    """
    if not a or not b:
        return True
    x, y = _place_words(a), _place_words(b)
    return x <= y or y <= x


def _near(undated: Reported, dated: date) -> bool:
    gap = (dated - undated.reported_on).days
    return -NEAR_AFTER <= gap <= NEAR_BEFORE


def score(a: Reported, b: Reported) -> tuple[float, str]:
    """Score (0-1) and rule of ``a`` and ``b`` being one event; 0 with the reason when they cannot be."""
    if blocking_key(a) is None or blocking_key(a) != blocking_key(b):
        return 0.0, "different block"
    if a.time and b.time and a.time != b.time:
        return 0.0, "times differ"
    if a.family != b.family and a.document != b.document:
        return 0.0, "types differ"
    if a.document == b.document:
        # one article may recall an earlier meeting of the same pair: two stated dates apart are two events
        if a.strong_date and b.strong_date and a.strong_date != b.strong_date:
            return 0.0, "dates differ"
        if a.status != b.status and not (a.strong_date and a.strong_date == b.strong_date):
            return 0.0, "statuses differ in one article"  # "met X ... will meet again later this year"
        return 0.95, "same document"
    places = places_compatible(a.place, b.place)
    da, db = a.strong_date, b.strong_date
    if da and db:
        gap: int = abs((da - db).days)
        if gap == 0:  # one pair, one day: a different place is a conflict to show, not another event
            return (0.9, "same day") if places else (0.7, "same day, places differ")
        if not places:
            return 0.0, "places differ"
        if gap <= 1 and {a.status, b.status} == {"planned", "held"}:
            return 0.8, "planned then held"
        return 0.0, "dates differ"
    if not places:
        return 0.0, "places differ"
    if da or db:
        undated, dated = (b, da) if da else (a, db)
        if _near(undated, dated):  # type: ignore[arg-type]
            return 0.6, "undated, reported near"
        ahead = (dated - undated.reported_on).days  # type: ignore[operator]
        if (undated.status == "planned" and undated.place and 0 <= ahead <= PLAN_AHEAD
                and places_compatible(undated.place, (b if da else a).place) and (b if da else a).place):
            return 0.55, "undated plan, same place"
        return 0.0, "reported far from the date"
    if abs((a.reported_on - b.reported_on).days) <= 1 and a.status == b.status:
        return 0.55, "undated, reported together"
    return 0.0, "undated"


def best_match(r: Reported, clusters: Iterable[tuple[str, list[Reported]]]) -> tuple[str | None, float, str]:
    """The cluster ``r`` joins: ``(cluster id, score, rule)``; ``(None, 0, reason)`` when none.

    A cluster's score is its best member's, but any member with a hard stop against ``r`` vetoes it
    (single-link chains cannot join a called-off plan to a later meeting).
    """
    best: tuple[str | None, float, str] = (None, 0.0, "no candidate")
    for cid, members in clusters:
        scores = [score(r, m) for m in members]
        if not scores:
            continue
        same_doc = any(rule == "same document" for _, rule in scores)
        vetoed = any(s == 0.0 and rule in ("dates differ", "places differ", "times differ") for s, rule in scores)
        if vetoed and not same_doc:
            continue
        top = max(scores, key=lambda x: x[0])
        if top[0] >= THRESHOLD and (top[0] > best[1] or (top[0] == best[1] and best[0] is not None and cid < best[0])):
            best = (cid, top[0], top[1])
    return best
