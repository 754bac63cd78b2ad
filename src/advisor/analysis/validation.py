"""``advisor validate``: check answers files and rule packs, reporting every problem at once.

A folder is a rule pack when it holds any of the files a pack may contain
(``patterns/``, ``issues/``, ``applicability/``, ``forces.yaml``,
``groups.yaml``, ``questions.yaml``); any other folder is a folder of answers
files. Answers files are checked against the catalog and questionnaire given
by ``--rules``/``--questionnaire``; a rule pack is linted on top of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from advisor.analysis.lint import lint
from advisor.analysis.portfolio import expand_inputs
from advisor.base.i18n import Phrasebook
from advisor.base.resources import display_path
from advisor.base.yamlfile import read_yaml
from advisor.core.advisor import Advisor
from advisor.errors import DataFileError, Problem
from advisor.questionnaire.answers import check_answers

#: What ``validate`` says of an answers file beyond its problems, key → (English, Korean).
WORDS = Phrasebook(
    {
        "ignored": (
            "warning: the answer to '{question}' is ignored: "
            "the question does not apply to the other answers",
            "경고: '{question}'의 답변은 무시됩니다: 다른 답변에 따라 이 질문은 해당되지 않습니다",
        ),
        "ignored_hint": (
            "remove it, or change the answer that decides whether it is asked",
            "답변을 지우거나, 이 질문을 묻게 하는 답변을 바꾸세요",
        ),
    }
)

PACK_MARKERS = ("patterns", "issues", "applicability", "forces.yaml", "groups.yaml", "questions.yaml")


@dataclass
class FileReport:
    """The outcome of checking one answers file or rule pack."""

    source: str
    kind: Literal["answers", "rule pack"]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def is_rule_pack(folder: Path) -> bool:
    """Whether ``folder`` looks like a rule pack rather than a folder of answers files."""
    return folder.is_dir() and any((folder / name).exists() for name in PACK_MARKERS)


def check_answers_file(advisor: Advisor, path: Path) -> FileReport:
    """Every problem of one answers file, plus a warning for each answer that is ignored."""
    report = FileReport(display_path(path), "answers")
    try:
        doc = read_yaml(path, display_path(path))
        answers = check_answers(
            doc, advisor.questionnaire, advisor.catalog.forces, patterns=advisor.catalog.patterns
        )
    except DataFileError as exc:
        report.problems = list(exc.problems)
        return report
    report.warnings = [
        doc.problem(
            ("answers", question),
            WORDS.text("ignored", question=question),
            WORDS.text("ignored_hint"),
            key=True,
        )
        for question in answers.ignored
    ]
    return report


def check_rule_pack(folder: Path, under: Sequence[Path], questionnaire: Path | None) -> FileReport:
    """Every finding of a rule pack overlaid on the bundled catalog and the packs ``under``."""
    report = FileReport(display_path(folder), "rule pack")
    try:
        report.problems = lint([*under, folder], questionnaire=questionnaire)
    except DataFileError as exc:
        report.problems = list(exc.problems)
    return report


def validate_paths(
    paths: Sequence[Path],
    load: Callable[[], Advisor],
    rules: Sequence[Path] = (),
    questionnaire: Path | None = None,
) -> list[FileReport]:
    """Check every answers file and rule pack named by ``paths``, in the order given.

    Folders of answers files are expanded; ``load`` gives the advisor answers are
    checked with, and is called only if there are answers files.
    """
    reports: list[FileReport] = []
    advisor: Advisor | None = None
    for path in paths:
        if is_rule_pack(path):
            reports.append(check_rule_pack(path, rules, questionnaire))
            continue
        for item in expand_inputs([path]):
            if item.path is None:
                problem = Problem(item.source, "no answers files (*.yaml) in this folder")
                reports.append(FileReport(item.source, "answers", [problem]))
                continue
            advisor = advisor or load()
            reports.append(check_answers_file(advisor, item.path))
    return reports
