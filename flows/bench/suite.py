"""`reorder bench`: the pipeline, the model and the API against pandas and PySpark, each stage
timed in its own process with the peak memory of its whole process tree, at several scales.

    generate   the drop (skipped when its folder already holds one)
    pipeline   drop to published result_table: landing, staging with quarantine, every dbt
               model and test, compaction (no training); then, untimed, what one
               department's and one season's query read of the partitioned tables
    against    with --against REV: the pipeline stage of commit REV on the same drop, and
               how many of its published rows differ from this commit's
    days       a daily feed of --days dates ending in the drop, landed day by day on one
               lake as snapshots, then on another as deltas, each day's `reorder run
               --no-train` timed: a day should cost its own drop
    contract   only the baselines' work: land the drop in a fresh lake and `dbt run` the
               contract tables' models (no tests, no quarantine table, no compaction)
    train      the model on the pipeline's published file, as the daily run trains it
    api        `reorder serve` over that lake, loaded on /predict, on suggestions and on a
               department's suggestions
    pandas     the contract tables the way a pandas notebook computes them
    spark      the same tables as a PySpark job on local[2]

At each scale (a fraction of the users, its own drop) the pipeline, contract and baseline
stages run; days, train, api and dashboard run at the largest scale only. The baselines' six
tables are checked equal to the pipeline's before any ratio is reported.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

from flows.bench.baselines.contract import CONTRACT_KEYS, INPUT_SCHEMA
from flows.bench.conditions import Conditions, checkout_commit, now_utc, reference_seconds
from flows.bench.measure import (
    BenchError,
    Measured,
    Watch,
    measure,
    measure_command,
    measure_server,
)
from flows.bench.pruning import hive_files, pruning
from flows.bench.revision import Revision, checked_out
from flows.bench.stages import (
    STAGE_CODE,
    LoadBounds,
    drive_api,
    run_command,
    run_detail,
    serve_command,
)
from flows.pipeline.compaction import PUBLISHED
from flows.pipeline.tables import LOCAL_FOLDERS

DATE = "2026-11-25"
DEFAULT_SCALES = (0.1, 0.25, 0.5, 1.0)
DEFAULT_DAYS = 10
STAGES = (
    "generate", "pipeline", "against", "days", "contract", "train", "api", "dashboard", "pandas",
    "spark",
)  # fmt: skip
SKIPPABLE = ("days", "contract", "train", "api", "dashboard", "pandas", "spark")
# at every scale they would double the run for little news
LARGEST_ONLY = ("days", "train", "api", "dashboard")
BASELINES = ("pandas", "spark")
BASES = ("contract", "pipeline")  # what a baseline's seconds are divided by
# The dbt nodes of staging (base models parse the raw text, stg_ views and the quarantine).
STAGING = ("base", "stg")
# The API's policy variables are left out: the benchmark measures its default policy.
POLICY_PREFIX = "REORDER_"


@dataclass(frozen=True)
class Tick:
    """Where the benchmark is: stage `number` of `total`, how long it has run, its peak."""

    number: int
    total: int
    stage: str
    users: int
    seconds: float
    peak_bytes: int
    done: bool = False
    note: str = ""


@dataclass(frozen=True)
class Scale:
    fraction: float
    users: int
    drop: Path


@dataclass(frozen=True)
class ScaleRun:
    fraction: float
    users: int
    drop: str
    stages: list[Measured]

    def measured(self, stage: str) -> Measured | None:
        return next((m for m in self.stages if m.stage == stage), None)

    def seconds(self, stage: str) -> float | None:
        measured = self.measured(stage)
        return None if measured is None else measured.seconds

    @property
    def ratios(self) -> dict[str, dict[str, float]]:
        """Each baseline's seconds over the contract stage's (like for like) and over the
        pipeline's (everything the pipeline does included); for the stages that ran."""
        ratios: dict[str, dict[str, float]] = {}
        for basis in BASES:
            base = self.seconds(basis)
            ran = {name: self.seconds(name) for name in BASELINES}
            if base:
                ratios[f"vs_{basis}"] = {
                    name: round(seconds / base, 2)
                    for name, seconds in ran.items()
                    if seconds is not None
                }
        return ratios


@dataclass(frozen=True)
class BenchResult:
    runs: list[ScaleRun]  # smallest scale first; the last one is the headline
    cpus: int
    conditions: Conditions
    seed: int = 0
    skipped: list[str] = field(default_factory=list)
    load: LoadBounds = field(default_factory=LoadBounds)
    against: Revision | None = None

    @property
    def headline(self) -> ScaleRun:
        return self.runs[-1]

    @property
    def users(self) -> int:
        return self.headline.users

    @property
    def stages(self) -> list[Measured]:
        return self.headline.stages

    def measured(self, stage: str) -> Measured | None:
        return self.headline.measured(stage)

    @property
    def ratios(self) -> dict[str, dict[str, float]]:
        return self.headline.ratios


def has_drop(folder: Path) -> bool:
    return all(
        (folder / f"{name}.csv").is_file() or (folder / f"{name}.csv.gz").is_file()
        for name in INPUT_SCHEMA
    )


def scale_users(users: int, fraction: float) -> int:
    return max(1, round(users * fraction))


def scale_plan(users: int, fractions: Iterable[float], drop: Path) -> list[Scale]:
    """One scale per distinct user count, smallest first. The largest uses `drop`; the
    others their own bench-<users> folder beside it."""
    fractions = sorted(fractions)
    if not fractions or not 0 < fractions[0] <= fractions[-1] <= 1:
        raise ValueError(f"scales must be fractions above 0 and at most 1, got {fractions}")
    counts = {scale_users(users, fraction): fraction for fraction in fractions}
    largest = max(counts)
    scales = [
        Scale(fraction, count, drop if count == largest else drop.parent / f"bench-{count}")
        for count, fraction in sorted(counts.items())
    ]
    if any(scale.drop == drop for scale in scales[:-1]):
        raise ValueError(f"{drop} is the folder of a smaller scale's drop; choose another")
    return scales


def effective_skip(skip: Iterable[str]) -> list[str]:
    """The stages left out, in run order: api too when train is (it serves that model)."""
    skipped = set(skip)
    unknown = skipped - set(SKIPPABLE)
    if unknown:
        raise ValueError(f"cannot skip {', '.join(sorted(unknown))}: only {', '.join(SKIPPABLE)}")
    if "train" in skipped:
        skipped.add("api")
    return [stage for stage in STAGES if stage in skipped]


def stages_at(scale: Scale, largest: bool, skipped: list[str], against: bool = False) -> list[str]:
    return [
        stage
        for stage in STAGES
        if stage not in skipped
        and (stage != "generate" or not has_drop(scale.drop))
        and (stage != "against" or against)
        and (largest or stage not in LARGEST_ONLY)
    ]


def run_bench(
    users: int,
    drop: Path,
    work: Path,
    seed: int = 0,
    spark_memory: str = "6g",
    report: Callable[[Tick], None] = lambda tick: None,
    *,
    scales: Iterable[float] = DEFAULT_SCALES,
    skip: Iterable[str] = (),
    load: LoadBounds | None = None,
    results: Path | None = None,
    against: str | None = None,
    days: int = DEFAULT_DAYS,
) -> BenchResult:
    """Every stage at every scale (drops generated where missing); outputs under `work`,
    each scale's removed once it is measured. `report` hears of every stage's progress.
    `results`, the folder the results will go to, is left out of the commit's changes.
    `against` names a commit whose pipeline stage runs beside this one's; `days` how many
    daily runs the days stage times."""
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    checkout = nullcontext() if against is None else checked_out(against, work / "against")
    with checkout as revision:
        return _run_bench(
            users, drop, work, seed, spark_memory, report, scales, skip, load, results, revision,
            days,
        )  # fmt: skip


def _run_bench(
    users: int, drop: Path, work: Path, seed: int, spark_memory: str,
    report: Callable[[Tick], None], scales: Iterable[float], skip: Iterable[str],
    load: LoadBounds | None, results: Path | None, revision: Revision | None, days: int,
) -> BenchResult:  # fmt: skip
    load = load or LoadBounds()
    plan = scale_plan(users, scales, drop)
    skipped = effective_skip(skip)
    stages = {
        scale: stages_at(scale, scale is plan[-1], skipped, revision is not None) for scale in plan
    }
    total = sum(len(names) for names in stages.values())
    number = 0
    runs = []
    started_at, reference_before = now_utc(), reference_seconds()
    commit = checkout_commit(leaving_out=results)
    for scale in plan:
        folder = work / f"scale-{scale.users}"
        measured = []
        try:
            for stage in stages[scale]:
                number += 1
                tick = Tick(number, total, stage, scale.users, 0.0, 0)

                def watch(seconds: float, peak: int, tick: Tick = tick) -> None:
                    report(replace(tick, seconds=seconds, peak_bytes=peak))

                result = _run_stage(
                    stage, scale, folder, watch, seed, spark_memory, load, revision, days
                )
                tick = replace(tick, seconds=result.seconds, peak_bytes=result.peak_bytes)
                if stage in BASELINES:
                    report(replace(tick, note="checking its tables against the pipeline's"))
                    result = _checked(result, folder)
                measured.append(result)
                report(replace(tick, done=True))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        runs.append(ScaleRun(scale.fraction, scale.users, str(scale.drop), measured))
    conditions = Conditions(started_at, commit, (reference_before, reference_seconds()))
    return BenchResult(runs, os.cpu_count() or 1, conditions, seed, skipped, load, revision)


def _run_stage(
    stage: str, scale: Scale, folder: Path, watch: Watch, seed: int, spark_memory: str,
    load: LoadBounds, revision: Revision | None = None, days: int = DEFAULT_DAYS,
) -> Measured:  # fmt: skip
    lake = folder / "lake"
    if stage == "against" and revision is not None:
        return _against(revision, scale, folder, watch)
    if stage == "days":
        return _days(scale, folder, watch, days, seed)
    if stage == "api":
        from flows.local.serve import HOST, free_port

        port = free_port()
        url = f"http://{HOST}:{port}"
        environment = {
            name: value for name, value in os.environ.items()
            if not name.startswith(POLICY_PREFIX)
        }  # fmt: skip
        return measure_server(
            stage, serve_command(lake, port), drive_api(url, lake / PUBLISHED, load), watch,
            environment,
        )  # fmt: skip
    if stage == "pipeline":
        measured, _ = measure_command(stage, run_command(scale.drop, lake, DATE), watch)
        # read after the clock stopped: not part of the stage's seconds
        return replace(measured, detail={**run_detail(lake), "pruning": pruning(lake)})
    arguments = {
        "generate": [str(scale.users), str(seed), str(scale.drop)],
        "contract": [str(scale.drop), str(folder / "contract-lake"), DATE],
        "train": [str(lake)],
        "dashboard": [str(lake)],
        "pandas": [str(scale.drop), str(folder / "pandas")],
        "spark": [str(scale.drop), str(folder / "spark"), spark_memory],
    }[stage]
    try:
        measured = measure(stage, STAGE_CODE, [stage, *arguments], watch)
    finally:
        if stage == "contract":  # nothing reads it: its disk back before the next stage
            shutil.rmtree(folder / "contract-lake", ignore_errors=True)
    return measured


def _against(revision: Revision, scale: Scale, folder: Path, watch: Watch) -> Measured:
    """The other commit's pipeline stage on this scale's drop, from its own checkout, and
    how many of its published rows differ from this commit's: two pipelines that publish
    different rows did different work, which the report shows beside their seconds."""
    lake = folder / "against-lake"
    # it runs in the other checkout's folder, with its code: every path absolute
    command = run_command(scale.drop.resolve(), lake.resolve(), DATE)
    try:
        measured, _ = measure_command("against", command, watch, cwd=revision.folder)
        measured = replace(measured, detail=run_detail(lake))
        differing = differing_rows(folder / "lake" / PUBLISHED, lake / PUBLISHED)
    finally:
        shutil.rmtree(lake, ignore_errors=True)
    detail = {**measured.detail, "commit": revision.commit, "published_differing_rows": differing}
    return replace(measured, detail=detail)


def _days(scale: Scale, folder: Path, watch: Watch, days: int, seed: int) -> Measured:
    """The scale's daily feed (its last day is the scale's drop) landed day by day on a new
    lake, once as snapshots and once as deltas, each day's `reorder run` timed on its own.
    The stage's seconds are every day's summed, its peak the highest of any day; making the
    feed is not timed."""
    feeds = folder / "feeds"
    arguments = ["feed", str(scale.users), str(seed), str(days), DATE, str(feeds)]
    made = measure("days", STAGE_CODE, arguments, watch)
    first = datetime.date.fromisoformat(DATE)
    series: dict[str, list[dict]] = {}
    try:
        for kind in ("snapshot", "delta"):
            lake = folder / f"days-{kind}"
            series[kind] = []
            for offset in range(days):
                date = (first + datetime.timedelta(days=offset)).isoformat()
                drop = feeds / kind / date
                measured, _ = measure_command("days", run_command(drop, lake, date, kind), watch)
                shutil.rmtree(drop)  # its disk back: a full-scale snapshot is 0.7 GB
                series[kind].append(_day(date, measured, run_detail(lake)))
            shutil.rmtree(lake)
    finally:
        shutil.rmtree(feeds, ignore_errors=True)
        for kind in ("snapshot", "delta"):
            shutil.rmtree(folder / f"days-{kind}", ignore_errors=True)
    every = [day for runs in series.values() for day in runs]
    return Measured(
        "days",
        sum(day["seconds"] for day in every),
        max(day["peak_bytes"] for day in every),
        sum(day["cpu_seconds"] for day in every),
        {"feed_seconds": made.seconds, **series, **day_ratios(series)},
    )


def _day(date: str, measured: Measured, detail: dict) -> dict:
    """One day's run: its seconds and peak, its steps, and what staging took of its build."""
    staging = sum(
        seconds for name, seconds in detail["nodes"].items() if name.split("_")[0] in STAGING
    )
    return {
        "date": date,
        "seconds": measured.seconds,
        "peak_bytes": measured.peak_bytes,
        "cpu_seconds": measured.cpu_seconds,
        "steps": detail["steps"],
        "staging_seconds": staging,
        # orders and their lines: the catalog comes whole every day, whatever the kind
        "landed_order_rows": sum(
            rows for table, rows in detail["landed_rows"].items() if table.startswith("order")
        ),
        "published_rows": detail["published_rows"],
    }


def day_ratios(series: dict[str, list[dict]]) -> dict[str, float | None]:
    """What the days stage asks: does the last snapshot day cost what the first did, and what
    does a day after the first cost as a delta, against the same day as a snapshot."""
    snapshot, delta = series["snapshot"], series["delta"]
    later = [(s["seconds"], d["seconds"]) for s, d in zip(snapshot[1:], delta[1:], strict=True)]
    return {
        "snapshot_last_over_first": snapshot[-1]["seconds"] / snapshot[0]["seconds"],
        "delta_over_snapshot": (
            sum(d for _, d in later) / sum(s for s, _ in later) if later else None
        ),
    }


def _checked(result: Measured, folder: Path) -> Measured:
    """The baseline's measurement, once its six tables are found equal to the pipeline's."""
    out = folder / result.stage
    differing = contract_differences(folder / "lake", out)
    shutil.rmtree(out, ignore_errors=True)
    wrong = {table: rows for table, rows in differing.items() if rows}
    if wrong:
        said = ", ".join(f"{table} in {rows:,} rows" for table, rows in wrong.items())
        raise BenchError(f"{result.stage}'s tables differ from the pipeline's: {said}")
    return replace(result, detail={**result.detail, "checked_equal": list(differing)})


def contract_differences(lake: Path, out: Path) -> dict[str, int]:
    """Differing rows of each contract table: the pipeline's (the published result_table,
    the curated and feature folders) against a baseline's out/<table>/ parquet."""
    return {
        table: differing_rows(
            lake / (PUBLISHED if table == "result_table" else LOCAL_FOLDERS[table]),
            out / table,
            table,
        )
        for table in CONTRACT_KEYS
    }


def _parquet(path: Path) -> str:
    """A parquet file, or every file under a folder."""
    return hive_files(path) if path.is_dir() else f"'{path}'"


def differing_rows(mine: Path, theirs: Path, table: str = "result_table") -> int:
    """Rows of `table` missing on one side or different in any of the baseline's (`theirs`)
    columns, by its key; doubles agree when within a relative 1e-9 (the engines sum in
    different orders). Columns only the pipeline has, such as order_products_prior's
    dates, are not compared. Each side is a parquet file or a folder of them."""
    import duckdb

    keys = CONTRACT_KEYS[table]
    try:
        with duckdb.connect() as db:
            # An in-memory database spills into ./.tmp by default: never into the caller's folder.
            db.execute(f"set temp_directory = '{Path(tempfile.gettempdir()) / 'reorder-bench'}'")
            columns = db.sql(f"describe select * from {_parquet(theirs)}").fetchall()
            differs = [
                f"abs(mine.{name} - theirs.{name}) > 1e-9 * greatest(1, abs(mine.{name})) "
                f"or (mine.{name} is null) != (theirs.{name} is null)"
                if kind == "DOUBLE"
                else f"mine.{name} is distinct from theirs.{name}"
                for name, kind, *_ in columns
                if name not in keys
            ] or ["false"]
            joined = " and ".join(f"mine.{key} = theirs.{key}" for key in keys)
            [(count,)] = db.sql(
                f"select count(*) from {_parquet(mine)} as mine "
                f"full outer join {_parquet(theirs)} as theirs on {joined} "
                f"where mine.{keys[0]} is null or theirs.{keys[0]} is null "
                f"or {' or '.join(f'({condition})' for condition in differs)}"
            ).fetchall()
    except duckdb.Error as error:  # a missing table or column is a difference too
        raise BenchError(f"{table}: cannot compare {mine} with {theirs}: {error}") from None
    return int(count)
