"""The nesting limit checked before a query or update reaches the SPARQL parser.

The engine's parser is recursive: about 5,000 nested parentheses or groups overflow its stack and end the
whole process (SIGSEGV), which no exception handler can catch.  Counting brackets outside strings, IRIs
and comments is linear and cannot overflow, so every face (``kg query``, ``kg serve``) checks first.

>>> nesting_depth("SELECT * WHERE { ?s ?p ?o FILTER((1 + 2) > 0) }")
3
>>> nesting_depth('ASK { ?s ?p "((((" }')
1
>>> check_nesting("ASK {" * 3 + "}" * 3, limit=2)
Traceback (most recent call last):
...
ValueError: query: brackets nest 3 deep, more than the limit of 2 (see docs/reliability.md)
>>> check_nesting(" UNION ".join(["{ ?s ?p ?o }"] * 3), operators=1)
Traceback (most recent call last):
...
ValueError: query: 2 operators (UNION, OPTIONAL, &&, +, /, ...), more than the limit of 1 (see docs/reliability.md)
"""

from __future__ import annotations

import re

from kg.query.bindings import strip_literals

#: deepest nesting of ( [ { accepted; real queries stay under 20, the parser crashes near 5,000
MAX_NESTING = 100
#: most chained operators (UNION, OPTIONAL, MINUS, && || + - * / |) accepted: each adds a level to the
#: parsed expression tree; the engine crashes near 5,000 OPTIONALs and 10,000 UNIONs or ``+``
MAX_OPERATORS = 2000
_OPERATOR = re.compile(r"\b(?:UNION|OPTIONAL|MINUS)\b|&&|\|\||[-+*/|]", re.IGNORECASE)


def nesting_depth(sparql: str) -> int:
    """The deepest nesting of ``(``, ``[`` and ``{`` outside strings, IRIs and comments."""
    depth = deepest = 0
    for char in strip_literals(sparql):
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth = max(0, depth - 1)
    return deepest


def check_nesting(sparql: str, limit: int = MAX_NESTING, operators: int = MAX_OPERATORS) -> None:
    """Raise ``ValueError`` (one line) when ``sparql`` nests deeper than ``limit`` or chains too many operators."""
    masked = strip_literals(sparql)
    depth = nesting_depth(sparql)
    if depth > limit:
        raise ValueError(f"query: brackets nest {depth} deep, more than the limit of {limit} (see docs/reliability.md)")
    count = len(_OPERATOR.findall(masked))
    if count > operators:
        raise ValueError(f"query: {count} operators (UNION, OPTIONAL, &&, +, /, ...), more than the limit of "
                         f"{operators} (see docs/reliability.md)")
