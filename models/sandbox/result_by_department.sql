{{ config(
    s3_data_dir=env_var('REORDER_LAKE_URI', 's3://reorder-lake') ~ '/sandbox/result_by_department/',
    partitioned_by=['department_id']
) }}
-- The published result again, partitioned by the product's department, for catalog pages and
-- analysts who read one department: a query on one department_id reads only its partition.
-- The partition column comes last, as Athena and Hive folders both want it.
with

result_table as (

    select * from {{ ref('result_table') }}

),

final as (

    select
        user_id,
        product_id,
        order_id,
        eval_set,
        user_orders,
        user_period,
        user_mean_days_since_prior,
        user_total_products,
        user_distinct_products,
        user_reorder_ratio,
        up_orders,
        up_first_order,
        up_last_order,
        up_average_cart_position,
        prod_orders,
        prod_reorders,
        prod_first_orders,
        prod_second_orders,
        prod_reorder_probability,
        prod_reorder_times,
        prod_reorder_ratio,
        user_average_basket,
        up_order_rate,
        up_orders_since_last_order,
        up_order_rate_since_first_order,
        aisle_id,
        order_dow,
        order_hour_of_day,
        days_since_prior_order,
        reordered,
        department_id
    from result_table

)

select * from final
