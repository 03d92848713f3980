"""The analyst dashboard: its data from a lake in one DuckDB file (export.py, health.py), its
pages as Altair charts (pages.py) and the static site they make (site.py, build.py).

May import: the pipeline; never a target, the benchmark or boto3 (each target hands it its
lake's marts, registry and runs: flows/local/dashboard.py, flows/aws/dashboard.py).
"""
