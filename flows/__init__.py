"""The `reorder` orchestrator, one subpackage per part:

    pipeline/  the daily run over a step interface, and the steps' target-free code
    local/     the local target: a lake folder, DuckDB, local compaction, training, serving
    aws/       the aws target: S3, Athena, Glue, SNS, SageMaker, the stack, the API's package
    daily/     a daily run on a named target, at once or as the scheduled Prefect flow
    bench/     `reorder bench`: the benchmark and its baselines (the product never imports it)
    cli/       the `reorder` command line, one module per command group

docs/design.md draws the parts and says what each may import; tests/test_boundaries.py
holds them to it.
"""
