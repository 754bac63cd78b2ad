"""Every data file ships valid: catalog, questionnaires, examples (house rule: data files are code)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.base.yamlfile import read_yaml, validate
from advisor.catalog.loader import load_catalog
from advisor.catalog.models import ForcesFile, GroupsFile, IssuesFile, PatternFile, RisksFile, RulesFile
from advisor.core.advisor import Advisor, compile_rules
from advisor.questionnaire.loader import load_questionnaire
from conftest import EXAMPLES, ROOT

RULES = ROOT / "rules"
MODELS = {"issues": IssuesFile, "patterns": PatternFile, "applicability": RulesFile, "risks": RisksFile}


def _catalog_files() -> list[Path]:
    return sorted(p for p in RULES.rglob("*") if p.suffix in {".yaml", ".yml"})


@pytest.mark.parametrize("path", _catalog_files(), ids=lambda p: str(p.relative_to(RULES)))
def test_catalog_file_is_valid(path: Path) -> None:
    doc = read_yaml(path)
    if path.name == "groups.yaml":
        validate(doc, GroupsFile)
    elif path.name == "forces.yaml":
        validate(doc, ForcesFile)
    else:
        validate(doc, MODELS[path.parent.name])


def test_no_stray_files_in_the_catalog() -> None:
    known = {"groups.yaml", "forces.yaml"}
    for path in RULES.rglob("*"):
        if path.is_file():
            assert path.name in known or path.parent.name in MODELS, f"unexpected file {path}"


@pytest.mark.parametrize("path", sorted((ROOT / "questionnaires").glob("*.yaml")), ids=lambda p: p.name)
def test_questionnaire_is_valid(path: Path) -> None:
    questionnaire = load_questionnaire(path)
    compile_rules(load_catalog(), questionnaire)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_answers_are_valid(advisor: Advisor, path: Path) -> None:
    answers = advisor.read_answers(path)
    assert not answers.ignored, f"{path.name} answers questions that do not apply: {answers.ignored}"
