"""Named queries: one question per ``ontology/queries/NAME.rq`` file, parameters documented in its header.

Header lines (comments before the query)::

    # summary: Meetings of an actor ...
    # param: actor (actor) — the actor whose meetings are listed
    # param: hops (int, optional) — the largest distance

Parameter types say how a text value becomes one RDF term: ``actor`` (a name
resolved with :meth:`KnowledgeGraph.resolve_actor`, or an IRI), ``iri`` (an IRI,
``dip:Summit`` or a bare ontology term ``Summit``), ``assertion`` (an ID or its
IRI), ``date`` (``xsd:date``), ``int``, ``string``.  The term is bound as a
VALUES row (:mod:`kg.query.bindings`), so a value is never query text.  An
optional parameter that is not given stays unbound.

>>> q = load_query("meetings-between")
>>> [(p.name, p.type) for p in q.params]
[('a', 'actor'), ('b', 'actor')]
>>> "meetings-of" in list_queries()
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from kg.query.prefixes import PREFIXES
from kg.rdf.resources import ontology_path
from kg.store.base import QueryResult, Term

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

PARAM_TYPES = ("actor", "iri", "assertion", "date", "int", "string")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*\(\s*(\w+)\s*(,\s*optional\s*)?\)\s*(?:[—–-]+\s*)?(.*)$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


class NamedQueryError(ValueError):
    """Unknown query, unknown or missing parameter, or a value of the wrong type."""


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    description: str = ""
    optional: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """A named query: its SPARQL text and documented parameters."""

    name: str
    summary: str
    params: tuple[Param, ...]
    text: str

    def usage(self) -> str:
        """A ready-to-edit command line.

        >>> load_query("retracted").usage()
        'kg query --name retracted'
        """
        args = " ".join(f"--param {p.name}={p.type.upper()}" for p in self.params if not p.optional)
        return f"kg query --name {self.name} {args}".rstrip()


def queries_dir() -> Path:
    """The folder of the shipped ``.rq`` files."""
    return ontology_path("queries")


def list_queries() -> dict[str, NamedQuery]:
    """Every named query by name, sorted.

    >>> len(list_queries()) >= 12
    True
    """
    return {p.stem: load_query(p.stem) for p in sorted(queries_dir().glob("*.rq"))}


def parse_header(name: str, text: str) -> NamedQuery:
    """Read ``# summary:`` and ``# param:`` lines from the comment header.

    >>> parse_header("x", "# summary: S\\n# param: a (actor) — one\\nSELECT * WHERE {}").params[0].description
    'one'
    """
    summary, params = "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        if stripped.lower().startswith("# summary:"):
            summary = stripped.split(":", 1)[1].strip()
        elif stripped.lower().startswith("# param:"):
            match = _PARAM.match(stripped)
            if not match or match.group(2) not in PARAM_TYPES:
                raise NamedQueryError(f"query {name}: bad parameter line {stripped!r} (types: {', '.join(PARAM_TYPES)})")
            params.append(Param(match.group(1), match.group(2), match.group(4).strip(), bool(match.group(3))))
    return NamedQuery(name, summary, tuple(params), text)


@lru_cache(maxsize=256)
def load_query(name: str) -> NamedQuery:
    """Load ``ontology/queries/NAME.rq``; unknown names raise :class:`NamedQueryError`."""
    path = queries_dir() / f"{name}.rq"
    if not _NAME.match(name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(queries_dir().glob("*.rq")))
        raise NamedQueryError(f"no named query {name!r}; known: {known}")
    return parse_header(name, expand_relation_edges(path.read_text(encoding="utf-8")))


def expand_relation_edges(text: str) -> str:
    """``dip:relatesTo`` in a query (outside comment lines) as the alternative path of every relation type's
    edge (:mod:`kg.model.relation_types`): the store holds the edges, not the superproperty they entail.

    >>> expand_relation_edges("?a (dip:relatesTo|^dip:relatesTo) ?b").count("ontology#talksWith>")
    2
    """
    if "dip:relatesTo" not in text:
        return text
    from kg.model.relation_types import relation_types

    edges = "(" + "|".join(f"<{t.edge}>" for t in relation_types().values()) + ")"
    term = re.compile(r"(?<![\w:])dip:relatesTo(?![\w-])")
    return "".join(line if line.lstrip().startswith("#") else term.sub(lambda _m: edges, line)
                   for line in text.splitlines(keepends=True))


def to_term(param: Param, value: Any, graph: "KnowledgeGraph | None" = None) -> Term:
    """Turn a text value into the one RDF term ``param`` declares.

    >>> to_term(Param("d", "date"), "2025-08-15")
    <Literal value=2025-08-15 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#date>>
    >>> to_term(Param("t", "iri"), "Summit").value
    'https://w3id.org/diplomacy-kg/ontology#Summit'
    """
    if isinstance(value, (NamedNode, Literal)):
        return value
    text = str(value).strip()
    kind = param.type
    try:
        if kind == "date":
            return Literal(date.fromisoformat(text).isoformat(), datatype=NamedNode(_XSD + "date"))
        if kind == "int":
            return Literal(str(int(text)), datatype=NamedNode(_XSD + "integer"))
    except ValueError:
        what = "an ISO date (YYYY-MM-DD)" if kind == "date" else "an integer"
        raise NamedQueryError(f"param {param.name}: {text!r} is not {what}") from None
    if kind == "string":
        return Literal(text)
    if kind == "assertion":
        from kg.rdf.ids import assertion_iri

        from urllib.parse import quote

        return NamedNode(text if _is_iri(text) else assertion_iri(quote(text, safe="")))
    if kind == "iri":
        return NamedNode(_expand(text, param.name))
    if _is_iri(text):  # actor given as an IRI
        return NamedNode(text)
    if graph is None:
        raise NamedQueryError(f"param {param.name}: resolving the actor name {text!r} needs a graph")
    return actor_term(graph, text)


def actor_term(graph: "KnowledgeGraph", name: str) -> NamedNode:
    """The actor IRI for ``name``: the resolver (gazetteer, aliases, exact labels), else a unique
    actor of the graph whose label ends with the name (a surname such as ``Witkoff``).

    >>> from kg.api import KnowledgeGraph
    >>> actor_term(KnowledgeGraph.open("memory:"), "putin").value
    'https://w3id.org/diplomacy-kg/id/actor/Q7747'
    """
    ref = graph.resolve_actor(name)
    node = NamedNode(ref.iri or ref.canonical_iri())
    if ref.confidence >= 1.0 or bool(graph.query("ASK { ?a rdfs:label ?l }", a=node)):
        return node
    rows = graph.select(
        "SELECT DISTINCT ?a WHERE { ?a rdfs:label ?l ; a ?t . FILTER(STRSTARTS(STR(?t), STR(dip:)))"
        " FILTER(STRENDS(LCASE(STR(?l)), CONCAT(' ', LCASE(STR(?needle))))) } LIMIT 2",
        needle=Literal(name.strip()),
    )
    return NamedNode(str(rows[0]["a"])) if len(rows) == 1 else node


def bind_params(query: NamedQuery, values: Mapping[str, Any], graph: "KnowledgeGraph | None" = None) -> dict[str, Term]:
    """Check ``values`` against the declared parameters and convert each to its term.

    >>> bind_params(load_query("events-in-range"), {"from": "2025-08-01", "to": "2025-08-31"})["to"].value
    '2025-08-31'
    """
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        raise NamedQueryError(f"query {query.name} has no parameter {unknown[0]!r}; it takes: {', '.join(declared) or 'none'}")
    missing = [p.name for p in query.params if not p.optional and values.get(p.name) in (None, "")]
    if missing:
        raise NamedQueryError(f"query {query.name}: missing parameter {missing[0]!r} (usage: {query.usage()})")
    return {name: to_term(declared[name], value, graph) for name, value in values.items() if value not in (None, "")}


def run_named(graph: "KnowledgeGraph", name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run the named query ``name`` over ``graph`` with ``params`` bound as RDF terms.

    >>> from kg.api import KnowledgeGraph
    >>> with KnowledgeGraph.open("memory:") as g:
    ...     list(run_named(g, "meetings-of", {"actor": "Putin"}))
    []
    """
    query = load_query(name)
    return graph.query(query.text, **bind_params(query, params or {}, graph))


def select_named(graph: "KnowledgeGraph", name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Like :func:`run_named`, as ``select()``-style rows of Python values (unbound omitted)."""
    query = load_query(name)
    return graph.select(query.text, **bind_params(query, params or {}, graph))


def parse_param_args(items: list[str]) -> dict[str, str]:
    """``["a=Trump", "b=Putin"]`` -> ``{"a": "Trump", "b": "Putin"}``.

    >>> parse_param_args(["a=x=y"])
    {'a': 'x=y'}
    """
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise NamedQueryError(f"--param {item!r}: expected key=value")
        out[key.strip()] = value
    return out


def _is_iri(text: str) -> bool:
    return bool(re.match(r"^(https?|urn):\S+$", text)) and not re.search(r"[<>\"{}|^`\\\s]", text)


def _expand(text: str, pname: str) -> str:
    if _is_iri(text):
        return text
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and re.match(r"^[\w-]*$", local):
        return PREFIXES[prefix] + local
    if not sep and re.match(r"^[A-Za-z][\w-]*$", text):
        return PREFIXES["dip"] + text
    raise NamedQueryError(f"param {pname}: {text!r} is not an IRI, a prefixed name or an ontology term")
