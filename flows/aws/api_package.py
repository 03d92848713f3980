"""`reorder publish-api`: the API as a Lambda package in the lake, and the stack updated to
run it behind its HTTP API.

The package is what Lambda's python3.11 runtime (Amazon Linux 2, glibc 2.26) loads: api/ and
the wheels pinned in api/lambda-requirements.txt, for manylinux2014 x86_64. boto3 stays out,
the runtime has it. The zip is the same bytes for the same files, and its key is its hash: an
unchanged API uploads nothing, and the stack replaces the function's code only when it changed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from flows.aws.stack import AwsStack
from flows.pipeline.settings import PROJECT_DIR

API_DIR = PROJECT_DIR / "api"
LAMBDA_REQUIREMENTS = API_DIR / "lambda-requirements.txt"
PYTHON_PLATFORM = "x86_64-manylinux2014"
PYTHON_VERSION = "3.11"
# Lambda's limit on a function's code, unzipped.
UNZIPPED_LIMIT_BYTES = 250 * 1024 * 1024
# What no import reaches: C headers and sources, Cython declarations, test suites, caches.
NOT_SHIPPED_DIRS = {"include", "src", "tests"}
NOT_SHIPPED_SUFFIXES = {".pyx", ".pxd", ".h", ".hpp", ".cc", ".pyc"}
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # every entry's timestamp, so the bytes depend on content only


class PackageError(RuntimeError):
    """The package could not be built, or would not fit in a Lambda function."""


def build_package(out: Path) -> Path:
    """Write the API's Lambda package to `out` (a .zip) and return it."""
    with tempfile.TemporaryDirectory(prefix="reorder-api-package-") as work:
        root = Path(work)
        _install_requirements(root)
        shutil.copytree(API_DIR, root / "api", ignore=shutil.ignore_patterns("*.txt", "*.in"))
        files = sorted(path for path in root.rglob("*") if path.is_file() and _shipped(root, path))
        unzipped = sum(path.stat().st_size for path in files)
        if unzipped > UNZIPPED_LIMIT_BYTES:
            raise PackageError(
                f"the API's package is {unzipped / 2**20:.0f} MiB unzipped, over Lambda's "
                f"{UNZIPPED_LIMIT_BYTES / 2**20:.0f} MiB"
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in files:
                entry = zipfile.ZipInfo(path.relative_to(root).as_posix(), ZIP_TIME)
                entry.external_attr = 0o644 << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, path.read_bytes())
    return out


def package_key(package: Path) -> str:
    """The package's key in the lake: under code/api/, named by its content."""
    digest = hashlib.sha256()
    with package.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return f"code/api/{digest.hexdigest()[:20]}.zip"


def _install_requirements(target: Path) -> None:
    command = [
        *_uv(), "pip", "install", "--quiet", "--target", str(target), "--no-deps",
        "--only-binary", ":all:", "--python-platform", PYTHON_PLATFORM,
        "--python-version", PYTHON_VERSION, "--requirements", str(LAMBDA_REQUIREMENTS),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PackageError(
            f"installing {LAMBDA_REQUIREMENTS.name} for {PYTHON_PLATFORM} failed: "
            f"{result.stderr.strip() or result.stdout.strip()}"
        )


def _uv() -> list[str]:
    """uv from PATH, else the one the aws extra installs beside this Python."""
    found = shutil.which("uv") or shutil.which("uv", path=str(Path(sys.executable).parent))
    if found is None:
        raise PackageError("uv is needed to build the API's package: `make bootstrap` installs it")
    return [found]


def _shipped(root: Path, path: Path) -> bool:
    parts = path.relative_to(root).parts
    if path.suffix in NOT_SHIPPED_SUFFIXES:
        return False
    # Only inside the big binary packages: elsewhere a folder named src or tests may be code.
    return not (parts[0] in {"numpy", "pyarrow"} and NOT_SHIPPED_DIRS & set(parts[1:-1]))


def publish_api(stack: AwsStack, package: Path, template: Path) -> AwsStack:
    """Upload the package to the lake unless it is there, then update the stack from
    `template` so its function runs that package; returns the stack with its ApiUrl."""
    from flows.aws.services import aws_call, aws_client
    from flows.aws.stack import deploy_stack

    key = package_key(package)
    s3 = aws_client("s3", stack.region)
    with aws_call("s3"):
        if not _has_object(s3, stack.bucket, key):
            s3.upload_file(str(package), stack.bucket, key)
    with aws_call("cloudformation"):
        cloudformation = aws_client("cloudformation", stack.region)
        return deploy_stack(cloudformation, stack.name, template, {"ApiCodeKey": key})


def _has_object(s3: Any, bucket: str, key: str) -> bool:
    from botocore.exceptions import ClientError

    try:
        s3.head_object(Bucket=bucket, Key=key)
    except ClientError as error:
        if error.response["Error"]["Code"] in {"404", "NoSuchKey", "NotFound"}:
            return False
        raise
    return True
