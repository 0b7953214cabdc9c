"""Paths to the files that ship inside the wheel (ontology, queries, gazetteer, demo samples).

They are read with :mod:`importlib.resources`, so an installed ``kg`` works
outside the checkout.

>>> ontology_path("dip.ttl").name
'dip.ttl'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(name: str) -> Path:
    return Path(str(resources.files("kg") / name))


def ontology_path(*parts: str) -> Path:
    """Path of a file under ``ontology/`` (shipped as ``kg/ontology``)."""
    return _package_dir("ontology").joinpath(*parts)


def gazetteer_path(*parts: str) -> Path:
    """Path of a file under ``data/gazetteer/`` (shipped as ``kg/gazetteer``)."""
    return _package_dir("gazetteer").joinpath(*parts)


def samples_path(*parts: str) -> Path:
    """Path of a file under ``data/samples/`` (the demo's articles and claims, shipped as ``kg/samples``)."""
    return _package_dir("samples").joinpath(*parts)
