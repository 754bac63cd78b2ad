"""``advisor patterns``: browsing the catalog."""

from __future__ import annotations

from click.testing import CliRunner

from advisor.catalog.loader import load_catalog
from advisor.cli.app import cli


def test_list_shows_every_pattern_with_unbroken_ids_at_80_columns(runner: CliRunner) -> None:
    catalog = load_catalog()
    result = runner.invoke(cli, ["patterns", "list"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert f"{len(catalog.patterns)} patterns" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
    cells = {cell.strip() for line in result.output.splitlines() for cell in line.split("│")}
    for pattern_id in catalog.patterns:
        assert pattern_id in cells, f"{pattern_id} is not shown whole"
    for group in catalog.groups.values():
        if any(p.group == group.id for p in catalog.patterns.values()):
            assert group.name.en in result.output


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
    result = runner.invoke(cli, ["patterns", "show", "saga"], env={"COLUMNS": "200"})
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
    assert "Database per service  database-per-service" in out
    assert "resolved by Transactional outbox  transactional-outbox" in out
    assert "resolved by Event sourcing  event-sourcing" in out
    assert "Sagas lack isolation  saga-lack-of-isolation" in out
    assert "accepted: Design countermeasures into each saga" in out
    # each relation says which issue it resolves and where the language states it
    assert "via Services must exchange asynchronous messages" in out
    assert "source microservices.io:communication-style/messaging" in out
    assert out.index("Problem:") < out.index("Forces") < out.index("Resulting context") < out.index("Related")


def test_show_lists_the_applicability_rules_with_their_conditions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "server-side-discovery"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Applicability rules" in result.output
    assert "deployment_platform in [kubernetes, managed-paas, serverless-faas]" in result.output
    assert "server-side-discovery-platform" in result.output


def test_show_in_korean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "circuit-breaker", "--lang", "ko"], terminal_width=200)
    assert result.exit_code == 0
    assert "회로차단기 패턴" in result.output
    for heading in ("문제:", "맥락:", "해법:", "포스", "결과 맥락", "연관 패턴", "선행자", "도움"):
        assert heading in result.output


def test_show_unknown_pattern(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "show", "sagas"])
    assert result.exit_code == 2
    assert result.stderr == "error: unknown pattern 'sagas'\n  hint: did you mean 'saga'?\n"


def test_graph_prints_mermaid_by_default(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "graph", "--group", "transactional-messaging"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "flowchart LR"
    assert "  p_transactional_outbox --> p_polling_publisher" in lines
    assert "  p_polling_publisher -.- p_transaction_log_tailing" in lines
    assert result.stderr == ""


def test_graph_in_dot_and_korean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "graph", "--format", "dot", "--lang", "ko"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("digraph patterns {\n")
    assert result.stdout.endswith("}\n")
    assert '    "saga" [label="사가 패턴"];' in result.stdout
    assert '  "database-per-service" -> "saga";' in result.stdout


def test_graph_refuses_an_unknown_group_or_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["patterns", "graph", "--group", "deploy"])
    assert result.exit_code == 2
    assert result.stderr == "error: unknown group 'deploy'\n  hint: did you mean 'deployment'?\n"
    result = runner.invoke(cli, ["patterns", "graph", "--format", "svg"])
    assert result.exit_code == 2
    assert "'svg' is not one of 'mermaid', 'dot'" in result.stderr
