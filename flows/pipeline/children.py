"""Child processes that end with the run.

dbt, training and the Spark compactor run as child processes. If the run is killed (SIGKILL
included, which no handler sees), a child left running would go on writing into the lake
under the next run. Linux's setpriv sets the child's parent-death signal before it starts,
so the kernel kills it with its parent.
"""

import shutil
import sys


def tied_to_this_process(command: list[str]) -> list[str]:
    """`command`, killed by the kernel if this process ends first (as it is where setpriv
    is missing, off Linux)."""
    setpriv = shutil.which("setpriv") if sys.platform == "linux" else None
    return [setpriv, "--pdeathsig", "KILL", "--", *command] if setpriv else command
