{#-
    unique_combination_of_columns: no two rows share the same values in these columns.

    Parameters:
      combination_of_columns  list of column names that together identify a row
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

select
    {{ combination_of_columns | join(', ') }},
    count(*) as copies
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1

{% endtest %}
