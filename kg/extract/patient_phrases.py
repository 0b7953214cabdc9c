"""What a frame's patient phrase says beyond its head: the names it holds, its members the parser hung on the verb,
a measure being lifted.

>>> from kg.extract.model import get_model
>>> d = get_model()("Washington sanctioned four Hamas leaders and eased sanctions on Belavia.")
>>> names_in_phrase(d[4]), lifted(d[7])
(False, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.syntax import expand

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def names_in_phrase(tok: Any) -> bool:
    """True when the phrase of ``tok`` outside its clauses holds a recognised name ("two commanders, A and B").

    A name that only modifies a plural noun before it ("four Hamas leaders", "Wagner commanders") is their
    affiliation: the patient is the persons, not the group they belong to.
    """
    clauses = {d.i for c in tok.children if c.dep_ in ("acl", "relcl", "advcl") for d in c.subtree}
    if tok.tag_ == "NNS":
        clauses |= {d.i for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                    for d in c.subtree}
    if any(t.ent_type_ and t.ent_type_ not in _NUMERIC_TYPES and t.i not in clauses for t in tok.subtree):
        return True
    # "two commanders, A and B" with the names hung elsewhere by the parser: named right after the comma
    doc, k = tok.doc, tok.right_edge.i
    if doc[k].text != ",":
        k += 1
    return k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].ent_type_ in ("PERSON", "ORG")


#: recogniser types that are numbers and times, not names ("four leaders" names nobody)
_NUMERIC_TYPES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"})


#: measures and the verbs that lift them ("eased sanctions on Belavia" is no new sanction)
LIFTED_MEASURES = frozenset({"sanction", "measure", "ban", "restriction", "penalty", "freeze"})
LIFTING_VERBS = frozenset({"ease", "lift", "remove", "suspend", "relax", "waive", "drop", "end", "revoke", "loosen",
                            "rescind", "scrap", "unfreeze", "roll"})


def lifted(tok: Any) -> bool:
    """True when the sanction ``tok`` names is being lifted, not imposed."""
    return tok.head.lemma_.lower() in LIFTING_VERBS or any(
        c.lemma_.lower() in LIFTING_VERBS or c.lower_ in ("relief", "lifting", "easing") for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod"))


#: prepositions that name members of a group ("12 prisoners, including A and B")
MEMBER_PREPS = frozenset({"including", "among"})


def members_beside(verb: "Token", group: "Token") -> list["Token"]:
    """Named members of a plural patient that the parser hung on the verb instead of on the group.

    "freed two prisoners, A and B, in a swap" (A as the verb's modifier), "released 18 prisoners on
    Wednesday, including A" ("including" on the verb).

    >>> from kg.extract.model import get_model
    >>> doc = get_model()("Belarus released 18 political prisoners on Wednesday, including Ihar Karnei, a journalist.")
    >>> [t.text for t in members_beside(doc[1], doc[4])]
    ['Karnei']
    """
    if group.tag_ != "NNS" or group.head.i != verb.i:
        return []
    out: list["Token"] = []
    for c in verb.children:
        if c.i <= group.i:
            continue
        if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS:
            out += [t for p in c.children if p.dep_ == "pobj" for t in expand(p) if t.pos_ == "PROPN"]
        elif c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN" and c.left_edge.i == group.right_edge.i + 2 \
                and group.doc[group.right_edge.i + 1].text == ",":
            out += [t for t in expand(c) if t.pos_ == "PROPN"]
    return out
