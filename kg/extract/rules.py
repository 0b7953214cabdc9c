"""The default extractor: spaCy tokens and sentences, lexicons and positional rules.

No statistical model is needed (``spacy.blank("en")``).  Every assertion keeps
its evidence: the sentence, the quoted span and character offsets into the
document text, so ``document.text[start:end] == evidence.quote``.

>>> from kg.model.core import Document
>>> doc = Document.from_text("Leaders meet\\nPresident Ann Lee met Prime Minister Raj Patel in Oslo on Monday.",
...                          published="2025-03-05")
>>> [a] = RuleExtractor(resolver=None).extract(doc)
>>> (a.claim.relation, a.claim.subject.label, a.claim.obj.label, a.claim.place, a.claim.date)
('meets', 'Ann Lee', 'Raj Patel', 'Oslo', '2025-03-03')
>>> doc.text[a.evidence.start:a.evidence.end] == a.evidence.quote
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from dataclasses import replace
from typing import Any

from kg.extract.codes import codes_for
from kg.extract.coref import Coref, Entity
from kg.extract.day_anchors import within_sentence
from kg.extract.dates import anchored_elsewhere, find_date, find_time, parse_published, stated_publication, to_datetime
from kg.extract.hedges import find_hedges, hedged_confidence
from kg.extract.linking import Linker
from kg.extract.mentions import sentences
from kg.extract.nlp import get_nlp
from kg.extract.patterns import find_place
from kg.extract.relations import DocState, Found, find_relations
from kg.extract.roles import stated_roles
from kg.rdf.ids import DATA_NS, slugify
from kg.model.core import ActorRef, Assertion, Claim, Document, Evidence, StatedRole
from kg.model.relation_types import relation_type

RULES_VERSION = "0.1.0"
#: lines from which the rest of a page is site furniture (comment forms, related links)
_BOILERPLATE = re.compile(r"^\s*(?:Leave a (?:Reply|Comment)|Post a Comment|(?:\d+\s*|Reader\s+|Readers'?\s+)?"
                          r"Comments?\s*(?:\(\d[\d,]*\)|\d[\d,]*)?\s*$|Related(?:\s+(?:Articles|Posts|Stories|Coverage|"
                          r"Content|Reading|Links|News|Topics))?\s*:?\s*$|Related (?:Articles|Posts|Stories|Coverage)|"
                          r"(?:More|Latest) (?:on this story|from|stories|news)\b|Most (?:Read|Popular|Viewed)\s*$|"
                          r"Read (?:more|next|also)\s*:|See also\s*:|Recommended(?: for you| stories)?\s*$|Trending\s*$|"
                          r"You (?:may|might) also like|Share this|Sign up for|Subscribe to|"
                          r"Advertisement\s*$|Copyright ©|©)", re.IGNORECASE | re.MULTILINE)


def _content_end(text: str) -> int:
    """Offset where trailing boilerplate starts (comment forms etc.), or ``len(text)``.

    >>> _content_end("A long story here.\\n\\nLeave a Reply\\nYour email")
    19
    """
    for m in _BOILERPLATE.finditer(text):
        if m.start() > len(text) * 0.3:
            return m.start()
    return len(text)


class RuleExtractor:
    """Rule-based extraction of meets/talksWith/pardons/releases/sanctions/advises."""

    name = "rules"
    version = RULES_VERSION

    def __init__(self, resolver: Any = "default") -> None:
        self.resolver = resolver
        self.asserted_by = f"extractor:rules@{RULES_VERSION}"

    def extract(self, document: Document) -> Iterator[Assertion]:
        """Yield assertions stated in ``document`` (nothing when it has no text)."""
        if not document.text:
            return iter(())
        return iter(self._extract(document, get_nlp()(document.text)))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[list[Assertion]]:
        """Assertions per document, tokenising with ``nlp.pipe`` (faster for folders)."""
        docs = list(documents)
        texts = (d.text or "" for d in docs)
        for document, sdoc in zip(docs, get_nlp().pipe(texts, batch_size=batch_size)):
            yield self._extract(document, sdoc) if document.text else []

    # ------------------------------------------------------------------------
    def _extract(self, document: Document, sdoc: Any) -> list[Assertion]:
        text = document.text or ""
        # a document that came without a date is dated by its own date line, if it prints one
        published = parse_published(document.published) or stated_publication(text)
        linker = Linker(self.resolver, on=published)
        sents = sentences(sdoc, text)
        chains = Coref(linker).run(sents, text)
        limit = _content_end(text)
        state = DocState()
        out: list[tuple[Found, Assertion]] = []
        for sent, mentions in zip(sents, chains):
            if sent.start_char >= limit:
                break
            stext = sent.text
            for f in find_relations(stext, sent.start_char, mentions, state):
                roles = _roles_of(f, mentions, linker, text)
                out.append((f, self._assertion(document, f, sent.start_char, stext, published, roles)))
        return _merge_events(_dedupe(out), text)

    def _assertion(self, document: Document, f: Found, base: int, stext: str, published: date | None,
                   roles: tuple[StatedRole, ...] = ()) -> Assertion:
        c = f.relation
        subject = f.subject.ref
        obj: ActorRef | None = f.obj.ref if f.obj is not None else None
        count = None
        if f.group is not None:
            label, count = f.group
            # one counted group per story and count, however the sentences call it ("211 convicts", "the 211 persons")
            iri = f"{DATA_NS}group/{document.iri_hash[:12]}-" + (f"{count}" if count else f"{slugify(label)}-n")
            obj = ActorRef(label, "Group", iri=iri, count=count)
        planned = f.status == "planned"
        own = _own_dates(stext, f.notes)
        iso, end_date, basis = find_date(own, published, future=planned)
        if iso is None and (day := within_sentence(own, stext, _other_date_spans(f.notes), published)):
            iso, basis = day, "relative"  # "was freed on Monday and met Y the next day"
        if c == "advises":  # a standing role, not an event: no event date
            iso, end_date, basis = None, None, None
        elif iso is None and published is not None and f.status == "held" and "in_passing" not in f.notes \
                and not anchored_elsewhere(stext):
            # the publication date dates only the news; "have met twice before" has no date
            iso, basis = published.isoformat(), "published"
        clock, offset = (None, None)
        place = None
        encounter = relation_type(c).symmetric  # meets, talksWith: two sides meet or talk
        if encounter:
            clock, offset = find_time(stext)
            stated = next((n[6:] for n in f.notes if n.startswith("place:")), None)
            if stated is not None and f.event_type != "Call":
                place = stated
            elif f.event_type != "Call":
                after = next((int(n.split(":")[1]) for n in f.notes if n.startswith("place_after:")), None)
                place = find_place(stext, after if after is not None else f.trigger[1] if f.trigger[1] else f.end,
                                   exclude=(subject.label, obj.label if obj else ""))
        elif c == "releases":  # a release's place only as the parse reads it in its own clause
            place = next((n[6:] for n in f.notes if n.startswith("place:")), None)
        hedges = find_hedges(stext) + (("conditional",) if "hedged" in f.notes else ())
        is_host = f.host is not None and f.host is f.subject
        cameo, plover = codes_for(c, f.status, f.event_type or None, is_host=is_host)
        participants = (subject, obj) if encounter and obj is not None else ()
        released = tuple(e.ref for e in f.released)
        if c in ("releases", "pardons") and obj is not None and obj.type == "Person":
            released = (obj,)
        claim = Claim(c, subject, obj, status=f.status, event_type=f.event_type if encounter else None,
                      participants=participants, date=iso, end_date=end_date, time=clock,
                      datetime=to_datetime(iso, clock, offset) if basis in ("explicit", "relative") and not end_date
                      else None,
                      date_basis=basis, place=place, count=count,
                      host=f.host.ref if isinstance(f.host, Entity) else None, released=released, hedges=hedges,
                      cameo=cameo, plover=plover, stated_roles=roles)
        lead = len(stext) - len(stext.lstrip())
        sentence = stext.strip()
        evidence = Evidence(quote=stext[f.start:f.end], sentence=sentence, start=base + f.start, end=base + f.end)
        if lead and f.start < lead:  # pragma: no cover - spans never start in leading whitespace
            evidence = Evidence(stext[lead:f.end], sentence, base + lead, base + f.end)
        return Assertion(claim, document, asserted_by=self.asserted_by, evidence=evidence,
                         confidence=round(hedged_confidence(f.confidence, hedges), 3))


def _other_date_spans(notes: list[str]) -> list[tuple[int, int]]:
    """The sentence spans of the dates the parse gave to other clauses (notes ``other_date:A-B``)."""
    return [(int(a), int(b)) for a, b in (n[11:].split("-") for n in notes if n.startswith("other_date:"))]


def _own_dates(stext: str, notes: list[str]) -> str:
    """The sentence with the dates of other clauses blanked ("X, freed in 2019, met Y": the meeting is not 2019).

    >>> _own_dates("Ann Lee, freed in 2019, met Tom Berg.", ["parse", "other_date:18-22"])
    'Ann Lee, freed in     , met Tom Berg.'
    """
    for a, b in _other_date_spans(notes):
        stext = stext[:a] + " " * (b - a) + stext[b:]
    return stext


def _roles_of(f: Found, mentions: list[Any], linker: Linker, text: str) -> tuple[StatedRole, ...]:
    """The offices the sentence gives the finding's persons (see :mod:`kg.extract.roles`)."""
    ents = [e for e in (f.subject, f.obj, f.host, *f.released) if isinstance(e, Entity)]
    if not any(m.titles for m in mentions):
        return ()
    return stated_roles(mentions, [e.ref for e in ents], linker,
                        lambda m: m.entity.ref if isinstance(m.entity, Entity) else None, text)


def pair_key(a: Assertion) -> tuple[str, ...]:
    """(relation, subject, object) of an assertion, by canonical IRI; symmetric relations in sorted order."""
    s = a.claim.subject.canonical_iri()
    o = a.claim.obj.canonical_iri() if a.claim.obj else ""
    if relation_type(a.claim.relation).symmetric:
        s, o = sorted((s, o))
    return (a.claim.relation, s, o)


def _dedupe(found: list[tuple[Found, Assertion]]) -> list[tuple[Found, Assertion]]:
    """Drop weak findings (a "Trump-Putin summit" compound) when a stated one covers the pair, and repeats."""
    pair = pair_key
    strong = {pair(a) for f, a in found if not f.weak}
    # "A and B discussed the war" after "A spoke with B" (or after A and B met C): encounters told again, not a new one
    told = {side for f, a in found if "restates" not in f.notes and relation_type(a.claim.relation).symmetric
            for side in pair(a)[1:]}
    found = [(f, a) for f, a in found if "restates" not in f.notes or not set(pair(a)[1:]) <= told]
    seen: set[object] = set()
    out = []
    for f, a in found:
        if f.weak and pair(a) in strong:
            continue
        # one finding per sentence, relation, pair and status ("met ... their first meeting")
        # (Assertion.id hashes every field; this key is as strict for one extractor run and far cheaper)
        key = (a.evidence.sentence if a.evidence else None, a.claim.status, *pair(a))
        if key in seen:
            continue
        seen.add(key)
        out.append((f, a))
    return out


#: "held bilateral talks with A and B", "met A and B separately": several events, not one
_SEPARATELY = re.compile(r"\b(?:bilateral(?:ly)?|separate(?:ly)?|individually|one-on-one|one-to-one|respectively|"
                         r"in turn|each of)\b", re.IGNORECASE)


def _one_label_per_group(found: list[tuple[Found, Assertion]]) -> list[tuple[Found, Assertion]]:
    """Every assertion about one group node with the label the story first gives it ("pardoned 16 individuals ...
    released the 16 prisoners": one group, "individuals")."""
    first: dict[str, str] = {}
    for _f, a in sorted(found, key=lambda p: (p[1].evidence.start or 0) if p[1].evidence else 0):
        obj = a.claim.obj
        if obj is not None and obj.type == "Group" and obj.iri:
            first.setdefault(obj.iri, obj.label)
    out = []
    for f, a in found:
        obj = a.claim.obj
        if obj is not None and obj.type == "Group" and obj.iri and first[obj.iri] != obj.label:
            a = replace(a, claim=replace(a.claim, obj=replace(obj, label=first[obj.iri])))
        out.append((f, a))
    return out


def _merge_events(found: list[tuple[Found, Assertion]], text: str) -> list[Assertion]:
    """One assertion per event: the dyads of one trigger ("A, B and C met D") become one multi-party claim.

    Dyads merge when they share sentence, trigger, relation, status, event type and
    host, and together form every subject-side x object-side pair (else they stay apart).
    """
    found = _one_label_per_group(found)
    groups: dict[tuple[Any, ...], list[tuple[Found, Assertion]]] = {}
    order: list[tuple[Any, ...]] = []
    for f, a in found:
        c = a.claim
        key: tuple[Any, ...] = (id(f), )
        if (relation_type(c.relation).multi_party and not f.weak and a.evidence is not None and c.obj is not None
                and "separate" not in f.notes and not _SEPARATELY.search(a.evidence.sentence or a.evidence.quote)):
            key = (a.evidence.sentence, (a.evidence.start or 0) - f.start, f.trigger, c.relation, c.status, c.event_type,
                   c.host.canonical_iri() if c.host else None)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((f, a))
    out = []
    for key in order:
        members = [a for _, a in groups[key]]
        out += [_merged(members, text)] if len(members) > 1 and _is_product(members) else members
    return out


def _is_product(members: list[Assertion]) -> bool:
    subjects = {a.claim.subject for a in members}
    objects = {a.claim.obj for a in members}
    pairs = {(a.claim.subject, a.claim.obj) for a in members}
    return not subjects & objects and len(pairs) == len(members) == len(subjects) * len(objects)


def _merged(members: list[Assertion], text: str) -> Assertion:
    """The multi-party assertion of ``members`` (dyads of one event)."""
    first = members[0]
    subjects = list(dict.fromkeys(a.claim.subject for a in members))
    objects = [o for o in dict.fromkeys(a.claim.obj for a in members) if o is not None]
    c = first.claim
    participants = tuple(subjects + objects) if relation_type(c.relation).symmetric else ()
    roles = tuple({(r.actor, r.office): r for a in members for r in a.claim.stated_roles}.values())
    claim = replace(c, subject=subjects[0], obj=objects[0], co_subjects=tuple(subjects[1:]),
                    co_objects=tuple(objects[1:]), participants=participants, stated_roles=roles,
                    hedges=tuple(dict.fromkeys(h for a in members for h in a.claim.hedges)))
    evidence = first.evidence
    spans = [(a.evidence.start, a.evidence.end) for a in members if a.evidence and a.evidence.start is not None]
    if evidence is not None and spans and all(e is not None for _, e in spans):
        start, end = min(s for s, _ in spans), max(e for _, e in spans if e is not None)
        evidence = replace(evidence, quote=text[start:end], start=start, end=end)
    return replace(first, claim=claim, evidence=evidence, confidence=min(a.confidence for a in members))
