"""A bounded load run against `reorder serve` on 127.0.0.1: concurrent clients, every answer
correct. Speed is measured by `reorder bench` and reported in the README, not asserted."""

from pathlib import Path

import duckdb

from flows.bench.load import run_load


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
