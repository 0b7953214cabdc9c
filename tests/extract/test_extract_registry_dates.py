"""The extractor registry, date normalisation and the JSONL record."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import available, get_extractor, register
from kg.extract.dates import find_date, find_time, to_datetime
from kg.extract.records import to_record
from kg.model.core import ActorRef, Assertion, Claim, Document, Evidence


def test_registry_returns_one_rules_instance() -> None:
    assert get_extractor("parse") is get_extractor()
    assert "rules" in available()


def test_registry_unknown_name_lists_choices() -> None:
    with pytest.raises(KeyError, match="available: .*rules"):
        get_extractor("nope")


def test_register_custom_extractor() -> None:
    class Null:
        name = "null"

        def extract(self, document):  # type: ignore[no-untyped-def]
            return iter(())

    register("null-test", Null)
    assert list(get_extractor("null-test").extract(Document.from_text("x"))) == []


PUB = date(2025, 8, 15)  # a Friday


@pytest.mark.parametrize("text, future, expected", [
    ("on Friday", False, ("2025-08-15", None, "relative")),
    ("on Monday", False, ("2025-08-11", None, "relative")),
    ("on Monday", True, ("2025-08-18", None, "relative")),
    ("yesterday", False, ("2025-08-14", None, "relative")),
    ("earlier today", False, ("2025-08-15", None, "relative")),
    ("next month", True, ("2025-09-01", "2025-09-30", "relative")),
    ("on August 1", False, ("2025-08-01", None, "explicit")),
    ("on 3 January", True, ("2026-01-03", None, "explicit")),
    ("on Feb 9, 2023", False, ("2023-02-09", None, "explicit")),
    ("2022-07-27", False, ("2022-07-27", None, "explicit")),
    ("at some point", False, (None, None, None)),
])
def test_find_date(text: str, future: bool, expected: tuple) -> None:  # type: ignore[type-arg]
    assert find_date(text, PUB, future=future) == expected


def test_relative_dates_need_a_publication_date() -> None:
    assert find_date("on Friday", None) == (None, None, None)


@pytest.mark.parametrize("text, expected", [
    ("at 11:30 a.m. local time (19:30 GMT)", ("11:30", "-08:00")),
    ("at 2:30 PM", ("14:30", None)),
    ("at 14:00 GMT", ("14:00", "+00:00")),
    ("at 9 a.m. EST", ("09:00", "-05:00")),
    ("in 2019 and 300 prisoners", (None, None)),
])
def test_find_time(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert find_time(text) == expected


def test_datetime_only_with_full_date_and_offset() -> None:
    assert to_datetime("2025-08-15", "11:30", None) is None
    assert to_datetime(None, "11:30", "-08:00") is None


def test_record_shape_for_group_objects() -> None:
    doc = Document.from_text("Lee freed 16 prisoners.")
    group = ActorRef("prisoners", "Group", iri="https://w3id.org/diplomacy-kg/id/group/x", count=16)
    a = Assertion(Claim("releases", ActorRef("Ann Lee"), group, count=16, cameo="0841", plover="RETREAT"), doc,
                  asserted_by="extractor:rules@0.1.0", evidence=Evidence("Lee freed 16 prisoners", None, 0, 22))
    rec = to_record(a, "a.txt")
    assert rec["object"] == {"label": "prisoners", "type": "Group", "iri": group.iri, "count": 16}
    assert rec["codes"] == {"cameo": "0841", "plover": "RETREAT"}
    assert rec["evidence"]["text"] == "Lee freed 16 prisoners" and rec["source"] == "a.txt"
    assert set(rec) >= {"source", "relation", "subject", "object", "status", "date", "time", "place", "count",
                        "evidence", "confidence", "codes", "event_type", "hedges"}
