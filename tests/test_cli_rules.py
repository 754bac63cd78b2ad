"""``advisor rules lint``: every kind of finding, located at file:line:col, and the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from conftest import FIXTURES, ROOT

BROKEN = FIXTURES / "broken" / "packs"
MANY = "tests/fixtures/broken/packs/many-mistakes"
CITE_HINT = (
    "  hint: add sources: [microservices.io:<page>] or [book:<section>], or an advisor: "
    "source with a note saying why the advisor adds the relation"
)


# messages name files relative to the working folder
pytestmark = pytest.mark.usefixtures("in_root")


def test_bundled_catalog_lints_clean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "lint"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: no findings in the bundled catalog\n"


def test_worked_example_pack_lints_clean(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "lint", "tests/fixtures/packs/acme"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: no findings in tests/fixtures/packs/acme\n"


def test_every_kind_of_finding_is_reported_with_its_location(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "lint", MANY])
    assert result.exit_code == 2
    assert result.stderr == f"error: 11 findings in {MANY}\n"
    assert result.stdout.splitlines() == [
        # rules that can never fire: an unknown question, a choice that is not offered
        f"{MANY}/applicability/rules.yaml:5:11: rule 'loop-a-big-teams' can never fire: "
        "tests unknown question 'team_cuont' (did you mean 'team_count'?)",
        "  hint: fix the test, or add the question to the pack's questions.yaml",
        f"{MANY}/applicability/rules.yaml:10:11: rule 'loop-b-mainframe' can never fire: "
        "question 'deployment_platform' offers no choice 'mainframe' "
        "(offered: bare-metal-or-vms, kubernetes, managed-paas, serverless-faas, undecided)",
        "  hint: test the answer with a value and operator the question allows",
        # dangling references
        f"{MANY}/applicability/rules.yaml:13:14: rule 'ghost-rule' refers to unknown pattern 'ghost-pattern'",
        "  hint: did you mean 'orphan-pattern'?",
        # an issue nobody resolves, and one nobody raises
        f"{MANY}/issues/trouble.yaml:2:5: issue 'loop-trouble' is neither resolved by a pattern nor accepted",
        "  hint: add resolved_by: [pattern ids] or accepted: <why it is lived with>",
        f"{MANY}/issues/trouble.yaml:5:5: issue 'stray-issue' is raised by no pattern",
        "  hint: list it under resulting_context.issues of the pattern that causes it",
        # relations that cite no source, a dangling one, and one written on both sides
        f"{MANY}/patterns/loop-a.yaml:11:12: 'loop-a' raises 'loop-link', which makes loop-b its "
        "successor, without citing where the pattern language states it",
        CITE_HINT,
        f"{MANY}/patterns/loop-a.yaml:13:17: 'loop-a' lists 'monolithic-architecture' as alternative "
        "without citing where the pattern language states it",
        CITE_HINT,
        f"{MANY}/patterns/loop-a.yaml:13:42: 'loop-a' lists 'loop-b' as alternative "
        "without citing where the pattern language states it",
        CITE_HINT,
        f"{MANY}/patterns/loop-a.yaml:15:7: pattern 'loop-a' refers to unknown pattern 'no-such-pattern'",
        "  hint: did you mean 'orphan-pattern'?",
        f"{MANY}/patterns/loop-b.yaml:13:7: 'loop-b' and 'loop-a' are related as alternative "
        "in both pattern files",
        "  hint: write the relation once (it is already in 'loop-a'); the other side is derived",
        # a pattern no rule can recommend
        f"{MANY}/patterns/orphan-pattern.yaml:1:1: pattern 'orphan-pattern' can never be recommended: "
        "no rule recommends it and no issue lists it in resolved_by",
        "  hint: add an applicability rule for it, or list it under resolved_by of the issue it resolves",
    ]


def test_engine_limit_overflow_is_refused_before_the_engine_sees_it(runner: CliRunner) -> None:
    pack = "tests/fixtures/broken/packs/too-many-tests"
    result = runner.invoke(cli, ["rules", "lint", pack])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    # located in the pack, not in the bundled catalog that lints clean on its own
    assert lines[0].startswith(
        f"{pack}/applicability/thresholds.yaml:3:59: 64 distinct tests on 'team_count' "
    )
    assert lines[0].endswith("could all match one fact; the engine allows at most 60")
    assert lines[1] == "  hint: split the tests over fewer distinct values or fewer rules"
    assert result.stderr == f"error: 1 finding in {pack}\n"


def test_a_pack_that_cannot_be_read_is_one_error(runner: CliRunner, tmp_path: Path) -> None:
    pattern = tmp_path / "pack" / "patterns" / "saga.yaml"
    pattern.parent.mkdir(parents=True)
    pattern.write_text("id: saga\nname: Saga\ncolour: blue\n", encoding="utf-8")
    result = runner.invoke(cli, ["rules", "lint", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {pattern}:")
    assert "colour" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_pack_folder(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "lint", "no-such-pack"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no-such-pack: rule pack folder not found\n"
        "  hint: pass a folder holding patterns/, issues/, applicability/, risks/ or forces.yaml\n"
    )


def test_later_pack_overrides_earlier_one(runner: CliRunner, tmp_path: Path) -> None:
    # a second pack that replaces the acme rule with one testing a choice acme's question lacks
    rules = tmp_path / "team" / "applicability" / "team.yaml"
    rules.parent.mkdir(parents=True)
    rules.write_text(
        "rules:\n"
        "  - id: regional-partitioning-several-regions\n"
        "    pattern: regional-data-partitioning\n"
        "    weight: 3\n"
        "    when: {answer: customer_regions, equals: many}\n"
        "    reason: Replaced by the team pack.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["rules", "lint", "tests/fixtures/packs/acme", str(tmp_path / "team")])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"{rules}:5:11: rule 'regional-partitioning-several-regions' can never fire: "
        "question 'customer_regions' offers no choice 'many' (offered: one, several)"
    )


def test_worked_example_in_the_docs_is_what_the_advisor_says(runner: CliRunner, tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    answers = doc.split("An answers file for it:\n\n```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "acme-orders.yaml"
    path.write_text(answers, encoding="utf-8")
    pack = "tests/fixtures/packs/acme"
    result = runner.invoke(cli, ["explain", str(path), "regional-data-partitioning", "--rules", pack])
    assert result.exit_code == 0, result.output
    assert result.stdout in doc
    assert (
        runner.invoke(cli, ["validate", str(path), "--rules", pack]).stdout == "ok: 1 answers file is valid\n"
    )
    without = runner.invoke(cli, ["validate", str(path)])
    assert without.exit_code == 2
    assert f"{path}:5:3: unknown question 'customer_regions'" in without.stdout
    assert f"{path}:7:3: unknown force 'data-residency'" in without.stdout
