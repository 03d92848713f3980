{#-
    checked_order_lines(source_table, eval_set)

    The base model of one order-lines file: every raw line typed, with the rule it breaks.
    Both line files share these rules, so both base models call this one macro. A line of
    an order that was quarantined goes with it; a line must belong to a known order of the
    file's eval_set and to a known product, unless a later drop moved its order to the other
    eval_set: then the line is superseded (in neither staging nor the quarantine).

    Parameters:
      source_table  order_products__prior or order_products__train
      eval_set      the eval_set its orders must have: prior or train
-#}
{% macro checked_order_lines(source_table, eval_set) -%}
{%- set raw_columns = ['order_id', 'product_id', 'add_to_cart_order', 'reordered'] %}

with

source as (

    {{ staged_drop(source_table) }}

),

orders as (

    select order_id, eval_set, dt from {{ ref('stg_instacart__orders') }}

),

rejected_orders as (

    select distinct order_id
    from {{ ref('base_instacart__orders') }}
    where quarantine_rule is not null and order_id is not null

),

products as (

    select product_id from {{ ref('stg_instacart__products') }}

),

typed as (

    select
        -- ids
        {{ parse_id('order_id') }} as order_id,
        {{ parse_id('product_id') }} as product_id,

        -- numbers; reordered is held as TINYINT (0 or 1 fit) while the lines are checked:
        -- with 7 bytes less per line, the 32 M prior lines' checked rows spill about 50 MB
        -- past DuckDB's memory limit instead of 230 to 405; a BIGINT again in the output
        {{ parse_id('add_to_cart_order') }} as add_to_cart_order,
        cast({{ parse_in_range('reordered', 0, 1) }} as tinyint) as reordered,

        -- provenance, and the text as read for the record of a quarantined row
        dt,
        source_file,
        {{ raw_text(raw_columns) }}

    from source

),

ruled as (

    select
        typed.*,
        case
            when typed.order_id is null then 'order_id_invalid'
            when typed.product_id is null then 'product_id_invalid'
            when typed.add_to_cart_order is null then 'add_to_cart_order_invalid'
            when typed.reordered is null then 'reordered_not_0_or_1'
            when orders.order_id is null and rejected_orders.order_id is not null
                then 'order_quarantined'
            when orders.order_id is null then 'order_unknown'
            when orders.eval_set != '{{ eval_set }}' then 'order_not_{{ eval_set }}'
            when products.product_id is null then 'product_unknown'
        end as row_rule
    from typed
    left join orders on typed.order_id = orders.order_id
    left join rejected_orders on typed.order_id = rejected_orders.order_id
    left join products on typed.product_id = products.product_id
    -- A line of an earlier drop whose order a later drop moved to the other eval_set (a
    -- delta makes a customer's train order prior) is superseded, as rows of older drops are.
    where orders.order_id is null
        or orders.eval_set = '{{ eval_set }}'
        or cast(typed.dt as varchar) >= orders.dt

),

kept as (

    {{ keep_latest_drop(
        'ruled',
        ['order_id', 'product_id'],
        ['add_to_cart_order', 'reordered'],
        'order_line_conflicting_duplicate',
        raw_columns
    ) }}

),

final as (

    select
        order_id,
        product_id,
        add_to_cart_order,
        cast(reordered as bigint) as reordered,
        dt,
        source_file,
        record,
        quarantine_rule
    from kept

)

select * from final
{%- endmacro %}
