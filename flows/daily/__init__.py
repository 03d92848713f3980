"""A daily run on a named target: its steps chosen once, run at once (`run_daily`) or as the
Prefect flow `reorder-daily` and its schedule. Imports the pipeline and both targets."""
