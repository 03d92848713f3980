"""One run at a time per lake: a second run on the same lake is refused, naming the first.

Each target holds its lake its own way (flows/local/run_lock.py: flock on a file;
flows/aws/run_lock.py: a lease object on S3); both record the same holder and refuse the
same way.
"""

from __future__ import annotations

import datetime
import os
import socket
import time
import uuid
from collections.abc import Callable
from typing import Any


class RunLockedError(RuntimeError):
    """Another run holds the lake."""


def new_holder(date: datetime.date, clock: Callable[[], float] = time.time) -> dict[str, Any]:
    """What a lock records of the run that holds it."""
    now = clock()
    return {
        "run": uuid.uuid4().hex,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "date": date.isoformat(),
        "started": _utc(now),
        "renewed": now,
    }


def _utc(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def refusal(where: str, holder: dict[str, Any], extra: str = "") -> RunLockedError:
    """The error a run refused by `holder`'s lock raises."""
    who = (
        f"the run for {holder.get('date', '?')} (pid {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')}, started {holder.get('started', '?')})"
    )
    return RunLockedError(
        f"another run holds the lake {where}: {who}{extra}; wait for it to finish, this run "
        "changed nothing"
    )
