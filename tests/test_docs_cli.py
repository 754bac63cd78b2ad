"""The docs match the code: docs/cli.md is the `--help` of every command; the README example runs.

Regenerate after changing a command:  ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_cli.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import ROOT

DOC = ROOT / "docs" / "cli.md"
INTRO = (
    "# Command reference\n\n"
    "Generated from `advisor --help` by `ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_cli.py`;\n"
    "a test fails when this file and the commands disagree.\n"
)


def _commands(group: click.Group, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = [path]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the root group loads its commands on demand
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
        else:
            found.append((*path, name))
    return found


def _reference() -> str:
    runner = CliRunner()
    parts = [INTRO]
    for path in _commands(cli, ()):
        result = runner.invoke(cli, [*path, "--help"], prog_name="advisor", terminal_width=100)
        assert result.exit_code == 0, result.output
        title = " ".join(("advisor", *path))
        parts.append(f"\n## `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def test_command_reference_is_current() -> None:
    expected = _reference()
    if os.environ.get("ADVISOR_UPDATE_DOCS"):
        DOC.write_text(expected, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/cli.md is out of date: run ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_cli.py"
    )


def test_every_command_has_an_example_in_its_help() -> None:
    runner = CliRunner()
    leaves = [path for path in _commands(cli, ()) if not isinstance(_command(path), click.Group)]
    missing = [
        " ".join(path)
        for path in leaves
        if "Examples:" not in runner.invoke(cli, [*path, "--help"], terminal_width=100).output
    ]
    assert missing == []


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None
        command = found
    return command


def test_readme_library_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("### As a library", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "monolithic-architecture" in done.stdout
