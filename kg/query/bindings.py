"""Bind RDF terms into a query without pasting untrusted text into it.

pyoxigraph's ``substitutions`` only accepts variables that a SELECT projects,
and the SPARQL protocol has no binding parameter at all, so every store binds
the same engine-independent way: a ``VALUES`` block at the start of the WHERE
group, whose terms are serialised by pyoxigraph (N-Triples escaping of IRIs
and literals).  The untrusted value is therefore always one RDF term, never
query syntax.

>>> from pyoxigraph import Literal
>>> inject_values('SELECT ?x WHERE { ?x ?p ?name }', {"name": Literal('x" } ; DROP ALL ; #')})
'SELECT ?x WHERE { VALUES (?name) { ("x\\\\" } ; DROP ALL ; #") } ?x ?p ?name }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyoxigraph import BlankNode, Literal, NamedNode

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WHERE = re.compile(r"\bWHERE\b", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


class BindingError(ValueError):
    """A binding could not be applied (bad variable name, blank node, no WHERE group)."""


def _mask(sparql: str, fill: str = " ") -> str:
    """Copy of ``sparql`` with strings, IRIs and comments blanked out (same length).

    Strings and IRIs are filled with ``fill`` (a non-space fill keeps them visible as one token), comments with spaces.
    """
    out = list(sparql)
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if sparql.startswith(('"""', "'''"), i):
            end = sparql.find(sparql[i:i + 3], i + 3)
            end = n if end < 0 else end + 3
        elif c in "\"'":
            j = i + 1
            while j < n and sparql[j] != c and sparql[j] != "\n":
                j += 2 if sparql[j] == "\\" else 1
            end = min(j + 1, n)
        elif c == "<" and re.match(r"<[^<>\"{}|^`\\\s]*>", sparql[i:]):
            end = i + re.match(r"<[^<>\"{}|^`\\\s]*>", sparql[i:]).end()  # type: ignore[union-attr]
        elif c == "#":
            end = sparql.find("\n", i)
            end = n if end < 0 else end
        elif c == "\\":
            # outside strings a backslash escapes one character of a prefixed name (PN_LOCAL_ESC: ex:a\' or
            # ex:a\#); that character opens no string or comment, so it must not hide the text after it.
            i += 2
            continue
        else:
            i += 1
            continue
        for k in range(i, end):
            out[k] = " " if c == "#" else fill
        i = end
    return "".join(out)


def where_brace(sparql: str) -> int:
    """Index of the ``{`` that opens the query's WHERE group."""
    masked = _mask(sparql)
    form = _FORM.search(masked)
    if not form:
        raise BindingError("query has no SELECT, ASK, CONSTRUCT or DESCRIBE form")
    where = _WHERE.search(masked, form.end())
    start = where.end() if where else form.end()
    if form.group(1).upper() == "CONSTRUCT" and not where:
        raise BindingError("cannot bind parameters in a CONSTRUCT without WHERE")
    brace = masked.find("{", start)
    if brace < 0:
        raise BindingError("query has no WHERE group to bind parameters in")
    return brace


def inject_values(sparql: str, bindings: Mapping[str, NamedNode | Literal | BlankNode]) -> str:
    """Return ``sparql`` with ``bindings`` as a one-row VALUES block in its WHERE group."""
    if not bindings:
        return sparql
    names, terms = [], []
    for name, term in bindings.items():
        if not _VAR.match(name):
            raise BindingError(f"{name!r} is not a SPARQL variable name")
        if isinstance(term, BlankNode) or not isinstance(term, (NamedNode, Literal)):
            raise BindingError(f"?{name} must be bound to an IRI or a literal")
        names.append(f"?{name}")
        terms.append(str(term))
    brace = where_brace(sparql)
    block = f" VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"
    return sparql[: brace + 1] + block + sparql[brace + 1 :]


def strip_literals(sparql: str) -> str:
    """``sparql`` with strings, IRIs and comments blanked out, for keyword checks (same length).

    >>> "SERVICE" in strip_literals('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    False
    >>> "SERVICE" in strip_literals("SELECT * WHERE { BIND(ex:a\\\\' AS ?x) SERVICE <http://h/> {} ?s ?p ex:b\\\\' }")
    True
    """
    return _mask(sparql)
