"""Whether a pronoun may stand for a person: gender agreement and the clause it sits in.

>>> from kg.extract.segments import Mention
>>> text = "She is the minister's adviser, a post made for her."
>>> she = Mention(0, 3, "She", "pronoun", entity="Ana")
>>> topic_continues(text, Mention(47, 50, "her", "pronoun"), [she], "Ana", "f")
True
"""

from __future__ import annotations

import re
from typing import Any

from kg.extract.names import PRONOUN_GENDER

#: an apposition opening right after a name ("X, one of her advisers", "X, a cousin of his"): the pronoun is not X
_APPOSITION = re.compile(r"^,\s+(?:(?:one|another|two|some)\s+of\s+|an?\s+|the\s+)[^,;]*$")
#: a comma opening a description or relative clause ("..., a post created for her", "..., which she ...")
_CLAUSE_OF_ITS_OWN = re.compile(r",\s+(?:an?|the|which|who|whom|where|when|whose)\b")


def agrees(person: Any, gender: str | None) -> bool:
    """True unless both the pronoun and the person have a gender and they differ."""
    return gender is None or person.gender is None or person.gender == gender


def topic_continues(text: str, pronoun: Any, kept: list[Any], subject: Any, gender: str | None) -> bool:
    """True when an object pronoun stands for its sentence's subject, which a pronoun of the same gender named:
    the object sits in a description or relative clause of its own, where the subject is no bar to it
    ("she is the President's adviser, a post created for her": her is she)."""
    said = next((k for k in kept if k.entity is subject and k.kind == "pronoun"), None)
    if said is None or gender is None or PRONOUN_GENDER.get(said.text.lower()) != gender:
        return False
    return _CLAUSE_OF_ITS_OWN.search(text[said.end:pronoun.start]) is not None


def in_apposition(text: str, kept: list[Any], subject: Any, pronoun: Any) -> bool:
    """True when a possessive pronoun sits in an apposition right after the subject's name ("Ama Mensah, one of
    her closest advisers, ..."): the pronoun stands for someone else."""
    named = next((k for k in kept if k.entity is subject and k.kind != "pronoun"), None)
    return named is not None and _APPOSITION.match(text[named.end:pronoun.start]) is not None
