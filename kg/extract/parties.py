"""Who else took part on a side of an encounter: those named as accompanying a participant.

"X, accompanied by Y, met Z", "X, who was accompanied by Y, held talks with Z", "X met Z, accompanied by Y" and
"X, along with Y, met Z": Y was at the meeting on X's side, so Y is a participant too (the annotation gives
every pair of a multi-party meeting's named participants).

>>> from kg.extract.model import get_model
>>> d = get_model()("Jane Roe, accompanied by John Doe, met Mark Otto in Oslo.")
>>> [t.text for t in accompanying(d[6], [d[1]])]
['Doe']
"""

from __future__ import annotations

from typing import Any

from kg.extract.syntax import expand, prep_objects

#: verbs whose passive agent went along with the one they describe
_ACCOMPANY = frozenset({"accompany", "join", "flank"})


def _escorts(tok: Any) -> list[Any]:
    """The persons named after "accompanied by" / "joined by" in a clause hanging on ``tok``."""
    out: list[Any] = []
    for c in tok.children:
        if c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _ACCOMPANY and c.tag_ == "VBN":
            out += [t for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    for t in expand(p) if t.pos_ == "PROPN"]
        if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together"):
            out += [t for t in prep_objects(c, "with") if t.pos_ == "PROPN"]
    return out


def accompanying(trigger: Any, agents: list[Any]) -> list[Any]:
    """Name tokens of those who accompanied the ``agents`` of an encounter at ``trigger`` (not already agents)."""
    found: list[Any] = []
    for a in agents:
        found += _escorts(a)
    if trigger.pos_ == "VERB":
        found += [t for t in _escorts(trigger) if t.i < trigger.i or any(
            c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _ACCOMPANY for c in trigger.children)]
    out: list[Any] = []
    for t in found:
        if t not in agents and t not in out:
            out.append(t)
    return out
