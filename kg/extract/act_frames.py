"""Readings of the parse that acts of an agent on a patient need beyond a frame's slots.

:mod:`kg.extract.frames` reads a frame's arguments from fixed slots (``dobj``, ``nsubjpass``, ``prep:on``).
Sanctions, releases and pardons are also stated in shapes no single slot holds, and this module reads them:

- a *state* of being sanctioned: "X was placed under sanctions by Y", "X, who is on the U.S. sanctions
  list", "X remains subject to EU sanctions": the measure noun is the object of "under", "on" or "subject
  to"; the one in that state is the predicate's subject (or the object of "placed X under"); the imposer
  modifies the measure ("U.S. sanctions", "Britain's list", "sanctions by Y") (frame patient ``holder``);
- the object of a light verb as the patient itself: "Russia and Ukraine swapped 95 prisoners": each side
  let its captives go (frame patient ``noun``);
- named members beside a plural patient that the parser hung elsewhere: "blacklisted two generals, A and
  B, the minister said" (the names right after the comma), "sanctions on five officials involved in the
  detention of X, including A" ("including" hung on a person, who has no members);
- an event noun read as a verb: "a swap that saw the United States release X" (a noun with a subject
  and an object is a verb the tagger missed);
- the measure that is only planned: "Brussels is preparing sanctions against X" (a verb of preparing or
  threatening makes its subject the imposer, and the act planned).

>>> from kg.extract.model import get_model
>>> from kg.extract.frames import match, describe
>>> d = get_model()("Serbian businessman Milan Petkovic was placed under sanctions by the United States in 2023.")
>>> [(h["agents"], h["others"]) for h in map(describe, match(d)) if h["others"]]
[(['States'], ['Petkovic'])]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.extract.act_instruments import (INSTRUMENTS, blocked_proposal, granted_to, instrument_issuer, issuer,
                                       pardoning_subject)
from kg.extract.designations import HOLDINGS
from kg.extract.lexicon import COUNTRY_FORMS, DEMONYMS, KEEPING_VERBS, METONYMS
from kg.extract.syntax import expand, is_passive, prep_objects, subjects

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: prepositions that put their object in a state of being sanctioned ("under sanctions", "on the list", "subject to")
_HOLDING_PREPS = frozenset({"under", "on", "onto", "to"})
#: nouns that are a measure themselves; other holding nouns ("list", "register") need a sanction word beside them
_MEASURE_NOUNS = frozenset({"sanction", "blacklist", "embargo"})
#: words that make a list a sanctions list ("the U.S. sanctions list", "the list of designated persons", "SDN list")
_SANCTION_WORDS = ("sanction", "designat", "blacklist", "sdn", "consolidated", "entity", "restrictive", "terror")
#: nouns that hold names a measure word may name ("sanctions list", "sanctions register")
_LISTS = frozenset({"list", "register", "blacklist", "registry"})
#: verbs whose subject is the target of the measure they take as object ("will face U.S. sanctions")
_FACING = frozenset({"face", "incur"})
#: predicates whose subject is in the state ("is under", "remains on", "came under", "fell under")
_STATE_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "sit", "find", "appear", "feature", "get", "go"})
#: verbs whose subject prepares or threatens a measure that is not yet taken ("preparing sanctions against X")
PLANNING_VERBS = frozenset({"prepare", "draft", "consider", "propose", "threaten", "plan", "weigh", "mull", "draw",
                            "ready", "eye", "contemplate"})
#: verbs by which a government takes over measures another imposed ("adopted the sanctions imposed by the EU")
ADOPTING = frozenset({"adopt", "align", "implement", "transpose", "apply", "mirror", "follow", "join", "match"})
#: verbs that say which side let whom go, after a swap ("exchanged prisoners, with A freeing X")
_RELEASING = frozenset({"free", "release", "liberate", "return", "repatriate"})
#: verbs whose "that" clause in the base form is a demand ("demanded that Washington release X")
_DEMANDING = frozenset({"demand", "insist", "urge", "ask", "request", "require", "recommend", "propose", "suggest",
                        "call", "press", "want", "petition", "plead"})
#: places of confinement whose holder released the one freed from them
_CONFINEMENT = frozenset({"custody", "detention", "prison", "jail", "captivity", "imprisonment", "penal", "colony"})
#: verbs whose object measure was not taken ("blocked EU sanctions on X", "vetoed sanctions against Y")
BLOCKING_VERBS = frozenset({"block", "veto", "reject", "oppose", "torpedo", "resist", "stall", "thwart", "scuttle"})


def kept_from(tok: "Token") -> "list[Token] | None":
    """The ones a verb of prevention kept from the act at ``tok`` ("Hungary blocked the EU from sanctioning X":
    the EU, which did not), else None. A measure noun is kept through its verb ("from imposing sanctions")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        tok = tok.head
    if tok.dep_ != "pcomp" or tok.head.lower_ != "from" or tok.head.head.lemma_.lower() not in KEEPING_VERBS:
        return None
    return [t for c in tok.head.head.children if c.dep_ == "dobj" for t in expand(c)]
#: nouns a release frame must not take for captives ("handed over the bodies of 50 soldiers")
_NOT_CAPTIVES = frozenset({"body", "remains", "corpse", "document", "weapon", "asset", "fund", "territory", "data"})
#: nouns that describe who a list of names is ("two generals, A and B"): plural common nouns
_REPORTING = frozenset({"say", "tell", "announce", "state", "report", "add", "confirm", "write", "note", "claim"})


def reread(frame: Any, tok: "Token", noun: "Token | None", agents: list["Token"],
           others: list["Token"]) -> tuple[list["Token"], list["Token"]]:
    """The agents and patients of an act frame at ``tok`` after the readings of this module."""
    if frame.kind != "act":
        return agents, others
    if tok.tag_ == "VB" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _DEMANDING:
        return agents, []  # "Moscow demanded that Washington release X": asked for, not done
    if blocked_proposal(tok):
        return agents, []  # "Hungary blocked an EU proposal to impose a travel ban on X": not imposed by either
    if frame.one_agent:
        # "The US and Russia exchanged American X for Russian Y": each side let go the other's national
        agents, others = swap_side(agents, others, "prep:for" in frame.patient)
    # "The decree pardoning 30 inmates was signed by X", "those targeted by the new Swiss measures": who issued it
    agents = [t for a in agents for t in (issuer(a) or [a])]
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in INSTRUMENTS and not agents:
        agents = issuer(tok)  # "the pardon granted by X to Y"
        others = others or granted_to(tok)
        if not agents and tok.lemma_.lower() in ("amnesty", "clemency"):
            return agents, []  # "asked about the amnesty for political prisoners": whose, it does not say
    if not others and tok.pos_ == "VERB" and not is_passive(tok):
        others = shared_objects(tok)  # "X pardoned and released Y": Y is pardoned too
    if not agents and tok.pos_ == "VERB" and is_passive(tok):
        agents = instrument_issuer(tok)  # "Under a decree signed by X, 300 prisoners will be released"
    if "holder" in frame.patient and not others:
        # "on the U.S. sanctions list": the list the measure names is the holding noun
        who, by = holder(tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in _LISTS else tok)
        if who and (by or agents):  # "placed X on its entity list": the one who placed X, not "its"
            agents, others = ([a for a in agents if a.pos_ != "PRON"] or by or agents), who
    if "noun" in frame.patient and noun is not None and not others and not any(
            t.pos_ == "VERB" and t.lemma_.lower() in _RELEASING and t.i != tok.i for t in tok.sent):
        others = expand(noun)  # "A and B swapped 95 prisoners"; "..., with A freeing X and B releasing Y" says who
    if not agents and not others and tok.pos_ == "NOUN":
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        if subj and obj:  # "saw the United States release X": a verb read as a noun
            agents, others = expand(subj[0]), expand(obj[0])
    if not agents and tok.pos_ == "VERB" and tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                       for c in tok.children):
        # "the minister's decision to pardon X will ...": the one whose decision it is, wherever the noun stands
        agents = [t for c in tok.head.children if c.dep_ == "poss" and c.pos_ != "PRON" for t in expand(c)]
    if not agents and others and tok.pos_ == "NOUN" and frame.relation == "sanctions":
        agents = _imposers(tok, tok)  # "EU sanctions on X", "Britain's sanctions against X"
    if not agents and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PLANNING_VERBS:
        agents = subjects(tok.head)  # "Brussels is preparing sanctions against X"
    if frame.relation == "sanctions" and noun is not None and tok.lemma_.lower() in ADOPTING:
        # "Norway adopted the sanctions imposed by the EU on X": the EU imposed them, Norway takes them over
        for imposing in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            agents = agents + prep_objects(imposing, "by")
            others = others or [t for w in ("on", "against", "targeting") for t in prep_objects(imposing, w)]
    if frame.relation == "sanctions":  # "froze X's assets": the owner of the holdings is the target
        others = [t for o in others for t in (_owners(o) or [o])]
    if frame.relation in ("releases", "pardons"):
        # "freed X, a Russian convicted of murder": the nationality describes X, it is no second patient
        others = [o for o in others if o.lemma_.lower() not in _NOT_CAPTIVES and not (
            o.dep_ == "appos" and o.ent_type_ == "NORP" and o.head in others)]
        if not agents and others and frame.relation == "releases" and tok.pos_ == "VERB" and is_passive(tok):
            agents = holding_state(tok, others)  # "was freed from Russian custody": Russia held and freed X
    more = [m for o in others for m in named_beside(o) + members_within(o) + members_after(tok, o)
            if m not in others and m not in agents]
    return agents, others + more


def country_of(tok: "Token") -> str | None:
    """The country a word names, by name, demonym or seat ("US", "American", "Moscow")."""
    words = " ".join(t.text for t in tok.subtree if t.pos_ == "PROPN" and (t.i == tok.i or t.head.i == tok.i and t.dep_ in (
        "compound", "flat")))
    return COUNTRY_FORMS.get(words) or DEMONYMS.get(words.lower()) or METONYMS.get(words)


def _nationality(person: "Token") -> str | None:
    """The country a modifier of a person's phrase names ("jailed US basketball star X", "Russian arms dealer Y")."""
    for t in person.subtree:
        if t.i < person.i and t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ in ("GPE", "NORP"):
            return COUNTRY_FORMS.get(t.text) or DEMONYMS.get(t.lower_)
    return None


def swap_side(agents: list["Token"], others: list["Token"], for_side: bool) -> tuple[list["Token"], list["Token"]]:
    """The side that let go the patients of a swap two states made, when the patients' nationality says it.

    "The US and Russia exchanged US player X for Russian dealer Y": Russia let X go (the object, ``for_side``
    false) and the US let Y go (the object of "for", ``for_side`` true). The one side is the state whose national
    the patient is not; without a nationality that tells, the agents stay as they are (two: nothing is said).
    """
    states = [country_of(a) for a in agents]
    if len(agents) != 2 or None in states or states[0] == states[1] or not others:
        return agents, [] if for_side else others
    head = others[0]
    swap = head.head.head if for_side and head.dep_ == "pobj" else head
    objs = [c for c in swap.children if c.dep_ == "dobj"] if for_side else [
        p for c in swap.head.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
    mine, theirs = _nationality(head), next((_nationality(o) for o in objs), None)
    if mine in states:  # the patient is a national of one side: the other side let them go
        return [agents[1 - states.index(mine)]], others
    if theirs in states:  # the other patient is: this one was let go by that patient's side
        return [agents[states.index(theirs)]], others
    return agents, others


def shared_objects(verb: "Token") -> list["Token"]:
    """The object a verb shares with the next verb of its subject: "X pardoned and released Y" pardons Y.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("President Oleg Brandt pardoned and released the journalist Mikhail Sorin.")
    >>> [t.text for t in shared_objects(d[3])]
    ['Sorin']
    """
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return []
    nxt = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i
           and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    return [t for c in nxt[:1] for o in c.children if o.dep_ == "dobj" for t in expand(o)]


def frees_by_pardon(frame: Any, tok: "Token") -> bool:
    """True for a release whose subject is a signed pardon or amnesty: the act is the pardon ("An amnesty signed
    by X will free 900 prisoners": X pardons them)."""
    return frame.relation == "releases" and pardoning_subject(tok) is not None


def restatus(frame: Any, tok: "Token", noun: "Token | None", status: str) -> str:
    """The status of an act the clause reading left held, when the verb governing its measure changes it.

    Prepared or threatened measures are planned ("is preparing sanctions", "threatened sanctions on X");
    blocked or vetoed ones are negated ("Hungary blocked EU sanctions on X": they were not imposed).
    """
    if frame.kind != "act":
        return status
    if status == "planned" and frees_by_pardon(frame, tok):
        return "held"  # "An amnesty signed by X will free 900 prisoners": the pardon is signed, the freeing follows
    if status != "held" or kept_from(tok) is not None:
        return "negated" if status == "held" else status
    gov = tok if noun is not None else tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else None
    if gov is None:
        return status
    if gov.lemma_.lower() in PLANNING_VERBS:
        return "planned"
    if gov.lemma_.lower() in BLOCKING_VERBS:
        return "negated"
    return status


def _sanction_list(tok: "Token") -> bool:
    """True for a measure noun, or a list or register that a sanction word names ("the U.S. sanctions list")."""
    if tok.lemma_.lower() in _MEASURE_NOUNS:
        return True
    words = [c.lower_ for c in tok.subtree if c.i != tok.i and c.i < tok.i or c.head.i == tok.i]
    return any(w.startswith(s) for w in words for s in _SANCTION_WORDS)


def holder(tok: "Token") -> tuple[list["Token"], list["Token"]]:
    """Who is in the state a measure noun names, and who imposed it, when the noun is the object of "under",
    "on" or "subject to".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Oleg Deripaska, who is on the U.S. sanctions list, attended the forum.")
    >>> [[t.text for t in x] for x in holder(d[9])]
    [['Deripaska'], ['U.S.']]
    """
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _FACING and tok.lemma_.lower() in _MEASURE_NOUNS:
        # "X will face U.S. sanctions", "X incurred EU sanctions": the subject is the target
        return subjects(tok.head), _imposers(tok, tok.head)
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _HOLDING_PREPS or not _sanction_list(tok):
        return [], []
    pred = prep.head
    if prep.lower_ == "to":  # "subject to sanctions"
        if pred.lower_ != "subject":
            return [], []
        pred = pred.head
    if pred.pos_ not in ("VERB", "AUX") or any(c.lower_ == "longer" for c in pred.subtree if c.head.i in (pred.i, prep.i)):
        return [], []  # "is no longer under EU sanctions": lifted
    by = _imposers(tok, pred)
    objs = [c for c in pred.children if c.dep_ == "dobj"]
    if objs and not is_passive(pred):  # "placed X under sanctions", "put X on its blacklist": the subject acts
        return expand(objs[0]), by or subjects(pred)
    if not is_passive(pred) and pred.lemma_.lower() not in _STATE_VERBS:
        return [], []
    who = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not who:
        return [], []
    if who[0].lower_ in ("who", "which", "that") and pred.dep_ == "relcl":
        ant = pred.head
        if ant.pos_ == "NOUN" and ant.dep_ == "appos":
            ant = ant.head  # "X, an ally of Y who is under sanctions": the one the description is of
        return expand(ant), by
    return expand(who[0]), by


def _owners(holding: "Token") -> list["Token"]:
    """The named owners of holdings ("Kovalenko's assets", "the firm's accounts"): the target of their freezing."""
    if holding.lemma_.lower() not in HOLDINGS:
        return []
    return [t for c in holding.children if c.dep_ == "poss" and c.pos_ == "PROPN" for t in expand(c)]


def _imposers(measure: "Token", pred: "Token") -> list["Token"]:
    """Who imposed a measure, from its own modifiers: "U.S. sanctions", "British sanctions", "Britain's list",
    "the U.S. sanctions list", "sanctions by Y" (or "by Y" on the predicate)."""
    by = [t for c in measure.children if c.dep_ == "poss" and c.pos_ != "PRON" for t in expand(c)]
    owned = bool(by)  # "the EU's Iran human rights sanctions list": the owner's; "Iran" names the regime
    by += [c for c in measure.children if not owned and (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" or
                                                         c.dep_ == "amod" and c.ent_type_ == "NORP")]
    by += [t for c in measure.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"
           for t in c.children if t.dep_ in ("compound", "nmod", "poss") and t.pos_ == "PROPN" and not owned]
    by += [t for h in (measure, pred) for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
           for p in c.children if p.dep_ == "pobj" for t in expand(p)]
    return by


def named_beside(group: "Token") -> list["Token"]:
    """The names right after a plural common-noun patient and a comma, wherever the parser hung them.

    "blacklisted two senior generals, A and B, Foreign Minister C said": A and B, not C (a name followed by
    the verb it is the subject of is the clause's speaker).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Australia blacklisted the military-owned Yadanar Gems Enterprise and two senior generals, "
    ...                 "Min Thet Oo and Kyaw Swar Lin, Foreign Minister Penny Wong said.")
    >>> [t.text for t in named_beside(d[12])]
    ['Oo', 'Lin']
    """
    doc = group.doc
    if group.pos_ != "NOUN" or group.tag_ != "NNS":
        return []
    j = group.right_edge.i + 1
    if j + 1 >= len(doc) or doc[j].text != "," or doc[j + 1].pos_ != "PROPN":
        return []
    head = doc[j + 1]
    while head.head.i != head.i and head.head.pos_ == "PROPN" and head.head.i > head.i and head.dep_ in ("compound", "flat"):
        head = head.head
    if head.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return []
    if any(c.dep_ == "appos" and c.i == head.i for c in group.children):
        return []  # the parser has them already
    names = [t for t in expand(head) if t.pos_ == "PROPN"]
    end = max(t.i for t in names)  # the head of a name is its last word
    if head.dep_ in ("nsubj", "nsubjpass") and (head.head.i == end + 1 or head.head.lemma_.lower() in _REPORTING
                                                 and end + 1 < len(doc) and doc[end + 1].text != ","):
        return []  # "sanctioned three officials, Treasury said": the speaker
    return names


def members_within(group: "Token") -> list["Token"]:
    """Members named by "including" hung on a person inside a plural patient's phrase.

    "sanctions on five individuals involved in the detention of X, including A": a person has no members,
    so "including A" belongs to the individuals.
    """
    if group.pos_ != "NOUN" or group.tag_ != "NNS":
        return []
    out: list["Token"] = []
    for c in group.children:  # "several judges, such as A and B", "firms like A"
        if c.dep_ == "prep" and (c.lower_ == "like" or c.lower_ == "as" and any(a.lower_ == "such" for a in c.children)):
            out += [n for p in c.children if p.dep_ == "pobj" for n in expand(p) if n.pos_ == "PROPN"]
    for t in group.subtree:
        if t.dep_ == "prep" and t.lower_ in ("including", "among") and t.head.i != group.i and \
                t.head.ent_type_ == "PERSON" and t.i > 0 and t.doc[t.i - 1].text == ",":
            out += [n for p in t.children if p.dep_ == "pobj" for n in expand(p) if n.pos_ == "PROPN"]
    return out


def members_after(verb: "Token", group: "Token") -> list["Token"]:
    """Names after "among them"/"including those" that the parser hung on the verb beside a plural patient.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("The EU sanctioned 12 Russian officials, among them the Moscow city judge Elena Lenskaya.")
    >>> [t.text for t in members_after(d[2], d[5])]
    ['Lenskaya']
    """
    if group.pos_ != "NOUN" or group.tag_ != "NNS" or group.head.i != verb.i:
        return []
    opener = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("among", "including") and c.i > group.i
              and any(p.dep_ == "pobj" and p.lower_ in ("them", "those", "whom") for p in c.children)]
    if not opener:
        return []
    return [t for c in verb.children if c.i > opener[0].i and c.dep_ in ("npadvmod", "appos", "dobj", "attr", "dep")
            and c.pos_ == "PROPN" for t in expand(c) if t.pos_ == "PROPN"]


def holding_state(verb: "Token", patients: list["Token"]) -> list["Token"]:
    """The state whose custody a passive release names: "was freed from Russian custody", "released from an
    Iranian prison", "freed after a year in Belarusian detention".

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Jane Roe was released from an Iranian prison on Monday.")
    >>> [t.text for t in holding_state(d[4], [d[1]])]
    ['Iranian']
    """
    inside = {t.i for p in patients for t in p.subtree}
    for t in verb.subtree:
        if t.i in inside or t.lemma_.lower() not in _CONFINEMENT or t.dep_ != "pobj":
            continue
        held = [c for c in t.children if c.dep_ == "amod" and c.ent_type_ == "NORP" or
                c.dep_ in ("compound", "poss") and c.ent_type_ in ("GPE", "NORP", "ORG")]
        if held:
            return held[:1]
    return []
