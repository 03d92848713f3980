"""The DuckDB rule for a whole number in raw text, run in DuckDB against the rule as written:
one or more ASCII digits, blanks around them allowed, within bigint. The macro is rendered
from macros/portability.sql with plain Jinja, so the SQL tested is the SQL dbt runs."""

import itertools
import random
import re
from pathlib import Path

import duckdb
import jinja2

MACROS = Path(__file__).resolve().parents[2] / "macros" / "portability.sql"
BIGINT_MAX = 2**63 - 1
# What DuckDB's cast to bigint also takes and the rule does not: signs, decimals, exponents,
# hex and binary prefixes, digit separators, tabs and line ends, non-ASCII digits.
TRICKY = [
    "08", " 5 ", "  12", "7  ", "0", "", " ", "  ", "1 2", "1.0", "5.", ".5", "+5", "-3", "-0",
    "1e2", "1E2", "0x10", "0b1", "1_000", "5\t", "\t5", "5\r", "5\n", "\u0665", "\uff15", "x",
    "9223372036854775807", "9223372036854775808", "99999999999999999999999", "0009",
]  # fmt: skip


def expected(text: str) -> int | None:
    if not re.fullmatch(r" *[0-9]+ *", text, flags=re.ASCII):
        return None
    value = int(text)
    return value if value <= BIGINT_MAX else None


def digits_as_bigint_sql(column: str) -> str:
    template = jinja2.Environment(extensions=["jinja2.ext.do"]).from_string(
        MACROS.read_text() + "{{ duckdb__digits_as_bigint('" + column + "') }}"
    )
    return template.render().strip()


def test_the_duckdb_rule_takes_exactly_digits_with_blanks_around_them() -> None:
    generated = random.Random(0)
    alphabet = "0129 +-.eEx_\t"
    texts = (
        TRICKY
        + ["".join(chars) for chars in itertools.product("09 .", repeat=3)]
        + ["".join(generated.choices(alphabet, k=generated.randint(1, 6))) for _ in range(2000)]
    )
    db = duckdb.connect()
    db.execute("create table raw (text varchar)")
    db.executemany("insert into raw values (?)", [[text] for text in texts])
    parsed = dict(db.sql(f"select text, {digits_as_bigint_sql('text')} from raw").fetchall())
    wrong = {text: value for text, value in parsed.items() if value != expected(text)}
    assert not wrong
