"""``advisor recommend``: output, exit codes and exact error messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.cli.app import cli
from conftest import EXAMPLES, ROOT

Write = Callable[[str, str], Path]
ENTERPRISE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"


def test_terminal_output_shows_groups_tree_and_reasons(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--all"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Architecture recommendation: Nordwind Retail Platform" in out
    for heading in ("Recommended patterns", "Successor graph", "Alternatives considered", "Open issues"):
        assert heading in out
    # the saga is explained as the successor that resolves an issue of database per service
    assert "successor of Database per service, resolving issue" in out
    # rule evidence: the rule id, its weight and the answers it matched
    assert "microservices-complex-domain +" in out
    assert "domain_complexity = complex" in out


def test_json_output_is_stable_and_complete(runner: CliRunner) -> None:
    first = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--json"])
    second = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--json"])
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["schema_version"] == 2
    assert {"recommended", "advised_against", "alternatives", "open_issues"} <= set(data)
    ids = [p["id"] for p in data["recommended"]]
    assert ids == sorted(ids)
    saga = next(p for p in data["recommended"] if p["id"] == "saga")
    assert saga["score"]["total"] == pytest.approx(saga["score"]["rules"] + saga["score"]["forces"])
    assert saga["reasons"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_runs(runner: CliRunner, example: Path) -> None:
    result = runner.invoke(cli, ["recommend", str(example), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recommended"]


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["recommend", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"error: {tmp_path / 'nope.yaml'}: file not found\n"
        "  hint: check the path, or list the folder to find the file\n"
    )


def test_malformed_yaml(runner: CliRunner, write: Write) -> None:
    path = write("bad.yaml", "answers:\n  system_name: Shop\n  team_count: [3\n")
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:4:1: not valid YAML: ")
    assert "Traceback" not in result.stderr


def test_unknown_question_id(runner: CliRunner, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  team_cuont: 3\n")
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}:3:3: unknown question 'team_cuont'\n  hint: did you mean 'team_count'?\n"
    )


def test_wrong_type(runner: CliRunner, write: Write) -> None:
    path = write("a.yaml", "answers:\n  system_name: Shop\n  team_count: several\n")
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:3:15: 'team_count' needs a whole number, got 'several'\n")


def test_folder_instead_of_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["recommend", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_broken_rule_pack(runner: CliRunner, write: Write, tmp_path: Path) -> None:
    write(
        "pack/applicability/extra.yaml",
        "rules:\n  - id: my-rule\n    pattern: sagaa\n    weight: 2\n"
        "    when: {answer: team_count, gte: 3}\n    reason: Typo in the pattern id.\n",
    )
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--rules", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'pack/applicability/extra.yaml'}:3:14: rule 'my-rule' refers to "
        "unknown pattern 'sagaa'\n  hint: did you mean 'saga'?\n"
    )


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("advisor.core.advisor.Advisor.advise", interrupted)
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE)])
    assert result.exit_code == 130
    assert result.stderr == "interrupted\n"


def test_main_is_the_console_script() -> None:
    assert callable(main)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_korean_output_at_80_columns_keeps_every_word(runner: CliRunner, example: Path) -> None:
    for view, heading in (([], "핵심 결정"), (["--all"], "추천 패턴")):
        result = runner.invoke(cli, ["recommend", str(example), "--lang", "ko", *view], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        assert heading in result.output
        assert "…" not in result.output  # long words fold onto the next line instead of being cut


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_default_view_fits_a_screen(runner: CliRunner, example: Path, lang: str) -> None:
    result = runner.invoke(cli, ["recommend", str(example), "--lang", lang], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) <= 60, f"{len(lines)} lines"
    assert max(len(line.rstrip()) for line in lines) <= 100
    words = {"en": ("Key decisions", "Risks", "Phase 1"), "ko": ("핵심 결정", "리스크", "1단계")}[lang]
    for word in words:
        assert word in result.output
    # The full view holds what the default view leaves out.
    full = runner.invoke(cli, ["recommend", str(example), "--lang", lang, "--all"], env={"COLUMNS": "100"})
    assert len(full.output.splitlines()) > len(lines)


def test_default_view_shows_key_decisions_risks_and_what_to_reconsider(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE)], env={"COLUMNS": "100"})
    out = result.output
    assert "Key decisions" in out and "Microservice architecture" in out and "Strangler application" in out
    assert "In place: to reconsider" in out
    assert "an alternative is recommended instead: Microservice architecture" in out
    assert "The whole application must be scaled for" in out  # a medium risk
    assert "Phase 1: Start the migration" in out
    # Practices and consequences are counted, not listed: --all shows them.
    assert "Distributed tracing" not in out
    assert "--all" in out


@pytest.mark.parametrize(("columns", "at_least"), [(80, 35), (120, 75)])
def test_the_reason_gets_the_width_of_the_recommended_table(
    runner: CliRunner, columns: int, at_least: int
) -> None:
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE), "--all"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    table = result.stdout.split("Recommended patterns", 1)[1]
    header = next(line for line in table.splitlines() if "Why" in line)
    cells = header.strip("┃").split("┃")
    assert [c.strip() for c in cells] == ["Pattern", "Score", "Why"]  # the group is a heading row
    assert len(cells[-1]) >= at_least
    assert len(cells[0]) <= 32
    assert "│ Architecture style" in table


def test_the_default_view_names_the_answers_it_assumed(runner: CliRunner, tmp_path: Path) -> None:
    # An answers file written before a question was added: the advice rests on its default.
    example = EXAMPLES[0].read_text(encoding="utf-8")
    short = tmp_path / "short.yaml"
    short.write_text(
        "\n".join(line for line in example.splitlines() if "cross_service_updates:" not in line),
        encoding="utf-8",
    )
    said = runner.invoke(cli, ["recommend", str(short)])
    assert said.exit_code == 0, said.output
    assert "defaults assumed (1): cross_service_updates" in " ".join(said.stdout.split())
    # Every bundled example answers every question it is asked: no such line.
    assert "defaults assumed" not in runner.invoke(cli, ["recommend", str(EXAMPLES[0])]).stdout


@pytest.mark.parametrize(
    ("lang", "startup", "enterprise"),
    [
        (
            "en",
            ["· 1 later phase: see", "8 patterns in all: 2 key decisions, 1 consequence, 5 practices."],
            ["In place: 1 pattern (0 kept, 1 to reconsider)"],
        ),
        (
            "ko",
            ["이후 단계 1개: --all", "전체 패턴 8개: 핵심 결정 2, 후속 결과 1, 실천 관행 5."],
            ["이미 적용됨: 패턴 1개 (유지 0개, 재검토 1개)"],
        ),
    ],
)
def test_counts_read_right_for_one_and_for_many(
    runner: CliRunner, lang: str, startup: list[str], enterprise: list[str]
) -> None:
    """One later phase, one consequence, one pattern in place: the English noun agrees with
    the number; Korean counts with 개 either way."""
    for example, expected in (
        ("startup-mvp.yaml", startup),
        ("enterprise-escaping-monolith.yaml", enterprise),
    ):
        result = runner.invoke(
            cli, ["recommend", str(ROOT / "examples" / example), "--lang", lang], env={"COLUMNS": "400"}
        )
        assert result.exit_code == 0, result.output
        for text in expected:
            assert text in result.stdout
