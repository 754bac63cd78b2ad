"""The command line loads only what a command needs: lazy commands, a lazy ``import advisor``.

Start-up time is measured by bench/bench.py, never asserted here; these tests pin what
keeps it low: which modules a command imports at all.
"""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import advisor
from advisor.cli.app import COMMANDS, cli
from conftest import ROOT

#: Libraries only the commands that prompt or render documents need.
HEAVY = ("questionary", "prompt_toolkit", "jinja2")


def _imported(*args: str) -> set[str]:
    """The modules a fresh ``python -m advisor ARGS`` imports, read from ``-X importtime``."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "advisor", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")
    }


@pytest.mark.parametrize(
    "args",
    [("--help",), ("recommend", "examples/enterprise-escaping-monolith.yaml", "--json")],
    ids=["help", "recommend-json"],
)
def test_help_and_json_recommendation_import_no_prompt_or_template_library(args: tuple[str, ...]) -> None:
    modules = _imported(*args)
    assert "click" in modules  # the probe does see imports
    loaded = sorted(m for m in modules if m.split(".")[0] in (*HEAVY, "rich"))
    assert loaded == []


def test_a_json_recommendation_creates_no_other_document_models() -> None:
    # The report, batch, explain, what-if and diff models are a good part of a cold start.
    modules = _imported("recommend", "examples/enterprise-escaping-monolith.yaml", "--json")
    assert "advisor.core.recommendation" in modules
    assert not {"advisor.report.view", "advisor.analysis.results", "advisor.analysis.portfolio"} & modules


def test_the_console_script_imports_click_only_when_it_runs() -> None:
    # main() pauses garbage collection before click and the command line are imported.
    run = subprocess.run(
        [sys.executable, "-c", "import sys, advisor.cli; print('click' in sys.modules)"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert run.stdout.strip() == "False"


def test_help_imports_no_command_and_no_core() -> None:
    modules = _imported("--help")
    assert not any(m.startswith(("advisor.core", "advisor.report", "advisor.analysis")) for m in modules)
    assert not any(m.split(".")[0] in ("pydantic", "yaml", "durable") for m in modules)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_static_one_line_help_is_the_commands_own(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.help is not None
    first = command.help.split("\n\n", 1)[0]
    assert COMMANDS[name][1] == " ".join(first.split()), (
        f"update the help of '{name}' in COMMANDS in src/advisor/cli/app.py"
    )
    for width in (40, 80, 200):
        stand_in = click.Command(name, help=COMMANDS[name][1])
        assert stand_in.get_short_help_str(width) == command.get_short_help_str(width)


def test_every_command_module_is_listed() -> None:
    modules = sorted(p.stem for p in (ROOT / "src" / "advisor" / "cli").glob("*.py"))
    helpers = {"__init__", "app", "options", "output", "usage", "words"}
    assert sorted(set(modules) - helpers) == sorted(COMMANDS)


def test_import_advisor_is_lazy_and_complete() -> None:
    code = (
        "import sys, advisor; "
        "assert 'pydantic' not in sys.modules and 'advisor.core.advisor' not in sys.modules; "
        "from advisor import Advisor, advise, Recommendation; "
        "assert 'advisor.core.advisor' in sys.modules; print(advisor.__version__)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == advisor.__version__
    for name in advisor.__all__:
        assert getattr(advisor, name) is not None
        assert name in dir(advisor)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = advisor.nothing  # type: ignore[attr-defined]


def test_loading_a_catalog_runs_no_collection_and_freezes_it() -> None:
    code = (
        "import gc\n"
        "from advisor.core.advisor import Advisor\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(info) if phase == 'start' else None)\n"
        "before = gc.get_freeze_count()\n"
        "advisor = Advisor.load()\n"
        "assert runs == [], runs\n"
        "assert gc.isenabled() and gc.get_freeze_count() > before\n"
        "frozen = gc.get_freeze_count()\n"
        "assert Advisor.load() is advisor and gc.get_freeze_count() == frozen  # cached: nothing frozen\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("recommend", "examples/startup-mvp.yaml", "--json"), 0),
        (("recommend", "no-such-file.yaml"), 2),
        (("no-such-command",), 2),
    ],
)
def test_the_fast_exit_keeps_the_status_and_every_byte_of_output(
    args: tuple[str, ...], status: int, in_root: None
) -> None:
    run = subprocess.run([sys.executable, "-m", "advisor", *args], capture_output=True, cwd=ROOT, check=False)
    assert run.returncode == status
    if status == 0:
        runner = CliRunner()
        assert run.stdout.decode() == runner.invoke(cli, list(args)).stdout
        assert run.stdout.endswith(b"}\n")
    else:
        assert run.stderr.strip()
