"""What the positional rules find in a sentence, and the helpers every rule handler shares.

A :class:`Found` is one relation read from one sentence before it becomes an Assertion;
:class:`DocState` carries what one sentence tells the next (the last imposer or releaser,
a bulleted list of targets). The handlers live in :mod:`kg.extract.relations` (encounters),
:mod:`kg.extract.act_rules` (pardons, releases, sanctions) and :mod:`kg.extract.role_rules` (advisers).

>>> a, b = object(), object()
>>> pair_of(Found("meets", a, b)) == pair_of(Found("meets", b, a)), pair_of(Found("pardons", a, b)) == pair_of(Found("pardons", b, a))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kg.extract.pairing import PairingSentence, entities

#: a verb coordinated with an earlier one: "... and (later) spoke with"
_AND_VERB = re.compile(r"(?:^|[^,\w]|,)\s*\band\s+(?:(?:then|later|also|subsequently|afterwards|separately|again|"
                       r"has|have|had|will|would|was|were|is|are|[a-z]+ly)\s+){0,2}$")


#: a line's list marker: a bullet, "1." / "1)" or "(1)"
BULLET = re.compile(r"^\s*(?:[-•*·▪–—]|\d{1,3}[.)]|\(\d{1,3}\))\s+")


@dataclass
class Found:
    """One relation found in a sentence, before it becomes an Assertion."""

    relation: str
    subject: Any  # kg.extract.coref.Entity
    obj: Any = None
    group: tuple[str, int | None] | None = None
    status: str = "held"
    event_type: str | None = None
    host: Any = None
    start: int = 0  # sentence-local span of the evidence
    end: int = 0
    confidence: float = 0.9
    weak: bool = False
    trigger: tuple[int, int] = (0, 0)  # sentence-local span of the trigger words
    released: list[Any] = field(default_factory=list)  # named persons of a group release/pardon
    notes: list[str] = field(default_factory=list)


@dataclass
class DocState:
    """What carries over between sentences of one document."""

    last_imposer: Any = None
    list_imposer: Any = None  # "Those sanctioned are:" -- each following bullet line names a target
    list_marked: bool = False  # a list announced without a colon ("the following persons.") goes on by numbers only
    after_marker: bool = False  # the last sentence was a bare list number ("1."): its entry follows
    last_releaser: Any = None  # the state or group that released prisoners ("X was also freed" names no agent)
    last_plural: list[Any] = field(default_factory=list)  # the last "A and B": what a later "them"/"their" names
    mid_line: bool = False  # the last sentence ended inside a line ("KOVAL, Pyotr (a.k.a." goes on after the break)
    since_sanction: int = 99  # sentences since the last one about a sanction ("They include X and Y" follows one)
    last_pair: Any = None  # the two persons of the last encounter read by the frames ("the two sides agreed")
    last_freed: list[Any] = field(default_factory=list)  # the persons of the last release: "the two had been freed"
    last_encounter: Any = None  # (relation, event type) of that encounter: "the two sides exchanged views" on a call
    principal: Any = None  # whose programme a verbless entry belongs to ("- Meeting with X"): see kg.extract.agenda



def pair_of(f: Found) -> tuple[Any, ...]:
    """The relation and the two sides of a finding (a group by its label); symmetric relations unordered."""
    b = id(f.obj) if f.obj is not None else (f.group or ("", 0))[0]
    if f.relation in ("meets", "talksWith"):
        return (f.relation, frozenset((id(f.subject), b)))
    return (f.relation, id(f.subject), b)


_SUBCLAUSE = re.compile(r"[,;:—–(]|\b(?:after|before|when|while|as|since|because|where|once|until|but)\b", re.IGNORECASE)


def _coord_subject(sent: PairingSentence, ts: int, person: bool) -> int | None:
    """The subject of a verb coordinated by "and": the first actor of the sub-clause holding the first verb
    ("..., hours after envoy X visited Minsk and met Y": X; "Belarus freed A and released B": Belarus)."""
    m = _AND_VERB.search(sent.text[max(0, ts - 40):ts])
    and_pos = max(0, ts - 40) + m.start() if m else ts
    bounds = [b.end() for b in _SUBCLAUSE.finditer(sent.text, 0, and_pos)]
    start = bounds[-1] if bounds else 0
    for i, (a, e) in enumerate(sent.loc):
        if a < start or e > and_pos:
            continue
        ents = entities(sent.ms[i])
        if not ents or (person and ents[0].type != "Person"):
            continue
        if _PREP_OBJ_BEFORE.search(sent.text[max(0, a - 12):a]):
            continue
        return i
    return sent.clause_subject(ts, person=person)


_PREP_OBJ_BEFORE = re.compile(r"\b(?:of|in|from|at|on|for|against|to|with|about|into|over|than|like|under)\s+(?:the\s+)?$",
                              re.IGNORECASE)


def _span(sent: PairingSentence, ts: int, te: int, idx: list[int]) -> tuple[int, int]:
    locs = [sent.loc[i] for i in idx] + [(ts, te)]
    return min(s for s, _ in locs), max(e for _, e in locs)



def without_enumerated_groups(found: list[Found]) -> list[Found]:
    """``found`` less each counted group whose members the same sentence names one by one ("freed two gendarmes,
    A and B": two releases of A and of B, no third of "two prisoners"); a group larger than its named members
    stays ("pardoned 31 prisoners, among them A").

    >>> state, a, b = object(), object(), object()
    >>> fs = [Found("releases", state, a), Found("releases", state, b), Found("releases", state, group=("prisoners", 2))]
    >>> len(without_enumerated_groups(fs)), len(without_enumerated_groups(fs[1:]))
    (2, 2)
    """
    def named(g: Found) -> int:
        return len({id(f.obj) for f in found if f.obj is not None and f.group is None and f.relation == g.relation
                    and f.subject is g.subject and f.status == g.status})
    return [f for f in found if not (f.group is not None and f.group[1] is not None and f.group[1] <= named(f))]


def counted_once(found: list[tuple[Found, Any]]) -> list[tuple[Found, Any]]:
    """``found`` less each uncounted group of a pardon or release whose agent the document also credits with a
    counted group of the same status ("signed a decree pardoning a group of persons ... 211 persons were
    pardoned": one act, and its count).

    >>> state = object()
    >>> fs = [(Found("pardons", state, group=("prisoners", None)), 1), (Found("pardons", state, group=("prisoners", 211)), 2)]
    >>> [a for _f, a in counted_once(fs)]
    [2]
    """
    counted = {(f.relation, id(f.subject), f.status) for f, _a in found
               if f.group is not None and f.group[1] is not None and f.relation in ("pardons", "releases")}
    return [(f, a) for f, a in found if not (f.group is not None and f.group[1] is None
                                             and (f.relation, id(f.subject), f.status) in counted)]
