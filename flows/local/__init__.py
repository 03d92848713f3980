"""The local target: a lake folder, DuckDB through dbt, a local compactor, subprocess training.

May import: the pipeline, api/ (for `reorder serve`) and the dashboard; never the aws
target, the benchmark or boto3.
"""
