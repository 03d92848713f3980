"""`reorder serve` and `reorder model`: the API and page over a lake, and the model registry."""

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from flows.aws.services import AwsError, aws_call
from flows.aws.stack import DEFAULT_STACK, StackError
from flows.cli.arguments import Commands, positive_int
from flows.pipeline.lake import LocalLake
from flows.pipeline.registry import Registry, RegistryError
from flows.pipeline.settings import TARGETS
from flows.pipeline.training import TrainingError


def add_commands(commands: Commands) -> None:
    model = commands.add_parser(
        "model",
        help="the model registry: list the versions, roll back the deployed one, try features",
        description="The trained model versions in the lake's models/ zone, and which one "
        "is deployed.",
    )
    actions = model.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, text in (
        ("list", "every version with its validation metrics; * marks the deployed one"),
        ("rollback", "deploy again the version deployed before the current one"),
    ):
        command = actions.add_parser(action, help=text, description=text[0].upper() + text[1:])
        command.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
        command.add_argument("--target", choices=TARGETS, default="local",
                             help="local (default): the lake folder; aws: the stack's bucket "
                             "and SageMaker endpoint")  # fmt: skip
        command.add_argument("--stack", default=DEFAULT_STACK, help="aws: the stack's name")
        command.set_defaults(handler=_model_list if action == "list" else _model_rollback)
    trial = actions.add_parser(
        "trial",
        help="train with and without the season and department features, and compare",
        description="Train the model on the lake's published result_table with the contract's "
        "features, then with the season features, the department features and both (same "
        "users, same split, same hyperparameters, several seeds), and compare their "
        "validation ROC AUC and mean per-order F1. Writes trial.json, trial.md and each run's "
        "model report to --out. Nothing is deployed.",
    )
    trial.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
    trial.add_argument("--out", type=Path, default=Path("trial"), help="results folder")
    trial.add_argument("--seeds", type=positive_int, default=3,
                       help="XGBoost seeds per variant (default 3): a feature is worth keeping "
                       "when every seed of it beats every seed without it")  # fmt: skip
    trial.set_defaults(handler=_model_trial)

    serve = commands.add_parser(
        "serve",
        help="serve the prediction API and the public page on 127.0.0.1",
        description="Serve the API and the page over the lake's published result_table and "
        "deployed model, with a local endpoint, until stopped.",
    )
    serve.add_argument("--lake", type=Path, default=Path("lake"), help="lake folder")
    serve.add_argument("--port", type=positive_int, default=8000, help="port (default 8000)")
    serve.set_defaults(handler=_serve)


def _serve(args: argparse.Namespace, console: Console) -> int:
    from flows.local.serve import ServeError, serve

    console.print(f"serving the page and the API on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    try:
        serve(args.lake, args.port)
    except ServeError as error:
        console.print(f"[red]reorder serve: {error}[/red]")
        return 1
    return 0


def _registry(args: argparse.Namespace) -> tuple[Registry, Callable[[str], None], str]:
    """The target's registry, how a version is put behind its endpoint, and where it is."""
    if args.target == "local":  # the local endpoint follows the registry by itself
        return Registry(LocalLake(args.lake)), lambda version: None, str(args.lake / "models")
    from flows.aws import model as aws_model
    from flows.aws.steps import read_target_stack

    stack = read_target_stack(args.stack)

    def serve(version: str) -> None:
        with aws_call("sagemaker"):
            aws_model.deploy(stack, version)

    return aws_model.registry_for(stack), serve, f"{stack.lake_uri}/models"


def _model_list(args: argparse.Namespace, console: Console) -> int:
    try:
        registry, _, where = _registry(args)
        deployment = registry.deployment()
        versions = registry.versions()
        metrics = {version: registry.metrics(version) for version in versions}
    except (AwsError, StackError) as error:
        console.print(f"[red]reorder model list: {error}[/red]")
        return 1
    if not versions:
        console.print(f"no model in {where}: `reorder run` trains one")
        return 0
    serving = None if deployment is None else deployment.version
    for version in versions:
        mark = "*" if version == serving else " "
        console.print(
            f"{mark} {version}  ROC AUC {metrics[version]['roc_auc']:.4f}  "
            f"PR AUC {metrics[version]['pr_auc']:.4f}  "
            f"mean per-order F1 {metrics[version]['mean_order_f1']:.4f}",
            highlight=False,
        )
    return 0


def _model_trial(args: argparse.Namespace, console: Console) -> int:
    from flows.local.feature_trial import run_trial
    from flows.pipeline.compaction import PUBLISHED

    if not (args.lake / PUBLISHED).is_file():
        console.print(f"[red]reorder model trial: no {args.lake / PUBLISHED}: `reorder run` "
                      "publishes it[/red]")  # fmt: skip
        return 1
    try:
        run_trial(args.lake, args.out, args.seeds)
    except TrainingError as error:
        console.print(f"[red]reorder model trial: {error}[/red]")
        return 1
    console.print((args.out / "trial.md").read_text(), markup=False, highlight=False)
    console.print(f"wrote {args.out / 'trial.json'} and {args.out / 'trial.md'}")
    return 0


def _model_rollback(args: argparse.Namespace, console: Console) -> int:
    try:
        registry, serve, _ = _registry(args)
        before = registry.deployment()
        if before is None or not before.history:
            raise RegistryError("no earlier deployed model to roll back to")
        serve(before.history[-1])  # the endpoint first: the registry records what serves
        after = registry.rollback()
    except (RegistryError, AwsError, StackError, TrainingError) as error:
        console.print(f"[red]reorder model rollback: {error}[/red]")
        return 1
    console.print(f"deployed {after.version} again (was {before.version})")
    return 0
