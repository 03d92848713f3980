-- How many prior orders held each number of lines, per month and season of the order: the
-- basket-size distribution, and the reorders those baskets held.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

),

baskets as (

    select
        order_id,
        count(*) as basket_size,
        cast(sum(reordered) as bigint) as reordered_lines
    from order_products_prior
    group by order_id

),

final as (

    select
        order_dates.order_month,
        order_dates.order_season,
        baskets.basket_size,
        count(*) as orders,
        cast(sum(baskets.reordered_lines) as bigint) as reordered_lines
    from baskets
    inner join order_dates on baskets.order_id = order_dates.order_id
    group by order_dates.order_month, order_dates.order_season, baskets.basket_size

)

select * from final
