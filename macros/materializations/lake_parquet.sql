{#-
    lake_parquet: the local target's materialization for the lake's parquet tables.

    The model's query is written straight to parquet in its lake folder (see
    external_location) by one COPY, and a view over the files takes the model's name.
    dbt-duckdb's `external` materialization would first build the whole result as a table
    in the warehouse file and then copy that table out: at full scale that second write of
    32 million curated lines and 13 million result rows was a third of the build.

    Each model is ONE file, data_0.parquet, in a folder emptied first. One file, and not one
    per thread, because DuckDB marks a written column REQUIRED when the statistics of its
    inputs show no NULL, and a single file's statistics are known where several files' are
    not: with a file count that varied with the data, the same rows could be published with
    another schema, in other bytes. DuckDB writes one file with all its threads as fast. An
    empty result still leaves the file, holding the columns. A query that sorts its rows
    (file_order_by) is written in that order: DuckDB keeps an order by's order through the
    selects above it and the copy.

    A partitioned model (partitioned_by, the key dbt-athena reads too) is written as Hive
    partitions instead, <folder>/<column>=<value>/data_0.parquet, one file per partition;
    the partition columns, which must come last in the query, live in the folder names and
    the view reads them back with the types the model's columns declare. Without a row, one
    empty file in the default partition keeps the columns readable.

    Configuration:
      lake_zone, lake_folder  where the file goes (see external_location)
      partitioned_by          the columns to partition by, last in the query
      options                 further COPY options, e.g. { compression: zstd }; a column
                              keeps a dictionary only up to 1,000 values unless
                              dictionary_size_limit says otherwise (see below)
      contract                an enforced contract's names and types are checked before the
                              write, as for a table
-#}
{% materialization lake_parquet, adapter='duckdb' %}
  {%- set location = external_location(this, config) -%}
  {%- set options = render_write_options(config) -%}
  {%- set partitions = config.get('partitioned_by') or [] -%}
  {#- A folder (file_size_bytes) emptied first (overwrite) that no file fills: one file,
      or one per partition. -#}
  {%- do options.update({'format': 'parquet', 'file_size_bytes': "'1TB'", 'overwrite': 'true'}) -%}
  {%- if partitions -%}
    {%- do options.update({'partition_by': '(' ~ partitions | join(', ') ~ ')'}) -%}
  {%- endif -%}
  {#- DuckDB builds a dictionary for every column and drops it only when it outgrows the
      limit: for ids with millions of values that was a quarter of writing the curated
      lines. Days, hours, flags, aisles and cart positions still get theirs. -#}
  {%- if 'dictionary_size_limit' not in options -%}
    {%- do options.update({'dictionary_size_limit': 1000}) -%}
  {%- endif -%}
  {%- set target_relation = this.incorporate(type='view') -%}
  {%- set existing_relation = load_cached_relation(this) -%}

  {% if config.get('contract').enforced %}
    {{ get_assert_columns_equivalent(sql) }}
  {% endif %}

  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  {% call statement('main', fetch_result=True) -%}
    copy (
      select * from (
        {{ sql }}
      ) as model_rows
    ) to '{{ location }}' (
      {%- for name, value in options.items() %}{{ name }} {{ value }}{{ ', ' if not loop.last }}{% endfor -%}
    )
  {%- endcall %}
  {% if partitions and load_result('main').table.rows[0][0] == 0 %}
    {% call statement('empty_partition') -%}
      copy (
        select * exclude ({{ partitions | join(', ') }}) from (
          {{ sql }}
        ) as model_rows limit 0
      ) to '{{ location }}/{% for column in partitions %}{{ column }}=__HIVE_DEFAULT_PARTITION__{{ '/' if not loop.last }}{% endfor %}' (
        format parquet, file_size_bytes '1TB', overwrite true
      )
    {%- endcall %}
  {% endif %}

  {% if existing_relation is not none and existing_relation.type != 'view' %}
    {{ drop_relation_if_exists(existing_relation) }}
  {% endif %}
  {% call statement('create_view') -%}
    create or replace view {{ target_relation }} as (
      {%- if partitions %}
      select * from read_parquet(
        '{{ location }}/**/*.parquet',
        union_by_name = false,
        hive_partitioning = true,
        hive_types = { {%- for column in partitions %}'{{ column }}': '{{ model.columns[column].data_type }}'{{ ', ' if not loop.last }}{% endfor -%} }
      )
      {%- else %}
      select * from read_parquet('{{ location }}/*.parquet', union_by_name = false)
      {%- endif %}
    )
  {%- endcall %}

  {{ run_hooks(post_hooks, inside_transaction=True) }}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
