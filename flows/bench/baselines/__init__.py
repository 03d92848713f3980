"""Reference implementations of the feature contract, outside dbt."""
