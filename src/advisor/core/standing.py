"""Where each pattern stands in one assessment: what is adopted, which issues are raised
and open, and what that means for every other pattern.

The state (:class:`Standing`) changes in three ways only: a rule fires (the scores of
:class:`~advisor.core.scores.Scores`), a pattern is adopted, an issue is raised. What a
query finds depends on nothing else, so each answer is kept until the state changes: a
step of the agenda (:mod:`advisor.core.agenda`) ranks its candidates and weighs their
decisions with each pattern's standing worked out once. The open issues and the first one
each pattern resolves change only when an issue is raised or resolved, and follow those
changes rather than being worked out again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    Condition,
    ForceTest,
    IssueTest,
    Leaf,
    PatternTest,
    leaf_holds,
    value_holds,
)
from advisor.catalog.models import RaisedIssue, Requirement
from advisor.core.clauses import clauses_of, parts_of
from advisor.core.engine import Firing
from advisor.core.facts import Fact, issue_fact
from advisor.core.relations import Relations, relations_of
from advisor.core.scores import Scores

#: How a pattern entered the recommendation (in place: the system already uses it).
RULE, SUCCESSOR, REQUIREMENT, IN_PLACE = "rule", "successor", "requirement", "in-place"

IssueKey = tuple[str, str]  # (raiser, issue)


@dataclass(frozen=True)
class Adoption:
    """How one pattern was adopted: why, after which pattern, at which step."""

    origin: str  # RULE, SUCCESSOR, REQUIREMENT or IN_PLACE
    parent: str | None
    depth: int
    step: int


@dataclass
class Standing(Scores):
    """What is adopted and raised so far, and where every pattern stands with it."""

    adopted: dict[str, Adoption] = field(default_factory=dict)
    raised: dict[IssueKey, int] = field(default_factory=dict)  # → the step that raised it
    issue_facts: set[str] = field(default_factory=set)
    relations: Relations = field(init=False, repr=False, compare=False)
    _raised_order: list[tuple[int, str, str]] = field(default_factory=list)  # (step, raiser, issue)
    _unraised: list[tuple[str, RaisedIssue]] = field(default_factory=list)  # (raiser, its issue)
    _resolved: set[str] = field(default_factory=set)  # the issues an adopted pattern resolves
    _answer_tests: dict[int, tuple[Leaf, bool]] = field(default_factory=dict)  # id → (test, holds)
    _open_clauses: dict[int, tuple[Condition, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]] = field(
        default_factory=dict
    )
    # Worked out from the current state (by pattern), forgotten when it changes.
    _open: list[IssueKey] | None = None
    _resolving: dict[str, IssueKey] | None = None  # resolver → the first open issue it resolves
    _links: list[tuple[str, str, str]] | None = None
    _blocked: dict[str, str | None] = field(default_factory=dict)
    _enterable: dict[str, bool] = field(default_factory=dict)
    _satisfiable: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.relations = relations_of(self.catalog)

    def _changed(self) -> None:
        """Forget what was worked out about each pattern from the state before it changed.

        The open issues and their resolvers change only when an issue is raised or an
        adopted pattern resolves a raised one: :meth:`_issues_changed`.
        """
        self._blocked.clear()
        self._enterable.clear()
        self._satisfiable.clear()

    def _issues_changed(self) -> None:
        """Forget the open issues, their resolvers and links."""
        self._open = self._resolving = self._links = None

    def record(self, firings: Sequence[Firing]) -> bool:
        """Take in rule firings: each rule counts once, its weight signed by its verdict."""
        new = super().record(firings)
        if new:
            self._changed()
        return new

    def blocked_by(self, pattern_id: str) -> str | None:
        """The adopted exclusive alternative that excludes ``pattern_id``, if any.

        A pattern already in place excludes its alternatives unless it is :meth:`displaced`:
        then the alternative can be recommended and the pattern in place is to be reconsidered.
        """
        if pattern_id in self._blocked:
            return self._blocked[pattern_id]
        adopted = self.adopted
        blocker = next(
            (
                a
                for a in self.relations.exclusive_by_id[pattern_id]
                if a in adopted and not self.displaced(a, pattern_id)
            ),
            None,
        )
        self._blocked[pattern_id] = blocker
        return blocker

    def displaced(self, in_place: str, challenger: str) -> bool:
        """Whether ``challenger`` may replace ``in_place``, a pattern the system already uses.

        Keeping what is in place costs nothing; switching costs a migration. So a pattern in
        place gives way only where the answers or the forces contradict it: its rules advise
        against it, or nothing favours it and on balance it hurts the prioritised forces while
        the rules favour the challenger and it scores higher. A merely better-scoring
        alternative does not replace a pattern that works.
        """
        adoption = self.adopted.get(in_place)
        if adoption is None or adoption.origin != IN_PLACE:
            return False
        if self.rule_score(in_place) < 0:
            return True
        return (
            self.rule_score(in_place) == 0
            and self.fit(in_place) < 0
            and self.rule_score(challenger) > 0
            and self.total(challenger) > self.total(in_place)
        )

    def seed_in_place(self, patterns: Sequence[str]) -> list[str]:
        """Adopt the patterns the system already uses: facts whose issues are raised like any other."""
        for pattern_id in patterns:
            self._adopt(pattern_id, IN_PLACE, None, 0)
        return list(patterns)

    def open_issues(self) -> list[IssueKey]:
        """The raised (raiser, issue) pairs that no adopted pattern resolves, earliest raised first."""
        if self._open is None:
            resolved = self._resolved
            self._open = [(raiser, issue) for _, raiser, issue in self._raised_order if issue not in resolved]
        return self._open

    def resolving(self, pattern_id: str) -> IssueKey | None:
        """The first raised, unresolved (raiser, issue) that ``pattern_id`` resolves, if any."""
        return self.resolvers().get(pattern_id)

    def resolvers(self) -> dict[str, IssueKey]:
        """Each pattern that resolves a raised, unresolved issue, with the first such (raiser, issue)."""
        if self._resolving is None:
            resolved_by = self.relations.resolved_by
            # Latest first, so that each resolver keeps the earliest issue it resolves.
            self._resolving = {r: key for key in reversed(self.open_issues()) for r in resolved_by[key[1]]}
        return self._resolving

    def enterable(self, pattern_id: str) -> bool:
        """Whether ``pattern_id`` follows the patterns adopted so far (or starts a chain)."""
        known = self._enterable.get(pattern_id)
        if known is None:
            predecessors = self.relations.predecessors[pattern_id]
            known = self._enterable[pattern_id] = (
                not predecessors
                or any(p in self.adopted for p in predecessors)
                or self.resolving(pattern_id) is not None
            )
        return known

    def _may_still_enter(self, pattern_id: str, seen: frozenset[str]) -> bool:
        """Whether a predecessor of ``pattern_id`` that is not adopted may still be."""
        for predecessor in sorted(self.relations.predecessors[pattern_id] - seen):
            if predecessor in self.adopted or self.blocked_by(predecessor):
                continue
            if self.rule_score(predecessor) < 0 and not self.favoured(predecessor):
                continue
            if self.enterable(predecessor) or self._may_still_enter(predecessor, seen | {predecessor}):
                return True
        return False

    def _meets(self, option: str, seen: frozenset[str]) -> bool:
        """Whether ``option`` is adopted, or could be adopted to meet a requirement."""
        if option in self.adopted:
            return True
        return (
            option not in seen
            and self.rule_score(option) >= 0
            and self.blocked_by(option) is None
            and self.enterable(option)
            and self.satisfiable(option, seen)
        )

    def satisfiable(self, pattern_id: str, seen: frozenset[str] = frozenset()) -> bool:
        """Whether every requirement of ``pattern_id`` is met, or can be met by adopting patterns."""
        if not seen and pattern_id in self._satisfiable:
            return self._satisfiable[pattern_id]
        within = seen | {pattern_id}
        met = all(
            any(self._meets(option, within) for option in requirement.any_of)
            for requirement in self.catalog.patterns[pattern_id].requires
        )
        if not seen:
            self._satisfiable[pattern_id] = met
        return met

    def unmeetable(self, pattern_id: str) -> list[Requirement]:
        """The requirements of ``pattern_id`` that are not met and cannot be."""
        seen = frozenset({pattern_id})
        requires = self.catalog.patterns[pattern_id].requires
        return [r for r in requires if not any(self._meets(o, seen) for o in r.any_of)]

    def _adopt(self, pattern_id: str, origin: str, parent: str | None, number: int) -> None:
        depth = self.adopted[parent].depth + 1 if parent in self.adopted else 0
        self.adopted[pattern_id] = Adoption(origin, parent, depth, number)
        resolves = self.relations.resolves[pattern_id]
        if not resolves <= self._resolved:
            newly = (resolves - self._resolved) & self.issue_facts  # raised issues resolved now
            self._resolved |= resolves
            if newly:
                self._note_resolved(newly)
        self._links = None
        self._unraised += [(pattern_id, raised) for raised in self.catalog.patterns[pattern_id].raises]
        self._changed()

    # -- issues -----------------------------------------------------------------------------

    def raise_issues(self, number: int) -> list[Fact]:
        """Raise the issues of adopted patterns whose conditions hold; the facts of new issues."""
        facts = []
        waiting = []  # issues of adopted patterns not raised yet, in the order of adoption
        for raiser, raised in self._unraised:
            issue_id = raised.issue
            if (raiser, issue_id) in self.raised:
                continue
            if raised.when is not None and not self.holds(raised.when):
                waiting.append((raiser, raised))
                continue
            self.raised[(raiser, issue_id)] = number
            self._note_raised(number, raiser, issue_id)
            if issue_id not in self.issue_facts:
                self.issue_facts.add(issue_id)
                facts.append(issue_fact(issue_id))
        if len(waiting) < len(self._unraised):
            self._changed()
        self._unraised = waiting
        return facts

    def _note_raised(self, number: int, raiser: str, issue_id: str) -> None:
        """File a raised issue in the order of raising; the open issues and their resolvers
        follow it, worked out again only when it is not the latest."""
        order = self._raised_order
        at = bisect_right(order, (number, raiser, issue_id))
        order.insert(at, (number, raiser, issue_id))
        self._links = None
        if at < len(order) - 1 or self._open is None:
            self._issues_changed()
        elif issue_id not in self._resolved:  # a new open issue, the latest
            key = (raiser, issue_id)
            self._open = [*self._open, key]
            if self._resolving is not None:
                self._resolving = dict.fromkeys(self.relations.resolved_by[issue_id], key) | self._resolving

    def _note_resolved(self, issue_ids: frozenset[str]) -> None:
        """Take raised issues out of the open ones (their resolvers are worked out again)."""
        if self._open is not None:
            self._open = [key for key in self._open if key[1] not in issue_ids]
        self._resolving = None

    def holds(self, condition: Condition) -> bool:
        """Whether ``condition`` holds for the answers, the adopted patterns and the raised issues."""
        adopted, issues = self.adopted, self.issue_facts
        return any(
            all(p in adopted for p in patterns) and all(i in issues for i in issue_ids)
            for patterns, issue_ids in self.open_clauses(condition)
        )

    def open_clauses(self, condition: Condition) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
        """The patterns and issues each clause of ``condition`` tests, for the clauses whose
        answer and weight tests hold (worked out once per assessment)."""
        known = self._open_clauses.get(id(condition))
        if known is None or known[0] is not condition:
            value, weight = self.answers.value, self.answers.weight
            found = tuple(
                (patterns, issue_ids)
                for tests, patterns, issue_ids in parts_of(condition)
                if all(
                    value_holds(op, operand, value(name) if of_answer else weight(name))
                    for of_answer, name, op, operand in tests
                )
            )
            known = self._open_clauses[id(condition)] = (condition, found)
        return known[1]

    def failing(self, clause: Clause) -> list[Leaf]:
        """The tests of ``clause`` that do not hold."""
        return [leaf for leaf in clause if not self._leaf_holds(leaf)]

    def _leaf_holds(self, leaf: Leaf) -> bool:
        if isinstance(leaf, PatternTest):
            return leaf.pattern in self.adopted
        if isinstance(leaf, IssueTest):
            return leaf.issue in self.issue_facts
        return self._answer_test(leaf)

    def _answer_test(self, leaf: Leaf) -> bool:
        """Whether a test of an answer or a weight holds: so or not for the whole assessment,
        worked out once per test (the entry keeps the test, so its id is not reused meanwhile)."""
        known = self._answer_tests.get(id(leaf))
        if known is None or known[0] is not leaf:
            if isinstance(leaf, AnswerTest):
                held = leaf_holds(leaf, self.answers.value(leaf.answer))
            else:
                assert isinstance(leaf, ForceTest)
                held = leaf_holds(leaf, self.answers.weight(leaf.force))
            known = self._answer_tests[id(leaf)] = (leaf, held)
        return known[1]

    def not_raised(self) -> list[tuple[str, str, Clause]]:
        """Each (raiser, issue, clause) of an adopted pattern whose issue was not raised: the
        clause of its condition closest to holding, whose failing tests say why."""
        found = []
        for raiser in sorted(self.adopted):
            for raised in sorted(self.catalog.patterns[raiser].raises, key=lambda r: r.issue):
                if raised.when is not None and (raiser, raised.issue) not in self.raised:
                    closest = min(clauses_of(raised.when), key=lambda c: len(self.failing(c)))
                    found.append((raiser, raised.issue, closest))
        return found

    def links(self) -> list[tuple[str, str, str]]:
        """(raiser, issue, resolver) for every raised issue and each adopted pattern resolving it."""
        if self._links is None:
            self._links = [
                (raiser, issue_id, resolver)
                for raiser, issue_id in sorted(self.raised)
                for resolver in sorted(self.catalog.issues[issue_id].resolved_by)
                if resolver in self.adopted
            ]
        return self._links
