"""What each `reorder bench` stage does, run in its own process (`STAGE_CODE`), and the load
the api stage drives at `reorder serve`.

Every stage function returns its detail as a dict of JSON values. Heavy libraries are
imported inside the functions, so that a stage's process loads only what the stage uses.
"""

from __future__ import annotations

import datetime
import json
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flows.bench.measure import BenchError
from flows.pipeline.compaction import PUBLISHED

if TYPE_CHECKING:
    from flows.bench.load import LoadResult, Request

# The program every measured stage runs: `python -c STAGE_CODE <stage> <arguments...>`.
STAGE_CODE = "import sys; from flows.bench.stages import main; main(sys.argv[1:])"
# result_table and every model it is built from: the six contract tables, from all six CSVs;
# not the quarantine table or the page's product catalog, which the baselines do not make.
CONTRACT_SELECT = "+result_table"
HEALTH_SECONDS = 300  # the API reads the published file at start: seconds at full scale
PAIRS = 2000  # (user, product) pairs of the published file the load cycles through


@dataclass(frozen=True)
class LoadBounds:
    """How hard and how long the api stage loads each endpoint; both bounds always hold."""

    clients: int = 4
    seconds: float = 15.0
    requests: int = 20_000


def generate(users: str, seed: str, folder: str) -> dict:
    from datagen.generate import DropSpec, generate_drop

    summary = generate_drop(DropSpec(users=int(users), seed=int(seed)), Path(folder))
    return {"rows": summary.rows}


def feed(users: str, seed: str, days: str, first_date: str, folder: str) -> dict:
    """The days stage's input: the daily feed of the scale's drop (datagen/series.py), as
    snapshots in folder/snapshot/<date>/ and as deltas in folder/delta/<date>/. Its last
    day's snapshot is the scale's drop itself."""
    from datagen.generate import DropSpec
    from datagen.series import SeriesSpec, generate_series

    spec = DropSpec(users=int(users), seed=int(seed))
    first = datetime.date.fromisoformat(first_date)
    for kind in ("snapshot", "delta"):
        generate_series(SeriesSpec(spec, first, int(days), kind), Path(folder) / kind)
    return {}


def run_command(drop: Path, lake: Path, date: str, kind: str | None = None) -> list[str]:
    """`reorder run --no-train` (with `--drop kind` if given), as a user runs it: the
    Prefect flow, its temporary server and dbt's nodes reported to it included."""
    return [
        sys.executable, "-m", "flows.cli", "run", "--input", str(drop), "--date", date,
        "--lake", str(lake), "--no-train", *(["--drop", kind] if kind else []),
    ]  # fmt: skip


def run_detail(lake: Path) -> dict:
    """What the run left in its lake of itself, read after the clock stopped: its
    notification (seconds per step, rows published) and dbt's run_results.json."""
    from flows.local.outbox import OUTBOX
    from flows.pipeline.settings import Settings
    from flows.pipeline.transform import run_results

    notification = json.loads((lake / OUTBOX).read_text().splitlines()[-1])
    nodes = run_results(Settings(lake=lake))
    return {
        "steps": notification["seconds"],
        "published_rows": notification["published_rows"],
        "landed_rows": notification["landed_rows"],
        "nodes": {node.name: node.seconds for node in nodes},
        "node_kinds": {node.name: node.kind for node in nodes},
    }


def contract(drop: str, lake: str, date: str) -> dict:
    """Only what the baselines do too: land the drop and run the contract tables' models;
    no tests, no quarantine table, no compaction."""
    from flows.pipeline.lake import LocalLake
    from flows.pipeline.landing import land_drop
    from flows.pipeline.settings import Settings
    from flows.pipeline.transform import run_models

    settings = Settings(lake=Path(lake), train=False)
    settings.prepare_lake()
    started = time.perf_counter()
    land_drop(drop, LocalLake(settings.lake), datetime.date.fromisoformat(date))
    landed = time.perf_counter()
    nodes = run_models(settings, CONTRACT_SELECT)
    return {
        "steps": {"land": landed - started, "dbt_run": time.perf_counter() - landed},
        "nodes": {node.name: node.seconds for node in nodes},
    }


def train(lake: str) -> dict:
    """Train on the published file as the daily run does (flows/local/steps.py), then
    deploy the model whatever the gate says, so that the api stage has one to serve."""
    import duckdb

    from flows.local.steps import train as train_step
    from flows.pipeline.compaction import Compacted
    from flows.pipeline.lake import LocalLake
    from flows.pipeline.registry import Registry, new_version
    from flows.pipeline.release import GatePolicy, judge, release
    from flows.pipeline.settings import Settings

    settings = Settings(lake=Path(lake))
    published = settings.lake / PUBLISHED
    [(rows,)] = duckdb.sql(f"select count(*) from '{published}'").fetchall()
    version = new_version("bench")
    train_step(settings, Compacted(str(published), int(rows)), version)
    metrics = Registry(LocalLake(settings.lake)).metrics(version)
    passes, reason = judge(metrics, None, GatePolicy())
    release(Registry(LocalLake(settings.lake)), version, GatePolicy(0, 1))
    return {
        "version": version,
        "published_rows": int(rows),
        "training_lines": metrics.get("training_lines"),
        "best_iteration": metrics.get("best_iteration"),
        "roc_auc": metrics.get("roc_auc"),
        "pr_auc": metrics.get("pr_auc"),
        "passes_default_gate": passes,
        "gate": reason,
    }


def dashboard(lake: str) -> dict:
    """`reorder dashboard`'s build on the pipeline's lake, then each page opened in headless
    Chromium: milliseconds from navigation to drawn, with its filters bound (the page marks
    itself ready once Vega has rendered), as the browser's own clock counts them."""
    from flows.local.dashboard import build_local_dashboard, serving

    started = time.perf_counter()
    built = build_local_dashboard(Path(lake))
    build_seconds = time.perf_counter() - started
    with serving(built.site.path) as url:
        pages = _page_seconds(url, built.site.pages)
    return {
        "build_seconds": build_seconds,
        "site_bytes": built.site.bytes,
        "page_bytes": {name: (built.site.path / name).stat().st_size for name in built.site.pages},
        "interactive_seconds": pages,
    }


def _page_seconds(url: str, pages: tuple[str, ...]) -> dict[str, float]:
    import shutil

    from playwright.sync_api import sync_playwright

    seconds = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        try:
            for name in pages:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"{url}/{name}")
                page.wait_for_selector("body[data-ready=true]", timeout=60_000)
                seconds[name] = page.evaluate("performance.now()") / 1000
                page.close()
        finally:
            browser.close()
    return seconds


def pandas(drop: str, out: str) -> dict:
    from flows.bench.baselines import pandas_contract as pc

    tables = pc.compute_contract(pc.read_drop(Path(drop)))
    for name, frame in tables.items():
        (Path(out) / name).mkdir(parents=True, exist_ok=True)
        frame.to_parquet(Path(out) / name / "part-0.parquet", index=False)
    return {"result_rows": len(tables["result_table"])}


def spark(drop: str, out: str, memory: str) -> dict:
    from flows.bench.baselines import spark_contract as sc

    session = sc.local_session(memory=memory)
    sc.write_contract(sc.compute_contract(sc.read_drop(session, Path(drop))), Path(out))
    session.stop()
    return {}


STAGES: dict[str, Callable[..., dict]] = {
    "generate": generate,
    "feed": feed,
    "contract": contract,
    "train": train,
    "dashboard": dashboard,
    "pandas": pandas,
    "spark": spark,
}


def main(argv: list[str]) -> None:
    """Run one stage; its detail is the last line of stdout."""
    stage, *arguments = argv
    detail = STAGES[stage](*arguments)
    sys.stdout.write(json.dumps(detail) + "\n")


# --- the api stage: load driven from the benchmark's process at `reorder serve` ----------


def serve_command(lake: Path, port: int) -> list[str]:
    """`reorder serve` over the lake, on 127.0.0.1:`port` (it binds nothing else)."""
    return [sys.executable, "-m", "flows.cli", "serve", "--lake", str(lake), "--port", str(port)]


DEPARTMENT_SUGGESTIONS = "GET /users/{id}/suggestions?department_id=N"


def sample_lines(published: Path, count: int = PAIRS) -> list[tuple[int, int, int]]:
    """(user_id, product_id, department_id) of lines of the published file, the same ones
    every run."""
    import duckdb

    return [
        (int(user), int(product), int(department))
        for user, product, department in duckdb.sql(
            f"select user_id, product_id, department_id from '{published}' "
            f"using sample {count} rows (reservoir, 7) order by user_id, product_id"
        ).fetchall()
    ]


def wait_for_health(url: str, alive: Callable[[], bool], seconds: float = HEALTH_SECONDS) -> float:
    """Wait until GET /health answers 200 and a model is deployed; how long it took."""
    started = time.perf_counter()
    while True:
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as answer:
                if json.load(answer).get("model_version"):
                    return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass  # not up yet, or not answering JSON yet
        if not alive():
            raise BenchError("the API exited before answering /health")
        if time.perf_counter() - started > seconds:
            raise BenchError(f"the API did not answer /health with a model in {seconds:.0f} s")
        time.sleep(0.2)


def load_report(result: LoadResult) -> dict:
    return {
        "requests": result.requests,
        "errors": sum(result.errors.values()),
        "errors_by_status": {str(status): n for status, n in result.errors.items()},
        "seconds": round(result.seconds, 2),
        "rps": round(result.per_second, 1),
        "p50_ms": round(result.p50_ms, 2),
        "p99_ms": round(result.p99_ms, 2),
    }


def drive_api(
    url: str, published: Path, bounds: LoadBounds
) -> Callable[[Callable[[], bool]], dict]:
    """What the api stage does while the server runs: wait for it, then load /predict, the
    suggestions and a department's suggestions in turn, each bounded in time and count."""

    def drive(alive: Callable[[], bool]) -> dict:
        from flows.bench.load import run_load

        startup = wait_for_health(url, alive)
        lines = sample_lines(published)
        users = sorted({user for user, _, _ in lines})

        def predict(number: int) -> Request:
            user, product, _ = lines[number % len(lines)]
            return "POST", "/predict", {"user_id": user, "product_id": product}

        def suggestions(number: int) -> Request:
            return "GET", f"/users/{users[number % len(users)]}/suggestions", None

        def in_department(number: int) -> Request:
            # a department the user bought in, as a catalog page shows "suggestions for you"
            user, _, department = lines[number % len(lines)]
            return "GET", f"/users/{user}/suggestions?department_id={department}", None

        endpoints = {}
        for name, request_for in (("POST /predict", predict),
                                  ("GET /users/{id}/suggestions", suggestions),
                                  (DEPARTMENT_SUGGESTIONS, in_department)):  # fmt: skip
            result = run_load(url, request_for, bounds.clients, bounds.seconds, bounds.requests)
            endpoints[name] = load_report(result)
        return {
            "url": url,
            "startup_seconds": round(startup, 2),
            "clients": bounds.clients,
            "endpoints": endpoints,
        }

    return drive
