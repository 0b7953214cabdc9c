"""Within-document coreference: one entity per actor, however it is mentioned.

Two passes.  First every full name outside headlines registers a person
(surname, titles, country).  Then mentions are resolved in reading order:
surnames and "Mr. X" to the registered person, title phrases ("the Belarusian
leader", "the Secretary", "his Russian counterpart") to the most recent person
with that role and country, he/she to the subject, him/her to the most recent
other person, and "the two leaders"/"they" to the last pair of persons.

>>> from kg.extract.nlp import get_nlp
>>> from kg.extract.linking import Linker
>>> from kg.extract.mentions import sentences
>>> doc = get_nlp()("Belarusian President Alexander Lukashenko spoke. The Belarusian leader smiled.")
>>> chains = Coref(Linker(resolver=None)).run(sentences(doc), doc.text)
>>> [(m.text, m.entity.label) for ms in chains for m in ms]
[('Belarusian President Alexander Lukashenko', 'Alexander Lukashenko'), ('The Belarusian leader', 'Alexander Lukashenko')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from kg.extract.appositions import mark_apposed_titles
from kg.extract.dates import DATELINE
from kg.extract.lexicon import DESCRIPTIONS, ORGANIZATIONS, POST_NOMINALS
from kg.extract.linking import Linker, as_written
from kg.extract.mentions import Mention, Sentence, find_mentions, is_headline
from kg.extract.titles import holds_role, office_rank
from kg.extract.name_context import sanctions_target_slot
from kg.extract.offices import national_offices
from kg.extract.nicknames import nicknamed
from kg.extract.names import PRONOUN_GENDER, family_last, fold, same_given, split_joined_names, tail_of, title_gender
from kg.extract.pronouns import agrees, in_apposition, topic_continues
from kg.extract.quotes import SPEAKER_LABEL, quotations, speaker_slot, turn_speaker
from kg.model.core import ActorRef

_PREP_BEFORE = re.compile(r"\b(?:of|with|to|for|from|by|about|against|between|on|at|in|than)\s+(?:the\s+)?$", re.I)
_WEAK_TITLES = {"former", "new", "senior", "top", "then", "acting", "deputy", "opposition", "foreign", "national",
                "security", "exiled", "jailed", "imprisoned", "detained", "the", "a", "an", "his", "her", "its", "their",
                "of", "state", "star", "counterpart"}
_NOT_ACTORS = {"GMT", "UTC", "AP", "AM", "PM", "DC", "TV", "CEO", "OK", "II", "III", "NEW", "US", "UK",
               # post-nominal letters ("the Hon. Malcolm Turnbull, MP") are not actors
               "Jr", "Sr"} | POST_NOMINALS
_NOT_LEADER = {"adviser", "advisor", "aide", "spokesperson", "spokesman", "spokeswoman", "envoy", "secretary",
               "minister", "ambassador", "official", "negotiator", "deputy", "director", "chief"}
_LEADER = {"president", "leader", "prime", "chancellor", "king", "supreme", "premier", "emir", "head"}


@dataclass(eq=False)
class Entity:
    """A document-level actor: its label, type, titles and countries seen, and its reference."""

    label: str
    type: str
    ref: ActorRef
    titles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" or "f" when the text says it (a title, "his"/"her" with no other person near)


#: salience a person's mention adds (Lappin and Leass 1994, simplified): subject, direct object or other
#: argument, oblique (after a preposition) or quoted; it is halved at every sentence
_SUBJECT_WEIGHT, _OBJECT_WEIGHT, _OBLIQUE_WEIGHT = 310.0, 280.0, 230.0
_GENDER_BONUS = 3.0

#: a short name a text defines for an organisation right after its full name: "(Sunrise)", "(the Company)"
_DEFINED_ALIAS = re.compile(r"\s*\((?:the\s+)?([A-Z][\w&.-]+(?:\s[A-Z][\w&.-]+)?)\)")
#: "The Prime Minister", "the Secretary": a bare title in capitals (official style names the principal)
_CAPITALISED_TITLE = re.compile(r"^(?:[Tt]he\s+)?[A-Z][a-z]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][a-z]+)*$")
#: "the [adjectives] Name": a single unknown capitalised word after an article names a thing, not a person
#: (the words between are a noun's modifiers: never a preposition or conjunction, "the meeting between Sato")
_NOT_MODIFIER = r"(?!(?:after|before|between|with|by|and|or|but|of|to|for|from|when|since|as|than|in|on|at|that)\s)"
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:" + _NOT_MODIFIER + r"[a-z][a-z-]+\s+){1,2}$")
#: "a third Briton", "an Emirati": a lone capitalised word after an indefinite article is a noun, never a family name
_A_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:" + _NOT_MODIFIER + r"[a-z][a-z-]+\s+){0,2}$")  # not "a day after X"


class Coref:
    """Resolve the mentions of one document to :class:`Entity` objects."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.text = ""
        self.arguments: set[int] = set()  # where the parser reads a lone proper noun as a party to a verb
        self.persons: dict[str, Entity] = {}  # folded surname (and folded full name) -> person
        self.firsts: dict[str, list[Entity]] = {}  # folded given name -> persons with it
        self.others: dict[tuple[str, str], Entity] = {}
        self.aliases: dict[str, Entity] = {}  # "Sunrise Electronics Limited (Sunrise)": the short name a text defines
        self.recent: list[Entity] = []  # persons, most recent last
        self.seen: list[Entity] = []  # persons in order of first mention so far
        self.last_subject: Entity | None = None
        self.last_pair: tuple[Entity, Entity] | None = None
        self.pairs: list[tuple[Entity, Entity]] = []  # pairs of persons per sentence, in reading order
        self.groups: list[tuple[Entity, ...]] = []  # all persons of each sentence with two or more, in reading order
        self.quotes: list[tuple[int, int]] = []  # quotations of the document
        self.salience: dict[int, tuple[Entity, float]] = {}  # person -> salience, decaying by sentence
        self.raw: list[Mention] = []  # every mention found, before resolution
        self.quote_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.named: set[str] = set()  # labels of the persons the text names in full
        self.looked_up: set[int] = set()  # persons only the gazetteer's office-holder lookup put in the story

    # -- registry -----------------------------------------------------------
    def _person(self, name: str, titles: tuple[str, ...], country: str | None, create: bool) -> Entity | None:
        parts = family_last(name.replace("’s", "").replace("'s", "").split())
        key = fold(parts[-1]) if parts else ""
        full = fold(" ".join(parts)) if len(parts) > 1 else key
        ent = self.persons.get(full) or self.persons.get(key)
        if ent is not None and create and len(parts) > 1 and len(ent.label.split()) > 1 \
                and not same_given(ent.label.split()[0], parts[0]) and not tail_of(parts, ent.label.split()) \
                and self.linker.ref(" ".join(parts), "Person").canonical_iri() != ent.ref.canonical_iri():
            ent = None  # "Pak Jin Hyok" and "Jon Chang Hyok", "Abdel Rahim Dagalo" and "Algoney Hamdan Dagalo"
        if ent is None and len(parts) == 1:
            ent = next((e for k, e in self.persons.items() if fold(parts[0]) in k.split("-")), None)
        if ent is None and len(parts) == 1 and not create:
            # "Abiy" for "Abiy Ahmed": a given name used alone, when exactly one known person has it
            firsts = self.firsts.get(fold(parts[0]), [])
            ent = firsts[0] if len(firsts) == 1 else None
        if ent is None and create:
            label = " ".join(parts)
            ent = Entity(label, "Person", as_written(self.linker.ref(label, "Person"), label))
            self.persons[key] = ent
            if full != key:
                self.persons[full] = ent
                self.firsts.setdefault(fold(parts[0]), []).append(ent)
        if ent is not None:
            ent.titles.update(titles)
            ent.gender = ent.gender or title_gender(titles)
            if country:
                ent.countries.add(country)
        return ent

    def _other(self, label: str, actor_type: str) -> Entity:
        key = (label, actor_type)
        if key not in self.others:
            self.others[key] = Entity(label, actor_type, self.linker.ref(label, actor_type))
        return self.others[key]

    # -- passes ---------------------------------------------------------------
    def run(self, sents: list[Sentence], text: str) -> list[list[Mention]]:
        """Resolved mentions per sentence (see :func:`kg.extract.mentions.sentences`)."""
        self.text = text
        flags = [is_headline(s, first=i == 0) for i, s in enumerate(sents)]
        raw = [find_mentions(s, headline=h, text=text) for s, h in zip(sents, flags)]
        datelines = [(d.start(), d.end()) for d in DATELINE.finditer(text)
                     if d.group().split()[0].strip(",") not in ORGANIZATIONS]  # "NATO — the alliance said"
        datelines += [(lab.start(), lab.end()) for lab in SPEAKER_LABEL.finditer(text)]  # "Question (Ana Ruiz, Daily Post):"
        if datelines:  # "CARACAS/WASHINGTON, Nov 24 (Reuters) -": a place line, not an actor
            raw = [[m for m in ms if not any(a <= m.start < b for a, b in datelines)] for ms in raw]
        raw = nicknamed(raw, text)  # 'Joaquín "El Chapo" Guzmán': one person, named without the byname
        raw = national_offices(raw, text)  # "Germany's Foreign Office": Germany; "the Treasury" of a British story
        for ms, head in zip(raw, flags):
            for m in ms:
                if m.kind == "name" and not head and m.name:
                    named = self._person(m.name, m.titles, m.country, create=True)
                    if named is not None:
                        self.named.add(named.label)
        self.quotes = quotations(text)
        self.quote_starts = [a for a, _b in self.quotes]
        # lone family names the parser reads as a party to a verb ("Rojas and Carvalho last met"): persons
        # ("Volkswagen", which the recogniser calls a body, is left to it)
        bodies = {a for s in sents for a, _b, label in s.ner if label == "ORG"}
        self.arguments = {a for s in sents for a, _b, label in s.ner
                          if label == "ARG" and a not in bodies or label == "HOLDER"}
        self.raw = [m for ms in raw for m in ms]
        self.raw_starts = [m.start for m in self.raw]
        known = {k2 for k in self.persons for k2 in k.split("-")} | {
            fold(p) for e in self.persons.values() for p in e.label.split()}
        out = []
        for sent, ms, head in zip(sents, raw, flags):
            if head:
                ms = find_mentions(sent, headline=True, known=known, text=text)
            out.append(self._resolve_sentence(ms, head))
        return out

    def _resolve_sentence(self, ms: list[Mention], headline: bool) -> list[Mention]:
        mark_apposed_titles(ms, self.text)  # "his Iranian counterpart, Abbas Araghchi,": the title is the name
        kept: list[Mention] = []
        sent_subject: Entity | None = None
        for m in ms:
            for piece in self._expand(m):
                ent = self._appositive_title(piece, kept) or self._resolve(piece, kept, sent_subject)
                if ent is None:
                    continue
                if isinstance(ent, tuple):
                    piece.extra["pair"] = ent
                    kept.append(piece)
                    continue
                piece.entity = ent
                kept.append(piece)
                if ent.type == "Organization" and piece.kind == "org" or ent.type == "Person" and piece.kind == "name":
                    short = _DEFINED_ALIAS.match(self.text, piece.end)  # "(Sunrise)"; a person's "(MBS)", "(AMLO)"
                    if short and short.group(1) != ent.label and (ent.type != "Person" or short.group(1).isupper()):
                        self.aliases.setdefault(short.group(1), ent)
                if ent.type == "Person":
                    quoted = self._quoted(piece) is not None
                    after_prep = bool(_PREP_BEFORE.search(self.text[max(0, piece.start - 14):piece.start]))
                    if sent_subject is None and not quoted and not after_prep:
                        # "Stokes's family said ... him": a possessor is not the subject a pronoun may not be
                        sent_subject = None if self.text[piece.end:piece.end + 2] in ("'s", "’s") else ent
                        weight = _SUBJECT_WEIGHT
                    else:
                        weight = _OBLIQUE_WEIGHT if after_prep or quoted else _OBJECT_WEIGHT
                        piece.extra["oblique"] = after_prep
                    if not headline:
                        self.salience[id(ent)] = (ent, self.salience.get(id(ent), (ent, 0.0))[1] + weight)
                    if ent in self.recent:
                        self.recent.remove(ent)
                    else:
                        if ent not in self.seen:
                            self.seen.append(ent)
                    self.recent.append(ent)
        persons = []
        for m in kept:
            if m.entity is not None and m.entity.type == "Person" and m.entity not in persons:
                persons.append(m.entity)
        if len(persons) >= 2:
            self.last_pair = (persons[0], persons[1])
            self.pairs.append(self.last_pair)
            self.groups.append(tuple(persons))
        if len(persons) == 1 and persons[0].gender is None and not headline and kept:
            # "President Ana Ruiz said her government ...": a possessive with one person in the sentence
            # ("X's family said they could not speak to him": "him" is X, the sentence's one person)
            end = max(k.end for k in kept if k.kind != "pronoun") if any(k.kind != "pronoun" for k in kept) else kept[-1].end
            tail = self.text[end:end + 200].split("\n")[0]
            said = {PRONOUN_GENDER[w] for w in re.findall(r"\b(his|her|he|she|him)\b", tail.split(". ")[0].lower())}
            if len(said) == 1:
                persons[0].gender = said.pop()
        if sent_subject is not None and not headline:
            self.last_subject = sent_subject
        if not headline:  # older mentions count for less (Lappin and Leass halve salience at each sentence)
            self.salience = {k: (e, w / 2) for k, (e, w) in self.salience.items() if w >= 1}
        return kept

    def _most_salient(self, gender: str | None = None, *, besides: frozenset[int] = frozenset()) -> Entity | None:
        """The person the discourse is about: the highest salience (subjects weigh most, recency decays), else
        the last subject.

        "Blinken arrived in Beijing. Wang Yi greeted him. He later met Xi": "He" is Blinken, named as subject
        and then as object, not Wang Yi, the subject of the last sentence alone.
        """
        last_subject = self.last_subject if self.last_subject is not None and agrees(self.last_subject, gender) \
            else None
        fitting = [ew for ew in self.salience.values() if agrees(ew[0], gender) and id(ew[0]) not in besides] or \
            [ew for ew in self.salience.values() if agrees(ew[0], gender)]
        if not fitting:
            return last_subject
        # "she": a person the text said is a woman outweighs one whose gender it never said (most persons the
        # news names without saying are men, so "he" only sets aside the women)
        def score(ew: tuple[Entity, float]) -> float:
            return ew[1] * (_GENDER_BONUS if gender == "f" and ew[0].gender == "f" else 1.0)
        best = max(fitting, key=score)
        last = self.salience.get(id(last_subject)) if last_subject is not None else None
        return last[0] if last is not None and score(last) >= score(best) else best[0]

    def _expand(self, m: Mention) -> list[Mention]:
        """Split 'Trump-Putin' (or a headline's 'Obama Putin') into surname mentions of known persons."""
        return split_joined_names(m, lambda part: self.persons.get(fold(part)))

    def _resolve(self, m: Mention, kept: list[Mention], subject: Entity | None) -> Entity | tuple[Entity, ...] | None:
        if m.kind in ("org", "acronym", "surname", "name") and (m.name or m.text) in self.aliases:
            return self.aliases[m.name or m.text]
        if m.kind == "org" and (m.name or m.text) in ("Government", "Administration"):
            return None  # "The Government is also sanctioning X": the state the story is about, as "the government"
        if m.kind in ("country", "org"):
            return self._other(m.name or m.text, m.type)
        if m.kind == "acronym":
            return None if (m.name or "") in _NOT_ACTORS else self._other(m.name or m.text, "Organization")
        if m.kind == "name":
            return self._person(m.name or m.text, m.titles, m.country, create=True)
        if m.kind == "surname":
            ent = self._person(m.name or m.text, m.titles, m.country, create=False)
            if ent is None and m.name:
                ref = self.linker.lookup(m.name, "Person")
                if ref is not None:
                    ent = self._person(ref.label, m.titles, m.country, create=True)
                    if ent is not None and ent.ref.label == ref.label:  # "Zelensky" alone: the story's spelling
                        ent.ref = as_written(ent.ref, m.name)
                elif any(t not in _WEAK_TITLES for t in m.titles):  # "Pope Francis", "Mr. Putin", "Gen. Smith"
                    ent = self._person(m.name, m.titles, m.country, create=True)
                elif not m.titles and _THE_BEFORE.search(self.text[max(0, m.start - 40):m.start]):
                    return self._other(m.name, "Organization")  # "the state-owned Belaruskali": not a person
                elif not m.titles and sanctions_target_slot(self.text, m.start, m.end):
                    return self._other(m.name, "Organization")  # "sanctioned Rosneft and Lukoil": companies
                elif not m.titles and m.start in self.arguments and \
                        not _A_BEFORE.search(self.text[max(0, m.start - 30):m.start]):
                    ent = self._person(m.name, m.titles, m.country, create=True)  # not "a third Briton", "an Emirati"
            return ent
        if m.kind == "title":
            if m.extra.get("recent"):  # "the 52-year-old former ambassador": the person named last
                return self.recent[-1] if self.recent else None
            if m.extra.get("appositive"):
                return self._person(m.extra["appositive"], m.titles, m.country, create=True)
            return self._title(m, subject)
        if m.kind == "pronoun":
            if m.extra.get("role") == "speaker":
                return self._speaker(m)
            if m.extra.get("role") in ("latter", "former"):  # by mention order: the latter is the one named last
                if len(self.recent) < 2:
                    return None
                return self.recent[-1] if m.extra["role"] == "latter" else self.recent[-2]
            if m.extra.get("role") == "subj" and self._in_slot(m):
                return self.last_subject  # '"...," he said': the subject before the quotation, not one named in it
            gender = PRONOUN_GENDER.get(m.text.lower())
            if m.extra.get("role") in ("subj", "poss"):  # "her chief of staff": whom "she" would be
                apposed = subject is not None and in_apposition(self.text, kept, subject, m)
                if subject is not None and agrees(subject, gender) and not apposed:
                    return subject
                # "As adviser to President X, she ...": a person named after a preposition earlier in the clause
                # is not who the subject pronoun stands for; "X, one of her advisers": nor is X
                fronted = frozenset(id(k.entity) for k in kept if k.entity is not None and (
                    k.extra.get("oblique") and m.extra.get("role") == "subj" or apposed and k.entity is subject))
                return self._most_salient(gender, besides=fronted)
            if subject is not None and topic_continues(self.text, m, kept, subject, gender):
                return subject  # "she is the President's adviser, a post created for her": her is she
            before = [k.entity for k in kept if k.entity is not None and k.entity.type == "Person"]
            for ent in [*reversed(before), *reversed(self.recent)]:
                if ent is not subject and agrees(ent, gender):
                    return ent
            return None
        if m.kind == "pair" and m.extra.get("countries"):  # "his French and German counterparts"
            held = [self._title(Mention(m.start, m.end, m.text, "title", country=country, titles=(m.extra["head"],),
                                        extra={"head": m.extra["head"]}), subject) for country in m.extra["countries"]]
            found = tuple(e for e in held if e is not None)
            return found if len(found) > 1 else (found[0] if found else None)
        if m.kind == "pair":
            persons = []
            for k in kept:
                if k.entity is not None and k.entity.type == "Person" and k.entity not in persons:
                    persons.append(k.entity)
            if len(persons) >= 2:
                return (persons[-2], persons[-1])
            # "the two ministers": the latest pair whose members both hold that role
            # "the two heads of state": both lead (not two foreign ministers)
            role = "leader" if re.match(r"\s+of\s+(?:state|government)\b", self.text[m.end:m.end + 16]) else \
                m.text.split()[-1].lower().rstrip("s")
            if role in ("minister", "president", "chancellor", "premier", "diplomat", "envoy"):
                for a, b in reversed(self.pairs[-6:]):
                    if all(holds_role(e.titles, role) for e in (a, b)):
                        return (a, b)
            if role == "leader" and not any(w in m.text.lower().split() for w in ("two", "both")):
                # "the leaders" after "A, B and C met D": all of them who lead (not an aide)
                for g in reversed(self.groups[-6:]):
                    leaders = tuple(e for e in g if not (e.titles & _NOT_LEADER and not e.titles & _LEADER))
                    if len(leaders) > 2:
                        return leaders
            if role == "leader":  # "the leaders": the latest pair of persons who both lead (not an aide)
                return next(((a, b) for a, b in reversed(self.pairs[-6:])
                             if not any(e.titles & _NOT_LEADER and not e.titles & _LEADER for e in (a, b))), None)
            return self.last_pair
        return None

    def _appositive_title(self, m: Mention, kept: list[Mention]) -> Entity | None:
        """The person a title in apposition after their name describes: "Mr. X, Prime Minister of Japan, ..."."""
        prev = kept[-1] if kept else None
        if (m.kind != "title" or prev is None or prev.kind not in ("name", "surname") or m.extra.get("appositive")
                or not isinstance(prev.entity, Entity) or prev.entity.type != "Person"
                or not re.fullmatch(r",\s*", self.text[prev.end:m.start])
                or not re.match(r"\s*(?:[,.;:)—–]|$)", self.text[m.end:m.end + 3])  # "After meeting A, the X leader said"
                or m.country and prev.entity.countries and m.country not in prev.entity.countries):
            return None
        prev.entity.titles.update(m.titles)
        if m.country:
            prev.entity.countries.add(m.country)
        return prev.entity

    def _quoted(self, m: Mention) -> tuple[int, int] | None:
        """The quotation ``m`` stands in, or None (quotations are sorted and do not overlap)."""
        k = bisect_right(self.quote_starts, m.start) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k][0] < m.start < self.quotes[k][1] else None

    def _in_slot(self, m: Mention) -> bool:
        """True when ``m`` is the speaker named beside a quotation ('"...," he said')."""
        k = bisect_right(self.quote_starts, m.start)
        for a, b in self.quotes[max(0, k - 1):k + 1]:  # the quotation before it and the one after it
            if b <= m.start <= b + 80 or a - 80 <= m.start < a:
                slot = speaker_slot(self.text, a, b)
                if slot and slot[0] <= m.start < slot[1]:
                    return True
        return False

    def _speaker(self, m: Mention) -> Entity | None:
        """The person a first-person "I"/"me" stands for: the speaker of its quotation ('"I met her," X said')."""
        quote = self._quoted(m)
        slot = speaker_slot(self.text, *quote) if quote else None
        if slot is None:  # "BERG: I met him in June": the transcript turn's speaker, named earlier in full
            name = None if quote else turn_speaker(self.text, m.start)  # "Minister (Deputy Ann Ruiz):" names her
            known = next((e for e in self.persons.values() if name and fold(e.label.split()[-1]) == fold(name.split()[-1])), None)
            return known or (self._person(name, (), None, create=True) if name else None)
        k = bisect_left(self.raw_starts, slot[0])
        said = next((r for r in self.raw[k:k + 8] if slot[0] <= r.start < slot[1]
                     and r.kind in ("name", "surname", "title", "pronoun")), None)
        if said is None:
            return None
        if said.kind == "pronoun":
            return self.last_subject if said.extra.get("role") == "subj" else None
        ent = self._resolve(said, [], None)
        return ent if isinstance(ent, Entity) and ent.type == "Person" else None

    def _title(self, m: Mention, subject: Entity | None) -> Entity | None:
        head = m.extra.get("head", "")
        words = set(m.titles)

        def fits(e: Entity) -> bool:
            if m.country and m.country not in e.countries:
                return False
            if head == "counterpart":
                return e is not subject and bool(m.country)
            if head == "leader":
                return bool(e.titles & _LEADER)
            if head in ("president", "secretary", "minister", "chancellor", "king", "spokesperson", "adviser"):
                return head in e.titles or (head == "minister" and any("minister" in t for t in e.titles))
            return set(head.split()) <= e.titles or (words - {"the"}) <= e.titles
        if not m.country and (head not in ("counterpart", "leader") or "state" in words) and \
                _CAPITALISED_TITLE.match(m.text):
            # "The Prime Minister spoke to ...", "the Head of State received ..." in a readout: the capitalised
            # bare title is the principal,
            # the first person the document gave that title, not the latest one mentioned
            # (a holder the gazetteer supplied for "the Prime Minister of X" yields to one the text names)
            first = next((e for e in self.seen if fits(e) and id(e) not in self.looked_up), None) or next(
                (e for e in self.seen if fits(e)), None)
            if first is not None:
                return first
        rank = office_rank(subject.titles) if head == "counterpart" and subject is not None else None
        for ent in sorted(reversed(self.recent), key=lambda e: rank is not None and office_rank(e.titles) != rank):
            if fits(ent):  # "his Iranian counterpart" of a minister: the Iranian minister named last, then anyone
                return ent
        for ent in self.persons.values():
            if fits(ent):
                return ent
        if m.country and head not in DESCRIPTIONS:  # an office has a holder to look up; a description has none
            ref = self.linker.role(m.country, head if head != "leader" else "head_of_state")
            if ref is not None:
                holder = self._person(ref.label, m.titles, m.country, create=True)
                if holder is not None and holder.label not in self.named:
                    self.looked_up.add(id(holder))
                return holder
        return None
