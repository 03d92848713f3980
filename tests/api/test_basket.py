"""best_basket and expected_f1 against brute force over every outcome of every basket."""

import itertools
import math
import random
from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction

import pytest

from api.basket import Basket, best_basket, expected_f1

NONE = "None"


def set_f1(predicted: set[object], truth: set[object]) -> float:
    """F1 of two sets; an empty prediction against an empty truth scores 1."""
    if not predicted and not truth:
        return 1.0
    return 2 * len(predicted & truth) / (len(predicted) + len(truth))


def outcomes(probabilities: Mapping[int, float]) -> Iterator[tuple[float, set[object]]]:
    """Every (probability, true set) of one order; the true set is {"None"} when nothing
    is reordered."""
    product_ids = list(probabilities)
    for reordered in itertools.product([False, True], repeat=len(product_ids)):
        weight = math.prod(
            probabilities[product_id] if hit else 1 - probabilities[product_id]
            for product_id, hit in zip(product_ids, reordered, strict=True)
        )
        truth: set[object] = {pid for pid, hit in zip(product_ids, reordered, strict=True) if hit}
        yield weight, truth or {NONE}


def brute_expected_f1(
    probabilities: Mapping[int, float], chosen: Sequence[int], include_none: bool
) -> float:
    predicted: set[object] = set(chosen) | ({NONE} if include_none else set())
    return sum(weight * set_f1(predicted, truth) for weight, truth in outcomes(probabilities))


def random_probabilities(seed: int, size: int) -> dict[int, float]:
    generator = random.Random(seed)
    # Mix of common and rare reorders, and some exact 0s and 1s, as a model would give.
    pool = [0.0, 1.0, 0.5, generator.random(), generator.random() ** 3, generator.random()]
    return {generator.randrange(1, 50_000): generator.choice(pool) for _ in range(size)}


def ranked_ids(probabilities: Mapping[int, float]) -> list[int]:
    return sorted(probabilities, key=lambda product_id: (-probabilities[product_id], product_id))


@pytest.mark.parametrize("seed", range(12))
def test_expected_f1_matches_enumeration_of_every_outcome(seed: int) -> None:
    probabilities = random_probabilities(seed, size=1 + seed % 8)
    order = ranked_ids(probabilities)
    shuffled = list(probabilities.values())
    random.Random(seed).shuffle(shuffled)
    for chosen, include_none in itertools.product(range(len(order) + 1), [False, True]):
        exact = brute_expected_f1(probabilities, order[:chosen], include_none)
        assert expected_f1(shuffled, chosen, include_none) == pytest.approx(exact, abs=1e-9)


def test_expected_f1_of_nothing_and_of_none_alone() -> None:
    # Nothing predicted scores 0 (the truth holds a product or "None"); "None" alone scores
    # exactly the chance that nothing is reordered.
    assert expected_f1([0.2, 0.5], 0, include_none=False) == 0.0
    assert expected_f1([0.2, 0.5], 0, include_none=True) == pytest.approx(0.8 * 0.5)
    assert expected_f1([], 0, include_none=True) == 1.0


def brute_best_over(
    probabilities: Mapping[int, float], baskets: Iterator[tuple[list[int], bool]]
) -> float:
    return max(brute_expected_f1(probabilities, chosen, none) for chosen, none in baskets)


def prefixes(order: list[int]) -> Iterator[tuple[list[int], bool]]:
    for size, include_none in itertools.product(range(len(order) + 1), [False, True]):
        yield order[:size], include_none


def subsets(order: list[int]) -> Iterator[tuple[list[int], bool]]:
    for size, include_none in itertools.product(range(len(order) + 1), [False, True]):
        for chosen in itertools.combinations(order, size):
            yield list(chosen), include_none


@pytest.mark.parametrize("seed", range(20))
def test_best_basket_is_the_best_prefix(seed: int) -> None:
    probabilities = random_probabilities(100 + seed, size=1 + seed % 9)
    basket = best_basket(probabilities)
    order = ranked_ids(probabilities)
    best = brute_best_over(probabilities, prefixes(order))
    assert basket.chosen == order[: len(basket.chosen)]
    assert basket.expected_f1 == pytest.approx(best, abs=1e-9)
    assert brute_expected_f1(probabilities, basket.chosen, basket.include_none) == pytest.approx(
        best, abs=1e-9
    )


@pytest.mark.parametrize("seed", range(8))
def test_no_subset_beats_the_best_prefix(seed: int) -> None:
    # Over all 2^n subsets, with and without "None": the optimum is always a prefix.
    probabilities = random_probabilities(200 + seed, size=4 + seed % 4)
    basket = best_basket(probabilities)
    best_of_all = brute_best_over(probabilities, subsets(ranked_ids(probabilities)))
    assert basket.expected_f1 == pytest.approx(best_of_all, abs=1e-9)


def test_a_likely_product_is_chosen_without_none() -> None:
    assert best_basket({42: 0.9}) == Basket(
        ranked=[(42, 0.9)], chosen=[42], include_none=False, expected_f1=pytest.approx(0.9)
    )


def test_an_unlikely_product_gives_none_alone() -> None:
    assert best_basket({42: 0.1}) == Basket(
        ranked=[(42, 0.1)], chosen=[], include_none=True, expected_f1=pytest.approx(0.9)
    )


def test_a_coin_flip_product_is_predicted_together_with_none() -> None:
    # One product at p: product alone scores p, "None" alone 1 - p, both 2/3 whatever
    # happens (one hit among two predicted and one true). At p = 0.5 both wins.
    basket = best_basket({42: 0.5})
    assert (basket.chosen, basket.include_none) == ([42], True)
    assert basket.expected_f1 == pytest.approx(2 / 3)


def test_mixed_basket_of_several_products_with_none() -> None:
    # Found by brute force over a grid of three products: the top two plus "None" win by
    # 0.0215 over the runner-up; exact value 823/1500 by enumerating the 8 outcomes.
    probabilities = {10: 0.5, 20: 0.4, 30: 0.05}
    basket = best_basket(probabilities)
    assert (basket.chosen, basket.include_none) == ([10, 20], True)
    assert basket.expected_f1 == pytest.approx(823 / 1500, abs=1e-12)
    scores = {
        (tuple(chosen), none): brute_expected_f1(probabilities, chosen, none)
        for chosen, none in subsets(ranked_ids(probabilities))
    }
    assert max(scores, key=lambda key: scores[key]) == ((10, 20), True)


def exact_single_product_scores(probability: Fraction) -> dict[tuple[int, bool], Fraction]:
    """(products chosen, with "None") -> exact expected F1 for one product."""
    return {
        (0, False): Fraction(0),
        (0, True): 1 - probability,
        (1, False): probability,
        (1, True): Fraction(2, 3),
    }


def test_tie_between_sizes_goes_to_fewer_products() -> None:
    # At p = 1/3, "None" alone and product plus "None" both score exactly 2/3.
    scores = exact_single_product_scores(Fraction(1, 3))
    assert scores[(0, True)] == scores[(1, True)] == max(scores.values())
    basket = best_basket({42: 1 / 3})
    assert (basket.chosen, basket.include_none) == ([], True)


def test_tie_at_one_size_goes_to_leaving_none_out() -> None:
    # At p = 2/3, the product alone and product plus "None" both score exactly 2/3.
    scores = exact_single_product_scores(Fraction(2, 3))
    assert scores[(1, False)] == scores[(1, True)] == max(scores.values())
    basket = best_basket({42: 2 / 3})
    assert (basket.chosen, basket.include_none) == ([42], False)


def test_equal_probabilities_rank_by_product_id() -> None:
    basket = best_basket({9: 0.8, 2: 0.8, 5: 0.95, 1: 0.1})
    assert basket.ranked == [(5, 0.95), (2, 0.8), (9, 0.8), (1, 0.1)]
    assert basket.chosen == [5, 2, 9]


def test_empty_candidates_suggest_none_alone() -> None:
    assert best_basket({}) == Basket(ranked=[], chosen=[], include_none=True, expected_f1=1.0)


@pytest.mark.parametrize("bad", [1.5, -0.1, math.nan, math.inf, -math.inf, "high"])
def test_invalid_probability_names_the_product(bad: float) -> None:
    with pytest.raises(ValueError, match=r"product 31337\b") as raised:
        best_basket({12: 0.5, 31337: bad, 13: 0.2})
    if isinstance(bad, float):
        assert repr(bad) in str(raised.value)


def test_invalid_probability_or_size_for_expected_f1() -> None:
    with pytest.raises(ValueError, match=r"position 1\b.*1\.5"):
        expected_f1([0.5, 1.5], 1, include_none=False)
    with pytest.raises(ValueError, match="chosen"):
        expected_f1([0.5, 0.2], 3, include_none=False)
    with pytest.raises(ValueError, match="chosen"):
        expected_f1([0.5], -1, include_none=True)


def test_boundary_probabilities_are_accepted() -> None:
    basket = best_basket({1: 1.0, 2: 0.0})
    assert (basket.chosen, basket.include_none, basket.expected_f1) == ([1], False, 1.0)
