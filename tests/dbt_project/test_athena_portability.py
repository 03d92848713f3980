"""The athena target, offline: compiled SQL is Trino SQL, the raw tables' DDL is right, and
`dbt parse --target athena` works with no AWS access.

dbt runs as a subprocess (its global state stays out of this process) with fake
credentials, the EC2 metadata service disabled and its own target and log folders;
`--no-populate-cache` keeps compile and run-operation from calling AWS. The rules a compiled
statement must follow live in athena_rules.py, unit-tested at the end of this file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import sqlglot
from athena_rules import TRINO_FUNCTIONS, portability_problems
from conftest import FIRST_STAGED_DT
from offline_dbt import run_dbt
from sqlglot import exp
from sqlglot.errors import ErrorLevel

REPO = Path(__file__).resolve().parents[2]
MODELS = sorted(path.relative_to(REPO) for path in (REPO / "models").rglob("*.sql"))

# Compiled models known not to run on Athena, with the reason. They are expected to fail
# (strict): once one is fixed its test passes, which fails the run until it leaves this list.
# The files' exact headers (DESIGN.md, "Source files"): OpenCSVSerde maps fields by position.
RAW_HEADERS = {
    "aisles": ["aisle_id", "aisle"],
    "departments": ["department_id", "department"],
    "products": ["product_id", "product_name", "aisle_id", "department_id"],
    "orders": [
        "order_id",
        "user_id",
        "eval_set",
        "order_number",
        "order_dow",
        "order_hour_of_day",
        "days_since_prior_order",
    ],
    "order_products__prior": ["order_id", "product_id", "add_to_cart_order", "reordered"],
    "order_products__train": ["order_id", "product_id", "add_to_cart_order", "reordered"],
    "drops": ["kind"],  # the landing source: each landed date's drop kind
}


@pytest.fixture(scope="module")
def raw_tables_ddl(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The create_raw_tables operation's statements, printed by its dry run."""
    folder = tmp_path_factory.mktemp("create_raw_tables")
    args = ["--quiet", "run-operation", "create_raw_tables", "--args", "{dry_run: true}"]
    env = {"REORDER_LAKE_URI": "s3://test-lake/prefix/", "REORDER_ATHENA_RAW_SCHEMA": "raw_test"}
    return run_dbt([*args, "--no-populate-cache"], folder, env).check().result.stdout


# --- compiled SQL --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(
            model,
            id=model.stem,
        )
        for model in MODELS
    ],
)
def test_compiled_model_is_trino_sql(athena_compile: Path, model: Path) -> None:
    compiled = athena_compile / "compiled" / "reorder" / model
    assert compiled.is_file(), f"{model} was not compiled"
    problems = portability_problems(compiled.read_text())
    assert not problems, f"{model} on Athena:\n" + "\n".join(problems)


@pytest.mark.parametrize("table", [name for name in RAW_HEADERS if name != "drops"])
def test_staging_reads_the_raw_zone_from_the_latest_snapshot_on(
    athena_compile: Path, table: str
) -> None:
    """Only the dt partitions from the latest snapshot on are read: a literal bound on the
    projected partition column, which Athena prunes by."""
    compiled = athena_compile / "compiled" / "reorder" / "models" / "staging" / "instacart"
    sql = (compiled / "base" / f"base_instacart__{table}.sql").read_text()
    statement = sqlglot.parse_one(sql, read="athena", error_level=ErrorLevel.RAISE)
    reads = [raw for raw in statement.find_all(exp.Table) if raw.name == table]
    assert len(reads) == 1, sql
    bound = reads[0].find_ancestor(exp.Select).args["where"].this
    assert isinstance(bound, exp.GTE)
    assert (bound.this.name, bound.expression.this) == ("dt", FIRST_STAGED_DT)


def test_result_table_is_not_sorted_on_athena(athena_compile: Path) -> None:
    """Locally the model sorts its rows into the published order (file_order_by); Athena
    writes parts that compaction sorts, so a sort there would be work thrown away."""
    compiled = athena_compile / "compiled" / "reorder" / "models" / "sandbox" / "result_table.sql"
    statement = sqlglot.parse_one(compiled.read_text(), read="athena")
    assert not list(statement.find_all(exp.Order))


def test_compiled_data_tests_are_trino_sql(athena_compile: Path) -> None:
    """Data tests run on Athena too: generic ones (under models/<yml>/) and singular ones."""
    root = athena_compile / "compiled" / "reorder"
    models = {root / model for model in MODELS}
    tests = sorted(path for path in root.rglob("*.sql") if path not in models)
    assert tests, "no compiled data tests found"
    problems = {
        str(path.relative_to(root)): found
        for path in tests
        if (found := portability_problems(path.read_text()))
    }
    assert not problems, json.dumps(problems, indent=2)


def test_ha_hive_tables_have_a_unique_location(athena_compile: Path) -> None:
    """dbt-athena swaps `ha` hive tables only between unique locations (table.sql checks it)."""
    manifest = json.loads((athena_compile / "manifest.json").read_text())
    refused = {}
    for node in manifest["nodes"].values():
        config = node["config"]
        if node["resource_type"] != "model" or config["materialized"] != "table":
            continue
        if config.get("table_type", "hive") != "hive" or not config.get("ha"):
            continue
        naming = config.get("s3_data_naming") or "table_unique"
        if "unique" not in naming or config.get("external_location"):
            refused[node["name"]] = (naming, config.get("external_location"))
    assert not refused, refused


PARTITIONED = {"order_products_prior": ["order_season"], "result_by_department": ["department_id"]}


def _final_columns(athena_compile: Path, node: dict) -> list[str]:
    """The names a compiled model selects: each model ends in `select * from final`."""
    compiled = athena_compile / "compiled" / "reorder" / node["original_file_path"]
    statement = sqlglot.parse_one(compiled.read_text(), read="athena")
    final = next(cte for cte in statement.find_all(exp.CTE) if cte.alias == "final")
    return [column.alias_or_name for column in final.this.expressions]


def test_partitioned_tables_select_their_partition_columns_last(athena_compile: Path) -> None:
    """Athena's CTAS takes a partitioned table's partition columns from the end of its select,
    in order; the lake's Hive folders put them last too. The department copy holds the
    published result's columns, its partition moved last."""
    manifest = json.loads((athena_compile / "manifest.json").read_text())
    models = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    partitioned = {name: n["config"]["partitioned_by"] for name, n in models.items()
                   if n["config"].get("partitioned_by")}  # fmt: skip
    assert partitioned == PARTITIONED
    for name, columns in PARTITIONED.items():
        config = models[name]["config"]
        assert (config["format"], config["write_compression"]) == ("parquet", "zstd"), name
        names = _final_columns(athena_compile, models[name])
        assert names[len(names) - len(columns) :] == columns, name
    published = _final_columns(athena_compile, models["result_table"])
    moved = [name for name in published if name != "department_id"] + ["department_id"]
    assert _final_columns(athena_compile, models["result_by_department"]) == moved


# --- the raw tables ------------------------------------------------------------------------


def test_create_raw_tables_creates_the_schema_and_the_raw_tables(raw_tables_ddl: str) -> None:
    statements = sqlglot.parse(raw_tables_ddl, read="athena", error_level=ErrorLevel.RAISE)
    statements = [statement for statement in statements if statement is not None]
    assert [statement.args["kind"] for statement in statements] == ["SCHEMA"] + ["TABLE"] * 7
    schema = statements[0]
    assert schema.args["exists"] and schema.this.sql() == "raw_test"
    tables = {statement.this.this.name: statement for statement in statements[1:]}
    assert list(tables) == list(RAW_HEADERS)


@pytest.mark.parametrize("table", list(RAW_HEADERS))
def test_raw_table_ddl(raw_tables_ddl: str, table: str) -> None:
    """Parsed with sqlglot's athena reader, which reads Hive DDL (create external table)."""
    ddl = next(
        statement
        for statement in raw_tables_ddl.split(";")
        if f"create external table if not exists raw_test.{table} (" in statement
    )
    location = f"s3://test-lake/prefix/raw/{table}/"
    assert f"location '{location}'" in ddl
    assert f"'storage.location.template' = '{location}dt=${{dt}}/'" in ddl
    assert "row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'" in ddl
    outside_literals = re.sub(r"'[^']*'", "''", ddl)
    assert outside_literals == outside_literals.lower(), "the SQL is lowercase"

    create = sqlglot.parse_one(ddl, read="athena", error_level=ErrorLevel.RAISE)
    assert isinstance(create, exp.Create)
    assert create.args["exists"]
    assert create.this.this.sql() == f"raw_test.{table}"
    columns = [(column.name, column.args["kind"].sql("hive")) for column in create.this.expressions]
    assert columns == [(name, "STRING") for name in RAW_HEADERS[table]]

    properties = create.args["properties"].expressions
    kinds = {type(prop) for prop in properties}
    assert {exp.ExternalProperty, exp.PartitionedByProperty, exp.LocationProperty} <= kinds
    partitioned = next(p for p in properties if isinstance(p, exp.PartitionedByProperty))
    assert partitioned.this.sql("hive") == "(dt STRING)"
    assert next(p for p in properties if isinstance(p, exp.LocationProperty)).name == location
    serde = next(p for p in properties if isinstance(p, exp.RowFormatSerdeProperty))
    assert serde.name == "org.apache.hadoop.hive.serde2.OpenCSVSerde"
    serde_properties = {
        prop.name: prop.args["value"].name for prop in serde.args["serde_properties"].expressions
    }
    # `'\\'` in Hive DDL is one backslash.
    assert serde_properties == {"separatorChar": ",", "quoteChar": '"', "escapeChar": "\\"}
    table_properties = {
        prop.name: prop.args["value"].name for prop in properties if type(prop) is exp.Property
    }
    assert table_properties == {
        "skip.header.line.count": "1",
        "projection.enabled": "true",
        "projection.dt.type": "date",
        "projection.dt.format": "yyyy-MM-dd",
        "projection.dt.range": "2015-01-01,NOW",
        "projection.dt.interval": "1",
        "projection.dt.interval.unit": "DAYS",
        "storage.location.template": f"{location}dt=${{dt}}/",
    }


def test_create_raw_tables_sends_its_statements_to_athena(tmp_path: Path) -> None:
    """The real (not dry) run, against moto's Athena API on 127.0.0.1: moto records each
    query without running it, so this proves what is sent, not that Athena accepts it."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        session = boto3.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        )
        athena = session.client("athena", endpoint_url=endpoint)
        session.client("s3", endpoint_url=endpoint).create_bucket(Bucket="reorder-lake")
        athena.create_work_group(
            Name="reorder",
            Configuration={"ResultConfiguration": {"OutputLocation": "s3://reorder-lake/r/"}},
        )
        args = ["run-operation", "create_raw_tables", "--no-populate-cache"]
        run_dbt(args, tmp_path, {"AWS_ENDPOINT_URL": endpoint}).check()
        ids = athena.list_query_executions(WorkGroup="reorder")["QueryExecutionIds"]
        sent = [
            athena.get_query_execution(QueryExecutionId=query_id)["QueryExecution"]["Query"]
            for query_id in ids
        ]
    finally:
        server.stop()
    # dbt-athena puts its query comment on a line of its own before each statement.
    heads = sorted(
        next(line for line in query.splitlines() if not line.startswith("--")) for query in sent
    )
    expected = ["create schema if not exists reorder_raw"] + [
        f"create external table if not exists reorder_raw.{table} (" for table in RAW_HEADERS
    ]
    assert heads == sorted(expected)


# --- parse ---------------------------------------------------------------------------------


def test_dbt_parse_works_offline(tmp_path: Path) -> None:
    run = run_dbt(["parse", "--no-partial-parse"], tmp_path).check()
    manifest = json.loads((run.target / "manifest.json").read_text())
    models = [node for node in manifest["nodes"].values() if node["resource_type"] == "model"]
    assert len(models) == len(MODELS)
    sources = {source["name"] for source in manifest["sources"].values()}
    assert sources >= set(RAW_HEADERS)


# --- the rules themselves ------------------------------------------------------------------

DUCKDB_ONLY = {
    "double_colon_cast": ("select a::bigint from t", "`::` cast"),
    "star_exclude": ("select * exclude (a) from t", "star with exclude"),
    "star_replace": ("select * replace (1 as a) from t", "star with exclude"),
    "regexp_full_match": ("select regexp_full_match(x, 'a') from t", "regexp_full_match()"),
    "unknown_function": ("select list_value(1, 2)", "list_value()"),
    "renamed_by_sqlglot": ("select ifnull(a, b) from t", "ifnull()"),
    "group_by_all": ("select a, count(*) from t group by all", "`group by all`"),
    "qualify": ("select a from t qualify row_number() over () = 1", "`qualify`"),
    "order_by_all": ("select a from t order by all", "`order by all`"),
    "union_by_name": ("select a from t union by name select a from u", "`union by name`"),
    "distinct_on": ("select distinct on (a) a, b from t", "`distinct on`"),
    "ilike": ("select a from t where a ilike 'x%'", "ilike"),
    "list_literal": ("select [1, 2]", "list literal"),
    "struct_literal": ("select {'a': 1}", "struct literal"),
    "double_equals": ("select a from t where a == 1", "`==`"),
    "from_first": ("from t select a", "starting with `from`"),
    "semi_join": ("select a from t semi join u on t.a = u.a", "SEMI join"),
    "integer_division": ("select sum(a) / count(*) from t", "integer division"),
    "hidden_column_through_cte": (
        'with s as (select * from t) select "$path" from s',
        'hidden column "$path"',
    ),
}


@pytest.mark.parametrize(("sql", "expected"), DUCKDB_ONLY.values(), ids=DUCKDB_ONLY.keys())
def test_rules_flag_duckdb_only_sql(sql: str, expected: str) -> None:
    problems = portability_problems(sql)
    assert any(expected in problem for problem in problems), problems


def test_rules_accept_trino_sql() -> None:
    sql = """
        with

        source as (
            select order_id, "$path" as source_file, 'a::b' as text
            from raw.orders
        ),

        ranked as (
            select
                source.*,
                row_number() over (partition by order_id order by source_file) as copy,
                cast(order_id as double) / nullif(cast(count(*) over () as double), 0) as share,
                try_cast(order_id as bigint) / 2.0 as half
            from source
            where regexp_like(order_id, '^[0-9]+$') and order_id is distinct from 'x'
        )

        select
            concat_ws(',', order_id, source_file) as record,
            array[1, 2][1] as first_item,
            cast(null as array(bigint)) as items,
            extract(year from current_date) as year,
            count(*) filter (where copy = 1) as firsts,
            trim(text) as text
        from ranked
        cross join unnest(array[1, 2]) with ordinality as u (item, position)
        where copy = 1
        group by 1, 2, 3, 4, 6
    """
    assert portability_problems(sql) == []


def test_a_parse_error_is_a_problem_not_an_exception() -> None:
    assert any("does not parse" in problem for problem in portability_problems("select (1"))


def test_the_allowlist_holds_no_duckdb_only_function() -> None:
    duckdb_only = {
        "regexp_full_match",
        "regexp_matches",
        "list_value",
        "struct_pack",
        "epoch_ms",
        "strftime",
        "strptime",
        "string_split",
        "string_agg",
        "list_aggregate",
        "ifnull",
        "len",
        "array_length",
        "arg_max",
        "median",
        "today",
        "generate_series",
        "read_csv",
        "read_parquet",
    }
    assert TRINO_FUNCTIONS.isdisjoint(duckdb_only)
