"""Customers and their order schedules: how many orders, when, and how big.

Each customer has habits drawn once (typical basket size, typical gap between orders, a
favourite weekday and hour, loyalty, favourite aisles), and every order is drawn from those
habits. Heavy users order more often, as in the real data.
"""

from dataclasses import dataclass

import numpy as np

from datagen.calibration import DOW_ORDERS, HOUR_ORDERS, KNOBS, PUBLISHED, Knobs

EVAL_PRIOR, EVAL_TRAIN, EVAL_TEST = 0, 1, 2
EVAL_SET_NAMES = ("prior", "train", "test")
NO_DAYS = -1  # days_since_prior_order is empty on a user's first order


@dataclass(frozen=True)
class Customers:
    """Per-user traits; user_id = index + 1."""

    n_orders: np.ndarray  # int32
    is_train: np.ndarray  # bool: the last order is train (else test)
    loyalty: np.ndarray  # float64: long-run share of an order's lines that are reorders
    taste_shift: np.ndarray  # float64: the user's general pull towards repeating
    favourite_aisles: np.ndarray  # int32, (n_users, k): aisle indices (aisle_id - 1)

    @property
    def n_users(self) -> int:
        return len(self.n_orders)


@dataclass(frozen=True)
class Orders:
    """Every order, sorted by user_id then order_number, as orders.csv lists them."""

    order_id: np.ndarray  # int32, a random permutation of 1..n like the real ids
    user_index: np.ndarray  # int32 (user_id - 1)
    order_number: np.ndarray  # int16, 1..n within a user
    eval_set: np.ndarray  # int8: EVAL_PRIOR, EVAL_TRAIN or EVAL_TEST
    order_dow: np.ndarray  # int8, 0..6
    order_hour_of_day: np.ndarray  # int8, 0..23
    days_since_prior_order: np.ndarray  # int8, 0..30 or NO_DAYS
    basket_size: np.ndarray  # int16: lines to generate (0 for test orders, which have none)
    user_start: np.ndarray  # int64, n_users + 1 offsets: a user's orders are contiguous

    @property
    def n_orders(self) -> int:
        return len(self.order_id)


def draw_customers(
    n_users: int, aisle_popularity: np.ndarray, rng: np.random.Generator, knobs: Knobs = KNOBS
) -> Customers:
    """Draw n_users customers' traits."""
    low, high = PUBLISHED.min_orders_per_user, PUBLISHED.max_orders_per_user
    extra = rng.negative_binomial(
        knobs.orders_nb_shape,
        knobs.orders_nb_shape / (knobs.orders_nb_shape + knobs.orders_nb_mean),
        n_users,
    )
    n_orders = (low + np.minimum(extra, high - low)).astype(np.int32)
    n_orders[rng.random(n_users) < knobs.power_user_share] = high
    aisle_cdf = np.cumsum(aisle_popularity)
    favourite_aisles = np.searchsorted(
        aisle_cdf, rng.random((n_users, knobs.favourite_aisles)) * aisle_cdf[-1]
    ).astype(np.int32)
    return Customers(
        n_orders=n_orders,
        is_train=rng.random(n_users) < PUBLISHED.train_user_share,
        loyalty=_loyalty(n_orders, rng, knobs),
        taste_shift=knobs.user_effect_sd * rng.standard_normal(n_users),
        favourite_aisles=favourite_aisles,
    )


def _loyalty(n_orders: np.ndarray, rng: np.random.Generator, knobs: Knobs) -> np.ndarray:
    """Long-run reorder share: a personal level, higher for customers who order more often."""
    base = rng.beta(knobs.loyalty_beta_a, knobs.loyalty_beta_b, len(n_orders))
    log_odds = np.log(base / (1 - base)) + knobs.loyalty_heavy_user_slope * np.log(
        n_orders / PUBLISHED.mean_orders_per_user
    )
    return 1 / (1 + np.exp(-log_odds))


def _habitual(
    preferred: np.ndarray, habit: np.ndarray, marginal: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Per order: the user's preferred value with probability habit, else a marginal draw.

    The preferred value is itself drawn from the marginal, so the mix keeps the marginal.
    """
    fresh = np.searchsorted(np.cumsum(marginal / marginal.sum()), rng.random(len(preferred)))
    return np.where(rng.random(len(preferred)) < habit, preferred, fresh)


def draw_orders(customers: Customers, rng: np.random.Generator, knobs: Knobs = KNOBS) -> Orders:
    """Draw every order of every customer: ids, timing and basket sizes."""
    n_users = customers.n_users
    counts = customers.n_orders.astype(np.int64)
    user_start = np.concatenate([[0], np.cumsum(counts)])
    n = int(user_start[-1])
    user_index = np.repeat(np.arange(n_users, dtype=np.int32), counts)
    order_number = (np.arange(n) - user_start[:-1][user_index] + 1).astype(np.int16)
    is_last = order_number == customers.n_orders[user_index]
    eval_set = np.full(n, EVAL_PRIOR, dtype=np.int8)
    eval_set[is_last] = np.where(customers.is_train, EVAL_TRAIN, EVAL_TEST)

    # Weekday and hour: a favourite kept with a personal strength of habit.
    dow_marginal = DOW_ORDERS / DOW_ORDERS.sum()
    hour_marginal = HOUR_ORDERS / HOUR_ORDERS.sum()
    favourite_dow = np.searchsorted(np.cumsum(dow_marginal), rng.random(n_users))
    favourite_hour = np.searchsorted(np.cumsum(hour_marginal), rng.random(n_users))
    dow_habit = rng.uniform(0, knobs.dow_habit_max, n_users)
    hour_habit = rng.uniform(0, knobs.hour_habit_max, n_users)
    order_dow = _habitual(favourite_dow[user_index], dow_habit[user_index], dow_marginal, rng)
    hour_jitter = np.rint(rng.normal(0, 1.2, n)).astype(np.int64)
    favourite_hour_jittered = np.clip(favourite_hour[user_index] + hour_jitter, 0, 23)
    order_hour = _habitual(favourite_hour_jittered, hour_habit[user_index], hour_marginal, rng)

    # Gaps: gamma around a personal typical gap; weekly shoppers snap to whole weeks; the
    # real file caps gaps at 30, which makes 30 its most common value.
    typical_gap = np.exp(
        knobs.gap_log_mean
        + knobs.gap_heavy_user_slope * np.log(customers.n_orders / PUBLISHED.mean_orders_per_user)
        + knobs.gap_log_sd * rng.standard_normal(n_users)
    )
    weekly_habit = rng.uniform(0, knobs.weekly_habit_max, n_users)
    raw_gap = rng.gamma(knobs.gap_gamma_shape, typical_gap[user_index] / knobs.gap_gamma_shape)
    snapped = np.where(raw_gap >= 3.5, np.rint(raw_gap / 7) * 7, np.rint(raw_gap))
    gap = np.where(rng.random(n) < weekly_habit[user_index], snapped, np.rint(raw_gap))
    days = np.minimum(gap, 30).astype(np.int8)
    days[order_number == 1] = NO_DAYS

    # Basket sizes: 1 + negative binomial around a personal mean; the target order a bit larger.
    basket_mean = np.exp(knobs.basket_log_mean + knobs.basket_log_sd * rng.standard_normal(n_users))
    mean = basket_mean[user_index] * np.where(is_last, knobs.train_basket_lift, 1.0)
    shape = knobs.basket_nb_shape
    extra_lines = rng.negative_binomial(shape, shape / (shape + np.maximum(mean - 1, 1e-3)))
    basket_size = np.minimum(1 + extra_lines, PUBLISHED.max_basket).astype(np.int16)
    basket_size[eval_set == EVAL_TEST] = 0

    order_id = (rng.permutation(n) + 1).astype(np.int32)
    return Orders(
        order_id=order_id,
        user_index=user_index,
        order_number=order_number,
        eval_set=eval_set,
        order_dow=order_dow.astype(np.int8),
        order_hour_of_day=order_hour.astype(np.int8),
        days_since_prior_order=days,
        basket_size=basket_size,
        user_start=user_start,
    )
