"""Where a release took place, when its clause says so: "freed X at Abu Dhabi airport".

>>> from kg.extract.model import get_model
>>> release_place(get_model()("Russia released Paul Whelan at Ankara airport on Thursday.")[1])
'Ankara airport'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.setting import _place_text, _place_under
from kg.extract.syntax import PLACE_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


#: verbs of handing a freed person over, whose place is the release's
_HANDING = frozenset({"hand", "transfer", "deliver", "turn", "swap", "exchange"})
#: the places of a handover that the small model may not mark as places ("at the airport", "at the border")
_RELEASE_VENUES = frozenset({"airport", "airbase", "border", "crossing", "checkpoint", "embassy", "consulate", "bridge"})


def release_place(tok: "Token") -> str | None:
    """Where a release at ``tok`` took place, when its clause says so: "freed X at Abu Dhabi airport".

    Only "at"/"in" attached to the release verb itself and naming a place; a place inside what the person is
    released from ("from a prison in Minsk") or a date ("in 2019") is none.

    >>> from kg.extract.model import get_model
    >>> release_place(get_model()("Russia released Paul Whelan at Ankara airport on Thursday.")[1])
    'Ankara airport'
    >>> release_place(get_model()("Belarus freed Ann Lee from a prison colony in Gomel.")[1]) is None
    True
    >>> release_place(get_model()("Russia freed the journalist in a prisoner swap.")[1]) is None
    True
    """
    # the parser often hangs "at <place>" on the person released ("released X at Y Airport")
    # and "in <city>" too ("freed X in Istanbul"); not "a journalist in Moscow", an apposition's own place
    # and a handover clause beside the verb: "freed two prisoners, handing them over at the Beregsurany crossing"
    handing = [c for h in tok.children if h.dep_ in ("advcl", "conj") and h.lemma_.lower() in _HANDING
               for c in h.children]
    on_object = handing + [c for o in tok.children if o.dep_ == "dobj" for c in o.children if c.lower_ == "at" or
                 c.lower_ == "in" and any(p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC") for p in c.children)]
    for c in list(tok.children) + on_object:
        if c.dep_ == "prep" and c.lower_ in ("at", "in"):
            for p in c.children:  # a recognised place or a crossing-point noun, not "in a prisoner swap"
                if p.dep_ != "pobj":
                    continue
                if p.ent_type_ in PLACE_LABELS or p.lemma_.lower() in _RELEASE_VENUES or any(
                        t.ent_type_ in PLACE_LABELS for t in p.children if t.dep_ == "compound"):
                    # a crossing point whose name the recogniser mistakes ("the Lachin checkpoint": a person)
                    return _place_under(c.head, (c.lower_,)) or (_place_text(p) if p.lemma_.lower() in
                                                                 _RELEASE_VENUES else None)
                if p.lemma_.lower() in ("swap", "exchange", "handover"):  # "in a swap at Ankara airport"
                    return _place_under(p, ("at", "in"))
    return None
