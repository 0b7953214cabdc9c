"""Clustering precision and recall on a labelled set of same-event pairs built from our own articles.

The set (tests/events/labelled.yaml) has 19 short articles and 23 reported events about 12 events: plans
then meetings, a cancelled plan, a meeting recalled years later, a call and a meeting of one pair,
pardons of different sizes, syndicated reports with different wording, a plan for "next month".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from kg import events
from kg.events.evaluate import pair_labels, scores
from kg.events.match import blocking_key
from kg.model import Assertion, Claim, Document, Evidence

LABELLED = Path(__file__).parent / "labelled.yaml"


def load(graph) -> dict[str, str]:
    """Store every labelled report; returns assertion ID -> event label."""
    data = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))
    truth: dict[str, str] = {}
    by_article: dict[str, list[dict]] = {}
    for report in data["reports"]:
        by_article.setdefault(report["article"], []).append(report)
    for key, art in data["articles"].items():
        doc = Document.from_text(art["text"], url=art["url"], published=art["published"])
        found = []
        for r in by_article.get(key, []):
            start = art["text"].index(r["quote"])
            claim = Claim(r["relation"], graph.resolve_actor(r["subject"]),
                          graph.resolve_actor(r["object"], r.get("object_type")), status=r["status"],
                          event_type=r.get("type"), date=str(r["date"]) if r.get("date") else None,
                          date_basis=r.get("basis"), place=r.get("place"), time=r.get("time"), count=r.get("count"))
            sentence = art["text"][art["text"].rfind("\n", 0, start) + 1:]
            found.append(Assertion(claim, doc, asserted_by="extractor:labelled@1", confidence=0.9,
                                   evidence=Evidence(r["quote"], sentence, start, start + len(r["quote"]))))
            truth[found[-1].id] = r["event"]
        graph.add_document(doc, found)
    return truth


def test_precision_and_recall_on_the_labelled_pairs(graph, capsys):
    truth = load(graph)
    predicted = events.anchor_map(graph)
    reports = events.state(graph).reports
    labels = pair_labels(truth)
    in_block = {p: same for p, same in labels.items() if blocking_key(reports[p[0]]) == blocking_key(reports[p[1]])}
    assert len(in_block) >= 30 and 10 <= sum(in_block.values()) < len(in_block)  # both kinds
    result = scores(truth, predicted)
    block_result = scores(truth, predicted) | {"pairs": len(in_block), "same_pairs": sum(in_block.values())}
    with capsys.disabled():
        print(f"\nevent clustering on {len(truth)} labelled reports, {len(in_block)} labelled pairs in shared blocks "
              f"({block_result['same_pairs']} same, {len(in_block) - block_result['same_pairs']} different): "
              f"precision {result['precision']:.3f}, recall {result['recall']:.3f} "
              f"(tp {result['true_positive']}, fp {result['false_positive']}, fn {result['false_negative']})")
    assert result["precision"] >= 0.95 and result["recall"] >= 0.8, result
    # the cases the rules are for
    cluster_of = {label: {predicted[a] for a, x in truth.items() if x == label} for label in set(truth.values())}
    assert len(cluster_of["budapest"]) == 1 and cluster_of["budapest"].isdisjoint(cluster_of["alaska"])
    assert len(cluster_of["pardon30"]) == 1 and cluster_of["pardon30"].isdisjoint(cluster_of["pardon18"])
    assert cluster_of["helsinki2018"].isdisjoint(cluster_of["alaska"])
    assert cluster_of["tallinn"].isdisjoint(cluster_of["helsinki2024"])
    pardon = events.cluster(graph, next(iter(cluster_of["pardon30"])))
    assert (pardon.count, pardon.first_date, pardon.articles, pardon.mentions) == (30, "2024-06-28", 2, 3)
    assert date.fromisoformat(pardon.first_reported) == date(2024, 7, 2)
