"""Headless Chromium for the browser tests: network blocked, requests and dialogs recorded."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest



@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ready_seconds: float = 0.0


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Opened, after the page reports ready (stabilised or drawn)."""
    contexts = []

    def _open(path: Path, *, timeout_ms: int = 15000) -> Opened:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(("http:", "https:", "ws:", "wss:")):
                opened.requests.append(url)
                r.abort()
            else:
                r.continue_()

        page.route("**/*", route)
        page.on("request", lambda req: None if req.url.startswith(("file:", "data:", "about:")) else opened.requests.append(req.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=timeout_ms)
        opened.ready_seconds = time.perf_counter() - start
        return opened

    yield _open
    for context in contexts:
        context.close()
