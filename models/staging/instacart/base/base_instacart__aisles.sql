-- Every raw aisle row, typed, with the rule it breaks if any (see keep_latest_drop).
{%- set raw_columns = ['aisle_id', 'aisle'] %}

with

source as (

    {{ staged_drop('aisles') }}

),

typed as (

    select
        -- ids
        {{ parse_id('aisle_id') }} as aisle_id,

        -- text
        {{ clean_text('aisle') }} as aisle,

        -- provenance, and the text as read for the record of a quarantined row
        dt,
        source_file,
        {{ raw_text(raw_columns) }}

    from source

),

ruled as (

    select
        *,
        case
            when aisle_id is null then 'aisle_id_invalid'
            when aisle is null then 'aisle_name_missing'
        end as row_rule
    from typed

),

final as (

    {{ keep_latest_drop(
        'ruled', ['aisle_id'], ['aisle'], 'aisle_id_conflicting_duplicate', raw_columns
    ) }}

)

select * from final
