"""Actor mentions in a sentence: names with titles, countries, organisations, titles, pronouns.

Detection is token-based over the shared spaCy tokenizer.  A *mention* is a
character span plus what it says about the actor (name, titles, country);
:mod:`kg.extract.coref` turns mentions into document entities.

>>> from kg.extract.nlp import get_nlp
>>> [sent] = sentences(get_nlp()("Russian President Vladimir Putin met the Belarusian leader in Minsk."))
>>> [(m.text, m.kind, m.name, m.country) for m in find_mentions(sent, headline=False)]
[('Russian President Vladimir Putin', 'name', 'Vladimir Putin', 'Russia'), ('the Belarusian leader', 'title', None, 'Belarus'), ('Minsk', 'country', 'Belarus', 'Belarus')]
"""

from __future__ import annotations

import re

from kg.extract.lexicon import AMBIGUOUS_GIVEN, DEMONYMS, DESCRIPTIONS, HYPHEN_MODIFIERS, \
    IMPERATIVES, LAW_WORDS, NON_NAME, ORGANIZATIONS, PLACE_HEADS, POST_NOMINALS, ROLE_NOUNS, TITLE_MODIFIERS, \
    TITLE_WORDS
from kg.extract.name_context import describes_name as _describes_name, modifier_end as _modifier_end
from kg.extract.descriptions import GOVERNING, aged_description as _aged_description, counted_nationals, \
    state_by_organ
from kg.extract.segments import Mention, Sentence, Token, cap as _cap, is_headline, sentences
from kg.extract.titles import aide_name_at, role_head, title_prefix
from kg.extract.spans import demonym_roles as _demonym_roles, office_of_title as _office_of_title, joined_org as _joined_org, lex_country as _lex_country, match_lexicon as _match_lexicon, \
    merge_affiliations as _merge_affiliations, merge_title_of_country as _merge_title_of_country, \
    listed_name, org_run as _org_run, org_span_from as _org_span_from, organ_of, plural_roles as _plural_roles, \
    recognised_org_end as _recognised_org_end, role_of_body as _role_of_body, serial_at, starts_lexicon_entry

__all__ = ["Mention", "Sentence", "Token", "find_mentions", "is_headline", "sentences"]

#: title words that, lower-case after a title, are adverbs or adjectives of the clause ("the President then said")
_TRAILING_ADVERBS = frozenset({"then", "new", "top", "senior", "former", "acting", "the", "a", "an"})
PRONOUNS = {"he": "subj", "she": "subj", "him": "obj", "her": "obj"}
#: lower-case words that may open a mention (the rest are skipped: see find_mentions)
_LOWER_STARTS = frozenset({"the", "both", "they", "his", "her", "their", "a", "an", "me", "i"}) | frozenset(PRONOUNS) | \
    TITLE_WORDS | frozenset(DEMONYMS) | GOVERNING
PAIR_WORDS = {"they", "both"}
_SKIP_LOWER = {"the", "a", "an", "his", "her", "its", "their", "new", "then"}
_PAIR_NOUNS = {"leaders", "presidents", "men", "women", "ministers", "heads", "diplomats", "counterparts", "envoys",
               "statesmen", "politicians", "premiers", "chancellors", "neighbours", "neighbors", "allies", "rivals"}
_PAIR_FOLLOWERS = {"also", "have", "had", "has", "will", "would", "met", "discussed", "agreed", "held", "spoke", "talked",
                   "are", "were", "did", "had", "last", "first", "later", "then", "shook", "sat", "could", "may",
                   "might", "should", "can", "cannot", "won't", "didn't", "signed", "planned", "plan", "expected"}
_AFTER_OBJ_PRONOUN = {"and", "for", "to", "in", "on", "as", "at", "about", "with", "from", "that", "after", "before",
                      "during", "since", "but", "or", "the", "a", "an", "over", "by", "last", "this", "when", "while"}
#: plural role nouns that, after "the"/"both" and before a verb, refer back to the last pair of persons
_PLURAL_LEADERS = frozenset({"leaders", "presidents", "premiers", "chancellors"})
#: the members of an armed group or movement acting as it ("Hamas militants", "Houthi rebels", "Taliban fighters")
_MEMBERS_NOUNS = {"militants", "fighters", "rebels", "gunmen", "forces", "authorities", "militia", "militiamen",
                  "insurgents", "guerrillas", "leadership", "government"}
_NAME_PARTICLES = {"de", "al", "bin", "van", "von", "da", "del", "la", "le", "el", "ibn", "der"}


#: a law's title: bracketed parts ("the Russia (Sanctions) (EU Exit) Regulations 2019") or "Act"/"Regulations"
#: after capitalised words that own nothing ("the Russia Sanctions Act 2022"; not "Trump's Executive Order")
_LAW_TITLE = re.compile(r"\b[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,4}(?:\s*\([^()\n]{1,40}\))+\s*(?:Regulations|Order|Act|Rules|"
                        r"Decree)(?:\s+\d{4})?|\b[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|on)){1,7}\s+(?:Act|Regulations)\b")

#: capitalised words that are names only inside a recogniser's PERSON span (months, modals, given names)
_NAME_WORDS_ALSO_COMMON = frozenset({"May", "June", "April", "August", "Will", "Mark", "Grant", "Rose", "Joy", "Hope",
                                     "Faith", "Bill", "Major", "Power", "Rice", "Gay", "King", "Young", "Love"})


def find_mentions(sent: Sentence, *, headline: bool, known: set[str] | None = None,
                  text: str | None = None) -> list[Mention]:
    """Mentions in ``sent``, left to right, non-overlapping.

    ``headline`` sentences (title case) only yield lexicon entries and names in
    ``known`` (lower-cased name tokens of persons found elsewhere in the document).
    """
    known = known or set()
    if text is None:  # offsets are document offsets; a lone sentence is its own document
        text = " " * sent.start_char + sent.text
    out: list[Mention] = []
    toks = sent.toks
    n = len(toks)
    hyphened = "-" in sent.text or "–" in sent.text  # only then can a name be a modifier ("Iran-backed")
    i = 0
    while i < n:
        tok = toks[i]
        low = tok.text.lower()
        if low not in _LOWER_STARTS and not _cap(tok) and not starts_lexicon_entry(tok.text):
            i += 1  # fast path: a lower-case word that opens no mention (most words of a sentence)
            continue
        if low in ("the", "both") and i + 3 < n and toks[i + 1].text.lower() == "heads" and \
                toks[i + 2].text.lower() == "of" and toks[i + 3].text.lower() in ("state", "government") and \
                not (i + 4 < n and toks[i + 4].text.lower() == "of"):  # "the heads of state of A and B": by country
            # "The Heads of State held talks": the last pair of leaders (the words after "heads" give the role)
            out.append(Mention(tok.idx, toks[i + 1].idx + 5, text[tok.idx:toks[i + 1].idx + 5], "pair"))
            i += 4
            continue
        office = _office_of_title(toks, i, text) if low == "the" or _cap(tok) else None
        if office is not None:  # "the Prosecutor General's Office", "the Prime Minister's Office": a body
            out.append(office[0])
            i = office[1]
            continue
        if low in ("the", "his", "her", "their") and i + 3 < n:
            row = _demonym_roles(toks, i, text)
            if row is not None:  # "his French and German counterparts": the holder of the role in each country
                out.append(row[0])
                i = row[1]
                continue
        if low == "the" and i + 2 < n:
            plural = _plural_roles(toks, i, text)
            if plural is not None:  # "the presidents of Congo and Rwanda": one title mention per country
                out.extend(plural[0])
                i = plural[1]
                continue
        skip = _modifier_end(toks, i + (low in ("the", "a", "an"))) if hyphened and (_cap(tok) or low in (
            "the", "a", "an")) else None
        if skip is not None:  # "(the) Hong Kong-based", "Iran-backed", "UAE-registered": describes a name, is none
            i = skip
            continue
        # multi-token lexicon entries first (countries, organisations, metonyms)
        if low == "the" and i + 1 < n and _match_lexicon(toks, i + 1) is not None:
            i += 1
            continue
        if _cap(tok) and sent.ner:
            joined = _joined_org(toks, i, text, sent.ner)
            if joined is not None:  # "Concord Management and Consulting": one body, not a person and a surname
                out.append(joined[0])
                i = joined[1]
                continue
        if _cap(tok) or low == "the":
            org = _org_run(toks, i, text)
            longer = _match_lexicon(toks, i + (low == "the")) if org is not None else None
            if org is not None and longer is not None and longer[2] == "Organization" and longer[0] > org[1]:
                org = None  # "the Department of Foreign Affairs and Trade": the known body, whole
                if low == "the":
                    i += 1
                    continue
            if org is not None and sent.ner:
                org = _recognised_org_end(org, toks, text, sent.ner)  # "Capital Tap": the body goes on past "Capital"
            pre = title_prefix(toks[i:])[0] if org is not None and i + 1 < n and (
                toks[i + 1].text == "of" or low in TITLE_WORDS) else 0
            if org is not None and pre and i + pre >= org[1] and i + pre < n and _cap(toks[i + pre]):
                # "Chairman of the National Assembly Nguyen Van Khiem", "His Excellency General of Army X": the body
                # or rank is part of a title
                org = None
            role = _role_of_body(toks, i) if org is not None else None
            if role is not None and org is not None:  # "the President of the National Council": a person's office, not the body
                end, i = org[0].end, org[1]
                if i + 2 < n and toks[i].text == "(" and toks[i + 1].text.isupper() and toks[i + 2].text == ")":
                    end, i = toks[i + 2].idx + 1, i + 3  # "... the Homeland (CNSP)": the body's acronym is in the title
                out.append(Mention(org[0].start, end, text[org[0].start:end], "title", titles=(role,),
                                   extra={"head": ROLE_NOUNS[role]}))
                continue
            if org is not None and org[1] - i > 1:
                out.append(org[0])
                i = org[1]
                continue
        lex = _match_lexicon(toks, i)
        if lex is not None and lex[0] == i + 1 and lex[0] < n and _cap(toks[lex[0]]) and \
                _person_starts_at(tok, sent.ner):
            lex = None  # "Israel Ziv", "Jordan Bardella": the recogniser reads a given name, not a country
        if lex is not None and lex[2] == "Country" and lex[0] < n and _cap(toks[lex[0]]) and \
                not _title_follows(toks, lex[0]):
            org_end = _org_span_from(toks[i - 1] if i and toks[i - 1].text.lower() == "the" else tok, toks[lex[0]],
                                     sent.ner)
            if org_end is not None:  # "Beirut Gold Exchange", "Iran Air": a body named after its place
                j = lex[0]
                while j < n and toks[j].idx + len(toks[j].text) <= org_end:
                    j += 1
                e = toks[j - 1].idx + len(toks[j - 1].text)
                out.append(Mention(tok.idx, e, text[tok.idx:e], "org", "Organization", text[tok.idx:e]))
                i = j
                continue
        if lex is not None and _title_follows(toks, lex[0]):
            k = lex[0] + (lex[0] < n and toks[lex[0]].text in ("’s", "'s"))
            office = _org_run(toks, k, text) if k < n and _cap(toks[k]) else None
            if office is not None and lex[2] == "Country":  # "Norway's Foreign Ministry": the state, then its office
                e = toks[lex[0] - 1].idx + len(toks[lex[0] - 1].text)
                out.append(Mention(tok.idx, e, text[tok.idx:e], "country", "Country", lex[1], country=lex[1]))
                out.append(office[0])
                i = office[1]
                continue
            m, j = _person_or_title(text, toks, i, headline, known, sent.ner)
            if m is not None:
                out.append(m)
                i = j
                continue
        organ = state_by_organ(toks, i, text, demonym=lex is None or lex[2] == "Country")
        if organ is not None:  # "the junta in Niger", "Belarusian authorities released": the state acts
            out.append(organ[0])
            i = organ[1]
            continue
        if lex is not None:
            j, canon, typ = lex
            if typ == "Organization" and j < n and toks[j].text.lower() in _MEMBERS_NOUNS:
                j += 1  # "Hamas militants freed", "Taliban authorities released": the group acts
            if not (j < n and _cap(toks[j]) and toks[j].text not in NON_NAME and typ == "Country"
                    and toks[i].text.lower() in DEMONYMS):
                out.append(Mention(tok.idx, toks[j - 1].idx + len(toks[j - 1].text),
                                   text[tok.idx:toks[j - 1].idx + len(toks[j - 1].text)],
                                   "country" if typ == "Country" else "org", typ, canon, country=canon
                                   if typ == "Country" else None))
                i = j
                continue
        listed = listed_name(toks, i, text) if tok.text.isupper() and len(tok.text) > 2 else None
        if listed is not None:  # "SMIRNOV, Alexei Petrovich; DOB ...": a sanctions list's entry for a person
            out.append(listed[0])
            i = listed[1]
            continue
        if low == "the" and i + 1 < n and toks[i + 1].text in ("latter", "former") and (
                i + 2 >= n or not toks[i + 2].is_alpha or toks[i + 2].text.lower() not in TITLE_WORDS
                and not _cap(toks[i + 2]) and toks[i + 2].text.lower() not in ("one", "two")
                and toks[i + 2].text.lower() not in DESCRIPTIONS and not _describes_name(toks, i + 2)):
            # "the latter warned", "the former said": the second or first of the two persons named last
            e = toks[i + 1].idx + len(toks[i + 1].text)
            out.append(Mention(tok.idx, e, text[tok.idx:e], "pronoun", extra={"role": toks[i + 1].text}))
            i += 2
            continue
        if tok.text in ("I", "me") and not (i > 0 and _cap(toks[i - 1]) and tok.text == "I"):
            # first person: the speaker of the quotation it stands in, if any (coref decides); not "Charles I"
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun", extra={"role": "speaker"}))
            i += 1
            continue
        if low in ("his", "her") and _before_aide(toks, i + 1) and not (i and toks[i - 1].text.lower() == "as"):
            # "her chief of staff, X": the one X advises (coreference reads it as it reads "she")
            out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun", extra={"role": "poss"}))
            i += 1
            continue
        if low in PRONOUNS and tok.text in ("he", "she", "him", "her", "He", "She"):
            if not (low == "her" and i + 1 < n and toks[i + 1].is_alpha
                    and toks[i + 1].text.lower() not in _AFTER_OBJ_PRONOUN):
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun", extra={"role": PRONOUNS[low]}))
                i += 1
                continue
        aged = _aged_description(toks, i, text) if low == "the" else None
        if aged is not None:  # "the 52-year-old former ambassador": the person just named
            out.append(aged[0])
            i = aged[1]
            continue
        nationals = counted_nationals(toks, i)
        if nationals:  # "two Danes", "12 Britons", "Two Danes": counted nationals, no name
            i = nationals
            continue
        if low in ("the", "both", "they", "his", "her", "their") or (_cap(tok) or low in TITLE_WORDS or low in DEMONYMS):
            m, j = _person_or_title(text, toks, i, headline, known, sent.ner)
            if m is not None:
                out.append(m)
                i = j
                continue
        i += 1
    out = [organ_of(m, text) for m in out]
    laws = [(sent.start_char + a.start(), sent.start_char + a.end()) for a in _LAW_TITLE.finditer(sent.text)]
    if laws:  # "the Russia (Sanctions) (EU Exit) Regulations 2019": a law's title names no actor
        out = [m for m in out if not any(a <= m.start and m.end <= b for a, b in laws)]
    return _merge_affiliations(_merge_title_of_country(out, text), text) if len(out) > 1 else out


def _title_follows(toks: list["Token"], j: int) -> bool:
    """True when token ``j`` (after an optional possessive) is a title word: "Kremlin leader", "Russia's president"."""
    if j < len(toks) and toks[j].text in ("’s", "'s", "’", "'"):
        j += 1
    while j + 1 < len(toks) and toks[j].text.lower() in TITLE_MODIFIERS:
        j += 1  # "Japan's new prime minister"
    return j < len(toks) and toks[j].text.lower() in TITLE_WORDS and toks[j].text.lower() not in _SKIP_LOWER


def _person_starts_at(tok: "Token", ner: tuple[tuple[int, int, str], ...]) -> bool:
    """True when a recogniser's PERSON span of several words starts at ``tok`` ("Israel Ziv": not Israel)."""
    return any(a == tok.idx and b > tok.idx + len(tok.text) and label == "PERSON" for a, b, label in ner)


def _in_person_span(tok: "Token", ner: tuple[tuple[int, int, str], ...]) -> bool:
    """True when a recogniser's PERSON span holds ``tok`` after its first word ("Theresa May", "Mark Grant")."""
    return tok.text in _NAME_WORDS_ALSO_COMMON and any(a < tok.idx < b and label in ("PERSON", "NAME")
                                                       for a, b, label in ner)


def _one_person_span(first: "Token", tok: "Token", ner: tuple[tuple[int, int, str], ...]) -> bool:
    """True when one recogniser PERSON span holds both ``first`` and ``tok`` ("Jacques Paris", "Paris" a surname)."""
    return any(a <= first.idx and tok.idx + len(tok.text) <= b and label == "PERSON" for a, b, label in ner)


def _person_or_title(text: str, toks: list["Token"], i: int, headline: bool,
                     known: set[str], ner: tuple[tuple[int, int, str], ...] = ()) -> tuple[Mention | None, int]:
    """A person name (with any title prefix) or a bare title NP starting at token ``i``."""
    n = len(toks)
    j = i
    # the prefix: articles, possessives, demonyms, countries' + 's, title words in any case
    pre, words, country = title_prefix(toks[i:])
    if pre and country and not words and _person_starts_at(toks[i], ner):
        pre, country = 0, None  # "Israel Ziv": the recogniser reads a given name, not a country before a name
    j = i + pre
    aide_at = aide_name_at(toks, i, j, words)
    if aide_at is not None:  # "Aide to the President of Russia Yuri Ushakov": the title is the advisee's
        end = toks[j - 1].idx + len(toks[j - 1].text)
        return Mention(toks[i].idx, end, text[toks[i].idx:end], "title", titles=tuple(words), country=country,
                       extra={"head": role_head(words), "advisee": True}), aide_at
    # the name: capitalised tokens, initials, hyphen-joined parts, name particles
    k = j
    while k < n and (_cap(toks[k]) or (toks[k].text.lower() in _NAME_PARTICLES and k > j and k + 1 < n
                                        and (_cap(toks[k + 1]) or (toks[k + 1].text.lower() in _NAME_PARTICLES
                                                                   and k + 2 < n and _cap(toks[k + 2]))
                                             or (toks[k + 1].text in "-–" and toks[k].whitespace_ == ""
                                                 and toks[k + 1].whitespace_ == "" and k + 2 < n and _cap(toks[k + 2]))))
                     or (toks[k].text in "-–" and toks[k - 1].whitespace_ == "" and toks[k].whitespace_ == ""
                         and k + 1 < n and (_cap(toks[k + 1]) or _given_suffix(toks, k, j)) and k > j)
                     or (k > j + 1 and toks[k - 1].text in "-–" and _given_suffix(toks, k - 1, j))):
        if k == 0 and (len(toks[k].text) > 5 and toks[k].text.endswith("ing") or toks[k].text in IMPERATIVES) and \
                k + 1 < n and _cap(toks[k + 1]):
            break  # "Releasing Tsikhanouski, ...", "Imagine Chen ...": a sentence-initial verb, not a given name
        if (toks[k].text in NON_NAME and not ((k == j and toks[k].text in AMBIGUOUS_GIVEN and k + 1 < n
                                                and _cap(toks[k + 1]) and toks[k + 1].text not in NON_NAME)
                                               or (k > j and _in_person_span(toks[k], ner)))) \
                or k > j and toks[k].text in POST_NOMINALS \
                or (_lex_country(toks[k].text) or toks[k].text in ORGANIZATIONS) and not (
                    k > j and _one_person_span(toks[j], toks[k], ner)):  # "Jacques Paris": a family name
            break
        k += 1
    name_toks = toks[j:k]
    if name_toks and (name_toks[-1].text in LAW_WORDS or k < n and toks[k].text in LAW_WORDS):
        return None, k + 1  # "the Special Economic Measures Act", "the Magnitsky Act": a law, not an actor
    if name_toks and (k < n and toks[k].text in PLACE_HEADS or len(name_toks) > 1 and name_toks[-1].text in PLACE_HEADS
                      and not _one_person_span(name_toks[0], name_toks[-1], ner)):
        return None, k + 1  # "Ho Chi Minh City", "Kherson Oblast": a place named after someone or something
    if name_toks and name_toks[-1].text in "-–":
        name_toks, k = name_toks[:-1], k - 1
    if (len(name_toks) >= 3 and 2 <= len(name_toks[0].text) <= 5 and name_toks[0].text.isalpha()
            and name_toks[0].text.isupper() and not name_toks[1].text.isupper() and not headline):
        # "NSA Ajit Doval", "EAM S. Jaishankar": an acronym of an office or body is no part of a name
        words = words + [name_toks[0].text.lower()]
        name_toks = name_toks[1:]
        j += 1
    # "Slovak Prime Minister Robert Fico": an unknown demonym before a title; the name follows the last title word
    cut = max((x for x, t in enumerate(name_toks[:-1]) if t.text.lower() in TITLE_WORDS
               and t.text.lower() not in _SKIP_LOWER and t.text[0].isupper() and t.text not in NON_NAME), default=None)
    if cut is not None and _cap(name_toks[cut + 1]) and name_toks[cut + 1].text.lower() not in TITLE_WORDS:
        words = words + [t.text.lower() for t in name_toks[:cut + 1] if t.text.lower() in TITLE_WORDS]
        name_toks = name_toks[cut + 1:]
        j = k - len(name_toks)
    # organisation: capitalised run ending in an organisation head word
    org = _org_run(toks, i, text)
    if org is not None and not (name_toks and j >= org[1] and i + 1 < n and (
            toks[i + 1].text == "of" or toks[i].text.lower() in TITLE_WORDS)):
        # not "Chairman of the National Assembly X", "His Excellency General of Army X": a title
        return org
    if name_toks and j == i and i > 1 and toks[i - 1].text in "-–" and not toks[i - 1].whitespace_ and \
            not toks[i - 2].whitespace_ and _cap(toks[i - 2]) and not _one_person_span(toks[i - 2], name_toks[-1], ner):
        return None, k  # "the Forum on China-Africa Cooperation": the rest of a compound, not a name
    parts = [t.text for t in name_toks if t.text not in "-–"]
    has_hyphen = any(t.text in "-–" for t in name_toks)
    if parts and parts[-1] in ("’s", "'s"):
        parts = parts[:-1]
    if parts:
        start, end = toks[i].idx, name_toks[-1].idx + len(name_toks[-1].text)
        while toks[i].text.lower() in _SKIP_LOWER and i < j and not (toks[i].text == "New" and country):
            i += 1
            start = toks[i].idx
        name = text[name_toks[0].idx:end]
        if headline and not all(p.lower().split("-")[0] in known for p in parts):
            # title case: keep only the known surname the run starts with ("Putin Summit")
            if parts[0].lower().split("-")[0] in known and not words:
                first = name_toks[0]
                return Mention(first.idx, first.idx + len(first.text), first.text, "surname", name=first.text), j + 1
            return None, i + 1
        if not words and k < n and serial_at(toks, k) and not (k + 1 < n and _cap(toks[k + 1])):
            # "Ocean Pioneer 2", "Sokol 7": a name with a serial number is a thing's or a body's, not a person's
            end = toks[k].idx + len(toks[k].text)
            return Mention(start, end, text[start:end], "org", "Organization", text[name_toks[0].idx:end],
                           extra={"serial": True}), k + 1
        if len(parts) == 1 and not words and not has_hyphen:
            if parts[0].isupper() and len(parts[0]) > 1 and "." not in parts[0]:
                if i == 0 and k < len(toks) and toks[k].text in ("—", "–", "-", ",", "("):
                    return None, k  # a dateline ("ROME —", "BALI, Indonesia (Reuters)"), not an actor
                return Mention(start, end, text[start:end], "acronym", "Organization", parts[0]), k
            return Mention(start, end, text[start:end], "surname", name=name, country=country), k
        if has_hyphen and not words and len([p for p in name.split() if p]) == 1:
            return Mention(start, end, text[start:end], "surname", name=name, country=country), k
        kind = "name" if len(parts) > 1 else "surname"
        return Mention(start, end, text[start:end], kind, name=name, titles=tuple(words), country=country), k
    # a bare title NP: "the Belarusian leader", "his Russian counterpart", "The Secretary"
    if words and (toks[i].text.lower() in ("the", "his", "her", "their") or country or _cap(toks[i])):
        owner = next((k for k in range(i + 1, j) if toks[k].text in ("’s", "'s")), None)
        if owner is not None and toks[owner - 1].text.lower() in ROLE_NOUNS and toks[owner - 1].text[0].isupper():
            # "the President's special adviser": the President, then the role his or hers
            k = sum(1 for t in toks[i:owner] if t.text.lower() in TITLE_WORDS and t.text.lower() != "the")
            words, j = words[:k], owner
        # "The Prime Minister then spoke": an adverb after the title is not part of it
        while len(words) > 1 and j - 1 > i and toks[j - 1].text in _TRAILING_ADVERBS and words[-1] == toks[j - 1].text:
            words = words[:-1]
            j -= 1
        head = role_head(words)
        if head is None and words and words[-1] in DESCRIPTIONS and toks[i].text.lower() not in ("a", "an") and not (
                i and toks[i - 1].text.lower() in ("a", "an", "another", "one")) and (
                country or toks[i].text.lower() in ("the", "his", "her", "their")):
            head = words[-1]  # "the Australian journalist": the person the story describes so
        if head:
            end_tok = toks[j - 1]
            if toks[j - 1].text in ("’s", "'s", "’", "'"):
                return None, j
            start = toks[i].idx
            return Mention(start, end_tok.idx + len(end_tok.text), text[start:end_tok.idx + len(end_tok.text)],
                           "title", titles=tuple(words), country=country, extra={"head": head}), j
    low = toks[i].text.lower()
    if (low in ("the", "both") and i + 1 < n and toks[i + 1].text.lower() in _PLURAL_LEADERS
            and (i + 2 >= n or toks[i + 2].text.lower() in _PAIR_FOLLOWERS or not toks[i + 2].is_alpha)):
        # "The leaders also spoke by phone": the last pair of persons (not "the leaders of X and Y")
        m = toks[i + 1]
        return Mention(toks[i].idx, m.idx + len(m.text), text[toks[i].idx:m.idx + len(m.text)], "pair"), i + 2
    if low == "the" and i + 2 < n and toks[i + 1].text.lower() == "two":
        nxt = toks[i + 2].text.lower()
        if nxt not in _PAIR_NOUNS and nxt not in _PAIR_FOLLOWERS and toks[i + 2].is_alpha:
            return None, i + 1  # "the two teams", "the two countries": not a pair of persons
        m = toks[i + 2] if nxt in _PAIR_NOUNS else toks[i + 1]
        return Mention(toks[i].idx, m.idx + len(m.text), text[toks[i].idx:m.idx + len(m.text)], "pair"), i + 2 + (m is toks[i + 2])
    if low in PAIR_WORDS and toks[i].text[0].isupper() == (i == 0) or low == "they":
        if low in PAIR_WORDS:
            return Mention(toks[i].idx, toks[i].idx + len(toks[i].text), toks[i].text, "pair"), i + 1
    return None, i + 1


#: role nouns of one who works for a person ("her chief of staff", "his senior adviser")
_AIDE_WORDS = frozenset({"adviser", "advisor", "aide", "counsellor", "counselor"})


def _before_aide(toks: list[Token], j: int) -> bool:
    """True when an adviser's role noun follows ``j`` within three words ("chief of staff", "top aide").

    >>> from kg.extract.nlp import get_nlp
    >>> toks = sentences(get_nlp()("Her chief of staff, Ana Ruiz, said so."))[0].toks
    >>> _before_aide(toks, 1), _before_aide(toks, 4)
    (True, False)
    """
    words = [t.text.lower() for t in toks[j:j + 4]]
    if words[:3] == ["chief", "of", "staff"]:
        return True
    for w in words[:4]:
        if w.rstrip("s") in _AIDE_WORDS:
            return True
        if not w.isalpha() or w in ("and", "or", "the", "of", "to"):
            return False
    return False


def _given_suffix(toks: list["Token"], h: int, j: int) -> bool:
    """True when the hyphen at ``h`` joins a short lower-case part to a given name ("Lee Jae-myung", "Kim Jong-un")."""
    if h + 1 >= len(toks) or h - j < 2:
        return False
    prev, nxt = toks[h - 1], toks[h + 1]
    return (prev.whitespace_ == "" and toks[h].whitespace_ == "" and len(prev.text) <= 5 and nxt.is_alpha
            and nxt.text.islower() and len(nxt.text) <= 5 and nxt.text not in HYPHEN_MODIFIERS)
