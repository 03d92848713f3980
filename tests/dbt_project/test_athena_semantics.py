"""The athena target's SQL, run: what the models mean on Athena, not only whether Athena
parses them (test_athena_portability.py).

Every model compiled for the athena target is transpiled to DuckDB by sqlglot's optimizer,
given its inputs' column types, so that Trino's meaning is kept (an integer division stays
one, where a plain transpile would make it a fraction). The models run in dependency order
from the raw zone's files read as Athena reads them (every field a string, `dt` a string
partition, `"$path"` the file), and each table is compared, column types and rows, with what
the local target built from the same files.

Three differences are the engines' or the transpiler's, not the models', and are evened out
before comparing (ENGINE_TYPES, RAW_DT):
- DuckDB sums bigints into a HUGEINT; Trino's sum is a bigint, and sqlglot, which types it
  as Trino does, drops the model's cast to bigint as redundant.
- sqlglot writes Trino's `date_add('day', n, date)` as `date + interval`, a TIMESTAMP in
  DuckDB; Trino keeps a date.
- The raw zone's `dt` is a string partition in the Glue catalog and a date where DuckDB reads
  the Hive folders locally; the base models pass it on as it comes, staging casts it.
"""

from __future__ import annotations

import json
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import sqlglot
from sqlglot import exp
from sqlglot.optimizer import optimize

CATALOG, RAW_SCHEMA = "awsdatacatalog", "reorder_raw"
# (type of the athena model run in DuckDB, the local target's type it stands for)
ENGINE_TYPES = {("HUGEINT", "BIGINT"), ("TIMESTAMP", "DATE")}
RAW_DT = ("VARCHAR", "DATE")  # the raw partition's dt, as the base models pass it on


def _columns(db: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    return {name: kind for name, kind, *_ in db.sql(f"describe {relation}").fetchall()}


def _raw_tables(db: duckdb.DuckDBPyConnection, lake: Path, manifest: dict) -> None:
    """Each source as Athena's OpenCSVSerde table reads it: strings, an empty field an empty
    string, with the dt partition and the "$path" of each row's file."""
    for source in manifest["sources"].values():
        table = source["name"]
        db.execute(
            f'create table "{RAW_SCHEMA}__{table}" as select * exclude (filename), '
            "regexp_extract(filename, 'dt=([0-9-]+)', 1) as dt, filename as \"$path\" "
            f"from read_csv('{lake}/raw/{table}/dt=*/*.csv*', all_varchar = true, "
            "header = true, nullstr = '\\x01', filename = true, hive_partitioning = false)"
        )


def _duckdb_sql(compiled: str, schema: dict[str, dict[str, str]]) -> str:
    """A compiled athena model as DuckDB SQL over this database's tables, typed."""
    statement = sqlglot.parse_one(compiled, read="athena")
    for table in list(statement.find_all(exp.Table)):
        if table.catalog == CATALOG:
            name = f"{RAW_SCHEMA}__{table.name}" if table.db == RAW_SCHEMA else table.name
            local = exp.to_table(f'"{name}"')
            if table.alias:
                local.set("alias", table.args["alias"])
            table.replace(local)
    return optimize(statement, schema=schema, dialect="athena").sql(dialect="duckdb")


@pytest.fixture(scope="module")
def athena_run(athena_compile: Path, trained_lake: Path) -> duckdb.DuckDBPyConnection:
    """Every athena model run on the trained lake's raw zone; the local build attached as
    `local`, read-only."""
    manifest = json.loads((athena_compile / "manifest.json").read_text())
    models = {key: n for key, n in manifest["nodes"].items() if n["resource_type"] == "model"}
    order = TopologicalSorter(
        {key: [d for d in n["depends_on"]["nodes"] if d in models] for key, n in models.items()}
    ).static_order()
    db = duckdb.connect()
    _raw_tables(db, trained_lake, manifest)
    schema = {name: _columns(db, f'"{name}"') for (name,) in db.sql("show tables").fetchall()}
    for key in order:
        node = models[key]
        compiled = (
            athena_compile / "compiled" / "reorder" / node["original_file_path"]
        ).read_text()
        db.execute(f'create table "{node["name"]}" as {_duckdb_sql(compiled, schema)}')
        schema[node["name"]] = _columns(db, f'"{node["name"]}"')
    db.execute(f"attach '{trained_lake / 'warehouse.duckdb'}' as local (read_only)")
    return db


def _model_names() -> list[str]:
    root = Path(__file__).resolve().parents[2] / "models"
    return sorted(path.stem for path in root.rglob("*.sql"))


@pytest.mark.parametrize("model", _model_names())
def test_the_athena_model_builds_what_the_local_one_does(
    athena_run: duckdb.DuckDBPyConnection, model: str
) -> None:
    local, athena = (
        _columns(athena_run, f'local.main."{model}"'),
        _columns(athena_run, f'"{model}"'),
    )
    assert list(athena) == list(local), model
    differing = {
        name: (athena[name], local[name])
        for name in local
        if athena[name] != local[name]
        and (athena[name], local[name])
        not in (ENGINE_TYPES | ({RAW_DT} if name == "dt" else set()))
    }
    assert not differing, f"{model}: column types on Athena differ: {differing}"
    # the local types, for the engine differences above
    evened = ", ".join(f'cast("{name}" as {kind}) as "{name}"' for name, kind in local.items())
    theirs = athena_run.sql(f'select {evened} from "{model}"').df()
    mine = athena_run.sql(f'select * from local.main."{model}"').df()
    assert len(theirs) == len(mine), model
    by = list(mine.columns)
    pd.testing.assert_frame_equal(
        theirs.sort_values(by).reset_index(drop=True),
        mine.sort_values(by).reset_index(drop=True),
        check_exact=False, rtol=1e-12, obj=model,
    )  # fmt: skip
