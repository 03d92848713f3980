"""The feature contract written the way a pandas notebook would: read, groupby/agg, merge.

This is an implementation independent of the dbt models. Tests use it to check those models
cell by cell and to check the learnability of the synthetic generator; the benchmark runs it
as the "pandas notebook" baseline.

Every feature table is built from prior orders only: nothing from a user's train or test order
(its lines, its order_number, its days_since_prior_order) reaches a history feature. The
train order is used for one thing, the label of ``result_table``.

Usage::

    tables = read_drop(Path("data/drops/demo"))
    contract = compute_contract(tables)
    contract["result_table"]  # one row per (user_id, product_id) with a train/test target
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from flows.bench.baselines.contract import CONTRACT_KEYS, INPUT_SCHEMA

# The input files' columns (INPUT_SCHEMA) and each output table's key (CONTRACT_KEYS, every
# table is returned sorted by it, with a fresh RangeIndex) are in flows/bench/baselines/contract.py.

# --- output ------------------------------------------------------------------------------

# Output dtype of every column, in contract column order. "object" columns hold Python str.
CONTRACT_DTYPES: dict[str, dict[str, str]] = {
    "order_products_prior": {
        "order_id": "int64",
        "user_id": "int64",
        "eval_set": "object",
        "order_number": "int64",
        "order_dow": "int64",
        "order_hour_of_day": "int64",
        "days_since_prior_order": "float64",
        "product_id": "int64",
        "add_to_cart_order": "int64",
        "reordered": "int64",
    },
    "user_features_1": {
        "user_id": "int64",
        "user_orders": "int64",
        "user_period": "float64",
        "user_mean_days_since_prior": "float64",
    },
    "user_features_2": {
        "user_id": "int64",
        "user_total_products": "int64",
        "user_distinct_products": "int64",
        "user_reorder_ratio": "float64",
    },
    "up_features": {
        "user_id": "int64",
        "product_id": "int64",
        "up_orders": "int64",
        "up_first_order": "int64",
        "up_last_order": "int64",
        "up_average_cart_position": "float64",
    },
    "prd_features": {
        "product_id": "int64",
        "prod_orders": "int64",
        "prod_reorders": "int64",
        "prod_first_orders": "int64",
        "prod_second_orders": "int64",
    },
    "result_table": {
        "user_id": "int64",
        "product_id": "int64",
        "order_id": "int64",
        "eval_set": "object",
        "user_orders": "int64",
        "user_period": "float64",
        "user_mean_days_since_prior": "float64",
        "user_total_products": "int64",
        "user_distinct_products": "int64",
        "user_reorder_ratio": "float64",
        "up_orders": "int64",
        "up_first_order": "int64",
        "up_last_order": "int64",
        "up_average_cart_position": "float64",
        "prod_orders": "int64",
        "prod_reorders": "int64",
        "prod_first_orders": "int64",
        "prod_second_orders": "int64",
        "prod_reorder_probability": "float64",
        "prod_reorder_times": "float64",
        "prod_reorder_ratio": "float64",
        "user_average_basket": "float64",
        "up_order_rate": "float64",
        "up_orders_since_last_order": "int64",
        "up_order_rate_since_first_order": "float64",
        "aisle_id": "int64",
        "department_id": "int64",
        "order_dow": "int64",
        "order_hour_of_day": "int64",
        "days_since_prior_order": "float64",
        "reordered": "Int64",
    },
}

CONTRACT_COLUMNS: dict[str, list[str]] = {
    table: list(dtypes) for table, dtypes in CONTRACT_DTYPES.items()
}

TARGET_EVAL_SETS = ("train", "test")
# Columns of the target (train/test) order copied into result_table as context.
TARGET_CONTEXT = ("order_dow", "order_hour_of_day", "days_since_prior_order")


def read_drop(folder: Path) -> dict[str, pd.DataFrame]:
    """Read the six CSVs of a drop folder; each may be ``<name>.csv`` or ``<name>.csv.gz``.

    Headers must match the Instacart ones exactly (same names, same order). Ids and small
    integers come back int64, days_since_prior_order float64 (NaN where the cell is empty),
    names and eval_set as str. Only an empty days_since_prior_order cell counts as missing:
    a product called "NA" stays the string "NA".
    """
    return {name: _read_table(Path(folder), name, schema) for name, schema in INPUT_SCHEMA.items()}


def drop_file(folder: Path, name: str) -> Path:
    """The one file of table `name` in a drop folder: ``<name>.csv`` or ``<name>.csv.gz``."""
    candidates = (folder / f"{name}.csv", folder / f"{name}.csv.gz")
    present = [path for path in candidates if path.is_file()]
    if not present:
        raise FileNotFoundError(f"{folder} has neither {name}.csv nor {name}.csv.gz")
    if len(present) > 1:
        raise ValueError(f"{folder} has both {name}.csv and {name}.csv.gz; keep one")
    return present[0]


def _read_table(folder: Path, name: str, schema: dict[str, str]) -> pd.DataFrame:
    path = drop_file(folder, name)

    header = list(pd.read_csv(path, nrows=0).columns)
    if header != list(schema):
        raise ValueError(f"{path}: header {header} is not the expected {list(schema)}")

    dtypes = {column: (str if dtype == "str" else dtype) for column, dtype in schema.items()}
    na_values = {column: [""] for column, dtype in schema.items() if dtype == "float64"}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=na_values)


# --- the contract, one function per table ------------------------------------------------


def compute_contract(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """All six contract tables from the input tables of ``read_drop`` (inputs are not changed)."""
    orders = tables["orders"]
    opp = build_order_products_prior(orders, tables["order_products__prior"])
    uf1 = build_user_features_1(orders)
    uf2 = build_user_features_2(opp)
    up = build_up_features(opp)
    prd = build_prd_features(opp)
    result = build_result_table(
        orders=orders,
        products=tables["products"],
        order_products__train=tables["order_products__train"],
        user_features_1=uf1,
        user_features_2=uf2,
        up_features=up,
        prd_features=prd,
    )
    return {
        "order_products_prior": opp,
        "user_features_1": uf1,
        "user_features_2": uf2,
        "up_features": up,
        "prd_features": prd,
        "result_table": result,
    }


def build_order_products_prior(
    orders: pd.DataFrame, order_products__prior: pd.DataFrame
) -> pd.DataFrame:
    """Prior orders inner-joined to the prior order lines.

    A line whose order is not a prior order (or not in orders at all) is dropped.
    """
    prior_orders = orders[orders["eval_set"] == "prior"]
    lines = order_products__prior[["order_id", "product_id", "add_to_cart_order", "reordered"]]
    opp = prior_orders.merge(lines, on="order_id", how="inner")
    return _finish(opp, "order_products_prior")


def build_user_features_1(orders: pd.DataFrame) -> pd.DataFrame:
    """Per user, from the user's prior orders in orders (lines are not needed).

    Sum and mean of days_since_prior_order skip NULLs like SQL does, so a user whose only
    prior order is order 1 gets NULL (NaN) for both, not 0.
    """
    by_user = orders[orders["eval_set"] == "prior"].groupby("user_id")
    uf1 = pd.DataFrame(
        {
            "user_orders": by_user["order_number"].max(),
            "user_period": by_user["days_since_prior_order"].sum(min_count=1),
            "user_mean_days_since_prior": by_user["days_since_prior_order"].mean(),
        }
    ).reset_index()
    return _finish(uf1, "user_features_1")


def build_user_features_2(order_products_prior: pd.DataFrame) -> pd.DataFrame:
    """Per user, from the prior lines: basket totals and the reorder ratio.

    user_reorder_ratio = lines with reordered = 1 / lines in orders after the first;
    NULL (NaN) when the user has no line after order 1.
    """
    lines = order_products_prior.assign(
        is_reorder=(order_products_prior["reordered"] == 1).astype("int64"),
        after_first=(order_products_prior["order_number"] > 1).astype("int64"),
    )
    uf2 = lines.groupby("user_id", as_index=False).agg(
        user_total_products=("product_id", "size"),
        user_distinct_products=("product_id", "nunique"),
        reorders=("is_reorder", "sum"),
        lines_after_first=("after_first", "sum"),
    )
    uf2["user_reorder_ratio"] = _safe_divide(uf2["reorders"], uf2["lines_after_first"])
    return _finish(uf2, "user_features_2")


def build_up_features(order_products_prior: pd.DataFrame) -> pd.DataFrame:
    """Per (user, product), from the prior lines."""
    up = order_products_prior.groupby(["user_id", "product_id"], as_index=False).agg(
        up_orders=("order_id", "size"),
        up_first_order=("order_number", "min"),
        up_last_order=("order_number", "max"),
        up_average_cart_position=("add_to_cart_order", "mean"),
    )
    return _finish(up, "up_features")


def build_prd_features(order_products_prior: pd.DataFrame) -> pd.DataFrame:
    """Per product, from the prior lines.

    product_seq_time is row_number() over (partition by user_id, product_id order by
    order_number): 1 on a user's first purchase of the product, 2 on the second, ...
    prod_first_orders / prod_second_orders count the lines where it is 1 / 2.
    """
    lines = order_products_prior.sort_values(
        ["user_id", "product_id", "order_number"], kind="stable"
    )
    seq = lines.groupby(["user_id", "product_id"]).cumcount() + 1
    lines = lines.assign(
        first_time=(seq == 1).astype("int64"),
        second_time=(seq == 2).astype("int64"),
    )
    prd = lines.groupby("product_id", as_index=False).agg(
        prod_orders=("order_id", "size"),
        prod_reorders=("reordered", "sum"),
        prod_first_orders=("first_time", "sum"),
        prod_second_orders=("second_time", "sum"),
    )
    return _finish(prd, "prd_features")


def build_result_table(
    *,
    orders: pd.DataFrame,
    products: pd.DataFrame,
    order_products__train: pd.DataFrame,
    user_features_1: pd.DataFrame,
    user_features_2: pd.DataFrame,
    up_features: pd.DataFrame,
    prd_features: pd.DataFrame,
) -> pd.DataFrame:
    """One row per (user, product) of up_features whose user has a train or test order.

    Features come from prior history only; the target order contributes its id, eval_set,
    time context and, for train users, the label (is the product in the train order).
    """
    target_columns = ["user_id", "order_id", "eval_set", *TARGET_CONTEXT]
    targets = orders.loc[orders["eval_set"].isin(TARGET_EVAL_SETS), target_columns]
    repeated = targets["user_id"].duplicated(keep=False)
    if repeated.any():
        users = sorted(targets.loc[repeated, "user_id"].unique().tolist())[:10]
        raise ValueError(f"users with more than one train/test order: {users}")

    rt = (
        up_features.merge(targets, on="user_id", how="inner")
        .merge(user_features_1, on="user_id", how="left", validate="many_to_one")
        .merge(user_features_2, on="user_id", how="left", validate="many_to_one")
        .merge(prd_features, on="product_id", how="left", validate="many_to_one")
        .merge(
            products[["product_id", "aisle_id", "department_id"]],
            on="product_id",
            how="left",
            validate="many_to_one",
            indicator="_in_products",
        )
    )
    missing = rt["_in_products"] == "left_only"
    if missing.any():
        ids = sorted(rt.loc[missing, "product_id"].unique().tolist())[:10]
        raise ValueError(f"products bought in prior orders but absent from products: {ids}")

    rt["prod_reorder_probability"] = _safe_divide(rt["prod_second_orders"], rt["prod_first_orders"])
    rt["prod_reorder_times"] = 1 + _safe_divide(rt["prod_reorders"], rt["prod_first_orders"])
    rt["prod_reorder_ratio"] = _safe_divide(rt["prod_reorders"], rt["prod_orders"])
    rt["user_average_basket"] = _safe_divide(rt["user_total_products"], rt["user_orders"])
    rt["up_order_rate"] = _safe_divide(rt["up_orders"], rt["user_orders"])
    rt["up_orders_since_last_order"] = rt["user_orders"] - rt["up_last_order"]
    rt["up_order_rate_since_first_order"] = _safe_divide(
        rt["up_orders"], rt["user_orders"] - rt["up_first_order"] + 1
    )

    # Label: presence of the product in the user's train order; NULL for test users.
    train_lines = order_products__train[["order_id", "product_id"]].drop_duplicates()
    rt = rt.merge(train_lines.assign(_in_train=1), on=["order_id", "product_id"], how="left")
    in_train = rt["_in_train"].fillna(0).astype("int64")
    rt["reordered"] = in_train.astype("Int64").where(rt["eval_set"] == "train", pd.NA)
    return _finish(rt, "result_table")


# --- helpers -----------------------------------------------------------------------------


def _safe_divide(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Float division with SQL-like NULL on a zero (or NULL) divisor: NaN, never inf."""
    num = numerator.astype("float64")
    den = denominator.astype("float64")
    return (num / den).where(den != 0)


def _finish(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Contract columns in contract order and dtypes, sorted by the key, fresh index."""
    return (
        frame[CONTRACT_COLUMNS[table]]
        .sort_values(CONTRACT_KEYS[table], kind="stable")
        .reset_index(drop=True)
        .astype(CONTRACT_DTYPES[table])
    )
