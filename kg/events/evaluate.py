"""Pairwise precision and recall of event clustering against a labelled set.

Every pair of labelled reports is one judgement: the same event or not.  A predicted pair is "same" when
both reports end in one cluster.

>>> scores({"a": "E1", "b": "E1", "c": "E2"}, {"a": "x", "b": "y", "c": "y"})
{'pairs': 3, 'same_pairs': 1, 'true_positive': 0, 'false_positive': 1, 'false_negative': 1, 'precision': 0.0, 'recall': 0.0}
"""

from __future__ import annotations

from itertools import combinations
from typing import Any


def pair_labels(truth: dict[str, str]) -> dict[tuple[str, str], bool]:
    """Every unordered pair of report IDs -> whether they are labelled the same event."""
    return {(a, b): truth[a] == truth[b] for a, b in combinations(sorted(truth), 2)}


def scores(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, Any]:
    """Pairwise counts, precision and recall of ``predicted`` cluster IDs against ``truth`` event labels."""
    labels = pair_labels(truth)
    tp = sum(1 for (a, b), same in labels.items() if same and predicted.get(a) == predicted.get(b))
    fp = sum(1 for (a, b), same in labels.items() if not same and predicted.get(a) == predicted.get(b))
    fn = sum(1 for (a, b), same in labels.items() if same and predicted.get(a) != predicted.get(b))
    return {"pairs": len(labels), "same_pairs": sum(labels.values()), "true_positive": tp, "false_positive": fp,
            "false_negative": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0}
