"""Issue 17, items 5 and 6: sessions that end, limits on guessing, tokens that are long and never in ``ps``.

Against a real ``kg serve`` on loopback with a real HTTP client (httpx keeps the cookies as a browser would).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kg.web.auth import LiveSessions
from tests.server.conftest import _seed
from tests.servers import REPO, free_port, kg_serve, running

pytestmark = pytest.mark.server

TOKEN = "sessions-token-0123456789"
CLAIM = {"subject": "Olaf Scholz", "relation": "meets", "object": "Emmanuel Macron", "source": "https://example.org/paris",
         "quote": "Scholz met Macron in Paris."}


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field"
    return match.group(1)


def _login(client: httpx.Client, token: str = TOKEN) -> httpx.Response:
    csrf = _csrf(client.get("/ui/login").text)
    return client.post("/ui/login", data={"token": token, "csrf": csrf})


def _has_claim(base: str) -> bool:
    query = "ASK { ?x dip:meets ?y . ?x rdfs:label 'Olaf Scholz' }"
    return bool(httpx.get(base + "/sparql", params={"query": query}).json()["boolean"])


def test_logout_revokes_the_session_server_side(tmp_path):
    _seed(tmp_path / "store")
    with kg_serve(tmp_path / "store", token_env=TOKEN) as base:
        browser = httpx.Client(base_url=base)
        assert _login(browser).status_code == 303
        kept = dict(browser.cookies)  # the attacker's copy of the logged-in cookie
        assert browser.get("/ui/add").status_code == 200
        csrf = _csrf(browser.get("/ui/add").text)
        assert browser.post("/ui/logout", data={"csrf": csrf}).status_code == 303
        replay = httpx.Client(base_url=base, cookies=kept)
        form = replay.get("/ui/add")
        assert form.status_code == 303 and form.headers["location"].endswith("/ui/login")
        page_csrf = _csrf(replay.get("/ui/login").text)  # the old cookie still carries a CSRF token, not a login
        write = replay.post("/ui/add", data=CLAIM | {"csrf": page_csrf})
        assert write.status_code == 403
        assert not _has_claim(base)
        # the user logs in again: a new session works
        assert _login(browser).status_code == 303 and browser.get("/ui/add").status_code == 200


def test_logins_end_when_idle_or_old():
    live = LiveSessions(idle=0.2, max_age=10)
    live.add("idle")
    time.sleep(0.3)
    assert not live.active("idle")
    old = LiveSessions(idle=10, max_age=2)
    old.add("old")
    for _ in range(3):
        time.sleep(0.1)
        assert old.active("old")  # in use and young
    time.sleep(2)
    assert not old.active("old")  # in use, but older than the absolute lifetime


def test_login_guessing_is_rate_limited(tmp_path):
    _seed(tmp_path / "store")
    with kg_serve(tmp_path / "store", token_env=TOKEN) as base:
        browser = httpx.Client(base_url=base)
        statuses = [_login(browser, f"guess-{i}").status_code for i in range(10)]
        assert statuses == [403] * 10
        blocked = _login(browser, "guess-11")
        assert blocked.status_code == 429 and 0 < int(blocked.headers["retry-after"]) <= 60
        assert _login(browser).status_code == 429  # the right token too, until the window has room
        assert browser.get("/ui/add").status_code == 303


def test_bearer_guessing_is_rate_limited(tmp_path):
    _seed(tmp_path / "store")
    update = {"update": "INSERT DATA { <http://kg.test/a> <http://kg.test/b> 1 }"}
    with kg_serve(tmp_path / "store", token_env=TOKEN) as base:
        for i in range(10):
            r = httpx.post(base + "/sparql", data=update, headers={"Authorization": f"Bearer guess-{i}"})
            assert r.status_code == 403
        for url, kwargs in ((base + "/sparql", {"data": update}), (base + "/assertions", {"json": CLAIM}),
                            (base + "/store?graph=http://kg.test/g", {"content": "", "headers": {"Content-Type": "text/turtle"}})):
            headers = {"Authorization": f"Bearer {TOKEN}"} | kwargs.pop("headers", {})
            r = httpx.request("PUT" if "/store" in url else "POST", url, headers=headers, **kwargs)
            assert r.status_code == 429 and int(r.headers["retry-after"]) > 0, (url, r.status_code)
        ask = httpx.get(base + "/sparql", params={"query": "ASK { <http://kg.test/a> ?p ?o }"})
        assert ask.json()["boolean"] is False


def _serve_fails(tmp_path: Path, *args: str, env_token: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KG_TOKEN"}
    if env_token is not None:
        env["KG_TOKEN"] = env_token
    proc = subprocess.run([sys.executable, "-m", "kg.cli.main", "serve", "--store", str(tmp_path / "store"),
                           "--port", str(free_port()), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return proc.stderr


def test_short_tokens_are_refused(tmp_path):
    _seed(tmp_path / "store")
    assert "at least 16" in _serve_fails(tmp_path, "--token", "x")
    assert "at least 16" in _serve_fails(tmp_path, env_token="short-token")
    (tmp_path / "token").write_text("tiny\n")
    assert "at least 16" in _serve_fails(tmp_path, "--token-file", str(tmp_path / "token"))
    assert "missing" in _serve_fails(tmp_path, "--token-file", str(tmp_path / "missing"))


@pytest.mark.parametrize("how", ["--token", "--token-file"])
def test_the_token_is_never_in_the_process_list(tmp_path, how):
    _seed(tmp_path / "store")
    (tmp_path / "token").write_text(TOKEN + "\n")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "KG_TOKEN"}
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--store", str(tmp_path / "store"), "--port", str(port),
           how, TOKEN if how == "--token" else str(tmp_path / "token")]
    with running(cmd, lambda: httpx.get(base + "/health", timeout=1).status_code == 200, name="kg serve", env=env) as proc:
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode()
        assert TOKEN not in cmdline and "serve" in cmdline
        r = httpx.post(base + "/sparql", data={"update": "INSERT DATA { <http://kg.test/a> <http://kg.test/b> 1 }"},
                       headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 204
