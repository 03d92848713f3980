-- Per (product, season), from prior lines and their orders' seasons: how much of each
-- season's buying the product takes, and how often it is reordered then.
with

order_products_prior as (

    select * from {{ ref('order_products_prior') }}

),

product_seasons as (

    select
        product_id,
        order_season,
        count(*) as prod_season_orders,
        cast(sum(reordered) as bigint) as prod_season_reorders
    from order_products_prior
    group by product_id, order_season

),

season_totals as (

    select
        order_season,
        sum(prod_season_orders) as season_lines
    from product_seasons
    group by order_season

),

product_totals as (

    select
        product_id,
        sum(prod_season_orders) as product_lines
    from product_seasons
    group by product_id

),

final as (

    select
        product_seasons.product_id,
        product_seasons.order_season,
        product_seasons.prod_season_orders,
        product_seasons.prod_season_reorders,
        {{ ratio('product_seasons.prod_season_reorders', 'product_seasons.prod_season_orders') }}
            as prod_season_reorder_rate,
        {{ ratio('product_seasons.prod_season_orders', 'season_totals.season_lines') }}
            as prod_season_line_share,
        {{ ratio('product_seasons.prod_season_orders', 'product_totals.product_lines') }}
            as prod_season_order_share
    from product_seasons
    inner join season_totals on product_seasons.order_season = season_totals.order_season
    inner join product_totals on product_seasons.product_id = product_totals.product_id

)

select * from final
