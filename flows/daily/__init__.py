"""A daily run on a named target, at once (`run_daily`) or as the Prefect flow on a schedule.

May import: the pipeline and both targets, each target's steps only once it is chosen.
"""
