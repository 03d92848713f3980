"""A bounded load run against `reorder serve` on 127.0.0.1: concurrent clients, every answer
correct. Speed is measured by `reorder bench` and reported in the README, not asserted."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.load import run_load
from flows.serve import free_port


@pytest.fixture(scope="module")
def served(trained_lake: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--lake", str(trained_lake),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "reorder serve did not answer in 60 s"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_concurrent_predictions_and_suggestions_all_succeed(
    served: str, trained_lake: Path
) -> None:
    published = trained_lake / "sandbox/result_table/result_table.parquet"
    pairs = duckdb.sql(
        f"select user_id, product_id from '{published}' using sample 200 rows (reservoir, 7)"
    ).fetchall()

    def request_for(number: int) -> tuple[str, str, dict | None]:
        user, product = pairs[number % len(pairs)]
        if number % 5 == 4:
            return "GET", f"/users/{user}/suggestions", None
        return "POST", "/predict", {"user_id": user, "product_id": product}

    result = run_load(served, request_for, clients=8, seconds=3, max_requests=1500)
    assert result.errors == {}
    assert 0 < result.requests <= 1500
    assert result.p50_ms <= result.p99_ms
