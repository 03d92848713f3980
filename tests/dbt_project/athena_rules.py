"""Rules that SQL compiled for the athena target must follow to run on Athena (Trino).

sqlglot's athena reader is lenient: it accepts `::` casts, any function name (DuckDB's
included), `select * exclude`, `group by all` and more, and it knows some DuckDB-only
functions by name (`regexp_full_match` parses into a known expression, so it is not an
`Anonymous` node). Parsing alone therefore proves little; each rule below names one
construct that DuckDB runs and Athena rejects or computes differently.

`portability_problems(sql)` returns one message per problem found, an empty list when none.
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, OptimizeError, ParseError, TokenError
from sqlglot.optimizer.scope import Scope, traverse_scope
from sqlglot.tokens import Token, TokenType

DIALECT = "athena"

# Every function a model may call, by the name written in the SQL. Each one is a Trino
# function (https://trino.io/docs/current/functions/list.html) that Athena engine 3 has.
# Checked by the name as written, for known and unknown (`exp.Anonymous`) functions alike:
# sqlglot maps DuckDB names onto known expressions (ifnull -> Coalesce, len -> Length,
# regexp_full_match -> RegexpFullMatch), and Athena gets the compiled text verbatim.
# Add a name only after finding it in Trino's list; never a DuckDB-only one.
TRINO_FUNCTIONS = frozenset(
    {
        # used by the models and tests today
        "avg",
        "cast",
        "coalesce",
        "concat_ws",
        "count",
        "floor",
        "max",
        "min",
        "nullif",
        "regexp_like",
        "regexp_replace",
        "row_number",
        "sum",
        "trim",
        "try_cast",
        # common Trino functions the models may reach for
        "abs",
        "arbitrary",
        "approx_distinct",
        "cardinality",
        "ceil",
        "concat",
        "count_if",
        "current_date",
        "date_add",
        "date_diff",
        "date_format",
        "date_parse",
        "date_trunc",
        "dense_rank",
        "element_at",
        "first_value",
        "from_iso8601_date",
        "greatest",
        "if",
        "lag",
        "last_value",
        "lead",
        "least",
        "length",
        "lower",
        "max_by",
        "month",
        "min_by",
        "rank",
        "replace",
        "round",
        "split_part",
        "starts_with",
        "stddev",
        "strpos",
        "substr",
        "upper",
    }
)

_FLOATING_TYPES = ("double", "float", "real", "decimal")
_STAR_MODIFIERS = ("except", "except_", "exclude", "replace", "rename")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
# Tokens after which `[` is a subscript (a[1], f(x)[1], array[1][1]), not a list literal.
_SUBSCRIPTABLE = {
    TokenType.ARRAY,
    TokenType.VAR,
    TokenType.IDENTIFIER,
    TokenType.R_PAREN,
    TokenType.R_BRACKET,
}


def portability_problems(sql: str) -> list[str]:
    """What in `sql` (one or more statements) would not run, or not run the same, on Athena."""
    try:
        tokens = sqlglot.Dialect.get_or_raise(DIALECT).tokenize(sql)
    except TokenError as error:
        return [f"does not tokenize as Athena SQL: {error}"]
    problems = _token_problems(tokens)
    try:
        statements = sqlglot.parse(sql, read=DIALECT, error_level=ErrorLevel.RAISE)
    except ParseError as error:
        return [*problems, f"does not parse as Athena SQL: {error}"]
    for statement in statements:
        if statement is not None:
            problems += _tree_problems(statement, sql)
    return problems


def _token_problems(tokens: list[Token]) -> list[str]:
    """Rules on the token stream: string literals and comments are single tokens or gone."""
    problems = []
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        where = f"line {token.line}"
        kind = token.token_type
        if kind == TokenType.DCOLON:
            problems.append(f"{where}: `::` cast (DuckDB); write cast(x as type)")
        elif kind == TokenType.EQ and token.text == "==":
            problems.append(f"{where}: `==` (DuckDB); write `=`")
        elif kind in {TokenType.QUALIFY, TokenType.VAR} and token.text.lower() == "qualify":
            problems.append(f"{where}: `qualify` (DuckDB); filter the window in an outer query")
        elif kind == TokenType.L_BRACE:
            problems.append(f"{where}: `{{...}}` struct literal (DuckDB); use row(...)")
        elif kind == TokenType.L_BRACKET and (
            previous is None or previous.token_type not in _SUBSCRIPTABLE
        ):
            problems.append(f"{where}: `[...]` list literal (DuckDB); write array[...]")
        elif kind == TokenType.FROM and _starts_query(tokens, index):
            problems.append(f"{where}: query starting with `from` (DuckDB); write select first")
    return problems


def _starts_query(tokens: list[Token], index: int) -> bool:
    """Whether the token at index opens a statement or a parenthesised subquery."""
    if index == 0 or tokens[index - 1].token_type == TokenType.SEMICOLON:
        return True
    if tokens[index - 1].token_type != TokenType.L_PAREN:
        return False
    # `trim(from x)` is a function's argument; `(from t)` after as/in/from/join is a query.
    before = tokens[index - 2] if index >= 2 else None
    return before is None or before.token_type not in {TokenType.VAR, TokenType.IDENTIFIER}


def _tree_problems(tree: exp.Expression, sql: str) -> list[str]:
    problems = []
    for node in tree.walk():
        problems += _node_problems(node, sql)
    problems += _hidden_column_problems(tree)
    return problems


def _node_problems(node: exp.Expression, sql: str) -> list[str]:
    """Rules on one node of the tree (each node type matches at most one rule)."""
    if isinstance(node, exp.Func):
        name = _written_name(node, sql)
        if name is not None and name not in TRINO_FUNCTIONS:
            return [
                f"function {name}() is not in the Trino allowlist (tests/dbt_project/"
                "athena_rules.py): DuckDB-only, or add it after checking Trino's function list"
            ]
        return []
    if isinstance(node, exp.Div) and not (_is_floating(node.this) or _is_floating(node.expression)):
        return [
            f"`{_snippet(node)}`: integer division on Trino when both sides are integers; "
            "cast one side to double (the ratio() macro)"
        ]
    if isinstance(node, exp.Star) and any(node.args.get(arg) for arg in _STAR_MODIFIERS):
        return [f"`{_snippet(node)}`: star with exclude/except/replace (DuckDB); list columns"]
    if isinstance(node, exp.Group) and node.args.get("all"):
        return ["`group by all` (DuckDB); list the grouping columns"]
    if isinstance(node, exp.Order) and _is_order_by_all(node):
        return ["`order by all` (DuckDB); list the ordering columns"]
    if isinstance(node, exp.Qualify):
        return ["`qualify` (DuckDB); filter the window in an outer query"]
    if isinstance(node, exp.SetOperation) and node.args.get("by_name"):
        return ["`union by name` (DuckDB); select the same columns in the same order"]
    if isinstance(node, exp.Distinct) and node.args.get("on"):
        return ["`distinct on` (DuckDB); use row_number() in a subquery"]
    if isinstance(node, (exp.ILike, exp.Glob, exp.SimilarTo)):
        return [f"`{_snippet(node)}`: ilike/glob/similar to (not Trino); use like or regexp_like"]
    if isinstance(node, exp.Pivot):
        return ["pivot/unpivot (DuckDB); aggregate with filters or unnest instead"]
    if isinstance(node, exp.Join) and (
        node.kind in {"SEMI", "ANTI"} or node.method in {"ASOF", "POSITIONAL"}
    ):
        return [f"{node.kind or node.method} join (DuckDB); use exists/not exists or a window"]
    return []


def _written_name(node: exp.Func, sql: str) -> str | None:
    """The function's name as written in sql, None for syntax (case, cast, and, ...)."""
    if isinstance(node, exp.Anonymous):
        return node.name.lower()
    meta = node.meta
    if "start" not in meta or "end" not in meta:
        return None
    name = sql[meta["start"] : meta["end"] + 1].strip('"`').lower()
    return name if _NAME.fullmatch(name) else None


def _is_floating(node: exp.Expression | None) -> bool:
    """Whether an operand is surely floating point, so that `/` does not truncate."""
    if node is None:
        return False
    node = node.unnest()
    if isinstance(node, exp.Cast):  # try_cast included
        return node.to.is_type(*_FLOATING_TYPES)
    if isinstance(node, exp.Literal):
        return node.is_number and any(mark in node.this.lower() for mark in ".e")
    if isinstance(node, (exp.Nullif, exp.Coalesce, exp.Neg, exp.Abs, exp.Round)):
        return _is_floating(node.this)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return _is_floating(node.this) or _is_floating(node.expression)
    return isinstance(node, exp.Avg)


def _is_order_by_all(node: exp.Order) -> bool:
    keys = node.expressions
    if len(keys) != 1:
        return False
    key = keys[0].this if isinstance(keys[0], exp.Ordered) else keys[0]
    return isinstance(key, exp.Column) and not key.table and key.name.lower() == "all"


def _hidden_column_problems(tree: exp.Expression) -> list[str]:
    """Hidden columns ("$path", "$file_size", ...) exist only on the table itself.

    Trino's `select *` leaves them out, so they cannot be read through a CTE or subquery
    (DuckDB's read_csv(filename = true) gives a plain column that `*` does carry).
    """
    try:
        scopes = traverse_scope(tree)
    except OptimizeError:  # a statement sqlglot cannot scope: no verdict, not a problem
        return []
    problems = []
    for scope in scopes:
        for column in scope.columns:
            if not column.name.startswith("$"):
                continue
            source = _column_source(scope, column)
            if isinstance(source, Scope):
                problems.append(
                    f'hidden column "{column.name}" read through the CTE or subquery '
                    f"`{column.table or _only_source_name(scope)}`: Trino's `select *` does not "
                    "carry hidden columns; select it in the query that reads the table"
                )
    return problems


def _column_source(scope: Scope, column: exp.Column) -> exp.Table | Scope | None:
    if column.table:
        return scope.sources.get(column.table)
    selected = scope.selected_sources
    if len(selected) != 1:
        return None
    _, source = next(iter(selected.values()))
    return source


def _only_source_name(scope: Scope) -> str:
    return next(iter(scope.selected_sources), "?")


def _snippet(node: exp.Expression, width: int = 80) -> str:
    text = node.sql(dialect=DIALECT)
    return text if len(text) <= width else text[: width - 3] + "..."
