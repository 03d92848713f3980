"""The pandas contract against numbers worked out by hand on a tiny drop.

The drop (same data as DataFrames and as CSV text):

user 1, train user: prior orders 11 (n=1), 12 (n=2, 10 days), 13 (n=3, 5 days); train order 14
    (n=4, 7 days) holds products 1 and 3 (bought before) and 5 (never bought before).
    Product 2 is bought in orders 1 and 3 only (non-consecutive).
user 2, test user: prior orders 21 (n=1), 22 (n=2, 30 days); test order 23 (n=3, 3 days).
user 3, train user with a single prior order 31; train order 32 holds only product 5.
user 4: a single prior order 41 and no train/test order (in the features, not in result_table).

Prior lines (order: product@cart/reordered)
    11: 1@1/0 2@2/0    12: 4@1/0 1@2/1    13: 2@1/1 3@2/0 1@3/1
    21: 1@1/0 3@2/0    22: 3@1/1 2@2/0
    31: 4@1/0 2@2/0    41: 4@1/0
Train lines: 14: 1@1/1 5@2/0 3@3/1    32: 5@1/0
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from flows.bench.baselines.pandas_contract import (
    CONTRACT_COLUMNS,
    build_result_table,
    compute_contract,
    read_drop,
)

NAN = float("nan")
YOGURT = 'Greek Yogurt, "Plain" 32 oz'


def _frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def hand_tables() -> dict[str, pd.DataFrame]:
    """The tiny drop as DataFrames, in the dtypes read_drop must produce."""
    return {
        "aisles": _frame(["aisle_id", "aisle"], [(1, "fresh fruits"), (2, "yogurt")]),
        "departments": _frame(["department_id", "department"], [(1, "produce"), (2, "dairy eggs")]),
        "products": _frame(
            ["product_id", "product_name", "aisle_id", "department_id"],
            [
                (1, "Banana", 1, 1),
                (2, "Organic Strawberries", 1, 1),
                (3, YOGURT, 2, 2),
                (4, "Whole Milk", 2, 2),
                (5, "N/A", 1, 1),  # pandas would read "N/A" as NaN by default
            ],
        ),
        "orders": _frame(
            [
                "order_id",
                "user_id",
                "eval_set",
                "order_number",
                "order_dow",
                "order_hour_of_day",
                "days_since_prior_order",
            ],
            [
                (11, 1, "prior", 1, 0, 8, NAN),
                (12, 1, "prior", 2, 2, 9, 10.0),
                (13, 1, "prior", 3, 4, 10, 5.0),
                (14, 1, "train", 4, 5, 14, 7.0),
                (21, 2, "prior", 1, 1, 7, NAN),
                (22, 2, "prior", 2, 3, 20, 30.0),
                (23, 2, "test", 3, 6, 12, 3.0),
                (31, 3, "prior", 1, 2, 11, NAN),
                (32, 3, "train", 2, 2, 15, 8.0),
                (41, 4, "prior", 1, 3, 9, NAN),
            ],
        ),
        "order_products__prior": _frame(
            ["order_id", "product_id", "add_to_cart_order", "reordered"],
            [  # deliberately not sorted by order
                (13, 2, 1, 1),
                (11, 1, 1, 0),
                (11, 2, 2, 0),
                (12, 4, 1, 0),
                (12, 1, 2, 1),
                (13, 3, 2, 0),
                (13, 1, 3, 1),
                (21, 1, 1, 0),
                (21, 3, 2, 0),
                (22, 3, 1, 1),
                (22, 2, 2, 0),
                (31, 4, 1, 0),
                (31, 2, 2, 0),
                (41, 4, 1, 0),
            ],
        ),
        "order_products__train": _frame(
            ["order_id", "product_id", "add_to_cart_order", "reordered"],
            [(14, 1, 1, 1), (14, 5, 2, 0), (14, 3, 3, 1), (32, 5, 1, 0)],
        ),
    }


# The same drop as the files of a drop folder, written the way the real drops are.
DROP_CSV: dict[str, str] = {
    "aisles.csv": "aisle_id,aisle\n1,fresh fruits\n2,yogurt\n",
    "departments.csv": "department_id,department\n1,produce\n2,dairy eggs\n",
    "products.csv": (
        "product_id,product_name,aisle_id,department_id\n"
        "1,Banana,1,1\n"
        "2,Organic Strawberries,1,1\n"
        '3,"Greek Yogurt, ""Plain"" 32 oz",2,2\n'
        "4,Whole Milk,2,2\n"
        "5,N/A,1,1\n"
    ),
    "orders.csv.gz": (
        "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,"
        "days_since_prior_order\n"
        "11,1,prior,1,0,08,\n"
        "12,1,prior,2,2,09,10.0\n"
        "13,1,prior,3,4,10,5.0\n"
        "14,1,train,4,5,14,7.0\n"
        "21,2,prior,1,1,07,\n"
        "22,2,prior,2,3,20,30.0\n"
        "23,2,test,3,6,12,3.0\n"
        "31,3,prior,1,2,11,\n"
        "32,3,train,2,2,15,8.0\n"
        "41,4,prior,1,3,09,\n"
    ),
    "order_products__prior.csv": (
        "order_id,product_id,add_to_cart_order,reordered\n"
        "13,2,1,1\n11,1,1,0\n11,2,2,0\n12,4,1,0\n12,1,2,1\n13,3,2,0\n13,1,3,1\n"
        "21,1,1,0\n21,3,2,0\n22,3,1,1\n22,2,2,0\n31,4,1,0\n31,2,2,0\n41,4,1,0\n"
    ),
    "order_products__train.csv": (
        "order_id,product_id,add_to_cart_order,reordered\n14,1,1,1\n14,5,2,0\n14,3,3,1\n32,5,1,0\n"
    ),
}

RESULT_COLUMNS = [
    "user_id",
    "product_id",
    "order_id",
    "eval_set",
    "user_orders",
    "user_period",
    "user_mean_days_since_prior",
    "user_total_products",
    "user_distinct_products",
    "user_reorder_ratio",
    "up_orders",
    "up_first_order",
    "up_last_order",
    "up_average_cart_position",
    "prod_orders",
    "prod_reorders",
    "prod_first_orders",
    "prod_second_orders",
    "prod_reorder_probability",
    "prod_reorder_times",
    "prod_reorder_ratio",
    "user_average_basket",
    "up_order_rate",
    "up_orders_since_last_order",
    "up_order_rate_since_first_order",
    "aisle_id",
    "department_id",
    "order_dow",
    "order_hour_of_day",
    "days_since_prior_order",
    "reordered",
]


def expected_result_table() -> pd.DataFrame:
    """result_table of the tiny drop, worked out by hand; rows (user, product) in key order."""
    columns = {
        #                         u1p1  u1p2   u1p3   u1p4   u2p1  u2p2  u2p3   u3p2  u3p4
        "user_id": [1, 1, 1, 1, 2, 2, 2, 3, 3],
        "product_id": [1, 2, 3, 4, 1, 2, 3, 2, 4],
        "order_id": [14, 14, 14, 14, 23, 23, 23, 32, 32],
        "eval_set": ["train"] * 4 + ["test"] * 3 + ["train"] * 2,
        "user_orders": [3, 3, 3, 3, 2, 2, 2, 1, 1],
        "user_period": [15.0] * 4 + [30.0] * 3 + [NAN] * 2,
        "user_mean_days_since_prior": [7.5] * 4 + [30.0] * 3 + [NAN] * 2,
        "user_total_products": [7, 7, 7, 7, 4, 4, 4, 2, 2],
        "user_distinct_products": [4, 4, 4, 4, 3, 3, 3, 2, 2],
        "user_reorder_ratio": [0.6] * 4 + [0.5] * 3 + [NAN] * 2,
        "up_orders": [3, 2, 1, 1, 1, 1, 2, 1, 1],
        "up_first_order": [1, 1, 3, 2, 1, 2, 1, 1, 1],
        "up_last_order": [3, 3, 3, 2, 1, 2, 2, 1, 1],
        "up_average_cart_position": [2.0, 1.5, 2.0, 1.0, 1.0, 2.0, 1.5, 2.0, 1.0],
        # prd: p1 = 4 lines, 2 reorders, 2 first, 1 second; p2 = 4, 1, 3, 1;
        #      p3 = 3, 1, 2, 1; p4 = 3, 0, 3, 0
        "prod_orders": [4, 4, 3, 3, 4, 4, 3, 4, 3],
        "prod_reorders": [2, 1, 1, 0, 2, 1, 1, 1, 0],
        "prod_first_orders": [2, 3, 2, 3, 2, 3, 2, 3, 3],
        "prod_second_orders": [1, 1, 1, 0, 1, 1, 1, 1, 0],
        "prod_reorder_probability": [0.5, 1 / 3, 0.5, 0.0, 0.5, 1 / 3, 0.5, 1 / 3, 0.0],
        "prod_reorder_times": [2.0, 4 / 3, 1.5, 1.0, 2.0, 4 / 3, 1.5, 4 / 3, 1.0],
        "prod_reorder_ratio": [0.5, 0.25, 1 / 3, 0.0, 0.5, 0.25, 1 / 3, 0.25, 0.0],
        "user_average_basket": [7 / 3] * 4 + [2.0] * 3 + [2.0] * 2,
        "up_order_rate": [1.0, 2 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 1.0, 1.0, 1.0],
        "up_orders_since_last_order": [0, 0, 0, 1, 1, 0, 0, 0, 0],
        "up_order_rate_since_first_order": [1.0, 2 / 3, 1.0, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0],
        "aisle_id": [1, 1, 2, 2, 1, 1, 2, 1, 2],
        "department_id": [1, 1, 2, 2, 1, 1, 2, 1, 2],
        "order_dow": [5, 5, 5, 5, 6, 6, 6, 2, 2],
        "order_hour_of_day": [14, 14, 14, 14, 12, 12, 12, 15, 15],
        "days_since_prior_order": [7.0] * 4 + [3.0] * 3 + [8.0] * 2,
        "reordered": pd.array([1, 0, 1, 0, None, None, None, 0, 0], dtype="Int64"),
    }
    return pd.DataFrame(columns)


@pytest.fixture
def contract() -> dict[str, pd.DataFrame]:
    return compute_contract(hand_tables())


def _row(frame: pd.DataFrame, **key: int) -> pd.Series:
    mask = np.logical_and.reduce([frame[column] == value for column, value in key.items()])
    rows = frame[mask]
    assert len(rows) == 1, f"expected exactly one row for {key}, got {len(rows)}"
    return rows.iloc[0]


# --- read_drop ---------------------------------------------------------------------------


def _write_drop(folder: Path) -> None:
    for name, text in DROP_CSV.items():
        if name.endswith(".gz"):
            with gzip.open(folder / name, "wt", encoding="utf-8", newline="") as handle:
                handle.write(text)
        else:
            (folder / name).write_text(text, encoding="utf-8", newline="")


def test_read_drop_reads_csv_and_gzipped_csv_into_typed_tables(tmp_path: Path) -> None:
    _write_drop(tmp_path)

    tables = read_drop(tmp_path)

    expected = hand_tables()
    assert sorted(tables) == sorted(expected)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(tables[name], frame, check_exact=True, obj=name)


def test_read_drop_keeps_quoted_names_padded_hours_and_empty_days(tmp_path: Path) -> None:
    _write_drop(tmp_path)

    tables = read_drop(tmp_path)

    products, orders = tables["products"], tables["orders"]
    assert products.loc[products["product_id"] == 3, "product_name"].item() == YOGURT
    assert products.loc[products["product_id"] == 5, "product_name"].item() == "N/A"
    assert orders["order_hour_of_day"].dtype == np.dtype("int64")
    assert orders.loc[orders["order_id"] == 11, "order_hour_of_day"].item() == 8
    assert orders["days_since_prior_order"].dtype == np.dtype("float64")
    assert orders.loc[orders["order_number"] == 1, "days_since_prior_order"].isna().all()
    assert orders.loc[orders["order_id"] == 22, "days_since_prior_order"].item() == 30.0
    assert isinstance(orders.loc[0, "eval_set"], str)


def test_read_drop_end_to_end_gives_the_hand_computed_result_table(tmp_path: Path) -> None:
    _write_drop(tmp_path)

    result = compute_contract(read_drop(tmp_path))["result_table"]

    pd.testing.assert_frame_equal(result, expected_result_table(), check_exact=True)


def test_read_drop_rejects_a_missing_table(tmp_path: Path) -> None:
    _write_drop(tmp_path)
    (tmp_path / "aisles.csv").unlink()

    with pytest.raises(FileNotFoundError, match="aisles"):
        read_drop(tmp_path)


def test_read_drop_rejects_a_table_present_both_plain_and_gzipped(tmp_path: Path) -> None:
    _write_drop(tmp_path)
    (tmp_path / "orders.csv").write_text(DROP_CSV["orders.csv.gz"], encoding="utf-8")

    with pytest.raises(ValueError, match="both"):
        read_drop(tmp_path)


def test_read_drop_rejects_an_unexpected_header(tmp_path: Path) -> None:
    _write_drop(tmp_path)
    (tmp_path / "aisles.csv").write_text("id,aisle\n1,fresh fruits\n", encoding="utf-8")

    with pytest.raises(ValueError, match="header"):
        read_drop(tmp_path)


# --- order_products_prior ----------------------------------------------------------------


def test_order_products_prior_holds_only_prior_lines_sorted_by_order_and_product(
    contract: dict[str, pd.DataFrame],
) -> None:
    opp = contract["order_products_prior"]

    assert list(opp.columns) == [
        "order_id",
        "user_id",
        "eval_set",
        "order_number",
        "order_dow",
        "order_hour_of_day",
        "days_since_prior_order",
        "product_id",
        "add_to_cart_order",
        "reordered",
    ]
    assert len(opp) == 14
    assert set(opp["eval_set"]) == {"prior"}
    assert list(zip(opp["order_id"], opp["product_id"], strict=True))[:7] == [
        (11, 1),
        (11, 2),
        (12, 1),
        (12, 4),
        (13, 1),
        (13, 2),
        (13, 3),
    ]
    line = _row(opp, order_id=13, product_id=2)
    assert (line["user_id"], line["order_number"], line["add_to_cart_order"]) == (1, 3, 1)
    assert (line["order_dow"], line["order_hour_of_day"]) == (4, 10)
    assert line["days_since_prior_order"] == 5.0
    assert line["reordered"] == 1


def test_order_products_prior_drops_prior_file_lines_of_train_or_unknown_orders() -> None:
    tables = hand_tables()
    stray = _frame(
        ["order_id", "product_id", "add_to_cart_order", "reordered"],
        [(14, 4, 9, 1), (99, 4, 1, 0)],  # train order 14, and an order missing from orders
    )
    tables["order_products__prior"] = pd.concat(
        [tables["order_products__prior"], stray], ignore_index=True
    )

    contract = compute_contract(tables)

    assert len(contract["order_products_prior"]) == 14
    assert 14 not in set(contract["order_products_prior"]["order_id"])
    assert _row(contract["prd_features"], product_id=4)["prod_orders"] == 3
    pd.testing.assert_frame_equal(
        contract["result_table"], expected_result_table(), check_exact=True
    )


# --- user_features_1 ---------------------------------------------------------------------


def test_user_features_1_ignores_empty_days_of_first_order_in_sum_and_mean(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf1 = contract["user_features_1"]

    user1 = _row(uf1, user_id=1)
    assert user1["user_period"] == 15.0  # 10 + 5; the empty first order is skipped
    assert user1["user_mean_days_since_prior"] == 7.5  # (10 + 5) / 2, not / 3
    assert _row(uf1, user_id=2)["user_mean_days_since_prior"] == 30.0


def test_user_features_1_excludes_the_train_and_test_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf1 = contract["user_features_1"]

    user1 = _row(uf1, user_id=1)
    assert user1["user_orders"] == 3  # not 4: order 14 is the train order
    assert user1["user_period"] == 15.0  # not 22: the 7 days of the train order are excluded
    user2 = _row(uf1, user_id=2)
    assert (user2["user_orders"], user2["user_period"]) == (2, 30.0)  # test order excluded


def test_user_features_1_single_prior_order_has_null_period_and_mean(
    contract: dict[str, pd.DataFrame],
) -> None:
    user3 = _row(contract["user_features_1"], user_id=3)

    assert user3["user_orders"] == 1
    assert math.isnan(user3["user_period"])  # SQL sum over only NULLs is NULL, not 0
    assert math.isnan(user3["user_mean_days_since_prior"])


def test_user_features_1_columns_dtypes_and_all_users_with_prior_orders(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf1 = contract["user_features_1"]

    assert list(uf1.columns) == [
        "user_id",
        "user_orders",
        "user_period",
        "user_mean_days_since_prior",
    ]
    assert list(uf1["user_id"]) == [1, 2, 3, 4]
    assert [str(dtype) for dtype in uf1.dtypes] == ["int64", "int64", "float64", "float64"]


# --- user_features_2 ---------------------------------------------------------------------


def test_user_features_2_counts_lines_and_distinct_products(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf2 = contract["user_features_2"]

    assert list(uf2.columns) == [
        "user_id",
        "user_total_products",
        "user_distinct_products",
        "user_reorder_ratio",
    ]
    assert list(uf2["user_id"]) == [1, 2, 3, 4]
    assert list(uf2["user_total_products"]) == [7, 4, 2, 1]
    assert list(uf2["user_distinct_products"]) == [4, 3, 2, 1]
    assert [str(dtype) for dtype in uf2.dtypes] == ["int64", "int64", "int64", "float64"]


def test_user_features_2_reorder_ratio_divides_reorders_by_lines_after_first_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf2 = contract["user_features_2"]

    assert _row(uf2, user_id=1)["user_reorder_ratio"] == 0.6  # 3 reorders / 5 lines in n>1
    assert _row(uf2, user_id=2)["user_reorder_ratio"] == 0.5  # 1 / 2


def test_user_features_2_single_prior_order_has_null_reorder_ratio(
    contract: dict[str, pd.DataFrame],
) -> None:
    uf2 = contract["user_features_2"]

    assert math.isnan(_row(uf2, user_id=3)["user_reorder_ratio"])  # 0 / 0
    assert math.isnan(_row(uf2, user_id=4)["user_reorder_ratio"])
    assert not np.isinf(uf2["user_reorder_ratio"]).any()


# --- up_features -------------------------------------------------------------------------


def test_up_features_counts_non_consecutive_orders(contract: dict[str, pd.DataFrame]) -> None:
    strawberries = _row(contract["up_features"], user_id=1, product_id=2)

    assert strawberries["up_orders"] == 2  # orders 1 and 3, not 2
    assert strawberries["up_first_order"] == 1
    assert strawberries["up_last_order"] == 3
    assert strawberries["up_average_cart_position"] == 1.5  # carts 2 and 1


def test_up_features_one_row_per_bought_pair_in_key_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    up = contract["up_features"]

    assert list(up.columns) == [
        "user_id",
        "product_id",
        "up_orders",
        "up_first_order",
        "up_last_order",
        "up_average_cart_position",
    ]
    assert list(zip(up["user_id"], up["product_id"], strict=True)) == [
        (1, 1),
        (1, 2),
        (1, 3),
        (1, 4),
        (2, 1),
        (2, 2),
        (2, 3),
        (3, 2),
        (3, 4),
        (4, 4),
    ]
    assert list(up["up_orders"]) == [3, 2, 1, 1, 1, 1, 2, 1, 1, 1]
    assert list(up["up_average_cart_position"]) == [
        2.0,
        1.5,
        2.0,
        1.0,
        1.0,
        2.0,
        1.5,
        2.0,
        1.0,
        1.0,
    ]
    assert [str(dtype) for dtype in up.dtypes] == ["int64"] * 5 + ["float64"]


def test_up_features_never_include_products_only_in_a_train_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    up = contract["up_features"]

    assert 5 not in set(up["product_id"])
    assert _row(up, user_id=1, product_id=1)["up_orders"] == 3  # the train line is not a 4th


# --- prd_features ------------------------------------------------------------------------


def test_prd_features_counts_first_and_second_purchases_per_user(
    contract: dict[str, pd.DataFrame],
) -> None:
    prd = contract["prd_features"]

    assert list(prd.columns) == [
        "product_id",
        "prod_orders",
        "prod_reorders",
        "prod_first_orders",
        "prod_second_orders",
    ]
    assert list(prd["product_id"]) == [1, 2, 3, 4]
    assert list(prd["prod_orders"]) == [4, 4, 3, 3]
    assert list(prd["prod_reorders"]) == [2, 1, 1, 0]
    assert list(prd["prod_first_orders"]) == [2, 3, 2, 3]
    assert list(prd["prod_second_orders"]) == [1, 1, 1, 0]
    assert [str(dtype) for dtype in prd.dtypes] == ["int64"] * 5


def test_prd_features_second_order_counted_for_non_consecutive_repurchase(
    contract: dict[str, pd.DataFrame],
) -> None:
    # Product 2's only repurchase is user 1 buying it in orders 1 and 3.
    strawberries = _row(contract["prd_features"], product_id=2)

    assert strawberries["prod_second_orders"] == 1


def test_prd_features_exclude_train_order_lines(contract: dict[str, pd.DataFrame]) -> None:
    prd = contract["prd_features"]

    banana = _row(prd, product_id=1)
    assert (banana["prod_orders"], banana["prod_reorders"]) == (4, 2)  # train line not 5, 3
    yogurt = _row(prd, product_id=3)
    assert (yogurt["prod_orders"], yogurt["prod_reorders"]) == (3, 1)
    assert 5 not in set(prd["product_id"])  # bought only in train orders


# --- result_table ------------------------------------------------------------------------


def test_result_table_has_the_31_contract_columns_in_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    result = contract["result_table"]

    assert len(RESULT_COLUMNS) == 31
    assert list(result.columns) == RESULT_COLUMNS
    assert CONTRACT_COLUMNS["result_table"] == RESULT_COLUMNS


def test_result_table_matches_hand_computed_table_cell_by_cell(
    contract: dict[str, pd.DataFrame],
) -> None:
    pd.testing.assert_frame_equal(
        contract["result_table"], expected_result_table(), check_exact=True
    )


def test_result_table_dtypes_counts_int64_ratios_float64_label_nullable(
    contract: dict[str, pd.DataFrame],
) -> None:
    dtypes = {column: str(dtype) for column, dtype in contract["result_table"].dtypes.items()}

    assert dtypes["eval_set"] == "object"
    assert dtypes["reordered"] == "Int64"
    floats = {
        "user_period",
        "user_mean_days_since_prior",
        "user_reorder_ratio",
        "up_average_cart_position",
        "prod_reorder_probability",
        "prod_reorder_times",
        "prod_reorder_ratio",
        "user_average_basket",
        "up_order_rate",
        "up_order_rate_since_first_order",
        "days_since_prior_order",
    }
    assert {column for column, dtype in dtypes.items() if dtype == "float64"} == floats
    ints = set(RESULT_COLUMNS) - floats - {"eval_set", "reordered"}
    assert len(ints) == 18
    assert {column for column, dtype in dtypes.items() if dtype == "int64"} == ints


def test_result_table_only_users_with_a_train_or_test_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    result = contract["result_table"]

    assert set(result["user_id"]) == {1, 2, 3}  # user 4 has prior orders only
    assert len(result) == 9  # up_features rows of users 1-3


def test_result_table_test_user_has_null_label_and_the_test_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    user2 = contract["result_table"].query("user_id == 2")

    assert len(user2) == 3
    assert user2["reordered"].isna().all()
    assert set(user2["order_id"]) == {23}
    assert set(user2["eval_set"]) == {"test"}
    assert set(user2["order_dow"]) == {6}
    assert set(user2["order_hour_of_day"]) == {12}
    assert set(user2["days_since_prior_order"]) == {3.0}


def test_result_table_train_user_label_is_presence_in_the_train_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    result = contract["result_table"]

    assert _row(result, user_id=1, product_id=1)["reordered"] == 1  # bought before, in order 14
    assert _row(result, user_id=1, product_id=3)["reordered"] == 1
    assert _row(result, user_id=1, product_id=2)["reordered"] == 0  # bought before, not again
    assert _row(result, user_id=1, product_id=4)["reordered"] == 0
    assert _row(result, user_id=3, product_id=2)["reordered"] == 0


def test_result_table_never_has_a_product_first_bought_in_the_train_order(
    contract: dict[str, pd.DataFrame],
) -> None:
    result = contract["result_table"]

    assert 5 not in set(result["product_id"])
    assert list(result.loc[result["user_id"] == 1, "product_id"]) == [1, 2, 3, 4]
    assert list(result.loc[result["user_id"] == 3, "product_id"]) == [2, 4]


def test_result_table_derived_ratios_are_exact_float_divisions(
    contract: dict[str, pd.DataFrame],
) -> None:
    row = _row(contract["result_table"], user_id=1, product_id=2)

    # prod 2: 4 lines, 1 reorder, 3 first, 1 second; user 1: 3 orders, 7 lines; up: 2, 1..3
    assert row["prod_reorder_probability"] == 1 / 3
    assert row["prod_reorder_times"] == 1 + 1 / 3
    assert row["prod_reorder_ratio"] == 0.25
    assert row["user_average_basket"] == 7 / 3
    assert row["up_order_rate"] == 2 / 3
    assert row["up_orders_since_last_order"] == 0
    assert row["up_order_rate_since_first_order"] == 2 / 3  # 2 / (3 - 1 + 1)

    milk = _row(contract["result_table"], user_id=1, product_id=4)
    assert milk["up_orders_since_last_order"] == 1  # 3 - 2
    assert milk["up_order_rate_since_first_order"] == 0.5  # 1 / (3 - 2 + 1)
    assert milk["prod_reorder_probability"] == 0.0  # 0 / 3, not integer-division artefacts


def test_result_table_single_prior_order_user_keeps_null_history_features(
    contract: dict[str, pd.DataFrame],
) -> None:
    row = _row(contract["result_table"], user_id=3, product_id=4)

    assert math.isnan(row["user_reorder_ratio"])
    assert math.isnan(row["user_period"])
    assert row["user_average_basket"] == 2.0  # 2 lines / 1 order
    assert (row["order_id"], row["eval_set"], row["days_since_prior_order"]) == (32, "train", 8.0)


def test_result_table_division_by_zero_gives_nan_not_inf() -> None:
    # Degenerate feature rows whose every divisor is 0 and every numerator is not:
    # user_orders 0, up_first_order 1 (so user_orders - up_first_order + 1 = 0),
    # prod_first_orders 0, prod_orders 0.
    result = build_result_table(
        orders=_frame(
            [
                "order_id",
                "user_id",
                "eval_set",
                "order_number",
                "order_dow",
                "order_hour_of_day",
                "days_since_prior_order",
            ],
            [(90, 9, "train", 2, 1, 1, 4.0)],
        ),
        products=_frame(
            ["product_id", "product_name", "aisle_id", "department_id"], [(7, "x", 1, 1)]
        ),
        order_products__train=_frame(
            ["order_id", "product_id", "add_to_cart_order", "reordered"], [(90, 7, 1, 1)]
        ),
        user_features_1=_frame(
            ["user_id", "user_orders", "user_period", "user_mean_days_since_prior"],
            [(9, 0, 1.0, 1.0)],
        ),
        user_features_2=_frame(
            ["user_id", "user_total_products", "user_distinct_products", "user_reorder_ratio"],
            [(9, 3, 1, 0.5)],
        ),
        up_features=_frame(
            [
                "user_id",
                "product_id",
                "up_orders",
                "up_first_order",
                "up_last_order",
                "up_average_cart_position",
            ],
            [(9, 7, 1, 1, 1, 1.0)],
        ),
        prd_features=_frame(
            [
                "product_id",
                "prod_orders",
                "prod_reorders",
                "prod_first_orders",
                "prod_second_orders",
            ],
            [(7, 0, 2, 0, 1)],
        ),
    )

    row = result.iloc[0]
    for column in [
        "prod_reorder_probability",
        "prod_reorder_times",
        "prod_reorder_ratio",
        "user_average_basket",
        "up_order_rate",
        "up_order_rate_since_first_order",
    ]:
        assert math.isnan(row[column]), column
    assert row["up_orders_since_last_order"] == -1  # a plain int64 difference, 0 - 1
    assert row["reordered"] == 1


def test_result_table_rejects_a_user_with_two_target_orders() -> None:
    tables = hand_tables()
    extra = _frame(list(tables["orders"].columns), [(24, 2, "train", 4, 0, 9, 2.0)])
    tables["orders"] = pd.concat([tables["orders"], extra], ignore_index=True)

    with pytest.raises(ValueError, match=r"more than one train/test order: \[2\]"):
        compute_contract(tables)


def test_compute_contract_leaves_its_input_tables_unchanged() -> None:
    tables = hand_tables()

    compute_contract(tables)

    for name, frame in hand_tables().items():
        pd.testing.assert_frame_equal(tables[name], frame, check_exact=True, obj=name)
