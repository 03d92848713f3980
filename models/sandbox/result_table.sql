{{ config(
    lake_folder='result_table_parts',
    s3_data_dir=env_var('REORDER_LAKE_URI', 's3://reorder-lake') ~ '/sandbox/result_table_parts/',
    options=var('result_table_parquet')
) }}
-- One row per (user, product) the user bought in prior orders, for users with a train or
-- test order: every feature, the derived ratios, the target order's context and the label.
-- Locally the rows are written as one file in the published order (file_order_by), which
-- compaction checks and publishes without sorting them again; Athena writes parts. The sort
-- comes before the ratios and the label are computed, so that it carries the 24 columns read
-- from the tables (the label as a flag) rather than all 31.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

products as (

    select * from {{ ref('stg_instacart__products') }}

),

train_lines as (

    select * from {{ ref('stg_instacart__order_products__train') }}

),

user_features_1 as (

    select * from {{ ref('user_features_1') }}

),

user_features_2 as (

    select * from {{ ref('user_features_2') }}

),

up_features as (

    select * from {{ ref('up_features') }}

),

prd_features as (

    select * from {{ ref('prd_features') }}

),

target_orders as (

    select * from orders where eval_set in ('train', 'test')

),

candidates as (

    select
        up_features.*,
        target_orders.order_id,
        target_orders.eval_set,
        target_orders.order_dow,
        target_orders.order_hour_of_day,
        target_orders.days_since_prior_order
    from up_features
    inner join target_orders on up_features.user_id = target_orders.user_id

),

features as (

    select
        -- keys and target order
        candidates.user_id,
        candidates.product_id,
        candidates.order_id,
        candidates.eval_set,

        -- user features
        user_features_1.user_orders,
        user_features_1.user_period,
        user_features_1.user_mean_days_since_prior,
        user_features_2.user_total_products,
        user_features_2.user_distinct_products,
        user_features_2.user_reorder_ratio,

        -- user x product features
        candidates.up_orders,
        candidates.up_first_order,
        candidates.up_last_order,
        candidates.up_average_cart_position,

        -- product features
        prd_features.prod_orders,
        prd_features.prod_reorders,
        prd_features.prod_first_orders,
        prd_features.prod_second_orders,

        -- context
        products.aisle_id,
        products.department_id,
        candidates.order_dow,
        candidates.order_hour_of_day,
        candidates.days_since_prior_order,

        -- the product is in the user's train order (no test order has lines)
        train_lines.product_id is not null as in_train_order

    from candidates
    inner join user_features_1 on candidates.user_id = user_features_1.user_id
    inner join user_features_2 on candidates.user_id = user_features_2.user_id
    inner join prd_features on candidates.product_id = prd_features.product_id
    inner join products on candidates.product_id = products.product_id
    left join train_lines
        on candidates.order_id = train_lines.order_id
        and candidates.product_id = train_lines.product_id
    {{ file_order_by(['user_id', 'product_id']) }}

),

final as (

    select
        -- keys and target order
        user_id,
        product_id,
        order_id,
        eval_set,

        -- user features
        user_orders,
        user_period,
        user_mean_days_since_prior,
        user_total_products,
        user_distinct_products,
        user_reorder_ratio,

        -- user x product features
        up_orders,
        up_first_order,
        up_last_order,
        up_average_cart_position,

        -- product features
        prod_orders,
        prod_reorders,
        prod_first_orders,
        prod_second_orders,

        -- derived
        {{ ratio('prod_second_orders', 'prod_first_orders') }} as prod_reorder_probability,
        1 + {{ ratio('prod_reorders', 'prod_first_orders') }} as prod_reorder_times,
        {{ ratio('prod_reorders', 'prod_orders') }} as prod_reorder_ratio,
        {{ ratio('user_total_products', 'user_orders') }} as user_average_basket,
        {{ ratio('up_orders', 'user_orders') }} as up_order_rate,
        user_orders - up_last_order as up_orders_since_last_order,
        {{ ratio('up_orders', 'user_orders - up_first_order + 1') }}
            as up_order_rate_since_first_order,

        -- context
        aisle_id,
        department_id,
        order_dow,
        order_hour_of_day,
        days_since_prior_order,

        -- label: in the train order or not; unknown for test users
        cast(case
            when eval_set = 'test' then null
            when in_train_order then 1
            else 0
        end as bigint) as reordered

    from features

)

select * from final
