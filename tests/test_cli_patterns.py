"""``advisor patterns``: browsing the catalog."""

from __future__ import annotations

from click.testing import CliRunner

from advisor.catalog.loader import load_catalog
from advisor.cli.app import cli


def test_list_shows_every_pattern(runner: CliRunner) -> None:
    catalog = load_catalog()
    result = runner.invoke(cli, ["patterns", "list"], terminal_width=250)
    assert result.exit_code == 0, result.output
    assert f"{len(catalog.patterns)} patterns" in result.output
    for pattern_id in catalog.patterns:
        assert pattern_id in result.output


def test_list_filters_by_group_and_layer(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "list", "--group", "data-consistency"], terminal_width=250)
    assert result.exit_code == 0
    assert "saga" in result.output
    assert "api-gateway" not in result.output
    result = runner.invoke(cli, ["patterns", "list", "--layer", "infrastructure"], terminal_width=250)
    assert "api-gateway" in result.output
    assert "saga" not in result.output


def test_list_in_korean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "list", "--lang", "ko"], terminal_width=250)
    assert result.exit_code == 0
    assert "사가 패턴" in result.output


def test_unknown_group_suggests_the_closest(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "list", "--group", "deploymnet"])
    assert result.exit_code == 2
    assert result.stderr == "error: unknown group 'deploymnet'\n  hint: did you mean 'deployment'?\n"


def test_show_reads_like_a_pattern_page(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "saga"], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.output
    for heading in (
        "Problem:",
        "Context:",
        "Solution:",
        "Forces",
        "Resulting context",
        "Benefits",
        "Drawbacks",
        "Issues",
        "Related patterns",
        "Predecessors",
        "Successors",
    ):
        assert heading in out
    assert "Database per service" in out
    assert "Transactional outbox" in out


def test_show_in_korean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "circuit-breaker", "--lang", "ko"], terminal_width=200)
    assert result.exit_code == 0
    assert "회로차단기 패턴" in result.output
    assert "결과 맥락" in result.output


def test_show_unknown_pattern(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "sagas"])
    assert result.exit_code == 2
    assert result.stderr == "error: unknown pattern 'sagas'\n  hint: did you mean 'saga'?\n"
