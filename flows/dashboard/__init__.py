"""The analyst dashboard: a lake's data in one DuckDB file, and Altair pages in a static site.

May import: the pipeline; never a target, the benchmark or boto3 (each target hands it its
lake's marts, registry and runs: flows/local/dashboard.py, flows/aws/dashboard.py).
"""
