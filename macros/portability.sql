{#-
    Engine-specific SQL lives only here, as adapter.dispatch macros with a duckdb__ and an
    athena__ (or a portable default__) implementation. Models call these and stay portable.
-#}

{#- ratio(numerator, denominator): floating-point division, NULL when the divisor is 0.
    Athena (Trino) divides integers as integers; casting both sides keeps the fraction. -#}
{% macro ratio(numerator, denominator) -%}
    {{ return(adapter.dispatch('ratio')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__ratio(numerator, denominator) -%}
    cast({{ numerator }} as double) / nullif(cast({{ denominator }} as double), 0)
{%- endmacro %}

{#- clean_text(column): a raw CSV value with surrounding blanks removed, NULL when empty.
    Athena's CSV reader leaves the \r of CRLF files on the last column; DuckDB's does not. -#}
{% macro clean_text(column) -%}
    {{ return(adapter.dispatch('clean_text')(column)) }}
{%- endmacro %}

{% macro duckdb__clean_text(column) -%}
    nullif(trim({{ column }}), '')
{%- endmacro %}

{% macro athena__clean_text(column) -%}
    nullif(trim(regexp_replace({{ column }}, '\r$', '')), '')
{%- endmacro %}

{#- digits_as_bigint(column): the raw text as a bigint when, blanks around it aside, it is
    one or more ASCII digits; NULL otherwise. -#}
{% macro digits_as_bigint(column) -%}
    {{ return(adapter.dispatch('digits_as_bigint')(column)) }}
{%- endmacro %}

{% macro athena__digits_as_bigint(column) -%}
    case when regexp_like({{ clean_text(column) }}, '^[0-9]+$')
        then try_cast({{ clean_text(column) }} as bigint) end
{%- endmacro %}

{#- No character but ASCII digits and spaces (a glob costs less per value than a regular
    expression), then a cast, which takes blanks around the digits and nothing else of that
    alphabet: "1 2", a blank and a number beyond bigint give NULL. -#}
{% macro duckdb__digits_as_bigint(column) -%}
    case when not ({{ column }} glob '*[!0-9 ]*') then try_cast({{ column }} as bigint) end
{%- endmacro %}

{#- source_file(): the path of the raw file a row was read from. -#}
{% macro source_file() -%}
    {{ return(adapter.dispatch('source_file')()) }}
{%- endmacro %}

{% macro duckdb__source_file() -%}
    filename
{%- endmacro %}

{% macro athena__source_file() -%}
    "$path"
{%- endmacro %}

{#- compute_once(): placed after a CTE's "as", asks the engine to compute that CTE once.
    DuckDB otherwise inlines a CTE wherever it is used, re-evaluating its parsing
    expressions each time; Athena (Trino) has no such keyword and plans CTEs itself. -#}
{% macro compute_once() -%}
    {{ return(adapter.dispatch('compute_once')()) }}
{%- endmacro %}

{% macro duckdb__compute_once() -%}
    materialized
{%- endmacro %}

{% macro default__compute_once() -%}
{%- endmacro %}

{#- has_repeated_values(column): in a group by, true when the group holds a value of the
    column more than once, and also when it holds a NULL (so callers that care check the
    group again). DuckDB's list is much cheaper than a distinct count, and list_unique (which
    counts a list's distinct values, NULL left out) cheaper than the length of list_distinct's
    new list. -#}
{% macro has_repeated_values(column) -%}
    {{ return(adapter.dispatch('has_repeated_values')(column)) }}
{%- endmacro %}

{% macro duckdb__has_repeated_values(column) -%}
    count(*) > list_unique(list({{ column }}))
{%- endmacro %}

{% macro default__has_repeated_values(column) -%}
    count(*) > count(distinct {{ column }})
{%- endmacro %}

{#- file_order_by(columns): the rows sorted by these columns where the local target writes
    the model as one file, so that the file is in that order (lake_parquet writes a query's
    rows in the order it returns them). Placed in a CTE before columns computed from others,
    the sort carries fewer of them. Athena writes parts in any order and compaction sorts
    them: nothing there. -#}
{% macro file_order_by(columns) -%}
    {{ return(adapter.dispatch('file_order_by')(columns)) }}
{%- endmacro %}

{% macro duckdb__file_order_by(columns) -%}
    order by {{ columns | join(', ') }}
{%- endmacro %}

{% macro default__file_order_by(columns) -%}
{%- endmacro %}

{#- days_before(date_text, days): the date `days` days before `date_text` (YYYY-MM-DD). -#}
{% macro days_before(date_text, days) -%}
    {{ return(adapter.dispatch('days_before')(date_text, days)) }}
{%- endmacro %}

{% macro duckdb__days_before(date_text, days) -%}
    cast({{ date_text }} as date) - cast({{ days }} as integer)
{%- endmacro %}

{% macro athena__days_before(date_text, days) -%}
    date_add('day', -cast({{ days }} as bigint), cast({{ date_text }} as date))
{%- endmacro %}
