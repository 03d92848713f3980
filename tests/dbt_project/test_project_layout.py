"""Names in the dbt project follow one scheme, so the layout stays honest as it grows."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
# <layer>_<source>__<entity>; the entity may hold the source file's own "__" (order_products__prior)
STAGING_NAME = re.compile(r"(base|stg)_instacart__[a-z]+(__?[a-z]+)*")


def test_staging_models_are_named_for_their_source() -> None:
    names = [path.stem for path in (MODELS / "staging" / "instacart").rglob("*.sql")]
    assert names
    bad = [name for name in names if not STAGING_NAME.fullmatch(name)]
    assert not bad, bad


def test_each_model_folder_has_one_models_yml_named_for_it() -> None:
    for folder in {path.parent for path in MODELS.rglob("*.sql")}:
        owner = folder.parent.name if folder.name == "base" else folder.name
        ymls = list(folder.glob("_*__models.yml")) + list(
            folder.parent.glob(f"_{owner}__models.yml")
        )
        assert ymls, f"{folder.relative_to(ROOT)} has no _<folder>__models.yml"


def test_singular_tests_mirror_model_folders_and_name_their_rule() -> None:
    singular = [p for p in (ROOT / "tests" / "dbt").rglob("*.sql") if p.parent.name != "generic"]
    assert singular
    for path in singular:
        assert (MODELS / path.parent.name).is_dir(), path
        assert re.fullmatch(r"test_[a-z_0-9]+__[a-z_0-9]+", path.stem), path


def test_sql_is_lowercase_and_never_uses_double_colon_casts() -> None:
    for path in [*MODELS.rglob("*.sql"), *(ROOT / "macros").rglob("*.sql")]:
        code = re.sub(r"'[^']*'|\{#.*?#\}|--[^\n]*", "", path.read_text(), flags=re.S)
        assert "::" not in code, path
        keywords = re.findall(r"\b(SELECT|FROM|WHERE|GROUP BY|JOIN|CAST|CASE|WHEN)\b", code)
        assert not keywords, (path, keywords)
