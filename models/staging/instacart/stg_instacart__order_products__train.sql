with

checked as (

    select * from {{ ref('base_instacart__order_products__train') }}

),

final as (

    select
        order_id,
        product_id,
        add_to_cart_order,
        reordered,
        cast(dt as varchar) as dt
    from checked
    where quarantine_rule is null

)

select * from final
