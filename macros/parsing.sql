{#-
    Parsing raw CSV text into typed values. Each returns NULL when the text does not hold
    a valid value, so that a model can name the rule a row broke.
-#}

{#- A whole number written with digits only ("08" is 8; "1.0", "-3", "x" are not). -#}
{% macro parse_count(column) -%}
    {{ digits_as_bigint(column) }}
{%- endmacro %}

{#- An id: a whole number of at least 1. -#}
{% macro parse_id(column) -%}
    case when {{ parse_count(column) }} >= 1 then {{ parse_count(column) }} end
{%- endmacro %}

{#- A whole number within [low, high]. -#}
{% macro parse_in_range(column, low, high) -%}
    case when {{ parse_count(column) }} between {{ low }} and {{ high }}
        then {{ parse_count(column) }} end
{%- endmacro %}

{#- Days written as a float ("15.0" or "15"): a whole number of days within [low, high]. -#}
{% macro parse_whole_days(column, low, high) -%}
    case
        when try_cast({{ clean_text(column) }} as double) between {{ low }} and {{ high }}
            and try_cast({{ clean_text(column) }} as double)
                = floor(try_cast({{ clean_text(column) }} as double))
            then cast(try_cast({{ clean_text(column) }} as double) as bigint)
    end
{%- endmacro %}
