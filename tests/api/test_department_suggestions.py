"""Suggestions for you, per department: a user's candidates and best basket within one
department of the catalog, asked for by id or by name; an unknown department is a 404 naming
it, and a department the user never bought in an empty list that says so."""

from pathlib import Path

import duckdb
import pytest
from api_stubs import AppFor
from fastapi.testclient import TestClient

PUBLISHED = "sandbox/result_table/result_table.parquet"
CATALOG = "sandbox/product_catalog"


@pytest.fixture(scope="module")
def departments(trained_lake: Path) -> dict[int, str]:
    rows = duckdb.sql(
        f"select distinct department_id, department from '{trained_lake / CATALOG}/*.parquet'"
    ).fetchall()
    return dict(rows)


@pytest.fixture(scope="module")
def user_departments(trained_lake: Path) -> dict[int, set[int]]:
    """Each published user's departments, from the published file."""
    rows = duckdb.sql(
        f"select user_id, list(distinct department_id) from '{trained_lake / PUBLISHED}' "
        "group by user_id"
    ).fetchall()
    return {user: set(found) for user, found in rows}


@pytest.fixture
def client(app_for: AppFor) -> TestClient:
    return TestClient(app_for())


def _published_departments(trained_lake: Path, user: int, products: list[int]) -> set[int]:
    listed = ", ".join(map(str, products))
    rows = duckdb.sql(
        f"select distinct department_id from '{trained_lake / PUBLISHED}' "
        f"where user_id = {user} and product_id in ({listed})"
    ).fetchall()
    return {department for (department,) in rows}


def test_suggestions_in_a_department_hold_only_its_products(
    client: TestClient, trained_lake: Path, user_departments: dict[int, set[int]]
) -> None:
    user, held = next((u, d) for u, d in user_departments.items() if len(d) >= 3)
    department = min(held)

    answer = client.get(
        f"/users/{user}/suggestions", params={"department_id": department, "limit": 200}
    ).json()

    products = [p["product_id"] for p in answer["products"]]
    assert products and answer["reason"] is None
    assert _published_departments(trained_lake, user, products) == {department}
    assert set(answer["basket"]) <= set(products)
    assert answer["department_id"] == department


def test_a_department_by_name_in_any_case_is_the_same_as_by_id(
    client: TestClient, departments: dict[int, str], user_departments: dict[int, set[int]]
) -> None:
    user, held = next(iter(user_departments.items()))
    department = min(held)
    by_id = client.get(f"/users/{user}/suggestions", params={"department_id": department})
    name = departments[department].upper()

    by_name = client.get(f"/users/{user}/suggestions", params={"department": name})

    assert by_name.status_code == by_id.status_code == 200
    assert by_name.json() == by_id.json()
    assert by_name.json()["department"] == departments[department]


def test_an_unknown_department_is_404_naming_it(
    client: TestClient, user_departments: dict[int, set[int]]
) -> None:
    user = next(iter(user_departments))

    by_id = client.get(f"/users/{user}/suggestions", params={"department_id": 999})
    by_name = client.get(f"/users/{user}/suggestions", params={"department": "haberdashery"})

    assert by_id.status_code == by_name.status_code == 404
    assert "department 999 is not in the product catalog" in by_id.text
    assert "department 'haberdashery' is not in the product catalog" in by_name.text


def test_a_department_the_user_never_bought_in_is_an_empty_list_with_the_reason(
    client: TestClient, departments: dict[int, str], user_departments: dict[int, set[int]]
) -> None:
    user, department = next(
        (u, d) for u, held in user_departments.items() for d in departments if d not in held
    )

    answer = client.get(f"/users/{user}/suggestions", params={"department_id": department})

    assert answer.status_code == 200
    body = answer.json()
    assert body["products"] == [] and body["basket"] == []
    assert body["reason"] == (
        f"user {user} has bought nothing in department {department} ({departments[department]})"
    )


def test_an_id_and_a_name_that_disagree_are_422_naming_the_field(
    client: TestClient, departments: dict[int, str], user_departments: dict[int, set[int]]
) -> None:
    user = next(iter(user_departments))
    first, second = sorted(departments)[:2]

    answer = client.get(
        f"/users/{user}/suggestions",
        params={"department_id": first, "department": departments[second]},
    )

    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "department"]
