"""The prefixes every query may use without declaring them.

>>> "PREFIX dip:" in with_prefixes("SELECT * WHERE { ?s ?p ?o }")
True
"""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "dip": "https://w3id.org/diplomacy-kg/ontology#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/",
    "cameo": "https://w3id.org/diplomacy-kg/codes/cameo/",
    "plover": "https://w3id.org/diplomacy-kg/codes/plover/",
}


def prefix_block() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def user_position(message: str) -> str:
    """Shift "error at LINE:COL" in a parser message back to the user's own query text.

    >>> user_position(f"error at {len(PREFIXES) + 1}:26: expected")
    'error at 1:26: expected'
    """
    import re

    def shift(match: "re.Match[str]") -> str:
        return f"error at {max(1, int(match.group(1)) - len(PREFIXES))}:{match.group(2)}"

    return re.sub(r"error at (\d+):(\d+)", shift, message)


def with_prefixes(sparql: str) -> str:
    """Prepend the standard prefixes (a query's own declarations still win)."""
    return prefix_block() + sparql
