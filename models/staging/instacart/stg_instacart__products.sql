with

checked as (

    select * from {{ ref('base_instacart__products') }}

),

final as (

    select
        product_id,
        product_name,
        aisle_id,
        department_id,
        cast(dt as varchar) as dt
    from checked
    where quarantine_rule is null

)

select * from final
