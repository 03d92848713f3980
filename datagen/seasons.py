"""Seasonal demand: soups and frozen meals sell more in winter, ice cream and fresh fruit in
summer.

The Instacart schema has no dates, so a season exists only once a drop has one: the
pipeline takes each user's last order to have been placed on the drop's date and walks back
through days_since_prior_order (models/curated/order_dates.sql). The generator, given that
date, dates every order the same way and scales a seasonal product's weight in a basket by
exp(amplitude * winter), where winter is +1 in mid-winter and -1 in mid-summer (a cosine of
the day of the year) and the amplitude is its aisle's. Without a date nothing is seasonal.
"""

import datetime

import numpy as np

from datagen.vocabulary import AISLES

# Aisle -> amplitude: above 0 sells more in winter, below 0 more in summer. exp(2 * 0.6) is
# 3.3 times the weight in mid-winter as in mid-summer; fresh fruits, a tenth of all lines,
# move less.
SEASONAL_AISLES = {
    "soup broth bouillon": 0.6,
    "frozen meals": 0.3,
    "ice cream ice": -0.6,
    "fresh fruits": -0.25,
}
HEMISPHERES = ("southern", "northern")
# The middle of winter, as a day of the year: mid-July in the south, mid-January in the north.
_MID_WINTER = {"southern": 196, "northern": 15}
_YEAR_DAYS = 365.25


def aisle_amplitudes() -> np.ndarray:
    """Each aisle's seasonal amplitude (index aisle_id - 1), 0 for an aisle with no season."""
    names = [aisle.name for aisle in AISLES]
    unknown = set(SEASONAL_AISLES) - set(names)
    if unknown:
        raise ValueError(f"seasonal aisles not in the catalog: {sorted(unknown)}")
    return np.array([SEASONAL_AISLES.get(name, 0.0) for name in names])


def winter_strength(
    days_before_last: np.ndarray, last_order_date: datetime.date, hemisphere: str
) -> np.ndarray:
    """Per order, how deep in winter its date falls: +1 mid-winter, -1 mid-summer. An order
    is dated `days_before_last` days before its user's last order, placed on
    `last_order_date`."""
    if hemisphere not in HEMISPHERES:
        raise ValueError(f"hemisphere must be southern or northern, got {hemisphere!r}")
    last_day = last_order_date.timetuple().tm_yday
    day_of_year = last_day - days_before_last.astype(np.float64)
    return np.cos(2 * np.pi * (day_of_year - _MID_WINTER[hemisphere]) / _YEAR_DAYS)


def days_before_last_order(days_since_prior: np.ndarray, user_start: np.ndarray) -> np.ndarray:
    """Per order (users' orders contiguous, in order), the sum of the gaps of the user's later
    orders: the days from the order to the user's last one. A first order's gap (none,
    written as a negative value) counts as 0."""
    gaps = np.cumsum(np.where(days_since_prior >= 0, days_since_prior, 0).astype(np.int64))
    # The running sum at the user's last order, less the running sum at this one.
    last = np.repeat(user_start[1:] - 1, np.diff(user_start))
    return gaps[last] - gaps
