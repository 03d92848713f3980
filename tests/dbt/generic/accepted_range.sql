{#-
    accepted_range: every non-NULL value of the column lies within [min_value, max_value].

    Parameters:
      min_value  lowest accepted value (omit for no lower bound)
      max_value  highest accepted value (omit for no upper bound)
-#}
{% test accepted_range(model, column_name, min_value=none, max_value=none) %}

select {{ column_name }}
from {{ model }}
where
    {{ column_name }} is not null
    and (
        false
        {% if min_value is not none %} or {{ column_name }} < {{ min_value }} {% endif %}
        {% if max_value is not none %} or {{ column_name }} > {{ max_value }} {% endif %}
    )

{% endtest %}
