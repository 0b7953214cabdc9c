"""Real servers for tests, on loopback: ``kg serve``, the ``oxigraph`` server from PyPI and Debian's Virtuoso 7."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running(cmd: list[str], ready: Callable[[], bool], *, name: str, env: dict[str, str] | None = None,
            timeout: float = 30) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``cmd``, wait until ``ready()``, yield the process, and stop it when the block ends.

    Output goes to a temporary file, never an unread pipe (a full pipe would block the server).
    """
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"{name} exited: {log.read().decode(errors='replace')[-2000:]}")
                try:
                    if ready():
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} did not start within {timeout:g} s")
                time.sleep(0.05)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def kg_serve(store: str | Path, *args: str, token_env: str | None = None) -> Iterator[str]:
    """The real ``kg serve --store STORE ARGS`` on a free loopback port; yields the base URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("KG_TOKEN", "KG_STORE")}
    if token_env is not None:
        env["KG_TOKEN"] = token_env
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--store", str(store), "--host", "127.0.0.1",
           "--port", str(port), *args]
    with running(cmd, lambda: httpx.get(base + "/health", timeout=1).status_code == 200, name="kg serve", env=env):
        yield base


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server installed beside this Python, or on PATH."""
    local = Path(sys.executable).with_name("oxigraph")
    return str(local) if local.exists() else shutil.which("oxigraph")


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A real ``oxigraph serve`` on a free loopback port; yields its base URL and stops it."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    with running(cmd, lambda: httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1).status_code == 200,
                 name="oxigraph serve"):
        yield base


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {d}
ThreadsPerQuery = 1
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""
#: what SPARQL Update over HTTP needs once per database (the endpoint's user is "SPARQL", acting as "nobody")
VIRTUOSO_GRANTS = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"


def virtuoso_binary() -> str | None:
    """Debian's ``virtuoso-t`` (package virtuoso-opensource), with ``isql-vt`` beside it."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return binary if binary and isql else None


@contextlib.contextmanager
def virtuoso_server(folder: Path, *, max_rows: int = 1_000_000) -> Iterator[str]:
    """A real Virtuoso 7 with an ini of its own in ``folder``, on free loopback ports; yields the SPARQL endpoint URL.

    Without ``virtuoso-t`` the test skips, unless ``CI`` is set: then it fails (``.ci/run`` installs it).
    """
    binary = virtuoso_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t / isql-vt are missing and CI is set: apt-get install virtuoso-opensource")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource); Virtuoso store tests skipped")
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows))
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    ready = lambda: httpx.get(endpoint, params={"query": "ASK {}"}, timeout=1).status_code == 200  # noqa: E731
    with running([binary, "+foreground", "+configfile", str(ini)], ready, name="virtuoso-t", timeout=60):
        grants = subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
                                capture_output=True, text=True, timeout=60)
        if grants.returncode != 0 or "Error" in grants.stdout + grants.stderr:
            raise RuntimeError(f"isql-vt grants failed: {grants.stdout[-1000:]} {grants.stderr[-1000:]}")
        yield endpoint


def virtuoso_reset(endpoint: str) -> None:
    """Drop every graph but Virtuoso's own, so the next test starts from an empty store."""
    from kg.store.virtuoso import SYSTEM_GRAPHS

    keep = ", ".join(f"<{g}>" for g in SYSTEM_GRAPHS)
    graphs = httpx.post(endpoint, data={"query": f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                        f"FILTER(?g NOT IN ({keep})) }}"},
                        headers={"Accept": "application/sparql-results+json"}, timeout=60)
    graphs.raise_for_status()
    names = [row["g"]["value"] for row in graphs.json()["results"]["bindings"]]
    if names:
        update = " ; ".join(f"CLEAR SILENT GRAPH <{g}>" for g in names)
        httpx.post(endpoint, data={"update": update}, timeout=120).raise_for_status()
