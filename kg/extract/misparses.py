"""What the small parser misreads, and the readings that set it right.

Each function recognises one recurring misparse of the small English pipeline and returns the tokens the
sentence means: a second subject read as an object's conjunct before a subjectless verb
(:func:`absolute_subject`, :func:`acts_next`), a verb read as a modifier or a clause complement
(:func:`misread_objects`), the parties of a verb-first translation (:func:`verb_first_parties`), the main clause's subject hung inside a fronted phrase (:func:`swallowed_subjects`), an
object hung on the reporting verb after it (:func:`object_hung_on_report`), a described object's name hung on the
verb (:func:`described_name`), the names "both of which" stands for (:func:`quantified_antecedents`).
The general tree walks are in :mod:`kg.extract.syntax`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.appositions import verb_after_apposition
from kg.extract.lexicon import is_title_word
from kg.extract.patient_phrases import MEMBER_PREPS
from kg.extract.syntax import MAX_CLIMB, expand

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


def absolute_subject(verb: "Token") -> "Token | None":
    """The subject the parser took for an object's conjunct before a subjectless gerund.

    "with A freeing X and B releasing Y" is parsed with B as a second object of "freeing" and "releasing"
    without a subject; a name right before a gerund that has none is that gerund's subject.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("They swapped prisoners, with Valoria freeing Mark Otto and Norland releasing Sara Lind.")
    >>> absolute_subject(d[11]).text
    'Norland'

    A finite verb the same way: "Valoria freed A and the United States released B" (a swap's second side).
    """
    if verb.tag_ not in ("VBG", "VBD", "VBZ") or verb.dep_ not in ("advcl", "conj") or verb.i == 0 or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if verb.tag_ != "VBG" and verb.dep_ != "conj" and before.head.dep_ != "pobj":
        return None  # "returned 95 prisoners of war and Ukraine handed over 95 soldiers": a finite advcl as well
    if before.pos_ == "PROPN" and before.dep_ == "conj" and before.head.dep_ in ("dobj", "conj", "pobj", "appos"):
        return before
    return None


def acts_next(tok: "Token") -> bool:
    """True when ``tok`` is the subject of the subjectless gerund right after it (see :func:`absolute_subject`)."""
    if tok.i + 1 >= len(tok.doc):
        return False
    found = absolute_subject(tok.doc[tok.i + 1])
    return found is not None and found.i == tok.i


def misread_objects(verb: "Token") -> list["Token"]:
    """The object of a verb the small model read as a modifier (a "freed"/"released" tagged as an adjective).

    A verb with a subject of its own is a clause, whatever its label: when the parser hangs it as a
    modifier on the noun after it ("Moscow freed journalist X": ``amod`` of X), that noun is its object;
    when it makes it the complement of a participle right after it that has an object and no subject of
    its own ("Caracas released detained American X": "detained" the root), that object is its object.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Moscow freed journalist Evan Gershkovich on Thursday.")
    >>> [t.text for t in misread_objects(d[1])]
    ['Gershkovich']
    """
    if not (any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) or verb_after_apposition(verb)) or \
            any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return []
    for c in verb.children:
        # "Valoria freed A and Norland released B" read as "freed [that A and Norland released B]": the
        # subject's conjuncts before the last are the first verb's objects (the last is the second's subject)
        subj = [s for s in c.children if s.dep_ == "nsubj"] if c.dep_ == "ccomp" and c.pos_ == "VERB" else []
        if subj and subj[0].left_edge.i == verb.i + 1 and not any(m.dep_ == "mark" for m in c.children):
            members = expand(subj[0])
            if len(members) > 1:
                return members[:-1]
    for c in verb.children:
        # "Lutsko pardons 52 prisoners": a counted noun right after the verb read as a measure of it
        if c.dep_ == "npadvmod" and c.left_edge.i == verb.i + 1 and c.tag_ == "NNS" and c.ent_type_ not in (
                "DATE", "TIME") and any(n.dep_ == "nummod" for n in c.children):
            return expand(c)
    for c in verb.children:
        # "pardoned on Wednesday a number of detainees": the date swallowed the object ("Wednesday number")
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "at") and c.i > verb.i:
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ != "DATE" and p.pos_ in ("NOUN", "PROPN") and any(
                        d.ent_type_ == "DATE" and d.dep_ in ("compound", "nmod", "npadvmod") and d.i < p.i
                        for d in p.children):
                    return expand(p) + [t for m in [*p.subtree, *verb.children] if m.dep_ == "prep" and m.i > p.i
                                        and m.lower_ in MEMBER_PREPS
                                        for q in m.children if q.dep_ == "pobj" for t in expand(q) if t.pos_ == "PROPN"]
    for c in verb.children:
        # "received this Monday at the palace the Chancellor of Peru, X": the object hung on the place, no comma
        for p in (p for p in c.subtree if c.dep_ == "prep" and p.dep_ == "pobj" and p.head.dep_ == "prep"
                  and p.ent_type_ in ("", "FAC", "GPE", "LOC", "ORG")):  # "in the Palace of the Moncloa the head ..."
            placed = [a for a in p.children if a.dep_ == "appos" and a.left_edge.i == p.i + 1 and (
                a.pos_ == "PROPN" or is_title_word(a.text))]
            if placed:
                return expand(placed[0])
            if c.lower_ in ("at", "in") and any(a.dep_ in ("nmod", "compound") and a.ent_type_ in ("FAC", "GPE", "LOC")
                                                and a.i < p.i for a in p.children) and any(
                    a.dep_ == "poss" or a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in p.children):
                return expand(p)  # "received at the Quai d'Orsay his counterpart, X": the place read as his modifier
    head = verb.head
    # "A pardoned activist B, state media reported": B read as a second subject of the reporting verb, which
    # the parser hangs above the verb or below it
    reports = [head] if verb.dep_ == "ccomp" and head.i > verb.i else \
        [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for report in reports:
        hung = [c for c in report.children if c.dep_ == "nsubj" and object_hung_on_report(c) and c.left_edge.i > verb.i]
        if hung:
            return expand(hung[0])
    if verb.dep_ in ("amod", "compound", "nmod") and head.i > verb.i and head.pos_ in ("NOUN", "PROPN"):
        steps = 0
        while head.dep_ == "compound" and head.head.i > head.i and steps < MAX_CLIMB:
            head, steps = head.head, steps + 1  # "journalist Evan Gershkovich": the name, not the title word
        return expand(head)
    if verb.dep_ in ("ccomp", "xcomp", "advcl") and head.i == verb.i + 1 and head.tag_ in ("VBN", "JJ") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return [t for c in head.children if c.dep_ == "dobj" for t in expand(c)]
    return []


def swallowed_subjects(phrase: "Token", *, named_person: bool = True) -> list["Token"]:
    """The main clause's subject the parser hung inside a fronted phrase as a conjunct after its comma.

    "After their talks in Geneva, A and B said ..." is parsed with A as a conjunct (or apposition) of
    "Geneva"; a person's name right after the fronted phrase's comma, hung on a word inside it, opens the
    main clause. Without ``named_person`` any name there does ("Visiting Jakarta, Prime Minister X met": a
    fronted participle phrase the parser made the subject).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("After their talks in Geneva, Antony Blinken and Wang Yi said ties were stabilising.")
    >>> [t.text for t in swallowed_subjects(d[2])]
    ['Blinken', 'Yi']
    """
    doc = phrase.doc
    for t in phrase.subtree:
        if t.dep_ in ("conj", "appos") and t.pos_ == "PROPN" and (t.ent_type_ == "PERSON" or not named_person) and \
                t.left_edge.i > 0 and \
                doc[t.left_edge.i - 1].text == "," and t.head.i < t.left_edge.i:
            return expand(t)
    return []


#: singular descriptions a name in apposition may follow ("a Yemeni employee of the UN office, X")
_DESCRIBED = frozenset({"NN"})


def described_name(obj: "Token") -> "Token | None":
    """The person named in apposition after a described object, however the parser hung the name.

    "released a Yemeni employee of the UN office, Ahmed Nasser, on Sunday": the parser often makes the name a
    modifier of the verb; the one released is the name, not the description.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("The rebels released a Yemeni employee, Ahmed Nasser, on Sunday.")
    >>> described_name(d[5]).text
    'Nasser'
    """
    if obj.pos_ != "NOUN" or obj.tag_ not in _DESCRIBED or obj.ent_type_:
        return None
    apposed = next((c for c in obj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                    and c.left_edge.i > 0 and obj.doc[c.left_edge.i - 1].text == ","), None)
    if apposed is not None:
        return apposed
    after = obj.right_edge.i + 1
    doc = obj.doc
    if after < len(doc) and doc[after].ent_iob_ == "B" and doc[after].ent_type_ == "PERSON":
        # "with Minsk freeing the photographer Tomas Kairys and Vilnius releasing Y": the name hung on the next verb
        span = next((e for e in doc.ents if e.start == after), None)
        if span is not None and span.root.head.i != obj.i and span.root.dep_ in ("nsubj", "nsubjpass"):
            return span.root
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].ent_type_ != "PERSON" or \
            doc[after + 1].ent_iob_ != "B":
        return None
    span = next((e for e in doc.ents if e.start == after + 1), None)
    return span.root if span is not None and span.label_ == "PERSON" else None


def object_named_before(tok: "Token") -> bool:
    """True when the subject ``tok`` is the name of the object just before it, which the parser made the next
    verb's subject ("with Minsk freeing the photographer Tomas Kairys and Vilnius releasing Y": not Kairys)."""
    prev = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    named = described_name(prev) if prev is not None and prev.pos_ == "NOUN" and prev.dep_ == "dobj" else None
    return named is not None and named.i == tok.i


def quantified_antecedents(word: "Token") -> list["Token"]:
    """The names "both of which", "all of whom", "each of them" stand for: those before the comma ahead of it.

    "his firms A and B, both of which are also being designated today": A and B; the parser hangs the clause
    anywhere, so the names are read from the words before the comma.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("He owns Alder Trading and Birch Metals, both of which are being designated today.")
    >>> [t.text for t in quantified_antecedents(d[8])]
    ['Alder', 'Trading', 'Birch', 'Metals']
    """
    if word.lower_ not in ("both", "all", "each", "some", "two", "three", "four") or not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("which", "whom", "them") for p in c.children)
            for c in word.children):
        return []
    before = word.doc[word.i - 1] if word.i > 0 else None
    if before is None or before.text != "," or before.i == 0:
        return []
    k = before.i - 1
    names: list["Token"] = []
    def named(t: "Token") -> bool:  # a name's word, whatever its tag ("SARL" is often a common noun)
        return t.pos_ == "PROPN" or t.text[:1].isupper() and t.pos_ in ("NOUN", "X")

    while k >= 0 and (named(word.doc[k]) or word.doc[k].lower_ in ("and", ",", "&", "-")):
        if named(word.doc[k]):
            names.append(word.doc[k])
        k -= 1
    return names[::-1] if any(t.lower_ == "and" for t in word.doc[k + 1:before.i]) else []


def object_hung_on_report(subject: "Token") -> bool:
    """True for the first of two subjects of a reporting verb after its reported clause: the parser hung that
    clause's object there ("A pardoned activist B, state media reported": B is the pardoned, no speaker).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Lukashenko pardoned opposition activist Maria Kolesnikova, state media reported.")
    >>> [t.text for t in d if t.dep_ == "nsubj" and object_hung_on_report(t)]
    ['Kolesnikova']
    """
    report = subject.head
    clause_before = any(c.dep_ == "ccomp" and c.i < subject.i for c in report.children) or \
        (report.dep_ == "ccomp" and report.head.i < subject.i)
    return clause_before and any(c.dep_ == "nsubj" and c.i > subject.i for c in report.children)


#: where the parser hangs the names of a verb-first sentence ("Received X this morning at the palace the minister, Y")
_VERB_FIRST_DEPS = frozenset({"dobj", "appos", "conj", "npadvmod", "nmod"})
#: the dependencies of the words a verb-first sentence may open with ("Also on Tuesday, held ...")
_ADVERBIAL_DEPS = frozenset({"advmod", "prep", "pobj", "punct", "det", "amod", "compound", "npadvmod", "nummod"})


def verb_first_parties(verb: "Token") -> list["Token"]:
    """The persons a verb-first sentence names after its verb, in order: the first acts, the others take part.

    Agencies that translate from Arabic keep the verb first ("Received His Majesty the Sultan this morning at
    Al Alam Palace the Foreign Minister of Iran, X"); the parser reads the host as the object and hangs the guest
    on the place or the date. Empty for a verb that has a subject or follows one.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Received President Ali Kafi at the Palace of the People today the Prime Minister of Italy, Anna Rossi.")
    >>> [t.text for t in verb_first_parties(d[0])]
    ['Kafi', 'Rossi']
    """
    doc = verb.doc  # after a dateline ("MUSCAT, Dec 8 (ONA) -- Received ...", whose place the parser made the subject)
    start = max([t.i + 1 for t in doc[verb.sent.start:verb.i] if t.text in ("--", "—", "–", "-")], default=verb.sent.start)
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and c.i >= start for c in verb.children):
        return []
    if any(t.dep_ not in _ADVERBIAL_DEPS for t in doc[start:verb.i]):
        return []
    out: list["Token"] = []
    for t in verb.subtree:
        if t.i > verb.i and t.dep_ in _VERB_FIRST_DEPS and t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME") \
                and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and is_title_word(t.text) and t.text[:1].isupper()):
            out += [x for x in expand(t) if x not in out and x.pos_ == "PROPN" and not is_title_word(x.text)]
    return out


def clause_on_noun(verb: "Token") -> bool:
    """True for a verb whose clause the parser hung on a noun before it, as a relative clause or a complement, the
    noun tagged as one or not ("revisit the travel bans it imposed": "bans" read as a verb, "imposed" as its ``ccomp``).

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Washington lifted the sanctions it had imposed on Ramon Villeda.")
    >>> clause_on_noun(d[6]), clause_on_noun(d[1])
    (True, False)
    """
    head = verb.head
    return verb.dep_ in ("relcl", "ccomp") and head.i < verb.i and (
        head.pos_ == "NOUN" or head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"))
