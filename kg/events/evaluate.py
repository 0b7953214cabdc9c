"""Pairwise precision and recall of event clustering against a labelled set.

Every pair of labelled reports is one judgement: the same event or not.  A predicted pair is "same" when
both reports end in one cluster.

>>> scores({"a": "E1", "b": "E1", "c": "E2"}, {"a": "x", "b": "y", "c": "y"})
{'pairs': 3, 'same_pairs': 1, 'true_positive': 0, 'false_positive': 1, 'false_negative': 1, 'precision': 0.0, 'recall': 0.0}
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any


def pair_labels(truth: dict[str, str]) -> dict[tuple[str, str], bool]:
    """Every unordered pair of report IDs -> whether they are labelled the same event."""
    return {(a, b): truth[a] == truth[b] for a, b in combinations(sorted(truth), 2)}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def scores(truth: dict[str, str], predicted: dict[str, str]) -> dict[str, Any]:
    """Pairwise counts, precision and recall of ``predicted`` cluster IDs against ``truth`` event labels.

    Counted from group sizes (no loop over pairs), so it scales to 100k reports.
    """
    ids = sorted(truth)
    both = Counter((truth[i], predicted.get(i, i)) for i in ids)
    same_truth = sum(_pairs(n) for n in Counter(truth[i] for i in ids).values())
    same_pred = sum(_pairs(n) for n in Counter(predicted.get(i, i) for i in ids).values())
    tp = sum(_pairs(n) for n in both.values())
    fp, fn = same_pred - tp, same_truth - tp
    return {"pairs": _pairs(len(ids)), "same_pairs": same_truth, "true_positive": tp, "false_positive": fp,
            "false_negative": fn, "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0}
