-- Per product, from prior lines: how often bought, reordered, and bought a first and a
-- second time by a user (product_seq_time 1 and 2).
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

sequenced as (

    select
        product_id,
        reordered,
        row_number() over (
            partition by user_id, product_id order by order_number
        ) as product_seq_time
    from order_products_prior

),

final as (

    select
        product_id,
        count(*) as prod_orders,
        cast(sum(reordered) as bigint) as prod_reorders,
        cast(sum(case when product_seq_time = 1 then 1 else 0 end) as bigint)
            as prod_first_orders,
        cast(sum(case when product_seq_time = 2 then 1 else 0 end) as bigint)
            as prod_second_orders
    from sequenced
    group by product_id

)

select * from final
