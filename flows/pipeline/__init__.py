"""The daily pipeline: the step interface, the run over it, and what both targets share.

May import: itself and libraries; no target, no benchmark, no command line, never
boto3 or the SageMaker SDK (reading an s3:// drop goes through flows/aws/s3_lake.py).
"""
