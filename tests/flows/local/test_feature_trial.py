"""`reorder model trial` on the trained lake: the channels carry each line's season and
department features for its target order, every variant is trained on them by
sagemaker/train.py, and the comparison says what each group beats the contract's features on."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from flows.cli.main import main
from flows.local.feature_trial import GROUPS, Variant, contract_features, write_trial_channels


def test_the_trial_lines_carry_the_target_orders_season_and_department_features(
    trained_lake: Path, tmp_path: Path
) -> None:
    train, validation = write_trial_channels(trained_lake, tmp_path)
    rows = duckdb.sql(
        f"select * from read_parquet(['{train}/*.parquet', '{validation}/*.parquet'])"
    ).df()
    published = duckdb.sql(
        f"select count(*) from '{trained_lake}/sandbox/result_table/result_table.parquet' "
        "where eval_set = 'train'"
    ).fetchall()[0][0]
    assert len(rows) == published  # every train line once, none lost to a join
    line = rows.sort_values(["user_id", "product_id"]).iloc[0]
    lake = trained_lake
    [(season,)] = duckdb.sql(
        f"select order_season from '{lake}/curated/order_dates/*.parquet' "
        f"where order_id = {line.order_id}"
    ).fetchall()
    [(share,)] = duckdb.sql(
        f"select user_department_order_share from "
        f"'{lake}/features/user_department_features/*.parquet' "
        f"where user_id = {line.user_id} and department_id = {line.department_id}"
    ).fetchall()
    season_rate = duckdb.sql(
        f"select prod_season_reorder_rate from '{lake}/features/prd_season_features/*.parquet' "
        f"where product_id = {line.product_id} and order_season = '{season}'"
    ).fetchall()
    assert line.user_department_order_share == pytest.approx(share)
    if season_rate:  # a product never bought in the target's season has no rate: NULL
        assert line.prod_season_reorder_rate == pytest.approx(season_rate[0][0])
    else:
        assert line.prod_season_reorder_rate != line.prod_season_reorder_rate  # NaN


def test_a_group_is_better_only_when_every_seed_beats_every_seed_without_it() -> None:
    base = Variant("base", [], [0.80, 0.82], [0.40, 0.41], [])
    clear = Variant("clear", [], [0.83, 0.84], [0.40, 0.42], [])
    overlapping = Variant("overlapping", [], [0.81, 0.85], [0.39, 0.45], [])
    assert clear.beats(base) == ["roc_auc"]
    assert overlapping.beats(base) == []


def test_the_trial_trains_every_variant_and_writes_the_comparison(
    trained_lake: Path, tmp_path: Path
) -> None:
    out = tmp_path / "trial"
    argv = ["model", "trial", "--lake", str(trained_lake), "--out", str(out), "--seeds", "1"]
    assert main(argv) == 0
    variants = json.loads((out / "trial.json").read_text())
    base = contract_features()
    assert [v["features"] for v in variants] == [
        base,
        base + list(GROUPS["season"]),
        base + list(GROUPS["department"]),
        base + list(GROUPS["season"]) + list(GROUPS["department"]),
    ]
    for variant in variants:
        assert 0.5 < variant["roc_auc"][0] <= 1 and 0 < variant["mean_order_f1"][0] <= 1
        [report] = variant["reports"]
        assert Path(report).read_text().startswith("<!doctype html>")
    # each model was trained on the features it lists
    [model] = (out / "3" / "seed-0" / "model").glob("features.txt")
    assert model.read_text().split() == variants[3]["features"]
    table = (out / "trial.md").read_text()
    assert "| + season + department | 31 | " in table and "better on every seed" in table


def test_a_lake_without_a_published_result_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["model", "trial", "--lake", str(tmp_path), "--out", str(tmp_path / "t")]) == 1
    assert "result_table.parquet: `reorder run` publishes it" in capsys.readouterr().err
