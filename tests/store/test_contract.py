"""One contract suite, run against every store implementation."""

from __future__ import annotations

import contextlib

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat

from tests.store.conftest import engine_spec
from kg.store import StoreError, StoreLockedError, open_store

EX = "http://example.org/"


def q(s: str, o: str, g: str | None = None) -> Quad:
    graph = NamedNode(EX + g) if g else DefaultGraph()
    return Quad(NamedNode(EX + s), NamedNode(EX + "p"), Literal(o), graph)


@pytest.fixture(params=["memory", "embedded", "oxigraph", "virtuoso"])
def store(request, tmp_path):
    with contextlib.ExitStack() as stack:
        if request.param in ("oxigraph", "virtuoso"):
            spec = stack.enter_context(engine_spec(request.param, tmp_path, request))
        else:
            spec = "memory:" if request.param == "memory" else str(tmp_path / "s")
        s = open_store(spec)
        yield s
        s.close()


def test_apply_adds_and_removes_atomically(store):
    store.apply([q("a", "1"), q("b", "2", "g1")])
    assert len(store) == 2
    store.apply([q("c", "3")], remove=[q("a", "1")])
    assert {x.subject.value for x in store.quads()} == {EX + "b", EX + "c"}
    assert store.contains_graph(NamedNode(EX + "g1"))


def test_bindings_are_terms_not_text(store):
    payload = 'x" } ; DROP ALL ; #'
    store.apply([q("a", payload), q("b", "other")])
    rows = list(store.query("SELECT ?s WHERE { ?s ?p ?name }", bindings={"name": Literal(payload)}))
    assert [r["s"].value for r in rows] == [EX + "a"]
    assert len(store) == 2  # nothing was dropped


def test_invalid_load_leaves_store_unchanged(store):
    store.apply([q("a", "1")])
    before = store.dump(RdfFormat.N_QUADS)
    with pytest.raises(SyntaxError):
        store.load(b"<http://ex/a> <http://ex/p> .\n", RdfFormat.N_QUADS)
    assert store.dump(RdfFormat.N_QUADS) == before


def test_dump_load_round_trip(store, tmp_path):
    store.apply([q("a", "1"), q("b", "é <tag> \"quoted\"", "g")])
    data = store.dump(RdfFormat.TRIG)
    other = open_store("memory:")
    other.load(data, RdfFormat.TRIG)
    assert set(other.quads()) == set(store.quads())


def test_ask_and_graph_queries(store):
    store.apply([q("a", "1", "g")])
    assert bool(store.query("ASK { GRAPH ?g { ?s ?p '1' } }"))
    assert not bool(store.query("ASK { ?s ?p '1' }"))  # default graph is not the union


def test_syntax_error_reports_position(store):
    with pytest.raises(SyntaxError) as info:
        store.query("SELEC ?x WHERE { ?x ?p ?o }")
    assert "1:" in str(info.value) or "line" in str(info.value).lower() or "position" in str(info.value).lower()


def test_embedded_store_is_locked_against_a_second_opener(tmp_path):
    first = open_store(str(tmp_path / "s"))
    try:
        with pytest.raises(StoreLockedError, match="locked by PID"):
            open_store(str(tmp_path / "s"))
    finally:
        first.close()
    open_store(str(tmp_path / "s")).close()  # released on close


def test_store_path_that_is_a_file(tmp_path):
    path = tmp_path / "afile"
    path.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(str(path))


def test_embedded_store_persists(tmp_path):
    s = open_store(str(tmp_path / "s"))
    s.apply([q("a", "1")])
    s.close()
    s = open_store(str(tmp_path / "s"))
    assert len(s) == 1
    s.close()
