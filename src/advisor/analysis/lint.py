"""``advisor rules lint``: every finding about a catalog and its rule packs, located at file:line.

The checks, each reusing the module that owns the rule:

- dangling references (:func:`advisor.catalog.loader.check_references`);
- relations that cite no source or are written in both pattern files, and issues raised
  by no pattern (:mod:`advisor.catalog.integrity`);
- patterns that can never be recommended: no rule recommends them and no issue lists
  them as a resolver;
- rules that can never fire: they test a question or choice the questionnaire does not
  have (:mod:`advisor.questionnaire.checks`), compare a number outside the question's
  range, or cannot be normalised;
- anything beyond the rules engine's hard limits (:func:`advisor.core.engine.limit_findings`),
  so that a pack which would hang the engine is refused before the engine sees it.

A rule pack is data only; linting reads YAML safely and never runs anything from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from advisor.catalog.conditions import AnswerTest, Clause, ConditionError, Leaf, to_dnf
from advisor.catalog.integrity import integrity_problems
from advisor.catalog.loader import Catalog, check_references, read_catalog
from advisor.catalog.models import Verdict
from advisor.catalog.pack_words import said
from advisor.core.advisor import limit_problems
from advisor.errors import Problem
from advisor.questionnaire.checks import check_condition
from advisor.questionnaire.kind_base import QuestionType
from advisor.questionnaire.loader import load_questionnaire
from advisor.questionnaire.models import Questionnaire


def _out_of_range(leaf: Leaf, questionnaire: Questionnaire) -> str | None:
    """Why a numeric test can never hold for its integer question's range (``None``: it can)."""
    if not isinstance(leaf, AnswerTest) or leaf.operator not in {"gt", "gte", "lt", "lte", "equals"}:
        return None
    question = questionnaire.question(leaf.answer)
    if question is None or question.type is not QuestionType.INTEGER:
        return None
    low, high, value = question.minimum, question.maximum, leaf.operand
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    never = {
        "gt": high is not None and value >= high,
        "gte": high is not None and value > high,
        "lt": low is not None and value <= low,
        "lte": low is not None and value < low,
        "equals": (low is not None and value < low) or (high is not None and value > high),
    }[leaf.operator]
    if not never:
        return None
    return f"'{leaf.answer}' is between {low} and {high}, so '{leaf.operator}: {value}' never holds"


def rule_problems(
    catalog: Catalog, questionnaire: Questionnaire
) -> tuple[list[Problem], dict[str, list[Clause]]]:
    """Rules that can never fire, and the normal form of every rule that compiles."""
    problems: list[Problem] = []
    clauses: dict[str, list[Clause]] = {}
    for rule_id, rule in catalog.rules.items():
        source = catalog.source("rule", rule_id)
        for message in check_condition(rule.when, questionnaire):
            unknown = message.en.startswith("tests unknown question")
            problems.append(
                source.problem(
                    said("never_fires", rule=rule_id, why=message),
                    hint=said("fix_test" if unknown else "allowed_test"),
                    at=("when",),
                )
            )
        try:
            clauses[rule_id] = to_dnf(rule.when)
        except ConditionError as exc:
            problems.append(source.problem(f"rule '{rule_id}': {exc}", at=("when",)))
            continue
        per_clause = [
            next((r for leaf in clause if (r := _out_of_range(leaf, questionnaire))), None)
            for clause in clauses[rule_id]
        ]
        if per_clause and all(per_clause):
            problems.append(
                source.problem(
                    said("never_fires", rule=rule_id, why=per_clause[0]),
                    hint=said("in_range"),
                    at=("when",),
                )
            )
    return problems, clauses


def unreachable_patterns(catalog: Catalog) -> list[Problem]:
    """Patterns that no rule recommends and no issue lists as a resolver."""
    favoured = {r.pattern for r in catalog.rules.values() if r.verdict is Verdict.RECOMMEND}
    resolvers = {p for issue in catalog.issues.values() for p in issue.resolved_by}
    return [
        catalog.source("pattern", pattern_id).problem(
            said("never_recommended", id=pattern_id),
            hint=said("add_rule"),
        )
        for pattern_id in catalog.patterns
        if pattern_id not in favoured and pattern_id not in resolvers
    ]


def lint_catalog(catalog: Catalog, questionnaire: Questionnaire) -> list[Problem]:
    """All findings about a loaded catalog and questionnaire, sorted by file and line."""
    found = check_references(catalog) + integrity_problems(catalog) + unreachable_patterns(catalog)
    rules, clauses = rule_problems(catalog, questionnaire)
    found += rules + limit_problems(catalog, clauses)
    unique = {(p.path, p.line or 0, p.column or 0, p.message): p for p in found}
    return [unique[key] for key in sorted(unique)]


def lint(packs: Sequence[Path] = (), *, questionnaire: Path | None = None) -> list[Problem]:
    """Load the catalog (the bundled one, overlaid by ``packs``) and lint it.

    Raises:
        DataFileError: a file cannot be read or does not fit its schema, so nothing can be linted.
    """
    catalog = read_catalog(packs)
    return lint_catalog(catalog, load_questionnaire(questionnaire, packs=packs))
