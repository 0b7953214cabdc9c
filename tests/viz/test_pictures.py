"""bench/render_pictures.py runs: the demo's pages rendered to PNGs in headless Chromium."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "render_pictures.py"


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_render_pictures_writes_the_docs_pngs(tmp_path, browser):
    del browser  # the fixture skips (or fails on CI) when Chromium is missing
    out = tmp_path / "pictures"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--demo", str(tmp_path / "demo")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for name in ("network.png", "network-panel.png", "timeline.png"):
        assert png_size(out / name) == (1280, 760)
        assert (out / name).stat().st_size > 20_000  # a drawn page, not a blank one
    assert "wrote" in proc.stdout
