"""What a designation notice states by its layout: unbulleted list entries and the notice's issuer.

Treasuries and foreign ministries publish their targets as lists whose entries are lines, not sentences:
"SMIRNOV, Alexei; DOB 01 Jan 1970; nationality Russian" or "Orel Trading LLC (a.k.a. Orel Trade)".
:func:`is_list_entry` says whether a line reads as such an entry. A notice's passive designations
("X is being designated pursuant to ...") name no agent: the issuer is the department named in the
heading or first lines, else the government whose legal instrument the notice cites
(:func:`instrument_issuer`).

>>> is_list_entry("SMIRNOV, Alexei; DOB 01 Jan 1970; nationality Russian")
True
>>> is_list_entry("Orel Trading LLC (a.k.a. Orel Trade), Moscow")
True
>>> is_list_entry("The Treasury said on Monday that it had frozen their assets.")
False
>>> instrument_issuer("designated pursuant to Executive Order 14024")
'United States'
"""

from __future__ import annotations

import re

from kg.extract.coref import Entity
from kg.extract.linking import Linker
from kg.extract.mentions import Mention, Sentence, is_headline

#: a list entry's first field: a surname-first entry ("SMIRNOV, Alexei"), or a name of at most eight words
#: that a semicolon, a bracket or an identifier closes ("Orel Trading LLC (a.k.a. ...)", "Ivan Orlov; DOB ...")
_ENTRY = re.compile(r"^\s*(?:[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)*,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s*(?:[;(,]|$)|"
                    r"(?:[A-Z][\w'’.&-]*\s+){0,7}[A-Z][\w'’.&-]*\s*(?:;|\(|,\s*(?:DOB|born|a\.k\.a|aka|POB|nationality)\b))")


def is_list_entry(line: str) -> bool:
    """True for a line that reads as an entry of a designation list, not as a sentence."""
    return bool(_ENTRY.match(line)) and len(line.strip()) <= 400


#: legal instruments that name the government designating under them, as notices cite them
_INSTRUMENTS = (
    (re.compile(r"\bExecutive Order\b|\bE\.O\.\s*\d|\bOFAC\b|\bIEEPA\b|\bGlobal Magnitsky\b"), "United States"),
    (re.compile(r"\bCouncil (?:Regulation|Decision|Implementing Regulation)\b|\(CFSP\)"), "European Union"),
    (re.compile(r"\bSanctions and Anti-Money Laundering Act\b|\bSAMLA\b|\bOFSI\b|\(EU Exit\) Regulations\b|"
                r"\bUK Sanctions List\b"), "United Kingdom"),
    (re.compile(r"\bSpecial Economic Measures\b|\bJustice for Victims of Corrupt Foreign Officials\b"), "Canada"),
    (re.compile(r"\bAutonomous Sanctions (?:Act|Regulations)\b"), "Australia"),
)


def instrument_issuer(text: str) -> str | None:
    """The government whose sanctions law or order a notice cites, if it cites one of one government only."""
    found = {who for rx, who in _INSTRUMENTS if rx.search(text)}
    return found.pop() if len(found) == 1 else None


def fallback_issuer(text: str, chains: list[list[Mention]], linker: Linker) -> Entity | None:
    """The government a notice's citations name as its issuer, as the document's actor for it.

    An actor the text already names for that government is reused (one node, not two); else one is made.
    Used only where no department or government is named before a passive designation.
    """
    label = instrument_issuer(text)
    if label is None:
        return None
    kind = "Organization" if label == "European Union" else "Country"
    ref = linker.ref(label, kind)
    for ms in chains:
        for m in ms:
            e = m.entity
            if isinstance(e, Entity) and e.type == kind and (e.label == label or e.ref == ref):
                return e
    return Entity(label=label, type=kind, ref=ref)


#: a release's first line that ends with its issuer ("April 8, 2026 - Ottawa, Ontario - Global Affairs Canada")
_SIGNED_LINE = re.compile(r"\s[-–—]\s+[^-–—]*$")
#: words before a name that make it where something happened, not who acts ("killings in Port-au-Prince")
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|across|around|outside|inside|within|throughout)\s+(?:the\s+)?$",
                          re.IGNORECASE)


def release_issuer(sent: Sentence, mentions: list[Mention], text: str) -> Entity | None:
    """The body or state a release's sentence names as who speaks: named before its agentless designations.

    Not a possessor ("the Treasury's OFAC": OFAC), a law's bracketed name ("the Special Economic Measures (Haiti)
    Regulations"), or a place ("killings in Port-au-Prince"); in a title-case headline only the body that signs
    a dateline ("... - Ottawa - Global Affairs Canada"), since a headline's capitalised words run together
    ("Treasury Targets Procurement Network").
    """
    signed = _SIGNED_LINE.search(sent.text.rstrip()) if is_headline(sent) else None
    if is_headline(sent) and signed is None:
        return None
    for m in mentions:
        e = m.entity
        if not isinstance(e, Entity) or e.type not in ("Organization", "Country") or \
                text[m.end:m.end + 2] in ("'s", "’s", ") ") or PLACE_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue
        if signed is None or m.start >= sent.start_char + signed.start():
            return e
    return None


#: what may join the members of a coordinated group of names: "A and B", "A, B and C", "A as well as B"
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|as well as)\s+)\s*")
#: what a plural pronoun may stand for in "froze their assets", "sanctioned them"
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: holdings that "their" names the owners of ("froze their assets"): the owners are the targets
HOLDINGS = frozenset({"asset", "fund", "property", "account", "holding", "wealth", "yacht", "estate"})


def plural_group(text: str, base: int, mentions: list[Mention]) -> list[Entity]:
    """The last coordinated group of two or more named persons or bodies in a sentence ("A and B").

    A later "them" or "their" most likely stands for it ("A and B run the fund. Australia sanctioned them.").
    """
    named = [(m.start - base, m.end - base, m.entity) for m in mentions
             if isinstance(m.entity, Entity) and m.kind != "pronoun" and m.entity.type in ("Person", "Organization")]
    best: list[Entity] = []
    run: list[Entity] = []
    for k, (a, b, e) in enumerate(named):
        joined = k > 0 and _JOIN.fullmatch(text[named[k - 1][1]:a]) is not None
        run = (run + [e]) if joined and run else [e]
        if len(run) > 1 and len(set(map(id, run))) > 1:
            best = list(dict.fromkeys(run))
    return best


#: a line that opens a designation list ("The individuals designated today are:", "... the following entities:")
_LIST_OPENER = re.compile(r"(?:sanction|designat|\blisted\b|\blisting|target|asset|entit(?:y|ies)|individuals|persons|"
                          r"schedule)[^\n]*:\s*$", re.IGNORECASE)
#: a bullet or number that opens a list line ("• ", "- ", "3. ", "3)")
_MARKER = re.compile(r"^\s*(?:[-•*·▪–—]|\d{1,3}[.)]|\(\d{1,3}\))(?:\s+|$)")


#: a sentence that says a list follows without a colon ("sanctioned the following persons.")
_FOLLOWING = re.compile(r"\bthe following\s+(?:[a-z-]+\s+){0,2}(?:persons|individuals|entities|people|companies|"
                        r"officials|organi[sz]ations|vessels|targets|entries|designations|names)\b[^.:;]*\.\s*$",
                        re.IGNORECASE)


#: the lines of a notice's list that are neither entries nor its end: section headings and an entry's detail fields
_FILLER = re.compile(r"^\s*(?:(?:Individuals?|Entities|Entity|Persons|Organi[sz]ations|Ships|Vessels|Aircraft)\s*:?\s*$|"
                     r"(?:a\.k\.a|aka|f\.k\.a|DOB|D\.O\.B|POB|Date of birth|Place of birth|Address|Nationality|Position|"
                     r"Passport|National Identification|Other Information|UK Sanctions List Ref|Listed on|Title|Group ID|"
                     r"Regime|Designation Type|IMO|Phone|Email|Website)\b[^:\n]{0,25}:)", re.IGNORECASE)


def list_filler(line: str) -> bool:
    """True for a line inside a notice's list that neither names a target nor ends the list.

    >>> list_filler("Individuals"), list_filler("DOB: 14/03/1971. POB: Omsk, Russia."), list_filler("3. The Treasury said.")
    (True, True, False)
    """
    return bool(_FILLER.match(line))


#: a list opener of what leaves a list ("The following entry has been removed from the Consolidated List:")
_DELISTING = re.compile(r"\b(?:removed|delisted|de-listed|no longer|revoked|lifted|unfrozen|varied|amended)\b", re.I)


def opens_list(text: str) -> bool:
    """True for a sentence that closes on what it announces as following, colon or not.

    >>> opens_list("Canada has imposed sanctions on the following persons and entities."), opens_list("The EU said so.")
    (True, False)
    """
    return bool(_FOLLOWING.search(text)) and not _DELISTING.search(text)


def is_list_line(line: str) -> bool:
    """True for a line that may continue a designation list: a bullet, an entry, or a short line with no full stop."""
    line = line.strip()
    return bool(_MARKER.match(line)) or is_list_entry(line) or (
        0 < len(line.split()) <= 12 and not line.endswith((".", "?", "!")))


def list_lines(texts: list[str]) -> set[int]:
    """Indexes of the sentences that are lines of a designation list, to be read by the recogniser.

    A list runs from a line ending in a colon that names what is listed, through bullets, numbers, entries and
    short lines without a full stop, to the first sentence that is none of these.

    >>> sorted(list_lines(["UK sanctions.", "Those designated are:\\n", "Alexei Smirnov\\n", "1.", "Galina Petrova\\n",
    ...                    "The Minister said the measures send a message."]))
    [2, 3, 4]
    """
    out: set[int] = set()
    active = marked = False
    for i, text in enumerate(texts):
        line = text.strip()
        if (":" in text and _LIST_OPENER.search(text) or opens_list(text)) and not _DELISTING.search(text):
            active = True  # (the colon first: the pattern is slow)
            marked = ":" not in text  # "the following persons." goes on by numbered lines only
        elif not line or active and list_filler(line):
            continue
        elif active and (_MARKER.match(line) or i - 1 in out and bool(_MARKER.fullmatch(texts[i - 1].strip() + " "))
                         if marked else is_list_line(line) or (
                i - 1 in out and not texts[i - 1].rstrip(" \t").endswith("\n"))):
            out.add(i)
        else:
            active = False
    return out


#: a list line that is a bare name, after its bullet or number ("Alexei Smirnov", "2. Galina Petrova, Director")
_BARE_NAME = re.compile(r"\s*(?:(?:[-•*·▪–—]|\d{1,3}[.)]|\(\d{1,3}\))\s+)?((?:[A-Z][\w'’.&-]*\s+(?:of\s+(?:the\s+)?)?){1,5}"
                        r"[A-Z][\w'’.&-]*)\s*(?:[,;(]|$)")
#: words that make a listed name a body's ("Northern Supply Directorate", "Orel Trading")
_BODY_WORDS = frozenset("""Ministry Directorate Office Bank Company Group Organization Organisation Society Agency Department
Committee Corporation Fund Council Forces Army Navy Service Institute Center Centre Association Union Industries Shipping
Trading Holdings Holding Enterprise Enterprises Plant Factory Bureau Authority Brigade Regiment Battalion Command Guard
Front Party Movement Foundation Airlines Lines Logistics Energy Oil Gas Petroleum Systems Technologies""".split())


def list_line_actors(texts: list[str], starts: list[int], chains: list[list[Mention]], linker: Linker) -> None:
    """Actors for the bare-name lines of a designation list in which the mention finder found no name.

    Out of a sentence, neither the finder nor the recogniser takes "Alexei Smirnov" for a name; the list says it
    is one. A name with a legal form or a body word is an organisation's, any other a person's.
    """
    from kg.extract.recogniser import LEGAL_FORMS  # noqa: PLC0415  (the recogniser imports this module's users)
    made: dict[str, Entity] = {}
    for i in sorted(list_lines(texts)):
        m = _BARE_NAME.match(texts[i])
        if m is None or m.group(1).isupper():
            continue
        at = starts[i] + m.start(1)
        name = m.group(1)
        words = set(name.replace(",", " ").split())
        kind = "Organization" if words & (LEGAL_FORMS | _BODY_WORDS) else "Person"
        inside = [k for k in chains[i] if isinstance(k.entity, Entity) and k.start < at + len(name) and at < k.end]
        if any(k.start <= at < k.end for k in inside) and (kind == "Person" or any(
                k.start <= at and k.end >= at + len(name) for k in inside)):
            continue  # the finder named it already
        if kind == "Organization":  # "Northland Directorate of Procurement (also known as ...)": the whole name
            chains[i][:] = [k for k in chains[i] if k not in inside]
        e = made.get(name) or Entity(label=name, type=kind, ref=linker.ref(name, kind))
        made[name] = e
        chains[i].insert(0, Mention(at, at + len(name), name, "name" if kind == "Person" else "org", type=kind,
                                    name=name, entity=e))
