"""The `reorder` command line."""

import argparse
import datetime
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from datagen.calibration import FULL_SCALE_PRODUCTS, FULL_SCALE_USERS
from datagen.generate import DropSpec, generate_drop
from flows.compact import CompactionError
from flows.daily import RunSummary
from flows.landing import LandingError
from flows.transform import TransformError

NO_USAGE_REPORTING = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
}


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"expected a seed from 0 to 2**63-1, got {value}")
    return value


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reorder",
        description="Grocery reorder pipeline on the Instacart Market Basket schema.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser(
        "generate",
        help="write one synthetic drop (six Instacart CSVs)",
        description="Write one synthetic drop: the six Instacart CSVs with their exact headers, "
        "byte-identical for the same arguments.",
    )
    generate.add_argument(
        "--users", type=_positive_int, default=FULL_SCALE_USERS,
        help=f"number of customers (default {FULL_SCALE_USERS:,}, the real data's)",
    )  # fmt: skip
    generate.add_argument(
        "--products", type=_positive_int, default=FULL_SCALE_PRODUCTS,
        help=f"catalog size, at least 134 (default {FULL_SCALE_PRODUCTS:,}, the real data's)",
    )  # fmt: skip
    generate.add_argument("--seed", type=_seed, default=0, help="random seed (default 0)")
    generate.add_argument("--out", type=Path, required=True, help="folder to write the CSVs to")
    generate.add_argument("--gzip", action="store_true", help="write .csv.gz instead of .csv")
    generate.add_argument("--quiet", action="store_true", help="no progress bar")
    generate.set_defaults(handler=_generate)

    run = commands.add_parser(
        "run",
        help="one daily run: land a drop and build the models",
        description="Land the drop in --input as the raw partition of --date, then run "
        "`dbt build` (models and tests) over the lake. Exits non-zero, with the reason, when "
        "the drop is rejected or a model or test fails.",
    )
    run.add_argument("--input", required=True, help="drop folder (or s3://bucket/prefix)")
    run.add_argument("--date", type=_date, required=True, help="the drop's date, YYYY-MM-DD")
    run.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder (default ./lake)")
    run.add_argument(
        "--target", choices=["local"], default="local", help="where to run (default local)"
    )
    run.add_argument(
        "--compactor", choices=["duckdb", "spark"], default="duckdb",
        help="engine that writes the published file: duckdb (default) or the Glue script "
        "on local PySpark",
    )  # fmt: skip
    run.add_argument(
        "--quarantine-max-share", type=_share, default=None,
        help="fail when a table's quarantined share of rows exceeds this (default 0.01)",
    )  # fmt: skip
    run.set_defaults(handler=_run)

    schedule = commands.add_parser(
        "schedule",
        help="serve the daily Prefect deployment on its cron",
        description="Serve the reorder-daily deployment: every day at the cron's time (UTC) "
        "it runs the pipeline on <lake>/input/<date>/. Runs until stopped.",
    )
    schedule.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
    schedule.add_argument(
        "--cron", default="0 2 * * *", help="when to run, in UTC (default 0 2 * * *: 02:00)"
    )
    schedule.add_argument("--compactor", choices=["duckdb", "spark"], default="duckdb")
    schedule.set_defaults(handler=_schedule)
    return parser


def _generate(args: argparse.Namespace, console: Console) -> int:
    spec = DropSpec(users=args.users, products=args.products, seed=args.seed, gzip=args.gzip)
    with Progress(
        TextColumn("{task.description:<8}"),
        BarColumn(),
        TextColumn("{task.completed:,}/{task.total:,}"),
        TimeElapsedColumn(),
        console=console,
        disable=args.quiet,
        transient=False,
    ) as bar:
        tasks: dict[str, int] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        summary = generate_drop(spec, args.out, report)
    if not args.quiet:
        rows = ", ".join(f"{name} {count:,}" for name, count in summary.rows.items())
        seconds = sum(summary.seconds.values())
        console.print(f"wrote {summary.folder} in {seconds:.1f} s: {rows}")
    return 0


def _run(args: argparse.Namespace, console: Console) -> int:
    # Set before Prefect loads: no usage reporting; the caller's environment wins.
    for name, value in NO_USAGE_REPORTING.items():
        os.environ.setdefault(name, value)
    from flows.flow import reorder_daily  # Prefect loads in seconds: only for this command

    try:
        summary = reorder_daily(
            str(args.input), args.date, str(args.lake), args.compactor, args.quarantine_max_share
        )
    except LandingError as error:
        console.print(f"[red]reorder run: the drop in {args.input} was not landed:[/red]")
        console.print(str(error), markup=False, highlight=False)
        return 1
    except (TransformError, CompactionError) as error:
        console.print("[red]reorder run: nothing new was published.[/red]")
        console.print(str(error), markup=False, highlight=False)
        return 1
    _print_summary(summary, console)
    return 0


def _schedule(args: argparse.Namespace, console: Console) -> int:
    for name, value in NO_USAGE_REPORTING.items():
        os.environ.setdefault(name, value)
    from prefect import serve

    from flows.flow import daily_deployment

    deployment = daily_deployment(str(args.lake), args.cron, args.compactor)
    console.print(f"serving reorder-daily on cron {args.cron!r} (UTC) over {args.lake}")
    serve(deployment)
    return 0


def _print_summary(summary: RunSummary, console: Console) -> None:
    landed = ", ".join(f"{f.table} {f.rows:,}" for f in summary.landing.files)
    console.print(f"landed {summary.date} in {summary.seconds['land']:.1f} s: {landed}")
    console.print(
        f"dbt build in {summary.seconds['dbt_build']:.1f} s: {len(summary.nodes)} nodes passed"
    )
    for (table, rule), count in summary.quarantined.items():
        console.print(f"  quarantined {count:,} {table} rows: {rule}")
    console.print(
        f"published result_table: {summary.published.rows:,} rows in {summary.published.path} "
        f"({summary.seconds['compact']:.1f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(stderr=True)
    try:
        return args.handler(args, console)
    except ValueError as error:
        console.print(f"[red]reorder {args.command}: {error}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main())
