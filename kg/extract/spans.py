"""Spans the mention finder reads as units: lexicon entries (countries, capitals, international
organisations), organisation names ending in a head word, "the presidents of X and Y", and the merges of
neighbouring mentions ("President of the United States Donald Trump", "NATO Secretary General Mark Rutte"), the
bodies the recogniser reads whole where the head word is not last ("Capital Tap", "Concord Management and
Consulting"), and the office a body's name opens with ("the President of the National Council").

>>> from kg.extract.nlp import get_nlp
>>> from kg.extract.segments import sentences
>>> [s] = sentences(get_nlp()("The Atlantic Council met."))
>>> m, end = org_run(s.toks, 0, s.text)
>>> (m.text, m.type, end)
('Atlantic Council', 'Organization', 3)
"""

from __future__ import annotations

import re

from kg.extract.lexicon import AMBIGUOUS_COUNTRIES, COUNTRY_FORMS, DEMONYMS, METONYMS, NON_NAME, ORGANIZATIONS, \
    ORG_HEADS, ROLE_NOUNS, TITLE_MODIFIERS, TITLE_WORDS
from kg.extract.segments import Mention, Token, cap as _cap
from kg.extract.titles import title_prefix

_CONNECT = {"of", "for", "the"}


def lex_country(text: str) -> str | None:
    return COUNTRY_FORMS.get(text) or METONYMS.get(text)


#: names with a comma, as the tokenizer splits them ("Foreign , Commonwealth and Development Office")
_COMMA_NAMES = {f.replace(",", " ,"): canon for f, canon in ORGANIZATIONS.items() if "," in f}
#: names with a hyphen, as the tokenizer splits them ("al - Shabaab", "Guinea - Bissau"), and the name
_HYPHEN_NAMES = {f.replace("-", " - "): f for f in (*COUNTRY_FORMS, *METONYMS, *ORGANIZATIONS)
                 if "-" in f and " - " not in f and " -" not in f and "- " not in f}
_LEXICON_FORMS = (*COUNTRY_FORMS, *METONYMS, *ORGANIZATIONS, *_COMMA_NAMES, *_HYPHEN_NAMES)
_FIRST_WORDS = frozenset(f.split()[0] for f in _LEXICON_FORMS)
_MAX_WORDS = {w: max(len(f.split()) for f in _LEXICON_FORMS if f.split()[0] == w) for w in _FIRST_WORDS}


def starts_lexicon_entry(word: str) -> bool:
    """True when ``word`` (as written) is the first word of a lexicon entry or of an ambiguous country name."""
    return word in _FIRST_WORDS or word in AMBIGUOUS_COUNTRIES


#: plural role nouns and their singular role ("the presidents of X and Y")
_PLURAL_ROLES = {"presidents": "president", "premiers": "prime minister",
                 "chancellors": "chancellor", "prime ministers": "prime minister", "foreign ministers": "foreign minister"}


def plural_roles(toks: list[Token], i: int, text: str) -> tuple[list[Mention], int] | None:
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
        lex = match_lexicon(toks, j) if j < len(toks) else None
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


#: plural role nouns after a row of demonyms, and the role each names ("his French and German counterparts")
_DEMONYM_ROLES = {"counterparts": "counterpart", "leaders": "leader", "presidents": "president",
                  "ministers": "minister", "premiers": "prime minister"}


def demonym_roles(toks: list[Token], i: int, text: str) -> tuple[Mention, int] | None:
    """"his French and German counterparts" (at token ``i``): one mention of the holders of the role in each
    country, kind ``pair`` with ``extra["countries"]`` and ``extra["head"]``, for coreference to resolve."""
    j, countries = i + 1, []
    while j < len(toks) and toks[j].text.lower() in DEMONYMS:
        countries.append(DEMONYMS[toks[j].text.lower()])
        j += 1
        if j < len(toks) and toks[j].text.lower() in (",", "and"):
            j += 1 + (j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].text.lower() == "and")
    k = j + (j < len(toks) and toks[j].text.lower() == "foreign")  # "French and German foreign ministers"
    if len(countries) < 2 or k >= len(toks) or toks[k].text.lower() not in _DEMONYM_ROLES:
        return None
    role = _DEMONYM_ROLES[toks[k].text.lower()]
    role = "foreign minister" if k > j and role == "minister" else role
    end = toks[k].idx + len(toks[k].text)
    return Mention(toks[i].idx, end, text[toks[i].idx:end], "pair",
                   extra={"countries": tuple(countries), "head": role}), k + 1


def match_lexicon(toks: list[Token], i: int) -> tuple[int, str, str] | None:
    first = toks[i].text
    if first in AMBIGUOUS_COUNTRIES and _state_follows(toks, i + 1):
        return i + 1, AMBIGUOUS_COUNTRIES[first], "Country"  # "Niger's junta", "Chad's foreign minister"
    if first not in _FIRST_WORDS:  # fast path: most tokens start no lexicon entry
        return None
    for length in range(_MAX_WORDS[first], 0, -1):
        if i + length > len(toks):
            continue
        span = toks[i:i + length]
        text = " ".join(t.text for t in span)
        if length > 1 and any(t.text in "-–’'" for t in span):
            if text not in _HYPHEN_NAMES or any(t.whitespace_ for k, t in enumerate(span[:-1])
                                                if t.text == "-" or span[k + 1].text == "-"):
                continue
            text = _HYPHEN_NAMES[text]  # "al-Shabaab", "Guinea-Bissau": one name, its hyphen written close
        if length == 1 and i + 1 < len(toks) and toks[i + 1].text in "-–" and toks[i].whitespace_ == "":
            # "Russia-Ukraine war": a modifier, not an actor
            return None
        if i > 0 and toks[i - 1].text in "-–" and toks[i - 1].whitespace_ == "" and toks[i - 2:i - 1] and \
                toks[i - 2].whitespace_ == "":
            return None
        canon = lex_country(text)
        if canon:
            return i + length, canon, "Country"
        if text in ORGANIZATIONS or text in _COMMA_NAMES:
            return i + length, ORGANIZATIONS.get(text) or _COMMA_NAMES[text], "Organization"
    return None


#: nouns after a country's possessive that say it is the state ("Niger's junta")
_STATE_WORDS = frozenset({"authorities", "government", "regime", "junta", "military", "army", "foreign", "interior",
                          "defence", "defense", "president", "prime", "minister", "ministry", "leader", "parliament",
                          "king", "embassy", "ambassador", "capital", "envoy", "presidency", "cabinet",
                          "military-led"}) | TITLE_MODIFIERS


def _state_follows(toks: list[Token], j: int) -> bool:
    """True when a possessive and a word of the state follow position ``j`` ("'s junta", "'s foreign minister")."""
    return j + 1 < len(toks) and toks[j].text in ("'s", "’s") and toks[j + 1].text.lower() in _STATE_WORDS


#: the words before a title that make it an advisee's ("an aide to the President of Russia, X")
_AIDE_BEFORE = re.compile(r"\b(?:aide|adviser|advisor|assistant|counsell?or)s?\s+to\s+$", re.IGNORECASE)


def merge_title_of_country(out: list[Mention], text: str) -> list[Mention]:
    """"President of the United States of America Donald Trump": a title, "of" a country, then a name is one
    titled person (Kremlin and ministry readouts write titles this way); "the President of Russia" without a
    name is a title of that country.

    >>> from kg.extract.nlp import get_nlp
    >>> from kg.extract.mentions import find_mentions, sentences
    >>> [s] = sentences(get_nlp()("Modi met the President of Indonesia, H.E. Mr. Joko Widodo, in Bali."))
    >>> [(m.text, m.kind, m.name, m.country) for m in find_mentions(s, headline=False)][1]
    ('the President of Indonesia, H.E. Mr. Joko Widodo', 'name', 'Joko Widodo', 'Indonesia')
    >>> [s] = sentences(get_nlp()("The President of Russia thanked him."))
    >>> [(m.text, m.kind, m.country) for m in find_mentions(s, headline=False)]
    [('The President of Russia', 'title', 'Russia'), ('him', 'pronoun', None)]
    """
    merged: list[Mention] = []
    i = 0
    while i < len(out):
        m = out[i]
        if m.kind == "title" and _AIDE_BEFORE.search(text[max(0, m.start - 40):m.start]):
            m.extra["advisee"] = True  # "an aide to the President of Russia, X": X is the aide, not the President
            merged.append(m)
            i += 1
            continue
        of_country = (i + 1 < len(out) and m.kind == "title" and not m.country and out[i + 1].kind == "country"
                      and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[m.end:out[i + 1].start]) is not None)
        if (of_country and i + 2 < len(out) and out[i + 2].kind == "name" and out[i + 2].name
                and (not out[i + 2].titles and re.fullmatch(r"\s+", text[out[i + 1].end:out[i + 2].start])
                     or re.fullmatch(r",\s+", text[out[i + 1].end:out[i + 2].start]))):
            # "... Donald Trump", and in apposition: "the President of Indonesia, H.E. Mr. Joko Widodo"
            person = out[i + 2]
            merged.append(Mention(m.start, person.end, text[m.start:person.end], "name", person.type, person.name,
                                  m.titles + person.titles, out[i + 1].country or out[i + 1].name,
                                  extra=dict(person.extra)))
            i += 3
            continue
        if of_country:  # "the President of Russia congratulated ...": the title of that country's holder
            c = out[i + 1]
            merged.append(Mention(m.start, c.end, text[m.start:c.end], "title", m.type, None, m.titles,
                                  c.country or c.name, extra=dict(m.extra)))
            i += 2
            continue
        if (m.kind == "title" and m.country and i + 1 < len(out) and out[i + 1].kind == "name" and out[i + 1].name
                and re.search(r"\bof\b", m.text) and re.fullmatch(r",\s+", text[m.end:out[i + 1].start])):
            # "the President of Indonesia, H.E. Mr. Joko Widodo": the title read with its country, then the name
            person = out[i + 1]
            merged.append(Mention(m.start, person.end, text[m.start:person.end], "name", person.type, person.name,
                                  m.titles + person.titles, m.country, extra=dict(person.extra)))
            i += 2
            continue
        merged.append(m)
        i += 1
    return merged


#: "the government of", "the military regime of": an organ through which the named state or ruler acts
_ORGAN_OF = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?:government|regime|administration|authorities|junta|cabinet)"
                       r"\s+of\s+(?:the\s+)?$")


def organ_of(m: Mention, text: str) -> Mention:
    """A person or country named as the holder of a government ("the government of X") takes in that phrase.

    The phrase's head ("government") is what a parse makes the subject of "released"; the mention
    covering it makes the state or ruler the actor.

    >>> text = "He was freed by the government of Nicolas Maduro."
    >>> m = organ_of(Mention(34, 48, "Nicolas Maduro", "name", name="Nicolas Maduro"), text)
    >>> (m.start, m.text, m.name)
    (16, 'the government of Nicolas Maduro', 'Nicolas Maduro')
    """
    if m.kind not in ("name", "surname", "country"):
        return m
    found = _ORGAN_OF.search(text, max(0, m.start - 60), m.start)
    if found is None:
        return m
    return Mention(found.start(), m.end, text[found.start():m.end], m.kind, m.type, m.name, m.titles, m.country,
                   extra=dict(m.extra))


def merge_affiliations(out: list[Mention], text: str) -> list[Mention]:
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


#: legal forms that follow a company's name after a comma ("Acme Trading Co., Ltd.", "Beta Holdings, Inc.")
LEGAL_FORMS = frozenset("Ltd Ltd. Limited Inc Inc. LLC L.L.C. LLP PLC Plc JSC PJSC SA S.A. GmbH AG FZE FZCO FZ-LLC DMCC".split())


#: lower-case words that may follow a serial number ("Unit 29155 of the GRU", "Ocean Pioneer 2 was"); a noun after a
#: number counts it ("2 days later", "3 times")
_AFTER_SERIAL = frozenset({"of", "and", "or", "on", "in", "at", "to", "from", "for", "with", "by", "was", "were", "is",
                           "are", "has", "had", "have", "which", "that", "who", "as", "under", "after", "before"})


def serial_at(toks: list[Token], k: int) -> bool:
    """True when token ``k`` is a serial number inside or after a name ("Unit 26165", "Sovcomflot 7 Shipping")."""
    if k >= len(toks) or not toks[k].text.isdigit() or len(toks[k].text) > 6 or not toks[k - 1].whitespace_:
        return False
    after = toks[k + 1] if k + 1 < len(toks) else None
    # "Unit 29155 of the GRU" and "Unit 26165." keep the number; "Council 2 days later" is no serial
    return after is None or not after.is_alpha or after.text[:1].isupper() or after.text in _AFTER_SERIAL


def _titled_name(run: list[Token]) -> bool:
    """True for a title followed by a name ("Colonel Reza Nazari"), which no body's name starts with."""
    return (len(run) > 2 and run[0].text.lower() in TITLE_WORDS and run[-1].text not in ORG_HEADS
            and sum(1 for t in run if _cap(t) and t.text.lower() not in TITLE_WORDS) >= 2)


def _listed_name_end(toks: list[Token], end: int) -> int:
    """The last token of a body's name that goes on as a list of capitalised words before its acronym
    ("... Economic Affairs, Education and Research (EAER)"), else ``end``."""
    k, joined = end + 1, False
    while k + 1 < len(toks) and toks[k].text in (",", "and") and _cap(toks[k + 1]):
        joined = joined or toks[k].text == "and"
        k += 1
        while k < len(toks) and _cap(toks[k]):
            k += 1
    if joined and k + 2 < len(toks) and toks[k].text == "(" and toks[k + 1].text.isupper() and toks[k + 2].text == ")":
        return k - 1
    return end


#: title nouns that make a body word before them part of a title ("Cabinet Secretary", "Party Secretary")
_TITLE_AFTER = frozenset({"secretary", "minister", "chief", "chairman", "chairwoman", "spokesperson", "spokesman"})


def org_run(toks: list[Token], i: int, text: str) -> tuple[Mention, int] | None:
    """'[The] U.S. Department of the Treasury', 'Atlantic Council', 'the Boris Johnson government'."""
    k = i
    if toks[k].text.lower() == "the":
        k += 1
    begin = k
    last_cap = None
    while k < len(toks) and (_cap(toks[k]) or (toks[k].text.lower() in _CONNECT and last_cap is not None and (
            toks[k].text.lower() != "the" or toks[k - 1].text.lower() in _CONNECT))  # "the" only after "of"/"for"
                             or (toks[k].text in "-–" and toks[k].whitespace_ == "")
                             or (last_cap is not None and serial_at(toks, k) and k + 1 < len(toks) and _cap(toks[k + 1]))):
        if _cap(toks[k]):
            last_cap = k
        if toks[k].text == "of" and _titled_name(toks[begin:k]):
            return None  # "Colonel Reza Nazari of the Revolutionary Guards": a person of a body
        if toks[k].text in ORG_HEADS and k == begin and k + 1 < len(toks) and toks[k + 1].text.lower() in _TITLE_AFTER:
            return None  # "Cabinet Secretary for Foreign Affairs", "Party Secretary Li": a title, no body
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
            # ... or with a unit of it named by capitalised words up to another head word ("Corps Aerospace Force")
            ahead = end + 1
            while ahead < len(toks) and ahead - end <= 3 and _cap(toks[ahead]) and toks[ahead].text not in ORG_HEADS \
                    and not lex_country(toks[ahead].text) and toks[ahead - 1].whitespace_:
                ahead += 1
            if ahead < len(toks) and ahead > end + 1 and toks[ahead].text in ORG_HEADS and toks[ahead - 1].whitespace_:
                end = ahead
            end = _listed_name_end(toks, end)  # "Department of Economic Affairs, Education and Research (EAER)"
            serial = serial_at(toks, end + 1) or any(serial_at(toks, x) for x in range(begin + 1, end))
            if serial_at(toks, end + 1):
                end += 1  # "Military Unit 26165": a serial number is part of the body's name
            if end + 2 < len(toks) and toks[end + 1].text == "," and toks[end + 2].text in LEGAL_FORMS:
                end += 2  # "Shenzhen Rongxin Electronics Co., Ltd": the legal form is part of the name
            elif end + 1 < len(toks) and toks[end + 1].text in LEGAL_FORMS:
                end += 1  # "Falcon Metals FZE", "Orion Shipping DMCC"
            s, e = toks[begin].idx, toks[end].idx + len(toks[end].text)
            label = text[s:e]
            return Mention(s, e, label, "org", "Organization", label, extra={"serial": True} if serial else {}), end + 1
        k += 1
    # "<Person name> government/administration" -> the government as an organisation
    if last_cap is not None and last_cap + 1 < len(toks) and toks[last_cap + 1].text in ("government", "administration") \
            and last_cap - begin >= 1 and all(_cap(t) for t in toks[begin:last_cap + 1]):
        s, e = toks[begin].idx, toks[last_cap + 1].idx + len(toks[last_cap + 1].text)
        return Mention(s, e, text[s:e], "org", "Organization", text[s:e]), last_cap + 2
    return None


def listed_name(toks: list[Token], i: int, text: str) -> tuple[Mention, int] | None:
    """A list entry's "FAMILY NAME, Given Names" at the start of a line or item: the person "Given Family".

    >>> from kg.extract.nlp import get_nlp
    >>> from kg.extract.segments import sentences
    >>> [s] = sentences(get_nlp()("SMIRNOV, Alexei Petrovich; DOB 12 Mar 1970; nationality Russia"))
    >>> m, _ = listed_name(s.toks, 0, s.text); (m.name, m.text)
    ('Alexei Petrovich Smirnov', 'SMIRNOV, Alexei Petrovich')
    >>> [s] = sentences(get_nlp()("LONDON, England: talks went on"))
    >>> listed_name(s.toks, 0, s.text) is None
    True
    """
    start = toks[i].idx
    before = text[max(0, start - 200):start]  # a window: a text without line breaks costs no more
    line = before.rsplit("\n", 1)[-1] if "\n" in before or start <= 200 else None
    if (line is None or line.strip(" \t-•*·▪0123456789.)")) and not before.rstrip().endswith(";"):
        return None
    k = i
    while k < len(toks) and toks[k].text.isupper() and toks[k].text.replace("-", "").isalpha() and len(toks[k].text) > 1:
        k += 1
    if k >= len(toks) - 1 or toks[k].text != ",":
        return None
    g = k + 1
    while g < len(toks) and toks[g].text[:1].isupper() and toks[g].text[1:].islower() and toks[g].is_alpha:
        g += 1
    if g == k + 1 or toks[i].text in ORGANIZATIONS or lex_country(toks[i].text) or any(
            t.text in NON_NAME or lex_country(t.text) for t in toks[k + 1:g]) or (
            g < len(toks) and toks[g].text not in ("(", ";", ",", ".", "*", "†") and "\n" not in toks[g - 1].whitespace_
            and not toks[g].text.isspace()):
        return None  # "WASHINGTON, Dec 5", "LONDON, England:", "BREAKING, Putin met": no list entry
    family = " ".join(t.text.title() for t in toks[i:k])
    given = " ".join(t.text for t in toks[k + 1:g])
    end = toks[g - 1].idx + len(toks[g - 1].text)
    return Mention(start, end, text[start:end], "name", name=f"{given} {family}", extra={"listed": True}), g


def joined_org(toks: list[Token], i: int, text: str,
               ner: tuple[tuple[int, int, str], ...]) -> tuple[Mention, int] | None:
    """A recogniser ORG span from token ``i`` whose capitalised words are joined by "and"/"&": one body."""
    ends = [b for a, b, label in ner if label == "ORG" and a == toks[i].idx]
    if not ends:
        return None
    k = i
    while k < len(toks) and toks[k].idx < max(ends):
        k += 1
    words = toks[i:k]
    if (len(words) < 3 or toks[k - 1].idx + len(toks[k - 1].text) != max(ends)
            or not any(t.text in ("and", "&") for t in words)
            or not all(_cap(t) or t.text in ("and", "&", "of", "the", "for") for t in words)
            or not _cap(words[-1]) or any(t.text.lower() in TITLE_WORDS or lex_country(t.text) for t in words)):
        return None
    e = max(ends)
    return Mention(toks[i].idx, e, text[toks[i].idx:e], "org", "Organization", text[toks[i].idx:e]), k


def recognised_org_end(org: tuple[Mention, int], toks: list[Token], text: str,
                        ner: tuple[tuple[int, int, str], ...]) -> tuple[Mention, int]:
    """An organisation run the recogniser reads as going on over capitalised words after its head word."""
    m, k = org
    end = max((b for a, b, label in ner if label == "ORG" and a == m.start and b > m.end), default=None)
    if end is None:
        return org
    j = k
    while j < len(toks) and toks[j].idx < end and _cap(toks[j]):
        j += 1
    if j == k or toks[j - 1].idx + len(toks[j - 1].text) != end:
        return org
    return Mention(m.start, end, text[m.start:end], "org", "Organization", text[m.start:end]), j


def org_span_from(first: Token, nxt: Token, ner: tuple[tuple[int, int, str], ...]) -> int | None:
    """The end of a recogniser ORG span that starts at ``first`` (a name or its "the") and holds ``nxt``, else None."""
    ends = [b for a, b, label in ner if label == "ORG" and a == first.idx and b >= nxt.idx + len(nxt.text)]
    return max(ends) if ends else None


def role_of_body(toks: list[Token], i: int) -> str | None:
    """The office a body's name opens with ("(the) President of the National Council": 'president'), else None."""
    k = i + (toks[i].text.lower() == "the")
    if k + 1 < len(toks) and toks[k + 1].text == "of" and _cap(toks[k]) and toks[k].text.lower() in ROLE_NOUNS:
        return toks[k].text.lower()
    return None


#: the last word of a title whose holder's office is a body ("the Prosecutor General's Office", "the Prime
#: Minister's Office"); not a ministry's own word ("the Treasury's Office of ...")
_HOLDER_WORDS = frozenset(set(ROLE_NOUNS) | {"general", "prosecutor", "ombudsman", "commissioner", "mayor", "speaker",
                                             "governor", "chancellor", "premier", "presidency"})


def office_of_title(toks: list[Token], i: int, text: str) -> tuple[Mention, int] | None:
    """"the Prosecutor General's Office" at token ``i``: an office named after its holder's title is a body."""
    k = i + (toks[i].text.lower() == "the")
    size, words, _country = title_prefix(toks[k:])
    end = k + size
    if not words or end >= len(toks) or end - 1 <= k or toks[end - 1].text not in ("’s", "'s") or \
            toks[end].text not in ORG_HEADS or not toks[end - 2].text[:1].isupper() or \
            toks[end - 2].text.lower() not in _HOLDER_WORDS or \
            end + 1 < len(toks) and toks[end + 1].text in ("of", "for"):  # "the Treasury's Office of Foreign Assets"
        return None
    s, e = toks[k].idx, toks[end].idx + len(toks[end].text)
    return Mention(s, e, text[s:e], "org", "Organization", text[s:e]), end + 1
