"""User and pack text is data: never rich markup, never raw terminal control bytes.

The hostile fixtures put rich markup (``[/]``, ``[link=...]``, ``[legacy]``) and escape
sequences (OSC 0 window title, OSC 8 hyperlink, OSC 52 clipboard, screen clearing, a
right-to-left override) into a pack and a system name; every command shows them as text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.base.jsonio import stable_json
from advisor.base.resources import bundled_rules_dir
from advisor.base.text import plain, visible, visible_line
from advisor.cli.app import cli
from conftest import FIXTURES, ROOT

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
        # Markdown escapes the brackets and the backslash of the written-out escape
        unescaped = result.output.replace("\\[", "[").replace("\\]", "]").replace("\\\\", "\\")
        assert "Orders [/api] platform \\x1b]52;c;aGk=\\x07" in unescaped
    if args[:2] == ["patterns", "show"]:
        assert "Replaces the [legacy] ERP" in result.output
        assert "[link=https://example.invalid]click[/link] [bold]not bold[/bold]" in result.output
        assert "\\x1b]0;pwned\\x07" in result.output


def test_an_error_message_shows_control_characters_written_out(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", ANSWERS, "--set", "team\x1b]0;x\x07_count=3"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "unknown question 'team\\x1b]0;x\\x07_count'" in result.stderr


#: DEL and C1 controls (NEL, CSI), a right-to-left override, a line separator, and Korean.
HOSTILE_NAME = "Orders\x7f \x85 \x9b2J \u202eevil\u202c \u2028 한국"
HOSTILE_NOTE = "Ships\x9b31m boxes\x85 weekly\x7f; 주문"


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in (key, *_strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "{a}", "--json"],
        ["recommend", "{folder}", "--json"],
        ["report", "{a}", "--format", "json"],
        ["report", "{a}", "--format", "json", "--output", "{out}"],
        ["whatif", "{a}", "--json"],
        ["explain", "{a}", "saga", "--json"],
        ["diff", "{b}", "{a}", "--json"],
    ],
    ids=lambda args: " ".join(a for a in args if "{" not in a),
)
def test_json_escapes_del_c1_and_reordering_characters(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    """A system name and a free-text answer with DEL, C1 and reordering characters: every
    JSON document (stdout or file) holds them as \\u escapes, and reads back unchanged."""
    folder = tmp_path / "systems"
    folder.mkdir()
    answers = folder / "a.yaml"
    answers.write_text(
        "questionnaire: default\nanswers:\n"
        '  system_name: "Orders\\x7f \\x85 \\x9b2J \\u202eevil\\u202c \\u2028 한국"\n'
        '  system_description: "Ships\\x9b31m boxes\\x85 weekly\\x7f; 주문"\n'
        "  team_count: 3\n",
        encoding="utf-8",
    )
    before = tmp_path / "b.yaml"
    before.write_text("questionnaire: default\nanswers:\n  system_name: Orders\n  team_count: 3\n")
    out = tmp_path / "report.json"
    paths = {"{a}": str(answers), "{b}": str(before), "{folder}": str(folder), "{out}": str(out)}
    result = runner.invoke(cli, [paths.get(arg, arg) for arg in args])
    assert result.exit_code == 0, result.output
    written = out.read_bytes() if "--output" in args else result.stdout_bytes
    text = written.decode("utf-8")
    for raw in ("\x7f", "\x85", "\x9b", "\u202e", "\u2028"):
        assert raw not in text
    assert "Orders\\u007f \\u0085 \\u009b2J \\u202eevil\\u202c \\u2028 한국" in text  # Korean as is
    strings = _strings(json.loads(written))
    assert any(HOSTILE_NAME in s for s in strings)  # explain names the system inside a sentence
    if args[0] not in {"whatif", "explain"}:  # the documents that carry the answers
        assert HOSTILE_NOTE in strings


def test_json_of_clean_text_is_what_json_writes() -> None:
    data = {"b": ["한국어 ✔", 1, None], "a": {"x": "tab\there"}}
    assert stable_json(data) == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


#: Pack and answer text that would colour the terminal red, ring its bell and start a
#: control sequence (C1 CSI), then DEL and NEL.
POISON = "\x1b[31mRED\x07\x9b\x7f\x85"


def _poisoned(data: object) -> object:
    """``data`` with every English and Korean text ending in :data:`POISON`."""
    if isinstance(data, dict):
        return {
            key: value + POISON if key in ("en", "ko") and isinstance(value, str) else _poisoned(value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_poisoned(value) for value in data]
    return data


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled catalog with every text poisoned, as a pack, and answers with a poisoned name."""
    root = tmp_path_factory.mktemp("poisoned")
    for source in bundled_rules_dir().rglob("*.yaml"):
        target = root / "pack" / source.relative_to(bundled_rules_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        target.write_text(yaml.safe_dump(_poisoned(data), allow_unicode=True), encoding="utf-8")
    answers = yaml.safe_load((ROOT / "examples" / "enterprise-escaping-monolith.yaml").read_text("utf-8"))
    answers["answers"]["system_name"] = "Orders" + POISON
    answers["answers"]["system_description"] = "Split" + POISON
    (root / "answers.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    return root / "pack", root / "answers.yaml"


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "{answers}"],
        ["recommend", "{answers}", "--all"],
        ["explain", "{answers}", "saga"],
        ["whatif", "{answers}"],
        ["diff", str(ROOT / "examples" / "startup-mvp.yaml"), "{answers}"],
        ["patterns", "show", "saga"],
        ["patterns", "graph"],
        ["patterns", "graph", "--format", "dot"],
        ["report", "{answers}", "--format", "md"],
        ["report", "{answers}", "--format", "html"],
        ["report", "{answers}", "--format", "adr", "--output", "{folder}"],
    ],
    ids=lambda args: " ".join(a for a in args if "{" not in a and "/" not in a),
)
def test_control_characters_in_any_pack_text_or_answer_never_reach_the_output(
    runner: CliRunner, poisoned: tuple[Path, Path], tmp_path: Path, args: list[str], lang: str
) -> None:
    """Every text of the catalog (names, summaries, resulting context, reasons, risks, groups,
    forces) and the system name carry escape sequences: every view, every report format and
    every diagram shows them written out (``\\x1b[31m``), on a terminal or in a file."""
    pack, answers = poisoned
    folder = tmp_path / "adr"
    filled = [{"{answers}": str(answers), "{folder}": str(folder)}.get(a, a) for a in args]
    # color=True: output is not stripped of escape sequences as it would be off a terminal
    result = runner.invoke(
        cli, [*filled, "--rules", str(pack), "--lang", lang], color=True, terminal_width=160
    )
    assert result.exit_code == 0, result.output
    outputs = {"stdout": result.stdout, "stderr": result.stderr}
    outputs |= {path.name: path.read_text("utf-8") for path in sorted(folder.glob("*"))}
    for name, text in outputs.items():
        for raw in ("\x1b[31mRED", "\x07", "\x9b", "\x7f", "\x85"):
            assert raw not in text, (name, raw)
    shown = "".join(outputs.values()).replace("\\\\", "\\")  # DOT doubles the backslash
    assert "\\x1b[31mRED\\x07\\x9b\\x7f\\x85" in shown.replace("\\[", "[")  # Markdown escapes the bracket


def test_paths_the_user_named_are_shown_with_control_characters_written_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    """What a command says it wrote names the file or folder as given, escapes written out."""
    example = str(ROOT / "examples" / "startup-mvp.yaml")
    for fmt, name in (("md", "report\x1b]0;title\x07.md"), ("adr", "records\x1b[31m\x9b")):
        result = runner.invoke(
            cli, ["report", example, "--format", fmt, "-o", str(tmp_path / name)], color=True
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists()
        for raw in ("\x1b", "\x07", "\x9b"):
            assert raw not in result.stderr
        assert visible(str(tmp_path / name)) in result.stderr
