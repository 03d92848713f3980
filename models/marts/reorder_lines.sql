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

product_catalog as (

    select * from {{ ref('product_catalog') }}

),

line_counts as (

    select
        order_dates.order_month,
        order_products_prior.order_season,
        product_catalog.department_id,
        product_catalog.department,
        product_catalog.aisle_id,
        product_catalog.aisle,
        order_products_prior.order_dow,
        order_products_prior.order_hour_of_day,
        count(*) as lines,
        cast(sum(order_products_prior.reordered) as bigint) as reordered_lines
    from order_products_prior
    inner join order_dates on order_products_prior.order_id = order_dates.order_id
    inner join product_catalog on order_products_prior.product_id = product_catalog.product_id
    group by
        order_dates.order_month,
        order_products_prior.order_season,
        product_catalog.department_id,
        product_catalog.department,
        product_catalog.aisle_id,
        product_catalog.aisle,
        order_products_prior.order_dow,
        order_products_prior.order_hour_of_day

)

select * from line_counts
