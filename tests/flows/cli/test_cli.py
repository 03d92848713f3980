"""`reorder generate` from the command line: files, messages, exit codes."""

from pathlib import Path

import pytest

from flows.cli.main import main


def test_generate_writes_a_drop_and_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drop"
    code = main(
        ["generate", "--users", "40", "--products", "300", "--seed", "1", "--out", str(out)]
    )
    assert code == 0
    assert len(list(out.glob("*.csv"))) == 6
    products = (out / "products.csv").read_text().splitlines()
    assert len(products) == 301
    assert "wrote" in capsys.readouterr().err


def test_generate_gzip_writes_gz_files(tmp_path: Path) -> None:
    args = ["generate", "--users", "20", "--products", "200", "--out", str(tmp_path), "--gzip"]
    assert main([*args, "--quiet"]) == 0
    assert len(list(tmp_path.glob("*.csv.gz"))) == 6


def test_generate_refuses_a_catalog_smaller_than_the_aisles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["generate", "--users", "10", "--products", "100", "--out", str(tmp_path)])
    assert code == 2
    assert "at least 134 products" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.csv"))


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--users", "0", "at least 1"),
        ("--users", "many", "expected a whole number"),
        ("--seed", "-3", "expected a seed"),
        ("--date", "2026-13-01", "expected a date as YYYY-MM-DD"),
        ("--hemisphere", "east", "invalid choice: 'east'"),
    ],
)
def test_generate_rejects_bad_numbers_with_the_flag_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["generate", flag, value, "--out", str(tmp_path)])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert flag in error and message in error


def test_generate_days_writes_a_dated_drop_per_day_and_reports_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["generate", "--users", "40", "--products", "300", "--out", str(tmp_path / "days")]
    code = main([*args, "--days", "3", "--first-date", "2026-11-23", "--gzip"])
    assert code == 0
    dates = ["2026-11-23", "2026-11-24", "2026-11-25"]
    assert sorted(p.name for p in (tmp_path / "days").iterdir()) == dates
    for date in dates:
        assert len(list((tmp_path / "days" / date).glob("*.csv.gz"))) == 6
    error = capsys.readouterr().err
    for date, users in zip(dates, ["1 to 13", "14 to 26", "27 to 40"], strict=True):
        assert date in error and f"user_id {users}," in error
    assert "wrote 3 daily drops" in error


def test_generate_a_feed_writes_each_day_and_who_it_brought(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["generate", "--users", "300", "--products", "300", "--out", str(tmp_path / "feed")]
    assert main([*args, "--days", "2", "--first-date", "2026-11-23", "--feed", "delta"]) == 0
    assert sorted(p.name for p in (tmp_path / "feed").iterdir()) == ["2026-11-23", "2026-11-24"]
    error = " ".join(capsys.readouterr().err.split())
    assert "2026-11-24 (delta): " in error and " returning and 0 new customers, " in error
    assert "wrote 2 days" in error


def test_generate_one_day_with_a_first_date_is_the_snapshot_in_a_dated_folder(
    tmp_path: Path,
) -> None:
    args = ["generate", "--users", "20", "--products", "200", "--quiet"]
    assert main([*args, "--out", str(tmp_path / "plain")]) == 0
    assert main([*args, "--out", str(tmp_path / "dated"), "--first-date", "2026-11-23"]) == 0
    for plain in (tmp_path / "plain").iterdir():
        assert (tmp_path / "dated" / "2026-11-23" / plain.name).read_bytes() == plain.read_bytes()


@pytest.mark.parametrize(
    ("extra", "flag", "message"),
    [
        (["--days", "0"], "--days", "at least 1"),
        (["--days", "41", "--first-date", "2026-11-23"], "--days", "more than --users 40"),
        (["--days", "3"], "--first-date", "required when --days is more than 1"),
        (["--days", "2", "--first-date", "2026-02-30"], "--first-date", "YYYY-MM-DD"),
        (["--days", "2", "--first-date", "23/11/2026"], "--first-date", "YYYY-MM-DD"),
        (["--days", "3", "--first-date", "9999-12-30"], "--first-date", "past year 9999"),
        (["--feed", "delta"], "--feed", "needs --first-date"),
        (
            ["--feed", "delta", "--first-date", "2026-11-23", "--date", "2026-11-24"],
            "--feed",
            "no seasons",
        ),
        (["--feed", "full", "--first-date", "2026-11-23"], "--feed", "invalid choice"),
    ],
)
def test_generate_rejects_bad_days_with_the_flag_and_reason(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    flag: str,
    message: str,
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["generate", "--users", "40", "--out", str(tmp_path / "out"), *extra])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert f"argument {flag}:" in error and message in error
    assert not (tmp_path / "out").exists()


def test_generate_with_a_date_makes_the_drop_seasonal_and_keeps_the_catalog(
    tmp_path: Path,
) -> None:
    args = ["generate", "--users", "200", "--products", "300", "--seed", "2", "--quiet"]
    assert main([*args, "--out", str(tmp_path / "plain")]) == 0
    assert main([*args, "--out", str(tmp_path / "dated"), "--date", "2026-07-15"]) == 0

    plain, dated = tmp_path / "plain", tmp_path / "dated"
    for name in ("aisles", "departments", "products", "orders"):
        assert (plain / f"{name}.csv").read_bytes() == (dated / f"{name}.csv").read_bytes()
    prior = "order_products__prior.csv"
    assert (plain / prior).read_bytes() != (dated / prior).read_bytes()
