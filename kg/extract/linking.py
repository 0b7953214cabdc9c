"""Optional link to the gazetteer resolver (:mod:`kg.resolve`).

The extractor works without a gazetteer: actors it cannot link get stable IRIs
minted from name and type.  When :mod:`kg.resolve` loads, names, titles and
roles are resolved to canonical actors (with Wikidata QIDs) by date.

>>> linker = Linker(resolver=None)
>>> linker.ref("Franak Viacorka", "Person").canonical_iri()
'https://w3id.org/diplomacy-kg/id/actor/person/franak-viacorka'
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from kg.extract.names import fold
from kg.model.core import ActorRef

#: what resolver matches are trusted for each mention kind; surnames alone are
#: trusted only when the document never named the person in full
_TRUSTED_TYPES = {"Person", "Country", "Organization"}


@lru_cache(maxsize=1)
def default_resolver() -> Any:
    """The packaged resolver, or None when :mod:`kg.resolve` or its data is unavailable."""
    try:
        from kg.resolve import Resolver

        return Resolver.default()
    except Exception:  # noqa: BLE001 - a missing or broken gazetteer must not stop extraction
        return None


class Linker:
    """Resolve names/titles to :class:`ActorRef`, through the resolver when there is one."""

    def __init__(self, resolver: Any = "default", on: date | None = None) -> None:
        self.resolver = default_resolver() if resolver == "default" else resolver
        self.on = on
        self._cache: dict[tuple[str, str | None], ActorRef | None] = {}

    def lookup(self, mention: str, actor_type: str | None = None) -> ActorRef | None:
        """The gazetteer actor for ``mention``, or None (no resolver, unknown, ambiguous)."""
        if self.resolver is None:
            return None
        key = (mention, actor_type)
        if key not in self._cache:
            ref = None
            try:
                found = self.resolver.resolve(mention, on=self.on, actor_type=actor_type)
                if found is not None and found.type in _TRUSTED_TYPES:
                    ref = found.to_ref()
            except Exception:  # noqa: BLE001 - resolver bugs degrade to unlinked actors
                ref = None
            self._cache[key] = ref
        return self._cache[key]

    def role(self, country: str, role: str) -> ActorRef | None:
        """The holder of ``role`` in ``country`` on the linker's date ("the Russian President")."""
        if self.resolver is None:
            return None
        try:
            found = self.resolver.resolve_role(country, role, self.on)
        except Exception:  # noqa: BLE001
            return None
        return found.to_ref() if found is not None else None

    def office(self, title: str, holder: str | None, actor: ActorRef) -> str | None:
        """The gazetteer office a title gives ``actor`` ("Russian" + "President" -> ``RU-president``), or None."""
        if self.resolver is None:
            return None
        try:
            found: str | None = self.resolver.stated_office(title, holder=holder, actor=actor.canonical_iri())
        except Exception:  # noqa: BLE001 - a resolver bug must not stop extraction
            return None
        return found

    def ref(self, name: str, actor_type: str, *, count: int | None = None) -> ActorRef:
        """The resolved actor for ``name``, else an unlinked one with a minted IRI."""
        found = self.lookup(name, actor_type if actor_type != "Group" else None)
        if found is not None and (found.type == actor_type or actor_type == "Organization"):
            return found
        if self.resolver is not None and actor_type != "Group":
            try:
                return self.resolver.unknown(name, actor_type).to_ref()
            except Exception:  # noqa: BLE001
                pass
        return ActorRef(name, actor_type, count=count)


def _fold(text: str) -> str:
    return fold(text).replace("-", " ")


def as_written(ref: ActorRef, written: str) -> ActorRef:
    """``ref`` labelled as the document spells the person's family name, keeping its node (IRI and QID).

    A gazetteer entry holds one spelling of a transliterated name; a story that writes another
    ("Zelensky", "Zelenskiy", "Lukashenka") is reported in its own spelling, so a reader finds the name
    they read, while the actor is still one node. Accents and hyphens alone are no other spelling.

    >>> ref = ActorRef("Volodymyr Zelenskyy", "Person", iri="https://w3id.org/diplomacy-kg/id/actor/Q3874799")
    >>> as_written(ref, "Zelensky").label, as_written(ref, "Volodymyr Zelenskiy").label
    ('Volodymyr Zelensky', 'Volodymyr Zelenskiy')
    >>> as_written(ref, "Zelensky").canonical_iri() == ref.canonical_iri()
    True
    >>> as_written(ActorRef("Recep Tayyip Erdoğan", "Person", iri="x"), "Erdogan").label
    'Recep Tayyip Erdoğan'
    """
    canon, parts = ref.label.split(), written.split()
    if not (ref.iri or ref.qid) or not canon or not parts or _fold(canon[-1]) == _fold(parts[-1]):
        return ref
    if not parts[-1][:1].isupper() or _fold(parts[-1]) in _fold(ref.label).split():
        return ref  # a family-name-first name ("KISHIDA Fumio") or a part of the canonical name
    label = written if len(parts) > 1 else " ".join(canon[:-1] + parts)
    return replace(ref, label=label, iri=ref.canonical_iri())
