"""The desk's ask box in headless Chromium: a question typed into the header box gives the answer with
its events, sources and SPARQL; markup in a quote stays text."""

from __future__ import annotations

import pytest

from kg.model.inputs import ClaimInput
from tests.web.test_browser_desk import chromium, server  # noqa: F401 - the same real server and browser

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_ask_box_answers_with_sources(chromium, server, web_graph):  # noqa: F811
    web_graph.assert_claim(ClaimInput(subject="Donald Trump", relation="meets", object="Vladimir Putin",
                                      source="https://news.example.org/alaska", date="2025-08-15", time="11:30",
                                      place="Anchorage", status="planned",
                                      quote="Trump will meet Putin <img src=x onerror=alert(1)>"))
    page = chromium.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/")
    page.fill("header input[name=q]", "when is trump meeting with putin")
    page.click("header button:has-text('ask')")
    page.wait_for_url(f"{server}/ask*")
    text = page.inner_text("main")
    assert "Planned meeting between Donald Trump and Vladimir Putin" in text
    assert "Anchorage" in text and "11:30" in text and "planned" in text and "news.example.org" in text
    assert page.locator("main a[href='https://news.example.org/alaska']").count() == 1
    assert "onerror=alert(1)" in text and page.locator("main img").count() == 0 and dialogs == []
    page.click("summary")
    assert "?subject" in page.inner_text("details")
    page.fill("main input[name=q]", "what is the weather in Anchorage")
    page.click("main button:has-text('ask')")
    page.wait_for_load_state()
    assert "I cannot answer that" in page.inner_text("main")
