"""The local target's training: the channels written from the published file, and
sagemaker/train.py run as a subprocess with SageMaker's environment contract (the split of
the users is flows/pipeline/training.py's)."""

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from flows.pipeline.children import tied_to_this_process
from flows.pipeline.settings import PROJECT_DIR
from flows.pipeline.training import VALIDATION_USERS, TrainingError

TRAIN_SCRIPT = PROJECT_DIR / "sagemaker" / "train.py"


@dataclass(frozen=True)
class Trained:
    model_dir: Path  # what the endpoint loads
    report: Path


def write_channels(published: str, folder: Path) -> tuple[Path, Path]:
    """The train and validation channels (one parquet file each) from the published file."""
    return split_into_channels(f"select * from '{published}' where eval_set = 'train'", folder)


def split_into_channels(lines: str, folder: Path) -> tuple[Path, Path]:
    """The train and validation channels of the labelled lines that query `lines` selects:
    one parquet file each, the users split by VALIDATION_USERS."""
    train, validation = folder / "train", folder / "validation"
    for channel, users in ((train, f"not {VALIDATION_USERS}"), (validation, VALIDATION_USERS)):
        channel.mkdir(parents=True, exist_ok=True)
        duckdb.sql(
            f"copy (select * from ({lines}) where {users}) "
            f"to '{channel / 'part-0.parquet'}' (format parquet)"
        )
    return train, validation


def train_locally(
    published: str, work: Path, hyperparameters: dict[str, str] | None = None
) -> Trained:
    """Run sagemaker/train.py on channels of the published file, as SageMaker would."""
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work, prefix="channels-") as channels:
        train, validation = write_channels(published, Path(channels))
        return run_train_script(train, validation, work, hyperparameters)


def run_train_script(
    train: Path, validation: Path, work: Path, hyperparameters: dict[str, str] | None = None
) -> Trained:
    """sagemaker/train.py in a child process, with SageMaker's environment: the two channel
    folders in, the model and the report under `work`."""
    model_dir, output_dir = work / "model", work / "output"
    environment = {
        **os.environ,
        "SM_CHANNEL_TRAIN": str(train),
        "SM_CHANNEL_VALIDATION": str(validation),
        "SM_MODEL_DIR": str(model_dir),
        "SM_OUTPUT_DATA_DIR": str(output_dir),
    }
    arguments = [f"--{name}={value}" for name, value in (hyperparameters or {}).items()]
    completed = subprocess.run(
        tied_to_this_process([sys.executable, str(TRAIN_SCRIPT), *arguments]),
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        said = completed.stderr.strip().splitlines()[-5:]
        raise TrainingError("sagemaker/train.py failed:\n" + "\n".join(f"  {x}" for x in said))
    return Trained(model_dir=model_dir, report=output_dir / "report.html")
