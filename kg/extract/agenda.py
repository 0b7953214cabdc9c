"""A programme's verbless entries: under a leader's schedule, "- Bilateral meeting with President X" and
"Phone call with King Y" are the leader's encounters, though no entry names the leader.

The leader is the *principal*: the first person named in the last sentence before the entry that was not an
entry itself ("Prime Minister X held a series of bilateral meetings.", "The Prime Minister's office released
the following summary.").

>>> agenda_entry("- Bilateral meeting with President Cyril Ramaphosa of South Africa.")
('meets', 25, 'held')
>>> agenda_entry("- Phone call with King Abdullah II.")
('talksWith', 18, 'held')
>>> agenda_entry("Phone call with King Abdullah II.") is None  # a subheading, not an entry
True
>>> agenda_entry("Sunday: courtesy call by the Ambassador of Japan, postponed.")
('meets', 25, 'cancelled')
>>> agenda_entry("The meeting with Ramaphosa was cancelled.") is None
True
>>> agenda_entry("- The meeting with Ramaphosa did not take place.")
('meets', 19, 'negated')
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.findings import BULLET, DocState, Found
from kg.extract.pairing import PairingSentence, entities

#: an entry: a bullet or number, a day or time, then words that qualify the encounter and its noun and "with"/"by"
_ENTRY = re.compile(
    r"^\s*(?P<marker>(?:[-•*·▪–—]\s*|\d{1,3}[.)]\s+)(?:the\s+)?)?"
    r"(?P<when>(?:[A-Z][a-z]+day|\d{1,2}(?:[.:]\d\d)?(?:\s*[ap]\.?m\.?)?)\s*[:,–—-]\s*)?"
    r"(?P<mods>(?:(?:bilateral|brief|short|courtesy|working|informal|separate|trilateral|phone|telephone|video|"
    r"virtual|online|first|further|official|private|one-on-one)[\s-]+){0,3})"
    r"(?P<noun>meeting|bilateral|talks|call|conversation|pull-aside|pull aside|audience|consultations|"
    r"lunch|dinner|breakfast|videoconference|video conference)\s+(?P<prep>with|by)\s+", re.IGNORECASE)
#: words that make the entry's encounter one at a distance
_REMOTE = re.compile(r"phone|video|virtual|online", re.IGNORECASE)
#: a main clause of its own after the counterpart: no entry ("Meeting with X, Y said nothing")
_CLAUSE = re.compile(r",\s+(?!who\b|which\b|whom\b)[\w .'’-]{1,40}?\b(?:said|says|told|added|noted|stated)\b",
                     re.IGNORECASE)
#: words by which the entry's encounter did not happen as held, and the status each gives
_UNHELD = ((re.compile(r"\b(?:cancel\w*|postpone\w*|called off|scrapped)\b", re.IGNORECASE), "cancelled"),
           (re.compile(r"\b(?:did not|didn't|was not|not held)\b", re.IGNORECASE), "negated"),
           (re.compile(r"\b(?:will|to be held|planned|scheduled|expected)\b", re.IGNORECASE), "planned"))


def agenda_entry(text: str) -> tuple[str, int, str] | None:
    """The relation an entry of a programme states, where its counterpart starts and its status, else None.

    An entry opens with a bullet, a number or a day or time. A call is at a distance ("Phone call with", "Call
    with"), unless paid in person ("courtesy call by").
    """
    m = _ENTRY.match(text)
    if m is None or not (m.group("marker") or m.group("when")) or _CLAUSE.search(text, m.end()):
        return None  # an entry is marked as one, or timed: not a subheading ("Talks with Iran") in a story
    noun, mods = m.group("noun").lower(), m.group("mods").lower()
    if m.group("prep").lower() == "by" and noun != "call":
        return None  # "Meeting by the river": only a courtesy call is paid "by" someone
    remote = bool(_REMOTE.search(mods + noun)) or noun == "call" and "courtesy" not in mods
    status = next((s for cue, s in _UNHELD if cue.search(text, m.end())), "held")
    return ("talksWith" if remote else "meets"), m.end(), status


def _named_entry(sent: PairingSentence) -> tuple[str, int, str] | None:
    """A bulleted entry that names a person, then a colon and the topics: a meeting with that person ("- President
    of Chile X: lithium, trade")."""
    bullet = BULLET.match(sent.text)
    if bullet is None or not sent.loc or sent.loc[0][0] > bullet.end() + 4 or \
            not sent.text[sent.loc[0][1]:].lstrip().startswith(":"):
        return None
    if not any(e.type == "Person" for e in entities(sent.ms[0])):
        return None
    return "meets", bullet.end(), "held"


def agenda_findings(sent: PairingSentence, state: DocState) -> list[Found]:
    """The principal's encounters a verbless entry states; any other sentence may name a new principal."""
    entry = agenda_entry(sent.text) or _named_entry(sent)
    if entry is None:
        first = next((e for ms in sent.ms for e in entities(ms) if e.type == "Person"), None)
        state.principal = first or state.principal
        return []
    relation, start, status = entry
    principal: Any = state.principal
    at = next((i for i, (a, _b) in enumerate(sent.loc) if a >= start), None)
    if principal is None or at is None or sent.text[start:sent.loc[at][0]].strip().lower() not in ("", "the"):
        return []
    out: list[Found] = []
    for i in range(at, len(sent.loc)):  # "with A and B": the counterparts joined by "and"
        if i > at and sent.text[sent.loc[i - 1][1]:sent.loc[i][0]].strip() not in ("and", ",", ", and"):
            break
        end = sent.loc[i][1]
        out += [Found(relation, principal, e, status=status, start=0, end=end, confidence=0.7, trigger=(0, start),
                      notes=["agenda"]) for e in entities(sent.ms[i]) if e is not principal and e.type != "Country"]
    return out
