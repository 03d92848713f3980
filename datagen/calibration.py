"""Published Instacart figures the generator is calibrated against, and the model's knobs.

The figures come from the public Instacart Market Basket Analysis release (3,421,083 orders
of 206,209 users). Tests compare generated data with them; the knobs below were tuned so that
a generated drop matches them within the tolerances stated in the tests.
"""

from dataclasses import dataclass

import numpy as np

FULL_SCALE_USERS = 206_209
FULL_SCALE_PRODUCTS = 49_688


@dataclass(frozen=True)
class Published:
    """What the real download shows, the targets of calibration."""

    min_orders_per_user: int = 4
    max_orders_per_user: int = 100
    mean_orders_per_user: float = 3_421_083 / 206_209  # 16.59
    users_at_max_orders_share: float = 1_374 / 206_209  # 0.67%
    train_user_share: float = 131_209 / 206_209  # 0.636; the rest are test users
    mean_prior_basket: float = 32_434_489 / 3_214_874  # 10.09 lines
    mean_train_basket: float = 1_384_617 / 131_209  # 10.55 lines
    modal_basket: int = 5
    max_basket: int = 145
    prior_reordered_share: float = 0.5897
    train_reordered_share: float = 0.5986
    top_product_line_share: float = 472_565 / 32_434_489  # Banana: 1.46% of prior lines
    mean_days_since_prior: float = 11.11
    n_aisles: int = 134
    n_departments: int = 21
    heldout_auc: float = 0.83  # gradient boosting on the feature contract, real data


PUBLISHED = Published()

# Orders per weekday, 0..6, in the real orders.csv (0 and 1 are the busiest).
DOW_ORDERS = np.array([600_905, 587_478, 467_260, 436_972, 426_339, 453_368, 448_761], float)

# Orders per hour of day, 0..23: quiet at night, a plateau from 9 to 16.
HOUR_ORDERS = np.array(
    [
        22_758, 12_398, 7_539, 5_474, 5_527, 9_569, 30_529, 91_868,
        178_201, 257_812, 288_418, 284_728, 272_841, 277_999, 283_042, 283_639,
        272_553, 228_795, 182_912, 140_569, 104_292, 78_109, 61_468, 40_043,
    ],
    float,
)  # fmt: skip

# Share of all order lines of the ten biggest aisles; the other aisles share what is left of
# their department's line share in proportion to their product counts.
AISLE_LINE_SHARE = {
    "fresh fruits": 0.113,
    "fresh vegetables": 0.105,
    "packaged vegetables fruits": 0.055,
    "yogurt": 0.045,
    "packaged cheese": 0.030,
    "milk": 0.027,
    "water seltzer sparkling water": 0.026,
    "chips pretzels": 0.022,
    "soy lactosefree": 0.020,
    "bread": 0.018,
}


@dataclass(frozen=True)
class Knobs:
    """Parameters of the behavioural model (README, "Synthetic data"), tuned to PUBLISHED."""

    # Orders per user: 4 + NegBin(shape, mean), capped at 100; a few power users have longer
    # histories, which the real data cuts at 100 orders, so they pile up there (0.67% of users).
    orders_nb_shape: float = 0.87
    orders_nb_mean: float = 12.2
    power_user_share: float = 0.0055

    # Basket size: a per-user mean (log-normal), then per order 1 + NegBin around it.
    basket_log_mean: float = 2.2
    basket_log_sd: float = 0.45
    basket_nb_shape: float = 5.0
    train_basket_lift: float = 1.045  # the target order runs slightly larger

    # Timing: per-user typical gap (log-normal days, shorter for heavy users) and the
    # share of gaps snapped to a weekly rhythm (peaks at 7, 14, 21). Gaps cap at 30.
    gap_log_mean: float = 2.42
    gap_log_sd: float = 0.74
    gap_heavy_user_slope: float = -0.55
    gap_gamma_shape: float = 3.45
    weekly_habit_max: float = 0.2
    dow_habit_max: float = 0.6
    hour_habit_max: float = 0.6

    # Reorders: the share of an order's lines that repeat earlier purchases rises with the
    # order number k as loyalty * k / (k + ramp); loyalty is a Beta draw, shifted up on the
    # log-odds scale for customers who order often (their orders dominate the prior lines,
    # while every train user counts once: this keeps the two shares close, as in real data).
    loyalty_beta_a: float = 4.6
    loyalty_beta_b: float = 1.5
    loyalty_ramp_orders: float = 1.8
    loyalty_heavy_user_slope: float = 0.8

    # Which earlier products come back: weight exp(affinity) * (floor + exp(-fade * gap)),
    # affinity = product effect + user effect + personal taste.
    taste_sd: float = 1.0
    user_effect_sd: float = 0.3
    fade_per_order: float = 0.18
    fade_floor: float = 0.12

    # Which new products are tried: popularity, partly within a user's favourite aisles.
    favourite_aisles: int = 4
    favourite_aisle_share: float = 0.45
    popularity_head_exponent: float = 0.8
    popularity_tail_exponent: float = 1.05
    popularity_knee_rank: int = 100
    product_effect_sd: float = 0.55
    popularity_reorder_lift: float = 0.22


KNOBS = Knobs()
