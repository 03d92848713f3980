"""The contract's shape, shared by both baselines and the benchmark: the input files'
columns and each output table's key. Plain data, so that the benchmark's command line loads
neither pandas nor Spark to read it."""

# Header (in file order) and dtype of every input column; the dtype is also the output dtype
# of pandas_contract.read_drop. Names and eval_set are strings; days_since_prior_order is
# float with NaN.
INPUT_SCHEMA: dict[str, dict[str, str]] = {
    "aisles": {"aisle_id": "int64", "aisle": "str"},
    "departments": {"department_id": "int64", "department": "str"},
    "products": {
        "product_id": "int64",
        "product_name": "str",
        "aisle_id": "int64",
        "department_id": "int64",
    },
    "orders": {
        "order_id": "int64",
        "user_id": "int64",
        "eval_set": "str",
        "order_number": "int64",
        "order_dow": "int64",
        "order_hour_of_day": "int64",
        "days_since_prior_order": "float64",
    },
    "order_products__prior": {
        "order_id": "int64",
        "product_id": "int64",
        "add_to_cart_order": "int64",
        "reordered": "int64",
    },
    "order_products__train": {
        "order_id": "int64",
        "product_id": "int64",
        "add_to_cart_order": "int64",
        "reordered": "int64",
    },
}

# The key of each output table; a baseline returns every table sorted by it.
CONTRACT_KEYS: dict[str, list[str]] = {
    "order_products_prior": ["order_id", "product_id"],
    "user_features_1": ["user_id"],
    "user_features_2": ["user_id"],
    "up_features": ["user_id", "product_id"],
    "prd_features": ["product_id"],
    "result_table": ["user_id", "product_id"],
}
