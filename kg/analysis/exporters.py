"""Network exports of the projection: GraphML, GEXF (dynamic, for Gephi's timeline), CSV edge list.

Registered by name in :data:`kg.export.EXPORTERS`; each takes a
:class:`~kg.api.KnowledgeGraph` and returns bytes.

>>> M = nx.MultiDiGraph()
>>> M.add_node("a", label="A", type="Person"); M.add_node("b", label="B", type="Country")
>>> _ = M.add_edge("a", "b", key="1:sanctions", relation="sanctions", status="held", date="2025-03-01",
...                assertion="1", assertions=["1"], quote=None, symmetric=False)
>>> b"<spells>" in gexf_bytes(M) or b'start="2025-03-01"' in gexf_bytes(M)
True
>>> csv_edges_bytes(M).decode().splitlines()[1].split(",")[:5]
['a', 'b', 'A', 'B', 'sanctions']
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

CSV_COLUMNS = ("source", "target", "source_label", "target_label", "relation", "status", "date", "place",
               "confidence", "grade", "review", "disputed", "symmetric", "assertion", "source_url", "title", "quote")


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items())
    return value


def flat_copy(G: nx.MultiDiGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (None dropped), as GraphML/GEXF writers need.

    With ``dynamic``, edges with a date get ``start``/``end`` and nodes start at their first dated tie.
    """
    H = nx.MultiDiGraph()
    first: dict[Any, str] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = {k: _scalar(val) for k, val in data.items() if val is not None}
        if dynamic and data.get("date"):
            attrs["start"] = attrs["end"] = str(data["date"])
            for node in (u, v):
                first[node] = min(first.get(node, attrs["start"]), attrs["start"])
        if not dynamic:
            attrs.pop("start", None)
            attrs.pop("end", None)
        H.add_edge(u, v, key=key, **attrs)
    for node, data in G.nodes(data=True):
        attrs = {k: _scalar(val) for k, val in data.items() if val is not None}
        if dynamic and node in first:
            attrs["start"] = first[node]
        H.add_node(node, **attrs)
    return H


def xml_safe_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node keys and text attributes hold only characters XML 1.0 allows (kg.xmltext)."""
    from kg.xmltext import xml_safe

    def clean(value: Any) -> Any:
        return xml_safe(value) if isinstance(value, str) else value

    H = nx.MultiDiGraph()
    H.graph.update({k: clean(v) for k, v in G.graph.items()})
    for node, data in G.nodes(data=True):
        H.add_node(clean(node), **{k: clean(v) for k, v in data.items()})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(clean(u), clean(v), key=clean(key), **{k: clean(val) for k, val in data.items()})
    return H


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 in dynamic mode: each dated edge has ``start``/``end`` for Gephi's timeline."""
    H = xml_safe_copy(flat_copy(G, dynamic=True))
    H.graph["mode"] = "dynamic"
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, version="1.2draft")
    return buffer.getvalue()


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """GraphML with every node and edge attribute."""
    buffer = io.BytesIO()
    nx.write_graphml(xml_safe_copy(flat_copy(G)), buffer)
    return buffer.getvalue()


def csv_edges_bytes(G: nx.MultiDiGraph) -> bytes:
    """One CSV row per edge (columns :data:`CSV_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for u, v, data in G.edges(data=True):
        row = {**data, "source": u, "target": v, "source_url": data.get("source"),
               "source_label": G.nodes[u].get("label", u), "target_label": G.nodes[v].get("label", v)}
        writer.writerow(["" if row.get(c) is None else _scalar(row.get(c)) for c in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")


def _projected(graph: "KnowledgeGraph") -> nx.MultiDiGraph:
    from kg.analysis.projection import project

    return project(graph)


def export_gexf(graph: "KnowledgeGraph") -> bytes:
    """Exporter ``gexf``: the whole current view's actor network."""
    return gexf_bytes(_projected(graph))


def export_graphml(graph: "KnowledgeGraph") -> bytes:
    """Exporter ``graphml``."""
    return graphml_bytes(_projected(graph))


def export_csv_edges(graph: "KnowledgeGraph") -> bytes:
    """Exporter ``csv-edges``."""
    return csv_edges_bytes(_projected(graph))
