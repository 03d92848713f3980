{#-
    staged_drop(table)

    A select of one raw instacart table, every column as text plus source_file, over the
    drops staging reads: the latest snapshot's and every later drop's (a delta's rows add
    to or replace by key what the drops before it hold; a snapshot replaces every table's
    contents, so what came before it is superseded). The first date is a literal in the
    SQL, so that DuckDB and Athena both open only those dt partitions.

    Parameters:
      table  the instacart source table
-#}
{% macro staged_drop(table) -%}
    {%- set first_dt = first_staged_dt() -%}
    -- the file path is a hidden column on Athena: name it here, where the table is read
    select *, {{ source_file() }} as source_file
    from {{ source('instacart', table) }}
    {%- if first_dt is not none %}
    where dt >= '{{ first_dt }}'
    {%- endif %}
{%- endmacro %}

{#-
    first_staged_dt(): the date of the latest snapshot landed (YYYY-MM-DD), or none when no
    snapshot is recorded (a lake of deltas only, or landed before drops had kinds: every
    date is read). The var first_staged_dt overrides the lookup (the offline Athena compile
    sets it, having no Athena to ask).
-#}
{% macro first_staged_dt() -%}
    {%- set drops = source('landing', 'drops') -%}
    {%- if var('first_staged_dt', none) is not none -%}
        {{ return(var('first_staged_dt')) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(adapter.dispatch('latest_snapshot_dt')(drops)) }}
{%- endmacro %}

{% macro default__latest_snapshot_dt(drops) -%}
    {%- set found = run_query(
        "select cast(max(dt) as varchar) from " ~ drops ~ " where kind = 'snapshot'") -%}
    {{ return(found.columns[0].values()[0]) }}
{%- endmacro %}

{% macro duckdb__latest_snapshot_dt(drops) -%}
    {#- read_csv fails on a glob that matches nothing: a lake may have no record yet -#}
    {%- set records = env_var('REORDER_LAKE', 'lake') ~ '/raw/drops/dt=*/*.csv' -%}
    {%- set found = run_query("select count(*) from glob('" ~ records ~ "')") -%}
    {%- if found.columns[0].values()[0] == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(default__latest_snapshot_dt(drops)) }}
{%- endmacro %}
