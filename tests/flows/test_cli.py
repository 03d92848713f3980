"""`reorder generate` from the command line: files, messages, exit codes."""

from pathlib import Path

import pytest

from flows.cli import main


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
