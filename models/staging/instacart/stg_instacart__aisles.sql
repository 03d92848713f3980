with

checked as (

    select * from {{ ref('base_instacart__aisles') }}

),

final as (

    select
        aisle_id,
        aisle,
        cast(dt as varchar) as dt
    from checked
    where quarantine_rule is null

)

select * from final
