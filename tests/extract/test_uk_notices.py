"""A UK financial sanctions notice: numbered entries "SURNAME, Given Patronymic*" under "Individuals" and "Entities"
headings, each with detail lines (DOB, a.k.a., Address), announced without a colon; the imposer is the government
whose regulations the notice cites; a delisting lists nobody sanctioned. The notice is written here."""

from __future__ import annotations

from kg.extract import get_extractor
from kg.model.core import Document

NOTICE = """FINANCIAL SANCTIONS NOTICE
BELARUS
02/10/2026

1. The Foreign Secretary has made four designations under the Belarus (Sanctions) (EU Exit) Regulations 2019.

2. The following entries have been added to the Consolidated List and are now subject to an asset freeze. Individuals marked with an asterisk are also subject to a travel ban.

Individuals

1. KOVALENKO, Pavel Ivanovich*
a.k.a: KOVALENKA, Pavel
DOB: 01/02/1970. Nationality: Belarus. UK Sanctions List Ref: BEL0101.

2. MOROZOVA, Irina Petrovna
DOB: 03/04/1975. Position: Director, Minsk Tractor Export LLC. UK Sanctions List Ref: BEL0102.

Entities

3. MINSK TRACTOR EXPORT LLC
Address: Minsk, Belarus. UK Sanctions List Ref: BEL0103.

4. POLESIE MICROSYSTEMS CJSC
Address: Gomel, Belarus. UK Sanctions List Ref: BEL0104.

3. The following entry has been removed from the Consolidated List and is no longer subject to an asset freeze:
SIDORENKO, Oleg Viktorovich. UK Sanctions List Ref: BEL0034.
"""


def test_every_entry_of_a_uk_notice_is_a_target_of_the_united_kingdom() -> None:
    found = {(a.claim.subject.label, a.claim.obj.label if a.claim.obj else None, a.claim.status)
             for a in get_extractor().extract(Document.from_text(NOTICE))
             if a.claim.relation == "sanctions"}
    targets = {o.lower() for s, o, status in found if s == "United Kingdom" and status == "held"}
    assert {"pavel ivanovich kovalenko", "irina petrovna morozova", "minsk tractor export llc",
            "polesie microsystems cjsc"} <= targets, found
    assert not any("sidorenko" in (o or "").lower() and status == "held" for _, o, status in found), found
    assert all(s == "United Kingdom" for s, _, _ in found), found
