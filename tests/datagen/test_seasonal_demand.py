"""Seasonal demand in a drop with a date: soups and frozen meals gain in winter, ice cream and
fresh fruit in summer, measured the way the pipeline dates orders (each user's last order on
the drop's date, walked back through days_since_prior_order); other aisles stay flat."""

import datetime
from pathlib import Path

import duckdb
import numpy as np
import pytest

from datagen.generate import DropSpec, generate_drop
from datagen.seasons import SEASONAL_AISLES, days_before_last_order, winter_strength

DROP_DATE = datetime.date(2026, 1, 15)


@pytest.fixture(scope="module", params=["southern", "northern"])
def seasonal_drop(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"seasonal_{request.param}")
    spec = DropSpec(users=5000, seed=3, date=DROP_DATE, hemisphere=request.param)
    generate_drop(spec, folder)
    return folder, request.param


def winter_over_summer(folder: Path, hemisphere: str) -> dict[str, float]:
    """Each aisle's share of the prior lines in winter orders over its share in summer ones."""
    winter_months = (6, 7, 8) if hemisphere == "southern" else (12, 1, 2)
    summer_months = (12, 1, 2) if hemisphere == "southern" else (6, 7, 8)
    rows = duckdb.sql(f"""
        with orders as (
            select order_id, user_id, order_number, coalesce(days_since_prior_order, 0) as days
            from read_csv('{folder}/orders.csv')
        ),
        dated as (
            select
                order_id,
                date '{DROP_DATE}' - cast(coalesce(sum(days) over (
                    partition by user_id order by order_number
                    rows between 1 following and unbounded following
                ), 0) as integer) as order_date
            from orders
        ),
        lines as (
            select
                aisle,
                month(order_date) in {winter_months} as in_winter,
                month(order_date) in {summer_months} as in_summer
            from read_csv('{folder}/order_products__prior.csv')
            join dated using (order_id)
            join read_csv('{folder}/products.csv') using (product_id)
            join read_csv('{folder}/aisles.csv') using (aisle_id)
        )
        select
            aisle,
            (count(*) filter (where in_winter) / sum(count(*) filter (where in_winter)) over ())
            / (count(*) filter (where in_summer) / sum(count(*) filter (where in_summer)) over ())
        from lines
        group by aisle
    """).fetchall()
    return dict(rows)


def test_seasonal_aisles_sell_in_their_season_and_others_do_not(seasonal_drop) -> None:
    ratio = winter_over_summer(*seasonal_drop)

    assert ratio["soup broth bouillon"] > 2.0
    assert ratio["frozen meals"] > 1.3
    assert ratio["ice cream ice"] < 0.5
    assert ratio["fresh fruits"] < 0.8
    for steady in ("yogurt", "milk", "chips pretzels", "packaged cheese"):
        assert 0.8 < ratio[steady] < 1.25, (steady, ratio[steady])


def test_the_gaps_after_each_order_sum_to_its_days_before_the_last() -> None:
    # user 1: first order, then 7 and 30 days; user 2: first order, then 10 days
    days = np.array([-1, 7, 30, -1, 10], np.int8)

    after = days_before_last_order(days, np.array([0, 3, 5]))

    assert after.tolist() == [37, 30, 0, 10, 0]


def test_winter_peaks_in_july_in_the_south_and_in_january_in_the_north() -> None:
    mid_july = datetime.date(2026, 7, 15)
    south = winter_strength(np.array([0, 181]), mid_july, "southern")  # July, then January
    north = winter_strength(np.array([0, 181]), mid_july, "northern")

    assert south[0] > 0.99 and south[1] < -0.99
    assert north[0] < -0.99 and north[1] > 0.99


def test_every_seasonal_aisle_is_in_the_catalog_and_an_unknown_hemisphere_is_refused() -> None:
    from datagen.seasons import aisle_amplitudes

    assert np.count_nonzero(aisle_amplitudes()) == len(SEASONAL_AISLES)
    with pytest.raises(ValueError, match="hemisphere must be southern or northern, got 'east'"):
        DropSpec(users=10, date=DROP_DATE, hemisphere="east")
