"""The analyst dashboard (dashboard/, Evidence): its data from a lake in one DuckDB file.

May import: the pipeline; never a target, the benchmark or boto3 (the aws target hands it
its lake and the marts' files).
"""
