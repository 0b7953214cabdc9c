"""The place a meeting took place when its own sentence states none: where a participant had just travelled.

Wire copy states a journey, then the meeting: "Foreign Minister Ann Lee arrived in Ankara on Tuesday. Lee met
her Turkish counterpart on Wednesday."  The meeting sentence names no place; the sentence before says where
one of its two sides is.  A journey counts when it is stated in one of the two sentences before the meeting
and its traveller (a mention before the verb of going, pronouns and titles resolved) is one of the meeting's
sides; a journey by anyone else in between stops the search, so one person's trip never places another's
meeting.  "X also met Z" a few sentences after a meeting of X that was placed (and no other placed meeting since,
and no other stated date) is another meeting of the same stay, at the same place.  Sentences are counted without
the paragraph breaks.  Only in-person meetings are placed (a phone call has no place); a venue the sentence names
without its city ("at the foreign ministry") gets the journey's city after it.

>>> _JOURNEY.search("Lee arrived in Ankara on Tuesday.")["p"]
'Ankara'
>>> _JOURNEY.search("The minister flew to New Delhi late on Monday.")["p"]
'New Delhi'
>>> _JOURNEY.search("She visited Lukashenko in prison.") is None
True
>>> _JOURNEY.search("He attended the ASEAN Ministerial Meeting in Kuala Lumpur on Monday.")["p"]
'Kuala Lumpur'

>>> _JOURNEY.search("Blinken Arrives In Beijing For Talks")["p"], _PLACE_JOURNEY.search("Envoy's Belarus Visit")["p"]
('Beijing', 'Belarus')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from kg.extract.event_places import _stated_date
from kg.extract.lexicon import DEMONYMS, METONYMS, MONTHS, WEEKDAYS

#: a verb or noun of going and its destination: "arrived in X", "flew to X", "is visiting X", "on a visit to X"
_JOURNEY = re.compile(  # the verbs in any case: a title-case headline ("Blinken Arrives In Beijing")
    r"\b(?i:(?:arriv(?:ed|es|ing)|landed|lands|touched down)\s+(?:in|at)"
    r"|(?:travel(?:l)?ed|travels|flew|flies|headed|heads|went|came|returned|is travel(?:l)?ing|was travel(?:l)?ing)\s+to"
    r"|(?:is|was|are|were)\s+(?:visiting|on a visit to|on a trip to|in)"
    r"|(?:visit|trip|tour|journey|stop|stopover)\s+(?:to|in)"
    # "attended the ASEAN-GCC Ministerial Meeting in Kuwait City", "led the delegation to the summit in Abuja"
    r"|(?:attended|attends|attending|(?:led|leads|leading)\s+(?:\w+['’]s\s+|the\s+|a\s+|his\s+|her\s+)?"
    r"delegation\s+to)\s+(?:the\s+)?(?:[\w'’.–-]+\s+){1,8}?(?:in|at))\s+"
    r"(?:the\s+)?(?P<p>[A-Z][\w'’.-]+(?:\s+(?:(?!(?:For|To|And|With|On|In|At|As|After|Amid|Ahead|Before|Over|"
    r"Talks|Meets?|Holds?|Says?)\b)[A-Z][\w'’.-]+|de|al|of))*)")
#: a journey noun after its place: "his Moscow trip", "Trump Envoy's Belarus Visit" (a country or a capital only)
_PLACE_JOURNEY = re.compile(r"\b(?P<p>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)\s+(?i:visit|trip|tour|stopover)\b")
#: "X also met Y": another meeting of the same stay
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
#: sentences looked back over for a journey, and for the meeting an "also" meeting shares a stay with
_LOOKBACK = 2
_ALSO_LOOKBACK = 6


def _is_place_name(name: str) -> bool:
    first = name.split()[0].lower().rstrip(".")
    return first not in MONTHS and first not in WEEKDAYS and first not in DEMONYMS


def _journey(text: str, base: int, mentions: list[Any]) -> tuple[set[int], str] | None:
    """The last journey stated in a sentence: (ids of the entities before its verb, its destination)."""
    found = None
    known = set(DEMONYMS.values()) | set(METONYMS)
    matches = list(_JOURNEY.finditer(text)) + [m for m in _PLACE_JOURNEY.finditer(text) if m["p"] in known]
    for m in sorted(matches, key=lambda m: m.start("p")):
        place = m["p"].rstrip(".,")
        a, b = base + m.start("p"), base + m.start("p") + len(place)
        # a person or body named there is not a place ("was in talks with", "visit to Rosneft")
        if any(x.start < b and a < x.end and getattr(x.entity, "type", "Country") not in ("Country", None)
               for x in mentions):
            continue
        if not _is_place_name(place):
            continue
        before = {id(x.entity) for x in mentions if x.entity is not None and x.end <= base + m.start()}
        found = (before, place)
    return found


def place_journeys(found: list[tuple[Any, Any]], sents: list[Any], chains: list[list[Any]]) -> list[tuple[Any, Any]]:
    """``found`` with a place given to each in-person meeting that has none, from its sides' journey before it.

    ``found`` holds (:class:`~kg.extract.findings.Found`, :class:`~kg.model.Assertion`) pairs; ``sents`` and
    ``chains`` are the document's sentences and their mentions.
    """
    starts = [s.start_char for s in sents]
    # distances are counted in sentences with words: a paragraph break is a sentence of its own
    real = [k for k, s in enumerate(sents) if s.text.strip()]
    rank = {k: r for r, k in enumerate(real)}
    out = []
    placed: list[tuple[int, set[int], str, Any]] = []  # (sentence, sides, place, stated date) of the placed meetings
    for f, a in found:
        c = a.claim
        if c.relation == "meets" and c.place and c.place[:1].isupper() and f.obj is not None and a.evidence is not None \
                and a.evidence.start is not None:
            placed.append((bisect_right(starts, a.evidence.start) - 1, {id(f.subject), id(f.obj)}, c.place,
                           _stated_date(c)))
        venue = c.place is not None and c.place[:1].islower()  # "at the foreign ministry": in which city?
        if c.relation != "meets" or (c.place is not None and not venue) or c.event_type == "Call" or a.evidence is None \
                or f.obj is None or a.evidence.start is None:
            out.append((f, a))
            continue
        i = bisect_right(starts, a.evidence.start) - 1
        if i not in rank:
            out.append((f, a))
            continue
        sides = {id(f.subject), id(f.obj)}
        place = None
        if _ALSO.search(sents[i].text):  # "X met A in Beijing. ... X also met B": the same stay
            for j, side, where, when in reversed(placed):  # the last placed meeting before this sentence decides
                if j >= i:
                    continue
                # not another time: "met Xi in Beijing in May. On Tuesday, Putin also met Modi"
                if rank.get(j, -_ALSO_LOOKBACK) >= rank[i] - _ALSO_LOOKBACK and side & sides and \
                        _stated_date(c) in (None, when):
                    place = where
                break
        for j in reversed(real[max(0, rank[i] - _LOOKBACK):rank[i]]):
            if place is not None:
                break
            trip = _journey(sents[j].text, sents[j].start_char, chains[j])
            if trip is None:
                continue
            travellers, where = trip
            if travellers & sides:
                place = where
            break  # the nearest journey decides: someone else's trip places nobody here
        if place is not None:
            a = replace(a, claim=replace(c, place=f"{c.place}, {place}" if venue else place))
        out.append((f, a))
    return out
