"""A later sentence that says what became of an encounter told before: "The meeting was called off", "The talks
between the two leaders have wrapped up".

Such a sentence names nobody; it refers back to the last planned meeting or call of the document by its noun.
It gives the same pair a finding of its own, with the new status and this sentence as evidence, so that the
story's planned meeting and its cancellation (or its taking place) are both on record.

>>> update_of("On Thursday the meeting was called off after clashes."), update_of("The talks have wrapped up.")
(('meets', 'cancelled'), ('meets', 'held'))
>>> update_of("The call went ahead as planned."), update_of("The meeting room was full.")
(('talksWith', 'held'), None)
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kg.extract.segments import Mention, Sentence
from kg.model.core import Evidence

_NOUN = (r"\b(?:[Tt]he|[Tt]heir|[Tt]hat)\s+(?:planned\s+|scheduled\s+|expected\s+|proposed\s+|long-awaited\s+)?"
         r"(meeting|summit|talks|visit|trip|call|phone\s+call|conversation)"
         r"(?:\s+(?:between\s+the\s+two(?:\s+\w+)?|with\s+(?:him|her|them)))?\s+")
_CANCELLED = re.compile(_NOUN + r"(?:has\s+been|had\s+been|was|were|have\s+been|is|are)\s+(?:now\s+)?(?:called\s+off|"
                        r"cancell?ed|scrapped|postponed|put\s+off|shelved|delayed\s+indefinitely)\b|"
                        + _NOUN + r"(?:did\s+not|will\s+not|won't|didn't|would\s+not)\s+(?:take\s+place|go\s+ahead)\b|"
                        + _NOUN + r"fell\s+through\b")
_HELD = re.compile(_NOUN + r"(?:has\s+|have\s+)?(?:took\s+place|went\s+ahead|wrapped\s+up|ended|concluded|lasted|"
                   r"got\s+under\s+way|began|started|taken\s+place|gone\s+ahead)\b")


def update_of(sentence: str) -> tuple[str, str] | None:
    """(relation, status) a sentence gives the encounter told before it, or None when it gives none."""
    for rx, status in ((_CANCELLED, "cancelled"), (_HELD, "held")):
        m = rx.search(sentence)
        if m is not None:
            noun = next(g for g in m.groups() if g)
            return ("talksWith" if "call" in noun or noun == "conversation" else "meets"), status
    return None


def status_updates(found: list[tuple[Any, Any]], sents: list[Sentence],
                   chains: list[list[Mention]]) -> list[tuple[Any, Any]]:
    """``found`` and, for each sentence that updates the last planned encounter before it, that update."""
    extra: list[tuple[Any, Any]] = []
    for sent, mentions in zip(sents, chains):
        update = update_of(sent.text)
        if update is None:
            continue
        relation, status = update
        before = [(f, a) for f, a in found if a.evidence is not None and (a.evidence.start or 0) < sent.start_char
                  and a.claim.relation == relation]
        if not before:
            continue
        f, a = max(before, key=lambda fa: fa[1].evidence.start or 0)
        if a.claim.status != "planned":
            continue  # only what was still to happen can be called off or take place
        pair = {r.canonical_iri() for r in (a.claim.subject, a.claim.obj) if r is not None}
        if any(m.kind in ("name", "surname") and getattr(m.entity, "type", "") == "Person"
               and m.entity.ref.canonical_iri() not in pair for m in mentions):
            continue  # a sentence that names other persons tells of another encounter
        lead = len(sent.text) - len(sent.text.lstrip())
        text = sent.text.strip()
        evidence = Evidence(quote=text, sentence=text, start=sent.start_char + lead,
                            end=sent.start_char + lead + len(text))
        claim = replace(a.claim, status=status, hedges=())
        extra.append((f, replace(a, claim=claim, evidence=evidence, confidence=round(a.confidence * 0.85, 3))))
    return found + extra
