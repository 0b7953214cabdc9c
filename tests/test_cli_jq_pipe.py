"""`kg stats --format json | jq .` and JSONL listings through jq, with real OS pipes and the real jq."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import KG, REPO, run_kg


@pytest.fixture(scope="module")
def jq() -> str:
    found = shutil.which("jq")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("jq is missing and CI is set: install Debian's jq")
        pytest.skip("jq is missing (apt-get install jq)")
    return found


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jq") / "store"
    for subject, obj in (("Donald Trump", "Vladimir Putin"), ("Emmanuel Macron", "Vladimir Putin")):
        run_kg("assert", subject, "meets", obj, "--source", "https://example.org/jq", "--quote", f"{subject} met {obj}.",
               "--date", "2024-05-02", store=path, check=True)
    return path


def _through(jq: str, args: list[str], store: Path, *program: str) -> tuple[int, int, str]:
    """``kg ARGS --store S | jq PROGRAM``: (kg's status, jq's status, jq's output)."""
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    kg = subprocess.Popen([*KG, *args, "--store", str(store)], stdout=subprocess.PIPE, cwd=REPO, env=env)
    out = subprocess.run([jq, *program], stdin=kg.stdout, capture_output=True, text=True, timeout=120)
    kg.stdout.close()  # type: ignore[union-attr]
    return kg.wait(timeout=120), out.returncode, out.stdout


def test_stats_json_through_jq(jq: str, store: Path) -> None:
    kg_status, jq_status, out = _through(jq, ["stats", "--format", "json"], store, ".")
    assert (kg_status, jq_status) == (0, 0) and json.loads(out)["assertions"] == 2
    assert _through(jq, ["stats", "--format", "json"], store, "-e", ".assertions")[2].strip() == "2"


@pytest.mark.parametrize("args", [["review", "list", "--status", "any"], ["analyze", "centrality"],
                                  ["events", "list"], ["show", "Vladimir Putin"]])
def test_jsonl_listings_through_jq(jq: str, store: Path, args: list[str]) -> None:
    kg_status, jq_status, out = _through(jq, [*args, "--format", "jsonl"], store, "-c", ".")
    assert (kg_status, jq_status) == (0, 0) and out.strip(), args
    assert all(isinstance(json.loads(line), dict) for line in out.splitlines())
