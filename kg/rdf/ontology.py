"""Read what the code needs from ``dip.ttl``: the ontology graph, default codes and the class hierarchy.

The relation types (``dip:Projection`` nodes) are read from this graph by :mod:`kg.model.relation_types`.

The graph is the packaged ``dip.ttl`` with the CAMEO and PLOVER code schemes, plus any Turtle files
named in the ``KG_ONTOLOGY`` environment variable (separated by ``os.pathsep``): an extension adds
relation types (:mod:`kg.model.relation_types`) without editing the packaged file.

>>> "https://w3id.org/diplomacy-kg/ontology#Meeting" in superclasses(DIP.Summit)
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from kg.rdf.resources import ontology_path
from kg.rdf.vocab import DIP

#: environment variable naming extra ontology files (Turtle), read after the packaged ones
ONTOLOGY_ENV = "KG_ONTOLOGY"


def extension_files() -> list[Path]:
    """The extra ontology files named by ``KG_ONTOLOGY``; a missing one is a one-line error.

    >>> extension_files() if not os.environ.get(ONTOLOGY_ENV) else []
    []
    """
    paths = [Path(p) for p in os.environ.get(ONTOLOGY_ENV, "").split(os.pathsep) if p.strip()]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"{ONTOLOGY_ENV}: no ontology file {str(path)!r}")
    return paths


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The parsed ontology (``dip.ttl``), the CAMEO and PLOVER code schemes and the ``KG_ONTOLOGY`` files."""
    graph = Graph()
    graph.parse(ontology_path("dip.ttl"), format="turtle")
    for name in ("cameo.ttl", "plover.ttl"):
        graph.parse(ontology_path("codes", name), format="turtle")
    for path in extension_files():
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises parser-specific errors
            raise ValueError(f"{ONTOLOGY_ENV}: {path} is not valid Turtle ({' '.join(str(exc).split())[:200]})") from None
    return graph


@lru_cache(maxsize=None)
def superclasses(cls: str) -> frozenset[str]:
    """``cls`` and all its named superclasses in the ontology."""
    graph = ontology_graph()
    return frozenset(str(c) for c in graph.transitive_objects(URIRef(cls), RDFS.subClassOf) if isinstance(c, URIRef))


@lru_cache(maxsize=None)
def superproperties(prop: str) -> frozenset[str]:
    """``prop`` and all its named superproperties."""
    graph = ontology_graph()
    return frozenset(str(p) for p in graph.transitive_objects(URIRef(prop), RDFS.subPropertyOf) if isinstance(p, URIRef))


@lru_cache(maxsize=None)
def default_codes(event_class: str) -> tuple[str | None, str | None]:
    """The (CAMEO, PLOVER) concept IRIs the ontology maps ``event_class`` to."""
    graph = ontology_graph()
    cameo = graph.value(URIRef(event_class), URIRef(DIP.cameo))
    plover = graph.value(URIRef(event_class), URIRef(DIP.plover))
    return (str(cameo) if cameo else None, str(plover) if plover else None)
