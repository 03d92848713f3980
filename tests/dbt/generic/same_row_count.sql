{#-
    same_row_count: the model has exactly as many rows as another relation. A join that is
    meant to keep every row of one side once fails it by losing or repeating rows.

    Parameters:
      compare_to  the relation whose row count the model must equal, e.g. ref('...')
-#}
{% test same_row_count(model, compare_to) %}

with

model_rows as (

    select count(*) as model_rows from {{ model }}

),

compared_rows as (

    select count(*) as compared_rows from {{ compare_to }}

),

final as (

    select model_rows.model_rows, compared_rows.compared_rows
    from model_rows
    cross join compared_rows
    where model_rows.model_rows != compared_rows.compared_rows

)

select * from final

{% endtest %}
