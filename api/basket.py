"""Turn one customer's reorder probabilities into the next-basket suggestion with the
highest expected F1, as scored in the Instacart Market Basket Analysis competition.

Conventions (those of the competition's mean per-order F1):

- Each candidate product is reordered independently with the model's probability.
- An order's true set is the products reordered in it; when none is, the true set is the
  single token "None". So the true set is never empty.
- A suggestion is the ``k`` most probable products, optionally plus "None". "None" is a
  true positive exactly when nothing is reordered, and a false positive otherwise.
- F1 = 2 * true positives / (predicted size + true size), with F1 of an empty prediction
  against an empty truth equal to 1. Since the true set always holds a product or "None",
  that case never arises here: predicting nothing at all scores 0.

The expected F1 is computed exactly, not by sampling, with the dynamic programme of
Nan Ye et al. (2012), "Optimizing F-measures: a tale of two approaches", in the form of
Faron's "F1 optimal" Kaggle solution: the distribution of true positives among the ``k``
chosen products, and E[1 / (m + positives among the rest)] for every ``m``, are each built
for all ``k`` in one pass, in O(n^2) time and memory for ``n`` candidates.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# Two baskets whose expected F1 differ by less than this are a tie: the same rational value
# reached along different floating-point paths can differ in the last bits.
TIE_TOLERANCE = 1e-12

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Basket:
    """The F1-maximising suggestion for one customer's next order.

    ``ranked`` holds every candidate as (product_id, probability), most probable first and
    then by product id; ``chosen`` is the suggested product ids, a prefix of ``ranked``;
    ``include_none`` says whether the token "None" is suggested too; ``expected_f1`` is the
    suggestion's exact expected F1.
    """

    ranked: list[tuple[int, float]]
    chosen: list[int]
    include_none: bool
    expected_f1: float


def expected_f1(probabilities: Sequence[float], chosen: int, include_none: bool) -> float:
    """Exact expected F1 of predicting the ``chosen`` most probable products, plus "None"
    when ``include_none``; ``probabilities`` may come in any order. O(n^2) for n products.
    """
    for position, probability in enumerate(probabilities):
        _check_probability(f"position {position}", probability)
    if not 0 <= chosen <= len(probabilities):
        raise ValueError(f"chosen must be between 0 and {len(probabilities)}, got {chosen}")
    descending = np.sort(np.asarray(probabilities, dtype=np.float64))[::-1]
    without_none, with_none = expected_f1_by_size(descending)
    return float((with_none if include_none else without_none)[chosen])


def best_basket(probabilities: Mapping[int, float]) -> Basket:
    """The basket of highest expected F1 for one customer, given each candidate product's
    reorder probability.

    Only prefixes of the ranking need searching: for a fixed basket size the expected F1 is
    a sum of per-product terms p_i * E[2 / (size + 1 + positives elsewhere)] (the "None"
    term does not depend on which products are chosen), so swapping a chosen product for a
    more probable unchosen one never lowers it, the probability ranking principle for
    F-measures proved under independence by Ye et al. (2012). Every size 0..n is tried with
    and without "None"; ties go to fewer products, then to leaving "None" out.
    """
    for product_id, probability in probabilities.items():
        _check_probability(f"product {product_id}", probability)
    ranked = sorted(
        ((product_id, float(probability)) for product_id, probability in probabilities.items()),
        key=lambda item: (-item[1], item[0]),
    )
    descending = np.array([probability for _, probability in ranked], dtype=np.float64)
    without_none, with_none = expected_f1_by_size(descending)
    size, include_none, value = _pick_best(without_none, with_none)
    return Basket(
        ranked=ranked,
        chosen=[product_id for product_id, _ in ranked[:size]],
        include_none=include_none,
        expected_f1=value,
    )


def expected_f1_by_size(descending: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Expected F1 of predicting the first k of ``descending`` probabilities, for every
    k = 0..n: (without "None", with "None"), each of length n + 1. O(n^2).
    """
    size = len(descending)
    hits = _chosen_hit_distributions(descending)
    inverse = _rest_inverse_moments(descending)
    chosen_count = np.arange(size + 1)
    true_positives = np.arange(size + 1)
    # hits[k, a] = P(a of the first k are reordered); both counts together fix the index
    # m = k + a into inverse[k, m] = E[1 / (m + reorders among the rest)].
    offsets = chosen_count[:, None] + true_positives[None, :]
    weighted = 2.0 * true_positives[None, :] * hits
    without_none = (weighted * np.take_along_axis(inverse, offsets, axis=1)).sum(axis=1)
    # "None" adds one to the predicted size, and when nothing is reordered it is the one
    # true positive out of k + 1 predicted and 1 true: F1 = 2 / (k + 2).
    nothing_reordered = hits[size, 0]
    with_none = (weighted * np.take_along_axis(inverse, offsets + 1, axis=1)).sum(axis=1)
    with_none += nothing_reordered * 2.0 / (chosen_count + 2.0)
    return without_none, with_none


def _chosen_hit_distributions(descending: FloatArray) -> FloatArray:
    """hits[k, a] = P(exactly a of the first k products are reordered), shape (n+1, n+1)."""
    size = len(descending)
    hits = np.zeros((size + 1, size + 1))
    hits[0, 0] = 1.0
    for k, probability in enumerate(descending, start=1):
        hits[k] = (1.0 - probability) * hits[k - 1]
        hits[k, 1:] += probability * hits[k - 1, :-1]
    return hits


def _rest_inverse_moments(descending: FloatArray) -> FloatArray:
    """inverse[k, m] = E[1 / (m + number reordered among products k+1..n)], with 1/0 read
    as 0, shape (n+1, 2n+2); entry m is exact for m <= n + k + 1, which covers every
    m = k + a + 1 with a <= k that ``expected_f1_by_size`` reads with non-zero weight.
    """
    size = len(descending)
    denominators = np.arange(2 * size + 2, dtype=np.float64)
    inverse = np.empty((size + 1, 2 * size + 2))
    # With nothing left over the count is 0; m = 0 only ever meets zero true positives.
    inverse[size] = np.divide(
        1.0, denominators, out=np.zeros_like(denominators), where=denominators > 0
    )
    for k in range(size, 0, -1):
        probability = descending[k - 1]
        # Product k joins the rest: it adds one to the count with its probability.
        inverse[k - 1, :-1] = (1.0 - probability) * inverse[k, :-1] + probability * inverse[k, 1:]
        inverse[k - 1, -1] = inverse[k, -1]
    return inverse


def _pick_best(without_none: FloatArray, with_none: FloatArray) -> tuple[int, bool, float]:
    """(size, include_none, expected F1) of the best basket, ties to fewer products and
    then to no "None"."""
    # Row-major order of (size, with "None") is exactly the tie-break preference.
    candidates = np.column_stack([without_none, with_none]).ravel()
    first_best = int(np.flatnonzero(candidates >= candidates.max() - TIE_TOLERANCE)[0])
    size, include_none = divmod(first_best, 2)
    return size, bool(include_none), float(candidates[first_best])


def _check_probability(label: str, probability: float) -> None:
    """Raise ValueError naming ``label`` unless ``probability`` is finite and in [0, 1]."""
    try:
        value = float(probability)
    except (TypeError, ValueError):
        raise ValueError(f"probability of {label} is not a number: {probability!r}") from None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"probability of {label} must be finite and in [0, 1], got {value!r}")
