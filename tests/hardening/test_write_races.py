"""Racing writers (issue 17 items 1 and 2): a decision's view maintenance and a claim's insert-unless-present
are atomic, so the current view always equals the view rebuilt from the assertions, and concurrent identical
claims give one assertion with one grade and one ``prov:generatedAtTime``.

Three set-ups: a store that widens the read-then-write window (deterministic; on the old code every round
lost), real threads on an embedded store on disk, and real processes on an Oxigraph server on loopback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
from kg.desk.records import view_drift
from kg.store.oxigraph_store import OxigraphStore
from kg.desk.claim import claim_to_assertion
from tests.servers import REPO, oxigraph_server

MULTI = """SELECT ?g (COUNT(DISTINCT ?v) AS ?n) WHERE {
  ?g a dip:Assertion . { ?g dip:sourceReliability ?v } UNION { ?g dip:informationCredibility ?v }
  UNION { ?g prov:generatedAtTime ?v } UNION { ?g dip:confidence ?v } } GROUP BY ?g"""


def _claim(i: int, source: str, grade: str = "B2") -> ClaimInput:
    return ClaimInput(subject=f"Envoy Number{i}", relation="meets", object=f"Minister Number{i}",
                      source=f"https://example.org/{source}/{i}", reliability=grade[0], credibility=int(grade[1]),
                      date="2025-08-15")


def check_consistent(graph: KnowledgeGraph) -> None:
    """The view equals the view rebuilt from the assertions; no assertion holds two grades or two times."""
    missing, stale = view_drift(graph.store)
    assert not missing, f"{len(missing)} claim triples of active assertions are missing from the view: {missing[:3]}"
    assert not stale, f"{len(stale)} view triples are stated only by removed assertions: {stale[:3]}"
    doubled = [r for r in graph.select(MULTI) if int(r["n"]) != 4]
    assert not doubled, f"{len(doubled)} assertions hold two grades, confidences or times: {doubled[:3]}"


class WideWindow(OxigraphStore):
    """An in-memory store whose reads are slow, so a read-then-write sequence leaves a wide window."""

    def query(self, sparql, *, bindings=None):  # type: ignore[no-untyped-def]
        time.sleep(0.002)
        return super().query(sparql, bindings=bindings)

    def contains_graph(self, graph):  # type: ignore[no-untyped-def]
        time.sleep(0.02)
        return super().contains_graph(graph)


def _race(graph: KnowledgeGraph, rounds: int) -> None:
    """Per round: one thread rejects X while another asserts Y (the same claim from another source), and
    two threads assert the same claim Z with different grades."""
    xs = [graph.assert_claim(_claim(i, "x")) for i in range(rounds)]
    errors: list[BaseException] = []

    def run(fn) -> None:  # type: ignore[no-untyped-def]
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    for i, x in enumerate(xs):
        jobs = [lambda x=x: graph.decide(x, "rejected", reason="wrong", by="analyst:alice"),
                lambda i=i: graph.assert_claim(_claim(i, "y")),
                lambda i=i: graph.assert_claim(_claim(i, "z", "A1")),
                lambda i=i: graph.assert_claim(_claim(i, "z", "E5"))]
        threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors[:3]


def test_wide_window_loses_nothing() -> None:
    graph = KnowledgeGraph(WideWindow(None))
    _race(graph, 8)
    check_consistent(graph)


def test_threads_on_an_embedded_store(tmp_path: Path) -> None:
    with KnowledgeGraph.open(str(tmp_path / "store")) as graph:
        _race(graph, 30)
        check_consistent(graph)


WORKER = r"""
import sys
from kg.api import KnowledgeGraph
from kg.desk.claim import claim_to_assertion
from kg.model.inputs import ClaimInput
from tests.hardening.test_write_races import _claim
url, role, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with KnowledgeGraph.open(url) as g:
    for i in range(n):
        if role == "reject":
            aid = claim_to_assertion(g, _claim(i, "x")).id
            g.decide(aid, "rejected", reason="wrong", by="analyst:alice")
        elif role == "y":
            g.assert_claim(_claim(i, "y"))
        else:
            g.assert_claim(_claim(i, "z", role))
"""


@pytest.mark.server
def test_processes_on_an_oxigraph_server(tmp_path: Path) -> None:
    rounds = 40
    with oxigraph_server(tmp_path / "db") as url:
        with KnowledgeGraph.open(url) as graph:
            for i in range(rounds):
                graph.assert_claim(_claim(i, "x"))
        env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_TOKEN")}
        procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, role, str(rounds)], cwd=REPO, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for role in ("reject", "y", "A1", "E5")]
        for proc in procs:
            out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err.decode()[-2000:]
        with KnowledgeGraph.open(url) as graph:
            assert graph.stats()["assertions"] == 3 * rounds
            check_consistent(graph)


@pytest.mark.parametrize("decision", ["retracted", "rejected", "accepted", "disputed"])
def test_deciding_twice_is_an_error_and_writes_nothing(decision: str) -> None:
    from tests.hardening._common import snapshot

    with KnowledgeGraph.open("memory:") as graph:
        from tests.review.conftest import add_extracted

        aid = add_extracted(graph)
        graph.decide(aid, decision, reason="checked", by="analyst:alice")
        before = snapshot(graph)
        with pytest.raises(ValueError, match=f"id: assertion {aid} (was|is already) {decision}"):
            graph.decide(aid, decision, reason="checked again", by="analyst:bob")
        assert snapshot(graph) == before


@pytest.mark.server
def test_kg_serve_and_a_library_writer_on_one_oxigraph_server(tmp_path: Path) -> None:
    """The issue's repro: two simultaneous POST /assertions of one claim at A1 and E5 (both 201 before, and
    the assertion held both grades), while this process rejects X and kg serve stores Y, the same claim."""
    import httpx

    from tests.servers import kg_serve

    token = "race-token-" + "x" * 24
    rounds = 20
    with oxigraph_server(tmp_path / "db") as url:
        with KnowledgeGraph.open(url) as graph:
            xs = [graph.assert_claim(_claim(i, "x")) for i in range(rounds)]
        with kg_serve(url, token_env=token) as base, KnowledgeGraph.open(url) as graph, \
                httpx.Client(timeout=60, headers={"Authorization": f"Bearer {token}"}) as client:
            statuses: list[int] = []
            errors: list[BaseException] = []

            def post(i: int, source: str, grade: str) -> None:
                body = _claim(i, source, grade).model_dump(mode="json", exclude_none=True)
                # the envoys are new actors on purpose ("Envoy Number1" is close to "Envoy Number10"): confirmed
                statuses.append(client.post(base + "/assertions", params={"new_actor": "true"}, json=body).status_code)

            def reject(x: str) -> None:
                try:
                    graph.decide(x, "rejected", reason="wrong", by="analyst:alice")
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)

            for i, x in enumerate(xs):
                threads = [threading.Thread(target=post, args=(i, "z", "A1")),
                           threading.Thread(target=post, args=(i, "z", "E5")),
                           threading.Thread(target=post, args=(i, "y", "B2")),
                           threading.Thread(target=reject, args=(x,))]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
            assert not errors, errors[:3]
            assert statuses == [201] * (3 * rounds)
        with KnowledgeGraph.open(url) as graph:
            assert graph.stats()["assertions"] == 3 * rounds
            check_consistent(graph)
