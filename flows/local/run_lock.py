"""The local lake's run lock: flock(2) on `<lake>/.run.lock`.

The kernel releases the lock when its process ends, however it ends (SIGKILL included), so a
crashed run never leaves a stale lock behind; the file only says who holds it.
"""

from __future__ import annotations

import datetime
import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from flows.pipeline.run_lock import new_holder, refusal

LOCK_FILE = ".run.lock"


@contextmanager
def local_run_lock(lake: Path, date: datetime.date) -> Iterator[None]:
    """Hold the lake folder's lock for the duration of a run."""
    lake.mkdir(parents=True, exist_ok=True)
    path = lake / LOCK_FILE
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise refusal(str(lake), _read_holder(path)) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps(new_holder(date)).encode(), 0)
        yield
    finally:
        os.close(descriptor)  # releases the lock, if held


def _read_holder(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return {}
