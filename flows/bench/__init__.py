"""`reorder bench`: every stage timed in its own process, the pandas and PySpark baselines,
the API's load generator and the results. May import any part; nothing in the product
imports it."""
