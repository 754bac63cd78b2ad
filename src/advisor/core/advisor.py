"""The library's entry points: load → facts → evaluate → recommend.

>>> from advisor import advise
>>> recommendation = advise({"answers": {"system_name": "Shop", "team_count": 12}})
>>> "microservice-architecture" in recommendation.recommended_ids  # doctest: +SKIP
True
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from advisor.base.resources import bundled_rules_dir, display_path
from advisor.catalog.conditions import Clause, ConditionError, to_dnf
from advisor.catalog.loader import Catalog, load_catalog
from advisor.catalog.pack_words import said
from advisor.core import cache
from advisor.core.agenda import run_agenda
from advisor.core.build import build_recommendation
from advisor.core.engine import Engine, limit_findings
from advisor.core.recommendation import Recommendation
from advisor.errors import CatalogError, Problem
from advisor.questionnaire.answers import Answers, answers_from_mapping, load_answers
from advisor.questionnaire.checks import check_condition
from advisor.questionnaire.loader import load_questionnaire
from advisor.questionnaire.models import Questionnaire
from advisor.questionnaire.overrides import read_answers


def compile_rules(catalog: Catalog, questionnaire: Questionnaire) -> dict[str, list[Clause]]:
    """Every rule's condition in disjunctive normal form, checked against the questionnaire.

    The conditions under which patterns raise their issues are checked the same way.

    Raises:
        CatalogError: a rule tests a question or choice that does not exist, or its
            condition cannot be compiled.
    """
    problems: list[Problem] = []
    clauses: dict[str, list[Clause]] = {}
    for rule_id, rule in catalog.rules.items():
        source = catalog.source("rule", rule_id)
        for message in check_condition(rule.when, questionnaire):
            problems.append(source.problem(said("rule_test", rule=rule_id, problem=message)))
        try:
            clauses[rule_id] = to_dnf(rule.when)
        except ConditionError as exc:
            problems.append(source.problem(f"rule '{rule_id}': {exc}"))
    for risk_id, risk in catalog.risks.items():
        source = catalog.source("risk", risk_id)
        for tested in risk.conditions():
            for message in check_condition(tested, questionnaire):
                problems.append(source.problem(said("risk_test", risk=risk_id, problem=message)))
            try:
                to_dnf(tested)
            except ConditionError as exc:
                problems.append(source.problem(f"risk '{risk_id}': {exc}"))
    for pattern in catalog.patterns.values():
        source = catalog.source("pattern", pattern.id)
        for index, raised in enumerate(pattern.raises):
            condition = raised.when
            if condition is None:
                continue
            where = f"pattern '{pattern.id}', condition of issue '{raised.issue}',"
            at = ("resulting_context", "issues", index, "when")
            for message in check_condition(condition, questionnaire):
                problems.append(
                    source.problem(
                        said("issue_test", pattern=pattern.id, issue=raised.issue, problem=message), at=at
                    )
                )
            try:
                to_dnf(condition)
            except ConditionError as exc:
                problems.append(source.problem(f"{where} {exc}", at=at))
    for question in questionnaire.questions():
        for choice in question.choices:
            for pattern_id in choice.in_place:
                if pattern_id not in catalog.patterns:
                    problems.append(
                        Problem(
                            f"questionnaire '{questionnaire.id}'",
                            f"choice '{choice.value}' of '{question.id}' names unknown pattern "
                            f"'{pattern_id}' under in_place",
                            hint="name a pattern of the catalog ('advisor patterns list')",
                        )
                    )
            for group_id in choice.scope:
                if group_id not in catalog.groups:
                    problems.append(
                        Problem(
                            f"questionnaire '{questionnaire.id}'",
                            f"choice '{choice.value}' of '{question.id}' names unknown pattern group "
                            f"'{group_id}' under scope",
                            hint=f"name a group of groups.yaml: {', '.join(sorted(catalog.groups))}",
                        )
                    )
    # A pack beyond the engine's limits would hang it: refused here, located at its rule.
    problems += limit_problems(catalog, clauses)
    if problems:
        raise CatalogError(problems)
    return clauses


def limit_problems(catalog: Catalog, clauses: dict[str, list[Clause]]) -> list[Problem]:
    """Findings of the engine's hard limits, each at the first rule involved."""
    bundled = display_path(bundled_rules_dir())
    problems = []
    for finding in limit_findings(clauses):
        # Blame a rule of a pack rather than one of the bundled catalog, which lints clean on its own.
        culprit = min(finding.rules, key=lambda r: (catalog.source("rule", r).path.startswith(bundled), r))
        problems.append(
            catalog.source("rule", culprit).problem(
                finding.message,
                hint="split the tests over fewer distinct values or fewer rules",
                at=("when",),
            )
        )
    return problems


class Advisor:
    """A catalog, a questionnaire and their compiled rules; reuse it for many assessments."""

    def __init__(
        self,
        catalog: Catalog,
        questionnaire: Questionnaire,
        *,
        clauses: dict[str, list[Clause]] | None = None,
        checked: bool = False,
    ) -> None:
        """Compile the rules of ``catalog`` (unless ``clauses`` holds them already) and register them.

        ``checked`` says that ``clauses`` came from :func:`compile_rules` for this catalog and
        questionnaire (as the compiled-catalog cache's do), so their limits are not checked again.
        """
        self.catalog = catalog
        self.questionnaire = questionnaire
        self.clauses = compile_rules(catalog, questionnaire) if clauses is None else clauses
        self.engine = Engine(self.clauses, checked=checked or clauses is None)

    @classmethod
    def load(cls, rules: Sequence[Path] = (), questionnaire: Path | None = None) -> Advisor:
        """The advisor for the bundled catalog plus rule packs ``rules`` (cached per process).

        Each pack overlays the catalog's entries and the questionnaire's sections by id.
        """
        key = (tuple(_real(p) for p in rules), _real(questionnaire) if questionnaire else None)
        misses = _cached_advisor.cache_info().misses
        with _collections_paused():
            advisor = _cached_advisor(*key)
            if _cached_advisor.cache_info().misses != misses:
                # Loaded just now: the catalog lives as long as the process, so the collector
                # need not scan its many objects again (full collections made the slowest runs).
                gc.freeze()
        return advisor

    def read_answers(self, path: Path, sets: Sequence[str] = ()) -> Answers:
        """Read and check an answers file, with ``--set`` overrides ``sets`` applied over it."""
        if sets:
            return read_answers(
                path, self.questionnaire, self.catalog.forces, sets, patterns=self.catalog.patterns
            )
        return load_answers(path, self.questionnaire, self.catalog.forces, patterns=self.catalog.patterns)

    def check_answers(self, data: Mapping[str, Any], name: str = "<answers>") -> Answers:
        """Check answers given as Python data (the content of an answers file)."""
        return answers_from_mapping(
            data, self.questionnaire, self.catalog.forces, name, patterns=self.catalog.patterns
        )

    def advise(self, answers: Answers) -> Recommendation:
        """Assess one system: its answers → a sorted, explained recommendation."""
        agenda = run_agenda(self.catalog, self.questionnaire, answers, self.engine.session)
        return build_recommendation(agenda, self.questionnaire, self.clauses)


def _real(path: Path) -> Path:
    """``path`` with links resolved, without failing on a link loop (reading it reports that)."""
    return Path(os.path.realpath(path))


@contextmanager
def _collections_paused() -> Iterator[None]:
    """No garbage collection while a catalog loads: it allocates much and frees little."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=8)
def _cached_advisor(rules: tuple[Path, ...], questionnaire: Path | None) -> Advisor:
    key, compiled = cache.load(rules, questionnaire)
    if compiled is not None:
        catalog, loaded, clauses = compiled
        return Advisor(catalog, loaded, clauses=clauses, checked=True)  # stored only once compiled
    advisor = Advisor(load_catalog(rules), load_questionnaire(questionnaire, packs=rules))
    cache.store(key, (advisor.catalog, advisor.questionnaire, advisor.clauses))
    return advisor


def advise(
    answers: Mapping[str, Any] | Path | str | Answers,
    *,
    rules: Sequence[Path] = (),
    questionnaire: Path | None = None,
) -> Recommendation:
    """Recommend patterns for one system.

    Args:
        answers: an answers file's path, its content as a mapping, or checked answers.
        rules: extra rule pack folders overlaid on the bundled catalog.
        questionnaire: a questionnaire file instead of the bundled default.

    Raises:
        AdvisorError: the answers, the catalog or a rule pack is invalid.
    """
    advisor = Advisor.load(rules, questionnaire)
    if isinstance(answers, Answers):
        checked = answers
    elif isinstance(answers, Path | str):
        checked = advisor.read_answers(Path(answers))
    else:
        checked = advisor.check_answers(answers)
    return advisor.advise(checked)
