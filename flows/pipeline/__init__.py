"""The daily pipeline: the step interface, the run over it, and the parts both targets share
(settings, landing, dbt, the lake's store, registry, gate, notification). Imports no target,
no benchmark and no command line, and never boto3 or the SageMaker SDK."""
