{{ config(
    materialized='lake_parquet' if target.type == 'duckdb' else 'table',
    lake_zone='quarantine',
    lake_folder='rows',
    s3_data_dir=env_var('REORDER_LAKE_URI', 's3://reorder-lake') ~ '/quarantine/',
    s3_data_naming='table_unique'
) }}
-- Every raw row that did not make it into staging, with the rule it broke. Nothing is
-- dropped silently: a row is either in a stg_instacart__ model, here, or superseded by
-- the same key in a later drop.
{%- set tables = ['aisles', 'departments', 'products', 'orders', 'order_products__prior',
    'order_products__train'] %}

with

{% for table in tables %}
{{ table }} as (

    select
        '{{ table }}' as source_table,
        cast(dt as varchar) as dt,
        source_file,
        record,
        quarantine_rule
    from {{ ref('base_instacart__' ~ table) }}
    where quarantine_rule is not null

),

{% endfor %}
final as (

    {% for table in tables %}
    select * from {{ table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
