"""Integrity of the pattern language: references, relations, issues, cycles, translations.

The bundled catalog must have no finding; small broken rule packs prove that each
check finds what it is meant to find, with the file, line and fix in its message.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

from advisor.catalog.integrity import (
    cycle_problems,
    integrity_problems,
    issue_problems,
    relation_problems,
    successor_cycles,
    translation_problems,
    untranslated,
)
from advisor.catalog.loader import Catalog, check_references, load_catalog, read_catalog
from advisor.catalog.models import Relation
from advisor.errors import CatalogError
from advisor.questionnaire.loader import load_questionnaire
from conftest import MINI, ROOT

Write = Callable[[str, str], Path]
SAGA = (ROOT / "rules" / "patterns" / "saga.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _pack(write: Write, name: str, text: str) -> Path:
    """A rule pack holding one pattern file; returns the pack folder."""
    return write(f"pack/patterns/{name}.yaml", text).parents[1]


def test_every_referenced_id_exists(catalog: Catalog) -> None:
    assert [str(p) for p in check_references(catalog)] == []


def test_relations_are_inverse_and_symmetric(catalog: Catalog) -> None:
    assert [str(p) for p in relation_problems(catalog)] == []
    for pattern in catalog.patterns.values():
        for successor in pattern.related.successor:
            assert pattern.id in catalog.patterns[successor].related.predecessor
        for alternative in pattern.related.alternative:
            assert pattern.id in catalog.patterns[alternative].related.alternative
        for general in pattern.related.generalization:
            assert pattern.id in catalog.patterns[general].related.specialization


def test_every_issue_is_resolved_or_accepted_and_raised(catalog: Catalog) -> None:
    for issue in catalog.issues.values():
        assert issue.resolved_by or issue.accepted, f"{issue.id} is neither resolved nor accepted"
    assert [str(p) for p in issue_problems(catalog)] == []


def test_successor_chains_terminate(catalog: Catalog) -> None:
    assert successor_cycles(catalog) == []

    def longest(pattern_id: str) -> int:
        return 1 + max((longest(s) for s in catalog.patterns[pattern_id].related.successor), default=0)

    assert longest("microservice-architecture") <= len(catalog.patterns)
    chain = ["microservice-architecture", "database-per-service", "saga", "transactional-outbox"]
    for pattern_id, successor in pairwise(chain):
        assert successor in catalog.patterns[pattern_id].related.successor
    assert set(catalog.patterns["transactional-outbox"].related.successor) >= {
        "polling-publisher",
        "transaction-log-tailing",
    }


def test_bundled_catalog_has_no_integrity_problem(catalog: Catalog) -> None:
    assert [str(p) for p in integrity_problems(catalog)] == []


def test_every_catalog_text_is_in_english_and_korean(catalog: Catalog) -> None:
    assert [str(p) for p in translation_problems(catalog)] == []


def test_every_questionnaire_text_is_in_english_and_korean() -> None:
    questionnaire = load_questionnaire()
    assert list(untranslated(questionnaire)) == []
    for question in questionnaire.questions():
        assert question.help is not None and question.help.ko, f"{question.id} has no help"
        for choice in question.choices:
            assert choice.label.ko and choice.description and choice.description.ko, (
                f"{question.id}: choice {choice.value} needs a label and a description in both languages"
            )


def test_a_one_sided_successor_is_reported_with_the_fix(write: Write) -> None:
    pack = _pack(
        write, "saga", SAGA.replace("successor: [domain-event, ", "successor: [cqrs, domain-event, ")
    )
    problems = relation_problems(load_catalog([pack]))
    assert [(p.message, p.hint) for p in problems] == [
        (
            "'saga' lists 'cqrs' as successor, but 'cqrs' does not list 'saga' as predecessor",
            "add 'saga' to related.predecessor of 'cqrs'",
        )
    ]
    assert problems[0].path.endswith("pack/patterns/saga.yaml")
    assert problems[0].line == 1 + SAGA.splitlines().index(
        "  successor: [domain-event, event-sourcing, transactional-outbox]"
    )


def test_an_issue_whose_resolver_is_no_successor_is_reported(write: Write) -> None:
    pack = _pack(
        write,
        "saga",
        SAGA.replace(
            "successor: [domain-event, event-sourcing, transactional-outbox]",
            "successor: [domain-event, event-sourcing]",
        ),
    )
    found = [p.message for p in integrity_problems(load_catalog([pack]))]
    assert (
        "'saga' raises 'atomic-state-and-message', resolved by transactional-outbox, "
        "which is not among its successors" in found
    )


def test_an_issue_neither_resolved_nor_accepted_is_refused(write: Write) -> None:
    write(
        "pack/issues/extra.yaml",
        "issues:\n  - id: orphan\n    title: {en: Orphan, ko: 고아}\n    description: {en: d, ko: d}\n",
    )
    pack = write("pack/forces.yaml", "forces: []\n").parent
    with pytest.raises(CatalogError) as caught:
        load_catalog([pack])
    assert "issue 'orphan' is neither resolved by a pattern nor accepted" in str(caught.value)
    assert "hint: add resolved_by: [pattern ids] or accepted: <why it is lived with>" in str(caught.value)


def test_an_unknown_reference_names_the_closest_id(write: Write) -> None:
    pack = _pack(
        write,
        "saga",
        SAGA.replace("predecessor: [database-per-service]", "predecessor: [database-per-servic]"),
    )
    problems = check_references(read_catalog([pack]))
    assert [(p.message, p.hint) for p in problems] == [
        (
            "pattern 'saga' refers to unknown pattern 'database-per-servic'",
            "did you mean 'database-per-service'?",
        )
    ]


def test_a_successor_cycle_is_found_once_with_its_path() -> None:
    mini = load_catalog([MINI / "rules"], bundled=False)
    assert successor_cycles(mini) == [["cyc-a", "cyc-b", "cyc-a"]]
    [problem] = cycle_problems(mini)
    assert problem.message == "successor chain loops: cyc-a → cyc-b → cyc-a"
    assert problem.path.endswith("cyc-a.yaml")


def test_an_untranslated_text_is_located(write: Write) -> None:
    pack = _pack(write, "saga", SAGA.replace("  ko: 사가 패턴\n", "", 1))
    problems = translation_problems(load_catalog([pack]))
    assert [(p.message, p.line) for p in problems] == [("pattern 'saga' has no Korean text for name", 3)]


def test_the_relation_kinds_are_the_five_of_the_pattern_language() -> None:
    assert [r.value for r in Relation] == [
        "predecessor",
        "successor",
        "alternative",
        "generalization",
        "specialization",
    ]
