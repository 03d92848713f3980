"""Product and department names for the API and the page: the published product_catalog
table, held in memory (about 50,000 small rows), looked up by id and searched by name."""

from __future__ import annotations

import pyarrow.dataset as ds

PRODUCT_FIELDS = ("product_id", "product_name", "aisle", "department")


class Catalog:
    def __init__(self, location: str | None) -> None:
        self._products: dict[int, dict] = {}
        self.departments: dict[int, str] = {}  # department_id -> name
        if location is None:
            return  # names are then unknown (None), and search finds nothing
        table = ds.dataset(location, format="parquet").to_table(
            columns=["product_id", "product_name", "aisle", "department_id", "department"]
        )
        rows = table.to_pylist()
        self.departments = {
            row["department_id"]: row["department"]
            for row in rows
            if row["department_id"] is not None and row["department"] is not None
        }
        self._products = {
            row["product_id"]: {name: row[name] for name in PRODUCT_FIELDS} for row in rows
        }
        self._search_keys = sorted(
            (row["product_name"].casefold(), product) for product, row in self._products.items()
        )

    def name(self, product_id: int) -> str | None:
        found = self._products.get(product_id)
        return None if found is None else found["product_name"]

    def department_named(self, name: str) -> int | None:
        """The id of the department of that name, in any case."""
        wanted = name.casefold().strip()
        for department_id, department in self.departments.items():
            if department.casefold() == wanted:
                return department_id
        return None

    def search(self, query: str, limit: int) -> list[dict]:
        """Products whose name contains `query` (any case): those starting with it first,
        then by name."""
        needle = query.casefold().strip()
        if not needle or not self._products:
            return []
        starting, containing = [], []
        for name, product in self._search_keys:
            if name.startswith(needle):
                starting.append(product)
            elif needle in name:
                containing.append(product)
            if len(starting) >= limit:
                break
        return [self._products[product] for product in (starting + containing)[:limit]]
