-- Per (user, department), from prior lines: in how many of the user's prior orders the
-- department appears, what share of them that is, and how many days before the user's last
-- order they last bought in it.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

products as (

    select * from {{ ref('stg_instacart__products') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

),

department_orders as (

    select distinct
        order_products_prior.user_id,
        products.department_id,
        order_products_prior.order_id,
        order_products_prior.days_before_last_order
    from order_products_prior
    inner join products on order_products_prior.product_id = products.product_id

),

user_departments as (

    select
        user_id,
        department_id,
        count(*) as user_department_orders,
        min(days_before_last_order) as user_department_days_since_last
    from department_orders
    group by user_id, department_id

),

user_prior_orders as (

    select
        user_id,
        count(*) as user_orders
    from order_dates
    where eval_set = 'prior'
    group by user_id

),

final as (

    select
        user_departments.user_id,
        user_departments.department_id,
        user_departments.user_department_orders,
        {{ ratio('user_departments.user_department_orders', 'user_prior_orders.user_orders') }}
            as user_department_order_share,
        user_departments.user_department_days_since_last
    from user_departments
    inner join user_prior_orders on user_departments.user_id = user_prior_orders.user_id

)

select * from final
