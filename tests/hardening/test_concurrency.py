"""Concurrency on one embedded store: a second writer gets a one-line "locked by PID" error and never corrupts
the store; afterwards the store opens and holds exactly the successful writes.  ``kg serve`` on an embedded
store holds the same lock, so ``kg ingest`` into it is refused while it runs; the route that works is a shared
SPARQL server (``oxigraph serve``) that both ``kg serve`` and ``kg ingest`` use as a remote store.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kg.api import KnowledgeGraph
from tests.conftest import KG, REPO
from tests.hardening._common import free_port, kg_serve

LOCKED = re.compile(r"^error: store \S+ is locked by PID (\d+)$")

HOLDER = r"""
import sys, time
from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
with KnowledgeGraph.open(sys.argv[1]) as g:
    print("open", flush=True)
    for i in range(int(sys.argv[2])):
        g.assert_claim(ClaimInput(subject=f"Holder {i}", relation="meets", object="Vladimir Putin",
                                  source=f"https://example.org/h{i}"))
        time.sleep(0.02)
"""

RACER = r"""
import sys, time
from kg.api import KnowledgeGraph
from kg.model.inputs import ClaimInput
from kg.store.base import StoreLockedError
who, n = sys.argv[2], int(sys.argv[3])
for i in range(n):
    claim = ClaimInput(subject=f"{who} {i}", relation="meets", object="Vladimir Putin", source=f"https://example.org/{who}{i}")
    try:
        with KnowledgeGraph.open(sys.argv[1]) as g:
            print("ok", g.assert_claim(claim), flush=True)
    except StoreLockedError as exc:
        print("locked", str(exc), flush=True)
    time.sleep(0.005)
"""


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_TOKEN")}


def _assertion_ids(store: Path) -> set[str]:
    with KnowledgeGraph.open(str(store)) as graph:
        return {str(r["a"]).rsplit("/", 1)[-1] for r in graph.select("SELECT ?a WHERE { ?a a dip:Assertion }")}


def test_second_writer_gets_a_one_line_locked_error(tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store), "60"], cwd=REPO, env=_env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"  # type: ignore[union-attr]
        second = subprocess.run([*KG, "assert", "Intruder", "meets", "Vladimir Putin", "--source", "https://x.org/i",
                                 "--store", str(store)], cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and (m := LOCKED.match(lines[0])), second.stderr
        assert int(m.group(1)) == holder.pid
        ingest = subprocess.run([*KG, "ingest", str(REPO / "data" / "samples"), "--store", str(store)], cwd=REPO,
                                env=_env(), capture_output=True, text=True, timeout=120)
        assert ingest.returncode == 1 and LOCKED.match(ingest.stderr.strip().splitlines()[-1]), ingest.stderr
    finally:
        assert holder.wait(timeout=120) == 0, holder.stderr.read()  # type: ignore[union-attr]
    with KnowledgeGraph.open(str(store)) as graph:
        labels = {str(r["l"]) for r in graph.select("SELECT ?l WHERE { ?a a dip:Person ; rdfs:label ?l }")}
    assert {f"Holder {i}" for i in range(60)} <= labels and "Intruder" not in labels
    assert len(_assertion_ids(store)) == 60


def test_racing_writers_keep_exactly_the_successful_writes(tmp_path):
    store = tmp_path / "store"
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(store), who, "25"], cwd=REPO, env=_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for who in ("Alpha", "Beta")]
    ok: set[str] = set()
    locked = 0
    for proc in racers:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-2000:]
        for line in out.splitlines():
            kind, _, rest = line.partition(" ")
            if kind == "ok":
                ok.add(rest)
            else:
                assert kind == "locked" and re.match(r"^store \S+ is locked by PID \d+$", rest), line
                locked += 1
    assert ok and len(ok) + locked == 50
    assert _assertion_ids(store) == ok, "the store holds exactly the writes that reported success"
    print(f"racing writers: {len(ok)} writes succeeded, {locked} refused with the lock error")


@pytest.mark.server
def test_serve_holds_the_embedded_lock_so_ingest_is_refused(tmp_path):
    store = tmp_path / "store"
    KnowledgeGraph.open(str(store)).close()
    with kg_serve(str(store)) as base:
        ingest = subprocess.run([*KG, "ingest", str(REPO / "data" / "samples"), "--store", str(store)], cwd=REPO,
                                env=_env(), capture_output=True, text=True, timeout=120)
        assert ingest.returncode == 1 and LOCKED.match(ingest.stderr.strip().splitlines()[-1]), ingest.stderr
        assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200


OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


@pytest.mark.server
@pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server binary is not installed")
def test_shared_sparql_server_lets_serve_read_while_ingest_writes(tmp_path):
    port = free_port()
    server = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    remote = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(remote + "/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        with kg_serve(remote) as base:
            ingest = subprocess.Popen([*KG, "ingest", str(REPO / "data" / "samples"), "--store", remote], cwd=REPO,
                                      env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            statuses = []
            while ingest.poll() is None:
                statuses.append(httpx.get(base + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                                          timeout=30).status_code)
                time.sleep(0.05)
            assert ingest.returncode == 0, ingest.stderr.read()  # type: ignore[union-attr]
            assert statuses and set(statuses) == {200}
            final = httpx.get(base + "/sparql", params={"query": "ASK { ?a a <https://w3id.org/diplomacy-kg/ontology#Assertion> }"},
                              headers={"Accept": "application/sparql-results+json"}).json()
            assert final["boolean"] is True
    finally:
        server.terminate()
        server.wait(timeout=10)
