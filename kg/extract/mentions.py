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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.extract.lexicon import (
    AMBIGUOUS_GIVEN, COUNTRY_FORMS, DEMONYMS, HYPHEN_MODIFIERS, METONYMS, NON_NAME, ORG_HEADS, ORGANIZATIONS, ROLE_NOUNS,
    TITLE_WORDS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: title words that, lower-case after a title, are adverbs or adjectives of the clause ("the President then said")
_TRAILING_ADVERBS = frozenset({"then", "new", "top", "senior", "former", "acting", "the", "a", "an"})
PRONOUNS = {"he": "subj", "she": "subj", "him": "obj", "her": "obj"}
PAIR_WORDS = {"they", "both"}
_CONNECT = {"of", "for", "the"}
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
_STATE_NOUNS = {"authorities", "government", "regime", "junta", "military"}
_NAME_PARTICLES = {"de", "al", "bin", "van", "von", "da", "del", "la", "le", "el", "ibn", "der"}


#: capitalised words that are names only inside a recogniser's PERSON span (months, modals, given names)
_NAME_WORDS_ALSO_COMMON = frozenset({"May", "June", "April", "August", "Will", "Mark", "Grant", "Rose", "Joy", "Hope",
                                     "Faith", "Bill", "Major", "Power", "Rice", "Gay", "King", "Young", "Love"})


class Token:
    """The few token attributes the rules read, as plain Python (spaCy re-creates Token objects on access)."""

    __slots__ = ("text", "idx", "whitespace_", "is_alpha")

    def __init__(self, text: str, idx: int, whitespace_: str, is_alpha: bool) -> None:
        self.text, self.idx, self.whitespace_, self.is_alpha = text, idx, whitespace_, is_alpha


@dataclass
class Sentence:
    """One sentence: its character span in the document, its text and its tokens."""

    start_char: int
    end_char: int
    text: str
    toks: list[Token]
    #: entity spans a trained recogniser found: (document start, end, label); empty when not parsed
    ner: tuple[tuple[int, int, str], ...] = ()


def sentences(doc: "Doc", text: str | None = None) -> list[Sentence]:
    """The sentences of a spaCy ``Doc`` as plain objects.

    Reads token attributes in bulk (``Doc.to_array``): creating spaCy ``Token``
    objects one by one costs more than all the rules together.  Pass the
    document's ``text`` when you have it: ``Doc.text`` rebuilds it token by token.
    """
    from spacy.attrs import IDX, IS_ALPHA, LENGTH, SENT_START, SPACY

    if text is None:
        text = doc.text
    if not len(doc):
        return []
    arr = doc.to_array([IDX, LENGTH, SPACY, IS_ALPHA, SENT_START]).tolist()
    toks = [Token(text[i:i + n], i, " " if sp else "", bool(al)) for i, n, sp, al, _ in arr]
    starts = [k for k, row in enumerate(arr) if row[4] == 1 or k == 0] + [len(arr)]
    out = []
    for a, b in zip(starts, starts[1:]):
        first, last = toks[a], toks[b - 1]
        end = last.idx + len(last.text)
        out.append(Sentence(first.idx, end, text[first.idx:end], toks[a:b]))
    return out


@dataclass
class Mention:
    """One actor mention: a span of the document text and what it tells."""

    start: int
    end: int
    text: str
    kind: str  # name | surname | title | pronoun | pair | country | org | acronym
    type: str = "Person"
    name: str | None = None
    titles: tuple[str, ...] = ()
    country: str | None = None
    entity: Any = None  # set by coref: kg.extract.coref.Entity
    extra: dict[str, Any] = field(default_factory=dict)


def _cap(tok: "Token") -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def is_headline(sent: Sentence, *, first: bool = False) -> bool:
    """A line without a full stop that is in title case, or (``first``) the document's first line."""
    if sent.text.rstrip().endswith((".", "!", ".”", '."', ".’")):
        return False  # body sentences end with a full stop; headlines do not
    if first:
        return True
    if re.match(r"\s*(?:[-•*·▪]|\d{1,3}[.)])\s", sent.text):
        return False  # a bullet item ("- Vakhtang Gomelauri, Minister of Internal Affairs") is body text
    words = [t for t in sent.toks if t.is_alpha and len(t.text) > 3]
    if len(words) < 2:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) > 0.6


def _lex_country(text: str) -> str | None:
    return COUNTRY_FORMS.get(text) or METONYMS.get(text)


def _title_prefix(tokens: list["Token"]) -> tuple[int, list[str], str | None]:
    """Length of a leading title/country prefix of ``tokens``, its words, its country."""
    i, country = 0, None
    words: list[str] = []
    while i < len(tokens):
        t = tokens[i]
        low = t.text.lower()
        if t.text in ("’s", "'s", "’", "'"):
            i += 1
            continue
        if (i + 2 < len(tokens) and tokens[i + 1].text in ("-", "–") and not t.whitespace_
                and not tokens[i + 1].whitespace_ and f"{low}-{tokens[i + 2].text.lower()}" in TITLE_WORDS):
            words.append(f"{low}-{tokens[i + 2].text.lower()}")  # "Secretary-General", "Director-General"
            i += 3
            continue
        pair = f"{low} {tokens[i + 1].text.lower()}" if i + 1 < len(tokens) else ""
        if pair in DEMONYMS or (i + 1 < len(tokens) and f"{t.text} {tokens[i + 1].text}" in COUNTRY_FORMS):
            country = DEMONYMS.get(pair) or COUNTRY_FORMS.get(f"{t.text} {tokens[i + 1].text}")
            i += 2
            continue
        if low in DEMONYMS or t.text in COUNTRY_FORMS or (t.text in METONYMS and i + 1 < len(tokens)
                                                          and tokens[i + 1].text.lower() in TITLE_WORDS):
            country = DEMONYMS.get(low) or COUNTRY_FORMS.get(t.text) or METONYMS.get(t.text)
        elif low == "of":
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if not words or nxt not in TITLE_WORDS or nxt in ("the", "a", "an", "his", "her", "its", "their"):
                break
            words.append(low)
        elif low in TITLE_WORDS and low not in ("the", "a", "an") and not (i > 0 and low in ("his", "her", "its", "their")):
            words.append(low)
        elif low in ("the", "a", "an") and i == 0:
            pass
        else:
            break
        i += 1
    return i, words, country


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
    i = 0
    while i < n:
        tok = toks[i]
        low = tok.text.lower()
        if low == "the" and i + 2 < n:
            plural = _plural_roles(toks, i, text)
            if plural is not None:  # "the presidents of Congo and Rwanda": one title mention per country
                out.extend(plural[0])
                i = plural[1]
                continue
        # multi-token lexicon entries first (countries, organisations, metonyms)
        if low == "the" and i + 1 < n and _match_lexicon(toks, i + 1) is not None:
            i += 1
            continue
        if _cap(tok) or low == "the":
            org = _org_run(toks, i, text)
            if org is not None and org[1] - i > 1:
                out.append(org[0])
                i = org[1]
                continue
        lex = _match_lexicon(toks, i)
        if lex is not None and lex[0] == i + 1 and lex[0] < n and _cap(toks[lex[0]]) and \
                _person_starts_at(tok, sent.ner):
            lex = None  # "Israel Ziv", "Jordan Bardella": the recogniser reads a given name, not a country
        if lex is not None and _title_follows(toks, lex[0]):
            m, j = _person_or_title(text, toks, i, headline, known, sent.ner)
            if m is not None:
                out.append(m)
                i = j
                continue
        if lex is None and low in DEMONYMS and i + 1 < n and toks[i + 1].text.lower() in _STATE_NOUNS:
            # "Belarusian authorities released ...": the state acts
            e = toks[i + 1].idx + len(toks[i + 1].text)
            out.append(Mention(tok.idx, e, text[tok.idx:e], "country", "Country", DEMONYMS[low], country=DEMONYMS[low]))
            i += 2
            continue
        if lex is not None:
            j, canon, typ = lex
            if not (j < n and _cap(toks[j]) and toks[j].text not in NON_NAME and typ == "Country"
                    and toks[i].text.lower() in DEMONYMS):
                out.append(Mention(tok.idx, toks[j - 1].idx + len(toks[j - 1].text),
                                   text[tok.idx:toks[j - 1].idx + len(toks[j - 1].text)],
                                   "country" if typ == "Country" else "org", typ, canon, country=canon
                                   if typ == "Country" else None))
                i = j
                continue
        if low in PRONOUNS and tok.text in ("he", "she", "him", "her", "He", "She"):
            if not (low == "her" and i + 1 < n and toks[i + 1].is_alpha
                    and toks[i + 1].text.lower() not in _AFTER_OBJ_PRONOUN):
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "pronoun", extra={"role": PRONOUNS[low]}))
                i += 1
                continue
        if low in ("the", "both", "they", "his", "her", "their") or (_cap(tok) or low in TITLE_WORDS or low in DEMONYMS):
            m, j = _person_or_title(text, toks, i, headline, known, sent.ner)
            if m is not None:
                out.append(m)
                i = j
                continue
        i += 1
    return _merge_affiliations(_merge_title_of_country(out, text), text) if len(out) > 1 else out


def _title_follows(toks: list["Token"], j: int) -> bool:
    """True when token ``j`` (after an optional possessive) is a title word: "Kremlin leader", "Russia's president"."""
    if j < len(toks) and toks[j].text in ("’s", "'s", "’", "'"):
        j += 1
    while j + 1 < len(toks) and toks[j].text.lower() in ("new", "then", "former", "acting", "interim"):
        j += 1  # "Japan's new prime minister"
    return j < len(toks) and toks[j].text.lower() in TITLE_WORDS and toks[j].text.lower() not in _SKIP_LOWER


_FIRST_WORDS = frozenset(f.split()[0] for f in (*COUNTRY_FORMS, *METONYMS, *ORGANIZATIONS))
_MAX_WORDS = {w: max(len(f.split()) for f in (*COUNTRY_FORMS, *METONYMS, *ORGANIZATIONS) if f.split()[0] == w)
              for w in _FIRST_WORDS}


#: plural role nouns and their singular role ("the presidents of X and Y")
_PLURAL_ROLES = {"presidents": "president", "premiers": "prime minister",
                 "chancellors": "chancellor", "prime ministers": "prime minister", "foreign ministers": "foreign minister"}


def _plural_roles(toks: list["Token"], i: int, text: str) -> tuple[list[Mention], int] | None:
    """"the presidents of Congo and Rwanda" (at token ``i``): a title mention for each country's holder."""
    for words in (2, 1):
        noun = " ".join(t.text.lower() for t in toks[i + 1:i + 1 + words])
        if noun in _PLURAL_ROLES and i + 1 + words < len(toks) and toks[i + 1 + words].text.lower() == "of":
            break
    else:
        return None
    role, j = _PLURAL_ROLES[noun], i + 2 + words
    found: list[Mention] = []
    while j < len(toks):
        if toks[j].text.lower() == "the":
            j += 1
        lex = _match_lexicon(toks, j) if j < len(toks) else None
        if lex is None or lex[2] != "Country":
            break
        start, end = (toks[j].idx if found else toks[i].idx), toks[lex[0] - 1].idx + len(toks[lex[0] - 1].text)
        found.append(Mention(start, end, text[start:end], "title", titles=tuple(role.split()), country=lex[1],
                             extra={"head": role}))
        j = lex[0]
        if j < len(toks) and toks[j].text.lower() in ("and", ","):
            j += 1
            continue
        break
    return (found, j) if len(found) >= 2 else None


def _match_lexicon(toks: list["Token"], i: int) -> tuple[int, str, str] | None:
    first = toks[i].text
    if first not in _FIRST_WORDS:  # fast path: most tokens start no lexicon entry
        return None
    for length in range(_MAX_WORDS[first], 0, -1):
        if i + length > len(toks):
            continue
        span = toks[i:i + length]
        if length > 1 and any(t.text in "-–’'" for t in span):
            continue
        text = " ".join(t.text for t in span)
        if length == 1 and i + 1 < len(toks) and toks[i + 1].text in "-–" and toks[i].whitespace_ == "":
            # "Russia-Ukraine war": a modifier, not an actor
            return None
        if i > 0 and toks[i - 1].text in "-–" and toks[i - 1].whitespace_ == "" and toks[i - 2:i - 1] and \
                toks[i - 2].whitespace_ == "":
            return None
        canon = _lex_country(text)
        if canon:
            return i + length, canon, "Country"
        if text in ORGANIZATIONS:
            return i + length, ORGANIZATIONS[text], "Organization"
    return None


def _person_starts_at(tok: "Token", ner: tuple[tuple[int, int, str], ...]) -> bool:
    """True when a recogniser's PERSON span of several words starts at ``tok`` ("Israel Ziv": not Israel)."""
    return any(a == tok.idx and b > tok.idx + len(tok.text) and label == "PERSON" for a, b, label in ner)


def _in_person_span(tok: "Token", ner: tuple[tuple[int, int, str], ...]) -> bool:
    """True when a recogniser's PERSON span holds ``tok`` after its first word ("Theresa May", "Mark Grant")."""
    return tok.text in _NAME_WORDS_ALSO_COMMON and any(a < tok.idx < b and label in ("PERSON", "NAME")
                                                       for a, b, label in ner)


def _person_or_title(text: str, toks: list["Token"], i: int, headline: bool,
                     known: set[str], ner: tuple[tuple[int, int, str], ...] = ()) -> tuple[Mention | None, int]:
    """A person name (with any title prefix) or a bare title NP starting at token ``i``."""
    n = len(toks)
    j = i
    # the prefix: articles, possessives, demonyms, countries' + 's, title words in any case
    pre, words, country = _title_prefix(toks[i:])
    if pre and country and not words and _person_starts_at(toks[i], ner):
        pre, country = 0, None  # "Israel Ziv": the recogniser reads a given name, not a country before a name
    j = i + pre
    if pre and toks[j - 1].text.lower() in ("the", "a", "an", "his", "her", "their"):
        pass
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
        if k == 0 and len(toks[k].text) > 5 and toks[k].text.endswith("ing") and k + 1 < n and _cap(toks[k + 1]):
            break  # "Releasing Tsikhanouski, ...": a sentence-initial participle, not a given name
        if (toks[k].text in NON_NAME and not ((k == j and toks[k].text in AMBIGUOUS_GIVEN and k + 1 < n
                                                and _cap(toks[k + 1]) and toks[k + 1].text not in NON_NAME)
                                               or (k > j and _in_person_span(toks[k], ner)))) \
                or _lex_country(toks[k].text) or toks[k].text in ORGANIZATIONS:
            break
        k += 1
    name_toks = toks[j:k]
    if name_toks and name_toks[-1].text in "-–":
        name_toks, k = name_toks[:-1], k - 1
    # "Slovak Prime Minister Robert Fico": an unknown demonym before a title; the name follows the last title word
    cut = max((x for x, t in enumerate(name_toks[:-1]) if t.text.lower() in TITLE_WORDS
               and t.text.lower() not in _SKIP_LOWER and t.text[0].isupper() and t.text not in NON_NAME), default=None)
    if cut is not None and _cap(name_toks[cut + 1]) and name_toks[cut + 1].text.lower() not in TITLE_WORDS:
        words = words + [t.text.lower() for t in name_toks[:cut + 1] if t.text.lower() in TITLE_WORDS]
        name_toks = name_toks[cut + 1:]
        j = k - len(name_toks)
    # organisation: capitalised run ending in an organisation head word
    org = _org_run(toks, i, text)
    if org is not None:
        return org
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
        # "The Prime Minister then spoke": an adverb after the title is not part of it
        while len(words) > 1 and j - 1 > i and toks[j - 1].text in _TRAILING_ADVERBS and words[-1] == toks[j - 1].text:
            words = words[:-1]
            j -= 1
        head = _role_head(words)
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


def _given_suffix(toks: list["Token"], h: int, j: int) -> bool:
    """True when the hyphen at ``h`` joins a short lower-case part to a given name ("Lee Jae-myung", "Kim Jong-un")."""
    if h + 1 >= len(toks) or h - j < 2:
        return False
    prev, nxt = toks[h - 1], toks[h + 1]
    return (prev.whitespace_ == "" and toks[h].whitespace_ == "" and len(prev.text) <= 5 and nxt.is_alpha
            and nxt.text.islower() and len(nxt.text) <= 5 and nxt.text not in HYPHEN_MODIFIERS)


def _merge_title_of_country(out: list[Mention], text: str) -> list[Mention]:
    """"President of the United States of America Donald Trump": a title, "of" a country, then a name is one
    titled person (Kremlin and ministry readouts write titles this way)."""
    merged: list[Mention] = []
    i = 0
    while i < len(out):
        m = out[i]
        if (i + 2 < len(out) and m.kind == "title" and out[i + 1].kind == "country"
                and out[i + 2].kind == "name" and out[i + 2].name and not out[i + 2].titles
                and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[m.end:out[i + 1].start])
                and re.fullmatch(r"\s+", text[out[i + 1].end:out[i + 2].start])):
            person = out[i + 2]
            merged.append(Mention(m.start, person.end, text[m.start:person.end], "name", person.type, person.name,
                                  m.titles, out[i + 1].country or out[i + 1].name, extra=dict(person.extra)))
            i += 3
            continue
        merged.append(m)
        i += 1
    return merged


def _merge_affiliations(out: list[Mention], text: str) -> list[Mention]:
    """"NATO Secretary General Mark Rutte": an organisation right before a titled person is their affiliation."""
    merged: list[Mention] = []
    for m in out:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.kind in ("org", "acronym") and m.kind in ("name", "surname") and m.titles
                and text[prev.end:m.start].strip() in ("", "’s", "'s")):
            merged[-1] = Mention(prev.start, m.end, text[prev.start:m.end], m.kind, m.type, m.name, m.titles,
                                 m.country, extra=dict(m.extra, affiliation=prev.name))
            continue
        merged.append(m)
    return merged


def _role_head(words: list[str]) -> str | None:
    joined = " ".join(words)
    for phrase in sorted(ROLE_NOUNS, key=len, reverse=True):
        if joined.endswith(phrase):
            return ROLE_NOUNS[phrase]
    return None


def _org_run(toks: list["Token"], i: int, text: str) -> tuple[Mention, int] | None:
    """'[The] U.S. Department of the Treasury', 'Atlantic Council', 'the Boris Johnson government'."""
    k = i
    if toks[k].text.lower() == "the":
        k += 1
    begin = k
    last_cap = None
    while k < len(toks) and (_cap(toks[k]) or (toks[k].text.lower() in _CONNECT and last_cap is not None)
                             or (toks[k].text in "-–" and toks[k].whitespace_ == "")):
        if _cap(toks[k]):
            last_cap = k
        if toks[k].text in ORG_HEADS and k > begin - 1:
            end = k
            while end + 1 < len(toks) and toks[end + 1].text.lower() in ("of", "for") and end + 2 < len(toks) \
                    and (_cap(toks[end + 2]) or toks[end + 2].text.lower() == "the"):
                e2 = end + 2 + (1 if toks[end + 2].text.lower() == "the" else 0)
                while e2 < len(toks) and _cap(toks[e2]):
                    e2 += 1
                if e2 == end + 2:
                    break
                end = e2 - 1
            # keep going if the organisation name continues with capitalised words
            while end + 1 < len(toks) and _cap(toks[end + 1]) and toks[end + 1].text in ORG_HEADS:
                end += 1
            s, e = toks[begin].idx, toks[end].idx + len(toks[end].text)
            label = text[s:e]
            return Mention(s, e, label, "org", "Organization", label), end + 1
        k += 1
    # "<Person name> government/administration" -> the government as an organisation
    if last_cap is not None and last_cap + 1 < len(toks) and toks[last_cap + 1].text in ("government", "administration") \
            and last_cap - begin >= 1 and all(_cap(t) for t in toks[begin:last_cap + 1]):
        s, e = toks[begin].idx, toks[last_cap + 1].idx + len(toks[last_cap + 1].text)
        return Mention(s, e, text[s:e], "org", "Organization", text[s:e]), last_cap + 2
    return None
