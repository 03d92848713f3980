-- Point-in-time correctness: no feature may count anything from a user's train or test
-- order. Any row returned is a leak: curated lines of a non-prior order, or a user x
-- product pair whose history reaches the target order's number.
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

target_orders as (

    select user_id, order_number from orders where eval_set in ('train', 'test')

),

curated_lines_of_other_orders as (

    select order_products_prior.order_id, 'curated line of a non-prior order' as leak
    from {{ ref('order_products_prior') }} as order_products_prior
    inner join orders on order_products_prior.order_id = orders.order_id
    where orders.eval_set != 'prior'

),

pairs_reaching_the_target as (

    select up_features.user_id, 'up_features reaches the target order' as leak
    from {{ ref('up_features') }} as up_features
    inner join target_orders on up_features.user_id = target_orders.user_id
    where up_features.up_last_order >= target_orders.order_number

),

users_reaching_the_target as (

    select user_features_1.user_id, 'user_features_1 counts the target order' as leak
    from {{ ref('user_features_1') }} as user_features_1
    inner join target_orders on user_features_1.user_id = target_orders.user_id
    where user_features_1.user_orders >= target_orders.order_number

),

final as (

    select cast(order_id as varchar) as id, leak from curated_lines_of_other_orders
    union all
    select cast(user_id as varchar) as id, leak from pairs_reaching_the_target
    union all
    select cast(user_id as varchar) as id, leak from users_reaching_the_target

)

select * from final
