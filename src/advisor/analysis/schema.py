"""The JSON Schema of an answers file, generated from a questionnaire and the catalog's forces.

A YAML language server reads it (through the modeline
``# yaml-language-server: $schema=...``) to complete question ids, offer the
choices of each question and flag mistakes while the file is edited. It is
draft-07, the newest draft YAML language servers support. The checks of
``advisor validate`` stay the reference: a schema cannot say that a question's
answer is ignored when its ``when`` does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from advisor.base.jsonio import json_text
from advisor.catalog.conditions import UNKNOWN
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Force
from advisor.questionnaire.answers import NOTE_LIMIT
from advisor.questionnaire.kinds import answer_schema, kind_of
from advisor.questionnaire.models import Question, Questionnaire

DRAFT = "http://json-schema.org/draft-07/schema#"


def _description(question: Question) -> str:
    parts = [question.help.en] if question.help is not None else []
    parts += kind_of(question).describe(question)
    if question.when is not None:
        parts.append("Asked only when an earlier answer makes it apply.")
    if question.allow_unknown:
        parts.append(f"Write '{UNKNOWN}' if you don't know.")
    return " ".join(parts) or question.prompt.en


def question_schema(question: Question) -> dict[str, Any]:
    """The schema of one question's answer, titled and described for an editor."""
    out: dict[str, Any] = {
        "title": question.prompt.en,
        "description": _description(question),
        **answer_schema(question),
    }
    if question.default is not None:
        out["default"] = question.default
    return out


def answers_schema(
    questionnaire: Questionnaire, forces: Mapping[str, Force], patterns: Sequence[str] = ()
) -> dict[str, Any]:
    """The JSON Schema (draft-07) of an answers file for ``questionnaire``, ``forces`` and the
    catalog's ``patterns`` (the ids ``in_place`` may list)."""
    questions = questionnaire.questions()
    required = [q.id for q in questions if q.required and q.when is None]
    answers: dict[str, Any] = {
        "type": "object",
        "description": "Question id → answer.",
        "additionalProperties": False,
        "properties": {q.id: question_schema(q) for q in questions},
    }
    if required:
        answers["required"] = required
    weights = {
        force.id: {
            "title": force.name.en,
            "description": f"{force.description.en.strip()} Weight 0 (irrelevant) to 5 (decisive).",
            "type": "integer",
            "minimum": 0,
            "maximum": 5,
            "default": force.default_weight,
        }
        for force in sorted(forces.values(), key=lambda f: f.id)
    }
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": f"advisor answers: {questionnaire.title.en}",
        "description": (
            f"Answers to questionnaire '{questionnaire.id}' (version {questionnaire.version}) "
            "and the weights of the forces. Check a file with: advisor validate FILE"
        ),
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "questionnaire": {
                "description": "The questionnaire these answers belong to.",
                "type": "string",
                "enum": [questionnaire.id],
                "default": questionnaire.id,
            },
            "questionnaire_version": {"type": "integer", "minimum": 1},
            "advisor_version": {"type": "string"},
            "date": {
                "description": "When the answers were given or last reviewed (YYYY-MM-DD); "
                "the decision records carry it as their date.",
                "type": "string",
                "format": "date",
            },
            "answers": answers,
            "notes": {
                "type": "object",
                "description": "Question id → one line of rationale for its answer; the reports show it.",
                "additionalProperties": False,
                "properties": {
                    q.id: {"type": "string", "maxLength": NOTE_LIMIT, "pattern": "^[^\\n\\r]*$"}
                    for q in questions
                },
            },
            "in_place": {
                "type": "array",
                "description": "Ids of the patterns the system already uses (kept, or to reconsider).",
                "uniqueItems": True,
                "items": {"type": "string", "enum": sorted(patterns)} if patterns else {"type": "string"},
            },
            "forces": {
                "type": "object",
                "description": "Force id → weight from 0 to 5; a force not given keeps its default.",
                "additionalProperties": False,
                "properties": weights,
            },
        },
    }
    if required:
        schema["required"] = ["answers"]
    return schema


def render_schema(schema: Mapping[str, Any]) -> str:
    """The schema as stable JSON text (two-space indent, final newline)."""
    return json_text(schema, sort_keys=False)


def catalog_answers_schema(questionnaire: Questionnaire, catalog: Catalog) -> dict[str, Any]:
    """The answers schema for ``questionnaire`` and everything of ``catalog`` it names (forces, patterns)."""
    return answers_schema(questionnaire, catalog.forces, list(catalog.patterns))
