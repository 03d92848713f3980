-- Prior orders joined to their lines: the history every feature is computed from. Each line
-- carries its order's days before the user's last order and season (order_dates), so that the
-- department and seasonal features need no second join; the season, last, is the partition.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

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
        order_lines.reordered,
        order_dates.days_before_last_order,
        order_dates.order_season
    from prior_orders
    inner join order_dates on prior_orders.order_id = order_dates.order_id
    inner join order_lines on prior_orders.order_id = order_lines.order_id

)

select * from final
