"""The wheel carries the catalog and questionnaire: it works with no checkout beside it."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)], check=True
    )
    [wheel] = dist.glob("advisor-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    example = tmp_path / "answers.yaml"
    example.write_text((ROOT / "examples" / "startup-mvp.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [str(env_dir / "bin" / "advisor"), "recommend", str(example), "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "monolithic-architecture" in {p["id"] for p in json.loads(done.stdout)["recommended"]}
    located = subprocess.run(
        [str(python), "-c", "from advisor.base.resources import bundled_rules_dir as d; print(d())"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        check=True,
    )
    assert "site-packages" in located.stdout
