"""The dashboard's pages: each one Altair chart over the exported DuckDB file.

A page's filters (department, first and last month, a model version, run dates) are Vega-Lite
parameters bound to form controls, so the built page filters in the browser with no server
behind it, on a laptop as on the S3 website. Each page's data is queried here, grouped no
finer than its charts need, so a full-scale lake's page stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import duckdb
import pandas as pd

ALL_DEPARTMENTS = "all departments"  # dashboard_kpis' row for the whole catalogue
TOP_AISLES = 20
TILE = {"width": 150, "height": 44}
WIDE = 760
HIGHLIGHT, PLAIN = "#c0392b", "#4c78a8"

Query = Callable[[str], pd.DataFrame]


@dataclass(frozen=True)
class Page:
    slug: str  # file name, without .html
    title: str
    summary: str
    chart: Callable[[Query], alt.TopLevelMixin]


def _data(frame: pd.DataFrame) -> alt.InlineData:
    """A frame as inline CSV with its columns' types: about a quarter of the size of JSON
    rows, and not one schema object per row (a page's data is grouped before it gets here,
    so Altair's 5,000-row guard, meant for data that is not, does not apply)."""
    frame = frame.copy()
    parse = {}
    for column, kind in frame.dtypes.items():
        if pd.api.types.is_bool_dtype(kind):
            frame[column] = frame[column].map({True: "true", False: "false"})
            parse[column] = "boolean"
        elif pd.api.types.is_numeric_dtype(kind):
            parse[column] = "number"
        elif pd.api.types.is_datetime64_any_dtype(kind):
            frame[column] = frame[column].dt.strftime("%Y-%m-%dT%H:%M:%SZ")  # UTC
            parse[column] = "date"
        else:  # left as text: Vega would read "2026-12" as a date
            parse[column] = "string"
    return alt.InlineData(
        values=frame.to_csv(index=False), format=alt.DataFormat(type="csv", parse=parse)
    )


def _options(values: pd.Series) -> list:
    return sorted(value for value in values.dropna().unique().tolist())


def _select(name: str, label: str, options: list, value: object) -> alt.Parameter:
    return alt.param(
        name=name, value=value, bind=alt.binding_select(options=options, name=f"{label} ")
    )


def _month_range(months: list[str]) -> tuple[alt.Parameter, alt.Parameter, str]:
    """The first and last month a page shows (all of them at first), and the filter that
    keeps a row's order_month between them."""
    first = _select("first_month", "From month", months, months[0] if months else "")
    last = _select("last_month", "To month", months, months[-1] if months else "")
    return first, last, "datum.order_month >= first_month && datum.order_month <= last_month"


def _tile(chart: alt.Chart, title: str, field: str, number_format: str) -> alt.Chart:
    """One headline figure, as a text mark of the (already filtered, aggregated) data."""
    return (
        chart.mark_text(fontSize=26, fontWeight="bold", align="left", x=0, y=22)
        .encode(text=alt.Text(f"{field}:Q", format=number_format))
        .properties(title=title, name=f"tile_{field}", **TILE)
    )


def _rate(chart: alt.Chart, groupby: list[str] | None = None) -> alt.Chart:
    """Sum lines and reorders (per group), then their ratio: a rate of rates would weigh a
    small aisle like a large one."""
    return chart.transform_aggregate(
        lines="sum(lines)", reordered_lines="sum(reordered_lines)", groupby=groupby or []
    ).transform_calculate(reorder_rate="datum.reordered_lines / datum.lines")


RATE_AXIS = alt.Axis(format="%", title="Reorder rate (% of lines that were reorders)")
RATE_TOOLTIP = [
    alt.Tooltip("reorder_rate:Q", title="reorder rate", format=".1%"),
    alt.Tooltip("lines:Q", title="lines", format=","),
]


def reorder_behaviour(query: Query) -> alt.TopLevelMixin:
    """Headline figures and the reorder rate by department, aisle, month, season, day and
    hour, for one department (or all) and a range of months."""
    kpis = query("select * from dashboard_kpis")
    months = _options(query("select distinct order_month from reorder_lines")["order_month"])
    departments = [ALL_DEPARTMENTS, *_options(kpis[kpis["department_id"].notna()]["department"])]
    department = _select("department_filter", "Department", departments, ALL_DEPARTMENTS)
    first, last, in_months = _month_range(months)
    in_department = (
        f"(department_filter == '{ALL_DEPARTMENTS}' || datum.department == department_filter)"
    )

    in_filters = f"{in_department} && {in_months}"

    def lines_by(*columns: str) -> alt.Chart:
        grouped = ", ".join(("order_month", "department", *columns))
        return alt.Chart(
            _data(
                query(
                    f"select {grouped}, sum(lines) as lines, "
                    "sum(reordered_lines) as reordered_lines "
                    "from reorder_lines group by all order by all"
                )
            )
        )

    by_department = lines_by()
    filtered = by_department.transform_filter(in_filters)
    headline = _rate(filtered)
    kpi = alt.Chart(_data(kpis)).transform_filter("datum.department == department_filter")
    tiles = alt.hconcat(
        _tile(headline, "Lines (in these months)", "lines", ","),
        _tile(headline, "Reorder rate (in these months)", "reorder_rate", ".1%"),
        _tile(kpi, "Customers (all months)", "customers", ","),
        _tile(kpi, "Orders (all months)", "orders", ","),
        _tile(kpi, "Average basket (products)", "average_basket", ".1f"),
    )
    departments_chart = (
        _rate(by_department.transform_filter(in_months), ["department"])
        .mark_bar()
        .encode(
            x=alt.X("reorder_rate:Q", axis=RATE_AXIS),
            y=alt.Y("department:N", sort="-x", title="Department"),
            color=alt.condition(
                "datum.department == department_filter", alt.value(HIGHLIGHT), alt.value(PLAIN)
            ),
            tooltip=["department:N", *RATE_TOOLTIP],
        )
        .properties(
            title="Reorder rate by department (the chosen one in red)",
            name="departments",
            width=WIDE,
        )
    )
    aisles_chart = (
        _rate(lines_by("aisle").transform_filter(in_filters), ["aisle"])
        .transform_window(
            rank="row_number()", sort=[alt.SortField("reorder_rate", order="descending")]
        )
        .transform_filter(f"datum.rank <= {TOP_AISLES}")
        .mark_bar()
        .encode(
            x=alt.X("reorder_rate:Q", axis=RATE_AXIS),
            y=alt.Y("aisle:N", sort="-x", title="Aisle"),
            tooltip=["aisle:N", *RATE_TOOLTIP],
        )
        .properties(
            title=f"Reorder rate by aisle (the {TOP_AISLES} highest)", name="aisles", width=WIDE
        )
    )
    monthly = _rate(filtered, ["order_month"])
    month_lines = (
        monthly.mark_bar()
        .encode(
            x=alt.X("order_month:O", title="Month (estimated order date)"),
            y=alt.Y("lines:Q", title="Lines (products ordered)"),
            tooltip=["order_month:O", *RATE_TOOLTIP],
        )
        .properties(title="Lines per month", width=WIDE, height=160)
    )
    month_rate = (
        monthly.mark_line(point=True)
        .encode(
            x=alt.X("order_month:O", title="Month (estimated order date)"),
            y=alt.Y("reorder_rate:Q", axis=RATE_AXIS, scale=alt.Scale(zero=False)),
            tooltip=["order_month:O", *RATE_TOOLTIP],
        )
        .properties(title="Reorder rate per month", width=WIDE, height=160)
    )
    seasons = (
        _rate(
            lines_by("order_season").transform_filter(in_filters),
            ["order_season"],
        )
        .mark_bar()
        .encode(
            x=alt.X(
                "order_season:N",
                title="Season (of the estimated order date)",
                sort=["summer", "autumn", "winter", "spring"],
            ),
            y=alt.Y("reorder_rate:Q", axis=RATE_AXIS),
            tooltip=["order_season:N", *RATE_TOOLTIP],
        )
        .properties(title="Reorder rate by season", width=220, height=200)
    )
    days = (
        _rate(lines_by("order_dow").transform_filter(in_filters), ["order_dow"])
        .mark_bar()
        .encode(
            x=alt.X("order_dow:O", title="Day of week (0-6, as in the source)"),
            y=alt.Y("reorder_rate:Q", axis=RATE_AXIS),
            tooltip=["order_dow:O", *RATE_TOOLTIP],
        )
        .properties(title="Reorder rate by day of week", width=220, height=200)
    )
    hours = (
        _rate(
            lines_by("order_hour_of_day").transform_filter(in_filters),
            ["order_hour_of_day"],
        )
        .mark_line(point=True)
        .encode(
            x=alt.X("order_hour_of_day:O", title="Hour of day (0-23)"),
            y=alt.Y("reorder_rate:Q", axis=RATE_AXIS, scale=alt.Scale(zero=False)),
            tooltip=["order_hour_of_day:O", *RATE_TOOLTIP],
        )
        .properties(title="Reorder rate by hour of day", width=260, height=200)
    )
    return alt.vconcat(
        tiles,
        departments_chart,
        aisles_chart,
        month_lines,
        month_rate,
        alt.hconcat(seasons, days, hours),
    ).add_params(department, first, last)


def products_and_baskets(query: Query) -> alt.TopLevelMixin:
    """The most reordered products of a department (or of all), and the distributions of
    basket sizes and days between orders over a range of months."""
    top = query("select * from top_reordered_products")
    months = _options(query("select distinct order_month from basket_sizes")["order_month"])
    departments = [ALL_DEPARTMENTS, *_options(top["department"])]
    department = _select("department_filter", "Department", departments, ALL_DEPARTMENTS)
    first, last, in_months = _month_range(months)
    products = (
        alt.Chart(_data(top))
        .transform_filter(
            f"department_filter == '{ALL_DEPARTMENTS}' ? datum.overall_rank <= 25 "
            ": datum.department == department_filter"
        )
        .mark_bar()
        .encode(
            x=alt.X("reordered_lines:Q", title="Reorders (prior lines that were reorders)"),
            y=alt.Y("product_name:N", sort="-x", title="Product"),
            color=alt.Color("department:N", title="Department"),
            tooltip=[
                "product_name:N",
                "aisle:N",
                "department:N",
                alt.Tooltip("reordered_lines:Q", title="reorders", format=","),
                alt.Tooltip("reorder_rate:Q", title="reorder rate", format=".1%"),
            ],
        )
        .properties(title="The 25 most reordered products", name="products", width=WIDE)
    )
    baskets = (
        alt.Chart(
            _data(
                query(
                    "select order_month, basket_size, sum(orders) as orders "
                    "from basket_sizes group by all order by all"
                )
            )
        )
        .transform_filter(in_months)
        .transform_aggregate(orders="sum(orders)", groupby=["basket_size"])
        # one bar per size, from size - 0.5 to size + 0.5, on a numeric axis
        .transform_calculate(low="datum.basket_size - 0.5", high="datum.basket_size + 0.5")
        .mark_bar()
        .encode(
            x=alt.X("low:Q", bin="binned", title="Basket size (products)"),
            x2="high:Q",
            y=alt.Y("orders:Q", title="Orders"),
            tooltip=["basket_size:Q", alt.Tooltip("orders:Q", format=",")],
        )
        .properties(title="Orders by basket size (prior orders)", width=WIDE, height=200)
    )
    gaps = (
        alt.Chart(
            _data(
                query(
                    "select order_month, days_since_prior_order, sum(orders) as orders "
                    "from days_between_orders group by all order by all"
                )
            )
        )
        .transform_filter(in_months)
        .transform_aggregate(orders="sum(orders)", groupby=["days_since_prior_order"])
        .mark_bar()
        .encode(
            x=alt.X(
                "days_since_prior_order:O",
                title="Days since the customer's previous order (30 means 30 or more)",
            ),
            y=alt.Y("orders:Q", title="Orders"),
            tooltip=["days_since_prior_order:O", alt.Tooltip("orders:Q", format=",")],
        )
        .properties(title="Orders by days since the previous order", width=WIDE, height=200)
    )
    return alt.vconcat(products, baskets, gaps).add_params(department, first, last)


def _nothing_yet(title: str, text: str) -> alt.Chart:
    return (
        alt.Chart(alt.InlineData(values=[{"text": text}]))
        .mark_text(fontSize=16, align="left", x=0)
        .encode(text="text:N")
        .properties(title=title, width=WIDE, height=40)
    )


def model_health(query: Query) -> alt.TopLevelMixin:
    """Every trained version's validation metrics over time; the chosen version's (the
    deployed one by default) calibration by decile and its score distribution."""
    versions = query(
        'select version, trained_at, deployed, roc_auc as "ROC AUC", pr_auc as "PR AUC", '
        'mean_order_f1 as "Mean per-order F1" from model_versions order by trained_at'
    )
    if versions.empty:
        return alt.vconcat(
            _nothing_yet("Model versions", "No model trained yet: `reorder run` trains one.")
        )
    deployed = versions.loc[versions["deployed"], "version"].tolist()
    version = _select(
        "version_filter",
        "Model version",
        versions["version"].tolist(),
        deployed[0] if deployed else versions["version"].iloc[-1],
    )
    metrics = (
        alt.Chart(_data(versions))
        .transform_fold(["ROC AUC", "Mean per-order F1", "PR AUC"], as_=["metric", "value"])
        .mark_line(point=alt.OverlayMarkDef(size=60))
        .encode(
            x=alt.X(
                "trained_at:T",
                title="Trained at (UTC)",
                scale=alt.Scale(type="utc"),
                axis=alt.Axis(format="%Y-%m-%d %H:%M"),
            ),
            y=alt.Y("value:Q", title="Validation score (0 to 1)", scale=alt.Scale(zero=False)),
            color=alt.Color("metric:N", title="Metric"),
            tooltip=["version:N", "metric:N", alt.Tooltip("value:Q", format=".4f"), "deployed:N"],
        )
        .properties(title="Validation metrics of every trained version", width=WIDE, height=220)
    )
    calibration = query("select * from model_calibration")
    chosen = alt.Chart(_data(calibration)).transform_filter("datum.version == version_filter")
    deciles = chosen.transform_filter("datum.grouping == 'decile'").encode(
        x=alt.X(
            "mean_predicted:Q",
            title="Mean predicted reorder probability",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        y=alt.Y(
            "observed_rate:Q",
            title="Observed reorder rate",
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        tooltip=[
            alt.Tooltip("bin:O", title="decile"),
            alt.Tooltip("mean_predicted:Q", format=".1%"),
            alt.Tooltip("observed_rate:Q", format=".1%"),
            alt.Tooltip("lines:Q", format=","),
        ],
    )

    diagonal = (
        alt.Chart(alt.InlineData(values=[{"p": 0.0}, {"p": 1.0}]))
        .mark_line(strokeDash=[4, 4], color="gray")
        .encode(x="p:Q", y="p:Q")
    )
    calibration_chart = alt.layer(
        diagonal, deciles.mark_line(), deciles.mark_point(filled=True).properties(name="deciles")
    ).properties(title="Calibration by decile of score (dashed: perfect)", width=320, height=320)
    scores = (
        chosen.transform_filter("datum.grouping == 'score_tenth'")
        .transform_calculate(low="(datum.bin - 1) / 10", high="datum.bin / 10")
        .mark_bar()
        .encode(
            x=alt.X(
                "low:Q",
                bin="binned",
                title="Predicted reorder probability",
                axis=alt.Axis(format="%"),
            ),
            x2="high:Q",
            y=alt.Y("lines:Q", title="Validation lines"),
            tooltip=[alt.Tooltip("bin:O", title="tenth"), alt.Tooltip("lines:Q", format=",")],
        )
        .properties(title="Score distribution (validation lines)", width=380, height=320)
    )
    return alt.vconcat(metrics, alt.hconcat(calibration_chart, scores)).add_params(version)


def daily_runs(query: Query) -> alt.TopLevelMixin:
    """Per published run's date: rows landed per table, rows quarantined per rule, seconds
    per step."""
    dates = _options(query("select strftime(date, '%Y-%m-%d') as day from daily_runs")["day"])
    if not dates:
        return alt.vconcat(
            _nothing_yet("Daily runs", "No published run yet: `reorder run` publishes one.")
        )
    first = _select("first_date", "From", dates, dates[0])
    last = _select("last_date", "To", dates, dates[-1])

    def per_day(
        name: str, rows: str, value: str, part: str, part_title: str, title: str, y_title: str
    ) -> alt.Chart:
        """`value` of the `rows` (a select) summed per run date, stacked by `part`."""
        return (
            alt.Chart(_data(query(f"select *, strftime(date, '%Y-%m-%d') as day from ({rows})")))
            .transform_filter("datum.day >= first_date && datum.day <= last_date")
            .mark_bar()
            .encode(
                x=alt.X("day:O", title="Run date"),
                y=alt.Y(f"sum({value}):Q", title=y_title),
                color=alt.Color(f"{part}:N", title=part_title),
                tooltip=["day:O", f"{part}:N", alt.Tooltip(f"sum({value}):Q", format=",")],
            )
            .properties(title=title, name=name, width=WIDE, height=200)
        )

    quarantined = query("select count(*) as rules from run_quarantined_rows")["rules"].iloc[0]
    quarantine = (
        per_day(
            "quarantine",
            "select *, source_table || ': ' || rule as table_rule from run_quarantined_rows",
            "rows",
            "table_rule",
            "Table: rule",
            "Rows quarantined per rule",
            "Rows quarantined",
        )
        if quarantined
        else _nothing_yet("Rows quarantined per rule", "No row was quarantined in these runs.")
    )
    return (
        alt.vconcat(
            per_day(
                "landed",
                "select * from run_landed_rows",
                "rows",
                "source_table",
                "Source table",
                "Rows landed per table",
                "Rows landed",
            ),
            quarantine,
            per_day(
                "steps",
                "select * from run_steps",
                "seconds",
                "step",
                "Step",
                "Seconds per step",
                "Seconds (wall clock)",
            ),
        )
        .add_params(first, last)
        .resolve_scale(color="independent")
    )


PAGES = (
    Page(
        "index",
        "Reorder behaviour",
        "How often customers reorder, by department, aisle, month, season, day and hour.",
        reorder_behaviour,
    ),
    Page(
        "products",
        "Products and baskets",
        "The most reordered products, basket sizes and the days between orders.",
        products_and_baskets,
    ),
    Page(
        "model",
        "Model health",
        "Each trained version's validation metrics, and a version's calibration and scores.",
        model_health,
    ),
    Page(
        "runs",
        "Daily runs",
        "What each published run landed, quarantined and spent its time on.",
        daily_runs,
    ),
)


def query_for(con: duckdb.DuckDBPyConnection) -> Query:
    return lambda sql: con.execute(sql).df()
