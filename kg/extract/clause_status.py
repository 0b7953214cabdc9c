"""The status of an event from the words that govern its trigger: held, planned, negated, refused, cancelled.

Read within the trigger's clause, up to a reporting verb: negation, refusal and cancellation;
future, plans and "is to"; modals and conditions (planned and hedged); events mentioned in passing
("last met", "had met"), which keep their own date or none.

>>> from kg.extract.model import get_model
>>> from kg.extract.frames import match
>>> [(h.status, h.hedged) for h in match(get_model()("Scholz said he was open to a meeting with Xi Jinping."))]
[('planned', True)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.clause_forms import asked as _asked, headline_future as _headline_future, \
    looking_forward as _looking_forward, neither as _neither
from kg.extract.syntax import ASKING_VERBS, INTENT_VERBS, MAX_CLIMB, REPORTING_VERBS, awaited

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from kg.extract.frames import FrameHit

#: verbs that make the event they govern a plan ("agreed to meet", "is scheduled to hold talks")
PLAN_LEMMAS = frozenset("""plan schedule expect agree arrange set due prepare intend aim invite propose seek schedule
slate organise organize expected scheduled planned upcoming plans suppose""".split())
#: verbs of going that make what follows a plan in the present ("heads to Alaska to meet"), not in the past
GOING_LEMMAS = frozenset("travel go head fly leave depart".split())
#: words that make it a possibility, not a fact ("open to a meeting", "would like to meet")
HEDGE_LEMMAS = frozenset("""open willing ready consider hope want wish like offer possible may might could
would should can suggest urge call ask push press try eager keen seek appeal plead implore beg demand lobby pressure
encourage persuade threaten likely unlikely""".split())
#: nouns that hold a possible act ("pressure to free", "a chance to meet"); as nouns, "call" and "talk" are events
HEDGE_NOUNS = frozenset("""possibility pressure demand appeal plea request need chance opportunity bid effort attempt
proposal idea offer hope call invitation""".split())
#: verbs whose complement did not happen ("failed to meet", "refrained from sanctioning", "avoided meeting")
NOT_DONE_LEMMAS = frozenset("fail avoid refrain forgo forego neglect omit skip miss".split())
NOT_DONE_PHRASAL = frozenset({("hold", "off"), ("shy", "away"), ("back", "away")})
REFUSE_LEMMAS = frozenset("refuse decline reject snub rebuff spurn deny boycott shun".split())
CANCEL_LEMMAS = frozenset("cancel postpone defer scrap scuttle shelve delay suspend abandon".split())
#: phrasal verbs (lemma, particle) of refusal and cancellation ("ruled out a meeting", "called off the talks")
REFUSE_PHRASAL = frozenset({("rule", "out"), ("turn", "down")})
CANCEL_PHRASAL = frozenset({("call", "off"), ("put", "off"), ("push", "back"), ("pull", "out")})
#: imperatives that set a scene to think about ("Imagine X meeting Y", "Suppose the EU froze ...")
_IMAGINING = frozenset({"imagine", "suppose", "picture", "envisage", "envision"})
#: verbs whose "whether"/"if" complement is a question put, not an event ("asked whether he would meet X")
QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "inquire", "enquire", "query"})
#: verbs whose clausal complement states what did not happen ("denied that they had met")
DENYING_LEMMAS = frozenset({"deny", "dismiss", "refute"})
#: verbs whose "that" complement is what someone wants done ("demanded that X meet Y"), not what was done
MANDATIVE_LEMMAS = frozenset({"demand", "urge", "ask", "request", "propose", "suggest", "recommend", "require",
                              "insist", "want", "prefer", "advise"})
MODALS = frozenset("could would might may can should must".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
#: a conditional or purpose clause marker ("if they meet", "whether to meet", "so that they can meet")
CONDITION_MARKS = frozenset({"if", "unless", "whether", "once", "should"})
#: adverbs of an event mentioned in passing ("last met in 2022", "had met before")
PASSING_ADVERBS = frozenset({"last", "previously", "before", "earlier", "once", "twice", "already", "never", "first",
                             "repeatedly", "often", "frequently"})
#: amod words that make an event noun planned or cancelled ("the planned summit", "a proposed meeting")
PLANNED_AMODS = frozenset({"planned", "proposed", "upcoming", "expected", "scheduled", "future", "next", "possible",
                           "potential", "prospective", "anticipated", "mooted", "forthcoming"})
#: verbs of knowing and telling whose negation leaves the event open ("has not confirmed the meeting")
_EPISTEMIC_VERBS = frozenset({"confirm", "announce", "disclose", "reveal", "comment", "know", "verify", "specify"})

def _forms(lemmas: frozenset[str]) -> frozenset[str]:
    """The regular inflections of ``lemmas`` ("hope": hopes, hoped, hoping), for words the tagger lemmatises wrong."""
    out = set(lemmas)
    for w in lemmas:
        stem = w[:-1] if w.endswith("e") else w
        out |= {w + "s", w + "es", w + "d", w + "ed", stem + "ing", stem + "ed"}
    return frozenset(out)


_FORMS: dict[frozenset[str], frozenset[str]] = {}


def is_a(tok: "Token", lemmas: frozenset[str]) -> bool:
    """True when ``tok`` is a form of one of ``lemmas``, by its lemma or, where the small model's lemmatiser
    slips ("hopes" read as "hop"), by its regular inflection.

    >>> from kg.extract.model import get_model
    >>> is_a(get_model()("Jane Roe hopes to meet him.")[2], HEDGE_LEMMAS)
    True
    """
    forms = _FORMS.get(lemmas)
    if forms is None:
        forms = _FORMS[lemmas] = _forms(lemmas)
    return tok.lemma_.lower() in lemmas or tok.lower_ in forms


def governing(tok: "Token") -> list["Token"]:
    """``tok`` and the words that govern it within its clause, up to a reporting verb ("said")."""
    chain = [tok]
    t = tok
    for _ in range(MAX_CLIMB):
        if t.head.i == t.i:
            break
        dep = t.dep_
        # "pressed X to free Y": asked, not done; "may travel to Oslo to meet Y": the purpose shares the travel's mood
        # "cancelled a planned trip to Zagreb to meet Y", "did not travel to Oslo to meet Y": a purpose shares the
        # fate of the act it is the purpose of
        # "no plans for X to speak with Y": an infinitival relative clause is the content of the noun it hangs on
        infinitive = (dep in ("acl", "advcl") or dep == "relcl" and t.head.pos_ == "NOUN") and (any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children) or dep == "advcl" and t.i > 0 and
            t.doc[t.i - 1].lower_ == "to")  # "is due to host X" with "to" hung on "due"
        # "Japan is not, at this stage, imposing sanctions": an aside split the progressive; "is" governs it still
        split = dep == "advcl" and t.tag_ == "VBG" and t.head.lemma_ == "be" and t.head.i < t.i and not any(
            c.dep_ in ("acomp", "attr", "dobj", "ccomp", "xcomp", "nsubjpass") for c in t.head.children)
        if dep in ("ccomp", "advcl", "relcl", "parataxis", "conj", "acl") and t.pos_ in ("VERB", "AUX") and not infinitive \
                and not split:
            break  # the clause ends here: "said (he will) meet", "met X after (Y refused)"
        if dep in ("ROOT",):
            break
        t = t.head
        chain.append(t)
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in REPORTING_VERBS:
            chain.pop()
            break
    return chain


def _not_done(t: "Token") -> bool:
    """True for a verb whose complement did not happen ("failed to", "refrained from", "stopped short of", a past
    "was supposed to").

    >>> from kg.extract.model import get_model
    >>> d = get_model()("The EU stopped short of sanctioning Kirill.")
    >>> _not_done(d[2]), _not_done(d[4])
    (True, False)
    """
    if any(c.dep_ == "neg" for c in t.children):
        return False  # "did not fail to meet": it happened
    lemma = t.lemma_.lower()
    return lemma in NOT_DONE_LEMMAS or _phrasal([t], NOT_DONE_PHRASAL) or \
        lemma == "stop" and any(c.lower_ == "short" for c in t.children) or \
        lemma == "suppose" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in t.children)


def read_status(hit: "FrameHit") -> None:
    """Set ``hit.status``, ``hit.hedged`` and ``hit.in_passing`` from the clause around its trigger."""
    chain = governing(hit.trigger)
    if hit.noun is not None:
        chain = [hit.noun] + chain
    lemmas = [t.lemma_.lower() for t in chain]
    # "has not confirmed any plans for a meeting": the confirming is negated, not the meeting
    unconfirmed = [t for t in chain[1:] if t.lemma_.lower() in _EPISTEMIC_VERBS and any(c.dep_ == "neg" for c in t.children)]
    if unconfirmed:
        chain = [t for t in chain if t not in unconfirmed]
        hit.hedged = True
    kids = [c for t in chain for c in t.children]
    if unconfirmed and hit.status == "held":
        hit.status = "planned"
    # "Their meeting was not linked to X", "the talks failed to produce a deal": what is denied is said of the event
    predicate = _predicate_of(hit, chain)
    neg_kids = [c for c in kids if predicate is None or c.head.i != predicate.i]
    # "did not fail to meet": two negations, it happened
    if any(c.dep_ == "neg" and c.head.lemma_.lower() not in NOT_DONE_LEMMAS for c in neg_kids) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in kids + [k for o in hit.others for k in o.children]) or \
            any(c.dep_ == "prep" and c.lower_ == "without" for c in chain[1:]) or \
            any(t.lower_ in ("without", "instead") for t in chain[1:]) or \
            any(c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children) for c in neg_kids):
        hit.status = "negated"  # "will no longer travel to Oslo for talks"
    if _neither(hit):
        hit.status = "negated"  # "Neither A nor B met C"
    if any(_not_done(t) for t in chain[1:] if predicate is None or t.i != predicate.i) or _yet_to(chain):
        hit.status = "negated"  # "failed to meet X", "has yet to meet Y": it did not happen
    if _asked(hit.trigger) or any(t.lemma_.lower() in _IMAGINING and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in chain[1:]) or \
            hit.trigger.doc[hit.trigger.sent.start].lower_ in _IMAGINING:
        hit.notes.append("question")  # "Will X meet Y?", "Imagine X shaking hands with Y": no event stated
        return
    if _denied_report(chain[-1]):
        hit.status = "negated"  # "Reports that X met Y were denied": what is denied did not happen, as far as it says
        return
    refusing = [t for t in chain[1:] if is_a(t, REFUSE_LEMMAS) or _phrasal([t], REFUSE_PHRASAL)]
    if refusing and all(any(c.dep_ == "neg" for c in t.children) for t in refusing):
        hit.status, hit.hedged = "planned", True  # "did not rule out a meeting": possible, not refused
        return
    if refusing:
        hit.status = "refused"
        return
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in QUESTION_LEMMAS and any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in top.children):
        hit.notes.append("question")  # "asked whether he would meet X": a question put to someone, not an event
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in DENYING_LEMMAS:
        hit.status = "negated"  # "denied that she had met him": what is denied did not happen, as far as it says
        return
    # the wanted act is in the bare form ("that X meet Y", "that X should meet Y"); "suggested that X met Y" reports
    if top.dep_ == "ccomp" and is_a(top.head, MANDATIVE_LEMMAS) and top.tag_ in ("VB", "VBP") and \
            all(c.lower_ == "should" for c in top.children if c.dep_ == "aux"):
        # "demanded that X meet Y", "urged that the two leaders meet": wanted, not done; when the one who wants
        # it takes no part ("protesters demanded that X meet Y"), it is nobody's plan: no event at all
        hit.status, hit.hedged = "planned", True
        if not _wanted_by_a_side(top.head, hit):
            hit.notes.append("question")
        return
    if any(is_a(t, CANCEL_LEMMAS) or _on_hold(t) for t in chain[1:]) or _phrasal(chain[1:], CANCEL_PHRASAL) or \
            _called_off_after(chain[-1]) or _unrealised(hit.trigger, chain) or any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in ("cancel", "cancelled", "canceled", "postponed")
            for c in hit.trigger.children):
        hit.status = "cancelled"
        return
    if hit.status == "negated":
        return
    # "Trump said he would call Putin": "would" reports a future, it does not hedge it
    top = chain[-1]
    reporting = REPORTING_VERBS | INTENT_VERBS | {"confirm"}  # "confirmed/vowed he would meet": a reported future too
    reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in reporting or \
        top.head.lemma_.lower() in reporting and top.head.i != top.i and top.dep_ != "ROOT"
    reported_would = reported and any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in kids)
    future = reported_would or any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids)
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS and not (reported_would and c.lower_ == "would") for c in kids)
    going = any(is_a(t, GOING_LEMMAS) and t.tag_ in ("VBZ", "VBP", "VBG") for t in chain[1:])
    if _setting(hit.trigger):
        # "In a phone call on Monday, X and Y agreed to ...": the call is where the clause took place; what they
        # agreed, urged or hoped is its content, not the call's status (its tense and modals still count)
        clause = hit.trigger.head.head  # the verb "in a phone call" attaches to, when it is past ("agreed")
        chain = [t for t in chain if t.i != clause.i or t.pos_ != "VERB" or t.tag_ != "VBD"]
        lemmas = [t.lemma_.lower() for t in chain]
    # "is due in Canberra next month for talks": the plan word is the copula's complement, beside the chain
    plan = going or any(is_a(t, PLAN_LEMMAS) for t in chain[1:]) or _looking_forward(chain[1:]) or any(
        c.dep_ == "acomp" and c.lower_ in _PLAN_COMPLEMENTS and c.head.lemma_ == "be" for c in kids) or any(
        c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_AMODS for c in (hit.noun or hit.trigger).children) or \
        (hit.trigger.pos_ == "NOUN" and any(c.lower_ in PLANNED_AMODS for c in hit.trigger.children)) or \
        awaited(hit.trigger)  # "spoke ahead of their meeting in January"
    be_to = any(t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(c.lower_ == "to" for c in t.children) for t in chain)
    be_to = be_to or _headline_future(chain[-1])
    going = going or any(t.lower_ == "going" and any(c.lower_ == "to" for c in t.head.children if c.i > t.i)
                         for t in chain)
    hedge = modal or any(is_a(t, HEDGE_LEMMAS) and t.pos_ in ("VERB", "ADJ", "AUX") or
                         t.lemma_.lower() in HEDGE_NOUNS and t.pos_ == "NOUN" and
                         any(c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children) for c in t.children)
                         for t in chain[1:]) or any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS or c.dep_ == "acomp" and c.lemma_.lower() in HEDGE_LEMMAS
        and c.head.lemma_.lower() in ("be", "remain", "seem", "look", "appear") for c in kids)  # "remains unlikely"
    if future or plan or be_to or going or hedge or unconfirmed:
        hit.status = "planned"
        hit.hedged = bool(unconfirmed) or (hedge and not (future or plan or be_to))
        if modal and any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") or
                         c.dep_ == "aux" and c.lower_ == "would" and not reported_would for c in kids):
            hit.hedged = True
        if any(c.dep_ == "aux" and c.lower_ in ("have",) for c in kids) and modal:
            hit.status, hit.hedged = "held", True  # "could have met": a past possibility, not a plan
            if any(c.dep_ == "aux" and c.lower_ in ("would", "should") for c in kids) and not reported_would:
                hit.status = "negated"  # "the package would have frozen X's assets": counterfactual, it was not done
        return
    # held: mentioned in passing ("last met in 2022", "have met twice") or the article's news
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    # "had met" looks back; "has met twice" counts earlier meetings; "has sanctioned" is the news itself
    perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for v in verbs for c in v.children)
    # "held their first talks in five years" is the news; "first met in 2010" looks back
    passing = any(c.dep_ in ("advmod", "npadvmod", "amod") and c.lower_ in PASSING_ADVERBS and not _first_of_noun(c)
                  for t in chain[:2] for c in t.children)
    hit.in_passing = perfect or passing or any(t.lower_ in PASSING_ADVERBS and not _first_of_noun(t)
                                                for t in hit.trigger.doc
                                                if t.head.i in (hit.trigger.i,) or t.dep_ == "conj" and t.pos_ == "ADV")


#: nouns of a claim whose denial denies the event in their clause ("reports that X met Y were denied")
_CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "speculation", "suggestion", "story",
                          "account", "assertion"})
def _denied_report(top: "Token") -> bool:
    """True when the clause holding the trigger is the content of a claim that is denied ("Reports that X met Y
    were denied", "denied reports that X had met Y", "dismissed claims that X met Y").

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("The ministry denied reports that Jane Roe had met John Doe in Oslo."))]
    ['negated']
    """
    if top.dep_ not in ("acl", "ccomp", "relcl") or top.head.pos_ != "NOUN" or \
            top.head.lemma_.lower() not in _CLAIM_NOUNS:
        return False
    noun = top.head
    return is_a(noun.head, DENYING_LEMMAS | REFUSE_LEMMAS) or any(
        c.lemma_.lower() in ("false", "untrue", "baseless", "unfounded", "fabricated") for c in noun.head.children
        if c.dep_ == "acomp")


def _wanted_by_a_side(verb: "Token", hit: "FrameHit") -> bool:
    """True when the subject of the wanting ``verb`` is a side of the encounter, or a pronoun that may be one.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.notes for h in match(get_model()("Protesters demanded that Jane Roe meet John Doe."))]
    [['question']]
    >>> [h.status for h in match(get_model()("Jane Roe proposed that she and John Doe meet in Oslo."))]
    ['planned']
    """
    wanting = [c for c in verb.children if c.dep_ == "nsubj"]
    sides = {t.text.lower() for t in [*hit.agents, *hit.others]}
    return any(w.lower_ in sides or any(t.lower_ in sides for t in w.subtree if t.pos_ == "PROPN") or
               any(t.lower_ in ("he", "she", "we", "i", "they", "him", "her", "us", "me", "them")
                   for t in [*hit.agents, *hit.others])
               for w in wanting)


#: nouns of a plan or journey whose cancellation cancels the event planned ("but the trip was called off")
_PLAN_NOUNS = frozenset({"trip", "visit", "meeting", "talks", "talk", "summit", "plan", "call", "tour", "journey",
                         "it", "that", "this"})


def _called_off_after(top: "Token") -> bool:
    """True when a plan's clause goes on "but the trip was cancelled/called off" (the plan did not happen).

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe had planned to meet John Doe but the trip was called off."))]
    ['cancelled']
    >>> {h.status for h in match(get_model()("Jane Roe was scheduled to meet John Doe, but Doe cancelled the meeting."))}
    {'cancelled'}
    """
    if not any(t.lemma_.lower() in PLAN_LEMMAS for t in [top, *top.children] if t.dep_ in ("ROOT", "acomp", "conj",
                                                                                            "ccomp", "xcomp")):
        return False
    for c in top.children:
        if c.dep_ != "conj" or c.i < top.i or not any(x.dep_ == "cc" and x.lower_ == "but" for x in top.children):
            continue
        cancelled = c.lemma_.lower() in CANCEL_LEMMAS or _phrasal([c], CANCEL_PHRASAL)
        subject = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
        if cancelled and subject and subject[0].lemma_.lower() in _PLAN_NOUNS:
            return True
        plan = [x for x in c.children if x.dep_ == "dobj"]  # "but Y cancelled the meeting", "but X called it off"
        if cancelled and plan and plan[0].lemma_.lower() in _PLAN_NOUNS:
            return True
    return False


#: verbs that say of an event noun, their subject, whether it took place ("the meeting did not take place")
_HAPPENING = frozenset("""take happen occur hold go proceed materialise materialize be come start begin convene
place confirm announce schedule plan set arrange""".split())


def _predicate_of(hit: "FrameHit", chain: list["Token"]) -> "Token | None":
    """The verb that says something else of an event noun, its subject, than whether it took place: "Their meeting
    was not linked to the dispute", "the talks failed to produce a deal" (held); not "did not take place".

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe's meeting with John Doe was not linked to the dispute."))]
    ['held']
    >>> [h.status for h in match(get_model()("Jane Roe's meeting with John Doe did not take place."))]
    ['negated']
    """
    if hit.noun is not None or hit.trigger.pos_ != "NOUN" or hit.trigger.dep_ not in ("nsubj", "nsubjpass") or \
            len(chain) < 2 or chain[1].i != hit.trigger.head.i:
        return None
    verb = chain[1]
    return None if verb.lemma_.lower() in _HAPPENING or is_a(verb, CANCEL_LEMMAS) else verb


#: the complements of "be" that make what the clause is for a plan ("is due in Oslo for talks")
_PLAN_COMPLEMENTS = frozenset({"due", "set", "scheduled", "slated", "expected", "poised"})


def _yet_to(chain: list["Token"]) -> bool:
    """True for "has yet to meet Y", "is yet to hold talks": it has not happened (so far).

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe has yet to meet John Doe."))]
    ['negated']
    """
    return any(t.lemma_.lower() in ("have", "be") and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in t.children)
               and any(c.dep_ == "xcomp" and c in chain for c in t.children) for t in chain[1:])


def _unrealised(trigger: "Token", chain: list["Token"]) -> bool:
    """True for a plan the sentence says fell through: "was to have met Y" (it did not happen), or a clause
    "where he would meet Y" about a place whose visit was cancelled ("postponed a visit to Oslo, where ...").

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe was to have met John Doe in Oslo."))]
    ['cancelled']
    >>> [h.status for h in match(get_model()("Jane Roe cancelled a trip to Oslo, where she would meet John Doe."))
    ...  if h.trigger.text == "meet"]
    ['cancelled']
    """
    if trigger.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in trigger.children) and any(
            t.lemma_ == "be" and any(c.dep_ == "xcomp" and c in chain and any(a.lower_ == "to" for a in c.children)
                                     for c in t.children) for t in chain[1:]):
        return True
    top = chain[-1]
    if top.dep_ != "relcl":
        return False
    held = top.head
    for _ in range(4):  # "a visit to Oslo, where": up from the place to the verb of the visit
        if held.dep_ not in ("pobj", "prep", "dobj", "nsubjpass") or held.head.i == held.i:
            break
        held = held.head
    return held.pos_ == "VERB" and (is_a(held, CANCEL_LEMMAS) or _phrasal([held], CANCEL_PHRASAL))


def _phrasal(chain: list["Token"], verbs: frozenset[tuple[str, str]]) -> bool:
    """True when a word of ``chain`` is one of the phrasal ``verbs`` (its lemma with its particle).

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("Jane Roe has ruled out a meeting with John Doe."))]
    ['refused']
    """
    # the parser reads some particles as adverbs or prepositions ("was pushed back"; "pulled out of talks", where the
    # preposition leads to the event: not "pulled out of Oslo after meeting Y")
    ids = {t.i for t in chain}
    return any((t.lemma_.lower(), c.lower_) in verbs for t in chain for c in t.children
               if c.dep_ == "prt" or c.i == t.i + 1 and (c.dep_ == "advmod" or c.dep_ == "prep" and c.i in ids))


def _on_hold(verb: "Token") -> bool:
    """True for "put on hold", "put on ice": a plan set aside.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.status for h in match(get_model()("The meeting between Jane Roe and John Doe was put on hold."))]
    ['cancelled']
    """
    return verb.lemma_.lower() in ("put", "place") and any(
        c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ in ("hold", "ice") for p in c.children)
        for c in verb.children)


def _first_of_noun(tok: "Token") -> bool:
    """True for "first" describing an event noun ("their first formal talks"): news, not a look back.

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [h.in_passing for h in match(get_model()("Modi and Xi held their first talks in five years on Wednesday."))]
    [False, False]
    """
    return tok.lower_ == "first" and tok.dep_ == "amod" and tok.head.pos_ == "NOUN"


def _setting(tok: "Token") -> bool:
    """True for an event noun that is the setting of its clause: "in a phone call", "during their talks".

    >>> from kg.extract.model import get_model
    >>> from kg.extract.frames import match
    >>> [(h.relation, h.status) for h in match(get_model()("In a phone call on Monday, Putin and Erdogan agreed to resume grain exports."))]
    [('talksWith', 'held')]
    """
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "during", "over", "at") or
                                                          tok.head.lower_ == "on" and tok.lemma_.lower() == "call")
