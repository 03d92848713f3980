"""The aws target: the step interface on the S3 lake, Athena through dbt, the Glue job, SNS
and SageMaker, plus the stack and the API's Lambda package. Imports the pipeline; the only
part of the product that imports boto3, botocore and the SageMaker SDK."""
