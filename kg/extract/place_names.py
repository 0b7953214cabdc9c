"""A place phrase read off the parse, tidied into the name of a place.

The parse gives the words under "in"/"at"; news phrases them around the place: "a G-8 meeting in Sochi,
Russia, next month" (the gathering and its time), "the Hungarian capital" (a description of a city).
:func:`tidy_place` keeps the place and drops the rest; a phrase it does not recognise is returned as it is.

>>> tidy_place("a G-8 meeting in Sochi, Russia, next month")
'Sochi, Russia'
>>> tidy_place("the Hungarian capital"), tidy_place("the Ruritanian capital")
('Budapest', 'Ruritanian capital')
>>> tidy_place("the Red Sea resort of Sharm el-Sheikh")
'Sharm el-Sheikh'
>>> tidy_place("Joint Base Elmendorf-Richardson in Anchorage")
'Joint Base Elmendorf-Richardson in Anchorage'
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.lexicon import DEMONYMS, METONYMS

#: nouns of a gathering whose own place is the event's ("at a G-8 meeting in Sochi": Sochi)
_GATHERINGS = r"(?:meeting|summit|conference|gathering|ceremony|forum|session|talks|meetings|dinner|reception|rally)"
_GATHERING_IN = re.compile(rf"^(?:an?|the)\s+(?:[\w.'’-]+\s+){{0,4}}?{_GATHERINGS}\s+(?:in|at)\s+(.+)$")
#: a time phrase the parse left on the end of a place ("Sochi, Russia, next month")
_TIME_TAIL = re.compile(r"(?:,\s*|\s+)(?:(?:next|last|this|later|earlier)\s+(?:week|month|year|spring|summer|autumn|"
                        r"fall|winter)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                        r"(?:this|that)\s+(?:morning|afternoon|evening)|today|tomorrow|yesterday)\b.*$")
#: nouns of a kind of place a name is given after "of": "the Red Sea resort of Sharm el-Sheikh"
PLACE_KINDS = frozenset({"capital", "city", "town", "port", "resort", "village", "region", "province", "island",
                         "enclave", "district", "county", "state", "emirate", "kingdom", "republic", "oblast"})
_KIND_OF = re.compile(rf"^(?:the\s+)?(?:[\w'’.-]+\s+){{0,3}}(?:{'|'.join(sorted(PLACE_KINDS))})\s+of\s+([A-Z].+)$")
_CAPITAL_OF = re.compile(r"^(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+capital$")


def capital_of(country: str) -> str | None:
    """The capital: the first of a country's seats in the lexicon ("Russia" -> "Moscow", not "Kremlin"), or None."""
    return next((m for m, c in METONYMS.items() if c == country), None)


def tidy_place(text: str | None) -> str | None:
    """The place in a place phrase: a gathering's own place, without a trailing time; a demonym's capital."""
    if not text:
        return text
    place = _TIME_TAIL.sub("", text).strip(" ,")
    inner = _GATHERING_IN.match(place)
    if inner:
        place = inner.group(1).strip(" ,")
    named = _KIND_OF.match(place)
    if named:
        return named.group(1)
    described = _CAPITAL_OF.match(place)
    if described:
        country = DEMONYMS.get(described.group(1).lower())
        capital = capital_of(country) if country else None
        if capital:
            return capital
        return place.removeprefix("the ")
    return place or text


@lru_cache(maxsize=1)
def capitals() -> frozenset[str]:
    """The names capitals are written as (``data/gazetteer/capitals.csv``): places, whatever the recogniser says.

    >>> "Dakar" in capitals(), "Putin" in capitals()
    (True, False)
    """
    import csv

    from kg.rdf.resources import gazetteer_path

    try:
        with gazetteer_path("capitals.csv").open(encoding="utf-8") as fh:
            return frozenset(r["capital"] for r in csv.DictReader(line for line in fh if not line.startswith("#")))
    except OSError:  # pragma: no cover - a checkout without the data still extracts
        return frozenset()
