"""--as-of on query, show and viz: the graph as it was known at a record time."""

import json
import time
from datetime import datetime, timezone

from tests.conftest import run_kg

MEETS = "SELECT ?b WHERE { ?a dip:meets ?x . ?x rdfs:label ?b }"


def test_as_of_hides_later_assertions_and_later_retractions(tmp_path):
    store = tmp_path / "s"
    first = run_kg("assert", "Donald Trump", "meets", "Vladimir Putin", "--source", "https://x.org/1", store=store,
                   check=True).stdout.strip()
    time.sleep(1.1)
    middle = datetime.now(timezone.utc).isoformat()
    time.sleep(1.1)
    run_kg("assert", "Donald Trump", "meets", "Xi Jinping", "--source", "https://x.org/2", store=store, check=True)
    run_kg("retract", first, "--reason", "wrong", store=store, check=True)

    def labels(*extra: str) -> set[str]:
        out = run_kg("query", MEETS, "--format", "json", *extra, store=store, check=True).stdout
        return {b["b"]["value"] for b in json.loads(out)["results"]["bindings"]}

    assert "Vladimir Putin" not in labels() and "Xi Jinping" in labels()
    past = labels("--as-of", middle)
    assert "Vladimir Putin" in past and "Xi Jinping" not in past
    shown = json.loads(run_kg("show", "Putin", "--format", "json", "--as-of", middle, store=store, check=True).stdout)
    assert shown["assertions"] and shown["assertions"][0]["relation"] == "meets"
    page = tmp_path / "past.html"
    run_kg("viz", "--out", str(page), "--as-of", middle, store=store, check=True)
    html = page.read_text(encoding="utf-8")
    assert "Vladimir Putin" in html and "Xi Jinping" not in html


def test_as_of_rejects_a_bad_date(tmp_path):
    proc = run_kg("query", MEETS, "--as-of", "yesterday-ish", store=tmp_path / "s")
    assert proc.returncode == 1 and proc.stderr.startswith("error:") and "Traceback" not in proc.stderr
