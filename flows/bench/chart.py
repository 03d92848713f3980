"""results.png of `reorder bench`: wall seconds per stage at the largest scale (left) and
the seconds of the scaled stages against the number of users (right)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.bench.suite import BenchResult

SCALED = ("pipeline", "contract", "pandas", "spark")  # the stages run at every scale
COLORS = {
    "pipeline": "#1f77b4",
    "contract": "#17becf",
    "train": "#9467bd",
    "api": "#8c564b",
    "pandas": "#ff7f0e",
    "spark": "#d62728",
}


def write_chart(result: BenchResult, path: Path) -> Path:
    """Draw the chart into `path` (PNG) and return it."""
    # Imported here: matplotlib takes a second to load, and Agg needs no display.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (bars, curves) = plt.subplots(1, 2, figsize=(13, 5.5), layout="constrained")
    # Generation is set-up, and only there when the drop was missing: not compared.
    stages = [m for m in result.stages if m.stage != "generate"]
    names = [m.stage for m in stages]
    drawn = bars.barh(
        names, [m.seconds for m in stages], color=[COLORS.get(n, "grey") for n in names]
    )
    # The api stage's time is mostly its load, bounded by --load-seconds: say so on its bar.
    labels = [
        f" {m.seconds:.1f} s{' (bounded load)' if m.stage == 'api' else ''}, "
        f"{m.peak_bytes / 1e9:.2f} GB"
        for m in stages
    ]
    bars.bar_label(drawn, labels, fontsize=9)
    bars.invert_yaxis()  # the run's order, top to bottom
    bars.set_xlabel("wall seconds")
    bars.set_title(f"each stage at {result.users:,} users (label: seconds, peak memory)")
    bars.margins(x=0.35)  # room for the labels

    for stage in SCALED:
        points = [(run.users, run.seconds(stage)) for run in result.runs]
        shown = [(users, seconds) for users, seconds in points if seconds is not None]
        if shown:
            curves.plot(*zip(*shown, strict=True), marker="o", label=stage, color=COLORS[stage])
    curves.set_xticks(
        [run.users for run in result.runs],
        [f"{run.users:,}\n({run.fraction:g})" for run in result.runs],
        fontsize=8,
    )
    curves.set_xlabel(f"users (fraction of {result.users:,})")
    curves.set_ylabel("wall seconds")
    curves.set_title("by scale (train and api: largest scale only)")
    curves.set_xlim(left=0)
    curves.set_ylim(bottom=0)
    curves.grid(alpha=0.3)
    curves.legend()
    figure.suptitle(f"reorder bench, {result.cpus} cores")
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
