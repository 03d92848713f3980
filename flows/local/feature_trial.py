"""A trial of the season and department features before the model takes them: the model
trained on the same channels with and without each group of them, by sagemaker/train.py with
its default hyperparameters, as the daily run trains it, and compared on the validation
users' ROC AUC and mean per-order F1.

A group earns its place in features.txt only if it raises one of the two on a drop it was not
designed on. The published result_table is not changed for a trial: each line of it is given
the groups' features for its target order (the season of the order's estimated date, the
department of the product) from the feature tables beside it in the lake.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from flows.local.training import TRAIN_SCRIPT, run_train_script, split_into_channels
from flows.pipeline.compaction import PUBLISHED

METRICS = ("roc_auc", "mean_order_f1")
# The groups on trial: columns of their feature tables, for the line's target order.
GROUPS: dict[str, tuple[str, ...]] = {
    "season": ("prod_season_reorder_rate", "prod_season_order_share", "user_season_order_share"),
    "department": ("user_department_order_share", "user_department_days_since_last"),
}
VARIANTS: dict[str, tuple[str, ...]] = {
    "contract features": (),
    "+ season": ("season",),
    "+ department": ("department",),
    "+ season + department": ("season", "department"),
}


@dataclass(frozen=True)
class Variant:
    """One feature list, trained once per seed: each seed's validation metrics."""

    name: str
    features: list[str]
    roc_auc: list[float]
    mean_order_f1: list[float]
    reports: list[str]  # each seed's model report

    def mean(self, metric: str) -> float:
        values = getattr(self, metric)
        return sum(values) / len(values)

    def beats(self, other: Variant) -> list[str]:
        """The metrics on which every seed of this variant did better than every seed of
        `other`: a raise larger than what the seed alone moves."""
        return [m for m in METRICS if min(getattr(self, m)) > max(getattr(other, m))]


def _lines_with_candidates(lake: Path) -> str:
    """The published lines of train users, with every group's features beside them."""

    def table(folder: str) -> str:
        return f"read_parquet('{lake / folder}/*.parquet')"

    return f"""
        select
            result.*,
            products.prod_season_reorder_rate,
            products.prod_season_order_share,
            users.user_season_order_share,
            departments.user_department_order_share,
            departments.user_department_days_since_last
        from '{lake / PUBLISHED}' as result
        inner join {table("curated/order_dates")} as target
            on result.order_id = target.order_id
        left join {table("features/prd_season_features")} as products
            on result.product_id = products.product_id
            and target.order_season = products.order_season
        left join {table("features/user_season_features")} as users
            on result.user_id = users.user_id and target.order_season = users.order_season
        left join {table("features/user_department_features")} as departments
            on result.user_id = departments.user_id
            and result.department_id = departments.department_id
        where result.eval_set = 'train'
    """


def write_trial_channels(lake: Path, folder: Path) -> tuple[Path, Path]:
    """The train and validation channels, split as the daily training splits them."""
    return split_into_channels(_lines_with_candidates(lake), folder)


def contract_features() -> list[str]:
    """features.txt's names, in order (comments and blank lines left out)."""
    lines = (
        line.split("#", 1)[0].strip() for line in (TRAIN_SCRIPT.parent / "features.txt").open()
    )
    return [line for line in lines if line]


def run_trial(lake: Path, out: Path, seeds: int = 3) -> list[Variant]:
    """Every variant trained once per seed (XGBoost's row and column sampling, the only
    randomness) and measured; trial.json and trial.md written to `out`, each run's model and
    report under out/<variant>/seed-<n>/."""
    out.mkdir(parents=True, exist_ok=True)
    base = contract_features()
    variants = []
    with tempfile.TemporaryDirectory(dir=out, prefix="channels-") as channels:
        train, validation = write_trial_channels(lake, Path(channels))
        for number, (name, groups) in enumerate(VARIANTS.items()):
            features = base + [column for group in groups for column in GROUPS[group]]
            folder = out / str(number)
            folder.mkdir(exist_ok=True)
            listed = folder / "features.txt"
            listed.write_text("\n".join(features) + "\n")
            runs = []
            for seed in range(seeds):
                hyperparameters = {"features": str(listed), "seed": str(seed)}
                trained = run_train_script(
                    train, validation, folder / f"seed-{seed}", hyperparameters
                )
                metrics = json.loads((trained.model_dir / "metrics.json").read_text())
                runs.append((metrics, str(trained.report)))
            variants.append(
                Variant(
                    name, features, [m["roc_auc"] for m, _ in runs],
                    [m["mean_order_f1"] for m, _ in runs], [report for _, report in runs],
                )
            )  # fmt: skip
    (out / "trial.json").write_text(json.dumps([asdict(v) for v in variants], indent=2) + "\n")
    (out / "trial.md").write_text(trial_markdown(variants))
    return variants


def trial_markdown(variants: list[Variant]) -> str:
    """Each variant's metrics (mean, and the range over seeds) beside the first's, the
    contract's features, and what it beats them on."""
    base = variants[0]

    def cell(variant: Variant, metric: str) -> str:
        values, change = getattr(variant, metric), variant.mean(metric) - base.mean(metric)
        return f"{variant.mean(metric):.4f} ({change:+.4f}; {min(values):.4f} to {max(values):.4f})"

    rows = [
        f"| {v.name} | {len(v.features)} | {cell(v, 'roc_auc')} | {cell(v, 'mean_order_f1')} | "
        f"{', '.join(v.beats(base)) or 'nothing'} |"
        for v in variants[1:]
    ]
    seeds = len(base.roc_auc)
    return "\n".join([
        f"Validation metrics over {seeds} XGBoost seeds: mean (change of the mean; range).",
        "",
        "| features | count | ROC AUC | mean per-order F1 | better on every seed |",
        "|---|---:|---|---|---|",
        f"| {base.name} | {len(base.features)} | {cell(base, 'roc_auc')} | "
        f"{cell(base, 'mean_order_f1')} | |",
        *rows,
        "",
    ])  # fmt: skip
