"""The local target: the step interface on a lake folder, DuckDB through dbt, a local
compactor, training in a subprocess, the outbox file, and `reorder serve`. Imports the
pipeline and api/; never the aws target, the benchmark or boto3."""
