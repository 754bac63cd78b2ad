"""``advisor recommend`` over many files: a portfolio, one broken file, progress on a terminal."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from conftest import EXAMPLES

#: The examples the portfolio tests count on (a fourth starts from running microservices).
PORTFOLIO = ("enterprise-escaping-monolith", "regulated-fintech", "startup-mvp")
BROKEN = "answers:\n  system_name: Broken\n  team_cuont: 3\n"


@pytest.fixture
def portfolio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the three examples and one broken answers file; the working folder is tmp_path."""
    folder = tmp_path / "systems"
    folder.mkdir()
    for example in EXAMPLES:
        if example.stem in PORTFOLIO:
            shutil.copy(example, folder / example.name)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.txt").write_text("not an answers file\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def test_folder_with_one_broken_file_as_json(runner: CliRunner, portfolio: Path) -> None:
    result = runner.invoke(cli, ["recommend", "systems", "--json"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: systems/broken.yaml:3:3: unknown question 'team_cuont'\n"
        "  hint: did you mean 'team_count'?\n"
        "error: 1 of 4 answers files could not be assessed\n"
    )
    data = json.loads(result.stdout)
    assert data["schema_version"] == 2
    sources = [s["source"] for s in data["systems"]]
    assert sources == [
        "systems/broken.yaml",
        "systems/enterprise-escaping-monolith.yaml",
        "systems/regulated-fintech.yaml",
        "systems/startup-mvp.yaml",
    ]
    assert data["systems"][0] == {
        "source": "systems/broken.yaml",
        "error": "systems/broken.yaml:3:3: unknown question 'team_cuont'\n  hint: did you mean 'team_count'?",
    }
    # each system's recommendation is what `recommend --json` prints for that file alone
    # (which, as a document of its own, also names its kind and schema)
    for system in data["systems"][1:]:
        alone = json.loads(runner.invoke(cli, ["recommend", system["source"], "--json"]).stdout)
        assert (alone.pop("kind"), alone.pop("$schema")) == (
            "recommendation",
            "urn:advisor:schema:recommendation",
        )
        assert system["recommendation"] == alone
    summary = data["portfolio"]
    assert (summary["systems"], summary["assessed"], summary["failed"]) == (4, 3, 1)
    uses = {p["id"]: p for p in summary["patterns"]}
    assert uses["microservice-architecture"]["count"] == 2
    assert uses["monolithic-architecture"]["count"] == 1
    # the summary keeps counts only; each system's own document says what it needs
    assert set(uses["microservice-architecture"]) == {"id", "name", "count"}
    counts = [p["count"] for p in summary["patterns"]]
    assert counts == sorted(counts, reverse=True)  # most needed first
    issues = {r["id"]: r for r in summary["open_issues"]}
    assert issues["saga-lack-of-isolation"]["count"] == 2
    # the risks are the risk rules that hold (with their severity), not the open issues
    risks = summary["risks"]
    for system in data["systems"][1:]:
        for risk in system["recommendation"]["risks"]:
            assert {"id": risk["id"], "severity": risk["severity"], "count": 1} in risks
    order = ["high", "medium", "low"]
    assert [order.index(r["severity"]) for r in risks] == sorted(order.index(r["severity"]) for r in risks)


def test_portfolio_lists_the_risks_that_recur_across_systems(
    runner: CliRunner, portfolio: Path, advisor: Advisor
) -> None:
    (portfolio / "broken.yaml").unlink()
    shutil.copy(portfolio / "enterprise-escaping-monolith.yaml", portfolio / "second-retailer.yaml")
    freight = next(e for e in EXAMPLES if e.stem == "freight-microservices-review")
    shutil.copy(freight, portfolio / freight.name)  # its teams share one schema: a high risk
    data = json.loads(runner.invoke(cli, ["recommend", "systems", "--json"]).stdout)
    risks = {r["id"]: r for r in data["portfolio"]["risks"]}
    assert risks["coarse-scaling-under-uneven-load"] == {
        "id": "coarse-scaling-under-uneven-load",
        "severity": "medium",
        "count": 2,
    }
    assert risks["shared-schema-across-teams"]["severity"] == "high"
    assert next(iter(risks)) == "shared-schema-across-teams"  # the high one before the medium ones
    out = runner.invoke(cli, ["recommend", "systems"], env={"COLUMNS": "200"}).stdout
    title = advisor.catalog.risks["coarse-scaling-under-uneven-load"].title.en
    assert "\nRisks across the systems (systems, severity):\n" in out
    assert f"    2  medium  coarse-scaling-under-uneven-load: {title}\n" in out
    assert "Common open risks" not in out
    korean = runner.invoke(cli, ["recommend", "systems", "--lang", "ko"], env={"COLUMNS": "200"}).stdout
    assert "시스템 전반의 리스크 (시스템 수, 심각도):" in korean


def test_batch_json_is_deterministic(runner: CliRunner, portfolio: Path) -> None:
    first = runner.invoke(cli, ["recommend", "systems", "--json"])
    second = runner.invoke(cli, ["recommend", "systems/startup-mvp.yaml", "systems", "--json"])
    assert first.stdout == second.stdout  # inputs named twice count once, in sorted order


def test_terminal_batch_prints_each_system_and_the_portfolio(runner: CliRunner, portfolio: Path) -> None:
    (portfolio / "broken.yaml").unlink()
    result = runner.invoke(cli, ["recommend", "systems"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    for name in ("Nordwind Retail Platform", "Pantry Pal", "Kestrel Pay"):
        assert f"Architecture recommendation: {name}" in out
    assert "Portfolio: 3 of 3 systems assessed\n" in out
    assert "\nPatterns needed (systems):\n" in out
    assert "    2  microservice-architecture\n" in out
    assert "    1  monolithic-architecture\n" in out


def test_empty_folder_and_missing_file_are_reported_and_the_rest_processed(
    runner: CliRunner, portfolio: Path
) -> None:
    Path("empty").mkdir()
    result = runner.invoke(cli, ["recommend", "empty", "missing.yaml", "systems/startup-mvp.yaml", "--json"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: empty: no answers files (*.yaml) in this folder\n"
        "error: missing.yaml: file not found\n"
        "  hint: check the path, or list the folder to find the file\n"
        "error: 2 of 3 answers files could not be assessed\n"
    )
    data = json.loads(result.stdout)
    assert [("recommendation" in s) for s in data["systems"]] == [False, False, True]


def test_set_applies_to_every_file_and_a_bad_one_fails_once(runner: CliRunner, portfolio: Path) -> None:
    (portfolio / "broken.yaml").unlink()
    result = runner.invoke(cli, ["recommend", "systems", "--json", "--set", "team_count=40"])
    assert result.exit_code == 0, result.output
    systems = json.loads(result.stdout)["systems"]
    for system in systems:
        answers = {a["question"]: a["value"] for a in system["recommendation"]["answers"]}
        assert answers["team_count"] == 40
    bad = runner.invoke(cli, ["recommend", "systems", "--set", "team_cuont=4"])
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert bad.stderr == (
        "error: --set team_cuont=4: unknown question 'team_cuont'\n  hint: did you mean 'team_count'?\n"
    )


def test_progress_bar_on_a_terminal_only(portfolio: Path, runner: CliRunner) -> None:
    quiet = runner.invoke(cli, ["recommend", "systems", "--json"])
    assert "assessing" not in quiet.stderr
    command = f"{sys.executable} -m advisor recommend systems --json > out.json"
    child = pexpect.spawn(
        "/bin/sh", ["-c", command], cwd=str(portfolio.parent), encoding="utf-8", timeout=120
    )
    child.expect("assessing")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "error: 1 of 4 answers files could not be assessed" in (child.before or "")
    assert json.loads((portfolio.parent / "out.json").read_text(encoding="utf-8"))["portfolio"]["failed"] == 1
