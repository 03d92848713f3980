"""When a bench ran, on which commit, and how fast the machine was then.

On a shared machine the same pipeline took from 47 to 62 s on different days, so a
result carries the seconds of a fixed reference workload (a DuckDB grouping on every core,
like the pipeline's heaviest work), taken before the stages and after them: compare those
before comparing two results' seconds.
"""

import datetime
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.pipeline.settings import PROJECT_DIR

# 20 million rows into 2.5 million groups: under a second on this project's 2-core machine.
REFERENCE_QUERY = (
    "select count(*) from (select range % 2500000 as k, count(*) from range(20000000) group by k)"
)
REFERENCE_RUNS = 3  # the fastest of three: a passing hiccup does not count


@dataclass(frozen=True)
class Conditions:
    measured_at: str  # UTC, ISO 8601, when the stages started
    commit: str | None  # the checkout's HEAD, "+changes" if tracked files differ; None outside git
    reference_seconds: tuple[float, float]  # before the stages, after them


def reference_seconds() -> float:
    """The fastest of REFERENCE_RUNS runs of the reference workload, seconds."""
    runs = []
    with duckdb.connect() as db:
        db.execute("set enable_progress_bar = false")
        for _ in range(REFERENCE_RUNS):
            started = time.perf_counter()
            db.sql(REFERENCE_QUERY).fetchall()
            runs.append(time.perf_counter() - started)
    return round(min(runs), 3)


def checkout_commit(folder: Path = PROJECT_DIR, leaving_out: Path | None = None) -> str | None:
    """The commit checked out in `folder`, with "+changes" when tracked files differ from it,
    other than those under `leaving_out` (the results folder: an earlier run's results are not
    what is measured); None when it is not a git checkout (or git is missing)."""
    root, paths = folder.resolve(), ["."]
    if leaving_out is not None and (left_out := leaving_out.resolve()).is_relative_to(root):
        paths.append(f":(exclude){left_out.relative_to(root)}")
    try:
        head = git_output(folder, "rev-parse", "--short=12", "HEAD")
        changes = git_output(folder, "status", "--porcelain", "--untracked-files=no", "--", *paths)
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+changes" if changes else "")


def git_output(folder: Path, *args: str) -> str:
    """What `git args...` printed in `folder`; CalledProcessError when it failed."""
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def now_utc() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
