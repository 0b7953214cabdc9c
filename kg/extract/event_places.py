"""The place of a meeting or release stated in another sentence than the one that reports it.

News states an event once and where it was in another sentence: "Belarus freed Ann Lee on Saturday. The handover
took place at the Lithuanian border."; "On the sidelines of the summit, X met Y" after "Leaders gathered in Lima
for a two-day summit"; a transcript's venue line under its headline ("Oval Office"); a dateline over a lede that
says the guest is visiting ("BEIJING (Reuters) - Li met visiting Prime Minister X").  Each of these gives a place
to an event that has none, and only to the event it belongs to:

- a definite event noun that "took place"/"was held" somewhere ("the talks", "the swap", "it had taken place at")
  places the meetings (or releases) of the sentences around it, when no other pair's meeting lies between; a
  release whose own sentence names the same noun ("frees X in swap") takes the swap's place from anywhere;
- a gathering a meeting was held at or beside ("at the forum", "on the sidelines of the summit") takes the place
  the document gives that gathering ("the Normandy ceremony", "arrived in Davos for the World Economic Forum"),
  else the dateline's city when the meeting was held (a story filed from the gathering);
- a venue line in a document's header, beside its date or time line, places the in-person meetings of the
  headline and lede; a dateline places the lede's meeting only when the lede says a side is visiting or received.

A meeting of the same pair, with the same status and no other date, in a sentence or two around gives its place
("Putin and Xi met in Beijing. The Chinese leader and Putin held talks for three hours."). A phone call never gets
a place.

>>> _STATED.search("The handover took place at the Lithuanian border, officials said.")["p"]
'Lithuanian border'
>>> _STATED.search("confirmed the swap and said it had taken place at Abu Dhabi airport.")["n"]
'swap'
>>> _STATED.search("Their talks, held at the prime minister's residence in Tokyo, lasted an hour.")["p"]
'Tokyo'
>>> from types import SimpleNamespace as S
>>> _stated([S(text="The meeting ended early, and Lavrov later held talks in Riyadh.")], 0, "meets") is None
True
>>> _gathering_places("Leaders gathered in Rio de Janeiro on Monday for a two-day summit.", "summit")
['Rio de Janeiro']
>>> _gathering_places("Obama and Putin will appear together at the Normandy ceremony.", "ceremony")
['Normandy']
>>> _gathering_places("The Arab League summit opened in Baghdad on Saturday.", "summit")
['Baghdad']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Any

from kg.extract.dates import DATELINE
from kg.extract.lexicon import DEMONYMS, MONTHS, WEEKDAYS

#: a place name, with the venue noun a crossing point may end in ("Abu Dhabi airport", "Lithuanian border")
_PLACE = (r"(?P<p>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|al|of the|of))*"
          r"(?:\s+(?:airport|airbase|air base|border|border crossing|crossing|checkpoint|palace|residence))?)")
_MEET_NOUNS = ("meeting", "meetings", "talks", "summit", "encounter")
_RELEASE_NOUNS = ("handover", "hand-over", "swap", "exchange", "release", "transfer")
#: an event noun and where it "took place": "The talks took place in Warsaw", "the swap ... it had taken place at X"
_STATED = re.compile(
    rf"\b(?P<n>{'|'.join(_MEET_NOUNS + _RELEASE_NOUNS)})\b(?P<mid>[^.;:!?]{{0,80}}?)\b"
    r"(?:took place|take place|takes place|taken place|(?:was|were|had been|has been|have been) held|held|"
    r"(?:was|were) hosted|happened|occurred|(?:was|were) carried out)\s+"
    r"(?:(?:on|last|this|late|early)\s+\w+\s+)?(?:in|at)\s+(?:the\s+)?"
    # a venue named in common words takes its city: "held at the prime minister's residence in Tokyo"
    r"(?:[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}\s+(?:in|at|near|outside)\s+(?:the\s+)?)?" + _PLACE)
#: words that open another clause between an event noun and a "took place"/"held" that is then not its own
_ANOTHER_CLAUSE = re.compile(r"\b(?:and|but|while|whereas|after|before|then|later|when)\b|;", re.IGNORECASE)
#: the words that make the event noun the one already reported: "the talks", "their meeting", "Saturday's swap"
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|their|its|his|her)\s+(?:[\w'’-]+\s+){0,3}$|['’]s\s+(?:[\w'’-]+\s+){0,2}$",
                       re.IGNORECASE)
#: a gathering an encounter is held at or beside: "at the forum", "on the sidelines of the summit"
_GATHERING = re.compile(
    r"\b(?i:at|during|on the (?:sidelines|margins|fringes) of|on the (?:sideline|margin) of)\s+(?:the|this|that)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?P<g>ceremony|ceremonies|summit|forum|conference|gathering|funeral|inauguration|"
    r"celebrations|commemorations|assembly|games|meeting|meetings)\b")
#: words that make a meeting of the same pair another meeting
_ANOTHER = re.compile(r"\b(?:again|another|second|third|once more|follow-up|next meeting)\b", re.IGNORECASE)
#: how sentences before a meeting (or after it) are looked at for where a gathering or an event noun was
_NEAR = 2
_GATHERING_NEAR = 5
#: a line of a transcript's header that names its venue: "Oval Office", "East Room", "Great Hall of the People"
_VENUE_LINE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}(?:Office|Room|House|Palace|Hall|Garden|Kremlin|"
                         r"Castle|Residence|Chancellery|Building|Centre|Center|Embassy|Lodge|Mansion|Hotel)"
                         r"(?:\s+(?:of the|of)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*$")
_DATE_OR_TIME_LINE = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s*[AP]\.?M\.?|\w+ \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})\b",
                                re.IGNORECASE)
#: a lede that says a side of its meeting is a guest of the dateline's city
_GUEST = re.compile(r"\b(?:visiting|received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes|here)\b",
                    re.IGNORECASE)


def _is_place(name: str) -> bool:
    first = name.split()[0].lower().rstrip(".")
    return first not in MONTHS and first not in WEEKDAYS and (first not in DEMONYMS or len(name.split()) > 1)


def _gathering_places(text: str, noun: str) -> list[str]:
    """The places ``text`` gives a gathering named by ``noun`` ("summit"), in reading order.

    >>> _gathering_places("World leaders arrived in Davos for the World Economic Forum.", "forum")
    ['Davos']
    >>> _gathering_places("They met at the G20 summit.", "summit")
    []
    """
    g = noun[:-3] + "(?:y|ies)" if noun.endswith("ies") else noun.removesuffix("s") + "s?"
    found = []
    for pattern in (rf"\b(?i:{g})\s+(?:(?:opened|opens|began|begins|was held|is being held|took place|convened|"
                    rf"got under way|closed|ended)\s+(?:on\s+\w+\s+)?)?(?:in|at)\s+(?:the\s+)?{_PLACE}",
                    rf"\bthe\s+(?P<p>[A-Z][a-z][\w'’-]+(?:\s+[A-Z][a-z][\w'’-]+)?)\s+{g}\b",
                    rf"\b(?:in|at|to)\s+(?:the\s+)?{_PLACE}\b[^.;]{{0,50}}?\bfor\s+(?:the|a|an|this)\s+"
                    rf"(?:[\w'’-]+\s+){{0,4}}?(?i:{g})\b"):
        for m in re.finditer(pattern, text):
            place = m["p"].rstrip(".,")
            if _is_place(place):
                found.append((m.start(), place))
    return [p for _s, p in sorted(found)]


def _stated_date(claim: Any) -> Any:
    """A claim's date when its text states one (not the publication date standing in for it)."""
    return None if claim.date_basis == "published" else claim.date


def _sentence_of(a: Any, starts: list[int]) -> int | None:
    if a.evidence is None or a.evidence.start is None:
        return None
    return bisect_right(starts, a.evidence.start) - 1


def _stated(sents: list[Any], j: int, kind: str) -> tuple[str, str] | None:
    """(event noun, place) of a definite event noun of ``kind`` stated to have taken place in sentence ``j``."""
    for m in _STATED.finditer(sents[j].text):
        noun = m["n"].lower()
        if (noun in _MEET_NOUNS) != (kind == "meets"):
            continue
        before = sents[j].text[max(0, m.start() - 40):m.start()]
        pronoun = re.search(r"\b(?:it|they)\b", m["mid"])  # "confirmed the swap and said it had taken place at"
        if not _DEFINITE.search(before) and not pronoun:
            continue
        if not pronoun and _ANOTHER_CLAUSE.search(m["mid"]):
            continue  # "The meeting ended early, and Lavrov later held talks in Riyadh": another event's place
        place = m["p"].rstrip(".,")
        if _is_place(place):
            return noun, place
    return None


def _venue_line(text: str) -> str | None:
    """The venue line of a transcript's header: a short line of a venue beside a date or time line."""
    lines = [ln.strip() for ln in text[:600].splitlines() if ln.strip()][:6]
    for k in range(1, len(lines)):
        if _VENUE_LINE.match(lines[k]) and any(_DATE_OR_TIME_LINE.match(lines[x]) for x in (k - 1, k + 1)
                                               if 0 <= x < len(lines)):
            return lines[k].removeprefix("The ")
    return None


#: a dateline in title case that names its agency: "Cairo [Egypt], May 4 (ANI):", "Hanoi, March 3 (VNA) -"
_TITLE_DATELINE = re.compile(r"^\s*(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?:\s*\[[^\]]{1,30}\]|,\s*[A-Z][a-z]+)?,?"
                             r"\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*"
                             r"\([A-Za-z][\w .]{0,20}\)\s*[:—–-]")


def _dateline_place(sent: str) -> str | None:
    """The city of a dateline opening ``sent``, title-cased.

    >>> _dateline_place("KYIV, Ukraine (AP) — Visiting minister X met Y."), _dateline_place("Cairo [Egypt], May 4 (ANI): X")
    ('Kyiv', 'Cairo')
    >>> _dateline_place("Paris, France and Germany agreed (in principle) - on Monday") is None
    True
    """
    titled = _TITLE_DATELINE.match(sent)
    if titled is not None:
        return titled["city"]
    m = DATELINE.match(sent)
    if m is None:
        return None
    city = re.split(r"[,(/—–]|\s-", m.group(0))[0].strip()
    return " ".join(w.capitalize() for w in city.split()) or None


def place_events(found: list[tuple[Any, Any]], sents: list[Any], text: str) -> list[tuple[Any, Any]]:
    """``found`` with places given from other sentences to in-person meetings and releases that have none."""
    starts = [s.start_char for s in sents]
    at = [_sentence_of(a, starts) for _f, a in found]
    meetings = [(i, {id(f.subject), id(f.obj)}) for (f, a), i in zip(found, at)
                if i is not None and a.claim.relation == "meets"]
    # "Putin and Xi met in Beijing. The Chinese leader and Putin held talks for three hours.": the same meeting
    placed = [(i, {id(f.subject), id(f.obj)}, a.claim.status, _stated_date(a.claim), a.claim.place) for (f, a), i in
              zip(found, at) if i is not None and a.claim.relation == "meets" and a.claim.place
              and a.claim.event_type != "Call"]
    venue = _venue_line(text)
    # distances are counted in sentences with words: a paragraph break is a sentence of its own
    rank = {k: r for r, k in enumerate(k for k, s in enumerate(sents) if s.text.strip())}
    real = sorted(rank, key=rank.__getitem__)
    body = next((rank[k] for k in real if k > 0 and len(sents[k].text) > 80), 1)
    dateline = next((d for k in real[:body + 1] if (d := _dateline_place(sents[k].text))), None)
    out = []
    for (f, a), i in zip(found, at):
        c = a.claim
        kind = c.relation
        if c.place is not None or i is None or kind not in ("meets", "releases") or c.event_type == "Call":
            out.append((f, a))
            continue
        sides = {id(f.subject), id(f.obj)}
        place = None
        if kind == "meets" and not _ANOTHER.search(sents[i].text):  # "will meet again next month": another one
            place = next((where for j, pair, status, date, where in sorted(placed, key=lambda p: abs(p[0] - i))
                          if pair == sides and status == c.status and (date is None or _stated_date(c) in (None, date))
                          and j in rank and 0 < abs(rank[j] - rank[i]) <= _NEAR), None)  # in its own sentence
            # a second reading of the pair is another meeting: "met on Monday, a week after their meeting in Lima"
        own = sents[i].text.lower()
        if i not in rank:
            out.append((f, a))
            continue
        for j in sorted(real, key=lambda j: (abs(rank[j] - rank[i]), j)):
            if place is not None:
                break
            far = abs(rank[j] - rank[i]) > _NEAR
            if far and not (kind == "releases" and any(n in own for n in _RELEASE_NOUNS)):
                break
            if kind == "meets" and any(lo <= k <= hi and not side & sides for k, side in meetings
                                       for lo, hi in [(min(i, j), max(i, j))]):
                continue  # another pair's meeting lies between: the noun may be its
            stated = _stated(sents, j, kind)
            if stated is not None and (not far or stated[0] in own):
                place = stated[1]
                break
        if place is None and kind == "meets":
            gathering = _GATHERING.search(sents[i].text)
            if gathering is not None:
                for j in sorted((j for j in real if abs(rank[j] - rank[i]) <= _GATHERING_NEAR),
                                key=lambda j: (abs(rank[j] - rank[i]), j)):
                    where = _gathering_places(sents[j].text, gathering["g"].lower())
                    if where:
                        place = where[0]
                        break
                if place is None and c.status == "held":
                    place = dateline  # the story is filed from the gathering: "SINGAPORE (Reuters) - ... sidelines"
        if place is None and kind == "meets" and c.status == "held":
            if venue is not None and rank[i] <= body + 2:
                place = venue  # a transcript's venue line: the headline's and the lede's meetings
            elif rank[i] <= body and _GUEST.search(sents[i].text):
                place = _dateline_place(sents[i].text)
        if place is not None:
            a = replace(a, claim=replace(c, place=place))
        out.append((f, a))
    return out
