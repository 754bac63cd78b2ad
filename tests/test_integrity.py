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
from advisor.catalog.models import Relation, Work
from advisor.catalog.relations import relation_links
from advisor.errors import CatalogError, DataFileError
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


def test_derived_relations_are_inverse_and_symmetric(catalog: Catalog) -> None:
    assert [str(p) for p in relation_problems(catalog)] == []
    for pattern in catalog.patterns.values():
        for successor in pattern.related.successor:
            assert pattern.id in catalog.patterns[successor].related.predecessor
        for predecessor in pattern.related.predecessor:
            assert pattern.id in catalog.patterns[predecessor].related.successor
        for alternative in pattern.related.alternative:
            assert pattern.id in catalog.patterns[alternative].related.alternative
        for general in pattern.related.generalization:
            assert pattern.id in catalog.patterns[general].related.specialization


def test_every_successor_link_resolves_an_issue_and_cites_its_source(catalog: Catalog) -> None:
    links = [
        link for link in relation_links(catalog.patterns, catalog.issues) if link.kind is Relation.SUCCESSOR
    ]
    by_pair = {(link.source, link.target): link for link in links}
    for pattern in catalog.patterns.values():
        for successor in pattern.related.successor:
            link = by_pair[(pattern.id, successor)]
            assert link.issue in pattern.resulting_context.issues
            assert successor in catalog.issues[link.issue].resolved_by
            assert link.sources, f"{pattern.id} → {successor} cites no source"
    assert len(by_pair) == sum(len(p.related.successor) for p in catalog.patterns.values())


def test_every_declared_relation_cites_its_source(catalog: Catalog) -> None:
    declared = [
        link
        for link in relation_links(catalog.patterns, catalog.issues)
        if link.kind is not Relation.SUCCESSOR
    ]
    assert declared
    for link in declared:
        assert link.sources, f"{link.source} {link.kind.value} {link.target} cites no source"
    advisor_own = [
        c
        for link in relation_links(catalog.patterns, catalog.issues)
        for c in link.sources
        if c.work is Work.ADVISOR
    ]
    assert all(c.note is not None and c.note.ko for c in advisor_own)


def test_the_language_relations_the_issue_named_are_there(catalog: Catalog) -> None:
    """Links the pattern language has, which the catalog once missed or had the wrong way round."""
    successors = {
        ("saga", "messaging"),
        ("api-gateway", "api-composition"),
        ("cqrs", "domain-event"),
        ("service-registry", "health-check-api"),
        ("service-deployment-platform", "serverless-deployment"),
        ("service-deployment-platform", "service-instance-per-container"),
        ("service-deployment-platform", "service-instance-per-vm"),
    }
    for pattern_id, successor in successors:
        assert successor in catalog.patterns[pattern_id].related.successor, (pattern_id, successor)
    assert (
        "service-deployment-platform"
        not in catalog.patterns["service-instance-per-container"].related.successor
    )
    alternatives = [
        ("serverless-deployment", "service-instance-per-container"),
        ("serverless-deployment", "service-instance-per-vm"),
        ("service-instance-per-container", "service-instance-per-vm"),
        ("microservice-chassis", "service-template"),
        ("client-side-ui-composition", "server-side-page-fragment-composition"),
    ]
    for one, other in alternatives:
        assert other in catalog.patterns[one].related.alternative, (one, other)


def test_the_three_patterns_once_missing_are_in_the_language(catalog: Catalog) -> None:
    for pattern_id in (
        "client-side-ui-composition",
        "server-side-page-fragment-composition",
        "language-specific-packaging-format",
    ):
        pattern = catalog.patterns[pattern_id]
        assert pattern.name.en and pattern.name.ko
        assert "microservice-architecture" in pattern.related.predecessor
        assert catalog.rules_for(pattern_id)
    # a monolith is deployed too: packaging for the platform its answers name
    assert (
        "monolithic-architecture"
        in catalog.patterns["language-specific-packaging-format"].related.predecessor
    )


def test_every_issue_is_resolved_or_accepted_and_raised(catalog: Catalog) -> None:
    for issue in catalog.issues.values():
        assert issue.resolved_by or issue.accepted, f"{issue.id} is neither resolved nor accepted"
    assert [str(p) for p in issue_problems(catalog)] == []


def test_successor_chains_terminate_and_the_one_loop_is_the_languages(catalog: Catalog) -> None:
    # CQRS needs domain events, which event sourcing can publish, whose store needs CQRS views.
    assert successor_cycles(catalog) == [["cqrs", "domain-event", "event-sourcing", "cqrs"]]
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


def test_a_successor_or_predecessor_written_in_a_file_is_refused_with_the_fix(write: Write) -> None:
    pack = _pack(write, "saga", SAGA + "related:\n  successor: [cqrs]\n")
    with pytest.raises(DataFileError) as caught:
        load_catalog([pack])
    message = str(caught.value)
    assert "pack/patterns/saga.yaml" in message
    assert "related.successor is not written in a pattern file: it is derived from the issues" in message


def test_an_uncited_successor_link_is_reported_at_the_raise(write: Write) -> None:
    cited = (
        "    - issue: asynchronous-messages\n"
        "      when: *broker-wanted\n"
        "      sources: [microservices.io:communication-style/messaging]\n"
    )
    assert cited in SAGA
    uncited = "    - issue: asynchronous-messages\n      when: *broker-wanted\n"
    pack = _pack(write, "saga", SAGA.replace(cited, uncited))
    [problem] = issue_problems(load_catalog([pack]))
    assert problem.message == (
        "'saga' raises 'asynchronous-messages', which makes messaging its successor, "
        "without citing where the pattern language states it"
    )
    assert problem.line == 1 + SAGA.splitlines().index("    - issue: asynchronous-messages")


def test_an_alternative_written_on_both_sides_is_reported(write: Write) -> None:
    text = (ROOT / "rules" / "patterns" / "shared-database.yaml").read_text(encoding="utf-8")
    pack = _pack(
        write,
        "shared-database",
        text + "related:\n  alternative:\n    - {pattern: database-per-service, sources: [book:2]}\n",
    )
    [problem] = relation_problems(load_catalog([pack]))
    assert problem.message == (
        "'shared-database' and 'database-per-service' are related as alternative in both pattern files"
    )
    assert problem.hint == (
        "write the relation once (it is already in 'database-per-service'); the other side is derived"
    )


def test_a_citation_is_validated_with_the_fix(write: Write) -> None:
    bad = SAGA.replace("[microservices.io:communication-style/messaging]", "[book:four]")
    with pytest.raises(DataFileError) as caught:
        load_catalog([_pack(write, "saga", bad)])
    assert "'four' is not a chapter or section of the book Microservices Patterns, like '4.2'" in str(
        caught.value
    )
    unsaid = SAGA.replace("[microservices.io:communication-style/messaging]", "[advisor:my-idea]")
    with pytest.raises(DataFileError) as caught:
        load_catalog([_pack(write, "saga", unsaid)])
    assert "a relation the advisor adds to the language needs a note saying why" in str(caught.value)


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
    pack = _pack(write, "saga", SAGA.replace("- issue: state-change-events", "- issue: state-change-event"))
    problems = check_references(read_catalog([pack]))
    assert [(p.message, p.hint) for p in problems] == [
        (
            "pattern 'saga' refers to unknown issue 'state-change-event'",
            "did you mean 'state-change-events'?",
        )
    ]


def test_a_successor_cycle_is_found_once_with_its_path() -> None:
    mini = load_catalog([MINI / "rules"], bundled=False)
    assert successor_cycles(mini) == [["cyc-a", "cyc-b", "cyc-a"]]
    [problem] = cycle_problems(mini)
    assert problem.message == "successor chain loops: cyc-a → cyc-b → cyc-a"
    assert problem.path.endswith("cyc-a.yaml")
    assert problem not in integrity_problems(mini)  # the language itself has a loop


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
