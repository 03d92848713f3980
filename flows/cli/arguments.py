"""Argument types and flags that several commands share; each type's error names what it
expected, and argparse adds the flag."""

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from flows.aws.stack import DEFAULT_STACK
from flows.pipeline.settings import COMPACTORS, TARGETS

T = TypeVar("T")


Commands = argparse._SubParsersAction  # what each command group adds its commands to


def parsed(text: str, parse: Callable[[str], T], expected: str) -> T:
    """`parse(text)`, or the usage error saying what was expected."""
    try:
        return parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}") from None


def within(value: T, ok: bool, expected: str) -> T:
    """`value`, or the usage error saying what was expected when it is not `ok`."""
    if not ok:
        raise argparse.ArgumentTypeError(f"expected {expected}, got {value}")
    return value


def positive_int(text: str) -> int:
    value = parsed(text, int, "a whole number")
    return within(value, value >= 1, "a number of at least 1")


def seed(text: str) -> int:
    value = parsed(text, int, "a whole number")
    return within(value, 0 <= value < 2**63, "a seed from 0 to 2**63-1")


def iso_date(text: str) -> datetime.date:
    return parsed(text, datetime.date.fromisoformat, "a date as YYYY-MM-DD")


def share(text: str) -> float:
    value = parsed(text, float, "a number from 0 to 1")
    return within(value, 0 <= value <= 1, "a number from 0 to 1")


def positive_float(text: str) -> float:
    value = parsed(text, float, "a number")
    return within(value, value > 0, "a number above 0")


def add_target_arguments(command: argparse.ArgumentParser) -> None:
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
