"""Arguments an ellipsis repeats: "sanctioned by the EU in 2022 and by Britain a year later".

A second agent phrase coordinated with the first, with the verb left out, names a second agent of the same act.
The small parser hangs the second "by" on whatever came last (the date "2022", the first agent's object), so the
frame reading the trigger's ``agent`` sees only the first. :func:`gapped_agents` finds the others: a "by" that
is a conjunct, inside the trigger's own clause (no verb between it and the trigger), after its first agent.

>>> from kg.extract.model import get_model
>>> d = get_model()("Oleh Marchenko was sanctioned by Canada in 2023 and by Japan a year later.")
>>> [t.text for t in gapped_agents(d[3])]
['Japan']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.syntax import MAX_CLIMB, expand

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def _in_clause(tok: "Token", trigger: "Token") -> bool:
    """True when ``tok`` hangs below ``trigger`` with no verb between them."""
    t = tok.head
    for _ in range(MAX_CLIMB):
        if t.i == trigger.i:
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return False


def gapped_agents(trigger: "Token") -> list["Token"]:
    """The objects of further "by" phrases coordinated with the passive ``trigger``'s agent ("and by Y")."""
    agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
    if agent is None:
        return []
    return [t for b in trigger.subtree if b.lower_ == "by" and b.dep_ == "conj" and b.i > agent.i
            and _in_clause(b, trigger) for p in b.children if p.dep_ == "pobj" for t in expand(p)]
