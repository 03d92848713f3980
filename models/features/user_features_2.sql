-- Per user, from prior lines: basket totals and how much of them were reorders.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

up_features as (

    select * from {{ ref('up_features') }}

),

totals as (

    select
        user_id,
        count(*) as user_total_products,
        cast(sum(case when reordered = 1 then 1 else 0 end) as bigint) as reordered_lines,
        cast(sum(case when order_number > 1 then 1 else 0 end) as bigint)
            as lines_after_first_order
    from order_products_prior
    group by user_id

),

-- One up_features row per product the user bought: cheaper than a distinct count over
-- every line.
distinct_products as (

    select
        user_id,
        count(*) as user_distinct_products
    from up_features
    group by user_id

),

final as (

    select
        totals.user_id,
        totals.user_total_products,
        distinct_products.user_distinct_products,
        {{ ratio('totals.reordered_lines', 'totals.lines_after_first_order') }}
            as user_reorder_ratio
    from totals
    inner join distinct_products on totals.user_id = distinct_products.user_id

)

select * from final
