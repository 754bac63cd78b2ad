"""A pack's questions are checked when loaded: defaults the question accepts, sane ranges, versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from advisor.cli.app import cli
from advisor.questionnaire.models import Question

CHOICES = [{"value": "small", "label": {"en": "Small"}}, {"value": "large", "label": {"en": "Large"}}]


def _question(kind: str, **fields: Any) -> Question:
    data: dict[str, Any] = {"id": "q", "type": kind, "prompt": {"en": "Q?"}, **fields}
    if kind in {"select", "multiselect"}:
        data.setdefault("choices", CHOICES)
    return Question.model_validate(data)


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        ("multiselect", {"default": 5}, "default 5 must be a list of choices"),
        ("multiselect", {"default": ["small", "huge"]}, "must list distinct choices from: small, large"),
        ("select", {"default": "huge"}, "default 'huge' is not one of the choices: small, large"),
        ("select", {"default": "unknown"}, "needs allow_unknown: true"),
        ("confirm", {"default": "yes"}, "default 'yes' must be true or false"),
        ("integer", {"default": 9, "minimum": 0, "maximum": 5}, "default 9 is outside the range 0..5"),
        ("integer", {"default": True}, "default True must be a whole number"),
        ("integer", {"minimum": 10, "maximum": 1}, "minimum 10 is greater than maximum 1"),
        ("integer", {"maximum": 2**64}, "minimum and maximum must fit in 64 bits"),
        ("text", {"default": 3}, "default 3 must be text"),
    ],
)
def test_questions_that_contradict_themselves_are_refused(
    kind: str, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace("[", r"\[")):
        _question(kind, **fields)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        ("multiselect", {"default": ["large"]}),
        ("select", {"default": "unknown", "allow_unknown": True}),
        ("integer", {"default": 3, "minimum": 3, "maximum": 3}),
        ("confirm", {"default": False}),
        ("text", {"default": ""}),
    ],
)
def test_consistent_questions_are_accepted(kind: str, fields: dict[str, Any]) -> None:
    _question(kind, **fields)


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("99", "answers are for version 99 of questionnaire 'default', newer than this one (version 1)"),
        ("-1", "questionnaire_version: Input should be greater than or equal to 1"),
        ('"1"', "questionnaire_version: Input should be a valid integer"),
    ],
)
def test_questionnaire_version_is_checked(
    runner: CliRunner, tmp_path: Path, version: str, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        f"questionnaire: default\nquestionnaire_version: {version}\nanswers:\n  system_name: Shop\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:2:24: {message}"), result.stderr


def test_a_blank_required_text_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("questionnaire: default\nanswers:\n  system_name: '   '\n", encoding="utf-8")
    result = runner.invoke(cli, ["recommend", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:16: 'system_name' is required and cannot be blank" in result.stderr
