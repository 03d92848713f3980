"""The local target: a lake folder, DuckDB through dbt, a local compactor, subprocess training.

May import: the pipeline and api/ (for `reorder serve`); never the aws target, the benchmark
or boto3.
"""
