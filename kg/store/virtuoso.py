"""Virtuoso Open Source 7 as a :class:`~kg.store.remote.RemoteStore`: the same store over its quirks.

Spec: ``virtuoso+http://host:8890/sparql`` (or ``virtuoso+https``), optionally
``?default=IRI`` (the named graph that holds our default graph, default
:data:`DEFAULT_GRAPH`) and ``&hide=IRI`` (repeatable: more graphs to keep out of
``GRAPH ?g``, beyond Virtuoso's own :data:`SYSTEM_GRAPHS`).  See docs/deploy.md.

What differs from a plain SPARQL 1.1 server, and what this dialect does about it:

* Virtuoso has no default graph of its own (a query without a dataset reads the
  union of every graph, its system graphs included, and ``INSERT DATA`` without
  ``GRAPH`` is refused), and naming one (``default-graph-uri``, ``WITH``) makes
  ``GRAPH <iri>`` find nothing: our default graph is kept in a named graph that
  every query and update names in its text (:func:`explicit_default` puts each
  triple pattern outside ``GRAPH`` in ``GRAPH <that graph> {…}``), and that graph
  and the system graphs are filtered out of every ``GRAPH ?var`` pattern
  (:func:`hide_graphs`; a ``GRAPH <iri>`` is left alone);
* Oxigraph's ``LATERAL`` is refused: :func:`flatten_lateral` writes it as a plain join;
* a POST of ``application/sparql-query`` is never answered: requests are forms;
* ``ASK`` is answered as a one-row table ``__ASK_RETVAL``, blank nodes as
  ``nodeID://b123``: both are mapped back to what pyoxigraph returns;
* blank nodes are refused in ``INSERT DATA``: such writes use ``INSERT {…} WHERE {}``
  (one solution, so one fresh blank node per label, as ``INSERT DATA`` would);
* each operation of a request is committed on its own: a write is one operation (see :meth:`VirtuosoStore.apply`);
* a result cut by the server's ``ResultSetMaxRows`` raises :class:`StoreError`
  instead of answering silently short.

>>> s = VirtuosoStore.from_spec("virtuoso+http://127.0.0.1:8890/sparql")
>>> s.query_url, s.default_graph.value
('http://127.0.0.1:8890/sparql', 'urn:x-diplomacy-kg:default-graph')
>>> hide_graphs("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", ["http://ex/d"])
'SELECT ?g WHERE { { GRAPH ?g { ?s ?p ?o } FILTER(?g NOT IN (<http://ex/d>)) } }'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import httpx
from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, QueryResultsFormat, RdfFormat, parse_query_results

from kg.query.bindings import BindingError, _mask, inject_values, strip_literals, where_brace
from kg.store.base import QueryResult, StoreError, Term
from kg.store.remote import RemoteStore, _as_triples, _checked, auth_headers

#: the named graph standing for our default graph (unless the spec says ``default=``)
DEFAULT_GRAPH = "urn:x-diplomacy-kg:default-graph"
#: graphs a fresh Virtuoso 7.2 holds for itself; never ours, never shown
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)
#: triples per data operation (Virtuoso 7.2's SPARQL parser runs out of stack near 5,000 in one block)
CHUNK = 1000
#: triples in one write sent as one template operation (near 2,000 its SQL passes Virtuoso's 10,000-line cap)
TEMPLATE_MAX = 1000
#: stands for "no named graphs" when a request names default graphs only (Virtuoso would range over all)
_NO_NAMED = "urn:x-diplomacy-kg:no-named-graphs"
_RESULTS = "application/sparql-results+json"
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_TOKENS = re.compile(r"[{}]|\bGRAPH\s+([?$]\w+)\s*\{|\bDELETE\s+WHERE\b|\bWHERE\b", re.IGNORECASE)


class VirtuosoStore(RemoteStore):
    """A store on a Virtuoso SPARQL endpoint (query and update at the same URL)."""

    engine = "virtuoso"

    def __init__(self, endpoint: str, *, default_graph: str = DEFAULT_GRAPH, hidden: Sequence[str] = (),
                 timeout: float = 60.0, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(endpoint, endpoint, None, timeout=timeout, headers=headers)
        self.default_graph = NamedNode(default_graph)
        self.hidden = [default_graph, *SYSTEM_GRAPHS, *hidden]

    @classmethod
    def from_spec(cls, spec: str, token: str | None = None) -> "VirtuosoStore":
        """Build a store from ``virtuoso+http(s)://host:port/sparql[?default=IRI&hide=IRI]``.

        >>> VirtuosoStore.from_spec("virtuoso+http://h:8890/sparql?hide=http://ex/h").hidden[-1]
        'http://ex/h'
        >>> VirtuosoStore.from_spec("virtuoso+http://h:8890/sparql?graph=x")
        Traceback (most recent call last):
        ...
        kg.store.base.StoreError: store virtuoso+http://h:8890/sparql?graph=x: unknown parameter 'graph' (default, hide)
        """
        parts = urlsplit(spec)
        if parts.scheme not in ("virtuoso+http", "virtuoso+https") or not parts.netloc:
            raise StoreError(f"store {spec}: expected virtuoso+http(s)://host:port/sparql")
        args = parse_qs(parts.query)
        unknown = set(args) - {"default", "hide"}
        if unknown:
            raise StoreError(f"store {spec}: unknown parameter {sorted(unknown)[0]!r} (default, hide)")
        endpoint = urlunsplit((parts.scheme.split("+", 1)[1], parts.netloc, parts.path or "/sparql", "", ""))
        return cls(endpoint, default_graph=args.get("default", [DEFAULT_GRAPH])[0], hidden=args.get("hide", []),
                   headers=auth_headers(token))

    # -- transport: forms only (a POST of application/sparql-query is never answered) --------
    def _form(self, data: list[tuple[str, str]], accept: str | None = None) -> httpx.Response:
        headers = {"Accept": accept} if accept else {}
        try:
            response = self._client.post(self.query_url, data=dict(_group(data)), headers=headers)
        except httpx.HTTPError as exc:
            raise StoreError(f"store {self.query_url}: {type(exc).__name__} ({exc})") from None
        return _checked(response, self.query_url)

    # -- writes -------------------------------------------------------------------------
    def apply(self, add: Sequence[Quad], remove: Sequence[Quad] = ()) -> None:
        """Atomic as one SPARQL operation: Virtuoso commits each operation of a request on its own.

        Adds alone are one ``INSERT DATA``, removals alone one ``DELETE DATA`` (any size: blocks of
        :data:`CHUNK` triples, which its parser takes); both, or blank nodes (refused in ``INSERT DATA``),
        are one ``DELETE {…} INSERT {…} WHERE {}`` up to :data:`TEMPLATE_MAX` triples (a template compiles
        to SQL, capped in length).  Beyond that the write is split, and a failure can leave part of it.
        """
        blank = [q for q in add if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)]
        if (blank or (add and remove)) and len(add) + len(remove) <= TEMPLATE_MAX:
            deleting = f"DELETE {{ {' '.join(self._blocks(remove))} }} " if remove else ""
            ops = [f"{deleting}INSERT {{ {' '.join(self._blocks(add, len(add) or 1))} }} WHERE {{}}"]
        else:
            plain = [q for q in add if not (isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode))]
            ops = [f"DELETE DATA {{ {' '.join(self._blocks(remove))} }}"] if remove else []
            ops += [f"INSERT DATA {{ {' '.join(self._blocks(plain))} }}"] if plain else []
            if blank:  # one template, so one node per label across the blank-node quads
                ops.append("INSERT { " + " ".join(self._blocks(blank, len(blank))) + " } WHERE {}")
        if ops:
            self._form([("update", " ;\n".join(ops))])

    def _blocks(self, quads: Sequence[Quad], size: int = 0) -> list[str]:
        """``GRAPH <g> { triples }`` texts of at most ``size`` (default :data:`CHUNK`) triples each."""
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            graph = self.default_graph if isinstance(q.graph_name, DefaultGraph) else q.graph_name
            by_graph.setdefault(str(graph), []).append(f"{q.subject} {q.predicate} {q.object} .")
        size = size or CHUNK
        return [f"GRAPH {graph} {{ {' '.join(triples[i:i + size])} }}"
                for graph, triples in by_graph.items() for i in range(0, len(triples), size)]

    def update(self, sparql: str) -> None:
        text = hide_graphs(explicit_default(_long_delete(sparql), self.default_graph.value), self.hidden, update=True)
        self._form([("update", text)])

    # -- reads --------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              default_graphs: Sequence[NamedNode] | None = None,
              named_graphs: Sequence[NamedNode] | None = None) -> QueryResult:
        if bindings:
            sparql = inject_values(sparql, bindings)
        if default_graphs is None and named_graphs is None:
            # no default-graph-uri: given one, Virtuoso finds nothing in GRAPH <iri>; the query names our graph
            named = explicit_default(flatten_lateral(sparql), self.default_graph.value, query=True)
            data = [("query", hide_graphs(named, self.hidden))]
        else:  # a protocol-named dataset: exactly those graphs (none named: none at all, not Virtuoso's "all")
            data = [("query", hide_graphs(flatten_lateral(sparql), self.hidden))]
            data += [("default-graph-uri", g.value) for g in default_graphs or ()]
            data += [("named-graph-uri", g.value) for g in named_graphs or [NamedNode(_NO_NAMED)]]
        form = _FORM.search(strip_literals(sparql))
        graph_form = form is not None and form.group(1).upper() in ("CONSTRUCT", "DESCRIBE")
        response = self._form(data, "application/n-triples" if graph_form else _RESULTS)
        ctype = response.headers.get("content-type", "").split(";")[0].strip()
        if ctype in ("application/n-triples", "text/plain"):
            return _as_triples(response.content, RdfFormat.N_TRIPLES)
        if ctype != _RESULTS:
            raise StoreError(f"store {self.query_url}: unexpected answer of type {ctype or 'none'}")
        return parse_query_results(_mapped(response, self.query_url), QueryResultsFormat.JSON)


def hide_graphs(sparql: str, hidden: Sequence[str], *, update: bool = False) -> str:
    """``sparql`` with every ``GRAPH ?var {…}`` pattern wrapped as ``{ GRAPH ?var {…} FILTER(?var NOT IN (…)) }``.

    In an update only patterns of a ``WHERE`` group change (a template's ``GRAPH ?g`` takes its
    graphs from there); ``DELETE WHERE {P}`` becomes ``DELETE {P} WHERE {P}``, which is the same.

    >>> hide_graphs("DELETE WHERE { GRAPH ?g { ?s ?p 1 } }", ["http://ex/d"], update=True)
    'DELETE { GRAPH ?g { ?s ?p 1 } } WHERE { { GRAPH ?g { ?s ?p 1 } FILTER(?g NOT IN (<http://ex/d>)) } }'
    >>> hide_graphs('SELECT * { ?s ?p "GRAPH ?g {" GRAPH <http://ex/a> { ?s ?p ?o } }', ["http://ex/d"])
    'SELECT * { ?s ?p "GRAPH ?g {" GRAPH <http://ex/a> { ?s ?p ?o } }'
    """
    if update:
        sparql = _long_delete(sparql)
    masked = strip_literals(sparql)
    banned = ", ".join(f"<{g}>" for g in hidden)
    edits: list[tuple[int, str]] = []
    where_next = False
    stack: list[bool] = []  # per open brace: inside a WHERE group?
    for match in _TOKENS.finditer(masked):
        token = match.group(0)
        if token == "{":
            stack.append(where_next or not update or (bool(stack) and stack[-1]))
            where_next = False
        elif token == "}":
            if stack:
                stack.pop()
        elif match.group(1):
            inside = not update or (bool(stack) and stack[-1])
            brace = match.end() - 1
            stack.append(inside)
            where_next = False
            if inside:
                var = match.group(1)
                edits.append((match.start(), "{ "))
                edits.append((_closing(masked, brace) + 1, f" FILTER({var} NOT IN ({banned})) }}"))
        else:
            where_next = True
    return _edited(sparql, edits)


def explicit_default(update: str, graph: str, *, query: bool = False) -> str:
    """``update`` (or, with ``query``, the WHERE group of a query) with our default graph named: every
    triple pattern outside ``GRAPH`` goes into ``GRAPH <graph> {…}``.

    Virtuoso cannot take a default graph for an update as a parameter: given one (``default-graph-uri``,
    ``WITH``, ``define input:default-graph-uri``), ``GRAPH <iri>`` in the ``WHERE`` finds nothing, and
    given none, a template triple outside ``GRAPH`` is refused.  So templates, data blocks and ``WHERE``
    groups name the graph themselves (a triple block becomes ``GRAPH <graph> {…}`` where it stands,
    which is the same join).  ``WITH`` and ``USING`` are refused: the update names its graphs.

    >>> explicit_default("INSERT { ?s <a:q> ?o } WHERE { ?s <a:p> ?o FILTER(?o > 1) OPTIONAL { ?o <a:p> ?x } }", "urn:d")
    'INSERT { GRAPH <urn:d> { ?s <a:q> ?o } } WHERE { GRAPH <urn:d> { ?s <a:p> ?o } FILTER(?o > 1) OPTIONAL { GRAPH <urn:d> { ?o <a:p> ?x } } }'
    >>> explicit_default("DELETE DATA { <a:s> <a:p> 1 . GRAPH <a:g> { <a:s> <a:p> 2 } }", "urn:d")
    'DELETE DATA { GRAPH <urn:d> { <a:s> <a:p> 1 . } GRAPH <a:g> { <a:s> <a:p> 2 } }'
    >>> explicit_default("CONSTRUCT { ?s ?p 1 } WHERE { ?s ?p 1 }", "urn:d", query=True)
    'CONSTRUCT { ?s ?p 1 } WHERE { GRAPH <urn:d> { ?s ?p 1 } }'
    """
    masked = _mask(update, fill="x")  # strings and IRIs stay tokens of the triple blocks
    edits: list[tuple[int, str]] = []
    if query:
        if re.search(r"(?<![\w:?$])FROM(?![\w:])", masked, re.IGNORECASE):
            return update  # the query names its own dataset
        try:
            brace = where_brace(update)
        except BindingError:
            return update  # not a query Virtuoso will take either: its own error names the mistake
        _wrap_group(masked, brace + 1, _closing(masked, brace), f"GRAPH <{graph}> {{ ", edits)
        return _edited(update, edits)
    if re.search(r"(?<![\w:?$])(WITH|USING)(?![\w:])", masked, re.IGNORECASE):
        raise StoreError("a Virtuoso store takes updates without WITH or USING (name graphs with GRAPH)")
    depth = 0
    for i, c in enumerate(masked):
        if c == "{":
            if depth == 0:
                _wrap_group(masked, i + 1, _closing(masked, i), f"GRAPH <{graph}> {{ ", edits)
            depth += 1
        elif c == "}":
            depth -= 1
    return _edited(update, edits)


def _edited(text: str, edits: list[tuple[int, str]]) -> str:
    """``text`` with each ``(position, insertion)`` applied (positions are of the original text)."""
    for at, insertion in sorted(edits, key=lambda e: e[0], reverse=True):
        text = text[:at] + insertion + text[at:]
    return text


_WORD = re.compile(r"(?<![\w:?$])(OPTIONAL|MINUS|UNION|FILTER|BIND|VALUES|GRAPH|SERVICE|SELECT|NOT|EXISTS)(?![\w:])",
                   re.IGNORECASE)


def _wrap_group(masked: str, start: int, end: int, opening: str, edits: list[tuple[int, str]]) -> None:
    """Edits putting each triple block of the group ``masked[start:end]`` (and of its subgroups) in ``opening … }``.

    A block is cut after every :data:`CHUNK` triples: Virtuoso's parser gives up on one long block.

    >>> edits: list[tuple[int, str]] = []
    >>> text = "{ " + "<a:s> <a:p> 1.5 . " * (CHUNK + 1) + "}"
    >>> _edited(text, (_wrap_group(text, 1, len(text) - 1, "G { ", edits), edits)[1]).count("G {")
    2
    """
    block: list[int] = []  # first and last character of the current triple block
    triples = [0]

    def close() -> None:
        if block:
            edits.append((block[0], opening))
            edits.append((block[1] + 1, " }"))
            block.clear()
        triples[0] = 0

    i = start
    while i < end:
        c = masked[i]
        word = _WORD.match(masked, i)
        if c.isspace():
            i += 1
        elif c == "{":
            close()
            j = _closing(masked, i)
            k = i + 1
            while k < j and masked[k].isspace():
                k += 1
            inner = _WORD.match(masked, k)
            if inner and inner.group(1).upper() == "SELECT":  # a subquery: its own WHERE group
                k = masked.find("{", inner.end(), j)
                if k >= 0:
                    _wrap_group(masked, k + 1, _closing(masked, k), opening, edits)
            else:
                _wrap_group(masked, i + 1, j, opening, edits)
            i = j + 1
        elif word:
            close()
            kind = word.group(1).upper()
            i = word.end()
            if kind in ("GRAPH", "SERVICE", "VALUES"):  # its block is another graph's, or data
                i = _closing(masked, masked.index("{", i)) + 1
            elif kind in ("FILTER", "BIND"):
                while i < end and masked[i].isspace():
                    i += 1
                if masked[i] == "(" or not _WORD.match(masked, i):  # FILTER (…) or FILTER fn(…)
                    close_paren = _closing(masked, masked.index("(", i), "()")
                    _wrap_exists(masked, i, close_paren, opening, edits)
                    i = close_paren + 1
        elif c in ".;," and not block:
            i += 1
        else:
            if not block:
                block[:] = [i, i]
            j = _closing(masked, i, "()" if c == "(" else "[]") + 1 if c in "([" else i + 1
            block[1] = j - 1
            i = j
            if c == "." and (i >= end or masked[i].isspace()):  # a triple's end (not the dot of 1.5)
                triples[0] += 1
                if triples[0] >= CHUNK:
                    close()
    close()


def flatten_lateral(query: str) -> str:
    """``query`` with each ``LATERAL { P }`` (an Oxigraph extension Virtuoso refuses) written as ``P`` in place.

    For a ``P`` of triples, filters and OPTIONALs the flat join has the same answers (LATERAL only
    orders the work: Oxigraph runs the flat form of ``events-in-range`` 17 to 250 times slower, so the
    named query keeps LATERAL and this dialect flattens it).

    >>> flatten_lateral("SELECT * WHERE { ?m <a:k> ?k LATERAL { ?e <a:m> ?m FILTER(?e != ?m) } }")
    'SELECT * WHERE { ?m <a:k> ?k           ?e <a:m> ?m FILTER(?e != ?m)   }'
    """
    while True:
        masked = strip_literals(query)
        lateral = re.search(r"(?<![\w:?$])LATERAL\s*\{", masked, re.IGNORECASE)
        if not lateral:
            return query
        close = _closing(masked, lateral.end() - 1)
        body = query[lateral.end():close]
        query = f"{query[:lateral.start()]}{' ' * (lateral.end() - lateral.start())}{body} {query[close + 1:]}"


def _wrap_exists(masked: str, start: int, end: int, opening: str, edits: list[tuple[int, str]]) -> None:
    """:func:`_wrap_group` for each ``EXISTS {…}`` inside the expression ``masked[start:end]``.

    >>> edits: list[tuple[int, str]] = []
    >>> text = "{ FILTER(?x || EXISTS { ?s ?p ?o }) }"
    >>> _edited(text, (_wrap_group(text, 1, len(text) - 1, "G { ", edits), edits)[1])
    '{ FILTER(?x || EXISTS { G { ?s ?p ?o } }) }'
    """
    pattern = re.compile(r"(?<![\w:?$])EXISTS\s*\{", re.IGNORECASE)
    found = pattern.search(masked, start, end)
    while found:
        brace = found.end() - 1
        close = _closing(masked, brace)
        _wrap_group(masked, brace + 1, close, opening, edits)
        found = pattern.search(masked, close + 1, end)


def _long_delete(update: str) -> str:
    """``DELETE WHERE {P}`` written as ``DELETE {P} WHERE {P}`` (the same operation), each one of ``update``."""
    while True:
        masked = strip_literals(update)
        short = re.search(r"\bDELETE\s+WHERE\s*\{", masked, re.IGNORECASE)
        if not short:
            return update
        close = _closing(masked, short.end() - 1)
        body = update[short.end() - 1:close + 1]
        update = f"{update[:short.start()]}DELETE {body} WHERE {body}{update[close + 1:]}"


def _closing(masked: str, brace: int, pair: str = "{}") -> int:
    depth = 0
    for i in range(brace, len(masked)):
        if masked[i] == pair[0]:
            depth += 1
        elif masked[i] == pair[1]:
            depth -= 1
            if depth == 0:
                return i
    raise SyntaxError(f"unbalanced braces after position {brace}")


def _group(data: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for key, value in data:
        grouped.setdefault(key, []).append(value)
    return grouped


def _mapped(response: httpx.Response, url: str) -> bytes:
    """Virtuoso's JSON results as SPARQL 1.1 JSON: ``__ASK_RETVAL`` a boolean, ``nodeID://`` blank nodes plain."""
    doc: dict[str, Any] = json.loads(response.content)
    variables = doc.get("head", {}).get("vars", [])
    rows = doc.get("results", {}).get("bindings", [])
    if variables == ["__ASK_RETVAL"]:
        return json.dumps({"head": {}, "boolean": bool(rows) and rows[0]["__ASK_RETVAL"]["value"] == "1"}).encode()
    cap = response.headers.get("x-sparql-maxrows")
    if cap and len(rows) >= int(cap):
        raise StoreError(f"store {url}: result cut at {cap} rows by Virtuoso's ResultSetMaxRows (raise it in virtuoso.ini)")
    for row in rows:
        for term in row.values():
            if term.get("type") == "bnode" and term["value"].startswith("nodeID://"):
                term["value"] = term["value"][len("nodeID://"):]
    return json.dumps(doc).encode()

