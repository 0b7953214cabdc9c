"""Exporters: RDF formats of the whole store; other formats register here by name.

>>> from kg.api import KnowledgeGraph
>>> export_store(KnowledgeGraph.open("memory:"), "nq")
b''
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from pyoxigraph import RdfFormat

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

RDF_EXPORTS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nq": RdfFormat.N_QUADS,
    "nt": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
#: Non-RDF exporters: name -> "module:function(graph) -> bytes" (lazy imports).
EXPORTERS: dict[str, str] = {
    "graphml": "kg.analysis.exporters:export_graphml",
    "gexf": "kg.analysis.exporters:export_gexf",
    "csv-edges": "kg.analysis.exporters:export_csv_edges",
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
