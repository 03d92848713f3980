"""Tests for datagen.vocabulary: the catalog tables and the product-name generator."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

import numpy as np
import pytest

from datagen.vocabulary import (
    AISLES,
    CATALOG_SIZE,
    DEPARTMENTS,
    MISSING_AISLE_ID,
    product_names,
)

REAL_DEPARTMENT_NAMES = [
    "frozen",
    "other",
    "bakery",
    "produce",
    "alcohol",
    "international",
    "beverages",
    "pets",
    "dry goods pasta",
    "bulk",
    "personal care",
    "meat seafood",
    "pantry",
    "breakfast",
    "canned goods",
    "dairy eggs",
    "household",
    "babies",
    "snacks",
    "deli",
    "missing",
]
AISLE_BY_NAME = {a.name: a for a in AISLES}


def _catalog_aisle_ids() -> np.ndarray:
    return np.repeat([a.aisle_id for a in AISLES], [a.product_count for a in AISLES])


@pytest.fixture(scope="module")
def catalog_names() -> list[str]:
    return product_names(np.random.default_rng(42), _catalog_aisle_ids())


# --- departments --------------------------------------------------------------------------


def test_departments_have_the_real_ids_and_names_in_order() -> None:
    assert [d.department_id for d in DEPARTMENTS] == list(range(1, 22))
    assert [d.name for d in DEPARTMENTS] == REAL_DEPARTMENT_NAMES


def test_department_line_shares_sum_to_one() -> None:
    assert sum(d.line_share for d in DEPARTMENTS) == pytest.approx(1.0, abs=0.01)


def test_produce_and_dairy_have_the_largest_line_shares() -> None:
    ranked = sorted(DEPARTMENTS, key=lambda d: d.line_share, reverse=True)
    assert [d.name for d in ranked[:2]] == ["produce", "dairy eggs"]


def test_department_reorder_rates_are_published_probabilities() -> None:
    rates = {d.name: d.reorder_rate for d in DEPARTMENTS}
    assert all(0.3 < r < 0.7 for r in rates.values())
    assert rates["dairy eggs"] == max(rates.values())
    assert rates["personal care"] == min(rates.values())


def test_department_and_aisle_are_frozen() -> None:
    with pytest.raises(AttributeError):
        DEPARTMENTS[0].name = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        AISLES[0].product_count = 1  # type: ignore[misc]


# --- aisles -------------------------------------------------------------------------------


def test_there_are_134_aisles_with_ids_1_to_134() -> None:
    assert [a.aisle_id for a in AISLES] == list(range(1, 135))


def test_aisle_names_are_unique_lowercase_words() -> None:
    names = [a.name for a in AISLES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+( [a-z]+)*", n) for n in names)


def test_aisle_department_ids_are_valid_and_cover_every_department() -> None:
    department_ids = {d.department_id for d in DEPARTMENTS}
    assert {a.department_id for a in AISLES} == department_ids


def test_aisle_product_counts_sum_to_the_catalog_size() -> None:
    assert sum(a.product_count for a in AISLES) == CATALOG_SIZE == 49_688


def test_named_aisles_sit_in_their_real_departments() -> None:
    expected = {
        "missing": 21,
        "other": 2,
        "bulk dried fruits vegetables": 10,
        "bulk grains rice dried goods": 10,
        "fresh fruits": 4,
        "yogurt": 16,
        "prepared soups salads": 20,
        "ice cream toppings": 19,
        "refrigerated": 7,
        "cat food care": 8,
    }
    assert {name: AISLE_BY_NAME[name].department_id for name in expected} == expected
    assert AISLE_BY_NAME["missing"].aisle_id == MISSING_AISLE_ID


def test_aisle_product_counts_look_like_the_real_catalog() -> None:
    counts = {a.name: a.product_count for a in AISLES}
    assert max(counts.values()) == counts["missing"] == 1258
    for big in ("candy chocolate", "ice cream ice", "vitamins supplements", "yogurt"):
        assert 1000 <= counts[big] <= 1260
    for big in ("chips pretzels", "tea", "packaged cheese", "frozen meals", "cookies cakes"):
        assert 850 <= counts[big] < 1000
    assert 200 <= counts["fresh fruits"] < 500
    assert all(a.product_count > 0 for a in AISLES)


# --- product names ------------------------------------------------------------------------


def test_product_names_return_one_name_per_aisle_id(catalog_names: list[str]) -> None:
    assert len(catalog_names) == CATALOG_SIZE


def test_product_names_are_unique_at_full_catalog_size(catalog_names: list[str]) -> None:
    duplicates = [n for n, k in Counter(catalog_names).items() if k > 1]
    assert duplicates == []


def test_product_names_are_deterministic_for_the_same_seed() -> None:
    ids = _catalog_aisle_ids()
    first = product_names(np.random.default_rng(7), ids)
    second = product_names(np.random.default_rng(7), ids)
    assert first == second


def test_product_names_differ_between_seeds() -> None:
    ids = _catalog_aisle_ids()[::50]
    first = product_names(np.random.default_rng(1), ids)
    second = product_names(np.random.default_rng(2), ids)
    assert first != second


def test_comma_share_is_between_2_and_5_percent_at_full_size(catalog_names: list[str]) -> None:
    share = sum("," in n for n in catalog_names) / len(catalog_names)
    assert 0.02 <= share <= 0.05


def test_quote_share_is_between_03_and_1_percent_at_full_size(catalog_names: list[str]) -> None:
    share = sum('"' in n for n in catalog_names) / len(catalog_names)
    assert 0.003 <= share <= 0.01


def test_some_names_contain_an_apostrophe_and_an_ampersand(catalog_names: list[str]) -> None:
    assert any("'" in n for n in catalog_names)
    assert any("&" in n for n in catalog_names)


def test_names_are_ascii_without_newlines_or_outer_spaces(catalog_names: list[str]) -> None:
    assert all(n.isascii() for n in catalog_names)
    assert not any("\n" in n or "\r" in n for n in catalog_names)
    assert all(n == n.strip() and "  " not in n for n in catalog_names)


def test_name_lengths_are_between_3_and_150(catalog_names: list[str]) -> None:
    lengths = [len(n) for n in catalog_names]
    assert min(lengths) >= 3
    assert max(lengths) <= 150


def test_names_are_title_case_apart_from_short_link_words(catalog_names: list[str]) -> None:
    # Like the real file ("Bag of Organic Bananas"), only "of", "in" and "for" stay lowercase.
    def lowercase_words(name: str) -> list[str]:
        return [
            w
            for w in name.split()
            if (m := re.search(r"[A-Za-z]", w))
            and m.group().islower()
            and w not in ("of", "in", "for")
        ]

    offenders = [n for n in catalog_names if lowercase_words(n)]
    assert offenders == []


def test_names_round_trip_through_the_csv_module(catalog_names: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerows([i, name, 1] for i, name in enumerate(catalog_names, start=1))
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert [row[1] for row in rows] == catalog_names
    assert all(len(row) == 3 for row in rows)


def test_names_fit_their_aisle(catalog_names: list[str]) -> None:
    by_aisle: dict[int, list[str]] = {}
    for aisle_id, name in zip(_catalog_aisle_ids().tolist(), catalog_names, strict=True):
        by_aisle.setdefault(aisle_id, []).append(name)
    yogurt = by_aisle[AISLE_BY_NAME["yogurt"].aisle_id]
    assert all(re.search(r"Yogurt|Kefir|Skyr|Parfait", n) for n in yogurt)
    cat = by_aisle[AISLE_BY_NAME["cat food care"].aisle_id]
    assert all(re.search(r"Cat|Kitten|Litter|Hairball|Scratching", n) for n in cat)
    fruits = by_aisle[AISLE_BY_NAME["fresh fruits"].aisle_id]
    assert any("Organic" in n for n in fruits)
    assert not any(re.search(r"Yogurt|Cat Food|Shampoo", n) for n in fruits)


def test_missing_aisle_borrows_names_from_other_aisles() -> None:
    names = product_names(np.random.default_rng(3), np.full(300, MISSING_AISLE_ID))
    assert len(set(names)) == 300
    assert any("Cheese" in n for n in names) and any("Juice" in n for n in names)


def test_a_single_aisle_can_hold_the_whole_catalog_size() -> None:
    yogurt = AISLE_BY_NAME["yogurt"].aisle_id
    names = product_names(np.random.default_rng(0), np.full(CATALOG_SIZE, yogurt))
    assert len(set(names)) == CATALOG_SIZE


def test_empty_aisle_ids_give_no_names() -> None:
    assert product_names(np.random.default_rng(0), np.array([], dtype=np.int64)) == []


def test_unknown_aisle_id_raises_value_error() -> None:
    with pytest.raises(ValueError, match="unknown aisle ids"):
        product_names(np.random.default_rng(0), np.array([1, 135]))


def test_two_dimensional_aisle_ids_raise_value_error() -> None:
    with pytest.raises(ValueError, match="one-dimensional"):
        product_names(np.random.default_rng(0), np.ones((2, 2), dtype=np.int64))
