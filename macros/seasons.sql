{#-
    season_of(month): the season of a month number (1 to 12), by meteorological seasons
    (whole months: December to February, March to May, June to August, September to
    November) in the hemisphere the project variable season_hemisphere names: southern
    (the default, where December is summer) or northern (where it is winter).

    Parameters:
      month  an expression for the month's number
-#}
{% macro season_of(month) -%}
    {%- set hemisphere = var('season_hemisphere') -%}
    {%- set by_hemisphere = {
        'southern': ['summer', 'autumn', 'winter', 'spring'],
        'northern': ['winter', 'spring', 'summer', 'autumn'],
    } -%}
    {%- if hemisphere not in by_hemisphere -%}
        {{ exceptions.raise_compiler_error(
            "var season_hemisphere must be southern or northern, got '" ~ hemisphere ~ "'"
        ) }}
    {%- endif -%}
    {%- set seasons = by_hemisphere[hemisphere] -%}
    case
        when {{ month }} in (12, 1, 2) then '{{ seasons[0] }}'
        when {{ month }} in (3, 4, 5) then '{{ seasons[1] }}'
        when {{ month }} in (6, 7, 8) then '{{ seasons[2] }}'
        else '{{ seasons[3] }}'
    end
{%- endmacro %}
