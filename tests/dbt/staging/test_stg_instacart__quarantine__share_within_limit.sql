-- Fails the build when a source table's quarantined rows exceed the share set by the
-- variable quarantine_max_share (dbt_project.yml, or --vars on the command line).
{{ config(tags=['daily']) }}

with

quarantined as (

    select source_table, count(*) as quarantined_rows
    from {{ ref('stg_instacart__quarantine') }}
    group by source_table

),

staged as (

    {% for table in ['aisles', 'departments', 'products', 'orders', 'order_products__prior',
        'order_products__train'] %}
    select '{{ table }}' as source_table, count(*) as staged_rows
    from {{ ref('stg_instacart__' ~ table) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        quarantined.source_table,
        quarantined.quarantined_rows,
        staged.staged_rows,
        {{ ratio('quarantined.quarantined_rows',
            'quarantined.quarantined_rows + staged.staged_rows') }} as quarantined_share
    from quarantined
    inner join staged on quarantined.source_table = staged.source_table

)

select *
from final
where quarantined_share > {{ var('quarantine_max_share') }}
