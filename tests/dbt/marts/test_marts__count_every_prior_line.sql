-- The dashboard's counts add up to the curated history: reorder_lines and basket_sizes
-- each count every prior line exactly once, and dashboard_kpis' row of all departments
-- holds the same total. Any row returned names the mart whose total differs.
with

prior_lines as (

    select count(*) as lines from {{ ref('order_products_prior') }}

),

mart_totals as (

    select 'reorder_lines' as mart, sum(lines) as lines from {{ ref('reorder_lines') }}
    union all
    select 'basket_sizes' as mart, sum(basket_size * orders) as lines
    from {{ ref('basket_sizes') }}
    union all
    select 'dashboard_kpis' as mart, lines from {{ ref('dashboard_kpis') }}
    where department_id is null

),

final as (

    select mart_totals.mart, mart_totals.lines, prior_lines.lines as prior_lines
    from mart_totals
    cross join prior_lines
    where coalesce(mart_totals.lines, 0) != prior_lines.lines

)

select * from final
