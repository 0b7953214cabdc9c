"""Real servers for tests, on loopback: ``kg serve`` and the ``oxigraph`` server from PyPI."""

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
