-- Every raw department row, typed, with the rule it breaks if any (see keep_latest_drop).
with

source as (

    -- the file path is a hidden column on Athena: name it here, where the table is read
    select *, {{ source_file() }} as source_file from {{ source('instacart', 'departments') }}

),

typed as (

    select
        -- ids
        {{ parse_id('department_id') }} as department_id,

        -- text
        {{ clean_text('department') }} as department,

        -- provenance
        cast(dt as varchar) as dt,
        source_file,
        {{ raw_record(['department_id', 'department']) }} as record

    from source

),

checked as {{ compute_once() }} (

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
        'checked', ['department_id'], ['department'], 'department_id_conflicting_duplicate'
    ) }}

)

select * from final
