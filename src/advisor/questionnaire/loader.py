"""Load and check a questionnaire file."""

from __future__ import annotations

from pathlib import Path

from advisor.catalog.conditions import AnswerTest, leaves
from advisor.errors import DataFileError
from advisor.questionnaire.checks import check_condition
from advisor.questionnaire.models import Questionnaire
from advisor.resources import bundled_questionnaire, display_path
from advisor.yamlfile import read_yaml, validate


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Load a questionnaire (the bundled default when ``path`` is ``None``).

    Raises:
        DataFileError: the file is invalid, ids repeat, or a ``when`` tests a
            question that is not asked before it.
    """
    source = path or bundled_questionnaire()
    doc = read_yaml(source, display_path(source))
    questionnaire = validate(doc, Questionnaire)
    problems = []
    earlier: list[str] = []
    for s_index, section in enumerate(questionnaire.sections):
        for q_index, question in enumerate(section.questions):
            loc = ("sections", s_index, "questions", q_index)
            if question.id in earlier:
                problems.append(doc.problem((*loc, "id"), f"question id '{question.id}' repeats"))
            if question.when is not None:
                if any(not isinstance(leaf, AnswerTest) for leaf in leaves(question.when)):
                    problems.append(doc.problem((*loc, "when"), "a question's 'when' may only test answers"))
                for message in check_condition(question.when, questionnaire, earlier):
                    problems.append(
                        doc.problem(
                            (*loc, "when"),
                            f"question '{question.id}': 'when' {message}",
                            hint="a 'when' may only test questions asked before this one",
                        )
                    )
            earlier.append(question.id)
    if problems:
        raise DataFileError(problems)
    return questionnaire
