"""XSS through fields not yet covered by tests/viz and tests/web: place, publisher, title and source URL on the
web desk's actor page and review queue, the event label, conflict sides, error pages reflecting request
parameters; place and the page title in kg.viz pages.  Markup-level checks run everywhere; the pages are then
loaded in headless Chromium (browser marker) without the CSP header, so escaping alone must hold.
"""

from __future__ import annotations

import warnings

import pytest
from fastapi import FastAPI

from kg.api import KnowledgeGraph
from kg.model import Assertion, Claim, Document, Evidence, Grade
from tests.hardening._common import need_chromium

EVIL = '<img src=x onerror="window.__xss=1">'
EVIL2 = "</title></textarea><script>window.__xss=2</script>"
JS_URL = "javascript:window.__xss=3"


def _seed(graph: KnowledgeGraph) -> None:
    for status, place, url in (("held", EVIL, JS_URL), ("planned", EVIL2, "https://ok.example.org/" + EVIL)):
        doc = Document.from_text(f"Donald Trump met Vladimir Putin. {status}", url=url, title=EVIL2 + status,
                                 publisher=EVIL)
        claim = Claim("meets", graph.resolve_actor("Donald Trump"), graph.resolve_actor("Vladimir Putin"),
                      status=status, date="2025-08-15", place=place)
        for review in ("accepted", "proposed"):
            graph.add_document(doc, [Assertion(claim, doc, asserted_by=f"extractor:{review}", confidence=0.9,
                                               evidence=Evidence(EVIL), review_status=review, grade=Grade("B", 2))])


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from kg.viz import network_view
    from kg.web import mount

    graph = KnowledgeGraph.open("memory:")
    _seed(graph)
    app = FastAPI()
    mount(app, graph, write_token="t")
    client = TestClient(app)
    out = {
        "actor": client.get("/ui/actor", params={"name": "Donald Trump"}).text,
        "review": client.get("/ui/review").text,
        "review-filter": client.get("/ui/review", params={"relation": EVIL, "source": EVIL2}).text,
        "error": client.get("/ui/actor", params={"name": EVIL2}).text,
        "viz-place-title": network_view(graph, title=EVIL2).html,
    }
    bad = client.get("/ui/review", params={"min_conf": EVIL})  # FastAPI's 422 echoes the input, as JSON
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/json"
    graph.close()
    return out


NAMES = ["actor", "review", "review-filter", "error", "viz-place-title"]


@pytest.mark.parametrize("name", NAMES)
def test_markup_is_escaped(pages, name):
    html = pages[name]
    assert "<img src=x" not in html and "<script>window.__xss" not in html
    assert "</textarea><script>" not in html


@pytest.mark.parametrize("name", ["actor", "review"])
def test_links_are_only_http(pages, name):
    assert 'href="javascript:' not in pages[name].lower(), "a javascript: source URL became a link"


@pytest.fixture
def chromium(browser):
    """The session's shared headless Chromium (tests/conftest.py: one sync Playwright per thread)."""
    need_chromium()
    return browser


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_payloads_do_not_run_in_chromium(chromium, pages, name):
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http:", "https:")) else r.continue_())
    page.set_content(pages[name], wait_until="load")
    page.wait_for_timeout(300)
    for link in page.locator("a[href]").all()[:20]:  # clicking a javascript: link would run it
        href = link.get_attribute("href") or ""
        if href.lower().startswith("javascript:"):
            link.click(no_wait_after=True)
    page.wait_for_timeout(100)
    assert page.evaluate("window.__xss") is None, f"a payload ran on the {name} page"
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0
    if name != "viz-place-title":
        assert "window.__xss" in page.inner_text("body") or "img src=x" in page.inner_text("body")
    context.close()


def test_http_url_filter_regression():
    """Fixed: source URLs of ingested documents (unvalidated) became href="javascript:..." links on the desk."""
    from kg.web import http_url

    assert http_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in (JS_URL, " JAVASCRIPT:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example.org",
                "https://a b", None, ""):
        assert http_url(bad) is None
