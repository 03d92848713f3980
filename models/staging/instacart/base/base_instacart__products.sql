-- Every raw product row, typed, with the rule it breaks if any (see keep_latest_drop).
-- A product must sit in a known aisle and department.
{%- set raw_columns = ['product_id', 'product_name', 'aisle_id', 'department_id'] %}

with

source as (

    {{ staged_drop('products') }}

),

aisles as (

    select aisle_id from {{ ref('stg_instacart__aisles') }}

),

departments as (

    select department_id from {{ ref('stg_instacart__departments') }}

),

typed as (

    select
        -- ids
        {{ parse_id('product_id') }} as product_id,
        {{ parse_id('aisle_id') }} as aisle_id,
        {{ parse_id('department_id') }} as department_id,

        -- text
        {{ clean_text('product_name') }} as product_name,

        -- provenance, and the text as read for the record of a quarantined row
        dt,
        source_file,
        {{ raw_text(raw_columns) }}

    from source

),

ruled as (

    select
        typed.*,
        case
            when typed.product_id is null then 'product_id_invalid'
            when typed.product_name is null then 'product_name_missing'
            when typed.aisle_id is null then 'aisle_id_invalid'
            when typed.department_id is null then 'department_id_invalid'
            when aisles.aisle_id is null then 'aisle_unknown'
            when departments.department_id is null then 'department_unknown'
        end as row_rule
    from typed
    left join aisles on typed.aisle_id = aisles.aisle_id
    left join departments on typed.department_id = departments.department_id

),

final as (

    {{ keep_latest_drop(
        'ruled',
        ['product_id'],
        ['product_name', 'aisle_id', 'department_id'],
        'product_id_conflicting_duplicate',
        raw_columns
    ) }}

)

select * from final
