"""Every example command in ``--help``, the README and ``docs/`` runs and succeeds.

Examples are collected from the text a user reads: the ``Examples:`` of every
command's help (``docs/cli.md`` is generated from it), the ``advisor ...`` lines of
shell and console blocks in the README and ``docs/``, and inline ``advisor ...``
code with real arguments outside tables (placeholders in capitals, like ``FILE``,
are not run).
Each runs in a fresh folder laid out as the examples assume (``examples/``,
``systems/``, ``our-rules/``, ...), through ``sh`` so redirections, pipes and globs
work; interview examples run in a pseudo-terminal and stop with Ctrl-C. Where a
console block shows output, the command prints those lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click
import pexpect
import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow

DOCS = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "cli.md")]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
INLINE = re.compile(r"`(advisor [^`]+)`")
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]{1,}\b")
BIN = Path(sys.executable).parent

#: A second, small rule pack for the examples that lint two packs together.
TEAM_PACK = """\
rules:
  - id: team-saga-many-teams
    pattern: saga
    weight: 1
    when:
      answer: team_count
      gte: 30
    reason:
      en: With this many teams, every cross-service update is a saga.
"""


@dataclass(frozen=True)
class Example:
    """One example command, where it is written, and the output lines shown with it."""

    command: str
    source: str
    shows: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return f"{self.source}: {self.command}"


def _walk(group: click.Group, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    found = [path]
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the root group loads its commands on demand
        command = group.get_command(ctx, name)
        assert command is not None
        found += _walk(command, (*path, name)) if isinstance(command, click.Group) else [(*path, name)]
    return found


def _help_examples() -> list[Example]:
    runner = CliRunner()
    found = []
    for path in _walk(cli, ()):
        text = runner.invoke(cli, [*path, "--help"], prog_name="advisor", terminal_width=100).output
        if "Examples:" not in text:
            continue
        for line in text.split("Examples:", 1)[1].splitlines()[1:]:
            if not line.strip():
                break
            if line.strip().startswith("advisor "):
                found.append(Example(line.strip(), "advisor " + " ".join((*path, "--help"))))
    return found


def _strip_comment(line: str) -> str:
    return re.split(r"\s{2,}#\s", line, maxsplit=1)[0].strip()


def _doc_examples(doc: Path) -> list[Example]:
    text = doc.read_text(encoding="utf-8")
    name = doc.relative_to(ROOT).as_posix()
    found: list[Example] = []
    for lang, body in FENCE.findall(text):
        if lang not in {"sh", "shell", "bash", "console"}:
            continue
        lines = body.splitlines()
        for index, line in enumerate(lines):
            command = line[2:] if lang == "console" and line.startswith("$ ") else line
            if not command.startswith("advisor "):
                continue
            shows: list[str] = []
            if lang == "console":
                for after in lines[index + 1 :]:
                    if after.startswith("$ "):
                        break
                    if after.strip():
                        shows.append(after.rstrip())
            found.append(Example(_strip_comment(command), name, tuple(shows)))
    # Tables name what was measured (`advisor recommend enterprise --json`), not commands to copy.
    prose = "\n".join(line for line in FENCE.sub("", text).splitlines() if not line.startswith("|"))
    for span in INLINE.findall(prose):
        if len(span.split()) >= 3 and not PLACEHOLDER.search(span):
            found.append(Example(span, name))
    return found


EXAMPLES = [*_help_examples(), *(e for doc in DOCS for e in _doc_examples(doc))]


def _sandbox(root: Path) -> Path:
    """A folder laid out as the examples assume."""
    examples = ROOT / "examples"
    for folder in ("examples", "systems", "answers"):
        shutil.copytree(examples, root / folder)
    startup, enterprise = examples / "startup-mvp.yaml", examples / "enterprise-escaping-monolith.yaml"
    (root / "milestones").mkdir()
    shutil.copy(startup, root / "milestones" / "2024.yaml")
    shutil.copy(enterprise, root / "milestones" / "2025.yaml")
    for name, source in {
        "answers.yaml": enterprise,
        "before.yaml": startup,
        "after.yaml": enterprise,
    }.items():
        shutil.copy(source, root / name)
    acme = FIXTURES / "packs" / "acme"
    shutil.copytree(acme, root / "tests" / "fixtures" / "packs" / "acme")
    shutil.copytree(acme, root / "our-rules")
    shutil.copytree(acme, root / "shared-rules")
    (root / "team-rules" / "applicability").mkdir(parents=True)
    (root / "team-rules" / "applicability" / "team.yaml").write_text(TEAM_PACK, encoding="utf-8")
    shutil.copy(ROOT / "questionnaires" / "default.yaml", root / "our-questions.yaml")
    (root / "schemas").mkdir()
    (root / "docs").mkdir()
    # The answers file docs/rule-packs.md shows for its pack, under the name its commands use.
    packs = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    acme_orders = next(body for lang, body in FENCE.findall(packs) if "system_name: Acme Orders" in body)
    (root / "acme-orders.yaml").write_text(acme_orders, encoding="utf-8")
    # An interview stopped after two answers, for `advisor interview --resume .shop.resume.yaml`.
    (root / ".shop.resume.yaml").write_text(
        "resume: default\nquestionnaire_version: 1\noutput: shop.yaml\nat: product_stage\n"
        "answers:\n  system_name: Shop\n  system_description: A web shop\n",
        encoding="utf-8",
    )
    return root


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


def _needs(command: str) -> None:
    """Skip (or, where CI requires it, fail) an example piping into a program that is not installed."""
    for stage in command.split("|")[1:]:
        program = stage.split()[0]
        if shutil.which(program) is None:
            if program == "dot" and os.environ.get("ADVISOR_REQUIRE_GRAPHVIZ") == "1":
                pytest.fail("ADVISOR_REQUIRE_GRAPHVIZ=1 but Graphviz (dot) is not installed")
            pytest.skip(f"{program} is not installed")


def test_examples_were_found() -> None:
    sources = {e.source.split(":")[0] for e in EXAMPLES}
    assert "README.md" in sources and "docs/rule-packs.md" in sources
    assert sum(e.source.startswith("advisor ") for e in EXAMPLES) >= 30
    assert any("--set force." in e.command for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_runs(example: Example, tmp_path: Path) -> None:
    root = _sandbox(tmp_path)
    _needs(example.command)
    if example.command.startswith("advisor interview"):
        _interview(example, root)
        return
    done = subprocess.run(
        ["/bin/sh", "-c", example.command],
        cwd=root,
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"{example}\nexit {done.returncode}\n{done.stderr}"
    printed = done.stdout.splitlines()
    missing = [line for line in example.shows if line not in printed]
    assert missing == [], f"{example} no longer prints what the docs show:\n{done.stdout}"


def _interview(example: Example, root: Path) -> None:
    """An interview example reaches its first prompt in a terminal; Ctrl-C then stops it and saves."""
    child = pexpect.spawn(
        "/bin/sh", ["-c", example.command], cwd=str(root), env=_env(), encoding="utf-8", timeout=60
    )
    try:
        child.expect(r"\? ")
        child.send("\x03")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 130, example
