"""Persons written with a quoted nickname inside their name (``Joaquín "El Chapo" Guzmán``).

Reporters put a gang leader's or a militant's byname in quotes between the given and the family name.
The recogniser then splits the person into three mentions (often two bodies and a quoted "person"), and the
parser hangs the pieces anywhere.  :func:`nicknamed` joins them again: one person mention over the whole
span, named by the given and family names, the nickname kept in ``extra``.

>>> from kg.extract.segments import Mention
>>> text = 'Canada listed Ana "La Jefa" Ruiz on Monday.'
>>> pieces = [Mention(14, 17, "Ana", "surname"), Mention(19, 26, "La Jefa", "name", name="La Jefa"),
...           Mention(28, 32, "Ruiz", "surname")]
>>> [(m.text, m.kind, m.name, m.extra) for m in nicknamed([pieces], text)[0]]
[('Ana "La Jefa" Ruiz', 'name', 'Ana Ruiz', {'nickname': 'La Jefa'})]
"""

from __future__ import annotations

import re

from kg.extract.segments import Mention

_WORD = r"[A-Z][\w'’.-]*"
#: given name(s), a quoted capitalised byname of one to four words, family name(s)
NICKNAMED = re.compile(rf"\b(?P<given>{_WORD}(?:[ ]{_WORD}){{0,2}})[ ][\"“](?P<nick>[A-Z][\w'’.-]*(?:[ ][\w'’.-]+){{0,3}})"
                       rf"[\"”][ ](?P<family>{_WORD}(?:[ ]{_WORD}){{0,2}})")
#: words that open a phrase, not a given name ("The", "In") and mentions that are no part of a person's name
_OPENERS = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "As", "Its", "His", "Her", "Their",
                      "This", "That", "Operation", "Project", "Mr", "Mr.", "Mrs.", "Ms.", "Dr."})
_NOT_NAME_KINDS = frozenset({"country", "title", "pronoun", "pair", "acronym"})


def nicknamed(raw: list[list[Mention]], text: str) -> list[list[Mention]]:
    """Mentions per sentence with every given-"byname"-family run joined into one person mention."""
    if '"' not in text and "“" not in text:
        return raw
    runs = []
    for match in NICKNAMED.finditer(text):
        given = match.group("given")
        if given.split()[0] in _OPENERS or given.isupper() or match.group("family").isupper():
            continue
        runs.append(match)
    if not runs:
        return raw
    out: list[list[Mention]] = []
    for ms in raw:
        for match in runs:
            a, b = match.span()
            inside = [m for m in ms if m.start < b and a < m.end]
            # a mention may spill over lower-case words outside ("detained Hernán"), not over another name
            if not inside or any(m.kind in _NOT_NAME_KINDS for m in inside) or any(
                    _capitalised(text[m.start:a]) or _capitalised(text[b:m.end]) for m in inside):
                continue
            name = f"{match.group('given')} {match.group('family')}"
            person = Mention(a, b, text[a:b], "name", "Person", name, extra={"nickname": match.group("nick")})
            ms = sorted([m for m in ms if m not in inside] + [person], key=lambda m: m.start)
        out.append(ms)
    return out


def _capitalised(words: str) -> bool:
    """True when ``words`` hold a capitalised word."""
    return any(w[:1].isupper() for w in words.split())
