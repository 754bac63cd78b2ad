"""Same input, same output, byte for byte — whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", str(EXAMPLE), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def test_json_is_identical_across_hash_seeds() -> None:
    outputs = {_run(seed) for seed in ("0", "1", "4242")}
    assert len(outputs) == 1
