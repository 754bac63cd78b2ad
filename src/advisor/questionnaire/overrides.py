"""``--set`` overrides: change answers or force weights of an answers file from the command line.

``--set team_count=12`` sets an answer, ``--set force.independent-scalability=5`` a force
weight. A value is read as one YAML scalar or flow list (``true``, ``12``,
``[web, mobile]``, ``unknown``), never as code. Overrides are applied to the
file's data before it is checked, so an override behaves exactly as if the
file said it; a mistake in one names the ``--set`` argument that made it.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from advisor.base.i18n import Text
from advisor.base.resources import display_path
from advisor.base.yamlfile import parse_yaml, read_yaml
from advisor.catalog.models import Force
from advisor.errors import AnswersError, DataFileError, Problem
from advisor.questionnaire.answers import Answers, check_answers, check_value
from advisor.questionnaire.answers_words import WORDS, did_you_mean
from advisor.questionnaire.checks import closest
from advisor.questionnaire.kinds import kind_of
from advisor.questionnaire.models import Questionnaire

FORCE_PREFIX = "force."


@dataclass(frozen=True)
class Override:
    """One parsed ``--set``: an answer or a force weight and its new value."""

    arg: str
    kind: Literal["answer", "force"]
    key: str
    value: Any


def format_value(value: Any) -> str:
    """A value written the way ``--set`` reads it back (``true``, ``12``, ``[web, mobile]``)."""
    if isinstance(value, list | tuple):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        try:
            plain = parse_yaml(value, "--set").data == value and "," not in value
        except DataFileError:
            plain = False
        return value if plain and value.strip() == value and value else _quoted(value)
    return str(value)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def set_argument(kind: Literal["answer", "force"], key: str, value: Any) -> str:
    """The ``--set`` argument that makes this change, e.g. ``force.independent-scalability=5``."""
    prefix = FORCE_PREFIX if kind == "force" else ""
    return f"{prefix}{key}={format_value(value)}"


def _read_value(text: str) -> tuple[Any, Text | None]:
    """The YAML value of ``text``, or why it is not a scalar or flow list."""
    if not text.strip():
        return None, WORDS.text("set_empty")
    try:
        value = parse_yaml(text, "--set").data
    except DataFileError as exc:
        reason = exc.problems[0].message.removeprefix("not valid YAML: ")
        return None, WORDS.text("set_not_yaml", text=text, reason=reason)
    if isinstance(value, dict) or (
        isinstance(value, list) and any(isinstance(v, list | dict) for v in value)
    ):
        return None, WORDS.text("set_nested", text=text)
    return value, None


def parse_overrides(
    args: Sequence[str], questionnaire: Questionnaire, forces: Mapping[str, Force]
) -> list[Override]:
    """Parse and check ``--set`` arguments against a questionnaire and the forces.

    Raises:
        AnswersError: one problem per bad argument, each named ``--set ARG``.
    """
    problems: list[Problem] = []
    parsed: list[Override] = []
    question_ids = [q.id for q in questionnaire.questions()]
    for arg in args:
        name = f"--set {arg}"
        key, sep, text = arg.partition("=")
        key = key.strip()
        if not sep or not key:
            problems.append(Problem(name, WORDS.text("set_shape"), hint=WORDS.text("set_example")))
            continue
        value, error = _read_value(text)
        if error:
            problems.append(Problem(name, error, hint=WORDS.text("set_examples")))
            continue
        if key.startswith(FORCE_PREFIX):
            force_id = key[len(FORCE_PREFIX) :]
            if force_id not in forces:
                near = closest(force_id, list(forces))
                otherwise = WORDS.text("known_forces", forces=", ".join(forces))
                hint = WORDS.text("mean_force", near=near) if near else otherwise
                problems.append(Problem(name, WORDS.text("unknown_force", force=force_id), hint=hint))
            elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
                problems.append(Problem(name, WORDS.text("weight", force=force_id, value=text.strip())))
            else:
                parsed.append(Override(arg, "force", force_id, value))
            continue
        question = questionnaire.question(key)
        if question is None:
            near = closest(key, question_ids)
            if near is None and key in forces:
                hint = WORDS.text("weigh_instead", key=key, value=text.strip())
            else:
                hint = did_you_mean(near, WORDS.text("question_ids"))
            problems.append(Problem(name, WORDS.text("unknown_question", question=key), hint=hint))
            continue
        # A choice or a text may look like another YAML type (``yes``, ``1``): keep what was typed.
        value = kind_of(question).read_set(question, text.strip(), value)
        found = check_value(questionnaire, question, value, name)
        if found:
            problems.extend(found)
        else:
            parsed.append(Override(arg, "answer", key, value))
    if problems:
        raise AnswersError(problems)
    return parsed


def apply_overrides(data: Any, overrides: Sequence[Override]) -> Any:
    """The answers file's data with the overrides applied (the input is not modified)."""
    if not overrides:
        return data
    result: Any = copy.deepcopy(data) if data is not None else {}
    if not isinstance(result, dict):
        return result  # the file's own shape error is reported when it is checked
    for override in overrides:
        section = "forces" if override.kind == "force" else "answers"
        if not isinstance(result.get(section), dict):
            if result.get(section) is not None:
                continue
            result[section] = {}
        result[section][override.key] = override.value
    return result


def read_answers(
    path: Path,
    questionnaire: Questionnaire,
    forces: Mapping[str, Force],
    sets: Sequence[str] = (),
    *,
    patterns: Collection[str] | None = None,
) -> Answers:
    """Read an answers file, apply ``--set`` overrides, and check the result.

    Raises:
        AnswersError: an override or the file is invalid.
        DataFileError: the file cannot be read or parsed.
    """
    overrides = parse_overrides(sets, questionnaire, forces)
    doc = read_yaml(path, display_path(path))
    doc.data = apply_overrides(doc.data, overrides)
    return check_answers(doc, questionnaire, forces, patterns=patterns)
