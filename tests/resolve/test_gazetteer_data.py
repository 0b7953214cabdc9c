"""The shipped gazetteer is consistent, and malformed rows fail with file, line and field."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pytest

from kg.rdf.ids import is_qid
from kg.resolve import Gazetteer, GazetteerError
from kg.resolve.build_countries import build_rows
from kg.resolve.checks import check_gazetteer, overlapping_terms
from kg.resolve.gazetteer import default_dir, load_dir

DATA = default_dir()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    for f in DATA.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_packaged_data_is_consistent(gaz: Gazetteer) -> None:
    assert check_gazetteer(gaz) == []


def test_loads_fast() -> None:
    t0 = time.perf_counter()
    load_dir(DATA)
    assert time.perf_counter() - t0 < 1.0


def test_every_iso_country_is_present(gaz: Gazetteer) -> None:
    import pycountry

    assert {c.alpha_2 for c in pycountry.countries} <= set(gaz.actors)


def test_countries_csv_is_the_generators_output() -> None:
    with (DATA / "countries.csv").open(encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert committed == build_rows(DATA), "run: python -m kg.resolve.build_countries"


@pytest.mark.parametrize("iso2", ["US", "RU", "CN", "UA", "BY", "GB", "FR", "DE", "IT", "JP", "IN", "BR", "CA", "AU",
                                  "MX", "AR", "ZA", "ID", "KR", "KP", "TR", "SA", "IR", "IL", "SY", "VE", "QA", "PK",
                                  "MM", "EG", "PL", "NL", "BE", "AT", "SE", "FI", "DK", "IE", "PT", "GR", "HU", "CZ",
                                  "SK", "SI", "HR", "RO", "BG", "EE", "LV", "LT", "LU", "MT", "CY", "ES"])
def test_key_countries_have_qids(gaz: Gazetteer, iso2: str) -> None:
    assert is_qid(gaz.actors[iso2].qid)


def test_ids_and_qids_well_formed(gaz: Gazetteer) -> None:
    for rec in gaz.actors.values():
        assert not rec.qid or is_qid(rec.qid), rec
        assert rec.type != "Person" or is_qid(rec.id) == bool(rec.qid)
    for office in gaz.offices.values():
        assert not office.qid or is_qid(office.qid), office


@pytest.mark.parametrize("office, n", [("US-president", 6), ("RU-president", 3), ("CN-president", 3), ("UA-president", 6),
                                       ("GB-pm", 8), ("DE-chancellor", 4), ("UN-sg", 3), ("VA-pope", 4)])
def test_core_offices_are_filled(gaz: Gazetteer, office: str, n: int) -> None:
    assert len(gaz.terms[office]) >= n


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len((text + line).splitlines())


@pytest.mark.parametrize("file, line, field", [
    ("persons.csv", "Q0123,Bad Id,,,US", "id"),
    ("persons.csv", "Q7747,Duplicate Putin,,,RU", "id"),
    ("persons.csv", ",No Id,,,RU", "id"),
    ("positions.csv", "Q7747,RU-president,2012-13-01,,wd:Q7747,", "start"),
    ("positions.csv", "Q7747,RU-president,2012-05-07,2011-01-01,wd:Q7747,", "end"),
    ("positions.csv", "Q7747,XX-nothing,2012-05-07,,wd:Q7747,", "office"),
    ("positions.csv", "nobody,RU-president,2012-05-07,,,", "person"),
    ("organizations.csv", "Bad Slug,Bad,,,,,,", "id"),
    ("organizations.csv", "ok-slug,Ok,Qx1,,,,,", "qid"),
    ("offices.csv", "XX-p,P,nowhere,head_of_state,true,President,", "holder"),
    ("offices.csv", "XX-p,P,RU,emperor,true,President,", "kind"),
    ("offices.csv", "XX-p,P,RU,head_of_state,yes,President,", "single_holder"),
    ("countries.csv", "RU,RUS,Q159,Rossiya,nickname", "kind"),
    ("ambiguous_aliases.csv", "Congo,nobody,", "prefer"),
])
def test_malformed_row_names_file_line_field(copy_dir: Path, file: str, line: str, field: str) -> None:
    lineno = _append(copy_dir / file, line)
    with pytest.raises(GazetteerError) as err:
        load_dir(copy_dir)
    assert (err.value.file, err.value.line, err.value.field) == (file, lineno, field)
    assert f"{file}:{lineno}: field {field!r}" in str(err.value)


def test_overlapping_single_holder_terms_are_reported(copy_dir: Path) -> None:
    _append(copy_dir / "positions.csv", "Q23530,RU-president,2020-01-01,2021-01-01,wd:Q23530,test")
    gaz = load_dir(copy_dir)
    pairs = overlapping_terms(gaz)
    assert [(a.person, b.person) for a, b in pairs] == [("Q7747", "Q23530")] or \
        [(b.person, a.person) for a, b in pairs] == [("Q7747", "Q23530")]
    assert any("single-holder" in p for p in check_gazetteer(gaz))


def test_handover_day_is_not_an_overlap(gaz: Gazetteer) -> None:
    # Medvedev's term ends 2008-05-07, the day Putin's previous term ended: no overlap, no gap.
    assert not [p for p in overlapping_terms(gaz) if p[0].office == "RU-president"]


def test_year_precision_does_not_overlap_spuriously(copy_dir: Path) -> None:
    _append(copy_dir / "offices.csv", "XX-test,Test office,RU,other,true,Test Chief,")
    _append(copy_dir / "positions.csv", "Q7747,XX-test,2001,2003,,")
    _append(copy_dir / "positions.csv", "Q23530,XX-test,2003,,,")
    assert overlapping_terms(load_dir(copy_dir)) == []


def test_shared_alias_without_rule_is_reported(copy_dir: Path) -> None:
    _append(copy_dir / "organizations.csv", "kremlin-org,Kremlin Org,,RU,,the Kremlin,,")
    problems = check_gazetteer(load_dir(copy_dir))
    assert any("'kremlin'" in p and "ambiguous_aliases.csv" in p for p in problems)
