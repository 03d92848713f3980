"""The model report for data scientists: one self-contained HTML file.

The plots are inline SVG drawn here, so the report needs nothing beyond the standard library
(SageMaker's XGBoost container has no plotting library to rely on) and opens anywhere.
"""

from __future__ import annotations

import html
import json

SIZE = 320  # plot side, in pixels
MARGIN = 40


def _polyline(points: list[list[float]], colour: str, dashed: bool = False) -> str:
    side = SIZE - 2 * MARGIN
    coordinates = " ".join(
        f"{MARGIN + x * side:.1f},{SIZE - MARGIN - y * side:.1f}" for x, y, *_ in points
    )
    dash = ' stroke-dasharray="5,4"' if dashed else ""
    return (
        f'<polyline points="{coordinates}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
    )


def _plot(title: str, x_label: str, y_label: str, lines: list[str]) -> str:
    side = SIZE - 2 * MARGIN
    ticks = "".join(
        f'<text x="{MARGIN + t * side:.0f}" y="{SIZE - MARGIN + 14}" font-size="10" '
        f'text-anchor="middle">{t:.1f}</text>'
        f'<text x="{MARGIN - 6}" y="{SIZE - MARGIN - t * side + 3:.0f}" font-size="10" '
        f'text-anchor="end">{t:.1f}</text>'
        for t in (0, 0.5, 1)
    )
    return (
        f'<figure><svg width="{SIZE}" height="{SIZE}" role="img" aria-label="{title}">'
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{side}" height="{side}" fill="#fafafa" '
        'stroke="#999"/>'
        f"{ticks}{''.join(lines)}"
        f'<text x="{SIZE / 2}" y="{SIZE - 8}" font-size="11" text-anchor="middle">{x_label}</text>'
        f'<text x="12" y="{SIZE / 2}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 12 {SIZE / 2})">{y_label}</text>'
        f"</svg><figcaption>{title}</figcaption></figure>"
    )


def render(metrics: dict, curves: dict, importances: dict[str, float], title: str) -> str:
    """The report: the model beside its baselines, the curves, the features that matter."""
    rows = [
        ("ROC AUC", metrics["roc_auc"], "up_order_rate alone",
         metrics["baseline_up_order_rate_roc_auc"]),
        ("mean per-order F1", metrics["mean_order_f1"], "repeat the last basket",
         metrics["baseline_last_basket_mean_order_f1"]),
    ]  # fmt: skip
    comparison = "".join(
        f"<tr><td>{name}</td><td>{model:.4f}</td><td>{baseline_name}</td>"
        f"<td>{baseline:.4f}</td><td>{'better' if model > baseline else 'NOT better'}</td></tr>"
        for name, model, baseline_name, baseline in rows
    )
    others = "".join(
        f"<tr><td>{html.escape(key)}</td><td>{value:.4f}</td></tr>"
        if isinstance(value, float)
        else f"<tr><td>{html.escape(key)}</td><td>{value}</td></tr>"
        for key, value in metrics.items()
    )
    top = sorted(importances.items(), key=lambda item: -item[1])
    largest = top[0][1] if top else 1.0
    bars = "".join(
        f"<tr><td>{html.escape(name)}</td>"
        f'<td><div class="bar" style="width:{200 * gain / largest:.0f}px"></div></td>'
        f"<td>{gain:.1f}</td></tr>"
        for name, gain in top
    )
    diagonal = [[0.0, 0.0], [1.0, 1.0]]
    plots = "".join(
        [
            _plot(
                "ROC: model (blue), up_order_rate (orange)", "false positive rate",
                "true positive rate",
                [_polyline(diagonal, "#bbb", dashed=True), _polyline(curves["roc_baseline"],
                 "#e8891c"), _polyline(curves["roc"], "#1f5fa8")],
            ),
            _plot("Precision and recall", "recall", "precision",
                  [_polyline(curves["pr"], "#1f5fa8")]),
            _plot(
                "Calibration by decile of prediction", "mean predicted", "observed share",
                [_polyline(diagonal, "#bbb", dashed=True),
                 _polyline(curves["calibration"], "#1f5fa8")],
            ),
        ]
    )  # fmt: skip
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; margin-bottom: 1.5rem; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .25rem .75rem; text-align: left; }}
figure {{ display: inline-block; margin: 0 1rem 1rem 0; }}
.bar {{ background: #1f5fa8; height: .8rem; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<h2>Against the baselines (held-out users)</h2>
<table><tr><th>metric</th><th>model</th><th>baseline</th><th></th><th></th></tr>{comparison}</table>
<h2>Curves</h2>{plots}
<h2>Feature importance (gain)</h2><table>{bars}</table>
<h2>All metrics</h2><table>{others}</table>
<script type="application/json" id="metrics">{html.escape(json.dumps(metrics))}</script>
</body></html>
"""
