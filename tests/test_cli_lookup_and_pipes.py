"""The CLI in pipes and the one actor lookup, through the real `kg` command.

`kg show X | grep URL`, `kg review list | grep ID` and `kg stats --format json` run through real OS pipes;
exit codes are 0 found, 1 error, 2 usage, 3 nothing matched, 4 several actors matched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import KG, REPO, run_kg

URL = "https://example.org/news/2024/05/02/a-long-path/trump-meets-putin-in-a-city-with-a-long-name?ref=pipes"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lookup") / "store"
    for subject, obj, extra in (("Donald Trump", "Vladimir Putin", []), ("Donald Trump Jr.", "Hugo Chávez", ["--new-actor"]),
                                ("Franak Viačorka", "Hugo Chávez", [])):
        run_kg("assert", subject, "meets", obj, "--source", URL, "--quote", f"{subject} met {obj} on a long day.",
               "--date", "2024-05-02", *extra, store=path, check=True)
    return path


def _pipe(args: list[str], store: Path, grep: str) -> tuple[int, str]:
    """``kg ARGS --store S | grep -F GREP`` with real pipes; (kg's exit status, grep's output)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "COLUMNS")}
    kg = subprocess.Popen([*KG, *args, "--store", str(store)], stdout=subprocess.PIPE, cwd=REPO, env=env)
    found = subprocess.run(["grep", "-F", "--", grep], stdin=kg.stdout, capture_output=True, text=True, timeout=120)
    kg.stdout.close()  # type: ignore[union-attr]
    return kg.wait(timeout=120), found.stdout


def test_show_piped_to_grep_finds_the_full_url(store: Path) -> None:
    status, lines = _pipe(["show", "Vladimir Putin"], store, URL)
    assert status == 0 and lines.count("\n") == 1
    assert "Donald Trump met Vladimir Putin on a long day." in lines  # the quote on the URL's line, untruncated


def test_review_list_piped_to_grep_finds_an_id(store: Path) -> None:
    rows = json.loads(run_kg("review", "list", "--status", "any", "--format", "json", store=store, check=True).stdout)
    assert len(rows) == 3
    status, lines = _pipe(["review", "list", "--status", "any"], store, rows[0]["id"])
    assert status == 0 and lines.split("\t")[0] == rows[0]["id"]


def test_stats_json_parses_and_piped_default_is_tsv(store: Path) -> None:
    counts = json.loads(run_kg("stats", "--format", "json", store=store, check=True).stdout)
    assert counts["assertions"] == 3 and counts["quads"] > 30
    tsv = run_kg("stats", store=store, check=True).stdout.splitlines()
    assert tsv[0] == "what\tcount" and "assertions\t3" in tsv


def test_every_listing_format(store: Path) -> None:
    for args in (["review", "list", "--status", "any"], ["history", _any_id(store)], ["show", "Hugo Chavez"],
                 ["actors", "search", "Viacorka"], ["sources", "list"], ["stats"]):
        csv_rows = list(csv.reader(io.StringIO(run_kg(*args, "--format", "csv", store=store, check=True).stdout)))
        jsonl = run_kg(*args, "--format", "jsonl", store=store, check=True).stdout.splitlines()
        assert all(isinstance(json.loads(line), dict) for line in jsonl), args
        assert csv_rows and len(jsonl) >= (len(csv_rows) - 1 if args[0] != "stats" else 1), args
        assert "─" in run_kg(*args, "--format", "table", store=store, check=True).stdout or args[0] == "show"


def _any_id(store: Path) -> str:
    return json.loads(run_kg("review", "list", "--status", "any", "--format", "json", store=store,
                             check=True).stdout)[0]["id"]


def test_a_shared_surname_lists_the_candidates_and_picks_none(store: Path) -> None:
    for args in (["show", "Trump"], ["analyze", "ego", "Trump"], ["viz", "--actor", "Trump", "--out", "/dev/null"]):
        proc = run_kg(*args, store=store)
        assert proc.returncode == 4, (args, proc.stderr)
        assert "Q22686" in proc.stderr and "Donald Trump Jr." in proc.stderr and "1 events" in proc.stderr
        assert proc.stdout == ""
    picked = json.loads(run_kg("show", "Q22686", "--format", "json", store=store, check=True).stdout)
    assert picked["actor"] == "Donald Trump" and len(picked["assertions"]) == 1
    junior = json.loads(run_kg("show", "donald trump jr", "--format", "json", store=store, check=True).stdout)
    assert junior["actor"] == "Donald Trump Jr."
    ego = run_kg("analyze", "ego", "Franak Viacorka", "--format", "json", store=store, check=True)
    assert "Hugo Chávez" in ego.stdout


def test_nothing_matched_and_usage_codes(store: Path) -> None:
    nobody = run_kg("show", "Nobody Atall", store=store)
    assert nobody.returncode == 3 and nobody.stderr.startswith("error: no actor named 'Nobody Atall'")
    assert run_kg("actors", "search", "Zzqxv Wqqz", store=store).returncode == 3
    bad = run_kg("review", "list", "--format", "yaml", store=store)
    assert bad.returncode == 2 and "--format" in bad.stderr


def test_actors_search_sees_graph_only_actors(store: Path) -> None:
    rows = json.loads(run_kg("actors", "search", "viacorka", "--format", "json", store=store, check=True).stdout)
    assert rows[0]["name"] == "Franak Viačorka" and rows[0]["in_graph"] is True and rows[0]["events"] == 1


def test_a_typo_of_a_known_actor_needs_new_actor(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    args = ("assert", "Vladmir Putin", "meets", "Xi Jinping", "--source", "https://example.org/typo")
    refused = run_kg(*args, store=copy)
    assert refused.returncode == 1 and "Vladimir Putin" in refused.stderr and "--new-actor" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    look_alike = run_kg("assert", "Vladimir \u0420utin", "meets", "Xi Jinping", "--source", "https://e.org/t", store=copy)
    assert look_alike.returncode == 1 and "Vladimir Putin" in look_alike.stderr
    assert json.loads(run_kg("stats", "--format", "json", store=copy, check=True).stdout)["assertions"] == 3
    assert run_kg(*args, "--new-actor", store=copy).returncode == 0


def test_a_store_the_user_cannot_write_opens_for_reading(store: Path) -> None:
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:  # pytest's tmp_path is private to its owner
        Path(folder).chmod(0o755)
        _read_only_stats(store, Path(folder) / "readonly")


def _read_only_stats(store: Path, copy: Path) -> None:
    shutil.copytree(store, copy)
    for path in [copy, *copy.iterdir()]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IROTH
                   | (stat.S_IXOTH if path.is_dir() else 0))
    cmd = [*KG, "stats", "--format", "json", "--store", str(copy)]
    if os.geteuid() == 0:  # root writes anywhere: run as nobody, as a user without write access would
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv (util-linux) to drop root")
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
        probe = subprocess.run([*cmd[:4], *KG, "--help"], capture_output=True, cwd="/", timeout=60)
        if probe.returncode != 0:  # e.g. a checkout inside a folder only root may enter (mktemp -d is 0700)
            pytest.skip("the user nobody cannot read this checkout, so it cannot run kg as a user without write access")
    before = sorted(p.name for p in copy.iterdir())
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd="/", timeout=120,
                          env={k: v for k, v in os.environ.items() if k != "KG_STORE"} | {"HOME": "/tmp"})
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["assertions"] == 3
    assert sorted(p.name for p in copy.iterdir()) == before  # nothing written, no lock file created
