-- Every raw line of a prior order, typed, with the rule it breaks if any.
{{ checked_order_lines('order_products__prior', 'prior') }}
