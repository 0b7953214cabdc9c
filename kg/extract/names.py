"""Person names as stories write them: folded keys, family-name-first capitals, shortened and initialled forms.

The comparisons :mod:`kg.extract.coref` makes to decide that two mentions name one person.

>>> fold("Erdoğan’s"), family_last(["KISHIDA", "Fumio"]), same_given("J.", "John")
('erdogan', ['Fumio', 'Kishida'], True)
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from kg.extract.segments import Mention


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents removed: the key surnames are compared on (cached: names repeat).

    >>> fold("Viačorka’s")
    'viacorka'
    """
    if text.isascii():
        return text.replace("'s", "").lower().strip(" .'")
    text = text.replace("’s", "").replace("'s", "")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip(" .’'")


def family_last(parts: list[str]) -> list[str]:
    """A name written family name first in capitals ("KISHIDA Fumio", official Japanese style) in the usual order.

    >>> family_last(["KISHIDA", "Fumio"]), family_last(["Fumio", "Kishida"]), family_last(["UN", "Envoy"])
    (['Fumio', 'Kishida'], ['Fumio', 'Kishida'], ['UN', 'Envoy'])
    """
    if len(parts) >= 2 and len(parts[0]) > 2 and parts[0].isalpha() and parts[0].isupper() and all(
            p[:1].isupper() and p[1:].islower() for p in parts[1:]):
        return parts[1:] + [parts[0].title()]
    return parts


def tail_of(a: list[str], b: list[str]) -> bool:
    """True when the shorter of two names is the end of the longer: "López Obrador" of "Andrés Manuel López Obrador".

    >>> tail_of(["López", "Obrador"], ["Andrés", "Manuel", "Lopez", "Obrador"])
    True
    >>> tail_of(["Jon", "Chang", "Hyok"], ["Pak", "Jin", "Hyok"])
    False
    """
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and len(long_) > len(short) and [fold(p) for p in long_[-len(short):]] == [
        fold(p) for p in short]


def same_given(a: str, b: str) -> bool:
    """True when two given names can be one person's: equal, or one an initial of the other ("J." and "John").

    >>> same_given("Abdel", "Algoney"), same_given("J.", "John"), same_given("Vladimir", "vladimir")
    (False, True, True)
    """
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    return long_.startswith(short) and (len(short) == 1 or len(short) >= 3)  # "J." and "John", "Joe" and "Joseph"


#: title words that say a person's gender, and what pronouns say
_MALE_TITLES = frozenset({"mr", "mr.", "sir", "king", "prince", "emperor", "chairman", "spokesman", "businessman",
                          "sultan", "emir", "sheikh", "congressman", "lord"})
_FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "madam", "dame", "queen", "princess", "empress", "chairwoman",
                            "spokeswoman", "businesswoman", "congresswoman", "lady", "smt", "smt."})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def title_gender(titles: "set[str] | tuple[str, ...]") -> str | None:
    """"m" or "f" when a title says it ("Mrs.", "Queen", "spokesman"), else None.

    >>> title_gender(("ms.", "foreign", "minister")), title_gender({"king"}), title_gender(("president",))
    ('f', 'm', None)
    """
    male, female = bool(_MALE_TITLES.intersection(titles)), bool(_FEMALE_TITLES.intersection(titles))
    return "m" if male and not female else "f" if female and not male else None


def split_joined_names(m: Any, known: Any) -> list[Any]:
    """A mention of several known persons written as one ("Trump-Putin", a headline's "Obama Putin") as one
    surname mention each; ``[m]`` when its parts are not all persons ``known(part)`` returns.

    >>> from kg.extract.segments import Mention
    >>> [p.text for p in split_joined_names(Mention(0, 11, "Trump-Putin", "surname", name="Trump-Putin"), str)]
    ['Trump', 'Putin']
    """
    parts: list[str] = []
    if m.kind == "name" and m.name and not m.titles and len(m.name.split()) > 1:
        parts = m.name.split()
        ents = [known(p) for p in parts]
        if not (all(ents) and len(set(map(id, ents))) == len(parts)):
            parts = []
    elif m.kind == "surname" and m.name and ("-" in m.name or "–" in m.name):
        parts = m.name.split("-" if "-" in m.name else "–")
        if not all(known(p) for p in parts):
            parts = []
    if not parts:
        return [m]
    out, pos = [], m.start + m.text.index(m.name)
    for p in parts:
        out.append(Mention(pos, pos + len(p), p, "surname", name=p))
        pos += len(p) + 1
    return out
