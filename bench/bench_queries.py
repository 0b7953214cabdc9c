"""Benchmark: named queries over generated diplomatic graphs (prints a table; not a test).

Generates graphs in our layout directly as quads (actors; events with roles,
dates, places, status and projected edges, each in its own assertion graph and
in the current view; provenance per assertion; documents), then times four
questions through kg's API (named queries: binding + prefixes + rows as dicts),
raw pyoxigraph on the same store, and rdflib in memory (small sizes only).
Events carry the event-time keys kg writes (``dip:eventMonth`` month nodes with
``dip:monthKey``) and one event cluster each in the events graph, so
``events-in-range`` and ``timeline-of`` are timed as the store answers them.
``--on-disk DIR`` loads into the embedded on-disk store (RocksDB) under DIR
instead of memory; timings are warm (after one run).

    python bench/bench_queries.py [--sizes 10000 100000] [--million] [--on-disk DIR] [--rdflib-max 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
from collections.abc import Callable
from typing import Any

from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat

from kg.api import KnowledgeGraph
from kg.query.bindings import inject_values
from kg.query.named import bind_params, load_query, select_named
from kg.query.prefixes import with_prefixes
from kg.store.oxigraph_store import OxigraphStore

DIP = "https://w3id.org/diplomacy-kg/ontology#"
ID = "https://w3id.org/diplomacy-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PROV = "http://www.w3.org/ns/prov#"
#: event class -> (source role, target role, projected edge)
KINDS = {
    "Meeting": ("participant", "participant", "meets"), "Summit": ("participant", "participant", "meets"),
    "Visit": ("participant", "participant", "meets"), "Call": ("participant", "participant", "talksWith"),
    "SanctionsAction": ("imposer", "target", "sanctions"), "Pardon": ("agent", "releasedPerson", "pardons"),
}
EVENTS_GRAPH = NamedNode(f"{ID}graph/events")
CITIES = ["Geneva", "Vienna", "Oslo", "Doha", "Nairobi", "Lisbon", "Helsinki", "Singapore", "Anchorage", "Minsk"]


def d(name: str) -> NamedNode:
    return NamedNode(DIP + name)


def generate(events: int, seed: int = 7) -> list[Quad]:
    """Quads of a graph with ``events`` events among ``events // 10`` actors."""
    rnd = random.Random(seed)
    n_actors = max(10, events // 10)
    actors = [NamedNode(f"{ID}actor/person/a{i}") for i in range(n_actors)]
    default = DefaultGraph()
    quads = []
    for i, actor in enumerate(actors):
        quads += [Quad(actor, RDF_TYPE, d("Person"), default), Quad(actor, LABEL, Literal(f"Actor {i}"), default)]
    kinds = list(KINDS)
    for i in range(events):
        aid = f"{i:032x}"
        graph, event = NamedNode(f"{ID}assertion/{aid}"), NamedNode(f"{ID}event/{aid}")
        kind = kinds[i % len(kinds)]
        src_role, dst_role, edge = KINDS[kind]
        a, b = rnd.sample(actors, 2)
        day = f"{rnd.randint(2020, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        claim = [
            (event, RDF_TYPE, d(kind)), (event, LABEL, Literal(f"{kind} {i}")),
            (event, d("status"), d("Held" if i % 4 else "Planned")),
            (event, d("date"), Literal(day, datatype=NamedNode(XSD + "date"))),
            (event, d("place"), Literal(rnd.choice(CITIES))),
            (event, d(src_role), a), (event, d(dst_role), b), (a, d(edge), b),
        ]
        if src_role == dst_role:
            claim.append((b, d(edge), a))
        month = NamedNode(f"{ID}month/{day[:7]}")
        claim += [(event, d("eventMonth"), month), (month, d("monthKey"), Literal(day[:7]))]
        cluster = NamedNode(f"{ID}eventcluster/{aid}")
        date_lit = Literal(day, datatype=NamedNode(XSD + "date"))
        count = Literal("1", datatype=NamedNode(XSD + "integer"))
        quads += [Quad(s, p, o, EVENTS_GRAPH) for s, p, o in [
            (cluster, RDF_TYPE, d("EventCluster")), (cluster, LABEL, Literal(f"{kind} {i}")),
            (cluster, d("eventType"), d(kind)), (cluster, d("clusterParticipant"), a), (cluster, d("clusterParticipant"), b),
            (cluster, d("member"), graph), (cluster, d("currentStatus"), d("Held" if i % 4 else "Planned")),
            (cluster, d("firstDate"), date_lit), (cluster, d("lastDate"), date_lit), (cluster, d("firstReported"), date_lit),
            (cluster, d("eventMonth"), month), (cluster, d("numMentions"), count), (cluster, d("numArticles"), count),
            (cluster, d("numSources"), count)]]
        quads += [Quad(s, p, o, graph) for s, p, o in claim]
        quads += [Quad(s, p, o, default) for s, p, o in claim]
        doc = NamedNode(f"{ID}document/d{i // 5}")
        prov = [
            (graph, RDF_TYPE, d("Assertion")), (graph, NamedNode(PROV + "wasDerivedFrom"), doc),
            (graph, NamedNode(PROV + "wasAttributedTo"), NamedNode(f"{ID}agent/extractor/bench")),
            (graph, NamedNode(PROV + "generatedAtTime"), Literal("2025-09-01T00:00:00Z", datatype=NamedNode(XSD + "dateTime"))),
            (graph, d("confidence"), Literal("0.9", datatype=NamedNode(XSD + "double"))),
            (graph, d("sourceReliability"), Literal("B")),
            (graph, d("informationCredibility"), Literal("2", datatype=NamedNode(XSD + "integer"))),
            (graph, d("assertedRelation"), Literal(edge)), (graph, d("claimEvent"), event),
        ]
        if i % 5 == 0:
            prov += [(doc, RDF_TYPE, d("Document")), (doc, d("url"), Literal(f"https://news.example/{i // 5}", datatype=NamedNode(XSD + "anyURI")))]
        quads += [Quad(s, p, o, default) for s, p, o in prov]
    return quads


QUESTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "meetings of X": ("meetings-of", {"actor": f"{ID}actor/person/a1"}),
    "2-hop contacts": ("within-hops", {"actor": f"{ID}actor/person/a1", "hops": "2"}),
    "provenance of an assertion": ("provenance-of", {"assertion": f"{7:032x}"}),
    "summits in a month": ("events-in-range", {"type": "Summit", "from": "2024-03-01", "to": "2024-03-31"}),
    "events in a month": ("events-in-range", {"from": "2024-03-01", "to": "2024-03-31"}),
    "events in a quarter": ("events-in-range", {"from": "2024-01-01", "to": "2024-03-31"}),
    "timeline of X": ("timeline-of", {"actor": f"{ID}actor/person/a1"}),
    "events between X and Y": ("events-between", {"a": f"{ID}actor/person/a1", "b": f"{ID}actor/person/a2"}),
}


def timed(fn: Callable[[], Any], repeat: int, warm: bool = True) -> tuple[float, int]:
    """(median milliseconds, result size) over ``repeat`` runs, after one warm-up when ``warm``."""
    size = fn() if warm else 0
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        size = fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), size


def bench_size(events: int, repeat: int, rdflib_max: int, on_disk: Path | None = None) -> list[dict[str, Any]]:
    start = time.perf_counter()
    quads = generate(events)
    gen = time.perf_counter() - start
    path = None
    if on_disk is not None:
        path = on_disk / f"bench-{events}"
        shutil.rmtree(path, ignore_errors=True)
    graph = KnowledgeGraph(OxigraphStore(path))
    start = time.perf_counter()
    graph.store._store.bulk_extend(quads)  # type: ignore[attr-defined]
    if path is not None:
        graph.store._store.optimize()  # type: ignore[attr-defined]
    load = time.perf_counter() - start
    n_quads = len(quads)
    del quads
    where = f"the on-disk store {path}" if path is not None else "pyoxigraph in memory"
    print(f"{events:>9,} events: {n_quads:,} quads, generated in {gen:.1f} s, loaded into {where} in {load:.1f} s")
    raw = graph.store._store  # type: ignore[attr-defined]
    rdf = None
    if events <= rdflib_max:
        from rdflib import Dataset

        start = time.perf_counter()
        rdf = Dataset()
        rdf.parse(data=graph.export(RdfFormat.N_QUADS).decode(), format="nquads")
        print(f"{'':>9}  loaded into rdflib in {time.perf_counter() - start:.1f} s")
    rows = []
    for label, (name, params) in QUESTIONS.items():
        query = load_query(name)
        terms = bind_params(query, params, graph)
        row: dict[str, Any] = {"events": events, "question": label}
        row["kg_ms"], row["rows"] = timed(lambda: len(select_named(graph, name, params)), repeat)
        text = inject_values(with_prefixes(query.text), terms)
        row["pyoxigraph_ms"], _ = timed(lambda: sum(1 for _ in raw.query(text)), repeat)
        if rdf is not None:
            from rdflib import URIRef
            from rdflib import Literal as RLiteral

            def to_rdflib(t: Any) -> Any:
                return URIRef(t.value) if isinstance(t, NamedNode) else RLiteral(t.value, datatype=URIRef(t.datatype.value))

            init = {k: to_rdflib(v) for k, v in terms.items()}
            plain = with_prefixes(query.text)
            try:
                row["rdflib_ms"], rd_rows = timed(lambda: len(list(rdf.query(plain, initBindings=init))), 1, warm=False)
                row["rdflib_rows"] = rd_rows
            except Exception:  # noqa: BLE001 - rdflib does not parse LATERAL (an Oxigraph extension)
                pass
        rows.append(row)
    graph.close()
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    out = ["| events | question | rows | kg API (ms) | raw pyoxigraph (ms) | rdflib in memory (ms) |",
           "|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        rd = f"{r['rdflib_ms']:.1f}" if "rdflib_ms" in r else "—"
        out.append(f"| {r['events']:,} | {r['question']} | {r['rows']} | {r['kg_ms']:.1f} | {r['pyoxigraph_ms']:.1f} | {rd} |")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 events (needs several GB of RAM)")
    parser.add_argument("--rdflib-max", type=int, default=10_000, help="largest size also timed with rdflib")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--on-disk", type=Path, default=None, metavar="DIR",
                        help="use the embedded on-disk store under DIR (removed afterwards)")
    args = parser.parse_args()
    sizes = args.sizes + ([1_000_000] if args.million else [])
    rows = []
    for size in sizes:
        rows += bench_size(size, args.repeat, args.rdflib_max, args.on_disk)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
