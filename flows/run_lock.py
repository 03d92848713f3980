"""One run at a time per lake: a second run on the same lake is refused, naming the first.

A local lake is locked with flock(2) on `<lake>/.run.lock`. The kernel releases the lock when
its process ends, however it ends (SIGKILL included), so a crashed run never leaves a stale
lock behind; the file only says who holds it.

An S3 lake is locked with `locks/run.json`, created with a conditional write (If-None-Match)
that S3 lets only one writer win. A killed process cannot release it, so the holder renews
its lease while it runs, and a lease not renewed for LEASE_SECONDS is free for the next run
to take over (again by a conditional write, If-Match on the stale lease's ETag).
"""

from __future__ import annotations

import datetime
import fcntl
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

LOCK_FILE = ".run.lock"
LOCK_KEY = "locks/run.json"
LEASE_SECONDS = 300.0
RENEW_SECONDS = 60.0


class RunLockedError(RuntimeError):
    """Another run holds the lake."""


def _holder(date: datetime.date, clock: Callable[[], float] = time.time) -> dict[str, Any]:
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


def _refusal(where: str, holder: dict[str, Any], extra: str = "") -> RunLockedError:
    who = (
        f"the run for {holder.get('date', '?')} (pid {holder.get('pid', '?')} on "
        f"{holder.get('host', '?')}, started {holder.get('started', '?')})"
    )
    return RunLockedError(
        f"another run holds the lake {where}: {who}{extra}; wait for it to finish, this run "
        "changed nothing"
    )


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
            raise _refusal(str(lake), _read_holder(path)) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps(_holder(date)).encode(), 0)
        yield
    finally:
        os.close(descriptor)  # releases the lock, if held


def _read_holder(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return {}


class S3RunLock:
    """The lease on an S3 lake (see the module's docstring)."""

    def __init__(
        self,
        s3: Any,
        bucket: str,
        date: datetime.date,
        clock: Callable[[], float] = time.time,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        self.s3, self.bucket, self.clock, self.lease = s3, bucket, clock, lease_seconds
        self.holder = _holder(date, clock)
        self.etag: str | None = None

    def acquire(self) -> None:
        from botocore.exceptions import ClientError

        try:
            self.etag = self._put(IfNoneMatch="*")
            return
        except ClientError as error:
            if not _precondition_failed(error):
                raise
        current = self.s3.get_object(Bucket=self.bucket, Key=LOCK_KEY)
        holder = json.loads(current["Body"].read())
        idle = self.clock() - float(holder.get("renewed", 0))
        if idle < self.lease:
            free_in = f"; its lease ends in {self.lease - idle:.0f} s unless it renews it"
            raise _refusal(f"s3://{self.bucket}", holder, free_in)
        try:  # a stale lease: take it over, unless another run just did
            self.etag = self._put(IfMatch=current["ETag"])
        except ClientError as error:
            if not _precondition_failed(error):
                raise
            raise _refusal(f"s3://{self.bucket}", holder, " (it was just taken over)") from None

    def renew(self) -> None:
        self.holder["renewed"] = self.clock()
        self.etag = self._put(IfMatch=self.etag)

    def release(self) -> None:
        from botocore.exceptions import ClientError

        try:  # only our own lease: another run may have taken over a lapsed one
            current = self.s3.head_object(Bucket=self.bucket, Key=LOCK_KEY)
            if current["ETag"] == self.etag:
                self.s3.delete_object(Bucket=self.bucket, Key=LOCK_KEY)
        except ClientError:
            pass  # the lease lapses by itself

    def _put(self, **condition: str) -> str:
        body = json.dumps(self.holder).encode()
        answer = self.s3.put_object(Bucket=self.bucket, Key=LOCK_KEY, Body=body, **condition)
        return answer["ETag"]


def _precondition_failed(error: Any) -> bool:
    return error.response.get("Error", {}).get("Code") in {"PreconditionFailed", "412"}


@contextmanager
def s3_run_lock(
    s3: Any, bucket: str, date: datetime.date, renew_seconds: float = RENEW_SECONDS
) -> Iterator[S3RunLock]:
    """Hold the S3 lake's lease for the duration of a run, renewing it in the background."""
    lock = S3RunLock(s3, bucket, date)
    lock.acquire()
    stop = threading.Event()

    def keep_renewing() -> None:
        while not stop.wait(renew_seconds):
            try:
                lock.renew()
            except Exception:  # a failed renewal is retried at the next tick
                continue

    renewer = threading.Thread(target=keep_renewing, name="run-lock-renewer", daemon=True)
    renewer.start()
    try:
        yield lock
    finally:
        stop.set()
        renewer.join()
        lock.release()
