"""One run at a time: the local lake's flock, and the S3 lake's lease against moto."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest

from flows.aws.run_lock import LOCK_KEY, S3RunLock, s3_run_lock
from flows.local.run_lock import local_run_lock
from flows.pipeline.run_lock import RunLockedError

DATE = datetime.date(2026, 11, 25)


def test_the_local_lock_is_held_for_the_run_and_names_its_holder(tmp_path: Path) -> None:
    with local_run_lock(tmp_path, DATE):
        with pytest.raises(RunLockedError) as refused, local_run_lock(tmp_path, DATE):
            pass
        message = str(refused.value)
        assert str(tmp_path) in message and f"pid {os.getpid()}" in message
        assert "the run for 2026-11-25" in message and "changed nothing" in message
    with local_run_lock(tmp_path, DATE):  # released at the end of the first
        pass


def test_the_local_lock_dies_with_its_process(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import datetime, sys, time\n"
         "from pathlib import Path\n"
         "from flows.local.run_lock import local_run_lock\n"
         f"with local_run_lock(Path({str(tmp_path)!r}), datetime.date(2026, 11, 25)):\n"
         "    print('held', flush=True)\n"
         "    time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with (
            pytest.raises(RunLockedError, match=f"pid {holder.pid} "),
            local_run_lock(tmp_path, DATE),
        ):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=10)
    with local_run_lock(tmp_path, DATE):  # no stale lock after SIGKILL
        pass


@pytest.fixture
def bucket(fake_aws: str) -> str:
    name = f"lock-{uuid.uuid4().hex[:12]}"
    boto3.client("s3").create_bucket(Bucket=name)
    return name


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_s3_lease_admits_one_run_and_is_released_after_it(bucket: str) -> None:
    s3 = boto3.client("s3")
    with s3_run_lock(s3, bucket, DATE):
        holder = json.loads(s3.get_object(Bucket=bucket, Key=LOCK_KEY)["Body"].read())
        assert (holder["pid"], holder["date"]) == (os.getpid(), "2026-11-25")
        with pytest.raises(RunLockedError, match=rf"s3://{bucket}: the run for 2026-11-25"):
            S3RunLock(s3, bucket, DATE).acquire()
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix="locks/")
    with s3_run_lock(s3, bucket, DATE):  # free again
        pass


def test_a_lapsed_s3_lease_is_taken_over_and_a_renewed_one_is_not(bucket: str) -> None:
    s3, clock = boto3.client("s3"), Clock()
    crashed = S3RunLock(s3, bucket, DATE, clock=clock, lease_seconds=300)
    crashed.acquire()  # and never released: its process was killed
    clock.now += 200
    crashed.renew()
    clock.now += 250  # 250 s since the renewal: still held
    with pytest.raises(RunLockedError, match="lease ends in 50 s"):
        S3RunLock(s3, bucket, DATE, clock=clock, lease_seconds=300).acquire()
    clock.now += 60
    successor = S3RunLock(s3, bucket, DATE, clock=clock, lease_seconds=300)
    successor.acquire()
    holder = json.loads(s3.get_object(Bucket=bucket, Key=LOCK_KEY)["Body"].read())
    assert holder["run"] == successor.holder["run"]
    crashed.release()  # a late release of the lapsed lease leaves the successor's alone
    assert s3.head_object(Bucket=bucket, Key=LOCK_KEY)["ETag"] == successor.etag
    successor.release()
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket, Prefix="locks/")
