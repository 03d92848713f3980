"""Landing a drop into the raw zone: file checks, whole-or-nothing swaps, local and S3 lakes."""

from __future__ import annotations

import datetime
import gzip
import uuid
from pathlib import Path
from typing import Any

import pytest

from flows.aws.s3_lake import S3Lake
from flows.pipeline.lake import LocalLake, lake_for
from flows.pipeline.landing import (
    CHUNK_SIZE,
    HEADERS,
    KEPT,
    LandingError,
    accept_drop,
    drop_record,
    land_drop,
    landed_dates,
    reject_drop,
)

DAY = datetime.date(2026, 11, 25)
OTHER_DAY = datetime.date(2026, 11, 24)

# A tiny valid drop: a few rows per table, a quoted product name with a comma and quotes.
VALID = {
    "aisles": "aisle_id,aisle\n1,prepared soups salads\n2,specialty cheeses\n",
    "departments": "department_id,department\n1,frozen\n2,other\n3,bakery\n",
    "products": (
        "product_id,product_name,aisle_id,department_id\n"
        '1,"Dish Soap, Lavender",2,1\n'
        '2,"Chef\'s ""Best"" Garlic",1,2\n'
        "3,Minced Garlic Powder,1,3\n"
    ),
    "orders": (
        "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,"
        "days_since_prior_order\n"
        "10,1,prior,1,5,08,\n"
        "11,1,prior,2,3,14,7.0\n"
        "12,1,train,3,3,09,30.0\n"
    ),
    "order_products__prior": (
        "order_id,product_id,add_to_cart_order,reordered\n10,1,1,0\n10,2,2,0\n11,1,1,1\n"
    ),
    "order_products__train": "order_id,product_id,add_to_cart_order,reordered\n12,1,1,1\n",
}
VALID_ROWS = {table: text.count("\n") - 1 for table, text in VALID.items()}


def write_drop(folder: Path, gz: bool = False, **overrides: str | bytes) -> Path:
    """The valid drop in `folder`, with some tables' content replaced (text or raw bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table, text in {**VALID, **overrides}.items():
        data = text.encode() if isinstance(text, str) else text
        if gz:
            (folder / f"{table}.csv.gz").write_bytes(gzip.compress(data, mtime=0))
        else:
            (folder / f"{table}.csv").write_bytes(data)
    return folder


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def landing_problems(source: Path | str, lake: Any, date: datetime.date = DAY) -> list[str]:
    with pytest.raises(LandingError) as caught:
        land_drop(source, lake, date)
    return list(caught.value.problems)


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    return write_drop(tmp_path / "drop")


@pytest.fixture
def lake(tmp_path: Path) -> LocalLake:
    return LocalLake(tmp_path / "lake")


# --- valid drops ---------------------------------------------------------------------------


def test_landing_lands_valid_drop_with_keys_bytes_and_rows(drop: Path, lake: LocalLake) -> None:
    report = land_drop(drop, lake, DAY)

    assert [f.table for f in report.files] == list(HEADERS)
    assert report.date == DAY
    for table in HEADERS:
        landed = report.file(table)
        assert landed.key == f"raw/{table}/dt=2026-11-25/{table}.csv"
        assert landed.rows == VALID_ROWS[table]
        original = (drop / f"{table}.csv").read_bytes()
        assert landed.size_bytes == len(original)
        assert (lake.root / landed.key).read_bytes() == original
    record = drop_record(DAY)
    assert sorted(snapshot(lake.root)) == sorted([*(f.key for f in report.files), record])
    assert (lake.root / record).read_text() == "kind\nsnapshot\n"


def test_landing_lands_gzip_drop_as_delivered(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", gz=True)

    report = land_drop(str(source), lake, DAY)

    orders = report.file("orders")
    assert orders.key == "raw/orders/dt=2026-11-25/orders.csv.gz"
    assert orders.rows == VALID_ROWS["orders"]
    delivered = (source / "orders.csv.gz").read_bytes()
    assert orders.size_bytes == len(delivered)
    assert (lake.root / orders.key).read_bytes() == delivered


def test_landing_accepts_bom_and_crlf_and_copies_them_unchanged(
    tmp_path: Path, lake: LocalLake
) -> None:
    crlf = {table: "\ufeff" + text.replace("\n", "\r\n") for table, text in VALID.items()}
    source = write_drop(tmp_path / "drop", **crlf)

    report = land_drop(source, lake, DAY)

    assert report.file("products").rows == VALID_ROWS["products"]
    landed = (lake.root / report.file("products").key).read_bytes()
    assert landed.startswith(b"\xef\xbb\xbfproduct_id") and b"\r\n" in landed


def test_landing_accepts_missing_final_newline(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", orders=VALID["orders"].rstrip("\n"))

    report = land_drop(source, lake, DAY)

    assert report.file("orders").rows == VALID_ROWS["orders"]


def test_landing_accepts_multi_member_gzip_with_zero_padding(
    tmp_path: Path, lake: LocalLake
) -> None:
    source = write_drop(tmp_path / "drop")
    head, *rows = VALID["orders"].splitlines(keepends=True)
    members = gzip.compress(head.encode()) + gzip.compress("".join(rows).encode()) + b"\0" * 9
    (source / "orders.csv").unlink()
    (source / "orders.csv.gz").write_bytes(members)

    report = land_drop(source, lake, DAY)

    assert report.file("orders").rows == VALID_ROWS["orders"]


def test_landing_checks_utf8_and_rows_across_chunk_boundaries(
    tmp_path: Path, lake: LocalLake
) -> None:
    # A two-byte character straddles the first chunk boundary; a bad byte sits two chunks on.
    header = VALID["products"].splitlines(keepends=True)[0]
    filler_row = "9,Plain Filler Name,1,1\n"
    filler = filler_row * ((CHUNK_SIZE - len(header)) // len(filler_row))
    pad = "x" * (CHUNK_SIZE - len(header) - len(filler) - len("9,") - 1)
    good = header + filler + f"9,{pad}\u00e9,1,1\n" + filler_row * 5
    assert good.encode().index("\u00e9".encode()) == CHUNK_SIZE - 1
    source = write_drop(tmp_path / "drop", products=good)

    report = land_drop(source, lake, DAY)

    assert report.file("products").rows == good.count("\n") - 1
    bad = good.encode() + filler_row.encode() * 50_000 + b"9,Caf\xe9,1,1\n"
    write_drop(source, products=bad)
    problems = landing_problems(source, lake)
    bad_line = bad.count(b"\n")  # the bad byte is on the last line
    assert problems == [f"products.csv, line {bad_line}: not valid UTF-8 (byte 0xe9)"]


# --- file set ------------------------------------------------------------------------------


def test_landing_rejects_missing_file(drop: Path, lake: LocalLake) -> None:
    (drop / "departments.csv").unlink()

    problems = landing_problems(drop, lake)

    assert problems == ["departments.csv: missing (expected departments.csv or departments.csv.gz)"]
    assert not lake.root.exists() or not lake.list_keys()


def test_landing_rejects_both_csv_and_gz_of_one_table(drop: Path, lake: LocalLake) -> None:
    (drop / "orders.csv.gz").write_bytes(gzip.compress(VALID["orders"].encode()))

    problems = landing_problems(drop, lake)

    assert problems == ["orders.csv and orders.csv.gz: both delivered; send exactly one"]


def test_landing_rejects_unknown_extra_file_by_name(drop: Path, lake: LocalLake) -> None:
    (drop / "notes.txt").write_text("hello\n")

    problems = landing_problems(drop, lake)

    assert len(problems) == 1
    assert problems[0].startswith("notes.txt: unknown file")


def test_landing_rejects_missing_drop_folder(tmp_path: Path, lake: LocalLake) -> None:
    problems = landing_problems(tmp_path / "nowhere", lake)

    assert problems == [
        f"{tmp_path / 'nowhere'}: no files found (the drop folder is missing or empty)"
    ]


# --- file content --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "header"),
    [
        ("swapped", "order_id,add_to_cart_order,product_id,reordered"),
        ("missing", "order_id,product_id,add_to_cart_order"),
        ("extra", "order_id,product_id,add_to_cart_order,reordered,note"),
        ("renamed", "order_id,product_id,add_to_cart_order,Reordered"),
    ],
)
def test_landing_rejects_wrong_header(
    tmp_path: Path, lake: LocalLake, case: str, header: str
) -> None:
    body = "".join(VALID["order_products__train"].splitlines(keepends=True)[1:])
    source = write_drop(tmp_path / case, order_products__train=f"{header}\n{body}")

    problems = landing_problems(source, lake)

    assert problems == [
        f'order_products__train.csv, line 1: header is "{header}" but must be '
        '"order_id,product_id,add_to_cart_order,reordered"'
    ]


def test_landing_rejects_non_utf8_byte_naming_its_line(tmp_path: Path, lake: LocalLake) -> None:
    products = VALID["products"].encode().replace(b"Minced", b"Minc\xe9d")  # Latin-1 é
    source = write_drop(tmp_path / "drop", products=products)

    problems = landing_problems(source, lake)

    assert problems == ["products.csv, line 4: not valid UTF-8 (byte 0xe9)"]


def test_landing_rejects_file_ending_inside_utf8_character(tmp_path: Path, lake: LocalLake) -> None:
    products = VALID["products"].encode() + b"4,Caf\xc3"
    source = write_drop(tmp_path / "drop", products=products)

    problems = landing_problems(source, lake)

    assert problems == ["products.csv, line 5: not valid UTF-8 (the file ends inside a character)"]


def test_landing_rejects_truncated_gzip(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", gz=True)
    whole = (source / "orders.csv.gz").read_bytes()
    (source / "orders.csv.gz").write_bytes(whole[:-6])  # cut into the CRC/length trailer

    problems = landing_problems(source, lake)

    assert problems == [
        f"orders.csv.gz: truncated gzip stream after line {VALID_ROWS['orders'] + 1}"
    ]


def test_landing_rejects_corrupt_gzip(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", gz=True)
    (source / "aisles.csv.gz").write_bytes(b"this is not gzip at all\n")

    problems = landing_problems(source, lake)

    assert len(problems) == 1
    assert problems[0].startswith("aisles.csv.gz: corrupt gzip stream after line 0")


def test_landing_rejects_header_only_file(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", departments="department_id,department\n")

    problems = landing_problems(source, lake)

    assert problems == ["departments.csv: no data rows (header only)"]


def test_landing_rejects_header_only_file_without_newline(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", departments="department_id,department")

    assert landing_problems(source, lake) == ["departments.csv: no data rows (header only)"]


def test_landing_rejects_zero_byte_file(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", aisles="")

    assert landing_problems(source, lake) == ["aisles.csv: empty file (0 bytes)"]


def test_landing_rejects_gzip_of_nothing(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", gz=True, aisles="")

    problems = landing_problems(source, lake)

    assert problems == ["aisles.csv.gz: empty file (no header after decompression)"]


def test_landing_reports_several_problems_together(tmp_path: Path, lake: LocalLake) -> None:
    source = write_drop(tmp_path / "drop", aisles="", products=b"product_id\n1\n")
    (source / "departments.csv").unlink()
    (source / "extra.csv").write_text("a\n")

    with pytest.raises(LandingError) as caught:
        land_drop(source, lake, DAY)

    lines = str(caught.value).splitlines()
    assert lines == [
        "departments.csv: missing (expected departments.csv or departments.csv.gz)",
        lines[1],
        "aisles.csv: empty file (0 bytes)",
        'products.csv, line 1: header is "product_id" but must be '
        '"product_id,product_name,aisle_id,department_id"',
    ]
    assert lines[1].startswith("extra.csv: unknown file")


# --- whole or nothing ----------------------------------------------------------------------


def test_failed_landing_keeps_earlier_partition_and_leaves_no_staging(
    tmp_path: Path, drop: Path, lake: LocalLake
) -> None:
    land_drop(drop, lake, DAY)
    before = snapshot(lake.root)
    broken = write_drop(tmp_path / "broken", orders="order_id,user_id\n1,2\n", aisles="")

    landing_problems(broken, lake)

    assert snapshot(lake.root) == before
    assert not (lake.root / "raw" / ".staging").exists()


def test_relanding_same_date_replaces_it_and_keeps_other_dates(
    tmp_path: Path, drop: Path, lake: LocalLake
) -> None:
    land_drop(drop, lake, OTHER_DAY)
    land_drop(drop, lake, DAY)
    other_day = {k: v for k, v in snapshot(lake.root).items() if "dt=2026-11-24" in k}
    newer = write_drop(tmp_path / "newer", gz=True, aisles="aisle_id,aisle\n7,tea\n")

    report = land_drop(newer, lake, DAY)

    files = {k: v for k, v in snapshot(lake.root).items() if not k.startswith(KEPT)}
    assert {k for k in files if "dt=2026-11-25" in k} == {
        *(f.key for f in report.files),
        drop_record(DAY),
    }
    assert all(key.endswith(".csv.gz") for key in (f.key for f in report.files))
    aisles = gzip.decompress(files["raw/aisles/dt=2026-11-25/aisles.csv.gz"])
    assert aisles == b"aisle_id,aisle\n7,tea\n"
    assert {k: v for k, v in files.items() if "dt=2026-11-24" in k} == other_day
    assert not (lake.root / "raw" / ".staging").exists()
    # The replaced files wait aside until the new drop is built (accept_drop drops them).
    assert report.replaced and lake.list_keys(f"{KEPT}/aisles/dt=2026-11-25")
    accept_drop(lake, DAY)
    assert not lake.list_keys(KEPT)


def test_local_publish_rolls_back_every_partition_when_a_rename_fails(
    tmp_path: Path, drop: Path, lake: LocalLake, monkeypatch: pytest.MonkeyPatch
) -> None:
    land_drop(drop, lake, DAY)
    before = snapshot(lake.root)
    newer = write_drop(tmp_path / "newer", gz=True)
    rename = Path.rename
    failures = [OSError("simulated failure while moving orders in")]

    def failing_rename(self: Path, target: Path) -> Path:
        # Fails once: moving the new orders partition in (the rollback's renames succeed).
        if Path(target) == lake.root / "raw" / "orders" / "dt=2026-11-25" and failures:
            raise failures.pop()
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError, match="simulated failure"):
        land_drop(newer, lake, DAY)

    assert snapshot(lake.root) == before
    assert not (lake.root / "raw" / ".staging").exists()


def test_landing_refuses_a_datetime(drop: Path, lake: LocalLake) -> None:
    with pytest.raises(TypeError, match=r"datetime\.date"):
        land_drop(drop, lake, datetime.datetime(2026, 11, 25, 6, 0))  # type: ignore[arg-type]


# --- drop kinds ----------------------------------------------------------------------------


def test_a_delta_is_recorded_as_one_and_may_replace_the_latest_date(
    drop: Path, lake: LocalLake
) -> None:
    land_drop(drop, lake, OTHER_DAY)
    land_drop(drop, lake, DAY, "delta")
    assert (lake.root / drop_record(DAY)).read_text() == "kind\ndelta\n"
    assert (lake.root / drop_record(OTHER_DAY)).read_text() == "kind\nsnapshot\n"

    report = land_drop(drop, lake, DAY, "delta")  # the latest date, delivered again
    assert report.kind == "delta" and report.replaced
    assert landed_dates(lake) == ["2026-11-24", "2026-11-25"]


def test_a_delta_older_than_the_latest_drop_is_refused_and_changes_nothing(
    drop: Path, lake: LocalLake
) -> None:
    land_drop(drop, lake, DAY)
    before = snapshot(lake.root)

    with pytest.raises(LandingError) as caught:
        land_drop(drop, lake, OTHER_DAY, "delta")

    assert caught.value.problems == (
        f"{drop}: a delta for 2026-11-24 is older than the latest landed drop (2026-11-25); "
        "the days after it were built without it. Deliver its rows in a delta for a date "
        "from 2026-11-25 on, or a snapshot",
    )
    assert snapshot(lake.root) == before
    land_drop(drop, lake, OTHER_DAY)  # a snapshot of an earlier date lands (and is superseded)


def test_an_unknown_drop_kind_is_refused(drop: Path, lake: LocalLake) -> None:
    with pytest.raises(ValueError, match="drop kind must be one of snapshot, delta, got 'full'"):
        land_drop(drop, lake, DAY, "full")


def test_a_rejected_drop_takes_its_record_and_gives_back_the_one_it_replaced(
    drop: Path, lake: LocalLake
) -> None:
    land_drop(drop, lake, DAY)
    before = snapshot(lake.root)
    land_drop(drop, lake, DAY, "delta")

    reject_drop(lake, DAY)

    kept = {key: value for key, value in snapshot(lake.root).items() if key.startswith("raw/")}
    assert kept == before
    assert (lake.root / "rejected" / "drops" / "dt=2026-11-25" / "drop.csv").read_text() == (
        "kind\ndelta\n"
    )


# --- S3 ------------------------------------------------------------------------------------


@pytest.fixture
def s3(fake_aws: str) -> Any:
    """A boto3 S3 client on the moto server (lake_for("s3://...") makes its own the same way)."""
    import boto3

    return boto3.client("s3", endpoint_url=fake_aws, region_name="us-east-1")


@pytest.fixture
def s3_lake(s3: Any) -> S3Lake:
    bucket = f"lake-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    return S3Lake(bucket, "prod", s3)


def s3_snapshot(lake: S3Lake) -> dict[str, bytes]:
    return {key: lake_bytes(lake, key) for key in lake.list_keys()}


def lake_bytes(lake: S3Lake, key: str) -> bytes:
    with lake.open(key) as stream:
        return stream.read()


def test_s3_lake_lands_local_drop(drop: Path, s3_lake: S3Lake) -> None:
    report = land_drop(drop, s3_lake, DAY)

    assert s3_lake.list_keys() == sorted([*(f.key for f in report.files), drop_record(DAY)])
    for landed in report.files:
        assert lake_bytes(s3_lake, landed.key) == (drop / f"{landed.table}.csv").read_bytes()
        assert landed.rows == VALID_ROWS[landed.table]


def test_s3_lake_lands_a_file_bigger_than_one_upload_part(tmp_path: Path, s3_lake: S3Lake) -> None:
    # Past boto3's 8 MiB multipart threshold: parts come from full-sized reads of the check.
    header, *rows = VALID["order_products__prior"].splitlines(keepends=True)
    prior = (header + "".join(rows) * 700_000).encode()
    assert len(prior) > 2 * 8 * 2**20
    source = write_drop(tmp_path / "drop", order_products__prior=prior)

    report = land_drop(source, s3_lake, DAY)

    landed = report.file("order_products__prior")
    assert (landed.size_bytes, landed.rows) == (len(prior), 3 * 700_000)
    assert lake_bytes(s3_lake, landed.key) == prior


def test_s3_lake_lands_s3_drop_and_relanding_replaces_the_date(
    tmp_path: Path, s3: Any, s3_lake: S3Lake
) -> None:
    local = write_drop(tmp_path / "drop", gz=True)
    for path in local.iterdir():
        s3.upload_file(str(path), s3_lake.bucket, f"input/2026-11-25/{path.name}")
    land_drop(write_drop(tmp_path / "old"), s3_lake, DAY)  # .csv files, to be replaced
    land_drop(write_drop(tmp_path / "old"), s3_lake, OTHER_DAY)

    report = land_drop(f"s3://{s3_lake.bucket}/input/2026-11-25/", s3_lake, DAY)

    day_keys = [
        k for k in s3_lake.list_keys("raw") if "dt=2026-11-25" in k and not k.startswith(KEPT)
    ]
    assert day_keys == sorted([*(f.key for f in report.files), drop_record(DAY)])
    assert all(key.endswith(".csv.gz") for key in (f.key for f in report.files))
    assert lake_bytes(s3_lake, report.file("orders").key) == (local / "orders.csv.gz").read_bytes()
    assert report.file("orders").rows == VALID_ROWS["orders"]
    # six tables and the drop's record
    assert len([k for k in s3_lake.list_keys("raw") if "dt=2026-11-24" in k]) == 7
    assert not s3_lake.list_keys("raw/.staging")
    assert len(s3_lake.list_keys(KEPT)) == 7  # the replaced files and record, until accepted


def test_failed_s3_landing_leaves_s3_raw_zone_unchanged(
    tmp_path: Path, drop: Path, s3_lake: S3Lake
) -> None:
    land_drop(drop, s3_lake, DAY)
    before = s3_snapshot(s3_lake)
    broken = write_drop(tmp_path / "broken", gz=True)
    whole = (broken / "order_products__prior.csv.gz").read_bytes()
    (broken / "order_products__prior.csv.gz").write_bytes(whole[: len(whole) // 2])

    problems = landing_problems(broken, s3_lake)

    assert problems[0].startswith("order_products__prior.csv.gz: truncated gzip stream")
    assert s3_snapshot(s3_lake) == before


def test_lake_for_picks_the_store_from_the_location(s3: Any, tmp_path: Path) -> None:
    assert isinstance(lake_for(tmp_path), LocalLake)
    remote = lake_for("s3://bucket/some/prefix/", client=s3)
    assert isinstance(remote, S3Lake)
    assert (remote.bucket, remote.prefix) == ("bucket", "some/prefix")


def test_files_kept_aside_by_a_killed_run_go_back_before_the_next_landing(
    drop: Path, lake: LocalLake
) -> None:
    day = datetime.date(2026, 11, 24)
    land_drop(drop, lake, day)
    landed = {key: lake.root.joinpath(key).read_bytes() for key in lake.list_keys("raw")}
    # As a run killed between keeping the day's files aside and landing its new drop leaves it.
    for key in list(landed):
        table_and_file = key.removeprefix("raw/")
        target = lake.root / KEPT / table_and_file
        target.parent.mkdir(parents=True, exist_ok=True)
        lake.root.joinpath(key).rename(target)
    land_drop(drop, lake, datetime.date(2026, 11, 25))
    for key, body in landed.items():
        assert lake.root.joinpath(key).read_bytes() == body
    assert not lake.list_keys(KEPT)
