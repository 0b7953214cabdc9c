"""Exporters: RDF formats of the whole store; other formats register here by name.

TriG and N-Quads hold every graph (the current view and each assertion's graph); Turtle, N-Triples and
JSON-LD hold the current view.  JSON-LD is compacted with the published context
``ontology/context.jsonld`` (served by ``kg serve``), written inline so the file reads offline.  Every
format here re-imports losslessly (tests/store/test_round_trips.py).

>>> from kg.api import KnowledgeGraph
>>> export_store(KnowledgeGraph.open("memory:"), "nq")
b''
>>> sorted(json.loads(export_store(KnowledgeGraph.open("memory:"), "jsonld"))["@context"])[:3]
['actor', 'assertion', 'dcterms']
"""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from typing import TYPE_CHECKING

from pyoxigraph import RdfFormat

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

RDF_EXPORTS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nq": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
}
#: Non-RDF exporters: name -> "module:function(graph) -> bytes" (lazy imports).
EXPORTERS: dict[str, str] = {
    "graphml": "kg.analysis.exporters:export_graphml",
    "gexf": "kg.analysis.exporters:export_gexf",
    "csv-edges": "kg.analysis.exporters:export_csv_edges",
    "jsonld": "kg.export:export_jsonld",
    "plover": "kg.plover:export_plover",
}


def register_exporter(name: str, target: str) -> None:
    """Register ``target`` ("module:function") as the exporter for ``name``."""
    EXPORTERS[name] = target


def export_store(graph: "KnowledgeGraph", fmt: str) -> bytes:
    """Serialise ``graph`` in ``fmt``; ttl/nt/jsonld hold the current view, trig/nq everything."""
    if fmt in RDF_EXPORTS:
        return graph.export(RDF_EXPORTS[fmt])
    if fmt in EXPORTERS:
        module, _, func = EXPORTERS[fmt].partition(":")
        return getattr(importlib.import_module(module), func)(graph)  # type: ignore[no-any-return]
    known = ", ".join([*RDF_EXPORTS, *EXPORTERS])
    raise ValueError(f"--format {fmt!r} is not one of {known}")


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, str]:
    """The published JSON-LD context (``ontology/context.jsonld``): the ontology's prefixes and ID spaces."""
    from kg.rdf.resources import ontology_path

    return json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))["@context"]  # type: ignore[no-any-return]


def export_jsonld(graph: "KnowledgeGraph") -> bytes:
    """The current view as JSON-LD compacted with :func:`jsonld_context` (rdflib's serializer)."""
    from rdflib import Graph

    view = Graph().parse(data=graph.export(RdfFormat.N_TRIPLES), format="nt")
    if not len(view):
        return json.dumps({"@context": jsonld_context(), "@graph": []}, indent=2).encode("utf-8")
    return view.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode("utf-8")
