"""The product catalog: aisles, departments, products, and what makes a product sell.

Popularity follows a bent power law (a flat head like bananas and strawberries, a steep
tail of rarely bought items) spread over departments in their published line shares.
Each product also carries a reorder effect: staples of dairy and produce come back more
often than pantry or personal care, and popular products more than obscure ones.
"""

from dataclasses import dataclass

import numpy as np

from datagen.calibration import AISLE_LINE_SHARE, FULL_SCALE_PRODUCTS, KNOBS, Knobs
from datagen.seasons import aisle_amplitudes
from datagen.vocabulary import AISLES, DEPARTMENTS, product_names


@dataclass(frozen=True)
class Catalog:
    """Products indexed 0..n-1 (product_id = index + 1) and the sampling tables over them."""

    product_names: list[str]
    aisle_id: np.ndarray  # int32, per product
    department_id: np.ndarray  # int32, per product
    popularity: np.ndarray  # float64, per product, sums to 1: chance of being tried
    reorder_effect: np.ndarray  # float64, per product, log-odds scale
    season_amplitude: np.ndarray  # float64, per product: its aisle's (datagen/seasons.py)
    popularity_cdf: np.ndarray  # float64, cumulative popularity, for inverse sampling
    by_popularity: np.ndarray  # int32, product indices most popular first
    aisle_products: np.ndarray  # int32, product indices grouped by aisle
    aisle_start: np.ndarray  # int64, n_aisles + 1 offsets into aisle_products
    aisle_cdf: np.ndarray  # float64, cumulative popularity within each aisle's group
    aisle_popularity: np.ndarray  # float64, per aisle (index = aisle_id - 1), sums to 1

    @property
    def n_products(self) -> int:
        return len(self.aisle_id)


def aisle_sizes(n_products: int) -> np.ndarray:
    """Products per aisle for a catalog of n_products, in the real catalog's proportions."""
    full = np.array([aisle.product_count for aisle in AISLES], dtype=np.int64)
    if n_products < len(full):
        raise ValueError(f"a catalog needs at least {len(full)} products, one per aisle")
    if n_products == FULL_SCALE_PRODUCTS:
        return full
    # Largest remainder on what is left after one product per aisle, so every aisle stays.
    share = full / full.sum() * (n_products - len(full))
    sizes = np.floor(share).astype(np.int64)
    remainder_order = np.argsort(-(share - sizes), kind="stable")
    sizes[remainder_order[: n_products - len(full) - sizes.sum()]] += 1
    return sizes + 1


def aisle_line_shares() -> np.ndarray:
    """Each aisle's share of all order lines (index aisle_id - 1), summing to 1."""
    department_share = np.array([d.line_share for d in DEPARTMENTS])
    department_share /= department_share.sum()
    share = np.zeros(len(AISLES))
    left = department_share.copy()  # per department, what the listed aisles leave
    unlisted_products = np.zeros(len(DEPARTMENTS))
    for index, aisle in enumerate(AISLES):
        if aisle.name in AISLE_LINE_SHARE:
            share[index] = AISLE_LINE_SHARE[aisle.name]
            left[aisle.department_id - 1] -= share[index]
        else:
            unlisted_products[aisle.department_id - 1] += aisle.product_count
    for index, aisle in enumerate(AISLES):
        if aisle.name not in AISLE_LINE_SHARE:
            department = aisle.department_id - 1
            share[index] = left[department] * aisle.product_count / unlisted_products[department]
    return share / share.sum()


def _popularity_by_rank(n: int, knobs: Knobs) -> np.ndarray:
    """Unnormalised weight of the product at each popularity rank (1 = most popular)."""
    rank = np.arange(1, n + 1, dtype=np.float64)
    knee = float(knobs.popularity_knee_rank)
    head = rank**-knobs.popularity_head_exponent
    tail = knee**-knobs.popularity_head_exponent * (rank / knee) ** -knobs.popularity_tail_exponent
    return np.where(rank <= knee, head, tail)


def build_catalog(n_products: int, rng: np.random.Generator, knobs: Knobs = KNOBS) -> Catalog:
    """A catalog of n_products with aisles, departments, names, popularity and reorder effects."""
    sizes = aisle_sizes(n_products)
    aisle_ids = np.array([aisle.aisle_id for aisle in AISLES], dtype=np.int32)
    department_of_aisle = np.array([aisle.department_id for aisle in AISLES], dtype=np.int32)

    # Real product ids are not grouped by aisle: deal the aisle slots out at random.
    aisle_id = rng.permutation(np.repeat(aisle_ids, sizes)).astype(np.int32)
    department_id = department_of_aisle[aisle_id - 1]

    reorder_rate = np.array([d.reorder_rate for d in DEPARTMENTS])
    target = aisle_line_shares()[aisle_id - 1]
    products_per_aisle = np.bincount(aisle_id, minlength=len(AISLES) + 1)[aisle_id]

    # Rank products by a draw favouring aisles with a large line share per product
    # (Efraimidis-Spirakis keys), then weight ranks by the bent power law.
    keys = np.log(rng.random(n_products)) / (target / products_per_aisle)
    by_popularity = np.argsort(-keys, kind="stable").astype(np.int32)
    weight = np.empty(n_products)
    weight[by_popularity] = _popularity_by_rank(n_products, knobs)
    # Hold each aisle at its share of lines.
    aisle_weight = np.bincount(aisle_id, weights=weight, minlength=len(AISLES) + 1)
    weight *= target / aisle_weight[aisle_id]
    popularity = weight / weight.sum()

    log_popularity = np.log(popularity)
    reorder_effect = (
        np.log(reorder_rate / (1 - reorder_rate))[department_id - 1]
        + knobs.product_effect_sd * rng.standard_normal(n_products)
        + knobs.popularity_reorder_lift * (log_popularity - log_popularity.mean())
    )

    aisle_products = np.argsort(aisle_id, kind="stable").astype(np.int32)
    aisle_start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    grouped = popularity[aisle_products]
    aisle_total = np.add.reduceat(grouped, aisle_start[:-1])
    aisle_cdf = np.empty_like(grouped)
    for index in range(len(sizes)):
        lo, hi = aisle_start[index], aisle_start[index + 1]
        aisle_cdf[lo:hi] = np.cumsum(grouped[lo:hi]) / aisle_total[index]
        aisle_cdf[hi - 1] = 1.0

    popularity_cdf = np.cumsum(popularity)
    popularity_cdf[-1] = 1.0
    return Catalog(
        product_names=product_names(rng, aisle_id),
        aisle_id=aisle_id,
        department_id=department_id,
        popularity=popularity,
        reorder_effect=reorder_effect,
        season_amplitude=aisle_amplitudes()[aisle_id - 1],
        popularity_cdf=popularity_cdf,
        by_popularity=by_popularity,
        aisle_products=aisle_products,
        aisle_start=aisle_start,
        aisle_cdf=aisle_cdf,
        aisle_popularity=aisle_total / aisle_total.sum(),
    )
