"""Issue 17, items 7-9 and 13: queries that cannot take ``kg serve`` down, LOAD refused, headers on every response.

Each test runs the hostile request against a real ``kg serve`` on loopback and checks the server is still
answering afterwards.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from kg.server.worker import QueryKilled, QueryTimeout, run_isolated
from tests.server.conftest import _seed, _serve

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parents[2]
TOKEN = "limits-token-0123456789"
DEEP = "ASK{FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ")}"  # the 30 KB GET that ended kg serve with SIGSEGV
CARTESIAN_SORT = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a LIMIT 1"


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _server_pid(base: str) -> int:
    port = base.rsplit(":", 1)[1]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in cmd and port.encode() in cmd:
                return int(entry.name)
    raise AssertionError("kg serve process not found")


@pytest.mark.parametrize("query", [
    DEEP,
    "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * 20000) + " }",
    "ASK { FILTER(" + "&&".join(["true"] * 20000) + ") }",
    "ASK { " + " OPTIONAL { ?s ?p ?o }" * 5000 + " }",
])
def test_deep_or_long_queries_are_refused_before_parsing(tmp_path, query):
    _seed(tmp_path / "store")
    with _serve(tmp_path / "store") as base:
        r = httpx.post(base + "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}, timeout=30)
        assert r.status_code == 400 and "limit" in r.json()["detail"], r.text
        short = httpx.get(base + "/sparql", params={"query": DEEP[:4000]}, timeout=30)  # GET under the body limit too
        assert short.status_code == 400
        assert httpx.get(base + "/health").status_code == 200


def test_kg_query_refuses_a_deep_query_with_one_line(tmp_path):
    _seed(tmp_path / "store")
    proc = subprocess.run([sys.executable, "-m", "kg.cli.main", "query", DEEP, "--store", str(tmp_path / "store")],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr[-500:]
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "nest" in lines[0] and "limit" in lines[0]


def test_a_crash_in_the_engine_stays_in_the_worker():
    from pyoxigraph import Store

    store = Store()
    # past the check, the parser's own stack overflows (SIGSEGV): only the forked worker dies
    with pytest.raises(QueryKilled, match="died"):
        run_isolated(lambda: bool(store.query(DEEP)), timeout=30, memory=512 << 20)
    assert run_isolated(lambda: bool(store.query("ASK {}")), timeout=30, memory=512 << 20) is True


def test_memory_cap_stops_a_runaway_sort_and_the_server_keeps_its_memory(tmp_path):
    _seed(tmp_path / "store", filler=3000)
    with _serve(tmp_path / "store", "--query-memory", "150", "--timeout", "60") as base:
        pid = _server_pid(base)
        before = _rss_mb(pid)
        started = time.monotonic()
        r = httpx.get(base + "/sparql", params={"query": CARTESIAN_SORT}, timeout=90)
        assert r.status_code == 503 and "memory" in r.json()["detail"], r.text
        assert time.monotonic() - started < 60  # stopped by the cap, not the timeout
        assert _rss_mb(pid) - before < 100
        assert httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_a_timed_out_query_really_stops(tmp_path):
    _seed(tmp_path / "store", filler=3000)
    with _serve(tmp_path / "store", "--timeout", "1") as base:
        pid = _server_pid(base)
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        r = httpx.get(base + "/sparql", params={"query": slow}, timeout=30)
        assert r.status_code == 503 and "timed out" in r.json()["detail"]
        deadline = time.monotonic() + 5
        while _children(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _children(pid) == []  # no worker left computing after its 503


def test_one_client_cannot_take_every_slot(tmp_path):
    _seed(tmp_path / "store", filler=3000)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with _serve(tmp_path / "store", "--timeout", "4", "--per-client", "2") as base:
        # one client (one address) sends 2 slow queries plus 16 waiting plus 2 more: those 2 are refused at once
        other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))  # a second client address
        with ThreadPoolExecutor(20) as pool:
            futures = [pool.submit(httpx.get, base + "/sparql", params={"query": slow}, timeout=60) for _ in range(20)]
            time.sleep(1)
            started = time.monotonic()
            assert other.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30).json()["boolean"] is True
            assert time.monotonic() - started < 3  # served at once: the busy client's queue is its own
            statuses = [f.result().status_code for f in futures]
            refused = [f.result() for f in futures if f.result().status_code == 429]
        assert statuses.count(429) == 2, statuses
        assert refused[0].headers["retry-after"] == "1" and "waiting" in refused[0].json()["detail"]
        assert set(statuses) <= {429, 503}


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        _Recorder.seen.append(self.path)
        body = b"<http://internal/secret> <http://internal/p> \"s3cret\" .\n"
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_load_is_refused_and_never_reaches_loopback(tmp_path):
    recorder = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=recorder.serve_forever, daemon=True).start()
    internal = f"http://127.0.0.1:{recorder.server_address[1]}/internal/data.nt"
    _seed(tmp_path / "store")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        for extra in ((), ("--allow-load", f"http://127.0.0.1:{recorder.server_address[1]}/")):
            with _serve(tmp_path / "store", *extra, token_env=TOKEN) as base:
                for update in (f"LOAD <{internal}>", f"load silent <{internal}> INTO GRAPH <http://kg.test/x>",
                               f"INSERT DATA {{ <http://a/b> <http://a/c> 1 }} ;\nLOAD <{internal}>"):
                    r = httpx.post(base + "/sparql", data={"update": update}, headers=auth)
                    assert r.status_code == 400 and "LOAD" in r.json()["detail"], r.text
                ask = httpx.get(base + "/sparql", params={"query": "ASK { GRAPH ?g { ?s ?p 's3cret' } } "})
                assert ask.json()["boolean"] is False
        assert _Recorder.seen == []
    finally:
        recorder.shutdown()


def test_security_headers_on_every_response(tmp_path):
    _seed(tmp_path / "store")
    with _serve(tmp_path / "store", "--max-body", "1000") as base:
        responses = {
            "health": httpx.get(base + "/health"),
            "sparql": httpx.get(base + "/sparql", params={"query": "ASK {}"}),
            "sparql error": httpx.get(base + "/sparql", params={"query": "ASK {"}),
            "service description": httpx.get(base + "/sparql"),
            "graph store": httpx.get(base + "/store", params={"default": ""}),
            "openapi": httpx.get(base + "/openapi.json"),
            "not found": httpx.get(base + "/nothing-here"),
            "docs (off)": httpx.get(base + "/docs"),
            "static": httpx.get(base + "/ui/static/style.css"),
            "page": httpx.get(base + "/ui/"),
            "too large": httpx.post(base + "/sparql", content="x" * 2000, headers={"Content-Type": "application/sparql-query"}),
        }
        for name, r in responses.items():
            assert r.headers.get("x-content-type-options") == "nosniff", name
            assert r.headers.get("referrer-policy") == "no-referrer", name
            assert "frame-ancestors" in r.headers.get("content-security-policy", ""), name
        assert responses["docs (off)"].status_code == 404
        assert responses["too large"].status_code == 413
        assert "cdn" not in responses["openapi"].text.lower()


def test_redirects_ignore_a_spoofed_host(tmp_path):
    _seed(tmp_path / "store")
    with _serve(tmp_path / "store") as base:
        r = httpx.get(base + "/ui", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.status_code in (301, 302, 307, 308) and "evil" not in r.headers["location"], r.headers
        assert r.headers["location"].endswith("/ui/")
    with _serve(tmp_path / "store", "--public-url", "https://kg.example.org") as base:
        r = httpx.get(base + "/ui", headers={"Host": "evil.example"}, follow_redirects=False)
        assert r.headers["location"] == "https://kg.example.org/ui/"
        description = httpx.get(base + "/sparql", headers={"Host": "evil.example"}).text
        assert "https://kg.example.org/sparql" in description and "evil" not in description


def test_worker_timeout_kills_the_child():
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_isolated(lambda: time.sleep(30), timeout=0.5, memory=0)
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while _children(os.getpid()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _children(os.getpid()) == []
