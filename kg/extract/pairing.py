"""Sentence geometry for pairing: where mentions sit relative to a trigger.

Nearest actor before a trigger (skipping dashes, parentheses, appositives and
prepositional objects), coordinated lists ("A, B and C"), the clause subject
and "by X" agents, all in sentence-local character offsets.

>>> from kg.extract.mentions import Mention
>>> class E:
...     type = "Person"
>>> a, b = E(), E()
>>> s = PairingSentence("Ann and Raj met.", 0, [Mention(0, 3, "Ann", "name", entity=a), Mention(8, 11, "Raj", "name", entity=b)])
>>> s.left(12) == [0, 1]
True
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.mentions import Mention

_COORD = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|as well as\s+|or\s+)"
                    r"(?:(?!(?:said|says|told|who|which|that|while|after|before|when|where|but|was|were|is|are|has|"
                    r"have|had|will|would|also|then|met|meets|spoke|added)\b)[a-z][a-z-]+,?\s+){0,4}$")
_SEMI_ITEM = re.compile(r"^(?:,[^;.]{0,80})?;\s*(?:and\s+)?$")
_APPOS_IN_LIST = re.compile(r"^\s*,\s*(?:a|an|the|his|her|its|their)\s[^,;.]{1,40}(?=,\s*(?:and|or)\s)")
_AS_WELL = re.compile(r"^\s*,?\s*(?:as well as|along with|and also|plus)\s+(?:[a-z][a-z-]+\s+){0,3}$")
_OPEN_LIST_END = re.compile(r"\s*,?\s*(?:and|as well as)\s+(?:an?|the|\d+|two|three|four|five|several|other|others|"
                            r"dozens|hundreds)\b")
_AND = re.compile(r"\b(?:and|or|as well as)\b|&")
_INCLUDING = re.compile(r"^[^.;]{0,30}?(?i:among them|including|among whom were|notably)\s+")
_PREP_OBJ = re.compile(r"\b(?:of|in|from|at|on|for|against|to|with|about|into|over|than|like|under)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_STOP_RIGHT = re.compile(r"[;.!?]|\b(?:said|says|told|added|according)\b|—|\(")
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:(?:\w+ly|also|not|already|later|since|then|first|"
                      r"again|jointly|each)\s+){0,2}$", re.IGNORECASE)
_PARENS = re.compile(r"—[^—]*—|–[^–]*–|\([^)]*\)|,\s*(?:who|which)\b[^,]*,"
                     r"|,\s*(?:a|an|the|his|her|its|their|now|then|also|once)\s[^,;]{0,80},")
_TARGET_PREP = re.compile(r"^[\s,]*(?:(?:other|new|economic|financial|personal|personally|tough|fresh|further|"
                          r"which|are|were|is|was|be|been|will|targeted|aimed|imposed|directly|also|"
                          r"on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|this\s+week|today|yesterday)\s+){0,6}"
                          r"(?:on|against|targeting|at|upon)\s+", re.IGNORECASE)
_GOVT = re.compile(r"\s+(?:(?:military|interim|transitional|new|ruling|central|federal|national|communist|"
                   r"Taliban|\w+-led)\s+)?(?:government|regime|authorities|junta|administration|military|leadership|"
                   r"cabinet|state|security forces|forces)\s*(?:(?:has|have|had|also|on \w+day|\w+ly)\s+)*",
                   re.IGNORECASE)
_ADVISEE_PREP = re.compile(r"^\s*(?:on\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:in\s+the\s+office\s+of|to|of|for)\s+"
                           r"(?:the\s+)?",
                           re.IGNORECASE)  # "adviser to Y", "adviser on the Indo-Pacific to Y"
#: ", a senior adviser to Y" after the adviser's name; an earlier role joined by "and" may come first
#: (", the head of the presidential office and a close adviser to Y")
_APPOS_LEFT = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+[a-z][\w'’ -]{1,60}?\s+and\s+)?"
                         r"(?:(?:a|an|the|his|her|their|now|then|former|longtime|new|senior|top|chief)\s+)*"
                         r"(?:(?!(?:and|or|but|who|whom|whose|which|that|with|by|to|of|in|on|at|for|from|as|is|was|"
                         r"has|had|met|said|says|told|the|a|an|his|her|their)\b)[a-z][a-z-]+\s+){0,2}$",
                         re.IGNORECASE)  # ", a transport adviser to Y": a field of advice before the role noun
_POSS = re.compile(r"^\s*[’']s?\s+(?:[a-z-]+\s+){0,3}$")



def entities(m: Mention) -> list[Any]:
    """The entity of a mention, or both entities of a pair mention."""
    if m.extra.get("pair"):
        return list(m.extra["pair"])
    return [m.entity] if m.entity is not None else []



#: words between an act and a "by" that make the "by" another verb's ("for being owned or controlled by X")
_OTHER_VERB_BEFORE_BY = re.compile(r"\bfor\b|\b(?:owned|controlled|directed|operated|managed|financed|founded|"
                                   r"backed|sponsored|used|led|run)\s+(?:or\s+\w+\s+)?$", re.IGNORECASE)

class PairingSentence:
    """A sentence's text and its resolved mentions, with positional queries."""

    def __init__(self, text: str, base: int, mentions: list[Mention]) -> None:
        self.text = text
        self.ms = [m for m in mentions if m.entity is not None or m.extra.get("pair")]
        self.loc = [(m.start - base, m.end - base) for m in self.ms]
        self.hidden = [(p.start(), p.end()) for p in _PARENS.finditer(text)]

    def _hidden(self, i: int, pos: int) -> bool:
        s, e = self.loc[i]
        return any(a <= s and e <= b and not (a <= pos <= b) for a, b in self.hidden)

    def coordinated_left(self, i: int) -> list[int]:
        """``i`` and the mentions coordinated before it ("A, B and C"); commas count only after an "and"."""
        group, seen_and = [i], False
        while group[0] > 0:
            j = group[0] - 1
            gap = self.text[self.loc[j][1]:self.loc[group[0]][0]]
            if not _COORD.match(gap) or (not seen_and and not _AND.search(gap)):
                break
            seen_and = True
            group.insert(0, j)
        return group

    def coordinated_right(self, i: int) -> list[int]:
        """``i`` and the mentions coordinated after it; a comma-only list must end in "and"/"or"."""
        group, last_and = [i], 0
        while group[-1] + 1 < len(self.ms):
            j = group[-1] + 1
            gap = self.text[self.loc[group[-1]][1]:self.loc[j][0]]
            # "A, an accountant, and the exchange house B": an appositive inside a list
            gap = _APPOS_IN_LIST.sub(" ", gap, count=1)
            if not _COORD.match(gap):
                # "X, a former minister; Y; and Z": a semicolon list (it must end in "; and")
                if not (_SEMI_ITEM.match(gap) and "; and " in self.text[self.loc[group[-1]][1]:]):
                    break
            group.append(j)
            if _AND.search(gap):
                last_and = len(group)
                # "A and B, as well as C": the list goes on after "as well as"/"along with";
                # "the assets of A and of B, C and D": a repeated preposition opens a new list
                if not (j + 1 < len(self.ms) and _AS_WELL.match(self.text[self.loc[j][1]:self.loc[j + 1][0]])) \
                        and not re.match(r"\s*,?\s*and\s+(?:of|on|against)\s+$", gap):
                    break
        if not last_and and len(group) > 1 and _OPEN_LIST_END.match(self.text[self.loc[group[-1]][1]:]):
            return group  # "freed A, B, C and an American citizen": the list ends in an unnamed member
        return group[:max(1, last_and)]

    def left(self, pos: int, *, allow_prep: bool = False, max_chars: int = 160) -> list[int]:
        """Index of the nearest suitable mention before ``pos``, with its coordinated group."""
        for i in range(len(self.ms) - 1, -1, -1):
            s, e = self.loc[i]
            if e > pos or pos - e > max_chars or self._hidden(i, pos):
                continue
            if not allow_prep and _PREP_OBJ.search(self.text[max(0, s - 12):s]):
                continue
            if self.text[e:e + 2] in ("’s", "'s") and re.match(r"\s*[-\w]+\s+(?:with|between)", self.text[e + 2:pos]) is None:
                if pos - e > 3 and not _GOVT.fullmatch(self.text[e + 2:pos]):
                    continue  # "Russia's foreign ministry said": not Russia; "Myanmar's military government freed": Myanmar
            return self.coordinated_left(i)
        return []

    def clause_subject(self, pos: int, person: bool = True) -> int | None:
        """The first mention (a person, if ``person``) before ``pos`` that is not a prepositional object."""
        for i, (s, e) in enumerate(self.loc):
            if e > pos:
                break
            ents = entities(self.ms[i])
            if person and not (ents and ents[0].type == "Person"):
                continue
            if not _PREP_OBJ.search(self.text[max(0, s - 12):s]) and not self._hidden(i, pos):
                return i
        return None

    def right(self, pos: int, *, max_chars: int = 100) -> list[int]:
        """Index of the first mention after ``pos`` in the clause, with its coordinated group."""
        for i, (s, _e) in enumerate(self.loc):
            if s < pos:
                continue
            if s - pos > max_chars or _STOP_RIGHT.search(self.text[pos:s]):
                return []
            return self.coordinated_right(i)
        return []

    def ents(self, idx: list[int]) -> list[Any]:
        out: list[Any] = []
        for i in idx:
            for e in entities(self.ms[i]):
                if e not in out:
                    out.append(e)
        return out

    def by_agent(self, pos: int) -> list[Any]:
        """The agent after "by" of the act at ``pos``; none when "by" belongs to a reason or a participle between
        ("designated for being owned or controlled by X": X owns, it designates nobody)."""
        m = re.compile(r"\bby\s+(?:the\s+(?:government|regime|authorities)\s+of\s+)?", re.I).search(self.text, pos)
        if m and _OTHER_VERB_BEFORE_BY.search(self.text[pos:m.start()]):
            return []
        if m and m.start() - pos < 80:
            idx = self.right(m.end(), max_chars=25)
            return self.ents(idx[:1])
        return []
