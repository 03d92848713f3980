-- The dashboard's headline figures over the prior history, for every department and for all
-- of them (the row whose department_id is NULL): customers, orders, lines, the reorder rate
-- and the average basket. A department's customers and orders are those with at least one
-- line in it (user_department_features), its basket the lines it holds per such order.
with

reorder_lines as (

    select * from {{ ref('reorder_lines') }}

),

user_department_features as (

    select * from {{ ref('user_department_features') }}

),

order_dates as (

    select * from {{ ref('order_dates') }}

),

departments as (

    select * from {{ ref('stg_instacart__departments') }}

),

department_lines as (

    select
        department_id,
        cast(sum(lines) as bigint) as lines,
        cast(sum(reordered_lines) as bigint) as reordered_lines
    from reorder_lines
    group by department_id

),

department_buyers as (

    select
        department_id,
        count(*) as customers,
        cast(sum(user_department_orders) as bigint) as orders
    from user_department_features
    group by department_id

),

by_department as (

    select
        departments.department_id,
        departments.department,
        coalesce(department_buyers.customers, 0) as customers,
        coalesce(department_buyers.orders, 0) as orders,
        coalesce(department_lines.lines, 0) as lines,
        coalesce(department_lines.reordered_lines, 0) as reordered_lines
    from departments
    left join department_buyers on departments.department_id = department_buyers.department_id
    left join department_lines on departments.department_id = department_lines.department_id

),

all_departments as (

    select
        cast(null as bigint) as department_id,
        'all departments' as department,
        (
            select count(distinct user_id) from order_dates where eval_set = 'prior'
        ) as customers,
        (select count(*) from order_dates where eval_set = 'prior') as orders,
        (select cast(coalesce(sum(lines), 0) as bigint) from reorder_lines) as lines,
        (
            select cast(coalesce(sum(reordered_lines), 0) as bigint) from reorder_lines
        ) as reordered_lines

),

counts as (

    select * from all_departments
    union all
    select * from by_department

),

final as (

    select
        department_id,
        department,
        customers,
        orders,
        lines,
        reordered_lines,
        {{ ratio('reordered_lines', 'lines') }} as reorder_rate,
        {{ ratio('lines', 'orders') }} as average_basket
    from counts

)

select * from final
