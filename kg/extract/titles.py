"""The title in front of a name: its words, its role and the country of its office.

"Russian President", "Minister of Foreign Affairs of Moldova", "the Ambassador of Japan to Moldova", "Lt General
(retd.)": :func:`title_prefix` says how many tokens a title covers before the name it introduces, its words and its
country; :func:`role_head` says which role the words name.

>>> from kg.extract.nlp import get_nlp
>>> toks = list(get_nlp()("Minister of Foreign Affairs of Moldova Ion Vrabie"))
>>> size, words, country = title_prefix(toks)
>>> toks[size].text, role_head(words), country
('Ion', 'foreign minister', 'Moldova')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.lexicon import AMBIGUOUS_COUNTRIES, COUNTRY_FORMS, DEMONYMS, METONYMS, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS
from kg.extract.segments import cap as _cap

if TYPE_CHECKING:
    from kg.extract.segments import Token

def title_prefix(tokens: list["Token"]) -> tuple[int, list[str], str | None]:
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
                                                          and tokens[i + 1].text.lower() in TITLE_WORDS) or (
                t.text in AMBIGUOUS_COUNTRIES and i + 2 < len(tokens) and tokens[i + 1].text in ("’s", "'s")
                and tokens[i + 2].text.lower() in TITLE_WORDS):  # "Mali's president", not "Togo" the person
            country = DEMONYMS.get(low) or COUNTRY_FORMS.get(t.text) or METONYMS.get(t.text) or AMBIGUOUS_COUNTRIES[t.text]
        elif t.text == "(" and words:
            # "Lt General (retd.) Tariq Khan": a short parenthesis inside the title leads on to the name
            close = next((c for c in range(i + 1, min(i + 5, len(tokens))) if tokens[c].text == ")"), None)
            if close is None or close + 1 >= len(tokens) or not _cap(tokens[close + 1]):
                break
            i = close + 1
            continue
        elif low in ("of", "for", "to") and words and (
                low != "to" or words[-1] in _ENVOY_WORDS or "ambassador" in words) and country_after(tokens, i + 1):
            # "Prime Minister of India Narendra Modi", "the Ambassador of Japan to Moldova Kenji Sato": the office's
            # country (the host country after "to" is not the holder's)
            size, named = country_after(tokens, i + 1) or (0, "")
            if low != "to":
                country = named
            i += 1 + size
            continue
        elif low == "of" and words and body_before_name(tokens, i + 1):
            i = body_before_name(tokens, i + 1)  # "Chairman of the National Assembly Nguyen Van Khiem"
            continue
        elif low in ("of", "for"):
            nxt = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
            if (not words or nxt not in TITLE_WORDS or nxt in ("the", "a", "an", "his", "her", "its", "their")
                    or (low == "for" and words[-1] not in _MINISTRY_HEADS)):
                break
            words.append(low)
        elif low == "and" and ("for" in words or "of" in words) and _portfolio_end(tokens, i + 1):
            # "Minister for Foreign and European Affairs", "Minister of Foreign Affairs and Trade": one portfolio
            i = _portfolio_end(tokens, i + 1)
            words.append(tokens[i - 1].text.lower())
            continue
        elif low in TITLE_WORDS and low not in ("the", "a", "an") and not (i > 0 and low in ("his", "her", "its", "their")):
            words.append(low)
        elif low in ("the", "a", "an") and i == 0:
            pass
        else:
            break
        i += 1
    return i, words, country


#: the words that close a portfolio joined by "and" ("Foreign and Diaspora Affairs", "Foreign Affairs and Trade")
_PORTFOLIO_ENDS = frozenset({"affairs", "trade", "development", "cooperation", "co-operation", "diaspora", "security",
                             "defence", "defense", "integration", "relations", "commonwealth", "communities", "tourism"})


def _portfolio_end(tokens: list["Token"], i: int) -> int:
    """Where a run of up to four capitalised words from token ``i`` that closes a portfolio ends; 0 when none does."""
    for k in range(i, min(i + 4, len(tokens))):
        if not _cap(tokens[k]):
            return 0
        if tokens[k].text.lower() in _PORTFOLIO_ENDS:
            return k + 1
    return 0


#: titles that take "for" before their portfolio ("Minister for Foreign Affairs") or "to" before a host country
_MINISTRY_HEADS = frozenset({"minister", "secretary", "commissioner", "envoy", "representative", "adviser", "advisor"})
_ENVOY_WORDS = frozenset({"ambassador", "envoy", "representative", "consul", "chargé", "attaché"})


#: the words of a state's formal name before "of" ("the Islamic Republic of", "the Kingdom of")
_STATE_FORMS = frozenset({"Republic", "Kingdom", "State", "Sultanate", "Emirate", "Principality", "Federation",
                          "Commonwealth", "Confederation", "Duchy"})
_STATE_ADJECTIVES = frozenset({"Islamic", "Socialist", "Federal", "Democratic", "People's", "Arab", "United", "Hashemite",
                               "Bolivarian", "Plurinational", "Grand", "Co-operative", "Cooperative", "Kyrgyz", "Lao"})


def body_before_name(tokens: list["Token"], i: int) -> int:
    """Where a body's name that starts at token ``i`` ends, when a person's name follows it ("the National Assembly
    Nguyen Van Khiem", "the Security Council Oleg Tarasov"); 0 otherwise."""
    k = i + (i < len(tokens) and tokens[i].text.lower() == "the")
    end = k
    while end < len(tokens) and _cap(tokens[end]) and tokens[end].text not in ORG_HEADS:
        end += 1
    if end == len(tokens) or tokens[end].text not in ORG_HEADS or end - k > 4:
        return 0
    end += 1
    if end + 1 < len(tokens) and _cap(tokens[end]) and _cap(tokens[end + 1]) and tokens[end].text not in ORG_HEADS:
        return end
    return 0


#: honorifics before a name, which may follow the country of a title ("Minister ... of Thailand Mr. X")
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "h.e.", "his", "her"})


def country_after(tokens: list["Token"], i: int) -> tuple[int, str] | None:
    """(tokens used, country) when a country's name starts at token ``i`` ("India", "the United Kingdom").

    Only a capitalised name counts, and none that a title word follows ("of State Department").
    """
    k = i + (i < len(tokens) and tokens[i].text.lower() == "the")
    m = k
    while m < len(tokens) and m - k < 3 and tokens[m].text in _STATE_ADJECTIVES:
        m += 1
    if m + 1 < len(tokens) and tokens[m].text in _STATE_FORMS and tokens[m + 1].text == "of":
        inner = country_after(tokens, m + 2)  # "the Republic of Uzbekistan", "the Islamic Republic of Pakistan"
        if inner is not None:
            return m + 2 - i + inner[0], inner[1]
    for size in (5, 4, 3, 2, 1):  # "the People's Republic of China", "the Republic of Korea", "India"
        if k + size > len(tokens) or not tokens[k].text[:1].isupper():
            continue
        named = COUNTRY_FORMS.get("".join(t.text + t.whitespace_ for t in tokens[k:k + size]).strip())
        after = tokens[k + size] if k + size < len(tokens) else None
        if named and not (after is not None and (after.text in ("’s", "'s", "’", "'")  # "of Russia's Security Council"
                                                 or after.text.lower() in TITLE_WORDS and after.text[:1].isupper()
                                                 and after.text.lower() not in _HONORIFICS)):
            return k + size - i, named
    return None


def role_head(words: list[str]) -> str | None:
    """The role a title names; "minister of/for foreign affairs" reads as "foreign minister".

    >>> role_head(["minister", "of", "foreign", "affairs"]), role_head(["prime", "minister"])
    ('foreign minister', 'prime minister')
    """
    joined = " ".join(words)
    tries = [joined]
    cut = next((x for x, w in enumerate(words) if w in ("of", "for")), None)
    if cut:
        portfolio = [w for w in words[cut + 1:] if w != "affairs"]
        tries.append(" ".join(portfolio + words[:cut]))
    for phrase in sorted(ROLE_NOUNS, key=len, reverse=True):
        if any(t.endswith(phrase) and (t == phrase or t[-len(phrase) - 1] == " ") for t in tries):
            return ROLE_NOUNS[phrase]
    return None


#: the nouns of one who works for another ("Aide to the President of Russia X")
_AIDES = frozenset({"aide", "adviser", "advisor", "assistant", "counsellor", "counselor"})
#: the words that end an adviser's field ("on foreign policy issues")
_FIELD_ENDS = frozenset({"issues", "affairs", "matters", "questions", "policy"})


def aide_name_at(toks: list["Token"], i: int, j: int, words: list[str]) -> int | None:
    """Where the aide's name starts when the title ``toks[i:j]`` is the advisee's: "Aide to the President of Russia
    Yuri Ushakov", "Adviser to the President of the Republic of X on foreign policy issues Y" (the field skipped).
    Only a formal "the ... of ..." title: "adviser to Argentine President Martin Sosa" names the advisee.

    >>> from kg.extract.nlp import get_nlp
    >>> toks = list(get_nlp()("Aide to the President of Russia Yuri Ushakov said so."))
    >>> size, words, _ = title_prefix(toks[2:])
    >>> toks[aide_name_at(toks, 2, 2 + size, words)].text
    'Yuri'
    """
    n = len(toks)
    if not (words and i >= 2 and toks[i - 1].text.lower() == "to" and toks[i - 2].text.lower() in _AIDES
            and role_head(words) and toks[i].text.lower() == "the" and any(t.text == "of" for t in toks[i:j])):
        return None
    at = j
    if j < n and toks[j].text == "on":
        ends = [f + 1 for f in range(j + 1, min(j + 7, n)) if toks[f].text.lower() in _FIELD_ENDS]
        at = next((f for f in reversed(ends) if all(t.text.islower() for t in toks[j:f])), j)
    return at if at < n and _cap(toks[at]) else None


#: a secretary with a portfolio is a minister ("Secretary of Foreign Affairs", "Defence Secretary")
_PORTFOLIOS = frozenset({"foreign", "affairs", "defence", "defense", "state", "trade", "finance", "interior", "home"})


def holds_role(titles: set[str] | frozenset[str], role: str) -> bool:
    """True when a person's title words give them ``role`` ("minister" for a foreign secretary too).

    >>> holds_role({"secretary", "foreign", "affairs"}, "minister"), holds_role({"secretary"}, "minister")
    (True, False)
    """
    return (any(role in t or t == "counterpart" for t in titles)
            or (role == "minister" and "secretary" in titles and bool(titles & _PORTFOLIOS)))


def office_rank(titles: set[str] | frozenset[str]) -> str | None:
    """The kind of office title words give, to match counterparts: "prime minister", "minister" or "president".

    >>> office_rank({"minister", "foreign"}), office_rank({"prime", "minister"}), office_rank({"journalist"})
    ('minister', 'prime minister', None)
    """
    if "prime" in titles or "premier" in titles or any("prime minister" in t for t in titles):
        return "prime minister"
    if holds_role(titles, "minister") and "counterpart" not in titles:
        return "minister"
    return "president" if any(t == "president" or t.endswith(" president") for t in titles) else None
