"""The agenda: fired rules + catalog → the patterns to adopt, best first, to a fixpoint.

The engine matches rules; the agenda resolves conflicts and chains successors, the
way a rule engine's agenda would, one decision per step:

1. **Candidates.** A pattern not adopted is a candidate when the rules favour it
   (positive rule score) and it can enter (it has no predecessor, or one is adopted),
   or when it resolves an issue raised by an adopted pattern that nothing adopted
   resolves yet and the rules do not advise against it. A pattern excluded by an
   adopted alternative, or whose requirements cannot be met, is no candidate.
2. **The best decision.** The best candidate (highest total score: rule weights plus
   fit with the prioritised forces; ties by id) is weighed against its rivals: its
   exclusive alternatives (not advised against, or favoured by some rule) and, for a
   successor, the other resolvers of its issue (not advised against), each of them
   able to enter now and with its requirements met or adoptable. The option with the
   highest total is adopted. A decision waits while a better rival still waits for a
   predecessor that may yet be adopted (serverless deployment against containers waits
   until the architecture style is settled), or while a rival's rules that test patterns
   or issues not settled yet may still lift it above the best option (or such rules lower
   the best one); the best decision that need not wait is made first, and when only
   waiting ones are left, the best of them is made.
3. **Requirements.** The winner's unmet ``requires`` are met by adopting, with it, the
   best pattern of each requirement that can be adopted (not advised against, not
   excluded, able to enter). A pattern whose requirement cannot be met is no option.
4. **Re-evaluation.** Adopted patterns become facts; the rules that test them fire;
   the issues of adopted patterns whose ``when`` condition holds (or that have
   none) are raised and become facts. Then the next step, until no candidate is left.
   Every pattern is adopted at most once, so the loop ends and catalog cycles terminate.

Invariants of the final state (the tests check them over generated answers):

- **I1** every adopted pattern has an adopted predecessor, or none, or is in place;
- **I2** no adopted pattern has an exclusive alternative that is not adopted, can enter,
  is not advised against, has its requirements met or adoptable, and scores a higher total;
- **I3** every requirement of an adopted pattern is met by an adopted pattern;
- **I4** the result does not depend on the order of the catalog's files or entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from advisor.catalog.conditions import (
    AnswerTest,
    Clause,
    Condition,
    ForceTest,
    IssueTest,
    Leaf,
    PatternTest,
    leaf_holds,
    to_dnf,
)
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Effect, ForceEffect, Requirement, Rule, Verdict
from advisor.core.engine import Firing, Session
from advisor.core.facts import Fact, answer_facts, issue_fact, pattern_fact
from advisor.core.recommendation import ForceContribution, Score
from advisor.core.relations import Relations
from advisor.questionnaire.answers import Answers, in_place_patterns
from advisor.questionnaire.models import Questionnaire

#: How a pattern entered the recommendation (in place: the system already uses it).
RULE, SUCCESSOR, REQUIREMENT, IN_PLACE = "rule", "successor", "requirement", "in-place"

IssueKey = tuple[str, str]  # (raiser, issue)


@lru_cache(maxsize=1024)
def _clauses(condition: Condition) -> tuple[Clause, ...]:
    """A condition compiled to disjunctive normal form (conditions are frozen, so cached)."""
    return tuple(to_dnf(condition))


@dataclass(frozen=True)
class Adoption:
    """How one pattern was adopted: why, after which pattern, at which step."""

    origin: str  # RULE, SUCCESSOR, REQUIREMENT or IN_PLACE
    parent: str | None
    depth: int
    step: int


@dataclass(frozen=True)
class Decision:
    """One choice: a candidate, the issue it would resolve, its options (best first)
    and the better rivals still waiting for a predecessor."""

    candidate: str
    issue: IssueKey | None
    options: tuple[str, ...]
    waiting: tuple[str, ...]


@dataclass
class Agenda:
    """The state of one assessment's reasoning: what fired, what is adopted, and why."""

    catalog: Catalog
    answers: Answers
    fired: dict[str, int] = field(default_factory=dict)
    adopted: dict[str, Adoption] = field(default_factory=dict)
    raised: dict[IssueKey, int] = field(default_factory=dict)  # → the step that raised it
    contested: dict[str, str] = field(default_factory=dict)  # winner → the favoured rival it beat
    set_aside: dict[str, str] = field(default_factory=dict)  # pattern → the better rival it yields to
    issue_facts: set[str] = field(default_factory=set)
    _fit: dict[str, tuple[ForceContribution, ...]] = field(default_factory=dict)
    _fit_total: dict[str, float] = field(default_factory=dict)
    _rule_scores: dict[str, int] = field(default_factory=dict)
    _favoured: set[str] = field(default_factory=set)
    _open: list[IssueKey] | None = None

    @cached_property
    def relations(self) -> Relations:
        """The catalog's relations, indexed for this assessment."""
        return Relations.of(self.catalog)

    # -- scores ---------------------------------------------------------------------------

    def record(self, firings: Sequence[Firing]) -> None:
        """Take in rule firings: each rule counts once, its weight signed by its verdict."""
        for firing in firings:
            if firing.rule in self.fired:
                continue
            self.fired[firing.rule] = firing.clause
            rule = self.catalog.rules[firing.rule]
            signed = rule.weight if rule.verdict is Verdict.RECOMMEND else -rule.weight
            if rule.verdict is Verdict.RECOMMEND:
                self._favoured.add(rule.pattern)
            self._rule_scores[rule.pattern] = self._rule_scores.get(rule.pattern, 0) + signed

    def rule_score(self, pattern_id: str) -> int:
        """The summed weights of the fired rules about ``pattern_id`` (advising against counts negative)."""
        return self._rule_scores.get(pattern_id, 0)

    def favoured(self, pattern_id: str) -> bool:
        """Whether some fired rule recommends ``pattern_id``, whatever the others say."""
        return pattern_id in self._favoured

    def _effects(self, pattern_id: str) -> list[tuple[ForceEffect, int, float]]:
        """Each force effect of ``pattern_id`` (by force) with its weight and points."""
        effects = []
        for effect in sorted(self.catalog.patterns[pattern_id].forces, key=lambda e: e.force):
            weight = self.answers.weight(effect.force)
            sign = 1 if effect.effect is Effect.HELPS else -1
            effects.append((effect, weight, round(sign * weight * effect.strength / 5, 2)))
        return effects

    def contributions(self, pattern_id: str) -> tuple[ForceContribution, ...]:
        """How each prioritised force moves the score of ``pattern_id`` (cached per pattern)."""
        if pattern_id not in self._fit:
            self._fit[pattern_id] = tuple(
                ForceContribution(
                    force=effect.force,
                    weight=weight,
                    effect=effect.effect.value,
                    strength=effect.strength,
                    points=points,
                )
                for effect, weight, points in self._effects(pattern_id)
            )
        return self._fit[pattern_id]

    def fit(self, pattern_id: str) -> float:
        """How well ``pattern_id`` serves the prioritised forces (cached per pattern).

        Computed from the numbers alone: ranking asks for the fit of every pattern, the
        contribution models are built only for the patterns a result shows.
        """
        if pattern_id not in self._fit_total:
            self._fit_total[pattern_id] = round(sum(e[2] for e in self._effects(pattern_id)), 2)
        return self._fit_total[pattern_id]

    def total(self, pattern_id: str) -> float:
        """The score by which candidates are ranked: rule weights plus force fit."""
        return round(self.rule_score(pattern_id) + self.fit(pattern_id), 2)

    def score(self, pattern_id: str) -> Score:
        """The rule, force and total score of ``pattern_id``."""
        return Score(
            rules=self.rule_score(pattern_id), forces=self.fit(pattern_id), total=self.total(pattern_id)
        )

    def rank(self, pattern_id: str) -> tuple[float, int, str]:
        """Sort key: the highest total first, then the rules' verdict, then by id."""
        return (-self.total(pattern_id), -self.rule_score(pattern_id), pattern_id)

    # -- where a pattern stands -------------------------------------------------------------

    def blocked_by(self, pattern_id: str) -> str | None:
        """The adopted exclusive alternative that excludes ``pattern_id``, if any.

        A pattern already in place excludes its alternatives unless the rules advise against
        it, or the rules favour the alternative and it scores higher: then the alternative
        can be recommended and the pattern in place is to be reconsidered.
        """
        exclusive = self.relations.exclusive[pattern_id]
        return next(
            (a for a in sorted(exclusive) if a in self.adopted and not self.displaced(a, pattern_id)), None
        )

    def displaced(self, in_place: str, challenger: str) -> bool:
        """Whether ``challenger`` may replace ``in_place``, a pattern the system already uses."""
        adoption = self.adopted.get(in_place)
        if adoption is None or adoption.origin != IN_PLACE:
            return False
        return self.rule_score(in_place) < 0 or (
            self.rule_score(challenger) > 0 and self.total(challenger) > self.total(in_place)
        )

    def seed_in_place(self, patterns: Sequence[str]) -> list[str]:
        """Adopt the patterns the system already uses: facts whose issues are raised like any other."""
        for pattern_id in patterns:
            self._adopt(pattern_id, IN_PLACE, None, 0)
        return list(patterns)

    def open_issues(self) -> list[IssueKey]:
        """The raised (raiser, issue) pairs that no adopted pattern resolves, earliest raised first."""
        if self._open is None:
            self._open = [
                key
                for key in sorted(self.raised, key=lambda k: (self.raised[k], k))
                if not any(r in self.adopted for r in self.catalog.issues[key[1]].resolved_by)
            ]
        return self._open

    def resolving(self, pattern_id: str) -> IssueKey | None:
        """The first raised, unresolved (raiser, issue) that ``pattern_id`` resolves, if any."""
        resolves = self.relations.resolves[pattern_id]
        return next((key for key in self.open_issues() if key[1] in resolves), None)

    def enterable(self, pattern_id: str) -> bool:
        """Whether ``pattern_id`` follows the patterns adopted so far (or starts a chain)."""
        predecessors = self.relations.predecessors[pattern_id]
        return (
            not predecessors
            or any(p in self.adopted for p in predecessors)
            or self.resolving(pattern_id) is not None
        )

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
        seen = seen | {pattern_id}
        return all(
            any(self._meets(option, seen) for option in requirement.any_of)
            for requirement in self.catalog.patterns[pattern_id].requires
        )

    def unmeetable(self, pattern_id: str) -> list[Requirement]:
        """The requirements of ``pattern_id`` that are not met and cannot be."""
        seen = frozenset({pattern_id})
        requires = self.catalog.patterns[pattern_id].requires
        return [r for r in requires if not any(self._meets(o, seen) for o in r.any_of)]

    # -- decisions --------------------------------------------------------------------------

    def _admissible(self, pattern_id: str) -> bool:
        return (
            pattern_id not in self.adopted
            and self.blocked_by(pattern_id) is None
            and not self._kept_for(pattern_id)
            and self.satisfiable(pattern_id)
        )

    def _kept_for(self, pattern_id: str) -> bool:
        """Whether ``pattern_id`` is set aside for a better alternative that is still possible."""
        better = self.set_aside.get(pattern_id)
        return better is not None and self.rule_score(better) >= 0 and self.blocked_by(better) is None

    def violation(self) -> tuple[str, str] | None:
        """An adopted pattern and a better exclusive alternative that could have been chosen
        instead (invariant I2 broken), if any: the first by id."""
        for pattern_id in sorted(self.adopted):
            if self.adopted[pattern_id].origin == IN_PLACE:
                continue
            for alt in sorted(self.relations.exclusive[pattern_id]):
                if alt in self.adopted or self.total(alt) <= self.total(pattern_id):
                    continue
                others = self.relations.exclusive[alt] - {pattern_id}
                if any(o in self.adopted and not self.displaced(o, alt) for o in others):
                    continue
                if self.rule_score(alt) < 0 or not self.enterable(alt) or not self.satisfiable(alt):
                    continue
                if self.rule_score(alt) > 0 or self.relations.resolves[alt] & self.issue_facts:
                    return (pattern_id, alt)
        return None

    def candidates(self) -> list[tuple[str, IssueKey | None]]:
        """The patterns that may be adopted next, each with the issue it would resolve, best first."""
        found = []
        for pattern_id in sorted(self.catalog.patterns, key=self.rank):
            score = self.rule_score(pattern_id)
            issue = self.resolving(pattern_id)
            wanted = (score > 0 and self.enterable(pattern_id)) or (issue is not None and score >= 0)
            if wanted and self._admissible(pattern_id):
                found.append((pattern_id, issue))
        return found

    def _may_fire(self, rule: Rule) -> bool:
        """Whether a rule that has not fired still may, as patterns are adopted and issues raised."""
        if rule.id in self.fired:
            return False
        for clause in _clauses(rule.when):
            if all(
                self.blocked_by(leaf.pattern) is None
                if isinstance(leaf, PatternTest)
                else isinstance(leaf, IssueTest) or self._leaf_holds(leaf)
                for leaf in clause
            ):
                return True
        return False

    def _swing(self, pattern_id: str, verdict: Verdict) -> int:
        """How much the rule score of ``pattern_id`` may still move with ``verdict``."""
        rules = (self.catalog.rules[r] for r in self.relations.derived_rules[pattern_id])
        return sum(r.weight for r in rules if r.verdict is verdict and self._may_fire(r))

    def has_reason(self, pattern_id: str) -> bool:
        """Whether something speaks for ``pattern_id``: a rule, or an issue raised that it resolves."""
        return (
            self.rule_score(pattern_id) > 0
            or self.favoured(pattern_id)
            or any(i in self.issue_facts for i in self.relations.resolves[pattern_id])
        )

    def _rival(self, rival: str, co_resolvers: set[str]) -> bool:
        """Whether ``rival`` is weighed in a decision: co-resolvers the rules do not advise
        against; alternatives something speaks for (a rule that favours it, even when others
        lean against it, or an issue raised that it resolves)."""
        if rival in co_resolvers:
            return self.rule_score(rival) >= 0 and self._admissible(rival)
        score_ok = self.rule_score(rival) >= 0 or self.favoured(rival)
        return score_ok and self.has_reason(rival) and self._admissible(rival)

    def decide(self, candidate: str, issue: IssueKey | None) -> Decision:
        """Weigh ``candidate`` against its rivals: the options that can enter now, and those waiting."""
        co_resolvers = set(self.catalog.issues[issue[1]].resolved_by) if issue else set()
        rivals = (self.relations.exclusive[candidate] | co_resolvers) - {candidate}
        options = [candidate]
        options += [r for r in sorted(rivals) if self._rival(r, co_resolvers) and self.enterable(r)]
        options.sort(key=self.rank)
        best = options[0]
        # The winner's alternatives still waiting for a predecessor that may yet come.
        later = (self.relations.exclusive[best] | co_resolvers) - {best, *options}
        waiting = [
            w
            for w in sorted(later)
            if self.total(w) > self.total(best)
            and (self.rule_score(w) >= 0 or self.favoured(w))
            and self._admissible(w)
            and not self.enterable(w)
            and self._may_still_enter(w, frozenset({w}))
        ]
        # A rival whose rules may still fire (they test patterns or issues not settled yet)
        # could overtake the best option later: wait for those facts too.
        lowest = self.total(best) - self._swing(best, Verdict.ADVISE_AGAINST)
        waiting += [o for o in options[1:] if self.total(o) + self._swing(o, Verdict.RECOMMEND) > lowest]
        return Decision(candidate, issue, tuple(options), tuple(sorted(waiting)))

    def step(self, number: int) -> list[str]:
        """Make the best decision that need not wait and adopt its winner; what was adopted."""
        decisions = [self.decide(p, issue) for p, issue in self.candidates()]
        if not decisions:
            return []
        decision = next((d for d in decisions if not d.waiting), decisions[0])
        return self._adopt_winner(decision, number)

    def _adopt_winner(self, decision: Decision, number: int) -> list[str]:
        winner = decision.options[0]
        issue = self.resolving(winner)
        if self.rule_score(winner) > 0 or issue is None:
            if self.rule_score(winner) <= 0:
                self.contested[winner] = decision.candidate
            predecessors = self.relations.predecessors[winner]
            # A pattern newly adopted is a better parent than one merely in place.
            ranked = sorted(self.adopted, key=lambda p: self.adopted[p].origin == IN_PLACE)
            parent = next((p for p in ranked if p in predecessors), issue[0] if issue else None)
            self._adopt(winner, RULE, parent, number)
        else:
            self._adopt(winner, SUCCESSOR, issue[0], number)
        return [winner, *self._meet_requirements(winner, number)]

    def _meet_requirements(self, pattern_id: str, number: int) -> list[str]:
        added = []
        for requirement in self.catalog.patterns[pattern_id].requires:
            if any(option in self.adopted for option in requirement.any_of):
                continue
            usable = [o for o in requirement.any_of if self._meets(o, frozenset({pattern_id}))]
            if not usable:  # only when two requirements compete for exclusive alternatives
                continue
            chosen = min(usable, key=self.rank)
            self._adopt(chosen, REQUIREMENT, pattern_id, number)
            added += [chosen, *self._meet_requirements(chosen, number)]
        return added

    def _adopt(self, pattern_id: str, origin: str, parent: str | None, number: int) -> None:
        depth = self.adopted[parent].depth + 1 if parent in self.adopted else 0
        self.adopted[pattern_id] = Adoption(origin, parent, depth, number)
        self._open = None

    # -- issues -----------------------------------------------------------------------------

    def raise_issues(self, number: int) -> list[Fact]:
        """Raise the issues of adopted patterns whose conditions hold; the facts of new issues."""
        facts = []
        for raiser in self.adopted:
            for raised in self.catalog.patterns[raiser].raises:
                issue_id = raised.issue
                if (raiser, issue_id) in self.raised:
                    continue
                if raised.when is not None and not self.holds(raised.when):
                    continue
                self.raised[(raiser, issue_id)] = number
                self._open = None
                if issue_id not in self.issue_facts:
                    self.issue_facts.add(issue_id)
                    facts.append(issue_fact(issue_id))
        return facts

    def holds(self, condition: Condition) -> bool:
        """Whether ``condition`` holds for the answers, the adopted patterns and the raised issues."""
        return any(not self.failing(clause) for clause in _clauses(condition))

    def failing(self, clause: Clause) -> list[Leaf]:
        """The tests of ``clause`` that do not hold."""
        return [leaf for leaf in clause if not self._leaf_holds(leaf)]

    def _leaf_holds(self, leaf: Leaf) -> bool:
        if isinstance(leaf, PatternTest):
            return leaf.pattern in self.adopted
        if isinstance(leaf, IssueTest):
            return leaf.issue in self.issue_facts
        if isinstance(leaf, AnswerTest):
            return leaf_holds(leaf, self.answers.value(leaf.answer))
        assert isinstance(leaf, ForceTest)
        return leaf_holds(leaf, self.answers.weight(leaf.force))

    def not_raised(self) -> list[tuple[str, str, Clause]]:
        """Each (raiser, issue, clause) of an adopted pattern whose issue was not raised: the
        clause of its condition closest to holding, whose failing tests say why."""
        found = []
        for raiser in sorted(self.adopted):
            for raised in sorted(self.catalog.patterns[raiser].raises, key=lambda r: r.issue):
                if raised.when is not None and (raiser, raised.issue) not in self.raised:
                    closest = min(_clauses(raised.when), key=lambda c: len(self.failing(c)))
                    found.append((raiser, raised.issue, closest))
        return found

    # -- the final state --------------------------------------------------------------------

    def links(self) -> list[tuple[str, str, str]]:
        """(raiser, issue, resolver) for every raised issue and each adopted pattern resolving it."""
        return [
            (raiser, issue_id, resolver)
            for raiser, issue_id in sorted(self.raised)
            for resolver in sorted(self.catalog.issues[issue_id].resolved_by)
            if resolver in self.adopted
        ]

    def why_not(self, pattern_id: str, instead_of: str | None = None) -> tuple[str, str | None]:
        """Why a pattern is not adopted: a code, and the pattern the code concerns.

        ``advised-against``; ``no-predecessor`` (it follows none of the adopted patterns);
        ``requirement`` (with the first option of a requirement that cannot be met);
        ``excluded`` (with an adopted alternative excluding it, other than ``instead_of``);
        ``lower-score``.
        """
        if self.rule_score(pattern_id) < 0:
            return ("advised-against", None)
        if not self.enterable(pattern_id):
            return ("no-predecessor", None)
        unmeetable = self.unmeetable(pattern_id)
        if unmeetable:
            return ("requirement", unmeetable[0].any_of[0])
        exclusive = self.relations.exclusive[pattern_id]
        blockers = [
            a
            for a in sorted(exclusive)
            if a in self.adopted and a != instead_of and not self.displaced(a, pattern_id)
        ]
        if blockers:
            return ("excluded", blockers[0])
        return ("lower-score", None)

    def dropped(self) -> list[str]:
        """Patterns that would be candidates but for a requirement that cannot be met, sorted."""
        found = []
        for pattern_id in sorted(self.catalog.patterns):
            if pattern_id in self.adopted or self.blocked_by(pattern_id) or self.satisfiable(pattern_id):
                continue
            score = self.rule_score(pattern_id)
            if (score > 0 and self.enterable(pattern_id)) or (score >= 0 and self.resolving(pattern_id)):
                found.append(pattern_id)
        return found


def pattern_facts(patterns: Iterable[str]) -> list[Fact]:
    """The facts of newly adopted patterns."""
    return [pattern_fact(p) for p in patterns]


def run_agenda(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers: Answers,
    session: Callable[[], AbstractContextManager[Session]],
) -> Agenda:
    """Run the engine and the agenda to a fixpoint for one assessment.

    Decisions are made with what is known at each step. Where the final state shows an
    adopted pattern with a better exclusive alternative that could have been chosen
    (it became eligible, or scored higher, only later), the assessment is run again with
    that pattern set aside for its alternative, until no such pattern is left (at most
    once per pattern, so this ends).
    """
    set_aside: dict[str, str] = {}
    while True:
        agenda = _run_once(catalog, questionnaire, answers, session, dict(set_aside))
        violation = agenda.violation()
        if violation is None or violation[0] in set_aside:
            return agenda
        set_aside[violation[0]] = violation[1]


def _run_once(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers: Answers,
    session: Callable[[], AbstractContextManager[Session]],
    set_aside: dict[str, str],
) -> Agenda:
    agenda = Agenda(catalog, answers, set_aside=set_aside)
    with session() as engine:
        agenda.record(engine.assert_facts(answer_facts(answers, questionnaire)))
        seeded = agenda.seed_in_place(in_place_patterns(answers, questionnaire))
        if seeded:
            agenda.record(engine.assert_facts(pattern_facts(seeded)))
            while facts := agenda.raise_issues(0):
                agenda.record(engine.assert_facts(facts))
        number = 0
        while True:
            number += 1
            new = agenda.step(number)
            if not new:
                break
            agenda.record(engine.assert_facts(pattern_facts(new)))
            while facts := agenda.raise_issues(number):
                agenda.record(engine.assert_facts(facts))
    return agenda
