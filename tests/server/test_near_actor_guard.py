"""The near-match guard over HTTP: POST /assertions and the web desk's add form refuse a name close to a known
actor (409, the near match named) until the new actor is confirmed; a real ``kg serve`` and a real HTTP client."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.server.conftest import TOKEN, _seed, _serve

AUTH = {"Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <https://w3id.org/diplomacy-kg/ontology#Assertion> }"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = tmp_path_factory.mktemp("near") / "store"
    _seed(store)  # Donald Trump meets Vladimir Putin; United States sanctions Russia
    with _serve(store, "--token", TOKEN) as url:
        yield url


def _assertions(base: str) -> int:
    reply = httpx.get(f"{base}/sparql", params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"})
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


def _claim(subject: str, obj: str = "Donald Trump", **extra: object) -> dict[str, object]:
    return {"subject": subject, "relation": "meets", "object": obj, "source": "https://example.org/typo",
            "quote": f"{subject} met {obj}.", **extra}


def test_a_typo_of_a_known_actor_is_refused_naming_it(base: str) -> None:
    before = _assertions(base)
    reply = httpx.post(f"{base}/assertions", json=_claim("Vladmir Putin"), headers=AUTH)
    assert reply.status_code == 409, reply.text
    body = reply.json()
    assert "Vladimir Putin" in body["detail"] and "new_actor" in body["detail"] and body["confirm"] == "new_actor"
    [match] = body["near_matches"]
    assert (match["field"], match["name"]) == ("subject", "Vladmir Putin")
    assert match["near"][0]["label"] == "Vladimir Putin" and match["near"][0]["qid"] == "Q7747"
    assert _assertions(base) == before  # nothing written


def test_new_actor_true_confirms_and_writes(base: str) -> None:
    before = _assertions(base)
    reply = httpx.post(f"{base}/assertions", json=_claim("Vladmir Putin", new_actor=True), headers=AUTH)
    assert reply.status_code == 201, reply.text
    assert len(reply.json()["ids"]) == 1 and _assertions(base) == before + 1


def test_one_near_name_in_a_list_refuses_the_whole_list(base: str) -> None:
    before = _assertions(base)
    claims = [_claim("Russia", "United States"), _claim("Donlad Trump", "Russia")]
    reply = httpx.post(f"{base}/assertions", json=claims, headers=AUTH)
    assert reply.status_code == 409 and reply.json()["near_matches"][0]["field"] == "claim 2 subject"
    assert "Donald Trump" in reply.json()["detail"]
    assert _assertions(base) == before
    confirmed = httpx.post(f"{base}/assertions", params={"new_actor": "true"}, json=claims, headers=AUTH)
    assert confirmed.status_code == 201 and _assertions(base) == before + 2


def test_known_names_and_bad_confirmations(base: str) -> None:
    assert httpx.post(f"{base}/assertions", json=_claim("Vladimir Putin"), headers=AUTH).status_code == 201
    bad = httpx.post(f"{base}/assertions", json=_claim("Vladmir Putin", new_actor="yes"), headers=AUTH)
    assert bad.status_code == 422 and "new_actor" in bad.json()["detail"]
    assert httpx.post(f"{base}/assertions", json=_claim("Vladmir Putin")).status_code == 401  # token first


def test_the_web_add_form_asks_to_confirm_a_near_name(base: str) -> None:
    with httpx.Client(base_url=base, follow_redirects=False) as browser:
        csrf = _csrf(browser.get("/ui/login").text)
        assert browser.post("/ui/login", data={"token": TOKEN, "csrf": csrf}).status_code == 303
        form = browser.get("/ui/add")
        fields = {"csrf": _csrf(form.text), "subject": "Vladimir Putim", "relation": "meets", "object": "Russia",
                  "source": "https://example.org/form", "quote": "Putim met Russia.", "reliability": "C",
                  "credibility": "3", "status": "held"}
        before = _assertions(base)
        refused = browser.post("/ui/add", data=fields)
        assert refused.status_code == 409
        assert "Vladimir Putin" in refused.text and 'name="new_actor"' in refused.text
        assert "Vladimir Putim" in refused.text and _assertions(base) == before
        fields["csrf"] = _csrf(refused.text)
        added = browser.post("/ui/add", data={**fields, "new_actor": "1"})
        assert added.status_code == 303 and "added=" in added.headers["location"]
        assert _assertions(base) == before + 1


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF field"
    return match.group(1)
