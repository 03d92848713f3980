"""Run one daily run and SIGKILL it at a chosen point inside a stage (tests/flows/
test_crash_safety.py starts this as a process and checks what the kill left).

    python crash_driver.py LAKE DROP DATE POINT TRAIN

Each point patches the pipeline's own code so the process kills itself with SIGKILL exactly
there, or watches from a thread for a child process's work and kills it while that runs.
"""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from flows.daily.run import run_daily
from flows.local import compaction, training
from flows.pipeline import lake, registry
from flows.pipeline.settings import Settings


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def on_call(owner: Any, name: str, number: int, before: bool = True) -> None:
    """Kill on the `number`-th call of owner.name, before it runs or right after it."""
    original: Callable = getattr(owner, name)
    calls = 0

    def patched(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == number and before:
            die()
        result = original(*args, **kwargs)
        if calls == number:
            die()
        return result

    setattr(owner, name, patched)


def mid_write(number: int) -> None:
    """Kill while the `number`-th lake write is half way through its stream."""
    original = lake.LocalLake.write
    calls = 0

    class HalfRead:
        def __init__(self, stream: Any) -> None:
            self.stream, self.read_bytes = stream, 0

        def read(self, size: int = -1, /) -> bytes:
            if self.read_bytes > 0:
                die()
            data = self.stream.read(size)
            self.read_bytes += len(data)
            return data

    def patched(self: lake.LocalLake, key: str, stream: Any) -> None:
        nonlocal calls
        calls += 1
        original(self, key, HalfRead(stream) if calls == number else stream)

    lake.LocalLake.write = patched  # type: ignore[method-assign]


def when_appears(path: Path, pattern: str) -> None:
    """Kill as soon as a file matching `pattern` appears under `path` (a child is at work)."""

    def watch() -> None:
        while not any(path.glob(pattern)):
            time.sleep(0.02)
        die()

    threading.Thread(target=watch, daemon=True).start()


def start_then_die(command: list[str], **options: Any) -> None:
    """subprocess.run's stand-in: start the child as the pipeline would, kill the parent while
    the child works."""
    subprocess.Popen(command, env=options.get("env"), stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(1.0)
    die()


def arm(point: str, lake_dir: Path) -> None:
    if point == "land":  # the third of six files, half copied into staging
        mid_write(3)
    elif point == "land-publish":  # between two tables' partition renames
        on_call(lake, "_rename", 2)
    elif point == "build":  # dbt has written a curated table and is building the rest
        when_appears(lake_dir / "features", "*/*.parquet")
    elif point == "compact":  # the new file written and checked, not yet renamed in
        on_call(compaction, "_publish", 1)
    elif point == "compact-link":  # the previous version half kept
        on_call(compaction.os, "link", 1, before=False)
    elif point == "train":  # train.py at work in its child process
        training.subprocess = SimpleNamespace(run=start_then_die)  # type: ignore[attr-defined]
    elif point == "register":  # the trained model half copied into the registry
        original_add = registry.Registry.add

        def add(self: registry.Registry, *args: Any) -> None:
            on_call(self.lake, "write", 3)
            original_add(self, *args)

        registry.Registry.add = add  # type: ignore[method-assign]
    elif point == "release":  # the gate passed, deployed.json about to be replaced
        on_call(registry.Registry, "_point", 1)
    else:
        raise SystemExit(f"unknown point {point!r}")


def main() -> None:
    lake_dir, drop, date, point, train = sys.argv[1:6]
    arm(point, Path(lake_dir))
    # The crash tests' day 1 is a delta: day 0's customers stay.
    settings = Settings(lake=Path(lake_dir), train=train == "1", drop_kind="delta")
    run_daily(settings, drop, datetime.date.fromisoformat(date))
    raise SystemExit(f"the run finished: point {point!r} was never reached")


if __name__ == "__main__":
    main()
