"""Load and check a questionnaire file, overlaid by the ``questions.yaml`` of rule packs.

A rule pack may hold ``questions.yaml`` with ``sections:`` in the questionnaire's
own format. A section whose id is already in the questionnaire replaces that
section where it stands; any other section is appended. Packs apply in order,
so a later pack wins over an earlier one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field

from advisor.base.model import Frozen
from advisor.base.resources import bundled_questionnaire, display_path
from advisor.base.yamlfile import YamlDocument, read_yaml, validate
from advisor.catalog.conditions import AnswerTest, leaves
from advisor.errors import DataFileError, Problem
from advisor.questionnaire.checks import check_condition
from advisor.questionnaire.kind_words import WORDS
from advisor.questionnaire.models import Questionnaire, Section

#: The file of a rule pack that adds or replaces questionnaire sections.
PACK_QUESTIONS = "questions.yaml"


class QuestionsFile(Frozen):
    """A rule pack's ``questions.yaml``: sections to append or replace."""

    sections: tuple[Section, ...] = Field(min_length=1)


def _overlay(
    questionnaire: Questionnaire, doc: YamlDocument, packs: Sequence[Path]
) -> tuple[Questionnaire, list[tuple[YamlDocument, tuple[str | int, ...]]]]:
    """Apply the packs' sections; return the result and where each section was defined."""
    sections = list(questionnaire.sections)
    origins: list[tuple[YamlDocument, tuple[str | int, ...]]] = [
        (doc, ("sections", index)) for index in range(len(sections))
    ]
    for folder in packs:
        path = folder / PACK_QUESTIONS
        if not (path.is_file() or path.is_symlink()):
            continue
        pack_doc = read_yaml(path, display_path(path))
        parsed = validate(pack_doc, QuestionsFile)
        seen: dict[str, int] = {}
        for index, section in enumerate(parsed.sections):
            if section.id in seen:
                raise DataFileError(
                    [
                        pack_doc.problem(
                            ("sections", index, "id"),
                            WORDS.text("section_twice", section=section.id),
                            hint=WORDS.text("section_ids"),
                        )
                    ]
                )
            seen[section.id] = index
            origin = (pack_doc, ("sections", index))
            ids = [s.id for s in sections]
            if section.id in ids:
                position = ids.index(section.id)
                sections[position] = section
                origins[position] = origin
            else:
                sections.append(section)
                origins.append(origin)
    return questionnaire.model_copy(update={"sections": tuple(sections)}), origins


def load_questionnaire(path: Path | None = None, packs: Sequence[Path] = ()) -> Questionnaire:
    """Load a questionnaire (the bundled default when ``path`` is ``None``) plus the packs' sections.

    Raises:
        DataFileError: a file is invalid, ids repeat, or a ``when`` tests a
            question that is not asked before it.
    """
    source = path or bundled_questionnaire()
    doc = read_yaml(source, display_path(source))
    questionnaire, origins = _overlay(validate(doc, Questionnaire), doc, packs)
    problems: list[Problem] = []
    earlier: list[str] = []
    for section, (section_doc, section_loc) in zip(questionnaire.sections, origins, strict=True):
        for q_index, question in enumerate(section.questions):
            loc = (*section_loc, "questions", q_index)
            if question.id in earlier:
                problems.append(
                    section_doc.problem((*loc, "id"), WORDS.text("question_repeats", question=question.id))
                )
            if question.when is not None:
                if any(not isinstance(leaf, AnswerTest) for leaf in leaves(question.when)):
                    problems.append(section_doc.problem((*loc, "when"), WORDS.text("when_answers")))
                for message in check_condition(question.when, questionnaire, earlier):
                    problems.append(
                        section_doc.problem(
                            (*loc, "when"),
                            WORDS.text("when_problem", question=question.id, problem=message),
                            hint=WORDS.text("when_earlier"),
                        )
                    )
            earlier.append(question.id)
    if problems:
        raise DataFileError(problems)
    return questionnaire
