"""`reorder bench`: the pipeline and the two baselines on one drop, each stage timed with the
peak memory of its whole process tree (dbt's, and Spark's JVM, included).

    generate   the drop (reused when the folder already holds one)
    pipeline   drop to published result_table: landing, staging with quarantine, every dbt
               model and test, compaction (no training)
    pandas     the contract tables the way a pandas notebook computes them
    spark      the same tables as a PySpark job on local[2]

Every stage runs in its own process, so one stage's memory is not another's. The baselines'
result_table is checked equal to the published one before any ratio is reported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flows.baselines.pandas_contract import CONTRACT_KEYS, INPUT_SCHEMA

DATE = "2026-11-25"
SAMPLE_SECONDS = 0.05


class BenchError(RuntimeError):
    """A stage failed, or a baseline's tables differ from the pipeline's."""


@dataclass(frozen=True)
class Measured:
    stage: str
    seconds: float
    peak_bytes: int
    detail: dict = field(default_factory=dict)  # what the stage reported of itself


@dataclass(frozen=True)
class BenchResult:
    users: int
    drop: str
    cpus: int
    stages: list[Measured]

    def seconds(self, stage: str) -> float:
        return next(m.seconds for m in self.stages if m.stage == stage)

    @property
    def ratios(self) -> dict[str, float]:
        """How many times longer each baseline takes than the pipeline's whole run."""
        pipeline = self.seconds("pipeline")
        return {name: round(self.seconds(name) / pipeline, 2) for name in ("pandas", "spark")}


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, now."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def measure(stage: str, code: str, arguments: list[str]) -> Measured:
    """Run `code` in a fresh Python with `arguments`; its last stdout line, JSON, is its
    detail. Wall time and the peak of the process tree's resident memory, sampled."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code, *arguments], stdout=out, stderr=err,
            env={**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"},
        )  # fmt: skip
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        said, errors = out.read().strip().splitlines(), err.read()
    if process.returncode != 0:
        raise BenchError(f"{stage} failed (exit {process.returncode}):\n{errors[-2000:]}")
    return Measured(stage, round(seconds, 2), peak, json.loads(said[-1]) if said else {})


# Each stage as the program its process runs (arguments: sys.argv[1:]).
GENERATE = """
import sys, json
from pathlib import Path
from datagen.generate import DropSpec, generate_drop
summary = generate_drop(DropSpec(users=int(sys.argv[1]), seed=int(sys.argv[2])), Path(sys.argv[3]))
print(json.dumps({"rows": summary.rows}))
"""
PIPELINE = """
import sys, json, datetime
from pathlib import Path
from flows.daily import run_daily
from flows.settings import Settings
summary = run_daily(Settings(lake=Path(sys.argv[2]), train=False), sys.argv[1],
                    datetime.date.fromisoformat(sys.argv[3]))
print(json.dumps({"steps": summary.seconds, "published_rows": summary.published.rows,
                  "nodes": {n.name: n.seconds for n in summary.nodes}}))
"""
PANDAS = """
import sys, json
from pathlib import Path
from flows.baselines import pandas_contract as pc
tables = pc.compute_contract(pc.read_drop(Path(sys.argv[1])))
out = Path(sys.argv[2])
for name, frame in tables.items():
    (out / name).mkdir(parents=True, exist_ok=True)
    frame.to_parquet(out / name / "part-0.parquet", index=False)
print(json.dumps({"result_rows": len(tables["result_table"])}))
"""
SPARK = """
import sys, json
from pathlib import Path
from flows.baselines import spark_contract as sc
spark = sc.local_session(memory=sys.argv[3])
sc.write_contract(sc.compute_contract(sc.read_drop(spark, Path(sys.argv[1]))), Path(sys.argv[2]))
spark.stop()
print(json.dumps({}))
"""


def has_drop(folder: Path) -> bool:
    return all(
        (folder / f"{name}.csv").is_file() or (folder / f"{name}.csv.gz").is_file()
        for name in INPUT_SCHEMA
    )


def run_bench(
    users: int,
    drop: Path,
    work: Path,
    seed: int = 0,
    spark_memory: str = "6g",
    report: Callable[[str], None] = lambda stage: None,
) -> BenchResult:
    """Every stage on `drop` (generated first unless it holds a drop); outputs under `work`."""
    stages = []
    if not has_drop(drop):
        report("generate")
        stages.append(measure("generate", GENERATE, [str(users), str(seed), str(drop)]))
    lake, pandas_out, spark_out = work / "lake", work / "pandas", work / "spark"
    report("pipeline")
    stages.append(measure("pipeline", PIPELINE, [str(drop), str(lake), DATE]))
    report("pandas")
    stages.append(measure("pandas", PANDAS, [str(drop), str(pandas_out)]))
    report("spark")
    stages.append(measure("spark", SPARK, [str(drop), str(spark_out), spark_memory]))
    published = lake / "sandbox" / "result_table" / "result_table.parquet"
    for name, folder in (("pandas", pandas_out), ("spark", spark_out)):
        report(f"check {name}")
        differing = differing_rows(published, folder / "result_table")
        if differing:
            raise BenchError(
                f"{name}'s result_table differs from the pipeline's in {differing} rows"
            )
    return BenchResult(users=users, drop=str(drop), cpus=os.cpu_count() or 1, stages=stages)


def differing_rows(published: Path, folder: Path) -> int:
    """(user, product) rows missing on one side or different in any column; doubles agree
    when within a relative 1e-9 (the engines sum in different orders)."""
    import duckdb

    with duckdb.connect() as db:
        columns = db.sql(f"describe select * from '{published}'").fetchall()
        keys = CONTRACT_KEYS["result_table"]
        differs = [
            f"abs(mine.{name} - theirs.{name}) > 1e-9 * greatest(1, abs(mine.{name})) "
            f"or (mine.{name} is null) != (theirs.{name} is null)"
            if kind == "DOUBLE"
            else f"mine.{name} is distinct from theirs.{name}"
            for name, kind, *_ in columns
            if name not in keys
        ]
        joined = " and ".join(f"mine.{key} = theirs.{key}" for key in keys)
        [(count,)] = db.sql(
            f"select count(*) from '{published}' as mine "
            f"full outer join '{folder}/*.parquet' as theirs on {joined} "
            f"where mine.{keys[0]} is null or theirs.{keys[0]} is null "
            f"or {' or '.join(f'({condition})' for condition in differs)}"
        ).fetchall()
    return int(count)


def write_results(result: BenchResult, out: Path) -> tuple[Path, Path]:
    """bench results as JSON and as a Markdown table; returns both paths."""
    out.mkdir(parents=True, exist_ok=True)
    data = {**asdict(result), "ratios": result.ratios}
    json_path, table_path = out / "results.json", out / "results.md"
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    lines = [
        f"{result.users:,} users, {result.cpus} cores",
        "",
        "| stage | wall s | peak GB |",
        "|---|---:|---:|",
        *(f"| {m.stage} | {m.seconds:.1f} | {m.peak_bytes / 1e9:.2f} |" for m in result.stages),
        "",
        *(f"{name}: {ratio}x the pipeline's time" for name, ratio in result.ratios.items()),
    ]
    table_path.write_text("\n".join(lines) + "\n")
    return json_path, table_path
