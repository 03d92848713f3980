-- Every raw order row, typed, with the rule it breaks if any (see keep_latest_drop).
{%- set raw_columns = [
    'order_id', 'user_id', 'eval_set', 'order_number', 'order_dow', 'order_hour_of_day',
    'days_since_prior_order'
] %}

with

source as (

    {{ staged_drop('orders') }}

),

typed as (

    select
        -- ids
        {{ parse_id('order_id') }} as order_id,
        {{ parse_id('user_id') }} as user_id,

        -- text
        {{ clean_text('eval_set') }} as eval_set,

        -- numbers
        {{ parse_id('order_number') }} as order_number,
        {{ parse_in_range('order_dow', 0, 6) }} as order_dow,
        {{ parse_in_range('order_hour_of_day', 0, 23) }} as order_hour_of_day,
        {{ parse_whole_days('days_since_prior_order', 0, 30) }} as days_since_prior_order,
        {{ clean_text('days_since_prior_order') }} is not null as has_days,

        -- provenance, and the text as read for the record of a quarantined row
        dt,
        source_file,
        {{ raw_text(raw_columns) }}

    from source

),

last_orders as (

    select distinct user_id, order_id, dt
    from typed
    where eval_set in ('train', 'test') and order_id is not null

),

-- A later drop's row of the same order replaces it (a delta moves a last order into prior).
superseded_last_orders as (

    select distinct last_orders.order_id, last_orders.dt
    from last_orders
    inner join typed as later
        on later.order_id = last_orders.order_id and later.dt > last_orders.dt

),

-- A user's last order is their one train or test order; with several, which one is last is
-- unknown, so none of them is kept (the user's prior orders still count).
users_with_several_last_orders as (

    select user_id as several_last_orders_user_id
    from (
        select distinct last_orders.user_id, last_orders.order_id
        from last_orders
        left join superseded_last_orders
            on last_orders.order_id = superseded_last_orders.order_id
            and last_orders.dt = superseded_last_orders.dt
        where superseded_last_orders.order_id is null
    ) as current_last_orders
    group by user_id
    having count(*) > 1

),

ruled as (

    select
        typed.*,
        case
            when order_id is null then 'order_id_invalid'
            when user_id is null then 'user_id_invalid'
            when eval_set is null or eval_set not in ('prior', 'train', 'test')
                then 'eval_set_unknown'
            when order_number is null then 'order_number_invalid'
            when order_dow is null then 'order_dow_out_of_range'
            when order_hour_of_day is null then 'order_hour_of_day_out_of_range'
            when has_days and days_since_prior_order is null
                then 'days_since_prior_order_out_of_range'
            when order_number > 1 and not has_days
                then 'days_since_prior_order_missing_on_later_order'
            when order_number = 1 and has_days
                then 'days_since_prior_order_on_first_order'
            when eval_set in ('train', 'test') and several_last_orders_user_id is not null
                then 'user_has_several_last_orders'
        end as row_rule
    from typed
    left join users_with_several_last_orders
        on typed.user_id = users_with_several_last_orders.several_last_orders_user_id

),

final as (

    {{ keep_latest_drop(
        'ruled',
        ['order_id'],
        ['user_id', 'eval_set', 'order_number', 'order_dow', 'order_hour_of_day',
            'days_since_prior_order'],
        'order_id_conflicting_duplicate',
        raw_columns
    ) }}

)

select * from final
