"""`reorder bench` results: results.json (everything measured), results.md (the tables) and
results.png (the chart, flows/bench/chart.py)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from flows.bench.chart import SCALED, write_chart
from flows.bench.conditions import Conditions
from flows.bench.suite import BASELINES, LARGEST_ONLY, BenchResult, ScaleRun

WHAT = {
    "generate": "the synthetic drop",
    "pipeline": "`reorder run --no-train`: drop to published result_table, everything included",
    "against": "the pipeline stage at another commit (--against), same drop",
    "days": "`reorder run --no-train` day after day, a daily feed as snapshots and as deltas",
    "contract": "landing and `dbt run` of the contract tables only",
    "train": "training on the published file",
    "api": "`reorder serve` under load (server and local endpoint)",
    "dashboard": "`reorder dashboard`'s build, then each page in headless Chromium",
    "pandas": "pandas notebook, contract tables only",
    "spark": "PySpark `local[2]`, contract tables only",
}
TESTS = ("test", "unit_test")  # dbt's data tests and unit tests
BASIS = {
    "vs_contract": "÷ contract (contract tables alone)",
    "vs_pipeline": "÷ pipeline (everything included)",
}


def pipeline_breakdown(detail: dict) -> dict:
    """The pipeline's seconds by part: landing, each dbt model, the dbt tests summed, and
    compaction, from what the pipeline stage reported of itself."""
    steps, nodes = detail["steps"], detail["nodes"]
    kinds = detail.get("node_kinds", {})
    tests = [seconds for name, seconds in nodes.items() if kinds.get(name) in TESTS]
    others: dict[str, float] = {}  # exposures and the like: nodes that are neither
    for name, seconds in nodes.items():
        kind = kinds.get(name, "unknown")
        if kind not in (*TESTS, "model"):
            others[kind] = others.get(kind, 0.0) + seconds
    return {
        "land": round(steps["land"], 2),
        "models": {
            name: round(seconds, 2) for name, seconds in nodes.items() if kinds.get(name) == "model"
        },
        "tests": round(sum(tests), 2),
        "test_nodes": len(tests),
        "other_nodes": {kind: round(seconds, 2) for kind, seconds in others.items()},
        "compact": round(steps["compact"], 2),
        "dbt_build": round(steps["dbt_build"], 2),
    }


def results_data(result: BenchResult) -> dict:
    """Everything measured, as JSON values: the largest scale's stages in full, and every
    scale's seconds and peak bytes per stage."""
    pipeline = result.measured("pipeline")
    return {
        "conditions": asdict(result.conditions),
        "users": result.users,
        "drop": result.headline.drop,
        "cpus": result.cpus,
        "seed": result.seed,
        "skipped": result.skipped,
        "load": asdict(result.load),
        "stages": [asdict(m) for m in result.stages],
        "pipeline_breakdown": pipeline_breakdown(pipeline.detail),
        "against": None
        if result.against is None
        else {
            "name": result.against.name,
            "commit": result.against.commit,
        },
        "ratios": result.ratios,
        "scaling": [
            {
                "fraction": run.fraction,
                "users": run.users,
                "drop": run.drop,
                "stages": {
                    m.stage: {
                        "seconds": m.seconds,
                        "peak_bytes": m.peak_bytes,
                        "cpu_seconds": m.cpu_seconds,
                    }
                    for m in run.stages
                },
                "ratios": run.ratios,
            }
            for run in result.runs
        ],
    }


def _gb(peak_bytes: int) -> str:
    return f"{peak_bytes / 1e9:.2f}"


def _stage_lines(result: BenchResult) -> list[str]:
    return [
        "| stage | what | wall s | CPU s | cores busy | peak GB |",
        "|---|---|---:|---:|---:|---:|",
        *(
            f"| {m.stage} | {WHAT[m.stage]} | {m.seconds:.1f} | {m.cpu_seconds:.1f} | "
            f"{m.cores_busy:.2f} | {_gb(m.peak_bytes)} |"
            for m in result.stages
        ),
        "",
        "CPU s is user and system time of the stage's whole process tree; cores busy is CPU s "
        f"over wall s, at most {result.cpus} here. A stage that keeps every core busy gets "
        "faster only by doing less work.",
    ]


def _ratio_lines(result: BenchResult) -> list[str]:
    ratios = result.ratios
    names = [name for name in BASELINES if any(name in r for r in ratios.values())]
    if not names:
        return []
    return [
        "## Ratios",
        "",
        "A baseline's wall seconds divided by the contract stage's (the same tables from the "
        "same CSVs: like for like) and by the pipeline's (its tests, quarantine and "
        "compaction included).",
        "",
        "| baseline | " + " | ".join(BASIS[basis] for basis in ratios) + " |",
        "|---|" + "---:|" * len(ratios),
        *(
            f"| {name} | " + " | ".join(f"{ratios[basis][name]:.2f}x" for basis in ratios) + " |"
            for name in names
        ),
        "",
    ]


def _against_lines(result: BenchResult) -> list[str]:
    if result.against is None:
        return []
    rows = [
        (run, pipeline, against)
        for run in result.runs
        if (pipeline := run.measured("pipeline")) and (against := run.measured("against"))
    ]
    return [
        "## Side by side",
        "",
        f"The pipeline stage of this commit and of {result.against.name} (commit "
        f"{result.against.commit}, checked out beside it) on the same drop, one after the "
        "other in this run; differing rows compares the two published files.",
        "",
        "| users | this commit s | against s | ratio | this GB | against GB | differing rows |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {run.users:,} | {pipeline.seconds:.1f} | {against.seconds:.1f} | "
            f"{pipeline.seconds / against.seconds:.2f}x | {_gb(pipeline.peak_bytes)} | "
            f"{_gb(against.peak_bytes)} | {against.detail['published_differing_rows']:,} |"
            for run, pipeline, against in rows
        ),
        "",
    ]


def _days_lines(result: BenchResult) -> list[str]:
    days = result.measured("days")
    if days is None:
        return []
    snapshot, delta = days.detail["snapshot"], days.detail["delta"]
    ratio = days.detail["delta_over_snapshot"]
    versus = "" if ratio is None else f"; a day after the first took {ratio:.2f}x as a delta"
    return [
        "## Day after day",
        "",
        f"A daily feed of {len(snapshot)} dates ending in the drop (returning customers' next "
        "orders, 1% of the orders a day, and 0.1% new customers), landed day by day on a new "
        "lake as snapshots, then on another as deltas; each day's `reorder run --no-train` "
        f"timed on its own. The last snapshot day took "
        f"{days.detail['snapshot_last_over_first']:.2f}x the first{versus}.",
        "",
        "| day | date | snapshot s | x day 1 | staging s | delta s | staging s | "
        "delta order rows | peak GB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {number} | {s['date']} | {s['seconds']:.1f} | "
            f"{s['seconds'] / snapshot[0]['seconds']:.2f}x | {s['staging_seconds']:.1f} | "
            f"{d['seconds']:.1f} | {d['staging_seconds']:.1f} | {d['landed_order_rows']:,} | "
            f"{_gb(max(s['peak_bytes'], d['peak_bytes']))} |"
            for number, (s, d) in enumerate(zip(snapshot, delta, strict=True), start=1)
        ),
        "",
        "Staging s is what dbt's base and stg_ nodes took of the build: the part a day's drop "
        "size should set.",
        "",
    ]


def _pruning_lines(result: BenchResult) -> list[str]:
    pipeline = result.measured("pipeline")
    if pipeline is None or "pruning" not in pipeline.detail:
        return []
    department, season = (
        pipeline.detail["pruning"]["department"],
        pipeline.detail["pruning"]["season"],
    )

    def row(question: str, scan: dict, table_bytes: int | None) -> str:
        whole = "" if table_bytes is None else f"{table_bytes / 1e6:,.1f}"
        return (
            f"| {question} | {scan['files_read']} of {scan['files_matched']} | "
            f"{scan['bytes_read'] / 1e6:,.1f} | {whole} |"
        )

    return [
        "## Partition pruning",
        "",
        "What one query read, from DuckDB's profile of it (flows/bench/pruning.py), after the "
        "pipeline stage's clock stopped.",
        "",
        "| query | files read | MB read | table MB |",
        "|---|---:|---:|---:|",
        row(
            f"department {department['department_id']} (the largest), published file",
            department["published_file"],
            None,
        ),
        row(
            f"department {department['department_id']}, result_by_department",
            department["partitioned"],
            department["table_bytes"],
        ),
        row(
            f"season {season['order_season']}, order_products_prior",
            season["partitioned"],
            season["table_bytes"],
        ),
        "",
    ]


def _breakdown_lines(result: BenchResult, data: dict) -> list[str]:
    parts = data["pipeline_breakdown"]
    pipeline = result.measured("pipeline")
    contract = result.measured("contract")
    # Models the contract stage does not run: the pipeline's extra work beside its tests.
    extra = set() if contract is None else set(parts["models"]) - set(contract.detail["nodes"])
    return [
        "## Pipeline breakdown",
        "",
        "| part | s |",
        "|---|---:|",
        f"| land: file checks, copy into the raw zone | {parts['land']:.1f} |",
        *(
            f"| dbt model `{name}`{' (not in contract)' if name in extra else ''} | {seconds:.1f} |"
            for name, seconds in parts["models"].items()
        ),
        f"| dbt tests, {parts['test_nodes']} nodes summed | {parts['tests']:.1f} |",
        *(
            f"| dbt {kind} nodes | {seconds:.1f} |"
            for kind, seconds in parts["other_nodes"].items()
        ),
        f"| compaction into the one published file | {parts['compact']:.1f} |",
        "",
        f"The dbt step took {parts['dbt_build']:.1f} s in all, its start and parse included; "
        "dbt runs nodes on several threads, so node seconds need not add up to it. Seconds "
        "only: the nodes run inside one dbt process, so memory per node is not separable; the "
        f"pipeline's peak, {_gb(pipeline.peak_bytes)} GB, covers them all.",
        "",
    ]


def _model_lines(result: BenchResult) -> list[str]:
    lines = []
    train = result.measured("train")
    if train is not None:
        d = train.detail
        lines += [
            "## Training and the API",
            "",
            f"Trained on {d['training_lines']:,} lines of the published file: validation "
            f"ROC AUC {d['roc_auc']:.4f}, PR AUC {d['pr_auc']:.4f}; deployed for the api stage "
            f"whatever the gate says (the default gate: {d['gate']}).",
            "",
        ]
    api = result.measured("api")
    if api is not None:
        d, bounds = api.detail, result.load
        lines += [
            f"`reorder serve` answered /health {d['startup_seconds']:.1f} s after it started; "
            f"then each endpoint in turn under {bounds.clients} clients, for at most "
            f"{bounds.seconds:g} s and {bounds.requests:,} requests. Peak memory is the server's "
            "process tree: the API and the local model endpoint.",
            "",
            "| endpoint | requests | errors | req/s | p50 ms | p99 ms |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| {name} | {e['requests']:,} | {e['errors']:,} | {e['rps']:.1f} | "
                f"{e['p50_ms']:.1f} | {e['p99_ms']:.1f} |"
                for name, e in d["endpoints"].items()
            ),
            "",
        ]
    return lines


def _dashboard_lines(result: BenchResult) -> list[str]:
    dashboard = result.measured("dashboard")
    if dashboard is None:
        return []
    d = dashboard.detail
    return [
        "## The dashboard",
        "",
        f"`reorder dashboard` built the data file and the static site in "
        f"{d['build_seconds']:.1f} s ({d['site_bytes'] / 1e6:.1f} MB). Each page then opened "
        "in headless Chromium from 127.0.0.1; interactive is the browser's milliseconds from "
        "navigation until Vega has drawn every chart and bound its filters. The stage's peak "
        "memory includes Chromium.",
        "",
        "| page | bytes | interactive s |",
        "|---|---:|---:|",
        *(
            f"| {name} | {d['page_bytes'][name]:,} | {seconds:.2f} |"
            for name, seconds in d["interactive_seconds"].items()
        ),
        "",
    ]


def _scaling_lines(result: BenchResult) -> list[str]:
    def cell(run: ScaleRun, stage: str) -> str:
        measured = run.measured(stage)
        if measured is None:
            return "not run"
        return f"{measured.seconds:.1f} s, {_gb(measured.peak_bytes)} GB"

    shown = [s for s in SCALED if any(run.seconds(s) is not None for run in result.runs)]
    return [
        "## Scaling",
        "",
        f"Each scale is a fraction of {result.users:,} users with its own drop; wall seconds "
        f"and peak memory. {' and '.join(LARGEST_ONLY)} run at the largest scale only.",
        "",
        "| fraction | users | " + " | ".join(shown) + " |",
        "|---:|---:|" + "---:|" * len(shown),
        *(
            f"| {run.fraction:g} | {run.users:,} | "
            + " | ".join(cell(run, stage) for stage in shown)
            + " |"
            for run in result.runs
        ),
        "",
    ]


def results_markdown(result: BenchResult, data: dict) -> str:
    skipped = f"; skipped: {', '.join(result.skipped)}" if result.skipped else ""
    largest = f", the largest of {len(result.runs)} scales" if len(result.runs) > 1 else ""
    lines = [
        "# reorder bench",
        "",
        f"{result.users:,} users ({result.headline.drop}{largest}), {result.cpus} cores, "
        f"seed {result.seed}{skipped}. Each stage ran in its own process; peak memory is "
        "that of its whole process tree.",
        "",
        *_conditions_lines(result.conditions),
        *_stage_lines(result),
        "",
        *_ratio_lines(result),
        *_against_lines(result),
        *_days_lines(result),
        *_breakdown_lines(result, data),
        *_pruning_lines(result),
        *_model_lines(result),
        *_dashboard_lines(result),
        *_scaling_lines(result),
        "![wall seconds per stage, and by scale](results.png)",
    ]
    return "\n".join(lines) + "\n"


def _conditions_lines(conditions: Conditions) -> list[str]:
    before, after = conditions.reference_seconds
    return [
        f"Measured {conditions.measured_at} at commit {conditions.commit or 'unknown'}. The "
        "reference workload (DuckDB grouping 20 M rows on every core, flows/bench/conditions.py) "
        f"took {before:.2f} s before the stages and {after:.2f} s after them: compare it first "
        "when comparing two results, since the same commit runs slower on a busier machine.",
        "",
    ]


def write_results(result: BenchResult, out: Path) -> tuple[Path, Path, Path]:
    """results.json, results.md and results.png in `out`; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    data = results_data(result)
    json_path, table_path = out / "results.json", out / "results.md"
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    table_path.write_text(results_markdown(result, data))
    return json_path, table_path, write_chart(result, out / "results.png")
