"""The hostile-input corpus: one file per class of input that once crashed or hung a command.

Every command that reads that kind of file ends in exit 2 with one clear message that names
the file (and its line and column where the problem has one), never a traceback or a hang.
The corpus is ``tests/fixtures/hostile/``: answers files, rule packs and resume files; inputs
that cannot live in git (a FIFO, ``/dev/zero``, link loops, oversized files) are made here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.errors import DataFileError
from advisor.interview.files import read_resume
from advisor.interview.flow import Interview
from conftest import FIXTURES, ROOT
from hostile.chain import write_chain_pack

HOSTILE = FIXTURES / "hostile"
EXAMPLE = str(ROOT / "examples" / "startup-mvp.yaml")
ANSWERS = sorted((HOSTILE / "answers").glob("*.yaml"))
PACKS = sorted(p for p in (HOSTILE / "packs").iterdir() if p.is_dir())
RESUMES = sorted((HOSTILE / "resume").glob("*.yaml"))


def _answer_commands(path: str) -> list[list[str]]:
    """Every command that reads an answers file, with ``path`` in it."""
    return [
        ["recommend", path],
        ["recommend", path, EXAMPLE, "--json"],
        ["validate", path],
        ["report", path, "--format", "md"],
        ["explain", path, "saga"],
        ["whatif", path],
        ["diff", EXAMPLE, path],
    ]


#: Packs whose bad file is part of the catalog that ``patterns`` reads (not questions or rules).
CATALOG_FILES_BAD = {"alias-bomb", "bad-tag", "impossible-date"}


def _pack_commands(pack: str) -> list[list[str]]:
    """Every command that reads the kind of file a pack's mistake is in."""
    commands = [["rules", "lint", pack], ["validate", pack], ["recommend", EXAMPLE, "--rules", pack]]
    if Path(pack).name in CATALOG_FILES_BAD:
        commands.append(["patterns", "list", "--rules", pack])
    return commands


def _assert_refused(result: object, name: str, *, located: bool = True) -> None:
    exit_code = result.exit_code  # type: ignore[attr-defined]
    output = result.output  # type: ignore[attr-defined]
    exception = result.exception  # type: ignore[attr-defined]
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert exit_code == 2, output
    assert "Traceback" not in output
    where = re.escape(name) + (r"(/\S+)?:\d+:\d+: " if located else r"\S*: ")
    assert re.search(where, output), output


@pytest.mark.parametrize("path", ANSWERS, ids=lambda p: p.stem)
def test_hostile_answers_files_are_refused_with_a_located_message(runner: CliRunner, path: Path) -> None:
    name = os.path.relpath(path)
    for args in _answer_commands(name):
        result = runner.invoke(cli, args)
        _assert_refused(result, name)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_hostile_rule_packs_are_refused_with_a_located_message(runner: CliRunner, pack: Path) -> None:
    name = os.path.relpath(pack)
    for args in _pack_commands(name):
        result = runner.invoke(cli, args)
        _assert_refused(result, name)


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.stem)
def test_hostile_resume_files_are_refused_with_a_located_message(advisor: Advisor, path: Path) -> None:
    interview = Interview(advisor.questionnaire, advisor.catalog.forces)
    with pytest.raises(DataFileError) as info:
        read_resume(path, interview)
    assert re.match(r".*hostile/resume/" + re.escape(path.name) + r":\d+:\d+: ", str(info.value)), info.value


@pytest.fixture
def odd_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Inputs that are not regular files, or not readable as one: path and the expected message."""
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "gone.yaml")
    big = tmp_path / "big.yaml"
    big.write_text("answers:\n  system_name: '" + "x" * (1024 * 1024) + "'\n", encoding="utf-8")
    return {
        "fifo": (fifo, "is not a regular file"),
        "device": (Path("/dev/zero"), "is not a regular file"),
        "loop": (loop, "Too many levels of symbolic links"),
        "dangling": (dangling, "is a symbolic link to a file that does not exist"),
        "big": (big, "too large: more than 1024 KiB"),
    }


def test_files_that_would_be_read_forever_are_refused(
    runner: CliRunner, odd_files: dict[str, tuple[Path, str]]
) -> None:
    for path, message in odd_files.values():
        for args in _answer_commands(str(path)):
            result = runner.invoke(cli, args)
            assert result.exit_code == 2, (args, result.output)
            assert message in result.output, (args, result.output)
            assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_pack_folder_reports_files_it_cannot_read(runner: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "patterns").mkdir(parents=True)
    (pack / "patterns" / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = runner.invoke(cli, ["rules", "lint", str(pack)])
    assert result.exit_code == 2
    assert "gone.yaml: is a symbolic link to a file that does not exist" in result.stderr
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = runner.invoke(cli, ["recommend", EXAMPLE, "--rules", str(loop)])
    assert result.exit_code == 2
    assert "rule pack folder not found" in result.stderr


def test_a_batch_folder_reports_a_dangling_link_and_assesses_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "systems"
    folder.mkdir()
    (folder / "shop.yaml").write_text(Path(EXAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (folder / "bomb.yaml").write_text((HOSTILE / "answers" / "alias-bomb.yaml").read_text(), encoding="utf-8")
    result = runner.invoke(cli, ["recommend", str(folder), "--json"])
    assert result.exit_code == 2
    assert "gone.yaml: is a symbolic link to a file that does not exist" in result.stderr
    assert "bomb.yaml:2:" in result.stderr
    assert '"assessed": 1' in result.stdout
    assert "error: 2 of 3 answers files could not be assessed" in result.stderr


def test_many_unknown_keys_report_a_capped_number_of_problems(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    keys = "".join(f"  k{i}: 1\n" for i in range(40_000))
    path.write_text(f"questionnaire: default\nanswers:\n  system_name: Shop\n{keys}", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if "unknown question" in line]
    assert len(lines) == 100
    assert "... and 39,900 more problems in this file" in result.stdout
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("unknown question") == 100


def test_a_deep_set_value_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", EXAMPLE, "--set", "client_kinds=" + "[" * 1000 + "]" * 1000])
    assert result.exit_code == 2
    assert "nested more than 64 levels deep" in result.stderr


@pytest.mark.slow
def test_a_thousand_pattern_successor_chain_renders_without_recursion(
    runner: CliRunner, tmp_path: Path
) -> None:
    pack = str(write_chain_pack(tmp_path / "chain", 1000))
    for args in (
        ["recommend", EXAMPLE, "--all", "--rules", pack],
        ["recommend", EXAMPLE, "--json", "--rules", pack],
        ["report", EXAMPLE, "--format", "html", "--rules", pack],
        ["report", EXAMPLE, "--format", "md", "--rules", pack],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (args, result.output[-2000:])
        assert "chain-999" in result.stdout or "Chain 999" in result.stdout
    lint = runner.invoke(cli, ["rules", "lint", pack])
    assert lint.exception is None or isinstance(lint.exception, SystemExit)
