"""User and pack text is data: never rich markup, never raw terminal control bytes.

The hostile fixtures put rich markup (``[/]``, ``[link=...]``, ``[legacy]``) and escape
sequences (OSC 0 window title, OSC 8 hyperlink, OSC 52 clipboard, screen clearing, a
right-to-left override) into a pack and a system name; every command shows them as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.base.jsonio import stable_json
from advisor.base.text import plain, visible, visible_line
from advisor.cli.app import cli
from conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
PACK = str(HOSTILE / "markup-pack")
ANSWERS = str(HOSTILE / "markup-answers.yaml")

#: Bytes that must never reach a terminal raw from data: ESC, BEL, CSI (C1), RLO.
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def test_visible_writes_out_control_characters_and_keeps_lines() -> None:
    assert visible("a\x1b]52;c;x\x07b") == "a\\x1b]52;c;x\\x07b"
    assert visible("one\n\ttwo\r") == "one\n\ttwo\\x0d"
    assert visible("\x7f\x85\x9b\u202e\u2066") == "\\x7f\\x85\\x9b\\u202e\\u2066"
    assert visible("[/api] 한국어 ✔") == "[/api] 한국어 ✔"
    assert visible_line("a\nb\tc") == "a\\nb\\tc"


def test_plain_is_never_markup() -> None:
    text = plain("Orders [/api] [bold]x[/bold] [link=https://example.invalid]y[/link]")
    assert text.plain == "Orders [/api] [bold]x[/bold] [link=https://example.invalid]y[/link]"
    assert text.spans == []


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", ANSWERS, "--rules", PACK],
        ["recommend", ANSWERS, "--all", "--rules", PACK],
        ["patterns", "list", "--rules", PACK],
        ["patterns", "show", "bracket-pattern", "--rules", PACK],
        ["explain", ANSWERS, "bracket-pattern", "--rules", PACK],
        ["whatif", ANSWERS, "--rules", PACK],
        ["diff", ANSWERS, ANSWERS, "--rules", PACK],
        ["report", ANSWERS, "--format", "md", "--rules", PACK],
        ["validate", ANSWERS, "--rules", PACK],
        ["rules", "lint", PACK],
    ],
    ids=lambda args: " ".join(a for a in args[:3] if "/" not in a),
)
def test_markup_and_escape_sequences_in_data_are_shown_as_text(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, args, terminal_width=200)
    assert result.exit_code == 0, result.output
    assert result.exception is None
    for raw in RAW:
        assert raw not in result.output, (raw, result.output)
    if args[0] in {"recommend", "explain", "report"}:
        assert "Orders [/api] platform \\x1b]52;c;aGk=\\x07" in result.output.replace("\\[", "[").replace(
            "\\]", "]"
        )
    if args[:2] == ["patterns", "show"]:
        assert "Replaces the [legacy] ERP" in result.output
        assert "[link=https://example.invalid]click[/link] [bold]not bold[/bold]" in result.output
        assert "\\x1b]0;pwned\\x07" in result.output


def test_an_error_message_shows_control_characters_written_out(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", ANSWERS, "--set", "team\x1b]0;x\x07_count=3"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "unknown question 'team\\x1b]0;x\\x07_count'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["recommend", "--json"], ["report", "--format", "json"], ["whatif", "--json"]],
    ids=" ".join,
)
def test_json_escapes_del_c1_and_reordering_characters(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    name = "Orders\x7f \x85 \x9b2J \u202eevil\u202c \u2028 한국"
    answers = tmp_path / "a.yaml"
    answers.write_text(
        'questionnaire: default\nanswers:\n  system_name: "Orders\\x7f \\x85 \\x9b2J \\u202eevil\\u202c'
        ' \\u2028 한국"\n  team_count: 3\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, [args[0], str(answers), *args[1:]])
    assert result.exit_code == 0, result.output
    for raw in ("\x7f", "\x85", "\x9b", "\u202e", "\u2028"):
        assert raw not in result.stdout
    assert "Orders\\u007f \\u0085 \\u009b2J \\u202eevil\\u202c \\u2028 한국" in result.stdout
    document = json.loads(result.stdout)
    assert name in json.dumps(document, ensure_ascii=False)


def test_json_of_clean_text_is_what_json_writes() -> None:
    data = {"b": ["한국어 ✔", 1, None], "a": {"x": "tab\there"}}
    assert stable_json(data) == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
