{#-
    expression_is_true: the boolean expression holds on every row (rows where it is false
    or NULL fail).

    Parameters:
      expression   a SQL boolean expression over the model's columns
      column_name  (set by dbt when the test sits under a column; not used)
-#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}
