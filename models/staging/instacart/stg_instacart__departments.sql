with

checked as (

    select * from {{ ref('base_instacart__departments') }}

),

final as (

    select
        department_id,
        department,
        dt
    from checked
    where quarantine_rule is null

)

select * from final
