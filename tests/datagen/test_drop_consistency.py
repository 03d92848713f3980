"""Every rule of the Instacart schema holds in a generated drop, row by row."""

import numpy as np
import pandas as pd
import pytest

from datagen.calibration import PUBLISHED


@pytest.fixture(scope="module")
def orders(sample_tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    frame = sample_tables["orders"].copy()
    for column in ("order_id", "user_id", "order_number", "order_dow", "order_hour_of_day"):
        frame[column] = frame[column].astype(np.int64)
    frame["days"] = pd.to_numeric(frame["days_since_prior_order"].replace("", np.nan))
    return frame


@pytest.fixture(scope="module")
def lines(sample_tables: dict[str, pd.DataFrame], orders: pd.DataFrame) -> pd.DataFrame:
    """Prior and train lines together, with each line's user and order number."""
    both = pd.concat(
        [
            sample_tables["order_products__prior"].assign(file="prior"),
            sample_tables["order_products__train"].assign(file="train"),
        ]
    )
    for column in ("order_id", "product_id", "add_to_cart_order", "reordered"):
        both[column] = both[column].astype(np.int64)
    return both.merge(orders[["order_id", "user_id", "order_number", "eval_set"]], on="order_id")


def test_order_numbers_run_from_one_without_gaps(orders: pd.DataFrame) -> None:
    per_user = orders.groupby("user_id")["order_number"]
    assert (per_user.min() == 1).all()
    assert (per_user.max() == per_user.size()).all()
    assert not orders.duplicated(["user_id", "order_number"]).any()
    assert orders["order_id"].is_unique


def test_each_user_has_4_to_100_orders(orders: pd.DataFrame) -> None:
    counts = orders.groupby("user_id").size()
    assert counts.min() >= PUBLISHED.min_orders_per_user
    assert counts.max() <= PUBLISHED.max_orders_per_user


def test_only_the_last_order_is_train_or_test(orders: pd.DataFrame) -> None:
    last = orders["order_number"] == orders.groupby("user_id")["order_number"].transform("max")
    assert orders.loc[last, "eval_set"].isin(["train", "test"]).all()
    assert (orders.loc[~last, "eval_set"] == "prior").all()


def test_days_are_empty_exactly_on_the_first_order(orders: pd.DataFrame) -> None:
    first = orders["order_number"] == 1
    assert orders.loc[first, "days"].isna().all()
    later = orders.loc[~first, "days"]
    assert later.notna().all()
    assert later.between(0, 30).all()
    assert (later == later.round()).all()


def test_weekday_and_hour_are_in_range(orders: pd.DataFrame) -> None:
    assert orders["order_dow"].between(0, 6).all()
    assert orders["order_hour_of_day"].between(0, 23).all()


def test_orders_file_is_sorted_by_user_then_order_number(orders: pd.DataFrame) -> None:
    keys = orders[["user_id", "order_number"]].to_numpy()
    assert (np.diff(keys[:, 0]) >= 0).all()
    same_user = np.diff(keys[:, 0]) == 0
    assert (np.diff(keys[:, 1])[same_user] == 1).all()


def test_prior_lines_belong_to_prior_orders_and_train_lines_to_train_orders(
    lines: pd.DataFrame, orders: pd.DataFrame
) -> None:
    assert (lines["file"] == lines["eval_set"]).all()
    ordered = set(lines["order_id"])
    assert not ordered & set(orders.loc[orders["eval_set"] == "test", "order_id"])
    # Every prior and every train order has at least one line.
    assert set(orders.loc[orders["eval_set"] != "test", "order_id"]) == ordered


def test_cart_positions_run_from_one_to_the_basket_size(lines: pd.DataFrame) -> None:
    per_order = lines.groupby("order_id")["add_to_cart_order"]
    assert (per_order.min() == 1).all()
    assert (per_order.max() == per_order.size()).all()
    assert not lines.duplicated(["order_id", "add_to_cart_order"]).any()


def test_a_product_appears_at_most_once_per_order(lines: pd.DataFrame) -> None:
    assert not lines.duplicated(["order_id", "product_id"]).any()


def test_reordered_is_one_exactly_when_bought_in_an_earlier_order(lines: pd.DataFrame) -> None:
    ranked = lines.sort_values(["user_id", "product_id", "order_number"])
    bought_before = ranked.duplicated(["user_id", "product_id"], keep="first")
    assert (ranked["reordered"] == bought_before.astype(np.int64)).all()
    assert (lines.loc[lines["order_number"] == 1, "reordered"] == 0).all()


def test_line_files_are_sorted_by_order_then_cart_position(
    sample_tables: dict[str, pd.DataFrame],
) -> None:
    for name in ("order_products__prior", "order_products__train"):
        keys = sample_tables[name][["order_id", "add_to_cart_order"]].astype(np.int64).to_numpy()
        order_step = np.diff(keys[:, 0])
        assert (order_step >= 0).all(), name
        assert (np.diff(keys[:, 1])[order_step == 0] == 1).all(), name


def test_products_aisles_and_departments_reference_each_other(
    sample_tables: dict[str, pd.DataFrame], lines: pd.DataFrame
) -> None:
    products = sample_tables["products"].astype({"product_id": int, "aisle_id": int})
    products["department_id"] = products["department_id"].astype(int)
    aisles = sample_tables["aisles"]["aisle_id"].astype(int)
    departments = sample_tables["departments"]["department_id"].astype(int)
    assert list(products["product_id"]) == list(range(1, len(products) + 1))
    assert list(aisles) == list(range(1, PUBLISHED.n_aisles + 1))
    assert list(departments) == list(range(1, PUBLISHED.n_departments + 1))
    assert products["aisle_id"].isin(aisles).all()
    assert products["department_id"].isin(departments).all()
    # An aisle sits in one department.
    assert (products.groupby("aisle_id")["department_id"].nunique() == 1).all()
    assert set(lines["product_id"]) <= set(products["product_id"])
    assert products["product_name"].is_unique
