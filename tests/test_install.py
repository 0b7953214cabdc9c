"""An installed ``kg`` (a wheel, outside the checkout) has what it needs: ontology, gazetteer, demo samples.

The wheel is built from this checkout and installed into a folder of its own; ``kg demo`` then runs
from another working directory with that copy first on the path, so nothing is read from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # a clean copy of the source: an in-tree build/ folder left by an earlier build would hide a missing file
    src = tmp_path_factory.mktemp("src") / "diplomacy-kg"
    shutil.copytree(REPO, src, symlinks=True, ignore=shutil.ignore_patterns(
        ".venv", "build", "*.egg-info", "demo-output", ".git", "__pycache__", "node_modules"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [whl] = out.glob("diplomacy_kg-*.whl")
    return whl


def test_the_wheel_ships_ontology_gazetteer_frames_and_samples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/dip.ttl", "kg/ontology/shapes.ttl", "kg/gazetteer/countries.csv",
                   "kg/extract/frames.yaml", "kg/samples/alaska-summit.txt", "kg/samples/metadata.yaml",
                   "kg/samples/claims/alaska-summit.yaml"):
        assert needed in names, needed


def test_installed_demo_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("KG_STORE", None)
    work = tmp_path / "elsewhere"
    work.mkdir()
    run = subprocess.run([sys.executable, "-c", "import kg, sys; print(kg.__file__); "
                          "from kg.cli.main import run; sys.argv = ['kg', 'demo', '--out', 'out']; run()"],
                         capture_output=True, text=True, cwd=work, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.splitlines()[0].startswith(str(target))  # the installed copy ran, not the checkout
    assert "Q: when is trump meeting with putin" in run.stdout and "Anchorage" in run.stdout
    assert (work / "out" / "network.html").is_file()
