"""Peak memory of a streamed batch: ``advisor recommend DIR --json`` over N copies of an example.

The batch keeps only counts between systems, so the peak resident memory of the whole process
must not grow with the number of systems. Run from the repository root:

    python bench/batch_memory.py 100 1152

Each size runs in a new process (``/usr/bin/time -v`` style figures from ``resource``).
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"


def measure(count: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one batch run over ``count`` systems."""
    with tempfile.TemporaryDirectory() as folder:
        for index in range(count):
            shutil.copyfile(EXAMPLE, Path(folder) / f"system-{index:05}.yaml")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "advisor", "recommend", folder, "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # RUSAGE_CHILDREN reports the largest child so far: run sizes in increasing order.
    return elapsed, max(peak, before) / 1024


def main() -> None:
    """Print one line per batch size given on the command line."""
    sizes = sorted(int(arg) for arg in sys.argv[1:]) or [100, 1152]
    for count in sizes:
        elapsed, peak = measure(count)
        print(f"{count:>6} systems: {elapsed:6.1f} s, peak RSS {peak:6.1f} MB")


if __name__ == "__main__":
    main()
