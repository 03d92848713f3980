{#-
    keep_latest_drop(checked, key, values, conflict_rule)

    Deduplicates rows across drops: for each key, the rows of the latest dt that holds the
    key win (so both full daily snapshots and incremental drops work); rows of older drops
    are superseded. Within that latest drop an exact duplicate collapses into one row, and
    rows that share the key with different values are all quarantined with conflict_rule.
    Rows that already broke a row rule (row_rule not null) pass through to the quarantine.

    Parameters:
      checked        name of a CTE with the typed columns, dt, source_file, record, row_rule
      key            list of key column names
      values         list of the other typed column names
      conflict_rule  the rule named for conflicting duplicates

    Returns a select with the typed columns, dt, source_file, record and quarantine_rule
    (NULL for a row that goes on to staging).
-#}
{% macro keep_latest_drop(checked, key, values, conflict_rule) -%}
    {%- set columns = key + values -%}
    select
        {{ columns | join(', ') }},
        dt,
        source_file,
        record,
        case when copies > 1 then '{{ conflict_rule }}' end as quarantine_rule
    from (
        select
            *,
            count(*) over (partition by {{ key | join(', ') }}) as copies
        from (
            select
                {{ columns | join(', ') }},
                dt,
                min(source_file) as source_file,
                min(record) as record
            from (
                select
                    *,
                    max(dt) over (partition by {{ key | join(', ') }}) as latest_dt
                from {{ checked }}
                where row_rule is null
            ) as valid
            where dt = latest_dt
            group by {{ columns | join(', ') }}, dt
        ) as latest
    ) as counted

    union all

    select
        {{ columns | join(', ') }},
        dt,
        source_file,
        record,
        row_rule as quarantine_rule
    from {{ checked }}
    where row_rule is not null
{%- endmacro %}

{#- raw_record(columns): the raw values of a row joined by commas, for the quarantine. -#}
{% macro raw_record(columns) -%}
    concat_ws(',' {%- for column in columns %}, coalesce({{ column }}, ''){% endfor %})
{%- endmacro %}
