{{ config(
    s3_data_dir=env_var('REORDER_LAKE_URI', 's3://reorder-lake') ~ '/sandbox/result_by_department/',
    partitioned_by=['department_id'],
    options=var('result_table_parquet')
) }}
-- The published result again, partitioned by the product's department, for catalog pages and
-- analysts who read one department: a query on one department_id reads only its partition.
-- The partition column comes last, as Athena and Hive folders both want it; the columns are
-- listed once, in the contract (_sandbox__models.yml).
with

result_table as (

    select * from {{ ref('result_table') }}

),

final as (

    -- the columns of this model's contract, in its order: result_table's, department_id last
    select
        {%- for column in model.columns %}
        {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from result_table

)

select * from final
