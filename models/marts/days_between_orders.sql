-- How many prior orders came each number of days after the user's previous order, per month
-- and season of the order: the days-between-orders distribution. A user's first order has
-- no previous one and is left out; 30 stands for 30 days or more, as in the source.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

),

final as (

    select
        order_dates.order_month,
        order_dates.order_season,
        orders.days_since_prior_order,
        count(*) as orders
    from orders
    inner join order_dates on orders.order_id = order_dates.order_id
    where orders.eval_set = 'prior' and orders.days_since_prior_order is not null
    group by order_dates.order_month, order_dates.order_season, orders.days_since_prior_order

)

select * from final
