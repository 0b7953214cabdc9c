"""General patterns of the rule extractor, one short invented sentence each."""

from __future__ import annotations

import pytest

from kg.extract.rules import RuleExtractor
from kg.model.core import Document


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor(resolver=None)


def triples(extractor: RuleExtractor, text: str, published: str | None = "2025-03-05") -> set[tuple[str, ...]]:
    doc = Document.from_text(text, published=published)
    out = set()
    for a in extractor.extract(doc):
        for subject, obj in a.claim.pairs():  # one line per dyad of a multi-party event
            out.add((a.claim.relation, subject.label, obj.label if obj else "", a.claim.status))
    return out


@pytest.mark.parametrize("text, expected", [
    ("President Ann Lee met Prime Minister Raj Patel in Oslo.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee will meet Prime Minister Raj Patel next week.", ("meets", "Ann Lee", "Raj Patel", "planned")),
    ("President Ann Lee is expected to meet with Raj Patel.", ("meets", "Ann Lee", "Raj Patel", "planned")),
    ("President Ann Lee did not meet Prime Minister Raj Patel.", ("meets", "Ann Lee", "Raj Patel", "negated")),
    ("President Ann Lee declined to meet Prime Minister Raj Patel.", ("meets", "Ann Lee", "Raj Patel", "refused")),
    ("President Ann Lee and Prime Minister Raj Patel met on Friday.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee spoke by phone with Raj Patel.", ("talksWith", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee had a phone call with Raj Patel.", ("talksWith", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee had a talk with Raj Patel.", ("talksWith", "Ann Lee", "Raj Patel", "held")),
    ("Norway imposed sanctions on businessman Raj Patel.", ("sanctions", "Norway", "Raj Patel", "held")),
    ("The European Union sanctioned Raj Patel.", ("sanctions", "European Union", "Raj Patel", "held")),
    ("Ann Lee, a senior adviser to Prime Minister Raj Patel, said so.", ("advises", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee pardoned 30 prisoners.", ("pardons", "Ann Lee", "prisoners", "held")),
    ("President Ann Lee freed 30 political prisoners.", ("releases", "Ann Lee", "political prisoners", "held")),
    ("President Ann Lee and Raj Patel held a summit in Oslo.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee received Prime Minister Raj Patel in Oslo.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("Raj Patel received a phone call from President Ann Lee.", ("talksWith", "Raj Patel", "Ann Lee", "held")),
    ("Ann Lee and Raj Patel will hold talks by phone.", ("talksWith", "Ann Lee", "Raj Patel", "planned")),
    ("President Ann Lee and Raj Patel failed to meet.", ("meets", "Ann Lee", "Raj Patel", "negated")),
    ("Tom Berg, an envoy of President Ann Lee, met Raj Patel.", ("meets", "Tom Berg", "Raj Patel", "held")),
    ("President Ann Lee met Raj Patel, hours after holding talks with Mia Holm.",
     ("meets", "Ann Lee", "Mia Holm", "held")),  # "talks" without a phone/video cue are in person
    ("Norway imposed sanctions on Raj Patel, businessman Tom Berg and the Nordic Shipping Company.",
     ("sanctions", "Norway", "Nordic Shipping Company", "held")),
    ("Prime Minister Raj Patel spoke. Patel's diplomatic adviser Tom Berg said so.",
     ("advises", "Tom Berg", "Raj Patel", "held")),
    ("An aide to Prime Minister Raj Patel, Tom Berg, said so.", ("advises", "Tom Berg", "Raj Patel", "held")),
    ("President Ann Lee pardoned 12 prisoners, including the journalist Mia Holm.",
     ("pardons", "Ann Lee", "Mia Holm", "held")),
    ("During a meeting with Prime Minister Raj Patel, President Ann Lee said so.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee, who met Raj Patel on Monday, said so.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("Sanctions were imposed on Raj Patel by the European Union.", ("sanctions", "European Union", "Raj Patel", "held")),
    ("Talks between President Ann Lee and Raj Patel ended without a deal.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("President Ann Lee hosted her Indian counterpart Raj Patel.", ("meets", "Ann Lee", "Raj Patel", "held")),
    ("Officials said President Ann Lee would not meet Raj Patel.", ("meets", "Ann Lee", "Raj Patel", "negated")),
])
def test_patterns(extractor: RuleExtractor, text: str, expected: tuple[str, ...]) -> None:
    assert expected in triples(extractor, "Headline\n" + text)


@pytest.mark.parametrize("text", [
    "Rights groups called for the release of 40 prisoners.",  # a demand, not a release
    "The ministry released a statement on Tuesday.",  # not a person
    "Analysts discussed the talks between the two sides.",  # no actors
    "President Ann Lee talked about trade with reporters.",  # reporters are not an actor
    "The Quds Force has been under sanction since 2007.",  # no imposer, no target phrase
    "Leaders met.",
    "President Ann Lee welcomed the releases of prisoners.",  # a noun: neither releaser nor released
    "ROME — Officials met in the capital.",  # a dateline is not an actor
    "Ann Lee and Raj Patel arrived. The two teams will meet again next month.",  # teams are not the pair
])
def test_no_false_findings(extractor: RuleExtractor, text: str) -> None:
    assert triples(extractor, "Headline\n" + text) == set()


def test_coreference_of_surnames_titles_and_pronouns(extractor: RuleExtractor) -> None:
    text = ("Talks\nBelarusian President Oleg Vann arrived on Monday. "
            "The Belarusian leader later met Prime Minister Raj Patel. "
            "Vann said he spoke by phone with Patel again.")
    found = triples(extractor, text)
    assert ("meets", "Oleg Vann", "Raj Patel", "held") in found
    assert ("talksWith", "Oleg Vann", "Raj Patel", "held") in found


def test_the_two_leaders_refers_to_the_last_pair(extractor: RuleExtractor) -> None:
    text = "Talks\nPresident Ann Lee and Prime Minister Raj Patel arrived. The two leaders will meet on Friday."
    assert ("meets", "Ann Lee", "Raj Patel", "planned") in triples(extractor, text)


def test_hedges_lower_confidence(extractor: RuleExtractor) -> None:
    plain = Document.from_text("X\nPresident Ann Lee met Raj Patel.")
    hedged = Document.from_text("X\nPresident Ann Lee reportedly met Raj Patel, according to officials.")
    [a] = extractor.extract(plain)
    [b] = extractor.extract(hedged)
    assert b.claim.hedges == ("reportedly", "according to") and b.confidence < a.confidence


def test_times_with_offsets(extractor: RuleExtractor) -> None:
    doc = Document.from_text("X\nAnn Lee will meet Raj Patel at 3 p.m. local time (13:00 GMT) on Friday.",
                             published="2025-03-05")
    [a] = extractor.extract(doc)
    assert (a.claim.date, a.claim.time, a.claim.datetime) == ("2025-03-07", "15:00", "2025-03-07T15:00:00+02:00")


def test_group_objects_are_distinct_per_document(extractor: RuleExtractor) -> None:
    one = list(extractor.extract(Document.from_text("X\nPresident Ann Lee pardoned 5 prisoners.")))
    two = list(extractor.extract(Document.from_text("Y\nPresident Ann Lee pardoned 7 prisoners.")))
    assert one[0].claim.obj and two[0].claim.obj
    assert one[0].claim.obj.canonical_iri() != two[0].claim.obj.canonical_iri()


def test_empty_document_yields_nothing(extractor: RuleExtractor) -> None:
    assert list(extractor.extract(Document.from_url("https://example.org/"))) == []


def test_extract_many_matches_extract(extractor: RuleExtractor) -> None:
    docs = [Document.from_text(f"X\nPresident Ann Lee met Raj Patel{i}.") for i in range(3)]
    batched = [[a.id for a in batch] for batch in extractor.extract_many(docs)]
    assert batched == [[a.id for a in extractor.extract(d)] for d in docs]
