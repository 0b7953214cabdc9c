"""The trained recogniser as a second opinion on the mentions the positional finder proposes.

The mention finder of :mod:`kg.extract.mentions` takes capitalised runs for names; the recogniser
(NER) of the trained pipeline has read the sentences that were parsed, and says which of those runs
are persons, bodies or places:

- :func:`name_spans`: proper-noun compounds the parser reads as one name ("Theresa May"), so a
  month or modal inside a name does not end it, and lone family names in a party's slot;
- :func:`retype_organisations`: unknown, untitled "persons" it calls organisations, where the text
  writes them like one ("the Royal Household", "the daily Folha"), become organisations; names it
  reads as places after a place preposition are set aside;
- :func:`unsupported`: names it never took for a name, that no title, country or gazetteer entry
  backs ("Delegation", "PT"), take part in no relation; a multi-word proper name the parser reads as one
  argument ("the company Northstar Freight", which the recogniser calls a product) is backed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kg.extract.coref import Entity
from kg.extract.lexicon import DEMONYMS, DESCRIPTIONS, TITLE_WORDS
from kg.extract.linking import Linker
from kg.extract.mentions import Mention, Sentence

def name_spans(pdoc: Any, base: int, meeting_verbs: frozenset[str] = frozenset()) -> tuple[tuple[int, int, str], ...]:
    """Proper-noun compounds the parser sees as one name ("Theresa May" as the subject): ``NAME`` spans; a lone
    proper noun the parser reads as a party to its verb ("Rojas and Carvalho met"): ``ARG``; and the lone holder
    of a post ("Lindqvist's adviser"), or one of two lone names that ``meeting_verbs`` says met: ``HOLDER``."""
    out = []
    propn, slots = _symbols()
    for t in pdoc:
        if t.dep not in slots:  # integer ids: this loop sees every parsed token
            continue
        if t.pos != propn and not (t.i == 0 and t.text[:1].isupper() and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children)):
            continue  # a sentence's first word joined to a proper noun ("Ilves and Moretti met") is one too
        parts = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i and c.text[:1].isupper()]
        if parts and t.text[:1].isupper() and t.dep_ != "poss":
            out.append((base + parts[0].idx, base + t.idx + len(t.text), "NAME"))
        elif not parts and _argument_word(t):
            # a post's holder ("Lindqvist's adviser") is a person whatever the recogniser says; other parties unless
            # it calls them a body
            out.append((base + t.idx, base + t.idx + len(t.text),
                        "HOLDER" if t.dep_ == "poss" or _meeting_pair(t, meeting_verbs) else "ARG"))
    return tuple(out)


@lru_cache(maxsize=1)
def _symbols() -> tuple[int, frozenset[int]]:
    """The ids of PROPN and of the dependencies a name can fill (compared as integers, not strings)."""
    from spacy.symbols import IDS

    slots = frozenset(IDS[d] for d in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss"))
    return IDS["PROPN"], slots


def _meeting_pair(t: Any, meeting_verbs: frozenset[str]) -> bool:
    """True for a lone name the recogniser calls a body, joined by "and" to another lone name as the subject of a
    verb of meeting ("Ilves and Moretti last met", Moretti taken for an organisation): two persons who met."""
    if t.ent_type_ != "ORG":
        return False
    if _meets_a_person(t, meeting_verbs):
        return True
    first = t.head if t.dep_ == "conj" else t
    partners = [first] if first is not t else [c for c in t.children if c.dep_ == "conj"]
    if first.dep_ not in ("nsubj", "nsubjpass") or not any(
            p.text[:1].isupper() and not p.n_lefts and p.ent_type_ != "ORG" and p.pos_ in ("PROPN", "NOUN", "ADJ")
            for p in partners):
        return False
    return first.head.lemma_.lower() in meeting_verbs


def _meets_a_person(t: Any, meeting_verbs: frozenset[str]) -> bool:
    """True for a lone name the recogniser calls a body that meets a person the recogniser names as one ("Kurti met
    Vucic", "Vucic hosted Kurti"): a body does not meet a person as its counterpart in the same slot."""
    if t.dep_ not in ("nsubj", "dobj") or t.head.lemma_.lower() not in meeting_verbs or \
            any(c.dep_ == "compound" for c in t.children):
        return False
    verb = t.head
    others = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c is not t]
    others += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return any(o.ent_type_ == "PERSON" and o.pos_ == "PROPN" for o in others)


#: prepositions whose object is a party ("met with X", "spoke to X", "was received by X", "talks between X and Y")
_PARTY_PREPOSITIONS = frozenset({"with", "to", "by", "between"})
#: verbs whose "to" names where someone goes or is taken, not whom they address
_MOTION_VERBS = frozenset({"go", "come", "travel", "fly", "return", "head", "move", "arrive", "trip", "visit", "journey",
                           "deport", "send", "transfer", "extradite", "relocate", "take", "bring", "drive", "sail",
                           "flee", "escape", "expel", "repatriate", "lead", "invite", "welcome", "route", "divert"})


def _argument_word(t: Any) -> bool:
    """True for one capitalised proper noun the parser reads as a party to its verb ("Rojas and Carvalho met",
    "spoke to Tamm"), not as a place ("met in Bodø"): an ``ARG`` span lets a lone, unknown family name act.
    """
    if not (t.text[:1].isupper() and not t.text.isupper() and t.is_alpha and len(t.text) > 2):
        return False
    if t.tag_ == "NNPS" or t.lower_ in DEMONYMS or t.lower_.rstrip("s") in DEMONYMS:
        return False  # "released six Americans": a nationality
    doc = t.doc
    if t.ent_iob_ == "I" or t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I":
        return False  # a word of a longer name ("the Global Food Security Call to Action")
    after = [w.text for w in doc[t.i + 1:t.i + 4]]
    if after[:1] == [","] and t.i + 2 < len(doc) and doc[t.i + 2].ent_type_ in ("GPE", "LOC") or \
            t.i == 0 and after[:1] and after[0] in ("—", "–", "-", "(") or \
            any(w.text in ("—", "–") for w in doc[t.i + 1:min(len(doc), 6)]):
        return False  # "Anchorage, Alaska —": a dateline's place
    if len(after) == 3 and after[0] == "and" and all(w[:1].isupper() for w in after[1:]):
        return False  # "Peter and Linda Hargreaves": a given name shared with the family name after it
    head = t
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:  # "the two ministers, Rojas and Carvalho,"
        if head.dep_ == "appos" and head.head.pos_ != "NOUN":
            return False  # "Anchorage, Alaska": a name beside a name, not the names a description gives
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    if head.dep_ == "poss":  # "Carvalho's chief adviser": the holder of a post is a party to it
        return head.head.lower_ in TITLE_WORDS and head.head.lower_ not in DESCRIPTIONS
    if head.dep_ != "pobj" or head.head.lower_ not in _PARTY_PREPOSITIONS:
        return False
    # "flew to Bodø", "was taken to Evin": a journey's end is a place
    return head.head.lower_ != "to" or head.head.head.lemma_.lower() not in _MOTION_VERBS


#: the legal forms that end a company's name: the name vouches for itself ("Kestrel Trading LLC")
LEGAL_FORMS = frozenset("""LLC L.L.C. Ltd Ltd. Limited Inc Inc. Corp Corp. Co Co. PLC Plc GmbH AG JSC PJSC OJSC CJSC
SA S.A. LLP FZE FZCO FZ-LLC DMCC SARL SRL BV B.V. NV N.V. Pte OOO AO PAO""".split())
#: words that end a company's name as a legal form does ("Pars Nazar Surveillance Systems", "Golden Crane Holdings")
COMPANY_HEADS = frozenset("""Systems Industries Holdings Holding Trading Logistics Shipping Technologies Technology
Solutions Corporation Company Enterprises Electronics Engineering Petroleum Airlines Aviation Shipyard""".split())


def _legal_form(e: Entity) -> bool:
    """True for an organisation whose name ends in a legal form.

    >>> from kg.model.core import ActorRef
    >>> _legal_form(Entity(label="Kestrel Trading LLC", type="Organization", ref=ActorRef("Kestrel Trading LLC", "Organization", "x")))
    True
    """
    return e.type == "Organization" and len(e.label.split()) > 1 and e.label.split()[-1] in LEGAL_FORMS | COMPANY_HEADS


#: recogniser labels that say nothing about a name: a multi-word name it labels otherwise ("designating Ivan
#: Orlov pursuant to", read as a product) is still one it took for a name
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
#: recogniser labels that vouch for a name being an actor's
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def unsupported(sents: list[Sentence], chains: list[list[Mention]], linker: Linker) -> set[int]:
    """Ids of names the recogniser never took for a name, that no title, gazetteer entry or country backs.

    The positional mention finder takes any capitalised run for a name ("Delegation", "PT", a word
    cut by a line break); the trained recogniser is a second opinion, asked where it has read the text.
    """
    seen: dict[int, bool] = {}
    for sent, ms in zip(sents, chains):
        if not sent.ner:
            # a full personal name in a sentence the recogniser did not read ("Pavel Dorn is the director of ...")
            # has not been doubted: a later "Dorn is being designated" it reads without a label keeps its person
            for m in ms:
                if isinstance(m.entity, Entity) and m.kind == "name" and m.entity.type == "Person" and \
                        len(m.text.split()) > 1:
                    seen[id(m.entity)] = True
            continue
        for m in ms:
            e = m.entity
            if not isinstance(e, Entity) or m.kind not in ("name", "surname", "acronym", "org"):
                continue
            backed = bool(e.titles) or e.type == "Country" or e.ref.qid is not None or _legal_form(e) or \
                bool(m.extra.get("serial")) or \
                linker.lookup(e.label) is not None or any(
                    a <= m.start < b and (label in _ACTOR_LABELS or label in ("ARG", "HOLDER") and m.kind == "surname"
                                          and e.type == "Person" or label == "NAME" and m.kind == "name"
                                          and e.type in ("Person", "Organization")
                                          or label not in _NUMERIC_LABELS and m.kind == "name" and len(m.text.split()) > 1)
                    # "Abdelrahim Osman Fadl" read as a person from "Osman": a given name it did not know
                    or m.start < a < m.end and label == "PERSON" and m.kind == "name"
                    for a, b, label in sent.ner)
            seen[id(e)] = seen.get(id(e), False) or backed
    return {k for k, backed in seen.items() if not backed}


#: words that make a capitalised run a body's name wherever they stand in it ("Radio Free Europe", "Voice of America")
_BODY_WORD_IN = re.compile(r"\b(?:Radio|Television|TV|Broadcasting|News|Press|Times|Post|Agency|Voice|Service|"
                           r"Foundation|Institute|Fund|Front|Movement|Forces|Army|Party|Union|Council|Group|Network)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|outside|visiting|visited|visit|visits|toured|arrived in)\s+$",
                           re.IGNORECASE)
#: common nouns that, right before a name, say it names a body ("the daily Folha de S.Paulo", "broadcaster NHK")
_BODY_NOUN_BEFORE = re.compile(r"\b(?:daily|newspaper|paper|broadcaster|agency|channel|network|outlet|magazine|weekly|"
                               r"tabloid|company|firm|bank|party|group|organi[sz]ation|movement|ministry|militia|"
                               r"conglomerate|shipper|airline|carrier|exchange|fund)\s+$", re.IGNORECASE)


#: the body nouns that name a news outlet: it reports on meetings and calls, it does not take part in them
MEDIA_NOUNS = frozenset({"daily", "newspaper", "paper", "broadcaster", "agency", "channel", "network", "outlet",
                         "magazine", "weekly", "tabloid"})


def retype_organisations(sents: list[Sentence], chains: list[list[Mention]], linker: Linker,
                          places: set[int] | None = None, media: set[int] | None = None) -> set[int]:
    """Unknown, untitled "persons" that the recogniser calls an organisation more often than a person are one.

    Returns the ids of the entities retyped: bodies the text names like persons ("the Royal Household").
    Ids of "persons" the recogniser reads as places are added to ``places``; ids of names the text calls a news
    outlet ("the daily Folha") to ``media``.
    """
    places = places if places is not None else set()
    votes: dict[int, list[int]] = {}
    ents: dict[int, Entity] = {}
    definite: set[int] = set()
    described: set[int] = set()
    placed: set[int] = set()  # mentioned right after a place preposition ("visiting San Francisco")
    for sent, ms in zip(sents, chains):
        if not sent.ner:
            continue
        for m in ms:
            e = m.entity
            if not isinstance(e, Entity) or e.type != "Person" or e.titles or e.ref.qid:
                continue
            name_at = m.start + (m.text.index(m.name) if m.name and m.name in m.text else 0)
            before = sent.text[max(0, name_at - sent.start_char - 40):name_at - sent.start_char]
            party = any(a == name_at and label == "ARG" for a, _b, label in sent.ner)
            if _PLACE_BEFORE.search(before) and not (party and before.rstrip().lower().endswith("to")):
                placed.add(id(e))  # "visiting San Francisco"; not "spoke to Haugland", a party the parser read
            if re.search(r"\bthe\s+$", before, re.I):
                definite.add(id(e))  # "the Royal Household": an article before a proper name marks a body
            cue = _BODY_NOUN_BEFORE.search(before)
            if cue:
                described.add(id(e))  # "the daily Folha", "broadcaster NHK": the text says what it is
                if cue.group(0).split()[0].lower() in MEDIA_NOUNS and media is not None:
                    media.add(id(e))
            for a, b, label in sent.ner:
                if a <= name_at and m.end <= b and label in ("ORG", "PERSON", "FAC", "PRODUCT", "GPE", "LOC"):
                    v = votes.setdefault(id(e), [0, 0, 0])
                    v[0 if label == "PERSON" else 2 if label in ("GPE", "LOC", "FAC") else 1] += 1
                    ents[id(e)] = e
    retyped: set[int] = set()
    for key, (person, other, place) in votes.items():
        if place > person + other and key in placed:
            places.add(key)  # "who is visiting San Francisco": a place the mention finder took for a name
        elif other > person and (key in definite or _BODY_WORD_IN.search(ents[key].label)) or other and key in described:
            # "the Royal Household", "a journalist for Radio Free Europe": a body the recogniser reads as one
            e = ents[key]
            e.type = "Organization"
            e.ref = linker.ref(e.label, "Organization")
            retyped.add(key)
    return retyped
