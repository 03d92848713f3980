"""`reorder bench`: the benchmark, by scale, with a live line per stage."""

import argparse
import tempfile
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn

from datagen.calibration import FULL_SCALE_USERS
from flows.bench.suite import (
    DEFAULT_DAYS,
    DEFAULT_SCALES,
    SKIPPABLE,
    LoadBounds,
    effective_skip,
)
from flows.cli.arguments import Commands, parsed, positive_float, positive_int, seed, within


def add_commands(commands: Commands) -> None:
    bench = commands.add_parser(
        "bench",
        help="time the pipeline, the model and the API against pandas and PySpark, by scale",
        description="Generate (or reuse) a drop per scale, then time each stage in its own "
        "process with the peak memory of its process tree: pipeline (drop to published "
        "result, tests and compaction included), contract (landing and `dbt run` of the "
        "contract tables only), train and api (`reorder serve` on 127.0.0.1 under a bounded "
        "load; largest scale only), and the pandas and PySpark local[2] baselines, whose "
        "tables are checked equal to the pipeline's. Writes results.json, results.md and "
        "results.png to --out.",
    )
    bench.add_argument(
        "--users", type=positive_int, default=FULL_SCALE_USERS,
        help=f"customers at the largest scale (default {FULL_SCALE_USERS:,}, full scale)",
    )  # fmt: skip
    bench.add_argument("--seed", type=seed, default=0, help="generator seed (default 0)")
    bench.add_argument(
        "--scales", type=_scales, default=DEFAULT_SCALES, metavar="F,F,...",
        help="fractions of --users to run at, each with its own drop "
        f"(default {','.join(f'{f:g}' for f in DEFAULT_SCALES)})",
    )  # fmt: skip
    bench.add_argument(
        "--skip", type=_skip, default=[], metavar="STAGE,...",
        help=f"stages to leave out, of {','.join(SKIPPABLE)} (skipping train skips api)",
    )  # fmt: skip
    bench.add_argument(
        "--drop", type=Path,
        help="the largest scale's drop folder, reused if it holds one (default "
        "data/drops/bench-N); the other scales' drops go beside it as bench-N",
    )  # fmt: skip
    bench.add_argument(
        "--against", metavar="REV",
        help="also time the pipeline stage of commit REV (a hash, tag or branch) on the same "
        "drops, checked out beside this one, and check it publishes the same rows",
    )  # fmt: skip
    bench.add_argument(
        "--days", type=positive_int, default=DEFAULT_DAYS,
        help="days: how many dates the daily feed ending in the drop spans, landed day by "
        f"day as snapshots and as deltas, each day's run timed (default {DEFAULT_DAYS})",
    )  # fmt: skip
    bench.add_argument("--out", type=Path, default=Path("bench"), help="results folder")
    bench.add_argument("--spark-memory", default="6g", help="Spark driver memory (default 6g)")
    bench.add_argument(
        "--load-seconds", type=positive_float, default=LoadBounds.seconds,
        help=f"api: the longest load per endpoint, seconds (default {LoadBounds.seconds:g})",
    )  # fmt: skip
    bench.add_argument(
        "--load-requests", type=positive_int, default=LoadBounds.requests,
        help=f"api: the most requests per endpoint (default {LoadBounds.requests:,})",
    )  # fmt: skip
    bench.set_defaults(handler=_bench)


def _scales(text: str) -> list[float]:
    values = parsed(
        text,
        lambda text: [float(part) for part in text.split(",")],
        "fractions separated by commas",
    )
    wrong = [value for value in values if not 0 < value <= 1]
    within(wrong, not wrong, "fractions above 0 and at most 1")
    return values


def _skip(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    try:
        effective_skip(names)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return names


def _bench(args: argparse.Namespace, console: Console) -> int:
    from flows.bench.report import write_results
    from flows.bench.suite import BenchError, Tick, run_bench, scale_users

    largest = scale_users(args.users, max(args.scales))
    drop = args.drop or Path("data/drops") / f"bench-{largest}"
    load = LoadBounds(seconds=args.load_seconds, requests=args.load_requests)
    with (
        tempfile.TemporaryDirectory(prefix="reorder-bench-") as work,
        Progress(
            SpinnerColumn(finished_text="[green]done[/green]"),
            TextColumn("{task.description}"),
            TextColumn("{task.fields[seconds]:>7.1f} s"),
            TextColumn("peak {task.fields[peak]:>6.2f} GB"),
            TextColumn("{task.fields[note]}"),
            console=console,
            refresh_per_second=4,  # the ticks come 20 times a second; the screen needs fewer
        ) as bar,
    ):
        rows: dict[int, TaskID] = {}

        def report(tick: Tick) -> None:
            if tick.number not in rows:
                rows[tick.number] = bar.add_task(
                    f"[{tick.number}/{tick.total}] {tick.stage:<8} {tick.users:>9,} users",
                    total=1, seconds=0.0, peak=0.0, note="",
                )  # fmt: skip
            bar.update(
                rows[tick.number], seconds=tick.seconds, peak=tick.peak_bytes / 1e9,
                note=tick.note, completed=int(tick.done),
            )  # fmt: skip

        try:
            result = run_bench(
                args.users, drop, Path(work), args.seed, args.spark_memory, report,
                scales=args.scales, skip=args.skip, load=load, results=args.out,
                against=args.against, days=args.days,
            )  # fmt: skip
        except BenchError as error:
            bar.stop()
            console.print(f"[red]reorder bench: {error}[/red]", highlight=False)
            return 1
    _, table, chart = write_results(result, args.out)
    console.print(table.read_text(), markup=False, highlight=False)
    console.print(f"wrote {args.out / 'results.json'}, {table} and {chart}")
    return 0
