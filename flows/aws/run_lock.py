"""The S3 lake's run lock: a lease object, `locks/run.json`.

It is created with a conditional write (If-None-Match) that S3 lets only one writer win. A
killed process cannot release it, so the holder renews its lease while it runs, and a lease
not renewed for LEASE_SECONDS is free for the next run to take over (again by a conditional
write, If-Match on the stale lease's ETag).
"""

from __future__ import annotations

import datetime
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flows.pipeline.run_lock import new_holder, refusal

LOCK_KEY = "locks/run.json"
LEASE_SECONDS = 300.0
RENEW_SECONDS = 60.0


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
        self.holder = new_holder(date, clock)
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
            raise refusal(f"s3://{self.bucket}", holder, free_in)
        try:  # a stale lease: take it over, unless another run just did
            self.etag = self._put(IfMatch=current["ETag"])
        except ClientError as error:
            if not _precondition_failed(error):
                raise
            raise refusal(f"s3://{self.bucket}", holder, " (it was just taken over)") from None

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
