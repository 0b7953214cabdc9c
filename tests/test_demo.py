"""The README's main job: ``kg demo`` builds a store from the bundled samples, answers the seed question, writes the view."""

from __future__ import annotations

from tests.conftest import run_kg


def test_demo_answers_the_seed_question_and_writes_the_view(tmp_path):
    out = tmp_path / "demo-output"
    first = run_kg("demo", "--out", str(out), check=True).stdout
    assert "Q: when is trump meeting with putin" in first
    answer = first.split("Q: when is trump meeting with putin", 1)[1]
    for expected in ("planned", "2025-08-15", "11:30", "Anchorage", "19:30 UTC", "[grade B2]", "sources:"):
        assert expected in " ".join(answer.split()), expected  # grades are text, not console markup
    html = (out / "network.html").read_text(encoding="utf-8")
    assert "Vladimir Putin" in html and "Donald Trump" in html
    assert (out / "store").is_dir()
    before = run_kg("stats", store=out / "store", check=True).stdout
    again = run_kg("demo", "--out", str(out), check=True).stdout
    assert "ingested 0 new article(s)" in again and "Anchorage" in again
    assert run_kg("stats", store=out / "store", check=True).stdout == before  # a second run adds nothing
