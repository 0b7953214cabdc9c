"""Input sizes stay linear (issue 17 item 11): a multi-party event stays n-ary with its pairwise view
edges capped; a claims file is checked against the shapes in batches with progress, and a file over the
size limit is refused in one line naming it.  Figures: bench/bench_inputs.py and docs/reliability.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.api import KnowledgeGraph
from kg.desk.claims_file import MAX_CLAIMS_BYTES, ClaimsFileError, parse_claims_text, read_claims_file
from kg.model import ActorRef, Assertion, Claim, Document
from kg.rdf.assertion_graph import MAX_PAIR_EDGES, assertion_quads
from kg.rdf.vocab import DIP


def _summit(n: int) -> Assertion:
    people = [ActorRef(f"Delegate Number{i}", "Person") for i in range(n)]
    claim = Claim("meets", people[0], people[1], co_subjects=tuple(people[2:]))
    return Assertion(claim, Document.from_url("https://example.org/summit"), asserted_by="analyst:alice")


def test_a_large_event_is_n_ary_and_linear() -> None:
    small, large = assertion_quads(_summit(5)), assertion_quads(_summit(300))
    edge = str(DIP.meets)
    assert sum(1 for q in small if q.predicate.value == edge) == 2 * 5 * 4  # in its graph and the view
    assert not any(q.predicate.value == edge for q in large)
    assert len(large) < 12 * 300, len(large)
    assert len({q.object.value for q in large if q.predicate.value == str(DIP.participant)}) == 300


def test_a_32_member_summit_keeps_its_pairs() -> None:
    quads = assertion_quads(_summit(32))
    assert sum(1 for q in quads if q.predicate.value == str(DIP.meets)) == 2 * MAX_PAIR_EDGES


def test_claims_are_checked_in_batches_with_progress() -> None:
    rows = "\n".join(f"Envoy Number{i},meets,Minister Number{i},https://example.org/c/{i}" for i in range(450))
    claims = parse_claims_text("subject,relation,object,source\n" + rows + "\n", "many.csv")
    seen: list[tuple[int, int]] = []
    with KnowledgeGraph.open("memory:") as graph:
        ids = graph.assert_claims(claims, on_progress=lambda done, total: seen.append((done, total)))
        assert graph.stats()["assertions"] == 450 == len(set(ids))
    assert seen == [(200, 450), (400, 450), (450, 450)]


def test_a_claims_file_over_the_limit_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:  # sparse: the size is what is checked, before anything is read
        handle.truncate(MAX_CLAIMS_BYTES + 1)
    with pytest.raises(ClaimsFileError) as info:
        read_claims_file(path)
    assert str(info.value).startswith(f"{path}: file is 32.0 MB, larger than the 32 MB limit for a claims file")
    assert os.path.getsize(path) == MAX_CLAIMS_BYTES + 1
