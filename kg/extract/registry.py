"""Extractors by name, imported lazily (the pattern of rdflib's ``plugin.py``).

Third-party extractors register with :func:`register` or the
``diplomacy_kg.extractors`` entry-point group.

>>> "rules" in available()
True
>>> get_extractor("rules").name
'rules'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Protocol, runtime_checkable

from kg.model.core import Assertion, Document


@runtime_checkable
class Extractor(Protocol):
    """Turns a document into sourced assertions."""

    name: str

    def extract(self, document: Document) -> Iterator[Assertion]:
        """Yield the assertions stated in ``document``."""
        ...


_BUILTIN: dict[str, str] = {"parse": "kg.extract.parsed:ParseExtractor", "rules": "kg.extract.rules:RuleExtractor"}
#: the extractor used when none is named: frames over a trained pipeline's parse
DEFAULT_EXTRACTOR = "parse"
_FACTORIES: dict[str, Callable[[], Extractor]] = {}
_INSTANCES: dict[str, Extractor] = {}


def register(name: str, factory: Callable[[], Extractor] | str) -> None:
    """Register ``factory`` (a callable or ``"module:attr"``) under ``name``."""
    if isinstance(factory, str):
        _BUILTIN[name] = factory
    else:
        _FACTORIES[name] = factory
    _INSTANCES.pop(name, None)


def _entry_points() -> dict[str, str]:
    from importlib.metadata import entry_points

    return {ep.name: ep.value for ep in entry_points(group="diplomacy_kg.extractors")}


def available() -> list[str]:
    """Names of all registered extractors."""
    return sorted(set(_BUILTIN) | set(_FACTORIES) | set(_entry_points()))


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """The extractor registered as ``name`` (one instance per process); KeyError names the choices."""
    if name in _INSTANCES:
        return _INSTANCES[name]
    if name in _FACTORIES:
        inst = _FACTORIES[name]()
    else:
        target = _BUILTIN.get(name) or _entry_points().get(name)
        if target is None:
            raise KeyError(f"unknown extractor {name!r}; available: {', '.join(available())}")
        module, _, attr = target.partition(":")
        inst = getattr(import_module(module), attr)()
    _INSTANCES[name] = inst
    return inst
