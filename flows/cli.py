"""The `reorder` command line."""

import argparse
import datetime
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from datagen.calibration import FULL_SCALE_PRODUCTS, FULL_SCALE_USERS
from flows.aws import AwsError, aws_call, aws_client
from flows.bench import DEFAULT_SCALES, SKIPPABLE, LoadBounds, effective_skip
from flows.compact import CompactionError
from flows.daily import RunSummary
from flows.lake import LocalLake
from flows.landing import LandingError
from flows.registry import Registry, RegistryError
from flows.release import GatePolicy
from flows.run_lock import RunLockedError
from flows.settings import COMPACTORS, PROJECT_DIR, TARGETS
from flows.stack import DEFAULT_STACK, StackError
from flows.training import TrainingError
from flows.transform import TransformError

TEMPLATE = PROJECT_DIR / "infra" / "template.yaml"

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


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return value


def _scales(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected fractions separated by commas, got {text!r}"
        ) from None
    wrong = [value for value in values if not 0 < value <= 1]
    if wrong:
        raise argparse.ArgumentTypeError(f"expected fractions above 0 and at most 1, got {wrong}")
    return values


def _skip(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    try:
        effective_skip(names)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reorder",
        description="Grocery reorder pipeline on the Instacart Market Basket schema.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    generate = commands.add_parser(
        "generate",
        help="write one synthetic drop (six Instacart CSVs), or a sequence of daily drops",
        description="Write one synthetic drop: the six Instacart CSVs with their exact headers, "
        "byte-identical for the same arguments. With --first-date, write --days daily drops "
        "into OUT/<YYYY-MM-DD>/ instead: the same rows, each customer's whole history on one "
        "day, the catalog files whole every day.",
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
    generate.add_argument(
        "--days", type=_positive_int, default=1,
        help="number of daily drops, at most --users (default 1); more than 1 needs --first-date",
    )  # fmt: skip
    generate.add_argument(
        "--first-date", type=_date, metavar="YYYY-MM-DD",
        help="date of the first daily drop; writes OUT/<date>/ folders (default: one drop in OUT)",
    )  # fmt: skip
    # Flags that only make sense together are checked after parsing, as argparse errors.
    generate.set_defaults(handler=_generate, usage_error=generate.error)

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
    run.add_argument("--date", type=_date, required=True, help="the drop's date, YYYY-MM-DD")
    _add_target_arguments(run)
    run.add_argument(
        "--quarantine-max-share", type=_share, default=None,
        help="fail when a table's quarantined share of rows exceeds this (default 0.01)",
    )  # fmt: skip
    run.add_argument(
        "--no-train", dest="train", action="store_false",
        help="publish the result without training, gating and deploying a model",
    )  # fmt: skip
    run.add_argument(
        "--min-auc", type=_share, default=GatePolicy.min_roc_auc,
        help="quality gate: the lowest validation ROC AUC deployed "
        f"(default {GatePolicy.min_roc_auc})",
    )  # fmt: skip
    run.add_argument(
        "--max-auc-drop", type=_share, default=GatePolicy.max_roc_auc_drop,
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
    _add_target_arguments(schedule)
    schedule.add_argument(
        "--cron", default="0 2 * * *", help="when to run, in UTC (default 0 2 * * *: 02:00)"
    )
    schedule.add_argument(
        "--no-train", dest="train", action="store_false",
        help="publish without training, gating and deploying a model",
    )  # fmt: skip
    schedule.set_defaults(handler=_schedule)

    model = commands.add_parser(
        "model",
        help="the model registry: list the versions, roll back the deployed one",
        description="The trained model versions in the lake's models/ zone, and which one "
        "is deployed.",
    )
    actions = model.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, text in (
        ("list", "every version with its validation metrics; * marks the deployed one"),
        ("rollback", "deploy again the version deployed before the current one"),
    ):
        command = actions.add_parser(action, help=text, description=text[0].upper() + text[1:])
        command.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
        command.add_argument("--target", choices=TARGETS, default="local",
                             help="local (default): the lake folder; aws: the stack's bucket "
                             "and SageMaker endpoint")  # fmt: skip
        command.add_argument("--stack", default=DEFAULT_STACK, help="aws: the stack's name")
        command.set_defaults(handler=_model_list if action == "list" else _model_rollback)

    serve = commands.add_parser(
        "serve",
        help="serve the prediction API and the public page on 127.0.0.1",
        description="Serve the API and the page over the lake's published result_table and "
        "deployed model, with a local endpoint, until stopped.",
    )
    serve.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
    serve.add_argument("--port", type=_positive_int, default=8000, help="port (default 8000)")
    serve.set_defaults(handler=_serve)

    page = commands.add_parser(
        "publish-page",
        help="publish the public page to the AWS stack's website bucket",
        description="Copy web/ to the stack's page bucket (an S3 static website), pointed at "
        "the API at --api-url, and print the page's address.",
    )
    page.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    page.add_argument(
        "--api-url", help="the API's base URL, https://... (default: the stack's own API)"
    )
    page.set_defaults(handler=_publish_page)

    api = commands.add_parser(
        "publish-api",
        help="run the prediction API on AWS Lambda behind the stack's HTTP API",
        description="Build the API's Lambda package (api/ and the wheels pinned in "
        "api/lambda-requirements.txt), upload it to the lake's code/api/, update the stack so "
        "its function runs it, and print the API's URL.",
    )
    api.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    api.add_argument(
        "--package", type=Path, help="publish this package (from `reorder package-api`) instead"
    )
    api.set_defaults(handler=_publish_api)

    package = commands.add_parser(
        "package-api",
        help="build the API's Lambda package",
        description="Write the zip `reorder publish-api` uploads: api/ and its pinned wheels "
        "for Lambda's python3.11 runtime on x86_64. The same files give the same bytes.",
    )
    package.add_argument("--out", type=Path, default=Path("api.zip"), help="zip to write")
    package.set_defaults(handler=_package_api)

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
        "--users", type=_positive_int, default=FULL_SCALE_USERS,
        help=f"customers at the largest scale (default {FULL_SCALE_USERS:,}, full scale)",
    )  # fmt: skip
    bench.add_argument("--seed", type=_seed, default=0, help="generator seed (default 0)")
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
    bench.add_argument("--out", type=Path, default=Path("bench"), help="results folder")
    bench.add_argument("--spark-memory", default="6g", help="Spark driver memory (default 6g)")
    bench.add_argument(
        "--load-seconds", type=_positive_float, default=LoadBounds.seconds,
        help=f"api: the longest load per endpoint, seconds (default {LoadBounds.seconds:g})",
    )  # fmt: skip
    bench.add_argument(
        "--load-requests", type=_positive_int, default=LoadBounds.requests,
        help=f"api: the most requests per endpoint (default {LoadBounds.requests:,})",
    )  # fmt: skip
    bench.set_defaults(handler=_bench)

    deploy = commands.add_parser(
        "deploy",
        help="create or update the AWS stack from infra/template.yaml",
        description="Create the CloudFormation stack of infra/template.yaml, or update it in "
        "place, in the environment's AWS account and region, and wait until it is ready.",
    )
    deploy.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    deploy.add_argument("--bucket", required=True, help="name of the lake's S3 bucket to create")
    deploy.add_argument(
        "--email",
        help="address to notify of runs (optional; an update keeps the current one, "
        '--email "" removes it)',
    )
    deploy.set_defaults(handler=_deploy)
    return parser


def _add_target_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--target", choices=TARGETS, default="local",
        help="local (default): a lake folder, DuckDB and a local compactor; aws: the S3 lake, "
        "Athena, Glue and SNS of --stack",
    )  # fmt: skip
    command.add_argument(
        "--lake", type=Path, default=Path("lake"),
        help="lake folder (default ./lake); on aws it keeps only the run's dbt artifacts",
    )  # fmt: skip
    command.add_argument(
        "--compactor", choices=COMPACTORS, default="duckdb",
        help="local target: engine that writes the published file, duckdb (default) or the "
        "Glue script on local PySpark",
    )  # fmt: skip
    command.add_argument(
        "--stack", default=DEFAULT_STACK,
        help="aws target: the CloudFormation stack whose outputs name the resources "
        "(default reorder)",
    )  # fmt: skip


def _generate(args: argparse.Namespace, console: Console) -> int:
    if args.days > args.users:
        args.usage_error(
            f"argument --days: {args.days:,} days is more than --users {args.users:,}; "
            "each day needs at least one customer"
        )
    # No default date: the dates name the folders and the lake partitions they land in, and a
    # default of today would make the bytes depend on when the command ran.
    if args.days > 1 and args.first_date is None:
        args.usage_error("argument --first-date: required when --days is more than 1")
    if args.first_date is not None and (datetime.date.max - args.first_date).days < args.days - 1:
        args.usage_error(f"argument --first-date: {args.days:,} days from it run past year 9999")
    # The generator compiles its simulation with numba: loaded for this command only.
    from datagen.generate import DROP_FILES, DropSpec, DropSummary, generate_drop
    from datagen.incremental import SequenceSummary, generate_days

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

        written: DropSummary | SequenceSummary = (
            generate_drop(spec, args.out, report)
            if args.first_date is None
            else generate_days(spec, args.out, args.first_date, args.days, report)
        )
    if args.quiet:
        return 0
    seconds = sum(written.seconds.values())
    if isinstance(written, DropSummary):
        rows = ", ".join(f"{name} {count:,}" for name, count in written.rows.items())
        console.print(f"wrote {written.folder} in {seconds:.1f} s: {rows}")
        return 0
    for day in written.days:
        orders, prior, train = (day.rows[name] for name in DROP_FILES[3:])
        console.print(
            f"wrote {day.folder}: user_id {day.user_ids[0]:,} to {day.user_ids[-1]:,}, "
            f"{orders:,} orders, {prior:,} prior and {train:,} train lines"
        )
    console.print(f"wrote {len(written.days)} daily drops in {written.folder} in {seconds:.1f} s")
    return 0


def _run(args: argparse.Namespace, console: Console) -> int:
    _no_usage_reporting()
    from flows.flow import reorder_daily  # Prefect loads in seconds: only for this command

    try:
        summary = reorder_daily(
            str(args.input), args.date, str(args.lake), args.compactor,
            args.quarantine_max_share, args.target, args.stack, args.train,
            args.min_auc, args.max_auc_drop,
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

    from flows.flow import daily_deployment

    deployment = daily_deployment(
        str(args.lake), args.cron, args.compactor, args.target, args.stack, args.train
    )
    where = f"stack {args.stack}" if args.target == "aws" else str(args.lake)
    console.print(f"serving reorder-daily on cron {args.cron!r} (UTC) over {where}")
    serve(deployment)
    return 0


def _publish_page(args: argparse.Namespace, console: Console) -> int:
    from flows.aws_target import read_target_stack
    from flows.page import publish_page

    if args.api_url is not None and not args.api_url.startswith(("https://", "http://")):
        console.print(f"[red]reorder publish-page: --api-url {args.api_url!r} is not a URL[/red]")
        return 2
    try:
        stack = read_target_stack(args.stack)
        api_url = args.api_url or stack.api_url
        if api_url is None:
            console.print(
                f"[red]reorder publish-page: stack {args.stack} has no API yet: run "
                f"`reorder publish-api --stack {args.stack}` or give --api-url[/red]"
            )
            return 1
        with aws_call("s3"):
            publish_page(aws_client("s3", stack.region), stack.page_bucket, api_url)
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder publish-page: {error}[/red]")
        return 1
    console.print(f"the page is at {stack.page_url}, calling the API at {api_url}")
    return 0


def _publish_api(args: argparse.Namespace, console: Console) -> int:
    from flows.api_package import PackageError, build_package, publish_api
    from flows.aws_target import read_target_stack

    try:
        stack = read_target_stack(args.stack)
        with tempfile.TemporaryDirectory(prefix="reorder-publish-api-") as work:
            package = args.package or build_package(Path(work) / "api.zip")
            console.print(
                f"publishing the API's package ({package.stat().st_size / 2**20:.0f} MiB)"
            )
            stack = publish_api(stack, package, TEMPLATE)
    except (AwsError, StackError, PackageError, FileNotFoundError) as error:
        console.print(f"[red]reorder publish-api: {error}[/red]")
        return 1
    console.print(f"the API is at {stack.api_url} (documentation: {stack.api_url}/docs)")
    console.print(f"  point the page at it: reorder publish-page --stack {stack.name}")
    return 0


def _package_api(args: argparse.Namespace, console: Console) -> int:
    from flows.api_package import PackageError, build_package, package_key

    try:
        package = build_package(args.out)
    except PackageError as error:
        console.print(f"[red]reorder package-api: {error}[/red]")
        return 1
    size = package.stat().st_size / 2**20
    console.print(f"wrote {package} ({size:.0f} MiB), to be published as {package_key(package)}")
    return 0


def _bench(args: argparse.Namespace, console: Console) -> int:
    from flows.bench import BenchError, Tick, run_bench, scale_users
    from flows.bench_report import write_results

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
            )  # fmt: skip
        except BenchError as error:
            bar.stop()
            console.print(f"[red]reorder bench: {error}[/red]", highlight=False)
            return 1
    _, table, chart = write_results(result, args.out)
    # soft_wrap: Markdown table rows must stay on one line whatever the terminal's width.
    console.print(table.read_text(), markup=False, highlight=False, soft_wrap=True)
    console.print(f"wrote {args.out / 'results.json'}, {table} and {chart}", soft_wrap=True)
    return 0


def _deploy(args: argparse.Namespace, console: Console) -> int:
    from flows.stack import deploy_stack

    parameters = {"LakeBucketName": args.bucket}
    if args.email is not None:
        parameters["NotificationEmail"] = args.email
    try:
        with aws_call("cloudformation"):
            stack = deploy_stack(aws_client("cloudformation"), args.stack, TEMPLATE, parameters)
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder deploy: {error}[/red]")
        return 1
    console.print(f"stack {stack.name} is ready in {stack.region}: lake {stack.lake_uri}")
    console.print(f"  drops for a scheduled run go to {stack.lake_uri}/input/<YYYY-MM-DD>/")
    return 0


def _serve(args: argparse.Namespace, console: Console) -> int:
    from flows.serve import ServeError, serve

    console.print(f"serving the page and the API on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    try:
        serve(args.lake, args.port)
    except ServeError as error:
        console.print(f"[red]reorder serve: {error}[/red]")
        return 1
    return 0


def _registry(args: argparse.Namespace) -> tuple[Registry, Callable[[str], None], str]:
    """The target's registry, how a version is put behind its endpoint, and where it is."""
    if args.target == "local":  # the local endpoint follows the registry by itself
        return Registry(LocalLake(args.lake)), lambda version: None, str(args.lake / "models")
    from flows import aws_model
    from flows.aws_target import read_target_stack

    stack = read_target_stack(args.stack)

    def serve(version: str) -> None:
        with aws_call("sagemaker"):
            aws_model.deploy(stack, version)

    return aws_model.registry_for(stack), serve, f"{stack.lake_uri}/models"


def _model_list(args: argparse.Namespace, console: Console) -> int:
    try:
        registry, _, where = _registry(args)
        deployment = registry.deployment()
        versions = registry.versions()
        metrics = {version: registry.metrics(version) for version in versions}
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder model list: {error}[/red]")
        return 1
    if not versions:
        console.print(f"no model in {where}: `reorder run` trains one")
        return 0
    serving = None if deployment is None else deployment.version
    for version in versions:
        mark = "*" if version == serving else " "
        console.print(
            f"{mark} {version}  ROC AUC {metrics[version]['roc_auc']:.4f}  "
            f"PR AUC {metrics[version]['pr_auc']:.4f}  "
            f"mean per-order F1 {metrics[version]['mean_order_f1']:.4f}",
            highlight=False,
        )
    return 0


def _model_rollback(args: argparse.Namespace, console: Console) -> int:
    try:
        registry, serve, _ = _registry(args)
        before = registry.deployment()
        if before is None or not before.history:
            raise RegistryError("no earlier deployed model to roll back to")
        serve(before.history[-1])  # the endpoint first: the registry records what serves
        after = registry.rollback()
    except (RegistryError, AwsError, StackError, TrainingError) as error:
        console.print(f"[red]reorder model rollback: {error}[/red]")
        return 1
    console.print(f"deployed {after.version} again (was {before.version})")
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
