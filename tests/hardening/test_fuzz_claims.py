"""Fuzzing analysts' claims: ClaimInput fields, CSV and YAML files (kg.desk.claims_file) and HTTP POST /assertions.

Every input is stored or refused with a clean one-line error; a refused claim leaves the store byte-identical.
"""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.api import KnowledgeGraph
from kg.desk.claims_file import parse_claims_lenient, parse_claims_text
from kg.model.inputs import ClaimInput, one_line_error
from tests.hardening._common import EXAMPLES, check_clean, snapshot

FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
FIELDS = ["subject", "relation", "object", "source", "quote", "published", "analyst", "reliability", "credibility",
          "date", "time", "place", "status", "count", "subject_type", "object_type", "confidence"]
NASTY = ['x" } ; DROP ALL ; #', "> } INSERT DATA { <a> <b> <c> } #", "\\u0022", "<script>alert(1)</script>", "\x00",
         "\u2028", "\ufeff", "é" * 301, "a" * 301, "", " ", "\n", "https://x.org/\x00", "https://", "urn:x:y",
         "doi:10.1/x", "2025-02-30", "2025-08-15T25:00", "9999-12-31", "-1", "0", "1e309", "nan", "inf", "7", "G",
         "held", "PLANNED", "meets", "talks", "Person", "group", "24:00", "23:59", "https://example.org/a b",
         "file:///etc/passwd", "javascript:alert(1)", "Vladimir Putin", "Donald Trump", "../../etc/passwd"]
VALUE = st.one_of(st.sampled_from(NASTY), st.text(max_size=30), st.integers(-10, 10**20), st.floats(),
                  st.booleans(), st.none(), st.lists(st.text(max_size=5), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
GOOD = {"subject": "Donald Trump", "relation": "meets", "object": "Vladimir Putin", "source": "https://example.org/f"}


@st.composite
def claim_dicts(draw: st.DrawFn) -> dict:
    data = dict(GOOD) if draw(st.booleans()) else {}
    for key in draw(st.lists(st.sampled_from(FIELDS + ["extra", "1"]), max_size=5)):
        data[key] = draw(VALUE)
    return data


@pytest.fixture(scope="module")
def fuzz_graph():
    with KnowledgeGraph.open("memory:") as graph:
        yield graph


def _assert_one(graph: KnowledgeGraph, data: dict) -> None:
    before = snapshot(graph)
    try:
        claim = ClaimInput.model_validate(data)
        graph.assert_claim(claim)
    except Exception as exc:  # noqa: BLE001
        check_clean(exc)
        assert "\n" not in one_line_error(exc)  # type: ignore[arg-type]
        assert snapshot(graph) == before, f"store changed after refused claim {data!r}: {exc}"


@FUZZ
@given(data=claim_dicts())
def test_claim_input(fuzz_graph: KnowledgeGraph, data: dict) -> None:
    _assert_one(fuzz_graph, data)


def _csv_text(rows: list[dict], header: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else str(v)) for k, v in row.items() if k in header})
    return buf.getvalue()


@FUZZ
@given(rows=st.lists(claim_dicts(), max_size=4), fmt=st.sampled_from(["csv", "yaml", "raw-yaml", "raw-csv"]),
       raw=st.text(max_size=200), cut=st.integers(0, 400))
def test_claims_files(fuzz_graph: KnowledgeGraph, rows: list[dict], fmt: str, raw: str, cut: int) -> None:
    if fmt == "csv":
        header = sorted({k for r in rows for k in r if k and k.isidentifier()} | {"subject", "relation", "object", "source"})
        text, name = _csv_text(rows, header), "claims.csv"
    elif fmt == "yaml":
        text, name = yaml.safe_dump(rows, allow_unicode=True), "claims.yaml"
        text = text[:cut] if cut < len(text) and cut % 3 == 0 else text  # sometimes truncated
    elif fmt == "raw-yaml":
        text, name = raw, "claims.yaml"
    else:
        text, name = "subject,relation,object,source\n" + raw, "claims.csv"
    before = snapshot(fuzz_graph)
    try:
        claims, errors = parse_claims_lenient(text, name)
        assert all("\n" not in e for e in errors)
        claims = parse_claims_text(text, name)
        fuzz_graph.assert_claims(claims)
    except Exception as exc:  # noqa: BLE001
        check_clean(exc)
        assert snapshot(fuzz_graph) == before, f"store changed after a refused {name}: {exc}"


def test_yaml_bombs_and_tags_are_refused_cleanly(fuzz_graph):
    before = snapshot(fuzz_graph)
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    for text in (bomb, "- !!python/object/apply:os.system ['echo pwned']", "- {subject: !!binary aGk=, relation: meets}",
                 "- " + "[" * 5000, "- {<<: {subject: A}, relation: meets, object: B, source: 'https://x.org'}"):
        try:
            fuzz_graph.assert_claims(parse_claims_text(text, "bomb.yaml"))
        except Exception as exc:  # noqa: BLE001
            check_clean(exc)
    assert snapshot(fuzz_graph) == before or len(snapshot(fuzz_graph)) > len(before)


# -- HTTP: POST /assertions through the real FastAPI app ---------------------------------------------
TOKEN = "fuzz-token"


@pytest.fixture(scope="module")
def http():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from kg.server import ServerSettings, create_app

    graph = KnowledgeGraph.open("memory:")
    app = create_app(graph, ServerSettings(token=TOKEN, max_body=20_000))
    with TestClient(app, raise_server_exceptions=True) as client:
        yield client, graph
    graph.close()


@FUZZ
@given(body=st.one_of(claim_dicts(), st.lists(claim_dicts(), max_size=3), VALUE),
       raw=st.one_of(st.none(), st.binary(max_size=100)))
def test_post_assertions(http, body: object, raw: bytes | None) -> None:
    client, graph = http
    before = snapshot(graph)
    content = raw if raw is not None else json.dumps(body, allow_nan=True).encode()
    response = client.post("/assertions", content=content,
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code in (201, 400, 413, 422), (response.status_code, response.text[:300])
    if response.status_code != 201:
        assert "detail" in response.json()
        assert snapshot(graph) == before, f"store changed after HTTP {response.status_code}: {response.text[:200]}"
