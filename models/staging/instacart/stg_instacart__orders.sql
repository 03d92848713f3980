with

checked as (

    select * from {{ ref('base_instacart__orders') }}

),

final as (

    select
        order_id,
        user_id,
        eval_set,
        order_number,
        order_dow,
        order_hour_of_day,
        days_since_prior_order,
        cast(dt as varchar) as dt
    from checked
    where quarantine_rule is null

)

select * from final
