"""The season_hemisphere variable: both hemispheres compile for Athena (the unit tests of
order_dates check their seasons on DuckDB), and any other value stops the build, naming it."""

from pathlib import Path

from offline_dbt import run_dbt


def _compiled_order_dates(folder: Path, *vars_: str) -> str:
    folder.mkdir()
    args = ["compile", "--no-populate-cache", "--select", "order_dates", *vars_]
    run = run_dbt(args, folder).check()
    return next(run.target.rglob("order_dates.sql")).read_text()


def test_december_is_summer_by_default_and_winter_in_the_north(tmp_path: Path) -> None:
    southern = _compiled_order_dates(tmp_path / "default")
    northern = _compiled_order_dates(tmp_path / "north", "--vars", "{season_hemisphere: northern}")

    assert "when month(order_date) in (12, 1, 2) then 'summer'" in southern
    assert "when month(order_date) in (12, 1, 2) then 'winter'" in northern


def test_an_unknown_hemisphere_stops_the_build_naming_it(tmp_path: Path) -> None:
    args = ["compile", "--no-populate-cache", "--select", "order_dates"]
    run = run_dbt([*args, "--vars", "{season_hemisphere: east}"], tmp_path)

    assert run.result.returncode != 0
    assert "season_hemisphere must be southern or northern, got 'east'" in run.result.stdout
