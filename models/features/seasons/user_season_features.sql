-- Per (user, season), from prior orders dated by the walk back: how much of the user's
-- buying falls in each season.
with

order_dates as (

    select * from {{ ref('order_dates') }}

),

prior_orders as (

    select * from order_dates where eval_set = 'prior'

),

user_seasons as (

    select
        user_id,
        order_season,
        count(*) as user_season_orders
    from prior_orders
    group by user_id, order_season

),

user_totals as (

    select
        user_id,
        sum(user_season_orders) as user_orders
    from user_seasons
    group by user_id

),

final as (

    select
        user_seasons.user_id,
        user_seasons.order_season,
        user_seasons.user_season_orders,
        {{ ratio('user_seasons.user_season_orders', 'user_totals.user_orders') }}
            as user_season_order_share
    from user_seasons
    inner join user_totals on user_seasons.user_id = user_totals.user_id

)

select * from final
