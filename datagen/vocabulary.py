"""Catalog words for the synthetic Instacart drop: departments, aisles and product names.

Departments and aisles follow the real Instacart Market Basket files (departments.csv,
aisles.csv): same ids, names and aisle-to-department assignment, and per-aisle product counts
as in the real products.csv (49,688 products). Product names are built from per-aisle base
nouns plus shared brand words, qualifiers, varieties and sizes, so that products.csv looks and
parses like the real download (title case, a few commas and double quotes that need CSV quoting).

The words and the per-department and per-aisle numbers live in vocabulary.json beside this
module, one entry per line, so the thousands of words read and diff as data rather than
crowding out the code. This module reads that file once at import and holds the code that
turns the words into names.

Nothing here draws randomness except through the numpy Generator handed to `product_names`,
and importing the module only builds constant tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

__all__ = [
    "AISLES",
    "CATALOG_SIZE",
    "DEPARTMENTS",
    "MISSING_AISLE_ID",
    "Aisle",
    "Department",
    "product_names",
]


@dataclass(frozen=True, slots=True)
class Department:
    """One row of departments.csv plus the published order-line statistics."""

    department_id: int
    name: str
    line_share: float  # share of all order lines that fall in this department
    reorder_rate: float  # share of this department's order lines that are reorders


@dataclass(frozen=True, slots=True)
class Aisle:
    """One row of aisles.csv plus its department and how many catalog products it holds."""

    aisle_id: int
    name: str
    department_id: int
    product_count: int


# The word tables, read once from vocabulary.json. Nothing changes them after import.
_VOCABULARY: dict[str, Any] = json.loads(
    resources.files("datagen").joinpath("vocabulary.json").read_text(encoding="utf-8")
)

# (name, line_share, reorder_rate); the id is the position + 1, as in departments.csv.
_DEPARTMENT_ROWS: tuple[tuple[str, float, float], ...] = tuple(
    (d["name"], d["line_share"], d["reorder_rate"]) for d in _VOCABULARY["departments"]
)

DEPARTMENTS: tuple[Department, ...] = tuple(
    Department(i, name, share, rate)
    for i, (name, share, rate) in enumerate(_DEPARTMENT_ROWS, start=1)
)

# (name, department_id, product_count, variety group, size group); the id is the position + 1,
# as in aisles.csv. Counts are the real products.csv counts: the departments' totals match the
# real file, and some aisles are small (bulk 12 and 26, packaged produce 32) because the real
# ones are. The two groups name entries of _VARIETIES and _SIZES used for product names; the
# "missing" aisle's go unused, as its names are borrowed from other aisles.
_AISLE_ROWS: tuple[tuple[str, int, int, str, str], ...] = tuple(
    (a["name"], a["department_id"], a["product_count"], a["varieties"], a["sizes"])
    for a in _VOCABULARY["aisles"]
)

AISLES: tuple[Aisle, ...] = tuple(
    Aisle(i, name, department_id, count)
    for i, (name, department_id, count, _, _) in enumerate(_AISLE_ROWS, start=1)
)

CATALOG_SIZE = 49_688
MISSING_AISLE_ID = 100  # its products carry names from every other aisle, as in the real file

# --------------------------------------------------------------------------------------------
# Word lists. No entry may contain a comma or a double quote: those appear only where
# product_names puts them on purpose, which keeps their shares exact.
# --------------------------------------------------------------------------------------------

# Per-aisle base nouns (every aisle but "missing"). In a base, "*" marks where qualifier and
# variety go when they are not in front ("Bag of *Bananas" -> "Bag of Organic Bananas"), and a
# trailing "!" means the base takes no variety ("Cat Litter" must not become "Salmon Recipe
# Cat Litter").
_AISLE_BASES: dict[str, tuple[str, ...]] = {
    aisle: tuple(bases) for aisle, bases in _VOCABULARY["aisle_bases"].items()
}

# Variety groups: flavours, scents, styles... -> (words, share of names that get one,
# share of those placed after the base noun). Words starting "With", "No" or "in" always go
# after the base ("Pure Coconut Water With Orange").
_VARIETIES: dict[str, tuple[tuple[str, ...], float, float]] = {
    group: (tuple(v["words"]), v["share"], v["after_share"])
    for group, v in _VOCABULARY["varieties"].items()
}

# Size groups: appended to some names, and the pool the de-duplication draws variants from.
_SIZES: dict[str, tuple[str, ...]] = {
    group: tuple(sizes) for group, sizes in _VOCABULARY["sizes"].items()
}

# Brand words, qualifiers and how often each appears, per kind of product:
# kind -> (brands, brand share, qualifiers, qualifier share). Brands are invented; a few carry
# an apostrophe or an ampersand, as real brand names do. "Organic" is listed four times among
# the food qualifiers because it is by far the commonest qualifier in the real file.
_KINDS: dict[str, tuple[tuple[str, ...], float, tuple[str, ...], float]] = {
    kind: (tuple(k["brands"]), k["brand_share"], tuple(k["qualifiers"]), k["qualifier_share"])
    for kind, k in _VOCABULARY["kinds"].items()
}

# Department id -> kind (the file names departments); alcohol is split by aisle because wine,
# beer and spirits brands differ. Everything else is "food".
_DEPARTMENT_IDS: dict[str, int] = {d.name: d.department_id for d in DEPARTMENTS}
_DEPARTMENT_KIND: dict[int, str] = {
    _DEPARTMENT_IDS[name]: kind for name, kind in _VOCABULARY["department_kinds"].items()
}
_AISLE_KIND: dict[str, str] = dict(_VOCABULARY["aisle_kinds"])

# Aisles whose quoted names read as inches (12" Thin Crust Pepperoni Pizza); elsewhere the
# double quotes wrap a word ("Everything" Bagel Chips).
_INCH_AISLES: frozenset[str] = frozenset(_VOCABULARY["inch_aisles"])
_INCHES: tuple[str, ...] = tuple(_VOCABULARY["inches"])
_QUOTE_WORDS: tuple[str, ...] = tuple(_VOCABULARY["quote_words"])

# Targets for the punctuation that makes products.csv need quoting; drawn as exact counts so
# every catalog lands inside the 2-5% and 0.3-1% bands whatever the seed.
_COMMA_SHARE = 0.035
_QUOTE_SHARE = 0.006
_SIZE_SHARE = 0.15

# De-duplication appends a size, then a size plus one of these, then puts one of the
# prefixes in front: enough distinct variants that collisions always resolve.
_EXTRAS: tuple[str, ...] = tuple(_VOCABULARY["extras"])
_PREFIXES: tuple[str, ...] = tuple(_VOCABULARY["prefixes"])

# Words that link others in a phrase; they do not count as repeats.
_LINKS: frozenset[str] = frozenset(_VOCABULARY["link_words"])

# Columns of the per-product uniform draws.
_BRAND_P, _BRAND, _QUAL_P, _QUAL, _BASE, _VAR_P, _VAR, _VAR_AFTER = range(8)
_SIZE_P, _SIZE, _DEDUPE, _DONOR, _EXTRA = range(8, 13)
_DRAWS = 13


@dataclass(frozen=True, slots=True)
class _AisleWords:
    """Everything product_names needs for one aisle, split and ready to index."""

    bases: tuple[tuple[str, str, bool], ...]  # (head before "*", core noun, takes a variety)
    varieties: tuple[str, ...]
    variety_share: float
    after_share: float
    sizes: tuple[str, ...]
    brands: tuple[str, ...]
    brand_share: float
    qualifiers: tuple[str, ...]
    qualifier_share: float
    inch: bool


def _parse_base(base: str) -> tuple[str, str, bool]:
    takes_variety = not base.endswith("!")
    base = base.rstrip("!")
    head, star, core = base.partition("*")
    if not star:
        return "", base, takes_variety
    return head.strip(), core, takes_variety


@cache
def _aisle_words() -> dict[int, _AisleWords]:
    """Gather each aisle's words once, on first use rather than at import."""
    table: dict[int, _AisleWords] = {}
    for aisle, (*_, variety_key, size_key) in zip(AISLES, _AISLE_ROWS, strict=True):
        if aisle.aisle_id == MISSING_AISLE_ID:
            continue
        varieties, variety_share, after_share = _VARIETIES[variety_key]
        kind = _AISLE_KIND.get(aisle.name, _DEPARTMENT_KIND.get(aisle.department_id, "food"))
        brands, brand_share, qualifiers, qualifier_share = _KINDS[kind]
        table[aisle.aisle_id] = _AisleWords(
            bases=tuple(_parse_base(b) for b in _AISLE_BASES[aisle.name]),
            varieties=varieties,
            variety_share=variety_share,
            after_share=after_share,
            sizes=_SIZES[size_key],
            brands=brands,
            brand_share=brand_share,
            qualifiers=qualifiers,
            qualifier_share=qualifier_share,
            inch=aisle.name in _INCH_AISLES,
        )
    return table


def _pick(words: tuple[str, ...], u: float) -> str:
    return words[int(u * len(words))]


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@cache
def _words(phrase: str) -> frozenset[str]:
    """Content words of a phrase, to spot repeats such as "Whole Grain Grain Blend"."""
    return frozenset(phrase.split()) - _LINKS


def _compose(w: _AisleWords, r: list[float], form: int) -> tuple[str, str]:
    """Build one name as (stem, size); form 0 plain, 1 with a comma, 2 with double quotes."""
    head, core, takes_variety = _pick(w.bases, r[_BASE])
    brand = _pick(w.brands, r[_BRAND]) if r[_BRAND_P] < w.brand_share else ""
    qual = _pick(w.qualifiers, r[_QUAL]) if r[_QUAL_P] < w.qualifier_share else ""
    can_vary = takes_variety and bool(w.varieties)
    variety = _pick(w.varieties, r[_VAR]) if can_vary and r[_VAR_P] < w.variety_share else ""
    size = _pick(w.sizes, r[_SIZE]) if r[_SIZE_P] < _SIZE_SHARE else ""

    # Avoid repeated words: "Organic Organic ...", "Chocolate Chocolate Milk".
    if variety and _words(variety) & _words(core):
        variety = ""
    if qual and _words(qual) & (_words(core) | _words(variety)):
        qual = ""
    after = bool(variety) and (
        r[_VAR_AFTER] < w.after_share or variety.startswith(("With ", "No ", "in "))
    )
    before_variety = "" if after else variety
    after_variety = variety if after else ""

    if form == 1:  # "Pasta Sauce, Tomato Basil" / "Chicken Breast, Boneless Skinless"
        forced = _pick(w.varieties, r[_VAR]) if can_vary else ""
        if not variety and forced and not _words(forced) & _words(_join(qual, core)):
            variety = forced
        if variety:
            descriptor = variety
        else:  # no variety fits: the size becomes the descriptor ("Honeycrisp Apple, Each")
            descriptor, size = size or _pick(w.sizes, r[_SIZE]), ""
        return f"{_join(brand, head, qual, core)}, {descriptor}", size
    if form == 2 and w.inch:  # 12" Thin Crust Pepperoni Pizza
        inch = _INCHES[int(r[_EXTRA] * len(_INCHES))]
        return f'{inch}" {_join(head, qual, before_variety, core, after_variety)}', size
    if form == 2:  # "Everything" Bagel Chips: quote one word, a long quoted phrase reads oddly
        if not variety or " " in variety:
            variety = _QUOTE_WORDS[int(r[_EXTRA] * len(_QUOTE_WORDS))]
        if _words(variety) & _words(qual):
            qual = ""
        return _join(brand, head, qual, f'"{variety}"', core), size
    return _join(brand, head, qual, before_variety, core, after_variety), size


def _unique(stem: str, size: str, sizes: tuple[str, ...], u: float, seen: set[str]) -> str:
    """Return stem + size, or the first unused size/pack variant of it, and mark it used."""
    name = _join(stem, size)
    if name not in seen:
        seen.add(name)
        return name
    start = int(u * len(sizes))  # rotate so repeated stems do not all get the same size first
    rotated = sizes[start:] + sizes[:start]
    for prefix in ("", *_PREFIXES):
        for extra in ("", *_EXTRAS):
            for variant in ("", *rotated):
                name = _join(prefix, stem, variant, extra)
                if name not in seen:
                    seen.add(name)
                    return name
    raise RuntimeError(f"cannot make a unique product name from {stem!r}")


def _forms(rng: np.random.Generator, n: int) -> list[int]:
    """Exact-count random choice of which products get a comma (1) or double quotes (2)."""
    n_comma = round(n * _COMMA_SHARE)
    n_quote = round(n * _QUOTE_SHARE)
    order = rng.permutation(n)
    forms = np.zeros(n, dtype=np.int8)
    forms[order[:n_comma]] = 1
    forms[order[n_comma : n_comma + n_quote]] = 2
    return forms.tolist()


def product_names(rng: np.random.Generator, aisle_ids: np.ndarray) -> list[str]:
    """One unique, plausible product name per element of `aisle_ids`, in the same order.

    Names fit their aisle, are title case and ASCII, and about 3.5% contain a comma and
    0.6% a double quote, like the real products.csv. Products of the "missing" aisle get
    names borrowed from a random other aisle, as in the real file. The result depends only
    on the generator state and `aisle_ids`.
    """
    ids = np.asarray(aisle_ids)
    if ids.ndim != 1:
        raise ValueError(f"aisle_ids must be one-dimensional, got shape {ids.shape}")
    id_list: list[int] = ids.tolist()
    words = _aisle_words()
    unknown = set(id_list) - words.keys() - {MISSING_AISLE_ID}
    if unknown:
        raise ValueError(f"unknown aisle ids: {sorted(unknown)[:10]}")

    n = len(id_list)
    draws: list[list[float]] = rng.random((n, _DRAWS)).tolist()
    forms = _forms(rng, n)
    donors = tuple(words)  # every aisle but "missing", in id order
    seen: set[str] = set()
    names: list[str] = []
    for aisle_id, r, form in zip(id_list, draws, forms, strict=True):
        if aisle_id == MISSING_AISLE_ID:
            w = words[donors[int(r[_DONOR] * len(donors))]]
        else:
            w = words[aisle_id]
        stem, size = _compose(w, r, form)
        names.append(_unique(stem, size, w.sizes, r[_DEDUPE], seen))
    return names
