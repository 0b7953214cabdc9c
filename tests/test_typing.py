"""Everything is typed: mypy over the whole library must pass."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_mypy_passes_on_the_library():
    proc = subprocess.run([sys.executable, "-m", "mypy", "kg"], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]


STRICT_PACKAGES = ["kg/model", "kg/store", "kg/rdf", "kg/desk"]


def test_mypy_strict_passes_on_the_core_packages():
    """The model, the store layer (every engine's dialect), the term plumbing and the analyst desk are typed
    strictly: no Any leaks, no untyped calls."""
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", *STRICT_PACKAGES], cwd=REPO, capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:]
