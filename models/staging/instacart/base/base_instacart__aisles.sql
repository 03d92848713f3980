-- Every raw aisle row, typed, with the rule it breaks if any (see keep_latest_drop).
with

source as (

    -- the file path is a hidden column on Athena: name it here, where the table is read
    select *, {{ source_file() }} as source_file from {{ source('instacart', 'aisles') }}

),

typed as (

    select
        -- ids
        {{ parse_id('aisle_id') }} as aisle_id,

        -- text
        {{ clean_text('aisle') }} as aisle,

        -- provenance
        cast(dt as varchar) as dt,
        source_file,
        {{ raw_record(['aisle_id', 'aisle']) }} as record

    from source

),

checked as {{ compute_once() }} (

    select
        *,
        case
            when aisle_id is null then 'aisle_id_invalid'
            when aisle is null then 'aisle_name_missing'
        end as row_rule
    from typed

),

final as (

    {{ keep_latest_drop('checked', ['aisle_id'], ['aisle'], 'aisle_id_conflicting_duplicate') }}

)

select * from final
