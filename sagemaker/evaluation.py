"""How good the reorder model is on held-out users, next to the two baselines it must beat.

Line level: ROC AUC, log loss, PR AUC and the F1-optimal threshold over (user, product)
lines. Order level: the mean per-order F1 of the Instacart competition, where each order's
truth is the set of products reordered in it, or "None" when nothing was, and a prediction
of no product counts as predicting "None".

Baselines: the single feature `up_order_rate` (line level) and "repeat the user's last
basket", the products of their last prior order (order level).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import (
    average_precision_score,
    log_loss,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)


def f1_optimal_threshold(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """The score threshold with the best line-level F1, and that F1."""
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-12)
    best = int(np.argmax(f1[:-1]))  # the last point has no threshold
    return float(thresholds[best]), float(f1[best])


def mean_order_f1(orders: np.ndarray, labels: np.ndarray, predicted: np.ndarray) -> float:
    """The competition's mean per-order F1, from one row per (order, candidate product)."""
    frame = pd.DataFrame(
        {"order": orders, "truth": labels.astype(bool), "predicted": predicted.astype(bool)}
    )
    frame["hit"] = frame["truth"] & frame["predicted"]
    per_order = frame.groupby("order")[["truth", "predicted", "hit"]].sum()
    truth_none = per_order["truth"] == 0
    predicted_none = per_order["predicted"] == 0
    hits = per_order["hit"] + (truth_none & predicted_none)  # "None" predicted and true
    sizes = per_order["truth"] + truth_none + per_order["predicted"] + predicted_none
    return float((2 * hits / sizes).mean())


def evaluate(validation: pd.DataFrame, scores: np.ndarray) -> dict[str, float]:
    """Every metric of the model and of the baselines on the validation lines."""
    labels = validation["reordered"].to_numpy()
    orders = validation["order_id"].to_numpy()
    threshold, f1 = f1_optimal_threshold(labels, scores)
    last_basket = (validation["up_orders_since_last_order"] == 0).to_numpy()
    return {
        "roc_auc": float(roc_auc_score(labels, scores)),
        "log_loss": float(log_loss(labels, np.clip(scores, 1e-7, 1 - 1e-7))),
        "pr_auc": float(average_precision_score(labels, scores)),
        "threshold": threshold,
        "f1": f1,
        "mean_order_f1": mean_order_f1(orders, labels, scores >= threshold),
        "baseline_up_order_rate_roc_auc": float(
            roc_auc_score(labels, validation["up_order_rate"].to_numpy())
        ),
        "baseline_last_basket_mean_order_f1": mean_order_f1(orders, labels, last_basket),
        "validation_lines": len(labels),
        "validation_orders": int(pd.unique(orders).size),
        "validation_reordered_share": float(labels.mean()),
    }


def curves(validation: pd.DataFrame, scores: np.ndarray, points: int = 200) -> dict:
    """ROC and precision-recall curves (model and baseline) and a calibration table, thinned
    to at most `points` points each for the report."""
    labels = validation["reordered"].to_numpy()

    def thin(x: np.ndarray, y: np.ndarray) -> list[list[float]]:
        keep = np.unique(np.linspace(0, len(x) - 1, min(points, len(x))).astype(int))
        return [[float(a), float(b)] for a, b in zip(x[keep], y[keep], strict=True)]

    fpr, tpr, _ = roc_curve(labels, scores)
    base_fpr, base_tpr, _ = roc_curve(labels, validation["up_order_rate"].to_numpy())
    precision, recall, _ = precision_recall_curve(labels, scores)
    bins = np.minimum((scores * 10).astype(int), 9)
    calibration = [
        [float(scores[bins == b].mean()), float(labels[bins == b].mean()), int((bins == b).sum())]
        for b in range(10)
        if (bins == b).any()
    ]
    # Equal-count deciles of the score: the lines ranked by score and cut into ten groups.
    ranked = np.argsort(scores, kind="stable")
    deciles = [
        [float(scores[group].mean()), float(labels[group].mean()), int(group.size)]
        for group in np.array_split(ranked, 10)
        if group.size
    ]
    return {
        "roc": thin(fpr, tpr),
        "roc_baseline": thin(base_fpr, base_tpr),
        "pr": thin(recall[::-1], precision[::-1]),
        # [mean predicted, observed share, lines] per tenth of the score range (0-0.1, ...):
        # the score distribution and the report's calibration chart
        "calibration": calibration,
        # the same per decile of the lines ranked by score
        "calibration_deciles": deciles,
    }
