"""`dbt build` on the local target, end to end: landed drops in, contract tables out.

Each lake is built once per module by the same code path as `reorder run`; the tests then
read what dbt wrote (parquet in the lake zones, tables in the warehouse file).
"""

import datetime
import json
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml

from datagen.generate import DropSpec, generate_drop
from flows.bench.baselines.pandas_contract import CONTRACT_KEYS, compute_contract, read_drop
from flows.cli.main import main
from flows.daily.run import run_daily
from flows.pipeline.lake import LocalLake
from flows.pipeline.landing import land_drop
from flows.pipeline.run import RunSummary
from flows.pipeline.settings import PROJECT_DIR as ROOT
from flows.pipeline.settings import Settings
from flows.pipeline.tables import LOCAL_FOLDERS, local_locations, quarantine_counts
from flows.pipeline.transform import TransformError, run_dbt, run_results

DAY_ONE = datetime.date(2026, 11, 24)
DAY_TWO = datetime.date(2026, 11, 25)
DAY_THREE = datetime.date(2026, 11, 26)
WRITTEN_TO = LOCAL_FOLDERS  # where dbt writes each contract table in the lake


# The curated lines carry their orders' days before the last order and season beside the
# contract's columns, the season last: it is the table's partition.
DATED = {"order_products_prior": ["days_before_last_order", "order_season"]}


def _lake_table(lake: Path, table: str) -> pd.DataFrame:
    files = f"{lake / WRITTEN_TO[table]}/**/*.parquet"
    return duckdb.sql(f"select * from read_parquet('{files}', hive_partitioning = true)").df()


def _warehouse(lake: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(lake / "warehouse.duckdb"), read_only=True) as db:
        return db.sql(sql).fetchall()


@pytest.fixture(scope="module")
def clean_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("clean_drop")
    generate_drop(DropSpec(users=300, products=2000, seed=21), folder)
    return folder


@pytest.fixture(scope="module")
def clean_run(
    clean_drop: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, RunSummary]:
    lake = tmp_path_factory.mktemp("clean_lake")
    return lake, run_daily(Settings(lake=lake), clean_drop, DAY_ONE)


@pytest.fixture(scope="module")
def clean_lake(clean_run: tuple[Path, RunSummary]) -> Path:
    return clean_run[0]


def test_contract_tables_match_an_independent_pandas_computation(
    clean_drop: Path, clean_lake: Path
) -> None:
    expected = compute_contract(read_drop(clean_drop))
    for table, reference in expected.items():
        built = _lake_table(clean_lake, table)
        assert list(built.columns) == [*reference.columns, *DATED.get(table, [])], table
        assert len(built) == len(reference) > 0, table
        key = CONTRACT_KEYS[table]
        built = built.sort_values(key).reset_index(drop=True)
        for column in reference.columns:
            if reference[column].dtype == object:
                assert (built[column] == reference[column]).all(), (table, column)
            else:
                pd.testing.assert_series_equal(
                    built[column].astype("float64"),
                    reference[column].astype("float64"),
                    check_exact=False,
                    rtol=1e-12,
                    obj=f"{table}.{column}",
                )


def test_counts_are_bigint_and_ratios_double(clean_lake: Path) -> None:
    parts = clean_lake / WRITTEN_TO["result_table"]
    types = {row[0]: row[1] for row in duckdb.sql(f"describe from '{parts}/*.parquet'").fetchall()}
    for column in ("user_orders", "up_orders", "prod_first_orders", "up_orders_since_last_order"):
        assert types[column] == "BIGINT", column
    for column in ("up_order_rate", "user_reorder_ratio", "prod_reorder_probability"):
        assert types[column] == "DOUBLE", column


def test_a_clean_drop_quarantines_nothing(clean_lake: Path) -> None:
    assert quarantine_counts(local_locations(clean_lake)) == {}


def test_each_lake_table_is_one_file_and_result_table_is_in_published_order(
    clean_lake: Path,
) -> None:
    for table, folder in {**WRITTEN_TO, "quarantine": "quarantine/rows"}.items():
        if table in DATED:
            continue
        assert [f.name for f in (clean_lake / folder).iterdir()] == ["data_0.parquet"], table
    keys = duckdb.sql(
        f"select user_id, product_id from '{clean_lake / WRITTEN_TO['result_table']}/*.parquet'"
    ).fetchall()
    assert keys == sorted(set(keys))
    # Nothing quarantined: the file is still there, empty, with the model's columns.
    columns = duckdb.sql(f"describe from '{clean_lake}/quarantine/rows/*.parquet'").fetchall()
    assert [column[0] for column in columns] == [
        "source_table", "dt", "source_file", "record", "quarantine_rule"
    ]  # fmt: skip


def _with_model_changed(
    clean_lake: Path, folder: Path, model: str, old: str, new: str
) -> tuple[Settings, Path]:
    """A copy of the dbt project with `old` replaced by `new` in one model (a path under
    models/), over a copy of the clean lake: its settings, and the lake."""
    project = folder / "project"
    project.mkdir()
    for name in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("models", "macros", "tests/dbt"):
        shutil.copytree(ROOT / name, project / name)
    path = project / "models" / model
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    lake = folder / "lake"
    shutil.copytree(clean_lake, lake)
    return Settings(lake=lake, project_dir=project), lake


def test_a_contract_violation_fails_before_anything_is_written(
    clean_lake: Path, tmp_path: Path
) -> None:
    # user_features_1 changed to make user_orders a double, against its contract's bigint.
    settings, lake = _with_model_changed(
        clean_lake, tmp_path, "features/user_features_1.sql",
        "max(order_number) as user_orders", "cast(max(order_number) as double) as user_orders",
    )  # fmt: skip
    written = lake / WRITTEN_TO["user_features_1"] / "data_0.parquet"
    before = written.read_bytes()
    completed = run_dbt(settings, "run", "--select", "user_features_1")
    assert completed.returncode != 0
    assert "contract" in completed.stdout.lower() and "user_orders" in completed.stdout
    assert written.read_bytes() == before


def test_a_partitioned_table_without_rows_keeps_its_columns(
    clean_lake: Path, tmp_path: Path
) -> None:
    # order_products_prior changed to select no line: its partitions go, one empty file stays.
    settings, lake = _with_model_changed(
        clean_lake, tmp_path, "curated/order_products_prior.sql",
        "select * from final", "select * from final where false",
    )  # fmt: skip
    folder = lake / WRITTEN_TO["order_products_prior"]
    assert len(list(folder.glob("order_season=*/data_0.parquet"))) > 1
    completed = run_dbt(settings, "run", "--select", "order_products_prior")
    assert completed.returncode == 0, completed.stdout[-2000:]
    assert [p.relative_to(folder).as_posix() for p in folder.rglob("*.parquet")] == [
        "order_season=__HIVE_DEFAULT_PARTITION__/data_0.parquet"
    ]
    columns = _warehouse(lake, "describe order_products_prior")
    assert [(c[0], c[1]) for c in columns][-3:] == [
        ("reordered", "BIGINT"), ("days_before_last_order", "BIGINT"), ("order_season", "VARCHAR"),
    ]  # fmt: skip
    assert _warehouse(lake, "select count(*) from order_products_prior") == [(0,)]


def _rewrite(path: Path, edit) -> None:
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(edit(lines)))


@pytest.fixture(scope="module")
def bad_drop(clean_drop: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The clean drop with one defect of each kind, and what each defect must become."""
    folder = tmp_path_factory.mktemp("bad_drop")
    for file in clean_drop.iterdir():
        shutil.copy(file, folder / file.name)
    orders = pd.read_csv(clean_drop / "orders.csv")
    prior = pd.read_csv(clean_drop / "order_products__prior.csv")
    later = orders[(orders["eval_set"] == "prior") & (orders["order_number"] > 1)]
    typo_order, hour_order, days_order = later["order_id"].iloc[:3].tolist()
    typo_lines = int((prior["order_id"] == typo_order).sum())

    def edit_orders(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            fields = line.rstrip("\n").split(",")
            if fields[0] == str(typo_order):
                fields[2] = "prir"
            elif fields[0] == str(hour_order):
                fields[5] = "24"
            elif fields[0] == str(days_order):
                fields[6] = ""
            out.append(",".join(fields) + "\n")
        return [*out, "abc,1,prior,1,0,10,\n"]

    first_line = first_line_of(clean_drop / "order_products__prior.csv")
    _rewrite(folder / "orders.csv", edit_orders)
    _rewrite(
        folder / "order_products__prior.csv",
        lambda lines: [
            *lines,
            first_line + "\n",  # an exact duplicate: collapsed, not quarantined
            f"{orders['order_id'].max() + 1},1,1,0\n",  # a line of an unknown order
            f"{later['order_id'].iloc[5]},999999,99,0\n",  # a line of an unknown product
        ],
    )
    _rewrite(
        folder / "products.csv",
        lambda lines: [*lines, lines[1].replace(",", ",Changed ", 1)],  # same id, new name
    )
    # The conflicting product leaves staging, so its lines become lines of an unknown
    # product, except those already quarantined with their bad order.
    product_id = int(first_line_of(clean_drop / "products.csv").split(",")[0])
    train = pd.read_csv(clean_drop / "order_products__train.csv")
    bad_orders = [typo_order, hour_order, days_order]
    in_bad_order = prior["order_id"].isin(bad_orders)
    expected = {
        ("orders", "eval_set_unknown"): 1,
        ("orders", "order_hour_of_day_out_of_range"): 1,
        ("orders", "days_since_prior_order_missing_on_later_order"): 1,
        ("orders", "order_id_invalid"): 1,
        ("products", "product_id_conflicting_duplicate"): 2,
        ("order_products__prior", "order_unknown"): 1,
        ("order_products__prior", "order_quarantined"): int(in_bad_order.sum()),
        ("order_products__prior", "product_unknown"): 1
        + int(((prior["product_id"] == product_id) & ~in_bad_order).sum()),
        ("order_products__train", "product_unknown"): int(
            (train["product_id"] == product_id).sum()
        ),
    }
    return {
        "folder": folder,
        "expected": expected,
        "typo_order": typo_order,
        "typo_lines": typo_lines,
    }


def first_line_of(path: Path) -> str:
    return path.read_text().splitlines()[1]


@pytest.fixture(scope="module")
def bad_lake(bad_drop: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    lake = tmp_path_factory.mktemp("bad_lake")
    run_daily(Settings(lake=lake, quarantine_max_share=0.05), bad_drop["folder"], DAY_ONE)
    return lake


def test_bad_rows_are_quarantined_with_the_rule_they_broke(bad_drop: dict, bad_lake: Path) -> None:
    expected = {key: count for key, count in bad_drop["expected"].items() if count}
    assert quarantine_counts(local_locations(bad_lake)) == expected


def test_a_bad_order_takes_its_lines_out_of_the_features(bad_drop: dict, bad_lake: Path) -> None:
    typo = bad_drop["typo_order"]
    assert bad_drop["typo_lines"] > 0
    curated = _lake_table(bad_lake, "order_products_prior")
    assert not (curated["order_id"] == typo).any()
    assert _warehouse(
        bad_lake, f"select count(*) from stg_instacart__orders where order_id = {typo}"
    ) == [(0,)]


def test_an_exact_duplicate_line_is_collapsed(clean_lake: Path, bad_lake: Path) -> None:
    sql = "select count(*) from stg_instacart__order_products__prior where order_id = {}"
    first = _warehouse(clean_lake, "select min(order_id) from stg_instacart__order_products__prior")
    order_id = first[0][0]
    clean = _warehouse(clean_lake, sql.format(order_id))
    assert _warehouse(bad_lake, sql.format(order_id)) == clean


def test_the_key_test_names_a_line_that_is_there_twice(clean_lake: Path, tmp_path: Path) -> None:
    # The compiled key test of a built lake, run against a copy of its warehouse in which
    # one staged line is copied: it must name that line and only it.
    compiled = next(
        (clean_lake / ".dbt" / "target" / "compiled").rglob(
            "stg_instacart__order_products__prior__key_unique*.sql"
        )
    ).read_text()
    shutil.copy(clean_lake / "warehouse.duckdb", tmp_path / "warehouse.duckdb")
    base = "base_instacart__order_products__prior"
    with duckdb.connect() as db:
        db.sql(f"attach '{tmp_path / 'warehouse.duckdb'}' as warehouse")
        db.sql("use warehouse")
        assert db.sql(compiled).fetchall() == []
        [(order_id, product_id)] = db.sql(
            f"select order_id, product_id from {base} where quarantine_rule is null "
            "order by order_id desc, product_id limit 1"
        ).fetchall()
        # The base model is a view over its parquet file: a table with the line twice
        # takes its name in the copy.
        db.execute(
            f"create table doubled as select * from {base} union all "
            f"select * from {base} where order_id = ? and product_id = ?",
            [order_id, product_id],
        )
        db.execute(f"drop view {base}")
        db.execute(f"alter table doubled rename to {base}")
        assert db.sql(compiled).fetchall() == [(order_id, product_id, 2)]


def test_too_many_quarantined_rows_fail_the_build(bad_drop: dict, tmp_path: Path) -> None:
    with pytest.raises(TransformError, match="quarantine__share_within_limit"):
        run_daily(Settings(lake=tmp_path, quarantine_max_share=0.0001), bad_drop["folder"], DAY_ONE)


def test_a_delta_replaces_rows_by_key_and_a_snapshot_replaces_everything(
    clean_drop: Path, tmp_path: Path
) -> None:
    settings = Settings(lake=tmp_path)
    run_daily(settings, clean_drop, DAY_ONE)
    # A delta: one order moves to another hour (its other files are day one's again).
    day_two = tmp_path / "drop_two"
    shutil.copytree(clean_drop, day_two)
    order_line = (clean_drop / "orders.csv").read_text().splitlines()[1]
    fields = order_line.split(",")
    new_hour = "03" if fields[5] != "03" else "04"
    (day_two / "orders.csv").write_text(
        "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,"
        "days_since_prior_order\n" + ",".join([*fields[:5], new_hour, fields[6]]) + "\n"
    )
    run_daily(replace(settings, drop_kind="delta"), day_two, DAY_TWO)
    order = f"select order_hour_of_day, dt from stg_instacart__orders where order_id = {fields[0]}"
    assert _warehouse(tmp_path, order) == [(int(new_hour), str(DAY_TWO))]
    # Every other order still comes from day one, once.
    staged = "select count(*), count(distinct order_id), min(dt) from stg_instacart__orders"
    clean_orders = len((clean_drop / "orders.csv").read_text().splitlines()) - 1
    assert _warehouse(tmp_path, staged) == [(clean_orders, clean_orders, str(DAY_ONE))]

    # A snapshot of day one's files: the delta's hour is gone, and only its date is read.
    run_daily(settings, clean_drop, DAY_THREE)
    assert _warehouse(tmp_path, order) == [(int(fields[5]), str(DAY_THREE))]
    assert _warehouse(tmp_path, staged) == [(clean_orders, clean_orders, str(DAY_THREE))]


def test_reorder_run_names_file_line_and_problem_of_a_rejected_drop(
    prefect_harness: None, clean_drop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop = tmp_path / "drop"
    shutil.copytree(clean_drop, drop)
    (drop / "aisles.csv").write_text("aisle,aisle_id\n1,fresh fruits\n")
    lake = tmp_path / "lake"
    code = main(["run", "--input", str(drop), "--date", "2026-11-25", "--lake", str(lake)])
    assert code == 1
    error = capsys.readouterr().err
    assert "aisles.csv, line 1" in error and "header" in error
    assert not list((lake / "raw").glob("*/dt=*"))


def test_the_unit_tests_pass_apart_from_the_daily_build(
    clean_run: tuple[Path, RunSummary],
) -> None:
    lake, summary = clean_run
    declared = [
        test["name"]
        for path in (ROOT / "models").rglob("*.yml")
        for test in (yaml.safe_load(path.read_text()) or {}).get("unit_tests", [])
    ]
    assert len(declared) > 10
    # The daily run builds models and data tests only.
    assert {node.kind for node in summary.nodes} == {"model", "test", "exposure"}
    settings = Settings(lake=lake)
    completed = run_dbt(settings, "test", "--select", "test_type:unit")
    assert completed.returncode == 0, completed.stdout[-2000:]
    ran = run_results(settings)
    assert sorted(node.name.split(".")[-1] for node in ran) == sorted(declared)
    assert {(node.kind, node.status) for node in ran} == {("unit_test", "pass")}


def test_reorder_run_refuses_a_delta_older_than_the_latest_drop(
    prefect_harness: None, clean_drop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lake = tmp_path / "lake"
    land_drop(clean_drop, LocalLake(lake), DAY_TWO)
    before = sorted(path for path in (lake / "raw").rglob("*") if path.is_file())
    args = ["run", "--input", str(clean_drop), "--lake", str(lake), "--drop", "delta"]
    assert main([*args, "--date", DAY_ONE.isoformat()]) == 1
    error = capsys.readouterr().err
    assert f"a delta for {DAY_ONE} is older than the latest landed drop ({DAY_TWO})" in error
    assert sorted(path for path in (lake / "raw").rglob("*") if path.is_file()) == before


def test_docs_site_builds_and_describes_every_model_and_column(clean_lake: Path) -> None:
    settings = Settings(lake=clean_lake)
    completed = run_dbt(settings, "docs", "generate")
    assert completed.returncode == 0, completed.stdout[-2000:]
    target = clean_lake / ".dbt" / "target"
    assert (target / "index.html").exists()
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    undocumented = []
    for unique_id, node in {**manifest["nodes"], **manifest["sources"]}.items():
        if node["resource_type"] not in ("model", "source"):
            continue
        if not node["description"].strip():
            undocumented.append(unique_id)
        described = {name for name, column in node["columns"].items() if column["description"]}
        if node["resource_type"] == "source":  # read_csv, not in the catalog: check the yml
            undocumented += [f"{unique_id}.{c}" for c in node["columns"] if c not in described]
            continue
        built = catalog["nodes"][unique_id]["columns"]
        undocumented += [f"{unique_id}.{c}" for c in built if c not in described]
    assert not undocumented, undocumented


def test_sources_are_fresh_after_landing_today(clean_drop: Path, tmp_path: Path) -> None:
    settings = Settings(lake=tmp_path)
    run_daily(settings, clean_drop, datetime.datetime.now(datetime.UTC).date())
    completed = run_dbt(settings, "source", "freshness")
    assert completed.returncode == 0, completed.stdout[-2000:]
    freshness = json.loads((tmp_path / ".dbt" / "target" / "sources.json").read_text())
    assert [result["status"] for result in freshness["results"]] == ["pass"] * 6


def _notifications(lake: Path) -> list[dict]:
    outbox = lake / "outbox" / "notifications.jsonl"
    return [json.loads(line) for line in outbox.read_text().splitlines()] if outbox.exists() else []


def test_a_published_run_notifies_with_counts_and_quarantine(
    bad_drop: dict, bad_lake: Path
) -> None:
    [message] = _notifications(bad_lake)
    assert message["date"] == str(DAY_ONE)
    landed = pd.read_csv(bad_drop["folder"] / "orders.csv", dtype=str, keep_default_na=False)
    assert message["landed_rows"]["orders"] == len(landed)
    parts = f"{bad_lake / WRITTEN_TO['result_table']}/*.parquet"
    result_rows = duckdb.sql(f"select count(*) from '{parts}'").fetchall()[0][0]
    assert message["built_rows"]["result_table"] == message["published_rows"] == result_rows
    quarantined = {
        (table, rule): count
        for table, rules in message["quarantined_rows"].items()
        for rule, count in rules.items()
    }
    assert quarantined == {key: count for key, count in bad_drop["expected"].items() if count}
    assert set(message["seconds"]) == {"land", "dbt_build", "compact", "train", "release"}
    assert message["subject"].startswith(f"reorder: result_table for {DAY_ONE} published")


def test_a_failed_run_sends_no_notification_and_publishes_nothing(
    bad_drop: dict, tmp_path: Path
) -> None:
    with pytest.raises(TransformError):
        run_daily(Settings(lake=tmp_path, quarantine_max_share=0.0001), bad_drop["folder"], DAY_ONE)
    assert _notifications(tmp_path) == []
    assert not (tmp_path / "sandbox" / "result_table").exists()
