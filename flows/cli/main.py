"""The `reorder` command line: the parser, assembled from one module per command group, and
the entry point."""

import argparse
import sys

from rich.console import Console

from flows.cli import bench, dashboard, deploy, generate, run, serve


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reorder",
        description="Grocery reorder pipeline on the Instacart Market Basket schema.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (generate, run, serve, dashboard, deploy, bench):
        group.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # soft_wrap: a message is never broken inside a path or a Markdown table row; the
    # terminal wraps what is too long for it.
    console = Console(stderr=True, soft_wrap=True)
    try:
        return args.handler(args, console)
    except ValueError as error:
        console.print(f"[red]reorder {args.command}: {error}[/red]")
        return 2


if __name__ == "__main__":
    sys.exit(main())
