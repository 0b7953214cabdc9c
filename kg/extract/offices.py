"""Ministries and departments named in short form: whose they are.

"Germany's Foreign Office", "Iran's Foreign Ministry": a state named right before one of its offices acts
through it, so the two are one mention of the state (not the office of another country that shares the short
name: the gazetteer's "Foreign Office" is the British one, which "Britain's Foreign Office" stays).  A bare "the Treasury" is the American department
in an American story and HM Treasury in a British one; which one a story is, its own words say (Britain, the
Foreign Office, London, pounds against the U.S., Washington, OFAC, dollars).

>>> from kg.extract.segments import Mention
>>> text = "Germany's Foreign Office sanctioned him."
>>> ms = [Mention(0, 7, "Germany", "country", "Country", "Germany", country="Germany"),
...       Mention(10, 24, "Foreign Office", "org", "Organization", "Foreign Office")]
>>> [(m.text, m.name) for m in national_offices([ms], text)[0]]
[("Germany's Foreign Office", 'Germany')]
>>> is_british("Britain froze the assets on Monday, the Foreign Office said in London.")
True
>>> is_british("The U.S. Treasury said Washington would act.")
False
"""

from __future__ import annotations

import re

from kg.extract.segments import Mention

#: a government office named by its short form, which many states share
_OFFICE = re.compile(r"(?:(?:Foreign|Interior|Defen[cs]e|Finance|Justice|Home|Economy|Trade|External Affairs|"
                     r"Foreign Affairs)\s+(?:Office|Ministry|Department)|Ministry of (?:Foreign Affairs|Defen[cs]e|"
                     r"Finance|Justice|(?:the )?Interior|Economy|External Affairs)|Treasury|Presidency)", re.IGNORECASE)
_UK = re.compile(r"\b(?:Britain|British|UK|U\.K\.|United Kingdom|London|Downing Street|Whitehall|FCDO|Foreign Office|"
                 r"OFSI|HM Treasury|Chancellor of the Exchequer|Westminster)\b|£")
_US = re.compile(r"(?:\bU\.S\.|\bUS\b|\bUnited States\b|\bAmerican\b|\bWashington\b|\bOFAC\b|\bWhite House\b|"
                 r"\bState Department\b|\bTreasury Department\b|\bExecutive Order\b|\$)")
#: short forms that name one state's office: that state's "Britain's Foreign Office" stays the office
_OWNED = {"foreign office": ("United Kingdom",), "treasury": ("United States", "United Kingdom")}
#: the American department's name, as the lexicon gives it for a bare "Treasury"
_US_TREASURY = "U.S. Department of the Treasury"


def is_british(text: str) -> bool:
    """True when a story's own words make it British rather than American."""
    uk = len(_UK.findall(text))
    return uk > 0 and uk > len(_US.findall(text))


def national_offices(raw: list[list[Mention]], text: str) -> list[list[Mention]]:
    """Mentions per sentence with each state's short-form office joined to the state named before it."""
    british: bool | None = None
    out: list[list[Mention]] = []
    for ms in raw:
        kept: list[Mention] = []
        for m in ms:
            prev = kept[-1] if kept else None
            short = m.text.removeprefix("the ").strip()
            if m.kind == "org" and _OFFICE.fullmatch(short) and prev is not None and prev.kind == "country" \
                    and prev.name not in _OWNED.get(short.lower(), ()) \
                    and text[prev.end:m.start].strip() in ("", "’s", "'s", "’", "'"):
                kept[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "country", "Country", prev.name,
                                   country=prev.country, extra=dict(prev.extra))
                continue
            if m.kind == "org" and m.name == _US_TREASURY and m.text == "Treasury":
                if british is None:
                    british = is_british(text)
                if british:
                    m = Mention(m.start, m.end, m.text, "org", "Organization", "HM Treasury", extra=dict(m.extra))
            kept.append(m)
        out.append(kept)
    return out
