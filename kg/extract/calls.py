"""Whether an encounter was a call: the verb "call" (a call, a visit, or neither: a demand, a name, a summons), a
remote cue ("by phone", "in a video call"), talking face to face ("shook hands and talked"), talking that retells a
meeting ("the first time the two have spoken") and a process that is no single encounter ("ongoing consultations").

"X called Y on Friday" is a call; "X called on President Y at the palace" a courtesy visit (the readout's
phrase); "X called on Y to release Z", "called on Y for restraint", "called for talks", "called X a liar",
"called off the summit" are neither. A to-infinitive after "called on Y" is a demand unless it names what a
visit does ("called on the President to discuss trade", "to convey greetings").

>>> from kg.extract.model import get_model
>>> nlp = get_model()
>>> is_call(nlp("Ana Ruiz called Tom Berg on Friday.")[2], visit=False)
True
>>> [is_call(nlp(s)[2], visit=True) for s in ("Ana Ruiz called on Tom Berg in Lima.",
...     "Ana Ruiz called on Tom Berg to discuss trade.", "Ana Ruiz called on Tom Berg on Monday to resign.")]
[True, True, False]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: particles and prepositions that make "call" another verb ("call for", "call off", "call up", "call in")
_OTHER_SENSES = frozenset({"for", "off", "out", "up", "in", "on"})
#: what a visitor who "called on" someone came to do: the purpose of a visit, not a demand
VISIT_PURPOSES = frozenset("""discuss review exchange talk brief convey deliver hand present congratulate pay
meet thank bid greet extend seek""".split())


def _on_date(prep: "Token") -> bool:
    """"on Friday", "on 3 May": a date, not the "on" of "called on X"."""
    return prep.lower_ == "on" and any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def is_call(tok: "Token", *, visit: bool) -> bool:
    """True when ``tok`` ("call", a verb) states a call (``visit`` False) or a courtesy visit ("called on X", ``visit`` True)."""
    for c in tok.children:
        if c.dep_ not in ("prt", "prep") or c.lower_ not in _OTHER_SENSES or (c.dep_ == "prep" and _on_date(c)):
            continue
        if visit and c.dep_ == "prep" and c.lower_ in ("on", "in"):
            continue  # "called on X in Rome"
        return False
    named = named_object(tok)
    clauses = [c for c in tok.children if c not in named and c.dep_ in ("oprd", "xcomp", "ccomp") or (
        visit and c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    if not visit:
        return not clauses
    return all(c.dep_ != "oprd" and c.lemma_.lower() in VISIT_PURPOSES for c in clauses)


#: verbs that need the two sides in one place ("shook hands and talked", "met and spoke")
_IN_PERSON_VERBS = frozenset({"shake", "meet", "embrace", "hug", "greet", "dine", "walk", "stroll", "sit", "pose",
                              "lunch", "tour", "kiss"})


def in_person(tok: "Token") -> bool:
    """True when a verb of talking ("talked", "spoke") is coordinated with one that needs both sides in one
    place: "A and B shook hands and talked" is a meeting, not a call.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe and John Doe shook hands and talked for an hour.")
    >>> in_person(d[8])
    True
    >>> in_person(get_model()("Jane Roe talked with John Doe on Monday.")[2])
    False
    """
    if tok.lemma_.lower() not in _TALKING:
        return False  # "phoned X on Friday and will meet him next month": a call, and a meeting of its own
    linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    if any(v.pos_ == "VERB" and v.lemma_.lower() in _IN_PERSON_VERBS and not _ahead(v) for v in linked):
        return True
    # "talked with Y face to face", "spoke in person", "spoke with Y on the sidelines of the summit"
    own, todo = [], [c for c in tok.children if c.dep_ in ("prep", "advmod", "npadvmod", "dobj")]
    while todo:  # the trigger's own modifiers, not its subject's nor another clause's
        t = todo.pop()
        own.append(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSES]
    return bool(_FACE_TO_FACE.search(" ".join(t.lower_ for t in sorted(own, key=lambda t: t.i))))


def _ahead(verb: "Token") -> bool:
    """True for a verb its own auxiliary puts ahead ("will meet", "to meet"): not the same occasion."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "to", "shall", "'ll") for c in verb.children)


#: the dependents that open a clause of their own (what is said there is not said of the trigger)
_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "conj", "acl", "parataxis", "xcomp"})
#: words that put the two sides in one place
_FACE_TO_FACE = re.compile(r"\bface\s*-?\s*to\s*-?\s*face\b|\bin person\b|\bsidelines\b")


#: verbs of talking that say nothing of where the sides were ("A and B spoke", "the two have talked")
_TALKING = frozenset({"speak", "talk", "chat", "converse"})
#: words of a call or a link that make talking remote
_REMOTE = frozenset({"phone", "telephone", "video", "videoconference", "call", "virtually", "online", "link"})


def unmarked_talk(tok: "Token", relation: str) -> bool:
    """True for a call read from a verb of talking with no word of a phone or a link ("the two rivals have spoken"):
    said of a pair the document has told met, it is that meeting told again.

    >>> from kg.extract.model import get_model
    >>> nlp = get_model()
    >>> unmarked_talk(nlp("Jane Roe and John Doe have spoken twice.")[6], "talksWith")
    True
    >>> unmarked_talk(nlp("Jane Roe and John Doe spoke by phone.")[4], "talksWith")
    False
    """
    if relation != "talksWith" or tok.pos_ != "VERB" or tok.lemma_.lower() not in _TALKING:
        return False
    return not any(t.lemma_.lower() in _REMOTE for t in tok.subtree if t.i > tok.i)


#: words that make an event noun a process rather than one encounter ("their ongoing consultations")
_ONGOING = frozenset({"ongoing", "regular", "continuing", "continued", "periodic", "frequent", "routine", "constant",
                      "permanent"})


def ongoing(noun: "Token") -> bool:
    """True for an event noun of a continuing process ("as part of their ongoing consultations").

    >>> from kg.extract.model import get_model
    >>> ongoing(get_model()("They held a call as part of their ongoing consultations.")[9])
    True
    """
    return noun.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _ONGOING for c in noun.children)


def named_object(tok: "Token") -> list["Token"]:
    """The person called, where the parser read "called Prime Minister X" as "called (someone) X": a name as the
    object predicate of a "call" with no object.

    >>> from kg.extract.model import get_model
    >>> [t.text for t in named_object(get_model()("Ada Sonko called Prime Minister Omar Diallo on Monday.")[2])]
    ['Diallo']
    """
    if any(c.dep_ == "dobj" for c in tok.children):
        return []  # "called X a liar"
    return [c for c in tok.children if c.dep_ == "oprd" and c.pos_ == "PROPN" and c.i > tok.i]


def is_remote(tok: "Token", noun: "Token | None", cues: frozenset[str]) -> bool:
    """"spoke by phone", "held a video call", "met virtually": the encounter was at a distance."""
    if not cues:
        return False
    for h in [tok] + ([noun] if noun is not None else []):
        for c in h.children:
            if c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lemma_.lower() in cues:
                return True
            # "by phone", "over a video link", "during a video call", "in a telephone conversation"
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "via", "over", "on", "through", "during", "in"):
                if any(p.lemma_.lower() in cues or any(g.lemma_.lower() in cues for g in p.children)
                       for p in c.children if p.dep_ == "pobj"):
                    return True
    # "discussed the sanctions by phone with Y", "talked with Y over the phone": the parser hangs the manner on the
    # object or on the counterpart
    beside = [c for c in tok.children if c.dep_ == "dobj"] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    return any(c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and p.dep_ == "pobj" and p.lemma_.lower() in
               _DISTANCE for b in beside for c in b.children for p in c.children)


#: the means of talking at a distance, whatever word the manner phrase hangs on
_DISTANCE = frozenset({"phone", "telephone", "video", "videoconference", "videolink", "teleconference"})
