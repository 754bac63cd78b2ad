"""``advisor whatif``: the single changes that flip a recommendation, most decisive first."""

from __future__ import annotations

import json
import re
from typing import Any

from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import ROOT

ENTERPRISE = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")


def _whatif(runner: CliRunner, answers: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["whatif", answers, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _recommended(runner: CliRunner, answers: str, change: str) -> set[str]:
    result = runner.invoke(cli, ["recommend", answers, "--json", "--set", change])
    assert result.exit_code == 0, result.output
    return {p["id"] for p in json.loads(result.stdout)["recommended"]}


def test_flips_are_real_and_most_decisive_first(runner: CliRunner) -> None:
    data = _whatif(runner, ENTERPRISE)
    flips = data["flips"]
    assert flips
    sizes = [len(f["added"]) + len(f["removed"]) for f in flips]
    assert sizes == sorted(sizes, reverse=True)
    before = set(data["recommended"])
    for flip in flips[:3] + flips[-2:]:  # each --set reproduces exactly what the flip says
        after = _recommended(runner, ENTERPRISE, flip["change"]["set"])
        assert after == (before | set(flip["added"])) - set(flip["removed"]), flip


def test_the_relay_depends_on_change_data_capture(runner: CliRunner) -> None:
    flips = _whatif(runner, ENTERPRISE)["flips"]
    cdc = next(f for f in flips if f["change"]["set"] == "database_supports_cdc=false")
    assert cdc["change"] == {
        "kind": "answer",
        "key": "database_supports_cdc",
        "new": False,
        "old": True,
        "set": "database_supports_cdc=false",
    }
    assert "polling-publisher" in cdc["added"]
    assert "transaction-log-tailing" in cdc["removed"]


def test_text_report_groups_values_with_the_same_effect(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["whatif", ENTERPRISE])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(
        r"What would change the recommendation for Nordwind Retail Platform: "
        r"\d+ single changes tried, \d+ change it\.",
        lines[0],
    )
    assert lines[1].startswith("Recommended now: ")
    assert any(
        re.fullmatch(
            r"\d+\. database_supports_cdc yes → no or don't know   "
            r"\(try: --set database_supports_cdc=false\)",
            line,
        )
        for line in lines
    ), result.stdout
    assert "     adds:    " in result.stdout
    assert "     removes: " in result.stdout


def test_stable_answers_are_listed(runner: CliRunner) -> None:
    data = _whatif(runner, STARTUP)
    moved = {
        f["change"]["key"] if f["change"]["kind"] == "answer" else "force " + f["change"]["key"]
        for f in data["flips"]
    }
    assert not moved & set(data["stable"])
    assert data["tried"] > len(data["flips"])


def test_whatif_is_deterministic(runner: CliRunner) -> None:
    first = runner.invoke(cli, ["whatif", STARTUP])
    second = runner.invoke(cli, ["whatif", STARTUP])
    assert first.exit_code == 0
    assert first.stdout == second.stdout


def test_whatif_takes_set_before_measuring(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["whatif", STARTUP, "--json", "--set", "compliance_audit=regulated", "--set", "ops_maturity=high"],
    )
    assert result.exit_code == 0, result.output
    flips = json.loads(result.stdout)["flips"]
    audit = [f for f in flips if f["change"]["key"] == "compliance_audit"]
    assert audit and all(f["change"]["old"] == "regulated" for f in audit)
