"""The web desk's actor page uses the one actor lookup: a shared surname lists the candidates, a QID picks one."""

from __future__ import annotations

from kg.model.inputs import ClaimInput


def test_actor_page_lists_candidates_instead_of_choosing(client, web_graph) -> None:
    for subject in ("Donald Trump", "Donald Trump Jr."):
        web_graph.assert_claim(ClaimInput(subject=subject, relation="meets", object="Hugo Chávez",
                                          source="https://example.org/web-lookup", quote=f"{subject} met Chávez."))
    shared = client.get("/ui/actor", params={"name": "Trump"})
    assert shared.status_code == 409 and "Donald Trump Jr." in shared.text and "Q22686" in shared.text
    picked = client.get("/ui/actor", params={"name": "Q22686"})
    assert picked.status_code == 200 and "Hugo Chávez" in picked.text
    folded = client.get("/ui/actor", params={"name": "hugo chavez"})
    assert folded.status_code == 200 and "Donald Trump Jr." in folded.text
