"""The six files look exactly like the real download: names, headers, quoting, formatting."""

import csv
import gzip
import re
from pathlib import Path

import pandas as pd

from datagen.generate import DROP_FILES, DropSpec, generate_drop

HEADERS = {
    "aisles": "aisle_id,aisle",
    "departments": "department_id,department",
    "products": "product_id,product_name,aisle_id,department_id",
    "orders": "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,"
    "days_since_prior_order",
    "order_products__prior": "order_id,product_id,add_to_cart_order,reordered",
    "order_products__train": "order_id,product_id,add_to_cart_order,reordered",
}


def test_drop_has_exactly_the_six_files_with_exact_headers(sample_drop: Path) -> None:
    assert sorted(p.name for p in sample_drop.iterdir()) == sorted(f"{n}.csv" for n in HEADERS)
    assert set(DROP_FILES) == set(HEADERS)
    for name, header in HEADERS.items():
        first = (sample_drop / f"{name}.csv").read_bytes()[: len(header) + 1]
        assert first == header.encode() + b"\n", name


def test_files_are_utf8_with_unix_line_endings_and_no_bom(sample_drop: Path) -> None:
    for name in HEADERS:
        data = (sample_drop / f"{name}.csv").read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in data, name
        assert data.endswith(b"\n"), name
        data.decode("utf-8")


def test_product_names_with_commas_and_quotes_are_csv_quoted(sample_drop: Path) -> None:
    raw_lines = (sample_drop / "products.csv").read_text().splitlines()[1:]
    with (sample_drop / "products.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    assert len(rows) == len(raw_lines) == 49_688
    with_comma = [(raw, row) for raw, row in zip(raw_lines, rows, strict=True) if "," in row[1]]
    with_quote = [(raw, row) for raw, row in zip(raw_lines, rows, strict=True) if '"' in row[1]]
    assert with_comma and with_quote
    for raw, row in with_comma + with_quote:
        # Quoted, inner quotes doubled, exactly as a CSV writer that quotes when needed.
        assert raw == f'{row[0]},"{row[1].replace(chr(34), chr(34) * 2)}",{row[2]},{row[3]}'
    plain = [
        raw for raw, row in zip(raw_lines, rows, strict=True) if not re.search(r'[,"]', row[1])
    ]
    assert all('"' not in raw for raw in plain), "a name that needs no quotes is not quoted"


def test_orders_write_hours_zero_padded_and_days_as_floats(
    sample_tables: dict[str, pd.DataFrame],
) -> None:
    orders = sample_tables["orders"]
    assert orders["order_hour_of_day"].str.fullmatch(r"[0-2][0-9]").all()
    assert (orders["order_hour_of_day"] == "08").any()
    days = orders["days_since_prior_order"]
    assert days.str.fullmatch(r"|[0-9]{1,2}\.0").all()
    assert set(orders["eval_set"]) == {"prior", "train", "test"}


def test_same_arguments_give_byte_identical_files(tmp_path: Path) -> None:
    spec = DropSpec(users=300, products=2000, seed=11)
    first, second = tmp_path / "first", tmp_path / "second"
    generate_drop(spec, first)
    generate_drop(spec, second)
    for name in HEADERS:
        assert (first / f"{name}.csv").read_bytes() == (second / f"{name}.csv").read_bytes(), name


def test_another_seed_gives_other_data(tmp_path: Path) -> None:
    generate_drop(DropSpec(users=300, products=2000, seed=1), tmp_path / "one")
    generate_drop(DropSpec(users=300, products=2000, seed=2), tmp_path / "two")
    for name in ("products", "orders", "order_products__prior"):
        one = (tmp_path / "one" / f"{name}.csv").read_bytes()
        assert one != (tmp_path / "two" / f"{name}.csv").read_bytes(), name


def test_gzip_drop_holds_the_same_bytes_and_is_deterministic(tmp_path: Path) -> None:
    spec = DropSpec(users=200, products=1000, seed=3)
    generate_drop(spec, tmp_path / "plain")
    zipped = DropSpec(users=200, products=1000, seed=3, gzip=True)
    generate_drop(zipped, tmp_path / "gz1")
    generate_drop(zipped, tmp_path / "gz2")
    for name in HEADERS:
        packed = (tmp_path / "gz1" / f"{name}.csv.gz").read_bytes()
        assert packed == (tmp_path / "gz2" / f"{name}.csv.gz").read_bytes(), name
        assert gzip.decompress(packed) == (tmp_path / "plain" / f"{name}.csv").read_bytes()


def test_no_partial_files_are_left_behind(tmp_path: Path) -> None:
    generate_drop(DropSpec(users=50, products=500, seed=5), tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
