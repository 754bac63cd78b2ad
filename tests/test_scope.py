"""The scope of the advice: whole architecture, or chosen concerns plus what they need."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from advisor.analysis.explain import explain
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.core.scope import in_scope
from advisor.errors import AnswersError
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report

ROOT = Path(__file__).resolve().parents[1]
ENTERPRISE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DEPLOYMENT = ["--set", "advice_scope=chosen-concerns", "--set", "scope_concerns=[deployment]"]


def _data(path: Path, **answers: Any) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["answers"] = {**data["answers"], **answers}
    return dict(data)


def _scoped(advisor: Advisor, path: Path, concerns: list[str]) -> Recommendation:
    data = _data(path, advice_scope="chosen-concerns", scope_concerns=concerns)
    return advisor.advise(advisor.check_answers(data))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_whole_architecture_scope_leaves_the_advice_unchanged(advisor: Advisor, path: Path) -> None:
    plain = advisor.advise(advisor.check_answers(_data(path)))
    whole = advisor.advise(advisor.check_answers(_data(path, advice_scope="whole-architecture")))
    assert whole.scope == () and whole.not_assessed == ()
    assert all(p.needed_by == () for p in whole.recommended)
    # the same advice; only the answer itself is recorded as given rather than defaulted
    assert whole.model_copy(update={"answers": plain.answers}) == plain


def test_deployment_scope_gives_deployment_patterns_and_what_they_need(advisor: Advisor) -> None:
    whole = advisor.advise(advisor.read_answers(ENTERPRISE))
    scoped = _scoped(advisor, ENTERPRISE, ["deployment"])
    assert scoped.scope == ("deployment",)
    deployment = {p.id for p in whole.recommended if p.group == "deployment"}
    assert deployment  # the example does get deployment advice
    inside = {p.id for p in scoped.recommended if not p.needed_by}
    assert inside == deployment
    assert all(advisor.catalog.patterns[p].group == "deployment" for p in inside)
    # outside the scope: only what an in-scope pattern needs, and which ones need it
    needed = {p.id: p.needed_by for p in scoped.recommended if p.needed_by}
    assert "microservice-architecture" in needed
    assert set(needed["microservice-architecture"]) <= {p.id for p in scoped.recommended}
    for pattern in scoped.recommended:
        if pattern.parent is not None:
            assert pattern.parent in scoped.recommended_ids  # the successor tree stays whole
    # everything else the whole advice gives is named as not assessed, never silently gone
    left = {n.id: n.status for n in scoped.not_assessed}
    whole_ids = set(whole.recommended_ids) | {r.id for r in whole.reconsider}
    assert set(left) == whole_ids - set(scoped.recommended_ids)
    assert left["saga"] == "add"
    assert left["monolithic-architecture"] == "reconsider"  # in place, outside the scope
    assert scoped.reconsider == ()
    # risks still apply, and the plan covers what is recommended
    assert scoped.risks == whole.risks
    planned = {p for phase in scoped.plan for p in phase.patterns}
    assert planned == set(scoped.recommended_ids)
    assert all(in_scope(advisor.catalog, a.id, ["deployment"]) for a in scoped.advised_against)


def test_a_group_brings_its_sub_groups(advisor: Advisor) -> None:
    scoped = _scoped(advisor, ENTERPRISE, ["communication"])
    groups = {p.group for p in scoped.recommended if not p.needed_by}
    sub = {g for g, group in advisor.catalog.groups.items() if group.parent == "communication"}
    assert groups & sub  # discovery, external API, ... come with communication
    assert groups <= sub | {"communication"}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"advice_scope": "chosen-concerns"}, "required question 'scope_concerns' is not answered"),
        (
            {"advice_scope": "chosen-concerns", "scope_concerns": []},
            "'scope_concerns' needs at least one choice",
        ),
        (
            {"advice_scope": "chosen-concerns", "scope_concerns": ["deploy"]},
            "'scope_concerns' has no choice 'deploy'",
        ),
        ({"advice_scope": "everything"}, "'advice_scope' has no choice 'everything'"),
    ],
)
def test_a_scope_is_checked_like_every_answer(
    advisor: Advisor, answers: dict[str, Any], message: str
) -> None:
    with pytest.raises(AnswersError, match=message):
        advisor.check_answers(_data(ENTERPRISE, **answers))


def test_the_concerns_are_the_catalogs_groups(advisor: Advisor) -> None:
    question = advisor.questionnaire.question("scope_concerns")
    assert question is not None and question.required
    assert [c.value for c in question.choices] == list(_groups_in_file_order())
    for choice in question.choices:
        group = advisor.catalog.groups[choice.value]
        assert choice.scope == (group.id,)
        assert (choice.label.en, choice.label.ko) == (group.name.en, group.name.ko)


def _groups_in_file_order() -> list[str]:
    data = yaml.safe_load((ROOT / "rules" / "groups.yaml").read_text(encoding="utf-8"))
    return [g["id"] for g in data["groups"]]


@pytest.mark.parametrize(
    ("lang", "needed", "left"),
    [
        ("en", "outside the scope you chose, needed by", "Not assessed: outside the scope you chose"),
        ("ko", "선택한 범위 밖이지만", "평가하지 않음: 선택한 범위 밖"),
    ],
)
def test_outputs_mark_what_is_outside_the_scope(
    advisor: Advisor, runner: CliRunner, lang: str, needed: str, left: str
) -> None:
    terminal = runner.invoke(
        cli, ["recommend", str(ENTERPRISE), *DEPLOYMENT, "--all", "--lang", lang], env={"COLUMNS": "250"}
    )
    assert terminal.exit_code == 0, terminal.output
    text = " ".join(terminal.stdout.split())
    assert needed in text and left in text
    summary = runner.invoke(
        cli, ["recommend", str(ENTERPRISE), *DEPLOYMENT, "--lang", lang], env={"COLUMNS": "250"}
    )
    assert needed in " ".join(summary.stdout.split())
    scoped = _scoped(advisor, ENTERPRISE, ["deployment"])
    report = build_report(scoped, advisor.catalog, advisor.questionnaire, "ko" if lang == "ko" else "en")
    markdown = render_markdown(report)
    assert needed in markdown and f"## {left}" in markdown
    assert {r.id for r in report.not_assessed} >= {"saga", "api-gateway"}


def test_json_carries_the_scope(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["recommend", str(ENTERPRISE), *DEPLOYMENT, "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["scope"] == ["deployment"]
    needed = {p["id"]: p["needed_by"] for p in document["recommended"] if p["needed_by"]}
    assert "microservice-architecture" in needed
    assert {"id": "saga", "name": "Saga", "group": "data-consistency", "status": "add"} in document[
        "not_assessed"
    ]


def test_explain_says_what_is_outside_the_scope(advisor: Advisor) -> None:
    answers = advisor.check_answers(
        _data(ENTERPRISE, advice_scope="chosen-concerns", scope_concerns=["deployment"])
    )
    result = advisor.advise(answers)
    saga = explain(advisor, answers, result, "saga")
    assert saga.status == "not-assessed"
    assert saga.summary.args["status"] == "add"
    style = explain(advisor, answers, result, "microservice-architecture")
    assert style.status == "recommended"
    assert style.summary.code == "sum_needed"
