"""`python -m flows.cli`: the `reorder` command line."""

import sys

from flows.cli.main import main

sys.exit(main())
