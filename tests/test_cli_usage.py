"""Mistakes on the command line: click's usage errors, said by the advisor in ``--lang``.

The English is click's own wording; Korean comes from the same phrasebook
(tests/test_korean_output.py scans it for English). What the user typed is shown with its
control characters written out.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "startup-mvp.yaml")


@pytest.mark.parametrize(
    ("args", "command", "message"),
    [
        (
            ["recommend", EXAMPLE, "--jsn"],
            "recommend [OPTIONS] ANSWERS...",
            "No such option '--jsn'. (Did you mean one of: '--json', '--set'?)",
        ),
        (["explain", EXAMPLE], "explain [OPTIONS] ANSWERS PATTERN", "Missing argument 'PATTERN'."),
        (
            ["report", EXAMPLE, "--format", "pdf"],
            "report [OPTIONS] ANSWERS",
            "Invalid value for '--format': 'pdf' is not one of 'md', 'html', 'json', 'adr'.",
        ),
        (["whatif", EXAMPLE, "x"], "whatif [OPTIONS] ANSWERS", "Got unexpected extra argument (x)"),
        (["whatif", EXAMPLE, "x", "y"], "whatif [OPTIONS] ANSWERS", "Got unexpected extra arguments (x y)"),
    ],
)
def test_english_usage_errors_keep_clicks_words(
    runner: CliRunner, args: list[str], command: str, message: str
) -> None:
    result = runner.invoke(cli, args, prog_name="advisor")
    assert result.exit_code == 2
    name = command.split(" ", maxsplit=1)[0]
    assert result.stderr == (
        f"Usage: advisor {command}\nTry 'advisor {name} --help' for help.\n\nError: {message}\n"
    )


@pytest.mark.parametrize("where", [["recommend", EXAMPLE], []], ids=["after the command", "before it"])
def test_korean_is_read_from_the_command_line_when_click_stops_before_lang(
    runner: CliRunner, where: list[str]
) -> None:
    result = runner.invoke(cli, [*where, "--bad\x1b]0;x\x07", "--lang", "ko"], prog_name="advisor")
    assert result.exit_code == 2
    assert result.stderr.endswith("\n\n오류: '--bad\\x1b]0;x\\x07' 옵션은 없습니다.\n")
    assert "\x1b" not in result.stderr
