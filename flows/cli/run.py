"""`reorder run` and `reorder schedule`: the daily flow once, or on its cron."""

import argparse
import os

from rich.console import Console

from flows.aws.services import AwsError
from flows.aws.stack import StackError
from flows.cli.arguments import Commands, add_target_arguments, iso_date, share
from flows.pipeline.compaction import CompactionError
from flows.pipeline.landing import LandingError
from flows.pipeline.release import GatePolicy
from flows.pipeline.run import RunSummary
from flows.pipeline.run_lock import RunLockedError
from flows.pipeline.settings import DROP_KINDS
from flows.pipeline.training import TrainingError
from flows.pipeline.transform import TransformError

NO_USAGE_REPORTING = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
}


def add_commands(commands: Commands) -> None:
    run = commands.add_parser(
        "run",
        help="one daily run: land a drop, build, publish, train and deploy a model, notify",
        description="Land the drop in --input as the raw partition of --date, run `dbt build` "
        "(models and tests), publish result_table as one file, train a model and deploy it "
        "if it passes the quality gate, and notify. Exits non-zero, with the reason, when "
        "the drop is rejected or any step fails; what was published or deployed before "
        "then stays in place.",
    )
    run.add_argument("--input", required=True, help="drop folder (or s3://bucket/prefix)")
    run.add_argument("--date", type=iso_date, required=True, help="the drop's date, YYYY-MM-DD")
    add_target_arguments(run)
    _add_drop_argument(run, "the drop")
    run.add_argument(
        "--quarantine-max-share", type=share, default=None,
        help="fail when a table's quarantined share of rows exceeds this (default 0.01)",
    )  # fmt: skip
    run.add_argument(
        "--no-train", dest="train", action="store_false",
        help="publish the result without training, gating and deploying a model",
    )  # fmt: skip
    run.add_argument(
        "--min-auc", type=share, default=GatePolicy.min_roc_auc,
        help="quality gate: the lowest validation ROC AUC deployed "
        f"(default {GatePolicy.min_roc_auc})",
    )  # fmt: skip
    run.add_argument(
        "--max-auc-drop", type=share, default=GatePolicy.max_roc_auc_drop,
        help="quality gate: how much worse than the deployed model's ROC AUC is tolerated "
        f"(default {GatePolicy.max_roc_auc_drop})",
    )  # fmt: skip
    run.set_defaults(handler=_run)

    schedule = commands.add_parser(
        "schedule",
        help="serve the daily Prefect deployment on its cron",
        description="Serve the reorder-daily deployment: every day at the cron's time (UTC) "
        "it runs the pipeline on that day's drop in the target's input/<date>/ "
        "(<lake>/input/<date>/, or s3://<bucket>/input/<date>/ on aws). Runs until stopped.",
    )
    add_target_arguments(schedule)
    _add_drop_argument(schedule, "each day's drop")
    schedule.add_argument(
        "--cron", default="0 2 * * *", help="when to run, in UTC (default 0 2 * * *: 02:00)"
    )
    schedule.add_argument(
        "--no-train", dest="train", action="store_false",
        help="publish without training, gating and deploying a model",
    )  # fmt: skip
    schedule.set_defaults(handler=_schedule)


def _add_drop_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--drop", choices=DROP_KINDS, default="snapshot",
        help=f"what {what} is: a snapshot replaces every table's contents, a delta's rows "
        "add to or replace by key what the drops before it hold (default snapshot)",
    )  # fmt: skip


def _run(args: argparse.Namespace, console: Console) -> int:
    _no_usage_reporting()
    from flows.daily.flow import reorder_daily  # Prefect loads in seconds: only for this command

    try:
        summary = reorder_daily(
            str(args.input), args.date, str(args.lake), args.compactor,
            args.quarantine_max_share, args.target, args.stack, args.train,
            args.min_auc, args.max_auc_drop, args.drop,
        )  # fmt: skip
    except RunLockedError as error:
        console.print(f"[red]reorder run: {error}[/red]", highlight=False)
        return 1
    except LandingError as error:
        console.print(f"[red]reorder run: the drop in {args.input} was not landed:[/red]")
        console.print(str(error), markup=False, highlight=False)
        return 1
    except (TransformError, CompactionError, StackError) as error:
        console.print("[red]reorder run: nothing new was published.[/red]")
        console.print(_told(error), markup=False, highlight=False)
        return 1
    except TrainingError as error:  # raised only after publication
        console.print(
            "[red]reorder run: result_table was published, but no new model was trained or "
            "deployed (the deployed one keeps serving).[/red]"
        )
        console.print(str(error), markup=False, highlight=False)
        return 1
    except AwsError as error:  # the service it names tells the step
        console.print("[red]reorder run stopped; what was published before stays.[/red]")
        console.print(str(error), markup=False, highlight=False)
        return 1
    _print_summary(summary, console)
    return 0


def _told(error: BaseException) -> str:
    """An error's message and the notes steps added on its way up (what they did about it)."""
    return "\n".join([str(error), *getattr(error, "__notes__", [])])


def _schedule(args: argparse.Namespace, console: Console) -> int:
    _no_usage_reporting()
    from prefect import serve

    from flows.daily.flow import daily_deployment

    deployment = daily_deployment(
        str(args.lake), args.cron, args.compactor, args.target, args.stack, args.train, args.drop
    )
    where = f"stack {args.stack}" if args.target == "aws" else str(args.lake)
    console.print(f"serving reorder-daily on cron {args.cron!r} (UTC) over {where}")
    serve(deployment)
    return 0


def _no_usage_reporting() -> None:
    # Set before Prefect loads; the caller's environment wins.
    for name, value in NO_USAGE_REPORTING.items():
        os.environ.setdefault(name, value)


def _print_summary(summary: RunSummary, console: Console) -> None:
    landed = ", ".join(f"{f.table} {f.rows:,}" for f in summary.landing.files)
    console.print(f"landed {summary.date} in {summary.seconds['land']:.1f} s: {landed}")
    console.print(
        f"dbt build in {summary.seconds['dbt_build']:.1f} s: {len(summary.nodes)} nodes passed"
    )
    for (table, rule), count in summary.quarantined.items():
        console.print(f"  quarantined {count:,} {table} rows: {rule}")
    console.print(
        f"published result_table: {summary.published.rows:,} rows in "
        f"{summary.published.location} "
        f"({summary.seconds['compact']:.1f} s)"
    )
    model = summary.model
    if model is not None:
        metrics = model.metrics
        console.print(
            f"model {model.version} trained in {summary.seconds['train']:.1f} s: ROC AUC "
            f"{metrics['roc_auc']:.4f} (up_order_rate alone "
            f"{metrics['baseline_up_order_rate_roc_auc']:.4f}), mean per-order F1 "
            f"{metrics['mean_order_f1']:.4f} (last basket "
            f"{metrics['baseline_last_basket_mean_order_f1']:.4f})"
        )
        verdict = "deployed" if model.passed else "[yellow]not deployed[/yellow]"
        console.print(f"  {verdict}: {model.reason}; serving {model.deployed or 'nothing'}")
