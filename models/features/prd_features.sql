-- Per product, from prior lines: how often bought, reordered, and bought a first and a
-- second time by a user (the notebook's product_seq_time 1 and 2).
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

up_features as (

    select * from {{ ref('up_features') }}

),

lines as (

    select
        product_id,
        count(*) as prod_orders,
        cast(sum(reordered) as bigint) as prod_reorders
    from order_products_prior
    group by product_id

),

-- Every (user, product) pair has exactly one first purchase, and a second one when the
-- user bought the product in at least two orders: counting pairs gives the notebook's
-- numbers without numbering every line of the history.
purchases as (

    select
        product_id,
        count(*) as prod_first_orders,
        cast(sum(case when up_orders >= 2 then 1 else 0 end) as bigint) as prod_second_orders
    from up_features
    group by product_id

),

final as (

    select
        lines.product_id,
        lines.prod_orders,
        lines.prod_reorders,
        purchases.prod_first_orders,
        purchases.prod_second_orders
    from lines
    inner join purchases on lines.product_id = purchases.product_id

)

select * from final
