"""The offices a sentence gives the actors of a finding ("Russian President Vladimir Putin").

Each titled mention of a participant in the evidence sentence is turned into a
:class:`~kg.model.StatedRole` when its title names exactly one office of the
gazetteer (through :meth:`kg.resolve.Resolver.stated_office`).  Titles that do
not state a current office ("former President", "acting", "ex-") give none,
so the anachronism check (:mod:`kg.resolve.anachronism`) only sees roles the source
asserts for the time of the event.

>>> from kg.extract.linking import Linker
>>> from kg.extract.mentions import Mention
>>> from kg.model import ActorRef
>>> putin = ActorRef("Vladimir Putin", qid="Q7747")
>>> m = Mention(0, 32, "Russian President Vladimir Putin", "name", name="Vladimir Putin",
...             titles=("president",), country="Russia")
>>> [(r.office, r.stated_as) for r in stated_roles([m], [putin], Linker(), lambda m: putin)]
[('RU-president', 'Russian President Vladimir Putin')]
>>> m.titles = ("former", "president")
>>> stated_roles([m], [putin], Linker(), lambda m: putin)
()
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from kg.extract.linking import Linker
from kg.extract.mentions import Mention
from kg.model import ActorRef, StatedRole

#: title words that say the actor does not (or not fully) hold the office at the time
NOT_CURRENT = frozenset({"former", "ex", "late", "acting", "interim", "caretaker", "elect", "designate",
                         "would-be", "erstwhile", "onetime", "one-time", "deposed", "ousted", "exiled", "self-proclaimed",
                         "self-declared", "disputed"})
#: words in a title prefix that are not part of the office's name
_FILLER = frozenset({"the", "a", "an", "his", "her", "its", "their", "then", "current", "incumbent", "sitting", "new",
                     "veteran", "longtime", "long-time", "embattled", "powerful", "authoritarian",
                     "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof."})

_PAST_BEFORE = re.compile(r"\b(?:ex|former|late|then-former)[-\s]$", re.IGNORECASE)


def stated_roles(mentions: Iterable[Mention], actors: Sequence[ActorRef], linker: Linker,
                 ref_of: Callable[[Mention], ActorRef | None], text: str = "") -> tuple[StatedRole, ...]:
    """Roles the ``mentions`` give to ``actors`` (one per actor and office, first mention wins).

    ``text`` is the document the mention offsets point into; a mention right
    after "ex-" or "former" in it ("ex-President Bill Clinton") states no role.
    """
    wanted = {a.canonical_iri() for a in actors if a.type == "Person"}
    out: dict[tuple[str, str], StatedRole] = {}
    for m in mentions:
        ref = ref_of(m)
        if ref is None or ref.canonical_iri() not in wanted or not m.titles:
            continue
        if _PAST_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue
        words = [w for w in m.titles if w not in _FILLER]
        if not words or any(w in NOT_CURRENT or w.startswith(("ex-", "former-")) or w.endswith(("-elect", "-designate"))
                            for w in words):
            continue
        holder = m.extra.get("affiliation") or m.country
        office = linker.office(" ".join(words), holder, ref)
        if office is not None:
            out.setdefault((ref.canonical_iri(), office), StatedRole(ref, office, m.text))
    return tuple(out.values())
