"""Generate :mod:`kg.rdf.vocab` and ``docs/ontology.md`` from ``ontology/dip.ttl``.

The Turtle file is the single source of truth for terms; run
``python -m kg.rdf.vocab_gen`` after editing it.  ``tests/test_vocab.py`` fails
when either generated file drifts from the Turtle.

>>> src = render_vocab_module(load_ontology())
>>> "Summit: URIRef" in src
True
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.rdf.ids import ONTOLOGY_NS
from kg.rdf.resources import ontology_path

REPO_ROOT = Path(__file__).resolve().parents[2]
VOCAB_MODULE = Path(__file__).resolve().parent / "vocab.py"
ONTOLOGY_DOC = REPO_ROOT / "docs" / "ontology.md"


def load_ontology() -> Graph:
    """Parse ``dip.ttl`` into an rdflib graph."""
    return Graph().parse(ontology_path("dip.ttl"), format="turtle")


def _local_terms(graph: Graph) -> list[str]:
    names = {
        str(s)[len(ONTOLOGY_NS):]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS) and len(str(s)) > len(ONTOLOGY_NS)
    }
    return sorted(names)


def _label(graph: Graph, term: URIRef) -> str:
    value = graph.value(term, RDFS.comment) or graph.value(term, RDFS.label) or ""
    return " ".join(str(value).split())


def render_vocab_module(graph: Graph) -> str:
    """Python source of the ``DIP`` DefinedNamespace (unknown names raise)."""
    lines = [
        '"""Terms of the diplomacy-kg ontology. GENERATED from ontology/dip.ttl by'
        ' ``python -m kg.rdf.vocab_gen``: do not edit.',
        "",
        ">>> DIP.Summit",
        "rdflib.term.URIRef('https://w3id.org/diplomacy-kg/ontology#Summit')",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class DIP(DefinedNamespace):",
        "    _fail = True",
        f'    _NS = Namespace("{ONTOLOGY_NS}")',
        "",
    ]
    for name in _local_terms(graph):
        comment = _label(graph, URIRef(ONTOLOGY_NS + name))
        lines.append(f"    {name}: URIRef  # {comment}"[:160].rstrip())
    return "\n".join(lines) + "\n"


def _kind(graph: Graph, term: URIRef) -> str:
    types = set(graph.objects(term, RDF.type))
    for rdf_type, kind in (
        (OWL.Class, "Class"),
        (OWL.ObjectProperty, "Object property"),
        (OWL.DatatypeProperty, "Datatype property"),
        (OWL.AnnotationProperty, "Annotation property"),
    ):
        if rdf_type in types:
            return kind
    return "Individual"


def render_ontology_doc(graph: Graph) -> str:
    """Markdown reference of every term, grouped by kind."""
    groups: dict[str, list[str]] = {}
    for name in _local_terms(graph):
        term = URIRef(ONTOLOGY_NS + name)
        label = graph.value(term, RDFS.label)
        supers = sorted(
            str(o).replace(ONTOLOGY_NS, "dip:")
            for p in (RDFS.subClassOf, RDFS.subPropertyOf)
            for o in graph.objects(term, p)
            if isinstance(o, URIRef)
        )
        row = f"| `dip:{name}` | {label or ''} | {_label(graph, term)} | {', '.join(supers)} |"
        groups.setdefault(_kind(graph, term), []).append(row)
    out = [
        "# The diplomacy-kg ontology",
        "",
        "GENERATED from `ontology/dip.ttl` by `python -m kg.rdf.vocab_gen`; do not edit by hand.",
        "",
        f"Namespace: `{ONTOLOGY_NS}` (prefix `dip:`). Data IRIs (actors, events, assertions, documents) live under",
        "`https://w3id.org/diplomacy-kg/id/`. CAMEO and PLOVER codes are SKOS concept schemes in `ontology/codes/`",
        "under `https://w3id.org/diplomacy-kg/codes/`. SHACL shapes are in `ontology/shapes.ttl`.",
        "",
    ]
    for kind in ("Class", "Object property", "Datatype property", "Annotation property", "Individual"):
        if kind not in groups:
            continue
        out += [f"## {kind}", "", "| term | label | description | sub-of |", "|---|---|---|---|"]
        out += groups[kind] + [""]
    return "\n".join(out)


def main() -> int:
    graph = load_ontology()
    VOCAB_MODULE.write_text(render_vocab_module(graph), encoding="utf-8")
    ONTOLOGY_DOC.parent.mkdir(exist_ok=True)
    ONTOLOGY_DOC.write_text(render_ontology_doc(graph), encoding="utf-8")
    print(f"wrote {VOCAB_MODULE} and {ONTOLOGY_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
