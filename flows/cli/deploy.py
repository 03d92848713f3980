"""`reorder deploy`, `publish-api`, `package-api` and `publish-page`: the AWS stack, the API
on Lambda and the page on the stack's website."""

import argparse
import tempfile
from pathlib import Path

from rich.console import Console

from flows.aws.services import AwsError, aws_call, aws_client
from flows.aws.stack import DEFAULT_STACK, StackError
from flows.cli.arguments import Commands
from flows.pipeline.settings import PROJECT_DIR

TEMPLATE = PROJECT_DIR / "infra" / "template.yaml"


def add_commands(commands: Commands) -> None:
    deploy = commands.add_parser(
        "deploy",
        help="create or update the AWS stack from infra/template.yaml",
        description="Create the CloudFormation stack of infra/template.yaml, or update it in "
        "place, in the environment's AWS account and region, and wait until it is ready.",
    )
    deploy.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    deploy.add_argument("--bucket", required=True, help="name of the lake's S3 bucket to create")
    deploy.add_argument(
        "--email",
        help="address to notify of runs (optional; an update keeps the current one, "
        '--email "" removes it)',
    )
    deploy.set_defaults(handler=_deploy)

    api = commands.add_parser(
        "publish-api",
        help="run the prediction API on AWS Lambda behind the stack's HTTP API",
        description="Build the API's Lambda package (api/ and the wheels pinned in "
        "api/lambda-requirements.txt), upload it to the lake's code/api/, update the stack so "
        "its function runs it, and print the API's URL.",
    )
    api.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    api.add_argument(
        "--package", type=Path, help="publish this package (from `reorder package-api`) instead"
    )
    api.set_defaults(handler=_publish_api)

    package = commands.add_parser(
        "package-api",
        help="build the API's Lambda package",
        description="Write the zip `reorder publish-api` uploads: api/ and its pinned wheels "
        "for Lambda's python3.11 runtime on x86_64. The same files give the same bytes.",
    )
    package.add_argument("--out", type=Path, default=Path("api.zip"), help="zip to write")
    package.set_defaults(handler=_package_api)

    page = commands.add_parser(
        "publish-page",
        help="publish the public page to the AWS stack's website bucket",
        description="Copy web/ to the stack's page bucket (an S3 static website), pointed at "
        "the API at --api-url, and print the page's address.",
    )
    page.add_argument("--stack", default=DEFAULT_STACK, help="stack name (default reorder)")
    page.add_argument(
        "--api-url", help="the API's base URL, https://... (default: the stack's own API)"
    )
    page.set_defaults(handler=_publish_page)


def _deploy(args: argparse.Namespace, console: Console) -> int:
    from flows.aws.stack import deploy_stack

    parameters = {"LakeBucketName": args.bucket}
    if args.email is not None:
        parameters["NotificationEmail"] = args.email
    try:
        with aws_call("cloudformation"):
            stack = deploy_stack(aws_client("cloudformation"), args.stack, TEMPLATE, parameters)
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder deploy: {error}[/red]")
        return 1
    console.print(f"stack {stack.name} is ready in {stack.region}: lake {stack.lake_uri}")
    console.print(f"  drops for a scheduled run go to {stack.lake_uri}/input/<YYYY-MM-DD>/")
    return 0


def _publish_api(args: argparse.Namespace, console: Console) -> int:
    from flows.aws.api_package import PackageError, build_package, publish_api
    from flows.aws.steps import read_target_stack

    try:
        stack = read_target_stack(args.stack)
        with tempfile.TemporaryDirectory(prefix="reorder-publish-api-") as work:
            package = args.package or build_package(Path(work) / "api.zip")
            console.print(
                f"publishing the API's package ({package.stat().st_size / 2**20:.0f} MiB)"
            )
            stack = publish_api(stack, package, TEMPLATE)
    except (AwsError, StackError, PackageError, FileNotFoundError) as error:
        console.print(f"[red]reorder publish-api: {error}[/red]")
        return 1
    console.print(f"the API is at {stack.api_url} (documentation: {stack.api_url}/docs)")
    console.print(f"  point the page at it: reorder publish-page --stack {stack.name}")
    return 0


def _package_api(args: argparse.Namespace, console: Console) -> int:
    from flows.aws.api_package import PackageError, build_package, package_key

    try:
        package = build_package(args.out)
    except PackageError as error:
        console.print(f"[red]reorder package-api: {error}[/red]")
        return 1
    size = package.stat().st_size / 2**20
    console.print(f"wrote {package} ({size:.0f} MiB), to be published as {package_key(package)}")
    return 0


def _publish_page(args: argparse.Namespace, console: Console) -> int:
    from flows.aws.page import publish_page
    from flows.aws.steps import read_target_stack

    if args.api_url is not None and not args.api_url.startswith(("https://", "http://")):
        console.print(f"[red]reorder publish-page: --api-url {args.api_url!r} is not a URL[/red]")
        return 2
    try:
        stack = read_target_stack(args.stack)
        api_url = args.api_url or stack.api_url
        if api_url is None:
            console.print(
                f"[red]reorder publish-page: stack {args.stack} has no API yet: run "
                f"`reorder publish-api --stack {args.stack}` or give --api-url[/red]"
            )
            return 1
        with aws_call("s3"):
            publish_page(aws_client("s3", stack.region), stack.page_bucket, api_url)
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder publish-page: {error}[/red]")
        return 1
    console.print(f"the page is at {stack.page_url}, calling the API at {api_url}")
    return 0
