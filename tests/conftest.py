"""Shared fixtures: stores of every registered kind, the CLI runner, a fresh graph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph

REPO = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli.main"]


@pytest.fixture
def graph():
    with KnowledgeGraph.open("memory:") as g:
        yield g


@pytest.fixture
def disk_graph(tmp_path):
    with KnowledgeGraph.open(str(tmp_path / "store")) as g:
        yield g


def run_kg(*args: str, store: str | Path | None = None, input: str | None = None, check: bool = False,
           cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``kg`` CLI in a subprocess."""
    env = dict(os.environ)
    env.pop("KG_STORE", None)
    cmd = [*KG, *args]
    if store is not None:
        cmd += ["--store", str(store)]
    proc = subprocess.run(cmd, capture_output=True, text=True, input=input, env=env, cwd=cwd or REPO, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


@pytest.fixture
def kg_cli():
    return run_kg
