"""One generated drop per test session, shared by the generator's tests (read-only)."""

from pathlib import Path

import pandas as pd
import pytest

from datagen.generate import DropSpec, generate_drop

SAMPLE_USERS = 5000
SAMPLE_SEED = 7


@pytest.fixture(scope="session")
def sample_drop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A drop of a few thousand users over the full-size catalog."""
    folder = tmp_path_factory.mktemp("sample_drop")
    generate_drop(DropSpec(users=SAMPLE_USERS, seed=SAMPLE_SEED), folder)
    return folder


@pytest.fixture(scope="session")
def sample_tables(sample_drop: Path) -> dict[str, pd.DataFrame]:
    """The sample drop's six files as read by pandas, every column as written."""
    names = [
        "aisles",
        "departments",
        "products",
        "orders",
        "order_products__prior",
        "order_products__train",
    ]
    return {
        name: pd.read_csv(sample_drop / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in names
    }
