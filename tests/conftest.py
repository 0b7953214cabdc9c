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


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, via Playwright) for every browser test of the session.

    Playwright's sync API allows one instance per thread, so every browser test shares this fixture.
    Without /usr/bin/chromium the tests skip, unless CI is set: then they fail.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing and CI is set: install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def kg_cli():
    return run_kg
