{#-
    keep_latest_drop(ruled, key, values, conflict_rule, raw_columns)

    Deduplicates rows across drops: for each key, the rows of the latest dt that holds the
    key win (so both full daily snapshots and incremental drops work); rows of older drops
    are superseded. Within that latest drop an exact duplicate collapses into one row, and
    rows that share the key with different values are all quarantined with conflict_rule.
    Rows that already broke a row rule (row_rule not null) pass through to the quarantine.

    Only quarantined rows carry their raw record and source file: building and storing
    them for the tens of millions of valid rows would cost more than the rest of the model.

    Parameters:
      ruled          name of a CTE with the typed columns, dt, source_file, row_rule and,
                     for each raw column, its text as <column>_text (see raw_text)
      key            list of key column names
      values         list of the other typed column names
      conflict_rule  the rule named for conflicting duplicates
      raw_columns    the raw file's columns in header order, for the record

    Returns a select with the typed columns, dt (as the engine reads the partition: a date
    on DuckDB, a string on Athena; staging casts it to varchar), source_file and record
    (both NULL on rows that go on to staging) and quarantine_rule (NULL for a row that goes
    on to staging).
-#}
{% macro keep_latest_drop(ruled, key, values, conflict_rule, raw_columns) -%}
    {%- set columns = key + values -%}
    {%- set valid_key, on_key, checked_on_key = [], [], [] -%}
    {%- for column in key -%}
        {%- do valid_key.append('valid.' ~ column) -%}
        {%- do on_key.append('valid.' ~ column ~ ' = repeated_keys.' ~ column) -%}
        {%- do checked_on_key.append('checked.' ~ column ~ ' = repeated_keys.' ~ column) -%}
    {%- endfor -%}
    with

    checked as {{ compute_once() }} (
        select
            {{ columns | join(', ') }},
            dt,
            source_file,
            row_rule,
            case when row_rule is not null then {{ raw_record(raw_text_names(raw_columns)) }}
            end as record
        from {{ ruled }}
    ),

    valid as (
        select {{ columns | join(', ') }}, dt, source_file
        from checked
        where row_rule is null
    ),

    -- Nearly every key appears once and goes straight through; only the few repeated
    -- keys pay for finding their latest drop and telling duplicates from conflicts.
    repeated_keys as {{ compute_once() }} (
        select {{ key | join(', ') }}
        from valid
        {%- if key | length == 2 %}
        -- Grouping by the first key column alone is much cheaper (an order has a few
        -- lines): only its groups with a repeated second column can hold repeated keys.
        where {{ key[0] }} in (
            select {{ key[0] }}
            from valid
            group by {{ key[0] }}
            having {{ has_repeated_values(key[1]) }}
        )
        {%- endif %}
        group by {{ key | join(', ') }}
        having count(*) > 1
    ),

    repeated as (
        select
            valid.*,
            max(valid.dt) over (partition by {{ valid_key | join(', ') }}) as latest_dt
        from valid
        inner join repeated_keys on {{ on_key | join(' and ') }}
    ),

    latest as (
        select distinct {{ columns | join(', ') }}, dt, source_file
        from repeated
        where dt = latest_dt
    ),

    versioned as (
        select
            *,
            count(*) over (partition by {{ key | join(', ') }}) as versions
        from latest
    )

    -- One pass over every row for both the rows that break a rule (kept whatever their key)
    -- and the valid rows whose key is not repeated: a second pass over tens of millions of
    -- rows to find the few broken ones cost more than the join.
    select
        {% for column in columns %}checked.{{ column }},
        {% endfor -%}
        checked.dt,
        case when checked.row_rule is not null then checked.source_file end as source_file,
        checked.record,
        checked.row_rule as quarantine_rule
    from checked
    left join repeated_keys on {{ checked_on_key | join(' and ') }}
    where checked.row_rule is not null or repeated_keys.{{ key[0] }} is null

    union all

    select
        {{ columns | join(', ') }},
        dt,
        source_file,
        case when versions > 1 then {{ raw_record(columns) }} end as record,
        case when versions > 1 then '{{ conflict_rule }}' end as quarantine_rule
    from versioned
{%- endmacro %}

{#- raw_record(columns): a row's values joined by commas, for the quarantine. -#}
{% macro raw_record(columns) -%}
    concat_ws(','
        {%- for column in columns %}, coalesce(cast({{ column }} as varchar), ''){% endfor %})
{%- endmacro %}

{#- raw_text(columns): each raw column's text kept as <column>_text, for the record. -#}
{% macro raw_text(columns) -%}
    {%- for column in columns %}{{ column }} as {{ column }}_text{{ ', ' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- raw_text_names(columns): the names raw_text gives the columns. -#}
{% macro raw_text_names(columns) -%}
    {%- set names = [] -%}
    {%- for column in columns %}{% do names.append(column ~ '_text') %}{% endfor -%}
    {{ return(names) }}
{%- endmacro %}
