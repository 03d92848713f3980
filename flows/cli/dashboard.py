"""`reorder dashboard` and `publish-dashboard`: the analyst dashboard of a lake, served on
127.0.0.1 or uploaded to the stack's website bucket."""

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from flows.aws.services import AwsError, aws_call, aws_client
from flows.aws.stack import DEFAULT_STACK, StackError
from flows.cli.arguments import Commands, positive_int

if TYPE_CHECKING:
    from flows.dashboard.build import Dashboard


def add_commands(commands: Commands) -> None:
    dashboard = commands.add_parser(
        "dashboard",
        help="build the analyst dashboard of a lake and serve it on 127.0.0.1",
        description="Build the analyst dashboard (reorder behaviour, products and baskets, "
        "model health, daily runs) from the lake's marts, model registry and outbox into "
        "<lake>/dashboard/, then serve its static site until stopped.",
    )
    dashboard.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
    dashboard.add_argument("--port", type=positive_int, default=3000, help="port (default 3000)")
    dashboard.add_argument(
        "--no-serve", dest="serve", action="store_false",
        help="build only, and serve nothing",
    )  # fmt: skip
    dashboard.add_argument(
        "--no-build", dest="build", action="store_false",
        help="serve the site already built in <lake>/dashboard/ (make run builds it first)",
    )  # fmt: skip
    dashboard.set_defaults(handler=_dashboard)

    publish = commands.add_parser(
        "publish-dashboard",
        help="build the S3 lake's dashboard and upload it to the stack's website bucket",
        description="Build the dashboard from the stack's marts (found through the Glue "
        "catalog), model registry and run records, and upload its static site under "
        "dashboard/ of the website bucket that serves the page.",
    )
    publish.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    publish.set_defaults(handler=_publish_dashboard)


def _built(console: Console, dashboard: "Dashboard") -> None:
    console.print(
        f"built the dashboard in {dashboard.seconds:.1f} s: {len(dashboard.site.pages)} pages, "
        f"{dashboard.site.bytes / 1e6:.1f} MB, from {dashboard.data.path}",
        highlight=False,
    )


def _dashboard(args: argparse.Namespace, console: Console) -> int:
    from flows.dashboard.build import SITE
    from flows.dashboard.export import ExportError
    from flows.local.dashboard import build_local_dashboard, dashboard_folder, site_server

    if args.build:
        try:
            dashboard = build_local_dashboard(args.lake)
        except ExportError as error:
            console.print(f"[red]reorder dashboard: {error}[/red]")
            return 1
        _built(console, dashboard)
    elif not (dashboard_folder(args.lake) / SITE / "index.html").is_file():
        console.print(
            f"[red]reorder dashboard: no dashboard built in {dashboard_folder(args.lake)}: "
            "run it without --no-build[/red]"
        )
        return 1
    if not args.serve:
        return 0
    try:
        server = site_server(dashboard_folder(args.lake) / SITE, args.port)
    except OSError as error:
        console.print(f"[red]reorder dashboard: port {args.port}: {error.strerror}[/red]")
        return 1
    console.print(f"serving the dashboard on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _publish_dashboard(args: argparse.Namespace, console: Console) -> int:
    from flows.aws.dashboard import publish_dashboard
    from flows.aws.steps import read_target_stack
    from flows.dashboard.export import ExportError

    try:
        stack = read_target_stack(args.stack)
        with tempfile.TemporaryDirectory() as work, aws_call("s3"):
            dashboard, keys = publish_dashboard(
                aws_client("s3", stack.region), aws_client("glue", stack.region), stack,
                Path(work),
            )  # fmt: skip
            _built(console, dashboard)
    except (AwsError, StackError, ExportError) as error:
        console.print(f"[red]reorder publish-dashboard: {error}[/red]")
        return 1
    console.print(
        f"uploaded {len(keys)} files to s3://{stack.page_bucket}/dashboard/: "
        f"{stack.page_url.rstrip('/')}/dashboard/index.html",
        highlight=False,
    )
    return 0
