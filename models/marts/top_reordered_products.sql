-- The most reordered products over the prior history: the first 25 of every department by
-- reordered lines, with their rank there and among all products, for the dashboard's top
-- list under any department filter.
with

prd_features as (

    select * from {{ ref('prd_features') }}

),

product_catalog as (

    select * from {{ ref('product_catalog') }}

),

ranked as (

    select
        product_catalog.product_id,
        product_catalog.product_name,
        product_catalog.department_id,
        product_catalog.department,
        product_catalog.aisle,
        prd_features.prod_orders as lines,
        prd_features.prod_reorders as reordered_lines,
        {{ ratio('prd_features.prod_reorders', 'prd_features.prod_orders') }} as reorder_rate,
        row_number() over (
            order by prd_features.prod_reorders desc, product_catalog.product_id
        ) as overall_rank,
        row_number() over (
            partition by product_catalog.department_id
            order by prd_features.prod_reorders desc, product_catalog.product_id
        ) as department_rank
    from prd_features
    inner join product_catalog on prd_features.product_id = product_catalog.product_id

),

final as (

    select * from ranked where department_rank <= 25

)

select * from final
