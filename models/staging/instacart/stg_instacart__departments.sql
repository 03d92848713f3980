with

checked as (

    select * from {{ ref('base_instacart__departments') }}

),

final as (

    select
        department_id,
        department,
        cast(dt as varchar) as dt
    from checked
    where quarantine_rule is null

)

select * from final
