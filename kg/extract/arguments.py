"""From parse tokens to document actors: which entities an argument head stands for.

A frame (:mod:`kg.extract.frames`) returns head tokens; this module maps each to the actors of
the mentions it and its own phrase hold, follows list members (appositions, conjuncts, semicolon
items, "including", "along with"), lets a state act through its organs ("Iran's judiciary"), and
reads counted groups ("16 prisoners", "a number of detainees").
"""

from __future__ import annotations

from typing import Any

from kg.extract.coref import Entity
from kg.extract.lexicon import TITLE_WORDS
from kg.extract.numerals import count_value
from kg.extract.mentions import Mention
from kg.extract.pairing import entities
from kg.extract.patterns import find_group
from kg.extract.misparses import acts_next, clause_on_noun
from kg.extract.syntax import INTENT_VERBS, REPORTING_VERBS, expand

#: persons that are groups when no name is given ("pardoned 16 prisoners")
_GROUP_NOUNS = frozenset("""prisoner detainee inmate people person individual man woman convict hostage national citizen
activist dissident journalist""".split())
#: organs through which a state acts ("Iran's judiciary", "Belarusian authorities", "the Russian government")
_STATE_ORGANS = frozenset("""judiciary government authorities authority regime court courts military army police ministry
administration junta prosecutors prosecutor cabinet parliament state leadership""".split())
#: role nouns that name a person by whom they serve ("Zelensky aide X", "Putin ally X", "Kremlin spokesman X")
_ROLE_OF_ANOTHER = frozenset({"aide", "adviser", "advisor", "ally", "spokesman", "spokeswoman", "spokesperson",
                              "envoy", "loyalist", "confidant", "associate", "counsellor", "counselor", "deputy"})
#: dependents that open a clause ("individuals based in Iran and China": not a list of targets)
_CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "agent", "pcomp"})
#: prepositions that introduce named members of an argument ("detainees, including X")
_LIST_PREPS = frozenset({"including", "among", "like", "along", "plus", "as"})
#: number words of a counted group ("freed three activists")
_COUNT_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_QUANTITY_NOUNS = frozenset({"number", "group", "dozen", "dozens", "hundreds", "scores", "batch", "total"})
#: dependents whose subtrees hold other things than the argument itself ("X, who met Y", "X of Y")
_NOT_PART = frozenset({"prep", "relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "ccomp", "parataxis", "agent"})



def entities_at(tok: Any, spans: list[tuple[int, int, Mention]], mint: Any = None, *,
                 bent_lists: bool = False) -> list[Entity]:
    """The actors a head token stands for: the mention holding it and the mentions in its own phrase."""
    out: list[Entity] = []
    for a, b, m in spans:
        if a <= tok.idx < b:
            # "he" resolved to a name later found to be a body ("the daily Folha") stands for nobody
            out += [e for e in entities(m) if isinstance(e, Entity) and not (m.kind == "pronoun" and e.type != "Person")]
    keep = [tok]
    todo = [tok]
    owners: list[Any] = []
    while todo:
        t = todo.pop()
        if t is not tok and tok.pos_ == "PROPN" and t.pos_ == "NOUN" and t.dep_ == "compound" and \
                t.lemma_.lower() not in TITLE_WORDS:
            continue  # "Hezbollah financier Mohammad Qasir": the body before a role noun is his affiliation
        if t is not tok and tok.pos_ == "PROPN" and t.dep_ == "compound" and t.lemma_.lower() in _ROLE_OF_ANOTHER:
            continue  # "top Zelensky aide Andriy Yermak": the name before the role noun is whom he serves
        for c in t.children:
            if t is tok and tok.pos_ == "NOUN" and c.dep_ in ("compound", "amod", "nmod", "poss", "det") and \
                    tok.lemma_.lower() not in _STATE_ORGANS:
                continue  # "US basketball star": a modifier of a common noun is not the actor
            if t is not tok and t.dep_ == "pobj" and t.pos_ == "NOUN" and c.dep_ in ("compound", "amod", "nmod") and \
                    t.lemma_.lower() not in _STATE_ORGANS:
                continue  # "including a US citizen": a member described by its country is not the country
            if (t is tok or bent_lists) and t.pos_ == "NOUN" and c.dep_ == "appos" and c.pos_ == "PROPN":
                # "the former police officer Nuno Ferraz", "its captain, Stoyan Petrov", "together with its
                # owners A and B": the names the description stands for
                keep += [d for e in expand(c) for d in _phrase(e)]
                continue
            if t is tok and c.dep_ == "poss" and tok.lemma_.lower() in _STATE_ORGANS and not (
                    tok.pos_ == "PROPN" and any(a <= tok.idx < b and m.kind == "org" for a, b, m in spans)):
                keep.append(c)  # "Iran's judiciary freed": the state acts through its organ
                continue
            if _possessor(c):
                owners.append(c)  # "the Ministry's Office of Sanctions", "Malin's company": the owner is another actor
                continue
            if (c.dep_ not in _NOT_PART and c.dep_ != "poss") or \
                    (bent_lists and c.dep_ == "prep" and (c.lower_ in _LIST_PREPS or c.lower_ == "with" and (
                    t.lower_ == "along" or any(g.lower_ == "together" for g in c.children)))):
                keep.append(c)  # "detainees, including Y, along with Z": the named members belong to the argument
                todo.append(c)
            elif bent_lists and c.dep_ == "conj" and t is not tok and t.dep_ == "pobj" and t.head.lower_ in _LIST_PREPS:
                keep.append(c)
                todo.append(c)
    if bent_lists and tok.dep_ == "pobj":
        # "sanctions on A and on B": the preposition repeated as a conjunct governs more patients
        keep += [d for p in _repeated_preps(tok.head) for o in p.children if o.dep_ == "pobj"
                 for e in expand(o) for d in _phrase(e)]
    if bent_lists and tok.dep_ in ("dobj", "pobj", "nsubjpass"):
        # a list of patients the parser bent to the left ("A and Defence Minister B" with A under B's title);
        # not what follows the head ("the head of the KGB")
        todo2 = [tok]
        while todo2:  # list members reachable without leaving the list through a clause or a preposition
            t = todo2.pop()
            for c in t.children:
                if c.dep_ in _CLAUSES or c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ not in _LIST_PREPS and not (
                        c.lower_ == "of" and t.lower_ in TITLE_WORDS)):  # "the president of Belarus, X": X
                    continue
                if acts_next(c):
                    continue  # "freeing X and B releasing Y": B acts, it is no member of the list
                todo2.append(c)
                if c.dep_ in ("nmod", "conj", "appos"):
                    keep += _phrase(c)  # each member's own phrase: "the head of the KGB" adds no KGB
        if tok.tag_ == "NNS" and tok.pos_ == "NOUN":
            # "several allies of the president, including A and B": the parser hangs the list on the last noun
            # of the phrase; the named members belong to the counted or plural patient
            keep += [d for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("including", "among") and c.i > tok.i
                     and not _in_clause(c, tok) for p in c.children if p.dep_ == "pobj" for e in expand(p)
                     for d in _phrase(e)]
        # "A, who ...; B, the chief of ...; C": the parser hangs semicolon items anywhere; a semicolon names them
        keep += [d for c in tok.subtree if c.dep_ == "conj" and c.i > tok.i and _after_semicolon(c)
                 for d in _phrase(c)]
    for t in keep:
        for a, b, m in spans:
            if a <= t.idx < b:
                for e in entities(m):
                    if isinstance(e, Entity) and e not in out:
                        out.append(e)
    if bent_lists and tok.tag_ == "NNS" and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass"):
        out += [e for e in _colon_list(tok, spans) if e not in out]
    if not out and owners:  # the owned office or company is no actor the text names: its owner stands for it
        out = [e for o in owners for a, b, m in spans if a <= o.idx < b for e in entities(m) if isinstance(e, Entity)]
    if not out and mint is not None:
        out = mint(tok)
    return out


def _colon_list(tok: Any, spans: list[tuple[int, int, Mention]]) -> list[Entity]:
    """The persons and bodies a colon after a plural patient lists ("on the following individuals: A; B; and C").

    The parser hangs such a list anywhere (an apposition of the measure, a new root); the colon right after
    the patient's phrase says the rest of the sentence names its members.
    """
    nxt = tok.right_edge.i + 1
    while nxt < len(tok.doc) and _when_word(tok.doc[nxt]):  # "three leaders on Monday: A, B and C"
        nxt += 1
    if nxt >= len(tok.doc) or tok.doc[nxt].text != ":":
        return []
    colon = tok.doc[nxt].idx
    return [e for a, _b, m in spans if a > colon for e in entities(m)
            if isinstance(e, Entity) and e.type in ("Person", "Organization")]


def _when_word(tok: Any) -> bool:
    """True for a word of a date or time phrase between a patient and its list ("on Monday", "last week")."""
    return tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "ADP" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children))


def _possessor(tok: Any) -> bool:
    """True for a name marked as a possessor by "'s" or "'" that the parser did not label ``poss`` ("Ministry' Office")."""
    end = tok.right_edge  # "the Ministry of Foreign Affairs' Office": the mark closes the possessor's phrase
    return tok.dep_ in ("nmod", "compound") and tok.pos_ == "PROPN" and end.dep_ == "case" and \
        end.lower_ in ("'s", "'", "’s", "’")


def _repeated_preps(prep: Any) -> list[Any]:
    """The prepositions conjoined to ``prep`` that repeat it or a synonym ("on A and on B", "on A and against B")."""
    same = {prep.lower_} | ({"on", "against", "upon"} if prep.lower_ in ("on", "against", "upon") else set())
    out, todo = [], [prep]
    # "imposed sanctions on A, and against B": the parser may hang the second on the noun's or the verb's head
    heads = [h for h in (prep.head, prep.head.head) if h is not prep]
    todo += [c for h in heads for c in h.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.i > prep.i
             and c.lower_ in same and c not in todo]
    out += todo[1:]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in same:
                out.append(c)
                todo.append(c)
    return out


def _in_clause(tok: Any, top: Any) -> bool:
    """True when ``tok`` sits in a clause below ``top`` ("allies who met A, including B": not a member of allies)."""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in _CLAUSES:
            return True
        t = t.head
    return False


def _after_semicolon(tok: Any) -> bool:
    """True when the phrase of ``tok`` starts right after a semicolon ("; B" or "; and B")."""
    k = tok.left_edge.i - 1
    while k >= 0 and tok.doc[k].lower_ in ("and", "or"):
        k -= 1
    return k >= 0 and tok.doc[k].text == ";"


def _phrase(tok: Any) -> list[Any]:
    """``tok`` and the words of its own noun phrase (no prepositional phrases, clauses or list members).

    The modifiers of a common noun are no part of what it names ("two Hong Kong companies", "a US citizen").
    """
    out, todo = [tok], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if t is tok and tok.tag_ in ("NN", "NNS") and tok.pos_ == "NOUN" and c.dep_ in ("compound", "amod", "nmod"):
                continue  # "a US citizen": a citizen, not the US
            if c.dep_ not in _NOT_PART and c.dep_ != "poss":
                out.append(c)
                todo.append(c)
    return out


def group_of(tok: Any, text: str) -> tuple[str, int | None] | None:
    """A patient that is a counted group ("16 prisoners", "30 people convicted of extremism", "pardoned the 31")."""
    if tok.pos_ == "NUM" and tok.dep_ in ("dobj", "nsubjpass") and tok.like_num and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):  # "the 31", "all 31"; not "two of them"
        n = count_value(tok.text)
        return ("prisoners", n) if n is not None and n > 1 and not (1900 <= n <= 2100) else None
    if tok.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in tok.children):
        return None  # "a Belarusian national": one person
    if tok.lemma_.lower() in _QUANTITY_NOUNS:  # "a number of detainees", "dozens of prisoners"
        tok = next((p for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), tok)
    people = tok.tag_ == "NNS" and tok.pos_ == "NOUN" or tok.tag_ == "NNPS" and tok.ent_type_ == "NORP"  # "six Americans"
    counted = people and any(
        c.dep_ == "nummod" and (c.like_num or c.lower_ in _COUNT_WORDS) for c in tok.children)
    left = next(t.idx for t in tok.subtree if not t.is_space)  # not the blank of a line marker ("3.1 Seven ...")
    if tok.lemma_.lower() not in _GROUP_NOUNS and not counted:
        # "freed two Azerbaijani servicemen" (tagged singular): a counted group the words name
        g = find_group(text, max(0, left - 1))
        if g is not None and g[1] is not None and g[3] == tok.idx + len(tok.text):
            return g[0], g[1]
        return None  # "freed 222 opponents", "released 30 protesters": any counted persons are a group
    if tok.dep_ == "appos" and (tok.tag_ == "NN" or any(c.lower_ in ("a", "an") for c in tok.children)) and not any(
            c.dep_ == "nummod" for c in tok.children):
        return None  # "released X, a dual citizen serving ...", "X, a 79-year-old convicted of": X described
    g = find_group(text, max(0, left - 1))
    if g is not None:
        return g[0], g[1]
    if counted:
        num = next(c for c in tok.children if c.dep_ == "nummod")
        raw = num.lower_.replace(",", "")
        return "prisoners", int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw)
    return "prisoners", None


def plural_antecedent(tok: Any) -> bool:
    """True when a plural common noun earlier in the sentence is the subject "they" most likely refers to."""
    return any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and t.i < tok.i for t in tok.doc)


def counted_antecedent(tok: Any, text: str) -> tuple[str, int | None] | None:
    """The counted group "them" stands for: "Five citizens landed after X freed them" (a group of five)."""
    if tok.lower_ not in ("them", "they"):
        return None
    ante = next((t for t in tok.doc if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS")
                 and any(c.dep_ == "nummod" for c in t.children)), None)
    g = group_of(ante, text) if ante is not None else None
    return g if g is not None and g[1] is not None else None


def governing_person(pron: Any, spans: list[tuple[int, int, Mention]], mint: Any = None) -> list[Entity]:
    """The person a subject "he"/"she" of a subordinate clause stands for: the named subject of the clause above.

    "After meeting Modi, Biden flew to Hanoi, where he was greeted by Trong": "he" is Biden, the subject of
    the clause that "where he was greeted" hangs from, not Modi, the first person of the sentence. Empty
    when no named person is the subject of a governing clause (then coreference decides).
    """
    # "X said his talks with Y ...": X's talks; "X walked free after Y pardoned him": X
    if not (pron.lower_ in ("he", "she") and pron.dep_ in ("nsubj", "nsubjpass") or
            pron.lower_ in ("his", "her") and pron.dep_ == "poss" or
            pron.lower_ in ("him", "her") and pron.dep_ == "dobj" and pron.head.dep_ in ("advcl", "ccomp", "conj")):
        return []
    if pron.dep_ == "dobj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in pron.head.children):
        return []  # "X phoned Y and will meet him": a verb sharing X as its subject has another person for "him"
    verb, steps = pron.head, 0
    while verb.head.i != verb.i and steps < 6:
        verb, steps = verb.head, steps + 1
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" and c.i < pron.i]
        # "Lula's chief adviser, Celso Amorim, said he would ...": the role noun's apposition is the subject
        subj = subj or [a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                        and c.i < pron.i for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"][:1]
        if subj:
            people = [e for e in entities_at(subj[0], spans, mint) if e.type == "Person"]
            return people[:1]
    return []


def relative_it(it: Any) -> list[Any]:
    """The subject of the clause above the noun whose relative clause "it" opens: "the EU lifted the sanctions it
    imposed on X" gives the EU (the parser may read the relative clause as a complement)."""
    verb = it.head
    if not clause_on_noun(verb) or verb.head.i > it.i:
        return []
    return [c for c in verb.head.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "they", "he", "she")]


def reporter_of(it: Any) -> list[Any]:
    """The subject of the reporting verb whose clause "it" is the subject of: "Canada said it had frozen" gives Canada.

    >>> from kg.extract.model import get_model
    >>> d = get_model()("Canada said on Friday that it had frozen the assets of two officials.")
    >>> [t.text for t in reporter_of(d[5])]
    ['Canada']
    """
    verb = it.head
    while verb.dep_ in ("conj", "xcomp", "aux") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS | INTENT_VERBS:
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "they", "he", "she")]
