-- Per user, from prior orders: how many, over how long, how often.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

prior_orders as (

    select * from orders where eval_set = 'prior'

),

final as (

    select
        user_id,
        max(order_number) as user_orders,
        cast(sum(days_since_prior_order) as double) as user_period,
        avg(cast(days_since_prior_order as double)) as user_mean_days_since_prior
    from prior_orders
    group by user_id

)

select * from final
