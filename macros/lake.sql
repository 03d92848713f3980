{#-
    Where an external (parquet) model is written on the local target: the folder
    <lake>/<lake_zone>/<lake_folder or model name>/, as in the lake layout. Overrides
    dbt-duckdb's default of <external_root>/<model>.parquet.
-#}
{%- macro external_location(relation, config) -%}
    {{- adapter.external_root() }}/{{ config.get('lake_zone', 'warehouse') }}/
    {{- config.get('lake_folder', relation.identifier) -}}
{%- endmacro -%}
