"""A generated drop matches the published Instacart figures within stated tolerances.

The sample has a few thousand users, so each tolerance covers its sampling noise; the
full-scale figures are in the README.
"""

import numpy as np
import pandas as pd
import pytest

from datagen.calibration import PUBLISHED
from datagen.vocabulary import DEPARTMENTS


@pytest.fixture(scope="module")
def orders(sample_tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    frame = sample_tables["orders"]
    return pd.DataFrame(
        {
            "user_id": frame["user_id"].astype(np.int64),
            "eval_set": frame["eval_set"],
            "order_dow": frame["order_dow"].astype(np.int64),
            "order_hour_of_day": frame["order_hour_of_day"].astype(np.int64),
            "days": pd.to_numeric(frame["days_since_prior_order"].replace("", np.nan)),
        }
    )


def _lines(sample_tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return sample_tables[name][["order_id", "product_id", "reordered"]].astype(np.int64)


def test_orders_per_user_average_like_the_real_data(orders: pd.DataFrame) -> None:
    per_user = orders.groupby("user_id").size()
    assert per_user.mean() == pytest.approx(PUBLISHED.mean_orders_per_user, rel=0.08)
    assert per_user.mode().iloc[0] == PUBLISHED.min_orders_per_user  # most users are light
    # Histories are cut at 100 orders, so power users pile up there (0.67% of real users).
    at_cap = (per_user == PUBLISHED.max_orders_per_user).mean()
    assert at_cap == pytest.approx(PUBLISHED.users_at_max_orders_share, rel=0.6)


def test_about_64_percent_of_users_end_with_a_train_order(orders: pd.DataFrame) -> None:
    last = orders[orders["eval_set"] != "prior"]
    assert last["user_id"].is_unique
    share = (last["eval_set"] == "train").mean()
    assert share == pytest.approx(PUBLISHED.train_user_share, abs=0.03)


def test_basket_sizes_average_about_ten_lines_with_mode_about_five(
    sample_tables: dict[str, pd.DataFrame],
) -> None:
    prior = _lines(sample_tables, "order_products__prior").groupby("order_id").size()
    train = _lines(sample_tables, "order_products__train").groupby("order_id").size()
    assert prior.mean() == pytest.approx(PUBLISHED.mean_prior_basket, rel=0.06)
    assert train.mean() == pytest.approx(PUBLISHED.mean_train_basket, rel=0.06)
    assert abs(prior.mode().iloc[0] - PUBLISHED.modal_basket) <= 1
    assert prior.max() <= PUBLISHED.max_basket
    assert prior.max() >= 50  # a long tail of big shops, not a capped bell


def test_reordered_share_matches_prior_and_train_lines(
    sample_tables: dict[str, pd.DataFrame],
) -> None:
    prior = _lines(sample_tables, "order_products__prior")["reordered"].mean()
    train = _lines(sample_tables, "order_products__train")["reordered"].mean()
    assert prior == pytest.approx(PUBLISHED.prior_reordered_share, abs=0.03)
    assert train == pytest.approx(PUBLISHED.train_reordered_share, abs=0.03)


def test_popularity_is_strongly_skewed(sample_tables: dict[str, pd.DataFrame]) -> None:
    counts = _lines(sample_tables, "order_products__prior")["product_id"].value_counts()
    shares = counts / counts.sum()
    assert shares.iloc[0] == pytest.approx(PUBLISHED.top_product_line_share, rel=0.35)
    # The top 1% of the catalog takes a large share of lines; the tail is long.
    assert shares.iloc[: 49_688 // 100].sum() > 0.25
    assert (counts <= 2).sum() > 5_000


def test_days_since_prior_peak_at_7_and_30_with_smaller_peaks_at_14_and_21(
    orders: pd.DataFrame,
) -> None:
    days = orders["days"].dropna().astype(int).value_counts().reindex(range(31), fill_value=0)
    assert days.idxmax() == 30
    assert days.loc[1:29].idxmax() == 7
    for peak in (14, 21):
        assert days[peak] > days[peak - 1] and days[peak] > days[peak + 1], peak
    assert days.loc[1:29].drop([7, 14, 21]).max() < days[7]
    assert orders["days"].mean() == pytest.approx(PUBLISHED.mean_days_since_prior, abs=1.0)


def test_weekdays_0_and_1_are_busiest(orders: pd.DataFrame) -> None:
    by_day = orders["order_dow"].value_counts()
    assert set(by_day.index[:2]) == {0, 1}
    assert set(by_day.index) == set(range(7))


def test_hours_peak_in_the_day_and_are_quiet_at_night(orders: pd.DataFrame) -> None:
    by_hour = (
        orders["order_hour_of_day"].value_counts(normalize=True).reindex(range(24), fill_value=0)
    )
    assert 9 <= by_hour.idxmax() <= 16
    assert by_hour.loc[0:5].sum() < 0.05
    assert by_hour.loc[9:16].sum() > 0.55


def test_departments_keep_their_published_line_shares_and_reorder_rates(
    sample_tables: dict[str, pd.DataFrame],
) -> None:
    products = sample_tables["products"][["product_id", "department_id"]].astype(np.int64)
    lines = _lines(sample_tables, "order_products__prior").merge(products, on="product_id")
    share = lines["department_id"].value_counts(normalize=True)
    reorder = lines.groupby("department_id")["reordered"].mean()
    names = {d.department_id: d.name for d in DEPARTMENTS}
    top_two = [names[i] for i in share.index[:2]]
    assert top_two == ["produce", "dairy eggs"]
    by_name = {names[i]: r for i, r in reorder.items()}
    assert by_name["dairy eggs"] > by_name["pantry"] + 0.1
    assert by_name["produce"] > by_name["personal care"] + 0.1
