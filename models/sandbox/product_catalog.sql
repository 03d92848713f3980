{{ config(
    s3_data_dir=env_var('REORDER_LAKE_URI', 's3://reorder-lake') ~ '/sandbox/product_catalog/'
) }}
-- Every staged product with its aisle's and department's names: the names the prediction
-- API and the public page show, and what the page's product search looks through.
with

products as (

    select * from {{ ref('stg_instacart__products') }}

),

aisles as (

    select * from {{ ref('stg_instacart__aisles') }}

),

departments as (

    select * from {{ ref('stg_instacart__departments') }}

),

catalog as (

    select
        products.product_id,
        products.product_name,
        products.aisle_id,
        aisles.aisle,
        products.department_id,
        departments.department
    from products
    left join aisles on products.aisle_id = aisles.aisle_id
    left join departments on products.department_id = departments.department_id

)

select * from catalog
