"""The `reorder` command line: main.py over one module per command group.

May import: any part, each command's heavy modules only when it runs, so `reorder --help` and
every start stay fast. Nothing imports it.
"""
