{#-
    unique_combination_of_columns: no two rows share the same values in these columns.

    With several columns, the rows are first grouped by all but the last column, which
    gives far fewer groups than the whole key (an order has a few lines, a user a few dozen
    products); only the groups that repeat a value of the last column are grouped again
    by the whole key to name the copies.

    Parameters:
      combination_of_columns  list of column names that together identify a row
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
{%- set leading = combination_of_columns[:-1] -%}

with

{% if leading %}
groups_with_repeats as (

    select {{ leading | join(', ') }}
    from {{ model }}
    group by {{ leading | join(', ') }}
    having {{ has_repeated_values(combination_of_columns[-1]) }}

),

candidates as (

    select model_rows.*
    from {{ model }} as model_rows
    inner join groups_with_repeats on
    {%- for column in leading %}
        model_rows.{{ column }} = groups_with_repeats.{{ column }}
        {%- if not loop.last %} and{% endif %}
    {%- endfor %}

),
{% else %}
candidates as (

    select * from {{ model }}

),
{% endif %}

final as (

    select
        {{ combination_of_columns | join(', ') }},
        count(*) as copies
    from candidates
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1

)

select * from final

{% endtest %}
