-- Every raw line of a train order, typed, with the rule it breaks if any.
{{ checked_order_lines('order_products__train', 'train') }}
