"""The web desk in headless Chromium: log in, add a claim, accept an extraction, see both; no XSS."""

from __future__ import annotations

import socket
import threading
import time

import pytest

EVIL = "<img src=x onerror=alert(1)>"

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def chromium(browser):
    """The session's headless Chromium (tests/conftest.py): one Playwright per process."""
    return browser


@pytest.fixture
def server(web_graph, helpers):
    import uvicorn
    from fastapi import FastAPI

    from kg.web import mount

    app = FastAPI()
    mount(app, web_graph, write_token=helpers.TOKEN)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start on loopback")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/ui"
    srv.should_exit = True
    thread.join(timeout=10)


def _login(page, base: str, token: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=token]", token)
    page.click("button:has-text('log in')")
    page.wait_for_url(f"{base}/review")


def _add(page, base: str, **fields: str) -> None:
    page.goto(f"{base}/add")
    for name in ("subject", "object", "source", "quote", "place", "analyst"):
        if name in fields:
            page.fill(f"[name={name}]", fields[name])
    page.fill("[name=date]", fields.get("date", "2025-08-15"))
    page.select_option("[name=relation]", fields.get("relation", "meets"))
    page.select_option("[name=status]", fields.get("status", "held"))
    page.select_option("[name=reliability]", fields.get("reliability", "B"))
    page.select_option("[name=credibility]", fields.get("credibility", "2"))
    page.click("button:has-text('add claim')")
    page.wait_for_url(f"{base}/actor*")


def test_login_add_accept_and_see_both(chromium, server, web_graph, helpers):
    planned = helpers.add_extracted(web_graph)
    page = chromium.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _login(page, server, helpers.TOKEN)
    article = page.locator(f"#a-{planned}")
    assert "Donald Trump will meet Vladimir Putin" in article.inner_text()
    article.locator("button[value=accept]").click()
    page.wait_for_load_state()
    assert page.locator(f"#a-{planned}").count() == 0
    _add(page, server, subject="Donald Trump", object="Vladimir Putin", source="https://gov.example.org/briefing",
         quote="The two presidents met in Anchorage.", place="Anchorage", analyst="alice")
    page.goto(f"{server}/actor?name=Vladimir%20Putin")
    text = page.inner_text("main")
    assert "https://gov.example.org/briefing" in page.content() and "The two presidents met in Anchorage." in text
    assert "Donald Trump will meet Vladimir Putin" in text  # the accepted extraction's quote
    assert "planned" in text and "held" in text and "Conflicting claims" in text
    assert dialogs == []


def test_markup_in_an_actor_name_shows_as_text(chromium, server, helpers):
    page = chromium.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _login(page, server, helpers.TOKEN)
    _add(page, server, subject="Donald Trump", object=EVIL, source="https://evil.example.org/",
         quote="<script>alert(2)</script>")
    page.goto(f"{server}/actor?name=Donald%20Trump")
    page.wait_for_timeout(300)
    assert EVIL in page.inner_text("main")
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    page.goto(f"{server}/")
    page.wait_for_timeout(300)
    assert EVIL in page.inner_text("main")
    assert dialogs == []
