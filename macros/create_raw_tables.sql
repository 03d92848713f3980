{#-
    create_raw_tables(dry_run=false)

    The raw zone on Athena: creates the raw schema (Glue database) and, for each table of the
    `instacart` and `landing` sources, a Glue external table over <lake>/raw/<table>/: CSV read with
    OpenCSVSerde (every column string, header line skipped), partitioned by dt with partition
    projection, so a new day's dt=<YYYY-MM-DD>/ folder is readable with no `msck repair` or
    `alter table add partition`. Idempotent (`if not exists`); an existing table is left as it
    is (drop it by hand to change its columns). Only the athena target has anything to create:
    locally DuckDB reads the raw CSVs directly (see the source's external_location).

        dbt run-operation create_raw_tables --target athena
        dbt run-operation create_raw_tables --target athena --args '{dry_run: true}'

    The tables and their columns come from the sources' yml (models/staging/instacart/,
    models/staging/landing/), in the order listed there, which must be the files' header
    order; dt is the partition.

    Parameters:
      dry_run  when true, print the statements instead of running them (needs no AWS access)

    Environment:
      REORDER_ATHENA_RAW_SCHEMA  the raw schema, default reorder_raw (as the source's schema)
      REORDER_LAKE_URI           the lake's root, default s3://reorder-lake
-#}
{% macro create_raw_tables(dry_run=false) -%}
    {%- if target.type != 'athena' -%}
        {%- do log('create_raw_tables: nothing to create on target ' ~ target.name ~ ' ('
            ~ target.type ~ '): it reads the raw CSVs directly', info=true) -%}
        {{ return(none) }}
    {%- endif -%}

    {%- set schema = env_var('REORDER_ATHENA_RAW_SCHEMA', 'reorder_raw') -%}
    {%- set statements = ['create schema if not exists ' ~ schema] -%}
    {%- for source_name in ['instacart', 'landing'] -%}
        {%- for table, columns in raw_source_columns(source_name).items() -%}
            {%- do statements.append(raw_table_ddl(table, columns)) -%}
        {%- endfor -%}
    {%- endfor -%}

    {%- for sql in statements -%}
        {%- if dry_run -%}
            {%- do print(sql ~ ';\n') -%}
        {%- else -%}
            {%- do log('create_raw_tables: ' ~ sql.split('(')[0] | trim, info=true) -%}
            {%- call statement('create_raw_tables', auto_begin=false) -%}
                {{ sql }}
            {%- endcall -%}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#-
    raw_table_ddl(table, columns): the `create external table` statement of one raw table.

    Parameters:
      table    the table's name, also its folder under <lake>/raw/
      columns  the CSV's column names in header order (all read as string), without dt
-#}
{% macro raw_table_ddl(table, columns) -%}
    {%- set schema = env_var('REORDER_ATHENA_RAW_SCHEMA', 'reorder_raw') -%}
    {%- set location = env_var('REORDER_LAKE_URI', 's3://reorder-lake').rstrip('/')
        ~ '/raw/' ~ table ~ '/' -%}
create external table if not exists {{ schema }}.{{ table }} (
    {%- for column in columns %}
    {{ column }} string{{ ',' if not loop.last }}
    {%- endfor %}
)
partitioned by (dt string)
row format serde 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
with serdeproperties (
    'separatorChar' = ',',
    'quoteChar' = '"',
    'escapeChar' = '\\'
)
stored as textfile
location '{{ location }}'
tblproperties (
    'skip.header.line.count' = '1',
    'projection.enabled' = 'true',
    'projection.dt.type' = 'date',
    'projection.dt.format' = 'yyyy-MM-dd',
    'projection.dt.range' = '2015-01-01,NOW',
    'projection.dt.interval' = '1',
    'projection.dt.interval.unit' = 'DAYS',
    'storage.location.template' = '{{ location }}dt=${dt}/'
)
{%- endmacro %}

{#-
    raw_source_columns(source_name): {table: [column, ...]} for each table of a source, in the
    order of its yml, without the dt partition column. Fails when the source has no tables or a
    table lists no columns (the CSV columns must be declared to create the table).

    Parameters:
      source_name  the source's name in the sources yml
-#}
{% macro raw_source_columns(source_name) -%}
    {%- set tables = {} -%}
    {%- for node in graph.sources.values() if node.source_name == source_name -%}
        {%- set columns = node.columns.keys() | reject('equalto', 'dt') | list -%}
        {%- if not columns -%}
            {{ exceptions.raise_compiler_error(
                'source ' ~ source_name ~ '.' ~ node.name ~ ' lists no columns besides dt') }}
        {%- endif -%}
        {%- do tables.update({node.name: columns}) -%}
    {%- endfor -%}
    {%- if not tables -%}
        {{ exceptions.raise_compiler_error('no tables in source ' ~ source_name) }}
    {%- endif -%}
    {{ return(tables) }}
{%- endmacro %}
