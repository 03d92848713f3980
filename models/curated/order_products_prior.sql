-- Prior orders joined to their lines: the history every feature is computed from.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

order_lines as (

    select * from {{ ref('stg_instacart__order_products__prior') }}

),

prior_orders as (

    select * from orders where eval_set = 'prior'

),

final as (

    select
        prior_orders.order_id,
        prior_orders.user_id,
        prior_orders.eval_set,
        prior_orders.order_number,
        prior_orders.order_dow,
        prior_orders.order_hour_of_day,
        prior_orders.days_since_prior_order,
        order_lines.product_id,
        order_lines.add_to_cart_order,
        order_lines.reordered
    from prior_orders
    inner join order_lines on prior_orders.order_id = order_lines.order_id

)

select * from final
