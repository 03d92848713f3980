-- Every raw department row, typed, with the rule it breaks if any (see keep_latest_drop).
{%- set raw_columns = ['department_id', 'department'] %}

with

source as (

    {{ staged_drop('departments') }}

),

typed as (

    select
        -- ids
        {{ parse_id('department_id') }} as department_id,

        -- text
        {{ clean_text('department') }} as department,

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
            when department_id is null then 'department_id_invalid'
            when department is null then 'department_name_missing'
        end as row_rule
    from typed

),

final as (

    {{ keep_latest_drop(
        'ruled',
        ['department_id'],
        ['department'],
        'department_id_conflicting_duplicate',
        raw_columns
    ) }}

)

select * from final
