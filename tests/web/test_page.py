"""The public page in headless Chromium: `reorder serve` on 127.0.0.1, a person's steps typed
in, the answers read back, a screenshot kept."""

from pathlib import Path

import duckdb


def test_a_person_asks_about_a_customer_and_a_product(
    served: str, browser, trained_lake: Path, tmp_path: Path
) -> None:
    published = trained_lake / "sandbox/result_table/result_table.parquet"
    [(user, product, name)] = duckdb.sql(
        f"select r.user_id, r.product_id, c.product_name from '{published}' r "
        f"join '{trained_lake}/sandbox/product_catalog/*.parquet' c using (product_id) "
        "where r.up_orders >= 3 order by r.user_id, r.product_id limit 1"
    ).fetchall()
    page = browser.new_page()
    page.goto(served)
    page.fill("#user-id", str(user))
    page.fill("#product-search", name[:6])  # search by name, then pick the product
    page.wait_for_function(
        "document.querySelectorAll('#product-options option').length > 0", timeout=10_000
    )
    page.fill("#product-search", f"{name} (#{product})")
    page.click("#pair-form button")
    verdict = page.wait_for_selector("#pair-answer .verdict", timeout=10_000)
    text = verdict.inner_text()
    assert text.startswith(("Likely to reorder", "Unlikely to reorder")) and "%" in text
    assert "orders with this product" in page.inner_text("#pair-answer")
    page.screenshot(path=str(tmp_path / "prediction.png"), full_page=True)

    page.fill("#suggest-user-id", str(user))
    page.click("#suggest-form button")
    page.wait_for_selector("#suggest-answer table", timeout=10_000)
    assert "Suggested next basket" in page.inner_text("#suggest-answer")
    assert page.locator("#suggest-answer tr").count() > 1
    page.screenshot(path=str(tmp_path / "suggestions.png"), full_page=True)
    assert (tmp_path / "prediction.png").stat().st_size > 10_000


def test_an_unknown_customer_gets_a_readable_message(served: str, browser) -> None:
    page = browser.new_page()
    page.goto(served)
    page.fill("#suggest-user-id", "987654")
    page.click("#suggest-form button")
    message = page.wait_for_selector("#suggest-answer .error", timeout=10_000).inner_text()
    assert "user 987654 is not in the published result_table" in message


def test_department_tabs_narrow_the_suggestions_to_one_department(
    served: str, browser, trained_lake: Path, tmp_path: Path
) -> None:
    published = trained_lake / "sandbox/result_table/result_table.parquet"
    catalog = f"{trained_lake}/sandbox/product_catalog/*.parquet"
    [(user, bought, never)] = duckdb.sql(
        f"""
        with held as (
            select user_id, list(distinct department_id) as departments
            from '{published}' group by user_id
        ),
        names as (select distinct department_id, department from '{catalog}')
        select
            user_id,
            (select department from names where department_id = list_min(departments)),
            (select min(department) from names
             where not list_contains(departments, names.department_id))
        from held
        where len(departments) < (select count(*) from names)
        order by user_id
        limit 1
        """
    ).fetchall()
    page = browser.new_page()
    page.goto(served)
    page.fill("#suggest-user-id", str(user))
    page.click("#suggest-form button")
    page.wait_for_selector("#suggest-answer table", timeout=10_000)

    page.click(f"#department-tabs button:text-is('{bought}')")
    page.wait_for_function(
        f"document.querySelector('#suggest-answer').innerText.includes('in {bought}')",
        timeout=10_000,
    )
    selected = page.locator("#department-tabs button[aria-selected='true']")
    assert selected.inner_text() == bought
    page.screenshot(path=str(tmp_path / "department.png"), full_page=True)

    page.click(f"#department-tabs button:text-is('{never}')")
    reason = page.wait_for_selector("#suggest-answer .reason", timeout=10_000).inner_text()
    assert "has bought nothing in department" in reason and f"({never})" in reason
