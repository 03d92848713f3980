-- Per user, from prior lines: basket totals and how much of them were reorders.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

totals as (

    select
        user_id,
        count(*) as user_total_products,
        count(distinct product_id) as user_distinct_products,
        cast(sum(case when reordered = 1 then 1 else 0 end) as bigint) as reordered_lines,
        cast(sum(case when order_number > 1 then 1 else 0 end) as bigint)
            as lines_after_first_order
    from order_products_prior
    group by user_id

),

final as (

    select
        user_id,
        user_total_products,
        user_distinct_products,
        {{ ratio('reordered_lines', 'lines_after_first_order') }} as user_reorder_ratio
    from totals

)

select * from final
