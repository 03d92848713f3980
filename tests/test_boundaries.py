"""What may import what (docs/design.md, "Boundaries"), read from every import statement of
the code, those inside functions included.

Three parts ship alone to AWS runtimes and so may import only what is there: api/ (a Lambda
with the wheels of api/lambda-requirements.txt and the runtime's boto3), sagemaker/ (the
XGBoost framework container's libraries) and glue_spark/ (Glue's PySpark). Inside flows/, the
pipeline knows no target, neither target knows the other, only the aws target talks to AWS
through boto3 or the SageMaker SDK, nothing in the product imports the benchmark, and only the
command line's entry point imports the command line. Imports under `if TYPE_CHECKING:` are
annotations, not dependencies, and are not counted.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = frozenset({"flows", "api", "datagen", "glue_spark"})
# The project's sagemaker/ scripts import one another by file name; `sagemaker` itself is the SDK.
SAGEMAKER_SCRIPTS = frozenset(path.stem for path in (ROOT / "sagemaker").glob("*.py"))
AWS_SDKS = ("boto3", "botocore", "sagemaker")
# What each standalone part's runtime provides besides the standard library.
LAMBDA_RUNTIME = frozenset({"boto3", "botocore"})
XGBOOST_CONTAINER = frozenset({"xgboost", "numpy", "pandas", "sklearn", "scipy"})
GLUE_RUNTIME = frozenset({"pyspark", "awsglue", "boto3", "botocore"})


@dataclass(frozen=True)
class Import:
    file: str  # relative to the checked root, "/"-separated
    line: int
    module: str  # absolute dotted name

    @property
    def top(self) -> str:
        return self.module.split(".")[0]

    def under(self, *modules: str) -> bool:
        return any(self.module == m or self.module.startswith(f"{m}.") for m in modules)

    def __str__(self) -> str:
        return f"{self.file}:{self.line} imports {self.module}"


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        }:
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(root: Path, folder: str) -> Iterator[Import]:
    """Every import statement in the Python files under `root/folder`, as absolute modules."""
    for path in sorted((root / folder).rglob("*.py")):
        relative = path.relative_to(root)
        package = list(relative.parent.parts)
        tree = ast.parse(path.read_text(), filename=str(relative))
        annotations_only = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if node.lineno in annotations_only:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:  # each imported name, as what it is a part of: `from flows import bench`
                base = package[: len(package) - node.level + 1] if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                names = [module if a.name == "*" else f"{module}.{a.name}" for a in node.names]
            for name in names:
                yield Import(relative.as_posix(), node.lineno, name)


def _lambda_packages() -> frozenset[str]:
    """The import names of the wheels pinned for the API's Lambda package."""
    from importlib.metadata import packages_distributions

    pinned = {
        line.split("==")[0].strip().lower().replace("_", "-")
        for line in (ROOT / "api" / "lambda-requirements.txt").read_text().splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    }
    return frozenset(
        module
        for module, distributions in packages_distributions().items()
        if any(d.lower().replace("_", "-") in pinned for d in distributions)
    )


def _standalone(found: Import, own: frozenset[str], runtime: frozenset[str]) -> str | None:
    if found.top in sys.stdlib_module_names or found.top in own or found.top in runtime:
        return None
    return f"{found}, which its runtime does not have"


def violations(root: Path, lambda_packages: frozenset[str]) -> list[str]:
    """Every import that breaks a boundary, each naming its file, line and the rule."""
    found: list[str] = []
    for imported in imports_of(root, "api"):
        why = _standalone(imported, frozenset({"api"}), lambda_packages | LAMBDA_RUNTIME)
        if why:
            found.append(f"{why}: api/ ships alone as a Lambda")
    for imported in imports_of(root, "sagemaker"):
        why = _standalone(imported, SAGEMAKER_SCRIPTS, XGBOOST_CONTAINER)
        if why:
            found.append(f"{why}: sagemaker/ ships alone to SageMaker's XGBoost container")
    for imported in imports_of(root, "glue_spark"):
        why = _standalone(imported, frozenset(), GLUE_RUNTIME)
        if why:
            found.append(f"{why}: glue_spark/ ships alone to Glue")
    for imported in imports_of(root, "datagen"):
        if imported.top in PROJECT - {"datagen"}:
            found.append(f"{imported}: the generator stands alone")
    for imported in [*imports_of(root, "flows"), *imports_of(root, "datagen")]:
        found.extend(_flows_rule(imported))
    return found


# flows/ subpackage -> the flows/ subpackages it must not import, and why.
FORBIDDEN_IN_FLOWS = {
    "flows/pipeline/": (
        ("flows.local", "flows.aws", "flows.daily"),
        "the pipeline imports no target",
    ),
    "flows/local/": (("flows.aws", "flows.daily"), "the local target knows no other"),
    "flows/aws/": (("flows.local", "flows.daily"), "the aws target knows no other"),
    "flows/dashboard/": (
        ("flows.local", "flows.aws", "flows.daily"),
        "the dashboard's data comes from a lake, whichever target built it",
    ),
}
# The one import across those lines: a drop may be delivered to S3 whichever target runs, and
# reading it is the S3 store's work.
ALLOWED_ACROSS = {("flows/pipeline/lake.py", "flows.aws.s3_lake")}


def _flows_rule(imported: Import) -> Iterator[str]:
    file = imported.file
    if imported.under(*AWS_SDKS) and not file.startswith("flows/aws/"):
        yield f"{imported}: only flows/aws/ imports boto3, botocore or the SageMaker SDK"
    if imported.under("flows.bench") and not (
        file.startswith("flows/bench/") or file == "flows/cli/bench.py"
    ):
        yield f"{imported}: the product never imports the benchmark"
    if imported.under("flows.cli") and not file.startswith("flows/cli/"):
        yield f"{imported}: nothing imports the command line"
    for folder, (modules, reason) in FORBIDDEN_IN_FLOWS.items():
        allowed = any(file == f and imported.under(m) for f, m in ALLOWED_ACROSS)
        if file.startswith(folder) and imported.under(*modules) and not allowed:
            yield f"{imported}: {reason}"


def test_every_part_imports_only_what_its_boundary_allows() -> None:
    broken = violations(ROOT, _lambda_packages())

    assert not broken, "imports across a boundary (docs/design.md):\n" + "\n".join(broken)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    ("files", "named"),
    [
        (
            {"api/app.py": "import flows.pipeline.lake\n"},
            "api/app.py:1 imports flows.pipeline.lake",
        ),
        ({"api/app.py": "def f():\n    import prefect\n"}, "api/app.py:2 imports prefect"),
        ({"sagemaker/train.py": "import datagen.generate\n"}, "imports datagen.generate"),
        ({"glue_spark/job.py": "from flows.pipeline import lake\n"}, "imports flows.pipeline"),
        ({"flows/pipeline/landing.py": "def f():\n    import boto3\n"}, "only flows/aws/"),
        ({"flows/local/steps.py": "from botocore.config import Config\n"}, "only flows/aws/"),
        ({"flows/daily/run.py": "from flows.bench.suite import x\n"}, "the benchmark"),
        (
            {"flows/pipeline/run.py": "from flows.local.steps import LOCAL_STEPS\n"},
            "imports no target",
        ),
        ({"flows/aws/steps.py": "from flows.local import compaction\n"}, "knows no other"),
        ({"flows/pipeline/lake.py": "from flows.cli.main import main\n"}, "the command line"),
        ({"flows/pipeline/sub/x.py": "from .. import lake\n"}, None),
        (
            {"flows/pipeline/sub/x.py": "from ...local import steps\n"},
            "x.py:1 imports flows.local.",
        ),
    ],
)
def test_a_boundary_violation_names_the_file_the_line_and_the_import(
    tmp_path: Path, files: dict[str, str], named: str | None
) -> None:
    root = _tree(tmp_path, files)

    broken = violations(root, frozenset({"fastapi"}))

    if named is None:
        assert broken == []
    else:
        assert len(broken) == 1 and named in broken[0], broken


def test_annotations_under_type_checking_are_not_dependencies(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "flows/pipeline/settings.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from flows.aws.stack import AwsStack\n"
        },
    )

    assert violations(root, frozenset()) == []


@pytest.mark.parametrize(
    "package",
    sorted(path.parent.relative_to(ROOT).as_posix() for path in ROOT.glob("flows/*/__init__.py")),
)
def test_each_part_of_flows_says_what_it_owns_and_what_it_may_import(package: str) -> None:
    docstring = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text())) or ""
    summary, _, rest = docstring.partition("\n\n")

    assert summary and "\n" not in summary, f"{package}: no one-line summary of what it owns"
    assert rest.startswith("May import:"), f"{package}: does not say what it may import"
