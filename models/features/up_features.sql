-- Per (user, product), from prior lines: how often, since when, until when, how early.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

final as (

    select
        user_id,
        product_id,
        count(*) as up_orders,
        min(order_number) as up_first_order,
        max(order_number) as up_last_order,
        avg(cast(add_to_cart_order as double)) as up_average_cart_position
    from order_products_prior
    group by user_id, product_id

)

select * from final
