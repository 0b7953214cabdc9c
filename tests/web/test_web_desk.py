"""The web desk over HTTP (TestClient): pages, login, CSRF, adding claims, reviewing, escaping."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat

from kg.desk.review import effective_status

FORM = dict(subject="Donald Trump", relation="meets", object="Vladimir Putin", status="held",
            source="https://gov.example.org/briefing", quote="The two presidents met in Anchorage.",
            date="2025-08-15", place="Anchorage", reliability="B", credibility="2", analyst="alice")


def test_read_pages_need_no_login_and_send_safe_headers(client, web_graph, helpers):
    helpers.add_extracted(web_graph)
    index = client.get("/ui/")
    assert index.status_code == 200 and "Vladimir Putin" in index.text
    assert "script-src 'none'" in index.headers["content-security-policy"]
    cookie = index.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    actor = client.get("/ui/actor", params={"name": "Vladimir Putin"})
    assert actor.status_code == 200 and "Donald Trump" in actor.text and "https://news.example.com/planned" in actor.text
    assert client.get("/ui/actor", params={"name": "Nobody Atall"}).status_code == 404
    queue = client.get("/ui/review")
    assert "Donald Trump will meet Vladimir Putin" in queue.text and "<mark>" in queue.text
    assert 'value="accept"' not in queue.text  # buttons only after login
    assert client.get("/ui/static/style.css").status_code == 200
    assert client.get("/ui/add", follow_redirects=False).status_code == 303


def test_login_needs_the_token_and_csrf(client, helpers):
    csrf = helpers.csrf_of(client.get("/ui/login").text)
    assert client.post("/ui/login", data={"token": "wrong", "csrf": csrf}).status_code == 403
    assert client.post("/ui/login", data={"token": helpers.TOKEN, "csrf": "forged"}).status_code == 403
    client.cookies.clear()
    assert client.post("/ui/login", data={"token": helpers.TOKEN, "csrf": csrf}).status_code == 403  # no session
    csrf = helpers.csrf_of(client.get("/ui/login").text)
    ok = client.post("/ui/login", data={"token": helpers.TOKEN, "csrf": csrf}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/ui/review"


def test_read_only_without_token(web_graph, helpers):
    client = helpers.make_client(web_graph, token=None)
    page = client.get("/ui/login")
    assert "read-only" in page.text
    assert client.post("/ui/login", data={"token": "anything", "csrf": "x"}).status_code == 403
    assert client.get("/ui/add", follow_redirects=False).status_code == 303


def test_add_claim_through_the_form(logged_in, web_graph, helpers):
    csrf = helpers.csrf_of(logged_in.get("/ui/add").text)
    response = logged_in.post("/ui/add", data={**FORM, "csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/ui/actor?name=Donald")
    page = logged_in.get(response.headers["location"]).text
    assert "https://gov.example.org/briefing" in page and "B2" in page and "alice" in page


def test_form_records_the_stated_office(logged_in, web_graph, helpers):
    csrf = helpers.csrf_of(logged_in.get("/ui/add").text)
    data = {**FORM, "subject_role": "US President", "object_role": "President of Russia", "csrf": csrf}
    assert logged_in.post("/ui/add", data=data, follow_redirects=False).status_code == 303
    rows = web_graph.select("SELECT ?office ?as WHERE { ?e dip:statedRole [ dip:roleOffice ?office ; dip:statedAs ?as ] }")
    assert sorted((r["office"].rsplit("/", 1)[-1], r["as"]) for r in rows) == [
        ("ru-president", "President of Russia"), ("us-president", "US President")]


@pytest.mark.parametrize("change, message", [
    ({"source": ""}, "source: a source URL is required"),
    ({"source": "not a url"}, "source: &#39;not a url&#39; is not a URL"),
    ({"quote": ""}, "quote: a quote from the source is required"),
    ({"relation": "meet"}, "relation: unknown relation &#39;meet&#39;; did you mean meets?"),
    ({"reliability": "G"}, "reliability: &#39;G&#39; is not a source reliability grade A-F"),
    ({"credibility": "9"}, "credibility: 9 is not an information credibility grade 1-6"),
    ({"date": "yesterday"}, "date: "),
    ({"subject_role": "Grand Vizier"}, "subject_role: role &#39;Grand Vizier&#39; names no single office"),
])
def test_bad_form_input_names_the_field_and_writes_nothing(logged_in, web_graph, helpers, change, message):
    csrf = helpers.csrf_of(logged_in.get("/ui/add").text)
    before = web_graph.export(RdfFormat.N_QUADS)
    response = logged_in.post("/ui/add", data={**FORM, **change, "csrf": csrf})
    assert response.status_code == 400 and message in response.text, response.text
    assert web_graph.export(RdfFormat.N_QUADS) == before


def test_writes_need_login_and_csrf(client, web_graph, helpers):
    aid = helpers.add_extracted(web_graph)
    before = web_graph.export(RdfFormat.N_QUADS)
    csrf = helpers.csrf_of(client.get("/ui/login").text)
    assert client.post("/ui/add", data={**FORM, "csrf": csrf}).status_code == 403  # not logged in
    assert client.post(f"/ui/review/{aid}", data={"decision": "accept", "csrf": csrf}).status_code == 403
    csrf = helpers.csrf_of(client.get("/ui/login").text)
    client.post("/ui/login", data={"token": helpers.TOKEN, "csrf": csrf})
    assert client.post("/ui/add", data={**FORM, "csrf": csrf}).status_code == 403  # old token: session rotated
    assert client.post(f"/ui/review/{aid}", data={"decision": "accept"}).status_code == 403
    assert web_graph.export(RdfFormat.N_QUADS) == before


def test_review_buttons_accept_reject_dispute(logged_in, web_graph, helpers):
    a = helpers.add_extracted(web_graph)
    b = helpers.add_extracted(web_graph, url="https://b.example.org/", text="Trump meets Putin.", quote="Trump meets Putin")
    c = helpers.add_extracted(web_graph, url="https://c.example.org/", text="Putin meets Trump.", quote="Putin meets Trump")
    page = logged_in.get("/ui/review").text
    csrf = helpers.csrf_of(page)
    assert page.count('value="accept"') == 3
    assert logged_in.post(f"/ui/review/{a}", data={"decision": "accept", "csrf": csrf}, follow_redirects=False).status_code == 303
    assert logged_in.post(f"/ui/review/{b}", data={"decision": "reject", "reason": "satire", "csrf": csrf}).status_code == 200
    bad = logged_in.post(f"/ui/review/{c}", data={"decision": "dispute", "reason": "", "csrf": csrf})
    assert bad.status_code == 400 and "reason: " in bad.text
    assert logged_in.post(f"/ui/review/{c}", data={"decision": "burn", "csrf": csrf}).status_code == 400
    logged_in.post(f"/ui/review/{c}", data={"decision": "dispute", "reason": "unclear", "csrf": csrf})
    assert [effective_status(web_graph, x) for x in (a, b, c)] == ["accepted", "rejected", "disputed"]
    assert "Nothing to review" in logged_in.get("/ui/review").text


def test_rejected_items_can_be_reinstated_from_their_page(logged_in, web_graph, helpers):
    a = helpers.add_extracted(web_graph)
    csrf = helpers.csrf_of(logged_in.get("/ui/review").text)
    logged_in.post(f"/ui/review/{a}", data={"decision": "reject", "reason": "satire", "csrf": csrf})
    page = logged_in.get("/ui/review", params={"status": "rejected"}).text
    assert a in page and 'value="reinstate"' in page and 'value="accept"' not in page
    assert logged_in.get("/ui/review", params={"status": "gone"}).status_code == 400
    no_reason = logged_in.post(f"/ui/review/{a}", data={"decision": "reinstate", "reason": "", "csrf": csrf})
    assert no_reason.status_code == 400 and effective_status(web_graph, a) == "rejected"
    done = logged_in.post(f"/ui/review/{a}", data={"decision": "reinstate", "reason": "not satire after all",
                                                   "csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and effective_status(web_graph, a) == "proposed"
    assert a in logged_in.get("/ui/review").text


def test_markup_in_names_and_quotes_is_escaped(logged_in, web_graph, helpers):
    evil = "<img src=x onerror=alert(1)>"
    csrf = helpers.csrf_of(logged_in.get("/ui/add").text)
    data = {**FORM, "object": evil, "object_type": "Person", "quote": "<script>alert(2)</script>", "csrf": csrf}
    assert logged_in.post("/ui/add", data=data, follow_redirects=False).status_code == 303
    for page in (logged_in.get("/ui/actor", params={"name": evil}).text, logged_in.get("/ui/").text,
                 logged_in.get("/ui/actor", params={"name": "Donald Trump"}).text):
        assert "<img src=x" not in page and "<script>alert" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    helpers.add_extracted(web_graph, text="Trump <script>alert(3)</script> will meet Putin.",
                          quote="<script>alert(3)</script>", url="https://evil.example.org/x")
    queue = logged_in.get("/ui/review").text
    assert "<script>alert(3)" not in queue and "<mark>&lt;script&gt;alert(3)&lt;/script&gt;</mark>" in queue
    missing = logged_in.get("/ui/actor", params={"name": "<b>nobody</b>"})
    assert "<b>nobody" not in missing.text


def test_actor_page_lists_roles_not_held_on_the_date(client, web_graph):
    from kg.resolve.actor_graph import load_gazetteer
    from kg.model.inputs import ClaimInput

    load_gazetteer(web_graph)
    web_graph.assert_claim(ClaimInput(subject="Vladimir Putin", relation="meets", object="Barack Obama",
                                      date="2009-07-07", source="https://example.org/moscow",
                                      subject_role="Russian President"))
    page = client.get("/ui/actor", params={"name": "Vladimir Putin"}).text
    assert "Roles not held on the event date" in page and "Dmitry Medvedev" in page
    assert "https://example.org/moscow" in page
    assert "Roles not held" not in client.get("/ui/actor", params={"name": "Barack Obama"}).text
