"""Order lines: which products each customer puts in each basket, simulated order by order.

For every order of a user, part of the basket repeats earlier purchases and the rest are
products tried for the first time:
- the share of repeats rises with the order number towards the user's loyalty;
- an earlier product comes back with weight exp(affinity) * (floor + fade ** gap), where
  affinity = product effect + user's shift + personal taste (drawn at first purchase) and
  gap = orders since it was last bought, so habits form, persist and fade;
- a new product is drawn by popularity, partly within the user's favourite aisles;
- repeats, favourites first, tend to go into the cart before new products.
`reordered` is therefore 1 exactly when the user bought the product in an earlier order.

Each user draws from a random stream of its own (splitmix64 keyed by seed and user), so the
result does not depend on how users are spread over threads or chunks.
"""

import itertools
from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from numba import njit, prange

from datagen.calibration import KNOBS, Knobs
from datagen.catalog import Catalog
from datagen.customers import EVAL_PRIOR, EVAL_TEST, EVAL_TRAIN, Customers, Orders

_MAX_NEW_PRODUCT_TRIES = 32
_LANES = 8  # more lanes than cores, so that heavy users even out


class Lines(NamedTuple):
    """One order-lines file's rows, already in file order (order_id, add_to_cart_order)."""

    order_id: np.ndarray  # int32
    product_id: np.ndarray  # int32
    add_to_cart_order: np.ndarray  # int16
    reordered: np.ndarray  # int8

    @classmethod
    def empty(cls, n: int) -> "Lines":
        return cls(np.empty(n, np.int32), np.empty(n, np.int32), np.empty(n, np.int16),
                   np.empty(n, np.int8))  # fmt: skip


# The compiled loops take their inputs grouped in named tuples, which numba passes as is.
class _Shelves(NamedTuple):
    """Sampling tables over the catalog (see Catalog)."""

    reorder_effect: np.ndarray
    season_amplitude: np.ndarray
    popularity_cdf: np.ndarray
    by_popularity: np.ndarray
    aisle_products: np.ndarray
    aisle_start: np.ndarray
    aisle_cdf: np.ndarray


class _Habits(NamedTuple):
    """Per-user traits (see Customers)."""

    loyalty: np.ndarray
    taste_shift: np.ndarray
    favourite_aisles: np.ndarray


class _Plan(NamedTuple):
    """Per-order facts fixed before simulation, and where each order's lines go."""

    user_start: np.ndarray
    basket_size: np.ndarray
    eval_set: np.ndarray
    order_id: np.ndarray
    out_offset: np.ndarray
    winter: np.ndarray  # +1 mid-winter to -1 mid-summer; 0 for a drop without a date


class _Model(NamedTuple):
    taste_sd: float
    fade_per_order: float
    fade_floor: float
    ramp_orders: float
    favourite_aisle_share: float


class _Scratch(NamedTuple):
    """One lane's working memory: a user's purchase history and the basket being filled."""

    bought: np.ndarray  # per product: 1 if the current user has bought it
    history_product: np.ndarray
    history_weight: np.ndarray  # exp(affinity)
    history_last: np.ndarray  # 0-based order number of the last purchase
    draw_weight: np.ndarray
    cart_key: np.ndarray
    cart_item: np.ndarray
    cart_reordered: np.ndarray


@njit(cache=True, inline="always")
def _next(state: np.ndarray) -> np.uint64:
    """splitmix64: advance the one-word state and return 64 random bits."""
    state[0] += np.uint64(0x9E3779B97F4A7C15)
    z = state[0]
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@njit(cache=True, inline="always")
def _uniform(state: np.ndarray) -> float:
    return float(_next(state) >> np.uint64(11)) * (1.0 / 9007199254740992.0)


@njit(cache=True)
def _normal(state: np.ndarray) -> float:
    u1 = 1.0 - _uniform(state)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * _uniform(state))


@njit(cache=True)
def _new_scratch(n_products: int, size: int) -> _Scratch:
    return _Scratch(
        np.zeros(n_products, np.uint8), np.empty(size, np.int32), np.empty(size, np.float64),
        np.empty(size, np.int32), np.empty(size, np.float64), np.empty(size, np.float64),
        np.empty(size, np.int32), np.empty(size, np.int8),
    )  # fmt: skip


@njit(cache=True)
def _draw_new_product(state, shelves, favourite_aisles, favourite_share, bought, winter):
    """A product the user has never bought: by popularity, sometimes in a favourite aisle;
    a seasonal one is turned down out of its season, by exp(amplitude * winter) against its
    peak."""
    for _ in range(_MAX_NEW_PRODUCT_TRIES):
        if _uniform(state) < favourite_share:
            aisle = favourite_aisles[int(_uniform(state) * len(favourite_aisles))]
            lo, hi = shelves.aisle_start[aisle], shelves.aisle_start[aisle + 1]
            at = lo + np.searchsorted(shelves.aisle_cdf[lo:hi], _uniform(state))
            product = shelves.aisle_products[min(at, hi - 1)]
        else:
            at = np.searchsorted(shelves.popularity_cdf, _uniform(state))
            product = min(at, len(shelves.popularity_cdf) - 1)
        if bought[product] == 0:
            if winter == 0.0:
                return product
            amplitude = shelves.season_amplitude[product]
            if amplitude == 0.0 or _uniform(state) < np.exp(amplitude * winter - abs(amplitude)):
                return product
    # A heavy user who has tried most popular products: take the most popular one left.
    for product in shelves.by_popularity:
        if bought[product] == 0:
            return product
    return -1


@njit(cache=True)
def _simulate_user(user, seed, habits, plan, shelves, model, prior, train, scratch):
    """Simulate one user's orders, writing lines into the prior and train outputs."""
    state = np.empty(1, np.uint64)
    state[0] = seed * np.uint64(0xD1B54A32D192ED03) + np.uint64(user + 1)
    _next(state)
    loyalty = habits.loyalty[user]
    shift = habits.taste_shift[user]
    favourite_aisles = habits.favourite_aisles[user]
    weight, last = scratch.history_weight, scratch.history_last
    draw_weight = scratch.draw_weight
    cart_key, cart_item, cart_reordered = (
        scratch.cart_key,
        scratch.cart_item,
        scratch.cart_reordered,
    )
    n_history = 0
    first = plan.user_start[user]
    for order in range(first, plan.user_start[user + 1]):
        size = plan.basket_size[order]
        if size == 0:  # a test order: its lines are not part of the download
            continue
        k = order - first  # 0-based order number
        winter = plan.winter[order]
        # How many lines repeat earlier purchases.
        n_repeat = 0
        if n_history > 0:
            share = loyalty * k / (k + model.ramp_orders)
            for _ in range(size):
                if _uniform(state) < share:
                    n_repeat += 1
            n_repeat = min(n_repeat, n_history)
        # Which: weighted draws without replacement over the history.
        total = 0.0
        for i in range(n_history):
            gap = k - 1 - last[i]
            draw_weight[i] = weight[i] * (model.fade_floor + np.exp(-model.fade_per_order * gap))
            if winter != 0.0:  # a drop without a date reads no amplitude at all
                amplitude = shelves.season_amplitude[scratch.history_product[i]]
                if amplitude != 0.0:
                    draw_weight[i] *= np.exp(amplitude * winter)
            total += draw_weight[i]
        for j in range(n_repeat):
            target = _uniform(state) * total
            chosen = -1
            acc = 0.0
            for i in range(n_history):
                if draw_weight[i] > 0.0:
                    chosen = i
                    acc += draw_weight[i]
                    if acc >= target:
                        break
            total -= draw_weight[chosen]
            draw_weight[chosen] = 0.0
            last[chosen] = k
            cart_item[j] = scratch.history_product[chosen]
            cart_reordered[j] = 1
            # Favourites tend to go into the cart first.
            cart_key[j] = _uniform(state) - 0.35 * weight[chosen] / (1.0 + weight[chosen])
        # The rest: products tried for the first time.
        for j in range(n_repeat, size):
            product = _draw_new_product(
                state,
                shelves,
                favourite_aisles,
                model.favourite_aisle_share,
                scratch.bought,
                winter,
            )
            scratch.bought[product] = 1
            scratch.history_product[n_history] = product
            affinity = shelves.reorder_effect[product] + shift + model.taste_sd * _normal(state)
            weight[n_history] = np.exp(affinity)
            last[n_history] = k
            n_history += 1
            cart_item[j] = product
            cart_reordered[j] = 0
            cart_key[j] = _uniform(state) + 0.1
        # Write the basket in cart order at the order's place in its file.
        out = train if plan.eval_set[order] == EVAL_TRAIN else prior
        base = plan.out_offset[order]
        positions = np.argsort(cart_key[:size])
        for position in range(size):
            j = positions[position]
            out.order_id[base + position] = plan.order_id[order]
            out.product_id[base + position] = cart_item[j] + 1
            out.add_to_cart_order[base + position] = position + 1
            out.reordered[base + position] = cart_reordered[j]
    for i in range(n_history):
        scratch.bought[scratch.history_product[i]] = 0


@njit(cache=True, parallel=True)
def _simulate_users(lo, hi, lanes, seed, habits, plan, shelves, model, prior, train, history):
    """Users lo..hi-1, interleaved over lanes that each have their own scratch memory."""
    for lane in prange(lanes):
        scratch = _new_scratch(len(shelves.popularity_cdf), history)
        for user in range(lo + lane, hi, lanes):
            _simulate_user(user, seed, habits, plan, shelves, model, prior, train, scratch)


def file_offsets(orders: Orders, eval_code: int) -> tuple[np.ndarray, int]:
    """Where each order's lines start in its file (sorted by order_id), and the file's rows."""
    members = np.flatnonzero(orders.eval_set == eval_code)
    members = members[np.argsort(orders.order_id[members], kind="stable")]
    sizes = orders.basket_size[members].astype(np.int64)
    offsets = np.zeros(orders.n_orders, np.int64)
    offsets[members] = np.cumsum(sizes) - sizes
    return offsets, int(sizes.sum())


def simulate_lines(
    catalog: Catalog,
    customers: Customers,
    orders: Orders,
    seed: int,
    chunks: int = 1,
    on_chunk: Callable[[int], None] | None = None,
    knobs: Knobs = KNOBS,
    winter: np.ndarray | None = None,
) -> tuple[Lines, Lines]:
    """Simulate all order lines; returns (prior lines, train lines) in file order. `winter`
    is each order's season (datagen/seasons.py), none when not given.

    Users are processed in `chunks` slices (results do not depend on it) so that a
    caller can report progress through `on_chunk(users_done)`.
    """
    prior_offset, n_prior = file_offsets(orders, EVAL_PRIOR)
    train_offset, n_train = file_offsets(orders, EVAL_TRAIN)
    out_offset = np.where(orders.eval_set == EVAL_TRAIN, train_offset, prior_offset)
    out_offset[orders.eval_set == EVAL_TEST] = -1
    prior, train = Lines.empty(n_prior), Lines.empty(n_train)

    lines_per_user = np.add.reduceat(orders.basket_size.astype(np.int64), orders.user_start[:-1])
    longest_history = int(max(lines_per_user.max(), 1))
    habits = _Habits(customers.loyalty, customers.taste_shift, customers.favourite_aisles)
    plan = _Plan(
        orders.user_start, orders.basket_size, orders.eval_set, orders.order_id, out_offset,
        np.zeros(orders.n_orders) if winter is None else winter,
    )  # fmt: skip
    shelves = _Shelves(
        catalog.reorder_effect, catalog.season_amplitude, catalog.popularity_cdf,
        catalog.by_popularity, catalog.aisle_products, catalog.aisle_start, catalog.aisle_cdf,
    )  # fmt: skip
    model = _Model(
        knobs.taste_sd, knobs.fade_per_order, knobs.fade_floor, knobs.loyalty_ramp_orders,
        knobs.favourite_aisle_share,
    )  # fmt: skip
    seed_word = np.uint64(seed % 2**64)
    bounds = np.linspace(0, customers.n_users, chunks + 1).astype(np.int64)
    for lo, hi in itertools.pairwise(bounds):
        _simulate_users(
            lo, hi, _LANES, seed_word, habits, plan, shelves, model, prior, train, longest_history
        )
        if on_chunk is not None:
            on_chunk(int(hi))
    return prior, train
