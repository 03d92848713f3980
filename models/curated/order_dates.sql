-- Each order's estimated calendar date, month and season. The schema has no dates, only the
-- days since a user's previous order; a drop has a date. A user's last order is taken to
-- have been placed on the date of the drop that delivered it (its dt), and each earlier
-- order days_since_prior_order days before the next. The source caps that gap at 30, so a
-- longer one counts as 30 and every earlier date of that user comes out later than it was.
--
-- Built after the prior lines are parsed, never beside the start of that parse: DuckDB sizes
-- a query's memory when it starts, and beside this window the 32 M lines' parse got so little
-- that it spilled 3.9 GB and took 30 s instead of 11 at full scale.
-- depends_on: {{ ref('base_instacart__order_products__prior') }}
with

orders as (

    select * from {{ ref('stg_instacart__orders') }}

),

walked_back as (

    select
        order_id,
        user_id,
        eval_set,
        order_number,
        max_by(dt, order_number) over (partition by user_id) as last_order_dt,
        -- the gaps after this order, up to the user's last one
        cast(coalesce(
            sum(days_since_prior_order) over (
                partition by user_id
                order by order_number
                rows between 1 following and unbounded following
            ),
            0
        ) as bigint) as days_before_last_order
    from orders

),

dated as (

    select
        order_id,
        user_id,
        eval_set,
        order_number,
        days_before_last_order,
        {{ days_before('last_order_dt', 'days_before_last_order') }} as order_date
    from walked_back

),

final as (

    select
        order_id,
        user_id,
        eval_set,
        order_number,
        days_before_last_order,
        order_date,
        substr(cast(order_date as varchar), 1, 7) as order_month,
        {{ season_of('month(order_date)') }} as order_season
    from dated

)

select * from final
