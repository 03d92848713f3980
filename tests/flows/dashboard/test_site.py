"""The dashboard as an analyst uses it: built from the trained demo lake, served on
127.0.0.1, every page opened in headless Chromium, its figures read off the drawn SVG and
checked against SQL over the lake's own tables, its filters changed by hand."""

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flows.dashboard.build import Dashboard, build_dashboard
from flows.dashboard.export import local_marts, read_notifications
from flows.dashboard.pages import ALL_DEPARTMENTS, PAGES
from flows.dashboard.site import build_site
from flows.local.dashboard import serving
from flows.local.outbox import OUTBOX
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry

READY_MS = 15_000
# The labels of a chart's y axis (Vega gives each axis an ARIA label naming it)
Y_LABELS = "g.role-axis[aria-label^='Y-axis'] g.role-axis-label text"


@pytest.fixture(scope="module")
def dashboard(trained_lake: Path, tmp_path_factory: pytest.TempPathFactory) -> Dashboard:
    return build_dashboard(
        local_marts(trained_lake),
        Registry(LocalLake(trained_lake)),
        read_notifications(trained_lake / OUTBOX),
        tmp_path_factory.mktemp("dashboard"),
    )


@pytest.fixture(scope="module")
def site_url(dashboard: Dashboard) -> Iterator[str]:
    with serving(dashboard.site.path) as url:
        yield url


def _open(browser, url: str, complaints: list[str] | None = None):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    if complaints is not None:
        page.on(
            "console",
            lambda m: (
                complaints.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None
            ),
        )
        page.on("pageerror", lambda error: complaints.append(f"page error: {error}"))
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=READY_MS)
    return page


def _figure(page, view: str) -> str:
    return page.text_content(f"g.{view}_marks") or ""


def _lines(lake: Path) -> str:
    return f"read_parquet('{lake}/curated/order_products_prior/**/*.parquet')"


def test_every_page_opens_with_no_console_error_and_is_drawn(
    browser, site_url: str, tmp_path: Path
) -> None:
    for listed in PAGES:
        complaints: list[str] = []
        page = _open(browser, f"{site_url}/{listed.slug}.html", complaints)
        assert complaints == [], listed.slug
        assert page.inner_text("h1") == listed.title
        assert page.locator("nav a").count() == len(PAGES)
        titles = page.locator("#view svg g.role-title-text text").all_text_contents()
        assert titles and all(title.strip() for title in titles), listed.slug
        shot = tmp_path / f"{listed.slug}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000, listed.slug
        page.close()


def test_the_headline_figures_are_the_lakes(browser, site_url: str, trained_lake: Path) -> None:
    lines, rate, customers, orders = duckdb.sql(
        f"select count(*), avg(reordered), count(distinct user_id), count(distinct order_id) "
        f"from {_lines(trained_lake)}"
    ).fetchall()[0]
    page = _open(browser, f"{site_url}/index.html")
    assert page.input_value("select[name=department_filter]") == ALL_DEPARTMENTS
    assert _figure(page, "tile_lines") == f"{lines:,}"
    assert _figure(page, "tile_reorder_rate") == f"{rate:.1%}"
    assert _figure(page, "tile_customers") == f"{customers:,}"
    assert _figure(page, "tile_orders") == f"{orders:,}"
    assert _figure(page, "tile_average_basket") == f"{lines / orders:.1f}"


def test_a_department_filter_changes_the_figures_and_the_aisles_shown(
    browser, site_url: str, trained_lake: Path
) -> None:
    catalog = f"read_parquet('{trained_lake}/sandbox/product_catalog/*.parquet')"
    department, lines, rate = duckdb.sql(
        f"select c.department, count(*), avg(p.reordered) from {_lines(trained_lake)} p "
        f"join {catalog} c using (product_id) group by all order by count(*) desc limit 1"
    ).fetchall()[0]
    aisles = {
        aisle
        for (aisle,) in duckdb.sql(
            f"select distinct aisle from {catalog} where department = '{department}'"
        ).fetchall()
    }
    page = _open(browser, f"{site_url}/index.html")
    everything = _figure(page, "tile_lines")
    page.select_option("select[name=department_filter]", department)
    page.wait_for_function(
        "before => document.querySelector('g.tile_lines_marks').textContent !== before",
        arg=everything,
    )
    assert _figure(page, "tile_lines") == f"{lines:,}"
    assert _figure(page, "tile_reorder_rate") == f"{rate:.1%}"
    shown = set(page.locator(f"g.aisles_group {Y_LABELS}").all_text_contents())
    assert shown and shown <= aisles  # only the chosen department's aisles

    # a month range narrows the lines to the orders of those months
    last_month = page.locator("select[name=last_month] option").last.text_content() or ""
    page.select_option("select[name=first_month]", last_month)
    (in_month,) = duckdb.sql(
        f"select count(*) from {_lines(trained_lake)} p join {catalog} c using (product_id) "
        f"join read_parquet('{trained_lake}/curated/order_dates/*.parquet') d using (order_id) "
        f"where c.department = '{department}' and d.order_month = '{last_month}'"
    ).fetchall()[0]
    page.wait_for_function(
        "want => document.querySelector('g.tile_lines_marks').textContent === want",
        arg=f"{in_month:,}",
    )


def test_the_products_page_lists_a_departments_most_reordered_products(
    browser, site_url: str, trained_lake: Path
) -> None:
    catalog = f"read_parquet('{trained_lake}/sandbox/product_catalog/*.parquet')"
    department = duckdb.sql(f"select min(department) from {catalog}").fetchall()[0][0]
    expected = [
        name
        for (name,) in duckdb.sql(
            f"select c.product_name from {_lines(trained_lake)} p join {catalog} c "
            f"using (product_id) where c.department = '{department}' "
            "group by c.product_id, c.product_name "
            "order by sum(p.reordered) desc, c.product_id limit 3"
        ).fetchall()
    ]
    page = _open(browser, f"{site_url}/products.html")
    page.select_option("select[name=department_filter]", department)
    page.wait_for_function(
        "([name, labels]) => Array.from(document.querySelectorAll(labels))"
        ".some(label => label.textContent.startsWith(name.slice(0, 10)))",
        arg=[expected[0], f"g.products_group {Y_LABELS}"],
    )
    labels = page.locator(f"g.products_group {Y_LABELS}").all_text_contents()
    for name in expected:  # Vega shortens long labels with an ellipsis
        assert any(name.startswith(label.rstrip("…")) for label in labels), name


def test_the_model_page_shows_the_deployed_versions_calibration(
    browser, site_url: str, trained_lake: Path
) -> None:
    deployed = Registry(LocalLake(trained_lake)).deployment()
    assert deployed is not None
    page = _open(browser, f"{site_url}/model.html")
    assert page.input_value("select[name=version_filter]") == deployed.version
    # ten deciles, each one point of the calibration line
    # (Vega-Lite numbers a layer's named view: deciles_0)
    assert page.locator("g.mark-symbol[class*=deciles] path").count() == 10


def test_a_failed_build_keeps_the_site_before_it(
    dashboard: Dashboard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.dashboard import site as site_module
    from flows.dashboard.pages import Page

    out = tmp_path / "site"
    build_site(dashboard.data.path, out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}

    def broken(query) -> None:
        raise RuntimeError("a page that cannot be drawn")

    pages = (*PAGES[:1], Page("broken", "Broken", "", broken))
    monkeypatch.setattr(site_module, "PAGES", pages)
    with pytest.raises(RuntimeError, match="cannot be drawn"):
        build_site(dashboard.data.path, out)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # no partial left


def test_the_runs_page_shows_quarantine_per_rule_and_filters_by_date(
    browser, trained_lake: Path, tmp_path: Path
) -> None:
    def run(date: str, quarantined: dict) -> dict:
        return {
            "run_id": f"run-{date}", "date": date, "subject": f"published {date}",
            "landed_rows": {"orders": 1000, "products": 50}, "quarantined_rows": quarantined,
            "published_rows": 900, "seconds": {"land": 1.0, "dbt_build": 20.0},
        }  # fmt: skip

    notes = [
        run("2026-12-05", {"orders": {"order_dow_out_of_range": 7}}),
        run("2026-12-06", {"orders": {"order_dow_out_of_range": 2, "eval_set_unknown": 4}}),
        run("2026-12-07", {}),
    ]
    built = build_dashboard(
        local_marts(trained_lake), Registry(LocalLake(trained_lake)), notes, tmp_path / "out"
    )
    with serving(built.site.path) as url:
        complaints: list[str] = []
        page = _open(browser, f"{url}/runs.html", complaints)
        assert complaints == []
        legends = page.locator("g.role-legend-label text").all_text_contents()
        assert {"orders: order_dow_out_of_range", "orders: eval_set_unknown"} <= set(legends)
        days = "g.quarantine_group g.role-axis[aria-label^='X-axis'] g.role-axis-label text"
        assert page.locator(days).all_text_contents() == ["2026-12-05", "2026-12-06"]
        page.select_option("select[name=first_date]", "2026-12-06")
        page.wait_for_function(
            "selector => document.querySelectorAll(selector).length === 1", arg=days
        )
        assert page.locator(days).all_text_contents() == ["2026-12-06"]


def test_a_lake_with_no_model_and_no_run_yet_says_so(
    browser, trained_lake: Path, tmp_path: Path
) -> None:
    empty = Registry(LocalLake(tmp_path / "no-models"))
    built = build_dashboard(local_marts(trained_lake), empty, [], tmp_path / "out")
    with serving(built.site.path) as url:
        for name, said in (("model", "No model trained yet"), ("runs", "No published run yet")):
            complaints: list[str] = []
            page = _open(browser, f"{url}/{name}.html", complaints)
            assert complaints == [], name
            assert said in (page.text_content("#view svg") or ""), name
