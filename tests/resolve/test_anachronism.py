"""The anachronism check: stated roles recorded by the extractor and by analysts, checked against positions."""

from __future__ import annotations

import json

import pytest

from kg.resolve.actor_graph import load_gazetteer, record_actor_decision
from kg.resolve.anachronism import PositionsMissing, find_anachronisms
from kg.api import KnowledgeGraph
from kg.extract import get_extractor
from kg.extract.records import to_record
from kg.model import ActorRef, Assertion, Claim, Document
from kg.model.inputs import ClaimInput
from tests.conftest import run_kg


def _extract(text: str, published: str) -> list[Assertion]:
    doc = Document.from_text(text, published=published)
    return list(get_extractor("rules").extract(doc))


def _ingest(graph: KnowledgeGraph, text: str, published: str) -> list[Assertion]:
    found = _extract(text, published)
    graph.add_document(found[0].source, found)
    return found


@pytest.fixture
def positioned():
    with KnowledgeGraph.open("memory:") as g:
        load_gazetteer(g)
        yield g


def test_extractor_records_the_office_a_title_gives():
    [a] = _extract("Russian President Vladimir Putin met President Barack Obama in Moscow on July 7, 2009.",
                   "2009-07-08")
    roles = {(r.actor.label, r.office, r.stated_as) for r in a.claim.stated_roles}
    assert roles == {("Vladimir Putin", "RU-president", "Russian President Vladimir Putin"),
                     ("Barack Obama", "US-president", "President Barack Obama")}
    record = to_record(a)
    assert {r["office"] for r in record["roles"]} == {"RU-president", "US-president"}


@pytest.mark.parametrize("mention", ["Former President Bill Clinton", "ex-President Bill Clinton",
                                     "Acting President Bill Clinton", "Bill Clinton"])
def test_titles_that_state_no_current_office_give_no_role(mention):
    [a] = _extract(f"{mention} met Tony Blair in London on May 2, 2005.", "2005-05-03")
    assert a.claim.subject.label == "Bill Clinton"
    assert a.claim.stated_roles == ()


def test_roles_do_not_change_the_ids_of_claims_without_roles():
    claim = Claim("meets", ActorRef("A B"), ActorRef("C D"))
    assert "stated_roles" not in claim.key_fields()


def test_stated_role_is_stored_in_the_claim_graph(positioned):
    [a] = _ingest(positioned, "Ukrainian President Volodymyr Zelensky met Pope Francis in Rome on May 13, 2023.",
                  "2023-05-14")
    rows = positioned.select(
        "SELECT ?actor ?office ?as WHERE { GRAPH ?g { ?e dip:statedRole ?r . ?r a dip:StatedRole ;"
        " dip:roleActor ?actor ; dip:roleOffice ?office ; dip:statedAs ?as } }")
    assert {(r["office"].rsplit("/", 1)[-1], r["as"]) for r in rows} == {
        ("ua-president", "Ukrainian President Volodymyr Zelensky"), ("va-pope", "Pope Francis")}
    assert find_anachronisms(positioned) == []


def test_role_not_held_on_the_event_date_is_flagged_with_the_holder(positioned):
    _ingest(positioned, "Russian President Vladimir Putin met Barack Obama in Moscow on July 7, 2009.", "2009-07-08")
    _ingest(positioned, "Russian President Vladimir Putin met Donald Trump in Helsinki on July 16, 2018.", "2018-07-17")
    _ingest(positioned, "Prime Minister Vladimir Putin met Barack Obama in Moscow on July 7, 2009.", "2009-07-09")
    [flag] = find_anachronisms(positioned)
    assert (flag.actor_label, flag.office_label, flag.holder_label, flag.date) == (
        "Vladimir Putin", "President of Russia", "Dmitry Medvedev", "2009-07-07")
    assert flag.stated_as == "Russian President Vladimir Putin"
    assert "Russian President" in (flag.quote or "")
    assert find_anachronisms(positioned, "Obama") == []
    assert len(find_anachronisms(positioned, "Putin")) == 1


def test_a_merge_into_the_office_holder_clears_the_flag(positioned):
    claim = ClaimInput(subject="Vova Putinov", subject_type="Person", relation="meets", object="Angela Merkel",
                       source="https://example.org/report", date="2015-05-10", subject_role="Russian President")
    positioned.assert_claim(claim)
    [flag] = find_anachronisms(positioned)
    assert flag.holder_label == "Vladimir Putin"
    record_actor_decision(positioned, "merge", "Vladimir Putin", "Vova Putinov", reason="same person, misspelt")
    assert find_anachronisms(positioned) == []


def test_analyst_roles_by_id_or_title(positioned):
    base = dict(subject="Vladimir Putin", relation="meets", object="Angela Merkel", source="https://example.org/a",
                date="2010-05-09")
    positioned.assert_claim(ClaimInput(**base, subject_role="RU-pm", object_role="Chancellor"))
    assert find_anachronisms(positioned) == []
    positioned.assert_claim(ClaimInput(**base, subject_role="President of Russia", quote="President Putin"))
    [flag] = find_anachronisms(positioned)
    assert (flag.office_label, flag.holder_label) == ("President of Russia", "Dmitry Medvedev")


def test_bad_roles_fail_naming_the_field_and_write_nothing(positioned):
    before = positioned.stats()
    base = dict(relation="meets", object="Angela Merkel", source="https://example.org/a", date="2010-05-09")
    with pytest.raises(ValueError, match=r"subject_role: role 'Grand Vizier' names no single office"):
        positioned.assert_claim(ClaimInput(subject="Vladimir Putin", subject_role="Grand Vizier", **base))
    with pytest.raises(ValueError, match=r"subject_role: 'Russia' is a Country"):
        positioned.assert_claim(ClaimInput(subject="Russia", subject_role="President", **base))
    assert positioned.stats() == before


def test_check_needs_positions(graph):
    with pytest.raises(PositionsMissing, match="kg actors load"):
        find_anachronisms(graph)


def test_cli_check(tmp_path):
    store = tmp_path / "store"
    article = tmp_path / "a.txt"
    article.write_text("Russian President Vladimir Putin met US President Barack Obama in Moscow on July 7, 2009.\n",
                       encoding="utf-8")
    run_kg("ingest", str(article), store=store, check=True)
    missing = run_kg("actors", "check", store=store)
    assert missing.returncode == 1 and "run: kg actors load" in missing.stderr
    run_kg("actors", "load", store=store, check=True)
    table = run_kg("actors", "check", "--format", "table", store=store, check=True)
    assert "Medvedev" in table.stdout and "1 stated role(s)" in table.stdout
    rows = json.loads(run_kg("actors", "check", "--format", "json", store=store, check=True).stdout)
    assert [(r["actor_label"], r["holder_label"]) for r in rows] == [("Vladimir Putin", "Dmitry Medvedev")]
    assert json.loads(run_kg("actors", "check", "--actor", "Obama", "--format", "json", store=store,
                             check=True).stdout) == []
    bad = run_kg("actors", "check", "--format", "xml", store=store)
    assert bad.returncode == 1 and bad.stderr.strip() == "error: --format: 'xml' is not one of table, tsv, csv, json, jsonl"
    named = run_kg("query", "--name", "anachronisms", "--format", "json", store=store, check=True)
    assert "Dmitry Medvedev" in named.stdout
