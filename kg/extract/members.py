"""A group and its members across sentences: "Russia freed two Americans. The two, A and B, landed ...".

A finding whose argument is a group ("freed two Americans", "sanctioned nine officials", "leaders of four
states met") gives each member the text names for it the group's relation, with the same agent, status and
date, when the members are named *as its members* in the same sentence after the group or in one of the next
two sentences:

- apposition to the group: "The two, A and B, landed"; "One of them, A, said"; "The individuals, A and B, ...";
- a copula or "include": "The four are A, B, C and D"; "They include A and B"; "Those freed included A";
  "The list includes A"; "such as A", "for example A";
- "among": "Among them were A and B"; "A and B were among those released"; "among them A" after the group;
- for a meeting of a group, the participants named in a list that opens the next sentence ("A, B and C
  agreed ...") or in an encounter of their own ("A hosted B, C and D"), and a summit that "brought together
  A, B and C".

A list of names that is not introduced as the group's ("Separately, A met B"; "A and B were among the
reporters who covered the trial"; "including the killing of A"; "A, an analyst, said") gives nothing. The group
finding itself stays. The sentences that may name members, and the trigger sentences before them, are parsed
(:func:`parse_also`) so that the recogniser reads the names.

>>> from kg.extract.parsed import ParseExtractor
>>> from kg.model.core import Document
>>> doc = Document.from_text("Report\\nValoria freed two engineers on Friday. The two, Mark Otto and Sara Lind, "
...                          "flew home on Saturday.", published="2024-03-09")
>>> sorted((a.claim.relation, o.label if o else a.claim.obj.label) for a in ParseExtractor(resolver=None).extract(doc)
...        for s, o in a.claim.pairs())
[('releases', 'Mark Otto'), ('releases', 'Sara Lind'), ('releases', 'engineers')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from kg.extract.arguments import entities_at
from kg.extract.coref import Entity
from kg.extract.findings import Found
from kg.extract.frames import FrameHit, gate_pattern, match
from kg.extract.segments import Mention, Sentence

#: the most participants of one meeting paired (the evaluation's convention: every pair of the first four)
MAX_PARTICIPANTS = 4
#: how many sentences after the group's the members may be named in
WINDOW = 2

_NUM = r"(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
#: members after the words: "They include", "Those freed included", "The list includes", "including", "such as",
#: "for example"
_INCLUDE = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such\s+as|for\s+(?:example|instance)|notably|in\s+particular)\b",
                      re.IGNORECASE)
#: "Among them were", "Among those targeted is", "among them", "Among the individuals are"
_AMONG_AFTER = re.compile(r"\bamong\s+(?:them|those(?:\s+\w+){0,3}?|the\s+(?P<noun>\w+))\s*(?:(?:are|were|is|was)\b)?",
                          re.IGNORECASE)
#: "A and B were among those released", "are among those named": the members come before
_AMONG_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?among\s+(?:them|those\b|the\s+(?P<noun>\w+))",
                           re.IGNORECASE)
#: "The two, A and B, ...", "The pair, A and B", "The visitors, A, B and C, ...", "One of them, A, ..."
_APPOSED = re.compile(rf"^\W*(?:(?i:the|both|all)\s+)?(?:(?:[a-z]\w*\s+)?(?:{_NUM}|pair|trio|[a-z]+s)|{_NUM}\s+of\s+"
                      rf"(?:them|those|the\s+\w+)|(?i:one)\s+of\s+(?:them|those|the\s+\w+))\s*(?:,|—|–|\s-)\s*")
#: "The four are A, B, C and D", "The individuals are A and B", "The persons concerned are A", "They are A and B"
_COPULA = re.compile(rf"^\W*(?:(?i:the)\s+(?:[a-z]\w*\s+)?(?:{_NUM}|pair|[a-z]+s)(?:\s+(?:concerned|named|listed|"
                     rf"designated|targeted|affected|sanctioned|freed|released|pardoned|involved))?|They)\s+(?:are|were)"
                     rf"(?=\s+[A-Z])")
#: a preposition whose object the first name is ("including the jailing of A"), unless a list goes on after it
#: ("eight lay workers of the Catholic church and student leader A")
_PREP_BEFORE = re.compile(r"\b(?:of|in|for|against|to|by|with|from|on|over|at|about)\b(?![^,]*(?:,|\band\b))")


def _descriptor(gap: str) -> bool:
    """True when ``gap`` (marker to first name) is a description of the member, not a phrase naming something else.

    >>> _descriptor(" former lawmakers "), _descriptor(" the jailing of "), _descriptor(" eight workers of a church and ")
    (True, False, True)
    """
    return len(gap.split()) <= 12 and _PREP_BEFORE.search(gap) is None


#: "among those who ...": the words of the relative clause
_WHO = re.compile(r"\s+(?:who|that)\s+((?:\w+\s+){0,3}\w+)")
#: where a run of members ends: a relative or reporting clause after them
_CUT = re.compile(r",\s+(?:who|which|whose|said|says|according|told|after|before|when|while|as|because|since|"
                  r"following|amid|until|ahead\s+of)\b|;|\s+(?:said|told)\b")
#: words that may stand between listed participants ("Norway's A, Sweden's B and Iceland's C")
_BETWEEN = re.compile(r"^\s*(?:,|,?\s+and)?\s+(?:(?:[A-Z][\w'’.-]*|of|the)\s+){0,4}$")
_BEFORE_FIRST = re.compile(r"^\W*(?:(?:[A-Z][\w'’.-]*|of|the)\s+){0,4}$")
#: an encounter sentence of the named participants ("A hosted B, C and D")
_ENCOUNTER = re.compile(r"\b(?:host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|met|meets|meeting)\b")
#: a sentence that reports what was said names its speakers, not (by that alone) the group that met
_REPORTING = re.compile(r"\b(?:said|says|told|according|wrote|writes|warned|argued|noted)\b")
#: a counted group of persons a later sentence names, which members named after it belong to
_OTHER_GROUP = re.compile(rf"\b{_NUM}\s+(?:[\w'’-]+\s+){{0,3}}?(?!years|months|weeks|days|hours|minutes)[A-Za-z]+s\b")
_COUNTED = re.compile(rf"\b(?:\d+|{_NUM}|several|dozens?|hundreds|scores|both|all)\b", re.IGNORECASE)
_TOGETHER = re.compile(r"\b(?:br(?:ought|ings?|inging)|gather(?:ed|s)?)\s+together\b", re.IGNORECASE)
#: group words that are measures or things, not persons
_NOT_PERSONS = frozenset({"sanction", "measure", "asset", "entity", "firm", "company", "vessel", "ship", "talk", "tie",
                          "relation", "fund", "charge", "term", "year", "month", "week", "day", "hour"})


def member_findings(sents: list[Sentence], chains: list[list[Mention]], parsed: dict[int, Any],
                    found: dict[int, list[Found]], limit: int) -> Iterator[tuple[int, Found]]:
    """(sentence index, finding) for each named member of a group finding; the sentence is the group's."""
    texts = [s.text for s in sents]
    for i, sent in enumerate(sents):
        if sent.start_char >= limit:
            break
        if i not in parsed:
            yield from ((i, f) for f in _together(sent, chains[i], found.get(i, [])))
            continue
        window = [j for j in following(texts, i) if sents[j].start_char < limit]
        own = found.get(i, [])
        has_group = any(f.group is not None for f in own)
        if not (has_group or _TOGETHER.search(sents[i].text) or _any_marker(sents, chains, window, i)):
            continue  # the cheap test: no group read here and no member words near
        yield from ((i, f) for f in _members_of(i, sents, chains, parsed[i], own, window))


def parse_also(texts: list[str]) -> set[int]:
    """The sentences to parse for their members: one that may name a group's members, and the sentences
    with a trigger stem up to :data:`WINDOW` before it (a group's own sentence may hold no second name).

    >>> sorted(parse_also(["Norway sanctioned three officers.", "The three are Lars Berg and Nils Dahl.", "Rain."]))
    [0, 1]
    >>> parse_also(["Prices rose, including rents.", "Rain."])
    set()
    """
    out: set[int] = set()
    for j, text in enumerate(texts):
        if names_members(text):
            # a group's own sentence counts it ("sanctioned three officers", "freed 14 activists")
            before = list(islice((i for i in range(j - 1, -1, -1) if texts[i].strip()), WINDOW))
            triggers = [i for i in sorted(before) + [j]
                        if gate_pattern().search(texts[i]) and (i == j or _COUNTED.search(texts[i]))]
            if triggers:  # members of no finding nearby need no parse ("talks on trade, including tariffs")
                out.add(j)
                out.update(triggers)
    return out


def following(texts: list[str], i: int) -> list[int]:
    """The indexes of the :data:`WINDOW` sentences with words after sentence ``i`` (paragraph breaks skipped).

    >>> following(["A freed two.", "\\n\\n", "The two are B and C.", "Rain.", "Sun."], 0)
    [2, 3]
    """
    out: list[int] = []
    for j in range(i + 1, len(texts)):
        if len(out) == WINDOW:
            break
        if texts[j].strip():
            out.append(j)
    return out


def names_members(text: str) -> bool:
    """True for a sentence that may name a group's members: the parser's recogniser should read its names.

    >>> names_members("The two, Jan Kessler and Mira Sommer, flew home."), names_members("Talks went on.")
    (True, False)
    """
    return _MEMBER_WORDS.search(text) is not None and any(
        r.search(text) for r in (_INCLUDE, _AMONG_AFTER, _AMONG_BEFORE, _COPULA, _TOGETHER)) or \
        _APPOSED.match(text) is not None


#: a cheap first test for :func:`names_members`: a word one of its patterns needs
_MEMBER_WORDS = re.compile(r"includ|such\s+as|for\s+(?:example|instance)|notably|particular|among|\b(?:are|were)\b|"
                           r"together", re.IGNORECASE)


def _any_marker(sents: list[Sentence], chains: list[list[Mention]], window: list[int], i: int) -> bool:
    tail = sents[i].text
    return any(r.search(tail) for r in (_INCLUDE, _AMONG_AFTER)) or any(
        r.search(sents[j].text) for j in window for r in (_INCLUDE, _AMONG_AFTER, _AMONG_BEFORE, _APPOSED, _COPULA)) or \
        any(len(_leading_list(sents[j], chains[j])) > 1 for j in window[:1])


def _actors(mentions: list[Mention], lo: int = 0, hi: int = 10 ** 9, kinds: tuple[str, ...] = ("Person",),
             text: str = "", base: int = 0) -> list[Entity]:
    """The actors of ``kinds`` named from ``lo`` to ``hi``; a body named in a person's description is none of them
    ("A, a representative of the Korea Ryonbong Corporation": given ``text``, the sentence from ``base``)."""
    out: list[Entity] = []
    last = lo
    for m in mentions:
        e = m.entity
        if isinstance(e, Entity) and e.type in kinds and m.kind != "pronoun" and lo <= m.start < hi and e not in out:
            # the subject of a report after the list is its source ("..., Foreign Minister X announced"), no member
            if not (e.type != "Person" and out and _PREP_GAP.search(text[last - base:m.start - base])
                    or text and _SAYS.match(text, m.end - base)):
                out.append(e)
                last = m.end  # the gap before the next is counted from the last member
    return out


#: a reporting verb after a body: it is the source ("A and B, the State Department said"), not a member
_SAYS = re.compile(r"\s+(?:said|says|told|announced|stated|reported|added)\b")
#: a preposition between a member and a body named after it: the body is in the member's description
_PREP_GAP = re.compile(r"\b(?:of|for|at|with|by|from|in|to|on|under|behind|owned|run|controlled)\b")


def _cut(sent: Sentence, at: int) -> int:
    """Where a run of members starting at document offset ``at`` ends."""
    m = _CUT.search(sent.text, max(0, at - sent.start_char))
    return sent.start_char + m.start() if m else sent.end_char


#: the semicolon between described members ("A, director of X, who ...; B, a colonel; and the company C"): one
#: before a name of two capitalised words, after "and" or a few common words ("and the state-owned company C")
_ITEM_BREAK = re.compile(r";\s+(?:and\s+)?(?=(?:the\s+(?:[a-z-]+\s+){0,3})?[A-Z][\w'’.-]*\s+"
                         r"(?:(?:de|del|da|di|la|al|bin|van|von)\s+)?[A-Z]|(?:the|a|an)\s[^;]{0,80}?,\s+(?:Mr|Ms|Mrs|Dr)?\.?\s*[A-Z])")


def _items(sent: Sentence, at: int) -> list[tuple[int, int]]:
    """The (start, end) document offsets of the members' items from ``at``, one per semicolon that opens a
    described member, each cut where its own description turns into a clause ("A, director of the prisons, who
    ...; B, a colonel; and C")."""
    base = sent.start_char
    starts = [at] + [base + m.end() for m in _ITEM_BREAK.finditer(sent.text, at - base)]
    return [(lo, _cut(sent, lo)) for lo in starts]


def _leading_list(sent: Sentence, mentions: list[Mention]) -> list[Entity]:
    """The persons of a list that opens the sentence ("A, B and C agreed"; "Norway's A and Sweden's B are")."""
    ms = sorted((m for m in mentions if m.kind != "pronoun"), key=lambda m: m.start)
    out: list[Entity] = []
    pos = sent.start_char
    for m in ms:
        gap = sent.text[pos - sent.start_char:m.start - sent.start_char]
        if not (_BEFORE_FIRST if not out else _BETWEEN).match(gap):
            break
        if isinstance(m.entity, Entity) and m.entity.type == "Person":
            if m.entity not in out:
                out.append(m.entity)
        elif m.kind != "country":  # "Norway's" before a name is its country, not a participant
            break
        pos = m.end
        if m.kind == "country" and sent.text[pos - sent.start_char:pos - sent.start_char + 2] in ("'s", "’s"):
            pos += 2
    return out


def _named_members(sent: Sentence, mentions: list[Mention], nouns: set[str], first: bool,
                   kinds: tuple[str, ...] = ("Person",)) -> list[Entity]:
    """The persons (or ``kinds`` of actor) a sentence names as members of the group, by the marker words around
    them."""
    text, base = sent.text, sent.start_char
    members: list[Entity] = []
    starts: list[int] = []
    persons_only: set[int] = set()  # "cooperate with partners, including the G7": a body deep in a later clause
    for r in (_INCLUDE, _AMONG_AFTER):
        for m in r.finditer(text):
            if r is _AMONG_AFTER and m.group("noun") and not _member_noun(m.group("noun"), nouns):
                continue
            starts.append(base + m.end())
            if not first and len(text[:m.start()].split()) > 3:
                persons_only.add(base + m.end())
    if not first:
        lead = _APPOSED.match(text) or _COPULA.match(text)
        if lead is not None:
            starts.append(base + lead.end())
        for m in _AMONG_BEFORE.finditer(text):
            if m.group("noun") and not _member_noun(m.group("noun"), nouns):
                continue
            rel = _WHO.match(text, m.end())
            if rel and not gate_pattern().search(rel.group(1)):
                continue  # "A was among those who criticised the release": another set of persons
            members += [e for e in _actors(mentions, base, base + m.start()) if e not in members]
    for at in starts:
        for lo, hi in _items(sent, at):
            run = _actors(mentions, lo, hi, ("Person",) if at in persons_only else kinds, text, base)
            first_at = min((m.start for m in mentions if run and m.entity is run[0] and m.start >= lo), default=None)
            if first_at is None or not _descriptor(sent.text[lo - base:first_at - base]):
                break  # "over abuses including the jailing of A": A is named in something else, not as a member
            members += [e for e in run if e not in members]
    return members


def _member_noun(word: str, nouns: set[str]) -> bool:
    """"among the individuals" and "among the five" name the group; "among the reporters who covered it" another set
    of persons."""
    w = word.lower()
    return w in nouns or w.rstrip("s") in nouns or w.endswith("ed") or re.fullmatch(_NUM, w) is not None


def _group_nouns(hit: FrameHit | None, f: Found | None) -> set[str]:
    out: set[str] = set()
    if f is not None and f.group is not None:
        out |= {w.lower() for w in f.group[0].split()}
    if hit is not None:
        out |= {t.lemma_.lower() for t in (*hit.agents, *hit.others) if t.pos_ == "NOUN"}
        out |= {t.lower_ for t in (*hit.agents, *hit.others) if t.pos_ == "NOUN"}
    return out


#: the dependents that make up a noun's own phrase ("the Smith brothers", "Russian opposition figures")
_OWN_PHRASE = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det"})


def _is_group(tok: Any) -> bool:
    """A plural common noun of persons naming nobody ("two Americans", "nine officials", "Leaders of ...")."""
    if tok.pos_ not in ("NOUN", "PROPN", "NUM") or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
        return False
    if tok.lemma_.lower() in _NOT_PERSONS:
        return False
    plural = tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() in ("group", "number", "dozen", "pair") or (
        tok.pos_ == "NUM" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"))
    # "number of detainees, including A": names in the noun's own phrase, not its members after it
    named = any(t.ent_type_ == "PERSON" for c in tok.children if c.dep_ in _OWN_PHRASE for t in c.subtree)
    return plural and not named


def _members_of(i: int, sents: list[Sentence], chains: list[list[Mention]], pdoc: Any, own: list[Found],
                window: list[int]) -> list[Found]:
    sent = sents[i]
    spans = [(m.start - sent.start_char, m.end - sent.start_char, m) for m in chains[i] if m.entity is not None]
    out: list[Found] = []
    hits = match(pdoc)
    for hit in hits:
        groups = [t for t in (*hit.agents, *hit.others) if _is_group(t)]
        if not groups:
            continue
        trig = (hit.trigger.idx, hit.trigger.idx + len(hit.trigger.text))
        mine = [f for f in own if f.relation == hit.relation and f.trigger == trig]
        base = next((f for f in mine if f.group is not None), mine[0] if mine else None)  # the group's finding
        nouns = _group_nouns(hit, base)
        after = sent.start_char + max(t.idx for t in groups)
        # a sanctions list names bodies beside persons ("A, a judge; and the company B")
        kinds = ("Person", "Organization") if hit.relation == "sanctions" else ("Person",)
        members = _named_members(sent, chains[i], nouns, True, kinds)
        members = [e for e in members if any(m.entity is e and m.start > after for m in chains[i])]
        for k, j in enumerate(window):
            if members or k and _OTHER_GROUP.search(sents[window[k - 1]].text):
                break  # "... met by dozens of journalists. X freed 11 activists. Among them were A": the 11's
            members = _named_members(sents[j], chains[j], nouns, False, kinds)
            counted = base.group[1] if base is not None and base.group is not None else None
            if not members and counted and hit.relation in ("releases", "pardons") and j == window[0] and \
                    not _REPORTING.search(sents[j].text):
                # "The Taliban freed two Americans. A and B landed in Doha": as many names as the count, first
                lead = _leading_list(sents[j], chains[j])
                members = lead if len(lead) == counted else []
            if not members and hit.frame.kind == "encounter" and not _REPORTING.search(sents[j].text):
                members = _leading_list(sents[j], chains[j])
                if len(members) < 2 and _ENCOUNTER.search(sents[j].text):
                    members = _actors(chains[j])
                if len(members) < 2:
                    members = []
        if not members:
            continue
        if hit.frame.kind == "act":
            agents = [f.subject for f in mine] or [
                e for t in hit.agents for e in entities_at(t, spans) if isinstance(e, Entity)]
            # "the UK and US targeted ...": each state imposes; a person beside a state is no imposer
            agents = [a for a in agents if a.type != "Person" or hit.relation != "sanctions"] or agents[:1]
            agents = [a for k, a in enumerate(agents) if not any(b is a for b in agents[:k])]
            for a in agents:
                out += [_copy(hit, base, a, m, sent) for m in members if m is not a]
        else:
            named = [e for t in (*hit.agents, *hit.others) if t not in groups for e in entities_at(t, spans)
                     if isinstance(e, Entity) and e.type == "Person"]
            people = list(dict.fromkeys(named + members))[:MAX_PARTICIPANTS]
            out += [_copy(hit, base, a, b, sent) for k, a in enumerate(people) for b in people[k + 1:]]
    out += _together(sent, chains[i], own, hits)
    return out


def _together(sent: Sentence, mentions: list[Mention], own: list[Found],
              hits: tuple[FrameHit, ...] | list[FrameHit] = ()) -> list[Found]:
    """"The summit brought together A, B and C": every pair of the persons named after "together"."""
    m = _TOGETHER.search(sent.text)
    if m is None or any(f.relation in ("meets", "talksWith") for f in own):
        return []
    at = sent.start_char + m.end()
    people = _actors(mentions, at, _cut(sent, at))[:MAX_PARTICIPANTS]
    if len(people) < 2:
        return []
    trig = (m.start(), m.end())
    # "The summit in Lusaka brought together ...": the place the parse gave the summit
    place = next((h.place for h in hits if h.frame.kind == "encounter" and h.place), None)
    notes = ["members"] + ([f"place:{place}"] if place else [])
    return [Found("meets", a, b, start=m.start(), end=len(sent.text.rstrip()), confidence=0.8, trigger=trig,
                  notes=list(notes)) for k, a in enumerate(people) for b in people[k + 1:]]


def _copy(hit: FrameHit, base: Found | None, subject: Entity, obj: Entity, sent: Sentence) -> Found:
    """A member's finding: the group finding's relation, status and place with the member in the group's place."""
    trig = (hit.trigger.idx, hit.trigger.idx + len(hit.trigger.text))
    notes = ["members"] + [n for n in (base.notes if base is not None else ["parse"]) if n != "members"]
    if base is None:
        notes += (["hedged"] if hit.hedged else []) + (["in_passing"] if hit.in_passing else [])
        if hit.place is not None:
            notes.append(f"place:{hit.place}")
    return Found(hit.relation, subject, obj, status=hit.status if base is None else base.status,
                 event_type=hit.event_type, start=base.start if base is not None else 0,
                 end=base.end if base is not None else len(sent.text.rstrip()),
                 confidence=(base.confidence if base is not None else hit.frame.confidence) * 0.9, trigger=trig,
                 notes=notes)
