"""Relation frames over a dependency parse: who did what to whom, and with what status.

The frames are data (``frames.yaml``, read by :mod:`kg.extract.frame_set`): a trigger (lemma and
part of speech) and the dependency roles its arguments take.  This module is
the interpreter.  It is deliberately small: arguments are read from the tree
(``nsubj``/``agent`` for the actor, ``dobj`` or the object of a named
preposition for the counterpart or patient, ``nsubjpass`` for a passive
patient), expanded over conjuncts and appositions, and the status is read from
the verbs that govern the trigger (modals, negation, "plan to", "open to",
"refused to", "if").  Three frame kinds cover the relations: symmetric
*encounters* (meets, talksWith), *acts* of an agent on a patient (pardons,
releases, sanctions); standing *roles* (advises) are left to the appositive
rules of :mod:`kg.extract.relations`.

spaCy's ``DependencyMatcher`` matches fixed trees; a frame's arguments are each
optional and repeatable (conjuncts), so matching is done here over the same
token attributes.

>>> from kg.extract.model import get_model
>>> h = match(get_model()("Foreign Minister Penny Wong held talks in Canberra with her counterpart Retno Marsudi."))[0]
>>> (h.relation, h.event_type, [t.text for t in h.agents], [t.text for t in h.others], h.status, h.place)
('meets', 'Meeting', ['Wong'], ['Marsudi'], 'held', 'Canberra')
>>> [h] = match(get_model()("Chancellor Olaf Scholz said he was open to a meeting with Xi Jinping."))
>>> (h.relation, [t.text for t in h.agents], [t.text for t in h.others], h.status, h.hedged)
('meets', ['he'], ['Jinping'], 'planned', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from kg.extract.frame_set import (  # the frames as data; their names stay importable from here  # noqa: F401
    FRAMES_ENV, FRAMES_FILE, Frame, _index, all_frames, gate_pattern, load_frames, meeting_verbs,
)
from kg.extract.lexicon import is_title_word
from kg.extract.parties import (
    accompanying, between_sides, comma_pair, counted_pair, delegation_head, described_names, past_request,
    stranded_agents,
)
from kg.extract import act_frames, calls
from kg.extract.gapping import gapped_agents
from kg.extract.clause_status import PASSING_ADVERBS, read_status
from kg.extract.place_names import tidy_place
from kg.extract.release_places import release_place
from kg.extract.setting import place_of
from kg.extract.patient_phrases import members_beside
from kg.extract.act_instruments import ISSUING
from kg.extract.misparses import (absolute_subject, acts_next, clause_on_noun, described_name, misread_objects,
                                  object_named_before, quantified_antecedents, swallowed_subjects,
                                  verb_first_parties)
from kg.extract.syntax import (
    companions, expand, headline_topic, has_particle, inverted_subjects, is_passive, noun_agents,
    prep_objects, slot, stranded_objects, subjects, unique,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: verbs whose subject performs the act its object names ("ordered the release", "announced sanctions")
_AGENTIVE_VERBS = frozenset("""order announce approve sign grant issue authorize authorise declare decree complete carry
impose adopt implement enact extend expand unveil introduce slap level agree finalize finalise""".split())
#: verbs whose subject asks for the act named by their object ("sought Bout's release"): not its agent
_SEEKING_VERBS = frozenset({"seek", "demand", "request", "want", "urge", "press", "push", "welcome", "hail", "await"})
#: verbs that credit their object with an act named after "for" ("thanked X for the release of Y")
_CREDITING_VERBS = frozenset({"thank", "credit", "praise", "commend", "applaud", "laud", "reward"})
#: documents through which an act is done ("signed the order for X's release")
_INSTRUMENT_NOUNS = frozenset({"order", "decree", "deal", "agreement", "warrant", "document", "papers", "executive"})
#: verbs whose object is the one the subject spoke to ("told Y", "assured Y", "urged Y")
_ADDRESSING_VERBS = frozenset({"tell", "assure", "inform", "urge", "warn", "brief", "ask", "thank", "press",
                               "reassure", "congratulate", "promise", "remind", "update", "invite", "encourage"})
#: verbs that name the members of a list ("those sanctioned include A")
_LISTING_VERBS = frozenset({"include", "be", "comprise", "feature", "contain"})
#: nouns that name a sanction ("hit with sanctions", "slapped with an asset freeze")
_MEASURES = frozenset({"sanction", "ban", "penalty", "freeze", "measure", "restriction"})
#: nouns that measure an event ("held three hours of talks", "two rounds of consultations")
_MEASURE_NOUNS = frozenset({"hour", "day", "round", "series", "week", "minute", "session"})
#: event nouns that are calls ("held a call", "had a videoconference with Y")
_CALL_NOUNS = frozenset({"call", "conversation", "videoconference", "teleconference"})
#: relative pronouns that stand for their antecedent
_RELATIVES = frozenset({"who", "whom", "which", "that"})
#: verbs by which an agent brings an act about ("ordered his release", "secured her release"): those that issue
#: an instrument, and a few that obtain one
_ORDERING = ISSUING | {"secure", "authorize", "authorise"}
#: verbs whose subject is the measure and whose object its target ("the sanctions target X")
_TARGETING_VERBS = frozenset({"target", "hit", "name", "cover", "affect", "include", "list"})

@dataclass
class FrameHit:
    """A frame matched at one trigger token, with its argument head tokens and status."""

    frame: Frame
    trigger: "Token"
    agents: list["Token"]
    others: list["Token"]  # the counterparts (encounters) or patients (acts)
    relation: str
    event_type: str | None
    status: str = "held"
    hedged: bool = False
    in_passing: bool = False
    noun: "Token | None" = None  # the event noun of a light verb ("held talks")
    place: str | None = None  # the place the parse attaches to the trigger ("in Berlin", "at the Kremlin")
    notes: list[str] = field(default_factory=list)


def match(sent: Iterable["Token"]) -> list[FrameHit]:
    """Every frame that matches in a parsed sentence (or ``Doc``)."""
    index = _index()
    hits: list[FrameHit] = []
    for tok in sent:
        pos = "VERB" if tok.pos_ == "AUX" and tok.lemma_.lower() in ("have", "hold") else tok.pos_
        if pos == "PROPN" and tok.lemma_.lower() in ("summit", "talks", "meeting"):
            pos = "NOUN"
        if pos == "NOUN" and tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.children):
            pos = "VERB"  # "is due to host X": the tagger read the verb as a noun, the parser gave it an object
        if pos == "NOUN" and tok.dep_ == "compound" and (tok.head.lemma_.lower(), "NOUN") in index:
            continue  # "a phone call": the call is the event, "phone" its manner
        for frame in index.get((tok.lemma_.lower(), pos), ()):
            hit = _apply(frame, tok)
            if hit is not None:
                hits.append(hit)
    # "paid a courtesy call to X": the light verb says what the noun's event is (a visit, not a phone call)
    hits = [h for h in hits if not (h.trigger.pos_ in ("NOUN", "PROPN") and any(
        v.noun is not None and v.noun.i == h.trigger.i and v.relation != h.relation for v in hits))]
    # "held talks with X" is read at the verb and at its noun: one event, one place
    places = {h.noun.i: h.place for h in hits if h.noun is not None and h.place is not None}
    for h in hits:
        if h.place is None and h.frame.kind == "encounter" and h.trigger.i in places:
            h.place = places[h.trigger.i]
    return hits


def _apply(frame: Frame, tok: "Token") -> FrameHit | None:
    noun = None
    listing: "Token | None" = None  # the verb that lists the patients ("Among those freed were ...")
    if frame.with_dobj:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in frame.with_dobj] or [
            t for t in prep_objects(tok, "with") if t.lemma_.lower() in frame.with_dobj and "prep:with" not in
            frame.patient + frame.counterpart]  # "were hit with sanctions", "hit Russia with new sanctions"
        objs = objs or [p for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _MEASURE_NOUNS
                        for p in prep_objects(c, "of") if p.lemma_.lower() in frame.with_dobj]  # "three hours of talks"
        objs = objs or [tok.head for _ in (1,) if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in
                        frame.with_dobj and any(c.dep_ == "agent" for c in tok.children)]  # "the sanctions imposed by the EU on X"
        objs = objs or [tok.head for _ in (1,) if clause_on_noun(tok) and tok.head.lemma_.lower() in frame.with_dobj and not any(
                            c.dep_ == "dobj" and c.lower_ not in ("that", "which") for c in tok.children)]  # "the bans it imposed"
        if not objs:
            return None
        noun = objs[0]
    if frame.needs_particle and not has_particle(tok, frame.needs_particle):
        return None
    if frame.needs_prep and not any(c.dep_ == "prep" and c.lower_ in frame.needs_prep for c in tok.children):
        return None
    if frame.needs_pobj and not any(p.lemma_.lower() in frame.needs_pobj or (  # "@gpe": "invited X to Riga"
            c.lower_ == "to" and f"@{p.ent_type_.lower()}" in frame.needs_pobj) for c in tok.children if c.dep_ == "prep"
                                    for p in c.children if p.dep_ == "pobj") and not any(
            c.dep_ == "xcomp" and c.lemma_.lower() in frame.needs_pobj for c in tok.children):  # "invited X to visit"
        return None
    relation, event_type = frame.relation, frame.event_type
    if relation == "talksWith" and noun is not None and any(c.lower_ == "courtesy" for c in noun.children):
        relation, event_type = "meets", "Visit"  # "received a courtesy call from X": X came in person
    if frame.relation == "talksWith" and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.lemma_.lower() == "call" and (
            tok.head.lemma_.lower() == "pay" or any(c.lower_ == "courtesy" for c in tok.children)):
        return None  # "paid a courtesy call to Y": a visit (the frame of "pay a call" reads it), not a call
    if frame.event_type == "Visit" and noun is not None and noun.lemma_.lower() == "call" and \
            tok.lemma_.lower() == "make" and not any(c.lower_ == "courtesy" for c in noun.children):
        return None  # "made a phone call to Y": a call (its own frame reads it), not a courtesy visit
    notes_seekers: list[str] = []
    if tok.pos_ == "NOUN":
        agents = noun_agents(tok)
        if frame.kind == "encounter" and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            # "during their meeting in Moscow, Xi and Putin signed": the pair of the clause
            verb = tok
            while (verb.dep_ in ("pobj", "prep", "dobj", "nsubj") or verb.dep_ == "conj" and verb.pos_ == "ADP"
                   or verb.dep_ == "advmod" and verb.lower_ in ("ahead", "prior")) and \
                    verb.head.i != verb.i:  # "thanked Y for X and for their call": up through "for ... and for"
                verb = verb.head
            agents = subjects(verb) if verb.i != tok.i else []
            if tok in agents or not agents:  # "After their talks in Geneva, A and B said": the parser swallowed A and B
                agents = swallowed_subjects(tok) or [t for t in agents if t.i != tok.i]
            if len(agents) == 1 and verb.pos_ == "VERB":
                # "X told Y during their meeting that ...": the one the subject addressed is the other of the pair
                agents += [t for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"
                           for t in expand(c)]
        elif frame.kind == "encounter" and tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "during", "over") or
                                                                   tok.head.lower_ == "on" and frame.relation == "talksWith") and \
                tok.head.head.lemma_.lower() in _ADDRESSING_VERBS and not [t for spec in frame.counterpart
                                                                          for t in slot(tok, spec, noun)]:
            # "In a phone call, X told Y that ...": the one the subject addressed in it is the other side
            agents += [t for c in tok.head.head.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"
                       for t in expand(c)]
    else:
        absolute = absolute_subject(tok)  # "with A freeing X and B releasing Y": B releases
        agents = [absolute] if absolute is not None else subjects(tok) + gapped_agents(tok)  # "by A in 2022 and by B"
        if len(agents) == 1 and agents[0].dep_ == "csubj" and agents[0].tag_ == "VBG":
            agents = swallowed_subjects(agents[0], named_person=False) or agents  # "Visiting Jakarta, X met Y": X, hung inside the phrase
    # "X, a former naval officer who advises Y": the name the description stands beside
    agents = [t.head if t.i == tok.head.i and tok.dep_ == "relcl" and t.pos_ == "NOUN" and t.dep_ == "appos" and
              t.head.pos_ == "PROPN" else t for t in agents]
    # "with A freeing the photographer X and B releasing Y": X is A's patient, B releases
    agents = [x for t in agents for x in ([c for c in expand(t) if c is not t] if object_named_before(t) else [t])] or agents
    if tok.dep_ == "ccomp" and agents and (tok.head.lemma_.lower(), "VERB") in _index():  # "Valoria freed A and Norland released B": A is the first verb's object
        agents = [t for t in agents if t not in misread_objects(tok.head)]
    if frame.kind == "encounter":
        others = [t for spec in frame.counterpart for t in slot(tok, spec, noun) if not counted_pair(t)]  # "between the two ministries"
        ordered = verb_first_parties(tok) if tok.pos_ == "VERB" and tok.dep_ == "ROOT" else []
        if ordered:  # "Received Sultan X at the palace the minister, Y" (a translation that keeps the verb first)
            agents, others = ordered[:1], [t for t in others if t.i != ordered[0].i] or ordered[1:]
        if frame.counterpart == ("dobj",) or "dobj" in frame.counterpart:
            if is_passive(tok):  # "X was received by Y": Y received X
                others = [t for c in tok.children if c.dep_ == "nsubjpass" for t in expand(c)] or (
                    subjects(tok.head) if tok.dep_ == "conj" and not is_passive(tok.head) else [])  # "met A and was received by B"
                others = [n for t in others for n in (described_names(t) or [t])]  # "the ministers of A and B, X and Y"
                agents = agents or stranded_agents(tok)  # "was received at the palace by Y"
            elif not others and tok.pos_ == "VERB":
                others = misread_objects(tok)  # "Moscow hosted on Monday X", "met on Friday X" (the date took X)
        if not others and len(agents) == 1:
            agents = described_names(agents[0]) or agents  # "the ministers of A and B, X and Y, met": X and Y
        between = [t for spec in ("prep:between",) for t in slot(tok, spec, noun)]
        if len(between) == 1:  # "between President A and Kosovo Prime Minister B", misread by the parser
            between = _misparsed_pair(between[0])
        if len(between) < 2 and not others and tok.pos_ == "NOUN":
            between = between_sides(tok) or between  # "a conversation took place between A and B"
        if len(between) > 1:  # "a meeting between A and B": the pair, whoever discussed it
            agents, others = between[:1], between[1:]
        if not others and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
                _verb_above(tok.head).lemma_.lower() not in _CREDITING_VERBS:  # "thanked Y for their call" is theirs
            return None  # "A and B hosted X for talks": the talks are the purpose of the hosting, not a pair of A and B
        if not others and len(agents) > 1:  # "X and Y met": the pair ("the two leaders, X and Y, met": the names)
            # "the two leaders, X and Y, met", "the ministers of A and B, X and Y, met": the names
            agents = [t for t in agents if not (t.pos_ == "NOUN" and any(
                (c.dep_ == "appos" or c.dep_ == "conj" and t.tag_ == "NNS" and t.text.islower()) and c in agents
                for c in t.children))]
            agents, others = agents[:1], agents[1:]
        if not others and len(agents) == 1 and frame.counterpart != ("dobj",):
            others = [t for t in [comma_pair(agents[0])] if t is not None]  # headline "A, B meet": a pair
        others = [h for t in others for h in (delegation_head(t) or [t])]  # "received a delegation led by Y"
        if frame.host == "subject":  # "welcomed the Order": a document the text capitalises, not a guest
            others = [t for t in others if not (t.pos_ == "NOUN" and t.text[:1].isupper() and t.i > 0 and
                                                 not is_title_word(t.text))]
        if not others and "prep:with" in frame.counterpart:  # "had a call at the request of the other side with Y"
            others = [t for h in (tok, noun) if h is not None for t in past_request(h)]
        if others and agents:
            agents += accompanying(tok, agents)  # "X, accompanied by Y, met Z": Y took part on X's side
        if frame.relation == "meets" and calls.is_remote(tok, noun, frame.remote):
            relation, event_type = "talksWith", "Call"
        conversation = any(t is not None and (t.lemma_.lower() in _CALL_NOUNS or t.lower_ == "talk") for t in (noun, tok))
        if frame.relation == "meets" and conversation and frame.event_type != "Visit":
            relation, event_type = "talksWith", "Call"  # "held a call", "a wonderful talk"; "paid a call on X" visits
        if relation == "talksWith" and tok.pos_ == "VERB" and calls.in_person(tok) and \
                not calls.is_remote(tok, noun, frozenset({"phone", "telephone", "video", "call", "videoconference"})):
            relation, event_type = "meets", "Meeting"  # "A and B shook hands and talked": face to face
        if tok.lemma_.lower() == "summit" or (noun is not None and noun.lemma_.lower() == "summit"):
            event_type = "Summit" if relation == "meets" else event_type
        if tok.lemma_.lower() == "call" and tok.pos_ == "VERB":
            if not calls.is_call(tok, visit=frame.counterpart == ("prep:on",)):
                return None  # "called on X to resign", "called for", "called X a liar": neither a call nor a visit
            others = others or [t for o in calls.named_object(tok) for t in expand(o)]  # "called Prime Minister X"
            others = [t for t in others if t.ent_type_ not in ("DATE", "TIME")]  # "will call on X on Friday"
    else:
        if not agents and frame.relation == "sanctions" and is_passive(tok):
            # "X was hit with sanctions by the US": the parser hangs the agent on the measure
            agents = [t for m in prep_objects(tok, "with") if m.lemma_.lower() in _MEASURES for t in prep_objects(m, "by")]
        if not agents and frame.relation == "sanctions" and is_passive(tok) and tok.lemma_.lower() == "add":
            # "X was added to Japan's asset-freeze list", "to the EU sanctions list": the list's keeper
            # (its owner alone when it has one: "the EU's Iran human rights list" is the EU's, on Iran)
            agents = [c for lst in prep_objects(tok, "to") if lst.text.islower()  # not "the Consolidated List"
                      for c in lst.subtree if c.i < lst.i and (
                c.pos_ == "PROPN" and c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "amod" and c.ent_type_ == "NORP")]
            agents = [c for c in agents if c.dep_ == "poss"] or agents
        others = [t for spec in frame.patient for t in slot(tok, spec, noun)]
        others = [described_name(o) or o if o.dep_ == "dobj" else o for o in others]  # "a Yemeni employee, X"
        others += [m for o in others if o.dep_ == "dobj" for m in members_beside(tok, o)]
        others += [m for o in others[:1] if o.dep_ == "dobj" for m in companions(tok, o.i)]
        if others and all(o.pos_ == "NOUN" for o in others):
            others = headline_topic(tok) or others  # "Jane Roe: Norland frees US basketball star"
        if not others and "dobj" in frame.patient and tok.pos_ == "VERB":
            others = stranded_objects(tok)  # "designated A and B pursuant to E.O. 13224"
        if not others and "dobj" in frame.patient and tok.pos_ == "VERB":
            others = misread_objects(tok)  # "Moscow freed journalist X" with "freed" read as a modifier
        if not others and "nsubjpass" in frame.patient and is_passive(tok) and tok.dep_ in ("pcomp", "advcl"):
            # "X arrived home after being released by Y": the one released is the main clause's subject
            gov = tok.head.head if tok.dep_ == "pcomp" else tok.head
            others = subjects(gov) if gov.pos_ in ("VERB", "AUX") else []
        if not others and "nsubjpass" in frame.patient and is_passive(tok) and tok.dep_ == "conj" and \
                tok.head.tag_ in ("VBD", "VBN") and not any(c.dep_ == "dobj" for c in tok.head.children):
            # "Seven fishermen, detained since August, were released by X": the parser made "detained" the verb
            others = [t for c in tok.head.children if c.dep_ == "nsubj" for t in expand(c)]
        if not others and "nsubjpass" in frame.patient and tok.tag_ == "VBN":
            others = inverted_subjects(tok)  # "Also designated were A and B"; "Also freed was C"
        if tok.dep_ == "relcl" and any(o.lower_ in _RELATIVES for o in others):
            # "Abramovich, who was sanctioned by Britain": the antecedent, not "who"; "X, a firm that the EU
            # sanctioned": the name the description stands beside
            ante = tok.head.head if tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN" and \
                tok.head.head.pos_ == "PROPN" else tok.head
            while ante.ent_type_ in ("GPE", "LOC", "FAC") and ante.dep_ == "pobj" and any(
                    o.lower_ in ("who", "whom") for o in others):
                # "twelve fishermen detained in Cote d'Ivoire, whom the Ivorian authorities freed": persons
                ante = ante.head.head.head if ante.head.head.dep_ == "acl" else ante.head.head
            others = [x for o in others for x in (expand(ante) if o.lower_ in _RELATIVES else [o])]
        others = [x for o in others for x in (quantified_antecedents(o) or [o])]  # "A and B, both of which are"
        if len(others) == 1 and others[0].dep_ == "poss" and others[0].lower_ in ("his", "her", "their"):
            # "pardoned A and ordered his release": the one the first verb acted on, not its agent
            gov = tok.head
            first = gov.head if gov.dep_ == "conj" and gov.pos_ == "VERB" and gov.lemma_.lower() in _ORDERING else None
            acted_on = [c for c in first.children if c.dep_ == "dobj"] if first is not None else []
            others = expand(acted_on[0]) if acted_on and acted_on[0].pos_ in ("PROPN", "NOUN") else others
        if not others and tok.dep_ == "amod" and tok.tag_ == "VBN":
            # "the EU-sanctioned businessman X", "U.S.-designated group Y": the prefix is the agent
            prefix = [c for c in tok.children if c.dep_ in ("npadvmod", "compound") and c.pos_ == "PROPN" and c.i < tok.i]
            if prefix and not agents:
                named = tok.head
                while named.dep_ == "compound" and named.head.i != named.i:
                    named = named.head  # "businessman Alisher Usmanov": the name the title word stands before
                agents, others = prefix, expand(named)
        if not others and (tok.dep_ in ("acl", "relcl") or tok.dep_ == "amod" and tok.head.dep_ == "nsubj"
                           and tok.head.head.lemma_.lower() in _LISTING_VERBS) and tok.tag_ == "VBN":
            # "Kremlin allies now sanctioned by Britain include A and B"; "the EU's list of those banned
            # includes A"; "X, who was designated"
            head = tok.head
            while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
                head = head.head
            gov = head.head
            if head.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in _LISTING_VERBS:
                others = [t for c in gov.children if c.dep_ in ("dobj", "attr") for t in expand(c)]
                if not agents:
                    agents = [t for c in head.children if c.dep_ == "poss" for t in expand(c)]
            elif head.lemma_.lower() in _LISTING_VERBS and head.pos_ in ("AUX", "VERB"):
                # "Among those sanctioned by the EU are A and B": the inverted subject
                others = [t for c in head.children if c.dep_ in ("nsubj", "attr") for t in expand(c)]
                listing = head
            if not others:
                others = [tok.head]
        elif not others and tok.dep_ == "relcl":
            if any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "which", "that") for c in tok.children):
                others = [tok.head]
        if tok.pos_ == "NOUN":
            # "ordered the release of X" names who released; "thanked him for the release of X" does not;
            # "signed the order for Bout's release": the signer
            # the possessor is the agent ("Cuba's release of Gross"), or the patient when no other is named ("Bout's release")
            of_patient = any(o.dep_ != "poss" for o in others)
            own = [t for c in tok.children if c.dep_ == "poss" and ("poss" not in frame.patient or of_patient)
                   for t in expand(c)] + \
                [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for t in prep_objects(tok, "by")]
            held = tok
            while held.dep_ == "pobj" and held.head.head.lemma_.lower() in _INSTRUMENT_NOUNS:
                held = held.head.head
            doer = held.head if held.dep_ in ("dobj", "nsubjpass") else None
            agents = own or (subjects(doer) if doer is not None and doer.lemma_.lower() in _AGENTIVE_VERBS else [])
            if not agents and doer is not None and doer.lemma_.lower() in _SEEKING_VERBS:
                # "Moscow had long sought Bout's release": who seeks a release is not who grants it
                notes_seekers = [f"seeker:{t.i}" for t in subjects(doer)]
            if not agents and held.dep_ == "pobj" and held.head.lower_ == "for" and \
                    held.head.head.lemma_.lower() in _CREDITING_VERBS:
                # "thanked X for the release of Y": the one thanked released Y
                agents = [t for c in held.head.head.children if c.dep_ == "dobj" for t in expand(c)]
            if "poss" in frame.patient and [o for o in others if o.dep_ == "poss"] and any(
                    o.dep_ != "poss" for o in others):
                others = [o for o in others if o.dep_ != "poss"]  # "his release of X": X, not him
        if not others and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _TARGETING_VERBS:
            # "The sanctions announced by Washington on Friday target Maduro"
            others = [t for c in tok.head.children if c.dep_ in ("dobj", "attr") for t in expand(c)]
            agents = agents or [t for c in tok.children if c.dep_ == "acl" for t in subjects(c)]
        # "Reza Karimi, an engineer freed by Germany": the name the description stands beside
        others = [o.head if tok.dep_ == "acl" and o.i == tok.head.i and o.pos_ == "NOUN" and o.dep_ == "appos" and
                  o.head.pos_ == "PROPN" else o for o in others]
    agents, others = act_frames.reread(frame, tok, noun, agents, others)  # states, swaps, members beside
    if act_frames.frees_by_pardon(frame, tok):
        relation, event_type = "pardons", None  # "An amnesty signed by X will free 900 prisoners": X pardons them
    # the parser sometimes coordinates an adverb with the subjects ("Scholz and Xi last met")
    stray = [t for t in agents + others if t.lower_ in PASSING_ADVERBS]
    # "freeing X and B releasing Y": B is the next gerund's subject, not a second patient
    stray += [t for t in others if acts_next(t)]
    # "the two leaders, A and B, met": the common noun is named by its appositions, it is no third side
    if frame.kind == "encounter":
        stray += [t for t in agents + others if t.pos_ == "NOUN" and any(c.dep_ == "appos" and c in agents + others
                                                                         for c in t.children)]
    # "Macron, the French president, met X": a common-noun apposition describes its name, it is no second side
    if frame.kind == "encounter":
        stray += [t for t in agents + others if t.dep_ == "appos" and (t.pos_ == "NOUN" or is_title_word(t.text))
                  and t.head in agents + others
                  and t.head.pos_ == "PROPN"]
    # "State Councilor and Foreign Minister Wang Yi met X": the first title is Wang Yi's too, not a second side
    # (not "between President of X A and President of Y B": a title with its own "of" phrase names its own holder)
    stray += [t for t in agents + others if is_title_word(t.text) and t.pos_ in ("PROPN", "NOUN") and not any(
        c.dep_ in ("det", "poss", "prep") for c in t.children) and all(
        is_title_word(c.text) for c in t.children if c.dep_ in ("compound", "amod")) and any(
        c.dep_ == "conj" and c in agents + others and c.pos_ == "PROPN" for c in t.children)]
    agents = [t for t in agents if t not in stray]
    others = [t for t in others if t not in stray]
    paired_subjects = frame.kind == "encounter" and not others and len(agents) > 1
    if paired_subjects:
        agents, others = agents[:1], agents[1:]
    if frame.one_agent and len(unique(agents)) > 1:
        return None  # "A and B exchanged X for Y": which side let whom go is not said
    hit = FrameHit(frame, tok, unique(agents), unique(others), relation, event_type, noun=noun)
    hit.notes += notes_seekers
    if (frame.restates or calls.unmarked_talk(tok, relation)) and (
            paired_subjects or not [t for spec in frame.counterpart for t in slot(tok, spec, noun)]) or \
            frame.kind == "encounter" and calls.ongoing(noun or tok):
        # "The two ministers discussed the war", "the first time the two have spoken", "as part of their ongoing
        # consultations": the encounter told elsewhere in the document, if any
        hit.notes.append("restates")
    if frame.kind == "encounter":
        hit.place = tidy_place(place_of(tok, noun))  # "at a G-8 meeting in Sochi next month": Sochi
    elif relation == "releases" and noun is None:
        hit.place = tidy_place(release_place(tok))  # "freed X at Abu Dhabi airport"
    read_status(hit)
    if hit.frame.status and hit.status == "held":
        hit.status = hit.frame.status  # "has invited X for talks": the talks are to come
    hit.status = act_frames.restatus(frame, tok, noun, hit.status)  # "preparing sanctions", "blocked sanctions"
    if frame.kind == "act":
        hit.agents = act_frames.kept_from(tok) or hit.agents  # "X blocked the EU from sanctioning Y": the EU's act
    if listing is not None and any(c.dep_ == "neg" for c in listing.children):
        hit.status = "negated"  # "X was not among those freed"
        hit.notes.append("negated-listing")
    return hit


def _verb_above(prep: "Token") -> "Token":
    """The word a preposition hangs on, through coordinated prepositions ("thanked Y for A and for B": thanked)."""
    while prep.dep_ == "conj" and prep.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head
    return prep.head


def describe(hit: FrameHit) -> dict[str, Any]:
    """A plain view of a hit, for debugging and tests.

    >>> from kg.extract.model import get_model
    >>> [describe(h) for h in match(get_model()("Scholz and Xi last met in Beijing in 2022."))]
    [{'relation': 'meets', 'trigger': 'met', 'agents': ['Scholz'], 'others': ['Xi'], 'status': 'held', 'in_passing': True}]
    """
    return {"relation": hit.relation, "trigger": hit.trigger.text, "agents": [t.text for t in hit.agents],
            "others": [t.text for t in hit.others], "status": hit.status, "in_passing": hit.in_passing}


def _misparsed_pair(first: Any) -> list[Any]:
    """Both names of "between A and B" where the parser gave "between" one object: A hung on B's name as ``nmod``,
    or B's name cut loose after a dangling "and" (its compounds lead to its head)."""
    lead = [c for c in first.children if c.dep_ == "nmod" and c.pos_ == "PROPN"]
    if lead:
        return [lead[0], first]
    cc = [c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"]
    if not cc or any(c.dep_ == "conj" for c in first.children) or cc[0].i + 1 >= len(first.doc):
        return [first]
    second = first.doc[cc[0].i + 1]
    while second.dep_ in ("compound", "amod") and second.head.i > second.i:
        second = second.head
    return [first, second] if second.pos_ == "PROPN" and second.ent_type_ == "PERSON" else [first]
