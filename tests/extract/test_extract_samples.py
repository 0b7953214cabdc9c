"""The rule extractor on the sample articles in data/samples (original texts written for the project)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.records import to_record
from kg.extract.rules import RuleExtractor
from kg.ingest.readers import read_path
from kg.model.core import Assertion

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor(resolver=None)  # no gazetteer: the rules alone


def run(extractor: RuleExtractor, name: str, published: str | None = None) -> tuple[str, list[Assertion]]:
    [doc] = read_path(SAMPLES / name, published=published)
    return doc.text or "", list(extractor.extract(doc))


def find(found: list[Assertion], relation: str, subject: str, obj: str | None = None,
         status: str | None = None) -> list[Assertion]:
    def last(label: str) -> str:
        return label.split()[-1]
    return [a for a in found if a.claim.relation == relation
            and any(last(s.label) == subject and (obj is None or (o is not None and last(o.label) == obj))
                    for s, o in a.claim.pairs())
            and (status is None or a.claim.status == status)]


def test_seed_story(extractor: RuleExtractor) -> None:
    text, found = run(extractor, "alaska-summit.txt", published="2025-08-15")
    assert not find(found, "meets", "Trump", "Putin", "held")  # "his much-anticipated summit" is not held yet
    [meet] = [a for a in find(found, "meets", "Trump", "Putin", "planned") if a.claim.time]
    assert meet.claim.time == "11:30"
    assert meet.claim.datetime == "2025-08-15T11:30:00-08:00"
    assert meet.claim.date_basis == "relative"
    assert meet.claim.place == "Joint Base Elmendorf-Richardson, Anchorage"
    assert (meet.claim.cameo, meet.claim.plover) == ("036", "AGREE")
    assert find(found, "talksWith", "Trump", "Lukashenko", "held")
    [pardon] = find(found, "pardons", "Lukashenko")
    assert pardon.claim.obj is not None and pardon.claim.obj.type == "Group" and pardon.claim.count == 16
    assert "reportedly" not in pardon.claim.hedges  # the hedge is in the next sentence
    [release] = find(found, "releases", "Lukashenko")
    assert release.claim.count == 16 and (release.claim.cameo, release.claim.plover) == ("0841", "RETREAT")
    [advice] = find(found, "advises", "Viacorka", "Tsikhanouskaya")
    assert advice.claim.cameo is None and advice.claim.date is None
    assert all(a.evidence is not None and a.evidence.start < text.index("Leave a Reply") for a in found)


def test_seed_story_without_publication_date_keeps_clock_time(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "alaska-summit.txt")
    [meet] = [a for a in find(found, "meets", "Trump", "Putin", "planned") if a.claim.time]
    assert (meet.claim.date, meet.claim.time, meet.claim.datetime) == (None, "11:30", None)


def test_held_summit_with_host_place_and_relative_dates(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "held-summit.txt")  # "Published: 2024-03-14" (a Thursday) in the text
    held = find(found, "meets", "Lehtonen", "Kask", "held")
    first = held[0]
    assert (first.claim.date, first.claim.date_basis, first.claim.place) == ("2024-03-12", "relative", "Helsinki")
    hosted = [a for a in held if a.claim.event_type == "Visit"]
    assert hosted and hosted[0].claim.host is not None and hosted[0].claim.cameo == "043"
    [again] = find(found, "meets", "Lehtonen", "Kask", "planned")
    assert (again.claim.date, again.claim.end_date, again.claim.place) == ("2024-04-01", "2024-04-30", "Tallinn")


def test_refused_and_negated_meetings_are_never_held(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "refused-meeting.txt")
    assert find(found, "meets", "Brandt", "Weber", "refused")
    assert find(found, "meets", "Brandt", "Weber", "negated")
    assert not [a for a in found if a.claim.relation == "meets" and a.claim.status in ("held", "planned")]
    assert {to_record(a)["status"] for a in found} == {"negated"}


def test_phone_calls(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "phone-call.txt")
    [held] = find(found, "talksWith", "Ashdown", "Mori", "held")
    assert (held.claim.event_type, held.claim.cameo, held.claim.date) == ("Call", "041", "2024-06-07")
    [planned] = find(found, "talksWith", "Ashdown", "Tremblay", "planned")
    assert planned.claim.date == "2024-06-10"  # "on Monday" after a Friday publication


def test_sanctions_with_several_targets(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "sanctions.txt")
    targets = {o.label for a in find(found, "sanctions", "Canada") for s, o in a.claim.pairs()
               if o is not None and s.label == "Canada"}
    assert {"Ivan Sorokin", "Pavel Gromov", "Northern Shipping Company", "Arctic Metals Group"} <= targets
    assert find(found, "sanctions", "Union", "Sorokin")
    assert all((a.claim.cameo, a.claim.plover) == ("163", "SANCTION") for a in found)


def test_pardon_with_count_and_named_persons(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "pardon.txt")
    [group] = [a for a in find(found, "pardons", "Amanov") if a.claim.obj and a.claim.obj.type == "Group"]
    assert group.claim.count == 12 and {p.label for p in group.claim.released} == {"Dana Omarova", "Erlan Sadykov"}
    assert group.claim.hedges == ("reported",) and group.confidence < 0.9
    assert find(found, "pardons", "Amanov", "Omarova")
    [release] = find(found, "releases", "Amanov")
    assert release.claim.count == 3
    assert len(find(found, "releases", "Amanov")) == 1  # "called for the release of 40 more" is a demand


def test_advisers(extractor: RuleExtractor) -> None:
    _, found = run(extractor, "adviser.txt")
    assert find(found, "advises", "Finch", "Okafor")
    assert find(found, "advises", "Hale", "Okafor")
    assert find(found, "meets", "Hale", "Mendes", "held")


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_evidence_offsets_point_into_the_document(extractor: RuleExtractor, name: str) -> None:
    text, found = run(extractor, name)
    assert found
    for a in found:
        assert a.evidence is not None and a.evidence.start is not None and a.evidence.end is not None
        assert text[a.evidence.start:a.evidence.end] == a.evidence.quote
        assert a.evidence.quote in (a.evidence.sentence or "")
        assert a.asserted_by.startswith("extractor:rules@")
        assert 0 < a.confidence <= 1
