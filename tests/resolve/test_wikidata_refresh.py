"""Wikidata refresh against a real SPARQL server (oxigraph on loopback) and file import."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from kg.resolve import Resolver
from kg.resolve.gazetteer import default_dir, load_dir
from kg.resolve.wikidata import WikidataError, import_file, update_from_endpoint

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata_fixture.ttl"
OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = str(OXIGRAPH) if OXIGRAPH.exists() else shutil.which("oxigraph")
    if not exe:
        pytest.skip("oxigraph server not installed (pip install oxigraph)")
    store = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([exe, "load", "--location", str(store), "--file", str(FIXTURE)], check=True,
                   capture_output=True, timeout=60)
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                httpx.get(url, params={"query": "ASK {}"}, timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.server
def test_update_from_endpoint(endpoint: str, tmp_path: Path) -> None:
    report = update_from_endpoint(endpoint, tmp_path)
    assert report.offices == ("GB-pm", "RU-president")
    assert report.persons_added == 1 and report.persons_rekeyed == 1
    merged = tmp_path / "merged"
    shutil.copytree(default_dir(), merged, ignore=shutil.ignore_patterns("persons.csv", "positions.csv"))
    for name in ("persons.csv", "positions.csv"):
        shutil.copy(tmp_path / name, merged / name)
    gaz = load_dir(merged)
    # the deprecated claim (Putin 2008-2012) and Yeltsin (ended before 2000) are not imported
    assert [(p.person, p.start, p.end) for p in gaz.terms["RU-president"]] == [
        ("Q7747", "2012-05-07", ""), ("Q23530", "2008-05-07", "2012-05-07"), ("Q7747", "2000-05-07", "2008-05-07")]
    assert "Q34453" not in gaz.actors
    assert "Vladimir Vladimirovich Putin" in gaz.actors["Q7747"].aliases  # new altLabel merged
    # the slug person matching by name and office is re-keyed to the QID, with its hand aliases kept
    assert "keir-starmer" not in gaz.actors
    assert gaz.actors["Q99999901"].name == "Keir Starmer"
    assert "Keir Rodney Starmer" in gaz.actors["Q99999901"].aliases
    assert gaz.actors["Q99999902"].country == "GB"
    r = Resolver(gaz)
    assert r.resolve("the British Prime Minister", on=date(2025, 1, 1)).id == "Q99999901"  # type: ignore[union-attr]
    assert r.resolve("the Russian President", on=date(2010, 6, 1)).id == "Q23530"  # type: ignore[union-attr]
    # offices without rows in the answer are untouched
    assert len(gaz.terms["US-president"]) == len(Resolver.default().gaz.terms["US-president"])


@pytest.mark.server
def test_unreachable_endpoint_leaves_files(tmp_path: Path) -> None:
    (tmp_path / "persons.csv").write_text("sentinel\n", encoding="utf-8")
    url = f"http://127.0.0.1:{_free_port()}/query"
    with pytest.raises(WikidataError) as err:
        update_from_endpoint(url, tmp_path)
    assert url in str(err.value) and "\n" not in str(err.value)
    assert _read(tmp_path / "persons.csv") == "sentinel\n"
    assert not (tmp_path / "positions.csv").exists()


@pytest.mark.server
def test_endpoint_with_wrong_answer_shape(endpoint: str, tmp_path: Path) -> None:
    bad = endpoint.rsplit("/", 1)[0] + "/nothing-here"
    with pytest.raises(WikidataError) as err:
        update_from_endpoint(bad, tmp_path)
    assert bad in str(err.value)
    assert list(tmp_path.iterdir()) == []


def _result(person: str, office: str, start: str, label: str = "") -> dict[str, dict[str, str]]:
    b = {"person": {"type": "uri", "value": f"http://www.wikidata.org/entity/{person}"},
         "office": {"type": "uri", "value": f"http://www.wikidata.org/entity/{office}"},
         "start": {"type": "literal", "value": start}}
    if label:
        b["personLabel"] = {"type": "literal", "value": label, "xml:lang": "en"}
    return b


def test_import_json(tmp_path: Path) -> None:
    doc = {"head": {"vars": ["person", "personLabel", "office", "start", "end"]},
           "results": {"bindings": [_result("Q22686", "Q11696", "2025-01-20T00:00:00Z", "Donald Trump"),
                                    _result("Q22686", "Q11696", "2017-01-20T00:00:00Z", "Donald Trump")]}}
    src = tmp_path / "answer.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    report = import_file(src, tmp_path / "out")
    assert report.positions == 2 and report.offices == ("US-president",)
    assert "Q22686,US-president,2025-01-20,,wd:Q22686" in _read(tmp_path / "out" / "positions.csv")


def test_import_csv(tmp_path: Path) -> None:
    src = tmp_path / "answer.csv"
    src.write_text("person,personLabel,office,start,end\n"
                   "http://www.wikidata.org/entity/Q7747,Vladimir Putin,http://www.wikidata.org/entity/Q218295,"
                   "2012-05-07T00:00:00Z,\n", encoding="utf-8")
    report = import_file(src, tmp_path / "out")
    assert report.positions == 1


@pytest.mark.parametrize("content, message", [
    ('{"head": {"vars": ["x"]}, "results": {"bindings": []}}', "'person' and 'office'"),
    ('{"not": "sparql"}', "not a SPARQL JSON result"),
    ("{broken", "invalid JSON"),
    ("who,what\nQ1,Q2\n", "CSV header"),
    ("person,office,start\nQ7747,Q218295,yesterday\n", "not a date"),
    ("person,office\nPutin,Q218295\n", "not a Wikidata item"),
])
def test_import_validates_shape_and_writes_nothing(tmp_path: Path, content: str, message: str) -> None:
    src = tmp_path / ("bad.json" if content.startswith("{") else "bad.csv")
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(WikidataError, match=message):
        import_file(src, out)
    assert not out.exists()


def test_import_that_would_break_the_data_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "answer.csv"
    src.write_text("person,office,start,end\nQ7747,Q218295,2012-05-07,2001-01-01\n", encoding="utf-8")
    with pytest.raises(WikidataError, match="invalid data"):
        import_file(src, tmp_path / "out")
    assert not (tmp_path / "out").exists()
