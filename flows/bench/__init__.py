"""`reorder bench`: every stage timed in its own process, the baselines, the load generator.

May import: any part of the project; nothing in the product imports it.
"""
