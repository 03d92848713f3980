"""`reorder generate`: one synthetic drop, or a sequence of daily drops."""

import argparse
import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from datagen.calibration import FULL_SCALE_PRODUCTS, FULL_SCALE_USERS
from datagen.seasons import HEMISPHERES
from flows.cli.arguments import Commands, iso_date, positive_int, seed
from flows.pipeline.settings import DROP_KINDS


def add_commands(commands: Commands) -> None:
    generate = commands.add_parser(
        "generate",
        help="write one synthetic drop (six Instacart CSVs), or a sequence of daily drops",
        description="Write one synthetic drop: the six Instacart CSVs with their exact headers, "
        "byte-identical for the same arguments. With --first-date, write --days daily drops "
        "into OUT/<YYYY-MM-DD>/ instead: the same rows, each customer's whole history on one "
        "day, the catalog files whole every day.",
    )
    generate.add_argument(
        "--users", type=positive_int, default=FULL_SCALE_USERS,
        help=f"number of customers (default {FULL_SCALE_USERS:,}, the real data's)",
    )  # fmt: skip
    generate.add_argument(
        "--products", type=positive_int, default=FULL_SCALE_PRODUCTS,
        help=f"catalog size, at least 134 (default {FULL_SCALE_PRODUCTS:,}, the real data's)",
    )  # fmt: skip
    generate.add_argument("--seed", type=seed, default=0, help="random seed (default 0)")
    generate.add_argument("--out", type=Path, required=True, help="folder to write the CSVs to")
    generate.add_argument("--gzip", action="store_true", help="write .csv.gz instead of .csv")
    generate.add_argument("--quiet", action="store_true", help="no progress bar")
    generate.add_argument(
        "--days", type=positive_int, default=1,
        help="number of daily drops, at most --users (default 1); more than 1 needs --first-date",
    )  # fmt: skip
    generate.add_argument(
        "--first-date", type=iso_date, metavar="YYYY-MM-DD",
        help="date of the first daily drop; writes OUT/<date>/ folders (default: one drop in OUT)",
    )  # fmt: skip
    generate.add_argument(
        "--feed", choices=DROP_KINDS,
        help="with --first-date: a daily feed instead, each day bringing the next orders of "
        "returning customers (1%% of the orders) and new customers (0.1%%), every day a whole "
        "snapshot or only the day's delta (reorder run --drop)",
    )  # fmt: skip
    generate.add_argument(
        "--date", type=iso_date, metavar="YYYY-MM-DD",
        help="the date the drop will be run as (reorder run --date): every customer's last "
        "order falls on it and soups, frozen meals, ice cream and fresh fruit follow the "
        "seasons of the orders' dates (default: no seasons)",
    )  # fmt: skip
    generate.add_argument(
        "--hemisphere", choices=HEMISPHERES, default="southern",
        help="whose seasons --date falls in (default southern; the pipeline's "
        "season_hemisphere must match)",
    )  # fmt: skip
    # Flags that only make sense together are checked after parsing, as argparse errors.
    generate.set_defaults(handler=_generate, usage_error=generate.error)


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
    if args.feed is not None and args.first_date is None:
        args.usage_error("argument --feed: needs --first-date")
    if args.feed is not None and args.date is not None:
        args.usage_error("argument --feed: the feed has no seasons; leave out --date")
    if args.first_date is not None and (datetime.date.max - args.first_date).days < args.days - 1:
        args.usage_error(f"argument --first-date: {args.days:,} days from it run past year 9999")
    # The generator compiles its simulation with numba: loaded for this command only.
    from datagen.generate import DROP_FILES, DropSpec, DropSummary, generate_drop
    from datagen.incremental import SequenceSummary, generate_days
    from datagen.series import SeriesSpec, SeriesSummary, generate_series

    spec = DropSpec(
        users=args.users, products=args.products, seed=args.seed, gzip=args.gzip,
        date=args.date, hemisphere=args.hemisphere,
    )  # fmt: skip
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

        written: DropSummary | SequenceSummary | SeriesSummary
        if args.feed is not None:
            feed = SeriesSpec(spec, args.first_date, args.days, args.feed)
            written = generate_series(feed, args.out, report)
        elif args.first_date is not None:
            written = generate_days(spec, args.out, args.first_date, args.days, report)
        else:
            written = generate_drop(spec, args.out, report)
    if args.quiet:
        return 0
    seconds = sum(written.seconds.values())
    if isinstance(written, SeriesSummary):
        for day in written.days:
            orders, prior, train = (day.rows[name] for name in DROP_FILES[3:])
            console.print(
                f"wrote {day.folder} ({written.kind}): {day.returning:,} returning and "
                f"{day.new:,} new customers, {orders:,} orders, {prior:,} prior and "
                f"{train:,} train lines"
            )
        console.print(f"wrote {len(written.days)} days in {written.folder} in {seconds:.1f} s")
        return 0
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
