"""The feature contract written the way a Spark job would (the original Glue approach):
DataFrames read from the CSVs, joins, groupBy/agg and one window.

A second implementation beside flows/bench/baselines/pandas_contract.py, computing the same six
tables from the same drop with the same rules (prior history only; the train order gives
the label). The benchmark runs it on `local[2]` as the "PySpark job" baseline; tests check
it equals the pandas contract.

Usage::

    spark = local_session()
    tables = compute_contract(read_drop(spark, Path("data/drops/demo")))
    write_contract(tables, Path("out"))        # parquet, one folder per table
    frames = to_pandas(tables)                  # as pandas_contract returns them
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from flows.bench.baselines.contract import CONTRACT_KEYS, INPUT_SCHEMA
from flows.bench.baselines.pandas_contract import (
    CONTRACT_COLUMNS,
    CONTRACT_DTYPES,
    TARGET_CONTEXT,
    TARGET_EVAL_SETS,
    drop_file,
)

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

SPARK_TYPES = {"int64": "bigint", "float64": "double", "str": "string"}


def local_session(cores: int = 2, memory: str = "3g") -> SparkSession:
    """A Spark session on this machine's `cores`, bound to 127.0.0.1, with no UI."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("reorder-contract-baseline")
        .config("spark.driver.memory", memory)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores * 4))
        .getOrCreate()
    )


def read_drop(spark: SparkSession, folder: Path) -> dict[str, DataFrame]:
    """The six CSVs of a drop folder (`.csv` or `.csv.gz`) with the Instacart schema; an
    empty cell is NULL, quoted names keep their commas and doubled quotes."""
    tables = {}
    for name, columns in INPUT_SCHEMA.items():
        schema = ", ".join(f"{column} {SPARK_TYPES[kind]}" for column, kind in columns.items())
        tables[name] = spark.read.csv(
            str(drop_file(folder, name)),
            schema=schema,
            header=True,
            quote='"',
            escape='"',
            mode="FAILFAST",
        )
    return tables


def compute_contract(tables: dict[str, DataFrame]) -> dict[str, DataFrame]:
    """All six contract tables, lazily: nothing runs until they are written or collected."""
    from pyspark.sql import Window
    from pyspark.sql import functions as sf

    orders = tables["orders"]
    prior_orders = orders.filter(sf.col("eval_set") == "prior")
    lines = tables["order_products__prior"]
    opp = prior_orders.join(lines, "order_id")

    uf1 = prior_orders.groupBy("user_id").agg(
        sf.max("order_number").alias("user_orders"),
        sf.sum("days_since_prior_order").alias("user_period"),
        sf.avg("days_since_prior_order").alias("user_mean_days_since_prior"),
    )
    uf2 = (
        opp.groupBy("user_id")
        .agg(
            sf.count(sf.lit(1)).alias("user_total_products"),
            sf.countDistinct("product_id").alias("user_distinct_products"),
            sf.sum(sf.when(sf.col("reordered") == 1, 1).otherwise(0)).alias("reorders"),
            sf.sum(sf.when(sf.col("order_number") > 1, 1).otherwise(0)).alias("after_first"),
        )
        .withColumn("user_reorder_ratio", _ratio(sf.col("reorders"), sf.col("after_first")))
    )
    up = opp.groupBy("user_id", "product_id").agg(
        sf.count(sf.lit(1)).alias("up_orders"),
        sf.min("order_number").alias("up_first_order"),
        sf.max("order_number").alias("up_last_order"),
        sf.avg("add_to_cart_order").alias("up_average_cart_position"),
    )
    purchase = Window.partitionBy("user_id", "product_id").orderBy("order_number")
    prd = (
        opp.withColumn("product_seq_time", sf.row_number().over(purchase))
        .groupBy("product_id")
        .agg(
            sf.count(sf.lit(1)).alias("prod_orders"),
            sf.sum("reordered").alias("prod_reorders"),
            sf.sum(sf.when(sf.col("product_seq_time") == 1, 1).otherwise(0)).alias(
                "prod_first_orders"
            ),
            sf.sum(sf.when(sf.col("product_seq_time") == 2, 1).otherwise(0)).alias(
                "prod_second_orders"
            ),
        )
    )

    targets = orders.filter(sf.col("eval_set").isin(*TARGET_EVAL_SETS)).select(
        "user_id", "order_id", "eval_set", *TARGET_CONTEXT
    )
    train_lines = (
        tables["order_products__train"]
        .select("order_id", "product_id")
        .distinct()
        .withColumn("in_train", sf.lit(1))
    )
    result = (
        up.join(targets, "user_id")
        .join(uf1, "user_id", "left")
        .join(uf2, "user_id", "left")
        .join(prd, "product_id", "left")
        .join(tables["products"].select("product_id", "aisle_id", "department_id"), "product_id")
        .join(train_lines, ["order_id", "product_id"], "left")
        .withColumn(
            "prod_reorder_probability",
            _ratio(sf.col("prod_second_orders"), sf.col("prod_first_orders")),
        )
        .withColumn(
            "prod_reorder_times", 1 + _ratio(sf.col("prod_reorders"), sf.col("prod_first_orders"))
        )
        .withColumn("prod_reorder_ratio", _ratio(sf.col("prod_reorders"), sf.col("prod_orders")))
        .withColumn(
            "user_average_basket", _ratio(sf.col("user_total_products"), sf.col("user_orders"))
        )
        .withColumn("up_order_rate", _ratio(sf.col("up_orders"), sf.col("user_orders")))
        .withColumn("up_orders_since_last_order", sf.col("user_orders") - sf.col("up_last_order"))
        .withColumn(
            "up_order_rate_since_first_order",
            _ratio(sf.col("up_orders"), sf.col("user_orders") - sf.col("up_first_order") + 1),
        )
        .withColumn(
            "reordered",
            sf.when(sf.col("eval_set") == "train", sf.coalesce(sf.col("in_train"), sf.lit(0))),
        )
    )
    built = {
        "order_products_prior": opp,
        "user_features_1": uf1,
        "user_features_2": uf2,
        "up_features": up,
        "prd_features": prd,
        "result_table": result,
    }
    return {table: frame.select(*CONTRACT_COLUMNS[table]) for table, frame in built.items()}


def write_contract(tables: dict[str, DataFrame], out: Path) -> None:
    """Each table as parquet under out/<table>/, replacing what was there."""
    for table, frame in tables.items():
        frame.write.mode("overwrite").parquet(str(out / table))


def to_pandas(tables: dict[str, DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables collected as pandas_contract returns them: its columns, dtypes and order."""
    return {
        table: frame.toPandas()
        .sort_values(CONTRACT_KEYS[table], kind="stable")
        .reset_index(drop=True)
        .astype(CONTRACT_DTYPES[table])
        for table, frame in tables.items()
    }


def _ratio(numerator: Column, denominator: Column) -> Column:
    """A float division that is NULL on a zero or NULL divisor, as in the SQL models."""
    from pyspark.sql import functions as sf

    return sf.when(denominator != 0, numerator.cast("double") / denominator)
