-- Prior lines counted by when they were ordered (month, season, day of the week, hour) and
-- where their product sits in the catalog (department, aisle): every reorder-rate chart of
-- the dashboard sums these counts under its filters, instead of scanning 32 M lines.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

),

products as (

    select * from {{ ref('stg_instacart__products') }}

),

aisles as (

    select * from {{ ref('stg_instacart__aisles') }}

),

departments as (

    select * from {{ ref('stg_instacart__departments') }}

),

line_counts as (

    select
        order_dates.order_month,
        order_products_prior.order_season,
        products.department_id,
        products.aisle_id,
        order_products_prior.order_dow,
        order_products_prior.order_hour_of_day,
        count(*) as lines,
        cast(sum(order_products_prior.reordered) as bigint) as reordered_lines
    from order_products_prior
    inner join order_dates on order_products_prior.order_id = order_dates.order_id
    inner join products on order_products_prior.product_id = products.product_id
    group by
        order_dates.order_month,
        order_products_prior.order_season,
        products.department_id,
        products.aisle_id,
        order_products_prior.order_dow,
        order_products_prior.order_hour_of_day

),

final as (

    select
        line_counts.order_month,
        line_counts.order_season,
        line_counts.department_id,
        departments.department,
        line_counts.aisle_id,
        aisles.aisle,
        line_counts.order_dow,
        line_counts.order_hour_of_day,
        line_counts.lines,
        line_counts.reordered_lines
    from line_counts
    inner join departments on line_counts.department_id = departments.department_id
    inner join aisles on line_counts.aisle_id = aisles.aisle_id

)

select * from final
