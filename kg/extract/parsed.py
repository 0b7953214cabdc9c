"""The default extractor: a trained English pipeline and relation frames over its parse.

How a document is read:

1. the blank tokenizer segments sentences and tokens for the whole document (fast);
2. a cheap pass (the trigger lemmas of the frames and rules) selects the sentences
   that may state a relation; only those go through the trained pipeline
   (tagger, parser, NER; :mod:`kg.extract.model`) in one ``nlp.pipe`` batch;
3. actor mentions are found as by the rules, with the recogniser's PERSON spans
   keeping names whole ("Theresa May": "May" is not a modal) and its ORG votes
   typing unknown names that are not persons ("the Royal Household");
4. in-document coreference and the gazetteer link mentions to actors;
5. the frames (:mod:`kg.extract.frames`) read who did what to whom and the status from
   the parse; the positional rules of :mod:`kg.extract.relations` still cover what a
   parse of one sentence cannot see (bulleted sanctions lists, adviser appositions,
   "Among those freed were ...") and sentences the parser left without a frame.

Every assertion records the extractor and the model in ``asserted_by``
(``extractor:parse@0.3.0+en_core_web_sm@3.8.0``).

>>> from kg.model.core import Document
>>> doc = Document.from_text("Leaders meet\\nTheresa May met Angela Merkel in Berlin on Monday.", published="2017-03-08")
>>> [a] = ParseExtractor(resolver=None).extract(doc)
>>> (a.claim.relation, a.claim.subject.label, a.claim.obj.label, a.claim.status, a.claim.place, a.claim.date)
('meets', 'Theresa May', 'Angela Merkel', 'held', 'Berlin', '2017-03-06')
>>> a.asserted_by.startswith("extractor:parse@")
True
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from kg.extract.act_instruments import blocked_proposal
from kg.extract.arguments import counted_antecedent, entities_at, governing_person, group_of, plural_antecedent, \
    relative_it, reporter_of
from kg.extract.coref import Coref, Entity
from kg.extract.dates import DATELINE, parse_published, stated_publication
from kg.extract.quotes import speaker_label_end
from kg.extract.day_anchors import anchored_dates
from kg.extract.status_updates import status_updates
from kg.extract.designations import (HOLDINGS, PLURAL_PRONOUNS, fallback_issuer, release_issuer, list_line_actors, list_lines,
                                     plural_group)
from kg.extract.frames import FrameHit, gate_pattern, match, meeting_verbs
from kg.extract.holders import holder_entities, owned_body
from kg.extract.lexicon import DEMONYMS, PLACE_HEADS
from kg.extract.event_places import place_events
from kg.extract.journeys import place_journeys
from kg.extract.linking import Linker
from kg.extract.members import following, member_findings, parse_also
from kg.extract.patient_phrases import LIFTED_MEASURES, LIFTING_VERBS, lifted as _lifted, \
    names_in_phrase as _names_in_phrase
from kg.extract.mentions import Mention, Sentence, is_headline, sentences
from kg.extract.model import MAX_PARSE_CHARS, get_model, model_info, parse_input
from kg.extract.place_names import capitals
from kg.extract.nlp import get_nlp
from kg.extract.pairing import entities
from kg.extract.parties import counted_pair
from kg.extract.recogniser import name_spans, retype_organisations, unsupported
from kg.extract.reconcile import Reading, _headline_merged, _only_as_speaker, _reconcile, _restatus, _speakers
from kg.extract.relations import DocState, Found, find_relations
from kg.extract.timelines import heading_dates, reference_date, year_headings
from kg.extract.findings import counted_once, without_enumerated_groups
from kg.extract.rules import RuleExtractor, _content_end, _dedupe, _merge_events, _roles_of
from kg.extract.setting import other_dates
from kg.model.core import Assertion, Document

PARSE_VERSION = "0.3.0"  # 0.3.0: journey places, report roles, group members beside the verb
_log = logging.getLogger("kg.extract")


def _worth_parsing(text: str) -> bool:
    """The cheap pass: a trigger stem (:func:`kg.extract.frames.gate_pattern`) and room for two actors.

    >>> _worth_parsing("Trump met Putin in Alaska."), _worth_parsing("The weather met expectations.")
    (True, False)
    """
    return gate_pattern().search(text) is not None and (sum(1 for w in text.split()[1:] if w[:1].isupper()) >= 1 or
                                                        _PLURAL_PRONOUN.search(text) is not None)


#: "Australia sanctioned them", "froze their assets": a plural pronoun may stand for the actors named before
_PLURAL_PRONOUN = re.compile(r"\b(?:sanction|designat|blacklist|freez|froze)\w*\s+(?:\w+\s+){0,2}(?:them|their)\b",
                             re.IGNORECASE)


class ParseExtractor(RuleExtractor):
    """Relations from the dependency parse of a trained pipeline, with the rules as a second reader."""

    name = "parse"
    version = PARSE_VERSION

    def __init__(self, resolver: Any = "default", *, gate: bool = True) -> None:
        super().__init__(resolver)
        get_model()  # fail now, with the package to install, not in the middle of a batch
        self.asserted_by = f"extractor:parse@{PARSE_VERSION}+{model_info().tag}"
        self.gate = gate  # False parses every sentence (the benchmark's full-parse figure)

    def extract(self, document: Document) -> Iterator[Assertion]:
        """Yield assertions stated in ``document`` (nothing when it has no text)."""
        if not document.text:
            return iter(())
        return iter(next(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[list[Assertion]]:
        """Assertions per document, in input order; documents are read ``batch_size`` at a time, and the selected
        sentences of each batch are parsed in one ``nlp.pipe`` (memory stays bounded however many there are)."""
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) == batch_size:
                yield from self._extract_batch(batch)
                batch = []
        if batch:
            yield from self._extract_batch(batch)

    def _extract_batch(self, docs: list[Document]) -> Iterator[list[Assertion]]:
        blank = list(get_nlp().pipe((d.text or "" for d in docs), batch_size=len(docs)))
        per_doc: list[list[Sentence]] = [sentences(sd, d.text or "") if d.text else [] for d, sd in zip(docs, blank)]
        # the lines of a designation list name their targets with no verb, and a group's members are named after
        # it ("... two Americans. The two, A and B"): the recogniser reads them too
        listed = [list_lines([s.text for s in sents]) | parse_also([s.text for s in sents]) for sents in per_doc]
        selected = [(k, i) for k, sents in enumerate(per_doc) for i, s in enumerate(sents)
                    if not self.gate or _worth_parsing(s.text) or i in listed[k]]
        texts = [parse_input(per_doc[k][i].text) for k, i in selected]
        cut: dict[int, int] = {}
        for k, i in selected:
            if len(per_doc[k][i].text) > MAX_PARSE_CHARS:
                cut[k] = cut.get(k, 0) + 1
        for k, n in cut.items():  # the rules still read the whole sentence; the parser sees its first MAX_PARSE_CHARS
            name = docs[k].path or docs[k].url or docs[k].title or docs[k].iri_hash
            _log.warning("%s: parsed only the first %d characters of %d sentence(s) longer than that",
                         name, MAX_PARSE_CHARS, n)
        parsed: list[dict[int, Any]] = [{} for _ in docs]  # each document's parsed sentences, by index
        for (k, i), pdoc in zip(selected, get_model().pipe(texts, batch_size=256)):
            parsed[k][i] = pdoc
        for k, document in enumerate(docs):
            if not document.text:
                yield []
                continue
            yield self._extract_parsed(document, per_doc[k], parsed[k])

    # ------------------------------------------------------------------------
    def _extract_parsed(self, document: Document, sents: list[Sentence], parsed: dict[int, Any]) -> list[Assertion]:
        text = document.text or ""
        # a document that came without a date is dated by its own date line, if it prints one
        published = parse_published(document.published) or stated_publication(text)
        linker = Linker(self.resolver, on=published)
        for i, pdoc in parsed.items():
            base = sents[i].start_char
            sents[i].ner = tuple((base + e.start_char, base + e.end_char, e.label_) for e in pdoc.ents) + \
                name_spans(pdoc, base, meeting_verbs())
        coref = Coref(linker)
        chains = coref.run(sents, text)
        places: set[int] = set()
        media: set[int] = set()
        bodies = retype_organisations(sents, chains, linker, places, media)
        if bodies:
            _repoint_pronouns(chains)
        # a designation list's line names its target whatever the recogniser made of it ("- Irakli Dgebuadze, head of")
        texts = [s.text for s in sents]
        years = year_headings(texts)  # a chronology's "2024" line dates the entries below it
        listed = {id(ms[0].entity) for k in list_lines(texts) for ms in chains[k:k + 1] if ms}
        doubtful = (unsupported(sents, chains, linker) - listed) | places
        list_line_actors(texts, [s.start_char for s in sents], chains, linker)
        limit = _content_end(text)
        state = DocState()
        out: list[tuple[Found, Assertion]] = []
        found_at: dict[int, list[Found]] = {}  # the findings of each sentence (a group's members join them below)
        issuer: Entity | None = None
        cited = fallback_issuer(text[:limit], chains, linker)  # "pursuant to Executive Order ...": the US
        for i, (sent, mentions) in enumerate(zip(sents, chains)):
            if sent.start_char >= limit:
                break
            # what a frame's context words are looked for in: the headline and lede, and the last sentences
            recent = " ".join(s.text for s in sents[:2] + sents[max(2, i - 2):i + 1]).lower()
            ruled = find_relations(sent.text, sent.start_char, mentions, state)
            framed, read, readings = _frame_findings(parsed[i], sent, mentions, state, issuer or cited, coref, recent,
                                                     bodies) if i in parsed else ([], [], [])
            _restatus(ruled, readings)
            speakers = _speakers(parsed[i], sent.start_char) if i in parsed else []
            for f in without_enumerated_groups(_reconcile(framed, ruled, read, parsed=i in parsed)):
                if id(f.subject) in doubtful or id(f.obj) in doubtful:
                    continue
                if speakers and _only_as_speaker(f, mentions, speakers, sent.start_char):
                    continue  # "sanctions on five officials, Foreign Minister X said": X reports, takes no part
                if f.relation in ("meets", "talksWith") and {id(f.subject), id(f.obj)} & media:
                    continue  # "speaking to the daily Folha": an interview, not talks
                roles = _roles_of(f, mentions, linker, text)
                out.append((f, self._assertion(document, f, sent.start_char, sent.text,
                                               reference_date(published, years.get(i)), roles)))
                found_at.setdefault(i, []).append(f)
            state.last_plural = plural_group(sent.text, sent.start_char, mentions) or state.last_plural
            state.last_freed = list(dict.fromkeys(f.obj for f in found_at.get(i, ()) if f.relation in (
                "releases", "pardons") and f.status == "held" and f.obj is not None and f.obj.type == "Person")) or \
                state.last_freed  # who "the two had been released" stands for in a later sentence
            issuer = issuer or release_issuer(sent, mentions, text)
        told_again: set[int] = set()  # "... four officials on Monday. They include A": one act, of Monday
        for i, f in member_findings(sents, chains, parsed, found_at, limit):  # "... two Americans. The two, A and B"
            if {id(f.subject), id(f.obj)} & doubtful:
                continue
            if is_headline(sents[i]):
                continue  # the members of a headline's group are the body's group's
            told_again.update(id(g) for j in following(texts, i) for g in found_at.get(j, ())
                              if (g.relation, g.subject, g.obj, g.status) == (f.relation, f.subject, f.obj, f.status))
            out.append((f, self._assertion(document, f, sents[i].start_char, sents[i].text,
                                           reference_date(published, years.get(i)),
                                           _roles_of(f, chains[i], linker, text))))
        out = [(f, a) for f, a in out if id(f) not in told_again]
        out = place_journeys(out, sents, chains)  # "X arrived in Ankara. X met Y": the meeting's place
        out = place_events(out, sents, text)  # "X met Y. The talks took place in Warsaw.": places stated elsewhere
        out = heading_dates(anchored_dates(out), texts, [s.start_char for s in sents], published)  # "Monday 21 Sep"
        out = status_updates(out, sents, chains)  # "The meeting was called off": the planned meeting before
        out = counted_once(out)  # "pardoning a group of persons ... 211 persons were pardoned": one act, counted
        return _merge_events(_dedupe(_headline_merged(out, sents)), text)


def _repoint_pronouns(chains: list[list[Mention]]) -> None:
    """"he"/"she" that coreference gave to a name now known to be a body take the sentence's person before them."""
    last: Entity | None = None
    for ms in chains:
        for m in ms:
            e = m.entity
            if not isinstance(e, Entity):
                continue
            if m.kind == "pronoun" and e.type != "Person":
                m.entity = last
            elif e.type == "Person" and m.kind != "pronoun":
                last = e


#: recogniser labels an unmentioned argument may be minted from, and the actor type they give
_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country", "NORP": None}


def _frame_findings(pdoc: Any, sent: Sentence, mentions: list[Mention], state: DocState,
                    issuer: Entity | None, coref: Coref, recent: str = "",
                    bodies: frozenset[int] | set[int] = frozenset()
                    ) -> tuple[list[Found], list[tuple[int, int]], list[Reading]]:
    """The frames' findings in one parsed sentence, the trigger spans the frames read, and every frame's reading."""
    base = sent.start_char
    spans = [(m.start - base, m.end - base, m) for m in mentions if m.entity is not None or m.extra.get("pair")]

    dateline = DATELINE.match(sent.text)  # "VILNIUS, Lithuania (AP) —": where the story was filed, not an actor
    outside = max(dateline.end() if dateline else 0, speaker_label_end(sent.text))  # "Question (A, Daily Post):"

    def mint(tok: Any) -> list[Entity]:
        """An actor for an argument no mention covers, from the recogniser's span around it ("Volkswagen")."""
        if tok.idx < outside:
            return []
        if tok.lower_ in ("they", "them") and plural_antecedent(tok):
            return []  # "The freed prisoners were taken to Lithuania, where they were met": the prisoners
        if tok.text in capitals():
            return []  # "the working visit to Ashgabat": a capital is a place, whatever the recogniser calls it
        if tok.tag_ in ("NNPS", "NNS") and any(c.dep_ == "nummod" for c in tok.children):
            return []  # "freed two Danes": counted nationals, no body
        ent = next((e for e in pdoc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.label_ == "NORP" and tok.pos_ == "ADJ" and tok.lower_ in DEMONYMS:
            return [coref._other(DEMONYMS[tok.lower_], "Country")]  # "Russian custody", "British sanctions"
        if ent is None or _NER_TYPES.get(ent.label_) is None or not ent.text[:1].isupper() or \
                ent[-1].text in PLACE_HEADS:  # "Ho Chi Minh City", taken for a person: a place
            return []
        label = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        if ent.label_ == "PERSON":
            person = coref._person(label, (), None, create=True)
            return [person] if person is not None else []
        other = coref._other(label, _NER_TYPES[ent.label_] or "Organization")
        if other.type == "Organization":
            minted.add(id(other))
        return [other]

    minted = set(bodies)

    found: list[Found] = []
    # triggers the frames read without a finding: a trigger word inside a name ("Radio Free Europe"), an
    # attributive participle ("the freed prisoners"), sanctions being lifted ("eased sanctions on X")
    read: list[tuple[int, int]] = [(e.start_char, e.end_char) for e in pdoc.ents
                                   if len(e) > 1 and e.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT")]
    read += [(t.idx, t.idx + len(t.text)) for t in pdoc if t.dep_ == "amod" and gate_pattern().match(t.lower_)
             or t.lemma_.lower() in LIFTED_MEASURES and t.head.lemma_.lower() in LIFTING_VERBS
             or blocked_proposal(t)]  # "blocked an EU proposal to impose a ban on X": not imposed
    readings: list[Reading] = []
    for hit in match(pdoc):
        if hit.trigger.idx < outside:
            continue
        if outside:  # "Question (A, Daily Post): Did X speak with Y?": who asks is no party to it
            hit.agents = [t for t in hit.agents if t.idx >= outside]
            hit.others = [t for t in hit.others if t.idx >= outside]
        readings += [(t.idx, t.idx + len(t.text), hit) for t in (hit.trigger, hit.noun) if t is not None]
        if hit.frame.relation == "sanctions" and _lifted(hit.trigger):
            continue
        if hit.frame.context and not any(w in recent for w in hit.frame.context):
            continue
        got = _to_found(hit, spans, sent.text, state, issuer, mint, minted) if "question" not in hit.notes else []
        found += got
        plural_they = any(t.lower_ in ("they", "them") and plural_antecedent(t) for t in (*hit.agents, *hit.others))
        # "Hostage families met X": the parse names who met, and they are no actor; the rules' nearest name is not them
        bare = bool(hit.agents) and bool(hit.others) and all(t.pos_ == "NOUN" for t in hit.agents) or (
            hit.frame.kind == "act" and hit.trigger.dep_ == "relcl" and bool(hit.others) and not hit.agents) or (
            hit.frame.host == "subject" and hit.trigger.dep_ == "acl" and hit.trigger.head.pos_ == "NOUN") or (
            # "sanctions on an arms network supplying X": the patient is the network, not the name in its clause
            hit.frame.kind == "act" and bool(hit.agents) and bool(hit.others) and
            all(t.pos_ == "NOUN" and not _names_in_phrase(t) for t in hit.others)) or (
            # "to meet Maduro's government": the parse met a body, not the person the rules would take
            hit.frame.kind == "encounter" and bool(hit.others) and all(owned_body(t) for t in hit.others))
        # ... and "on the sidelines of the summit hosted by X" is X hosting an event, not X meeting who is named
        if got or plural_they or bare or "question" in hit.notes:  # the frame's reading replaces the rules' for this trigger; where it read nobody, the rules may
            read.append((hit.trigger.idx, hit.trigger.idx + len(hit.trigger.text)))
            if hit.noun is not None:  # "Sanctions were imposed on X": the noun of the light verb is the same trigger
                read.append((hit.noun.idx, hit.noun.idx + len(hit.noun.text)))
    return found, read, readings


#: nouns for the two parties of an encounter that name neither ("the two sides", "both delegations")
_SIDES = frozenset({"side", "delegation"})


def _sides(tok: Any) -> bool:
    """True for "the two sides", "both delegations": a party noun counted as two, naming nobody."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _SIDES and counted_pair(tok)


def _to_found(hit: FrameHit, spans: list[tuple[int, int, Mention]], text: str, state: DocState,
              issuer: Entity | None, mint: Any = None, bodies: set[int] | frozenset[int] = frozenset()) -> list[Found]:
    frame = hit.frame
    agents: list[Entity] = []
    for t in hit.agents:
        if t.lower_ in ("they", "them") and plural_antecedent(t):
            continue
        found = governing_person(t, spans, mint) or entities_at(t, spans, mint) or holder_entities(t, spans)
        if not found and frame.kind == "encounter" and _sides(t) and state.last_pair is not None:
            found = list(state.last_pair)  # "the two sides", "both delegations": the pair of the last encounter
            if frame.continues and state.last_encounter is not None:
                hit.relation, hit.event_type = state.last_encounter  # "the two sides exchanged views" on that call
        if not found and t.lower_ == "it":
            found = [e for s in reporter_of(t) or relative_it(t) for e in entities_at(s, spans, mint) if e.type != "Person"]
        agents += [e for e in found if e not in agents]
    others: list[Entity] = []
    groups: list[tuple[str, int | None]] = []
    for t in hit.others:
        if t.lower_ in ("last", "first", "again", "together", "before", "twice"):
            hit.in_passing = hit.in_passing or t.lower_ != "together"
            continue
        if t.lower_ in ("they", "them") and plural_antecedent(t):
            continue  # "the freed prisoners ..., where they were met by X": not the last pair of leaders
        if frame.kind == "encounter" and owned_body(t):
            continue  # "to meet Maduro's government": the government, not Maduro, is met
        # "three Americans freed by X": counted persons of a nation, not the nation
        nationals = t.tag_ == "NNPS" and any(c.dep_ == "nummod" for c in t.children)
        es = [] if nationals else governing_person(t, spans, mint) or entities_at(
            t, spans, mint, bent_lists=frame.kind == "act") or holder_entities(t, spans)
        if frame.relation in ("releases", "pardons") and state.last_freed and counted_pair(t):
            es = list(state.last_freed)  # "X and Y were freed ... said the two had been released": not the last pair
        if not es and frame.kind == "act" and (t.lower_ in PLURAL_PRONOUNS or t.lemma_.lower() in HOLDINGS and any(
                c.dep_ == "poss" and c.lower_ == "their" for c in t.children)):
            es = list(state.last_plural)  # "A and B run the fund. Australia sanctioned them / froze their assets"
        # "between A and B": the counterpart an agent's conjuncts took in is the counterpart (and no agent)
        shared = frame.kind == "encounter" and len(agents) > 1
        others += [e for e in es if e not in others and (e not in agents or shared and e is not agents[0])]
        own = [e for a, b, m in spans if a <= t.idx < b for e in entities(m)]
        if (not own or nationals) and frame.kind == "act" and frame.relation in ("pardons", "releases"):
            # "pardoned 12 prisoners, including A and B": the group of 12, and A and B by name
            g = group_of(t, text) or counted_antecedent(t, text)
            if g is not None and g not in groups:
                groups.append(g)
    if frame.kind == "act" and not agents:
        if frame.relation == "sanctions" and hit.trigger.pos_ == "NOUN" and hit.trigger.lemma_.lower() != "sanction" \
                and state.last_imposer is None:
            return []  # "measures against X" with no imposer named anywhere before: nobody to credit
        if frame.relation == "sanctions":  # the imposer named before, never one of this act's own targets
            agents = [e for e in (state.last_imposer, issuer) if e is not None and e not in others][:1]
        elif state.last_releaser is not None and not hit.agents and hit.trigger.dep_ != "relcl" and not any(
                n.startswith("seeker:") for n in hit.notes):  # "Moscow sought X's release": sought, by nobody done
            # "X, who was freed last year" is background: its releaser is not the one named before
            agents = [state.last_releaser]  # "X was also freed": by the releaser named before, not "prisons will release"
    # "during their meeting", "X and Y discussed it in a phone call": the pair of the clause took part
    their = any(c.dep_ == "poss" and c.lower_ == "their" for c in hit.trigger.children) or (
        hit.trigger.dep_ == "pobj" and hit.trigger.head.lower_ in ("in", "during", "over", "at"))
    if frame.kind == "encounter" and others:
        agents = [a for a in agents if a not in others] or agents
    if frame.kind == "encounter" and not others and len(agents) > 1 and (hit.trigger.pos_ != "NOUN" or their):
        agents, others = agents[:1], agents[1:]  # "X and Y met"; a noun needs its "with"/"between"
    if frame.relation == "sanctions" and agents and agents[0].type != "Person":
        state.last_imposer = agents[0]  # "Canada is imposing sanctions against the following:" names them later
        state.since_sanction = 0
        if hit.status == "held" and any(c.lower_ == "following" for o in hit.others for c in o.children):
            state.list_imposer = agents[0]  # "added the following individuals to the list. (1) A ... (2) B"
            state.list_marked = not hit.trigger.sent.text.rstrip().endswith(":")
    if frame.kind == "act" and frame.persons:
        others, groups = [o for o in others if o.type == "Person"], []  # "swapped X for Y": persons, not goods
    if "negated-listing" in hit.notes:
        groups = []  # "the best-known prisoners were not among those freed" names nobody who was not
    if not agents or (not others and not groups):
        return []
    notes = ["parse"] + (["in_passing"] if hit.in_passing else []) + (["hedged"] if hit.hedged else []) + (
        ["restates"] if "restates" in hit.notes else [])
    notes += [f"other_date:{a}-{b}" for a, b in other_dates(hit.trigger, hit.noun)]
    if hit.place is not None:
        notes.append(f"place:{hit.place}")
    ts, te = hit.trigger.idx, hit.trigger.idx + len(hit.trigger.text)
    arg_toks = [t for t in (*hit.agents, *hit.others)]
    lo = min([ts] + [t.left_edge.idx for t in arg_toks if t.dep_ not in ("relcl",)] + [
        a for a, _b, m in spans if any(e in agents + others for e in entities(m))])
    hi = max([te] + [b for _a, b, m in spans if any(e in agents + others for e in entities(m)) and b > ts] +
             [t.idx + len(t.text) for t in arg_toks if t.i > hit.trigger.i and t.dep_ not in ("relcl",)])
    lo = max(0, min(lo, ts))
    out: list[Found] = []
    for s in agents:
        if frame.kind == "act" and s.type == "Person" and frame.relation == "sanctions" and len(agents) > 1:
            continue
        for o in others:
            if s is o:
                continue
            if frame.kind == "encounter":
                if s.type == "Country" or o.type == "Country":
                    continue  # "met in Russia": a place; "India and Pakistan met": states are represented by persons
                if (s.type == "Person") != (o.type == "Person") and not ({id(s), id(o)} & bodies):
                    continue  # a person meets a body only when the recogniser named it one ("the Royal Household")
                if frame.persons and o.type != "Person":
                    continue
            host = None
            if frame.host == "subject":
                host = s
            elif frame.host == "counterpart":
                host = o
            out.append(Found(hit.relation, s, o, status=hit.status, event_type=hit.event_type, host=host, start=lo,
                             end=hi, confidence=frame.confidence * (0.85 if hit.hedged else 1.0), trigger=(ts, te),
                             notes=list(notes)))
        for g in groups:
            out.append(Found(hit.relation, s, None, group=g, status=hit.status, event_type=hit.event_type, start=lo,
                             end=hi, confidence=frame.confidence, trigger=(ts, te), notes=list(notes)))
    state.last_pair = next(((f.subject, f.obj) for f in out if frame.kind == "encounter" and
                            f.subject.type == f.obj.type == "Person"), state.last_pair)
    if frame.kind == "encounter" and out:
        state.last_encounter = (hit.relation, hit.event_type)
    if frame.relation == "sanctions" and agents:
        state.last_imposer = agents[0]
        state.since_sanction = 0
    if frame.relation in ("releases", "pardons") and agents and agents[0].type != "Person":
        state.last_releaser = agents[0]
    return out
