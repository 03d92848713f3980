"""The aws target: the S3 lake, Athena, Glue, SNS, SageMaker, the stack and the API package.

May import: the pipeline and the dashboard; the only part of the product that imports
boto3, botocore and the SageMaker SDK.
"""
