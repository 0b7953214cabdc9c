"""Everything is typed: mypy over the whole library must pass."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_mypy_passes_on_the_library():
    proc = subprocess.run([sys.executable, "-m", "mypy", "kg"], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_mypy_strict_passes_on_rdf_and_desk():
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "kg/rdf", "kg/desk"], cwd=REPO,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]
