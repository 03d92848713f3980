"""The `reorder` command line: a thin entry point (main.py) over one module per command
group. Each command imports what it runs only when it runs, so `reorder --help` stays fast."""
