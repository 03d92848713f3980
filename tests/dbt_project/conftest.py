"""Makes this folder's helper modules (athena_rules, offline_dbt) importable from its tests."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
