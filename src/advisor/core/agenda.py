"""The agenda: fired rules + catalog → the patterns to adopt, chained to a fixpoint.

The engine matches rules; the agenda resolves conflicts, the way a rule engine's
agenda would, and chains successors:

1. Patterns with a positive rule score are adopted, best first, unless an
   alternative is already adopted or they follow none of their predecessors.
   Between alternatives on which the rules speak both ways, the total score
   (rules plus fit with the prioritised forces) decides.
2. Each adopted pattern raises its issues; each issue adopts the best of the
   patterns that resolve it (the successors), skipping those the rules advise
   against or whose alternative is adopted. Issues nobody can resolve stay open.
3. New patterns and issues become facts; the rules that test them fire; repeat
   until a round adopts nothing. Every pattern is adopted at most once, so
   cycles in the catalog terminate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from advisor.base.i18n import Message
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Effect, ForceEffect, Verdict
from advisor.core.engine import Firing, Session
from advisor.core.facts import Fact, answer_facts, issue_fact, pattern_fact
from advisor.core.recommendation import ForceContribution, Score
from advisor.questionnaire.answers import Answers, in_place_patterns
from advisor.questionnaire.models import Questionnaire


@dataclass(frozen=True)
class _Adoption:
    origin: str  # "rule", "successor" or "in-place"
    parent: str | None
    depth: int


@dataclass
class Agenda:
    """The state of one assessment's reasoning: what fired, what is adopted, and why."""

    catalog: Catalog
    answers: Answers
    fired: dict[str, int] = field(default_factory=dict)
    adopted: dict[str, _Adoption] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (raiser, issue, resolver)
    handled: set[tuple[str, str]] = field(default_factory=set)
    open: dict[str, tuple[list[str], str]] = field(default_factory=dict)  # issue → (raisers, status)
    losers: dict[tuple[str, str], str] = field(default_factory=dict)  # (loser, chosen) → issue
    raised: set[str] = field(default_factory=set)
    _fit: dict[str, tuple[ForceContribution, ...]] = field(default_factory=dict)
    _rule_scores: dict[str, int] = field(default_factory=dict)
    _fit_total: dict[str, float] = field(default_factory=dict)
    _favoured: set[str] = field(default_factory=set)
    contested: dict[str, Message] = field(default_factory=dict)

    def record(self, firings: Sequence[Firing]) -> None:
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

    def _effects(self, pattern_id: str) -> list[tuple[ForceEffect, int, int, float]]:
        """Each force effect of ``pattern_id`` (by force) with its weight, sign and points."""
        effects = []
        for effect in sorted(self.catalog.patterns[pattern_id].forces, key=lambda e: e.force):
            weight = self.answers.weight(effect.force)
            sign = 1 if effect.effect is Effect.HELPS else -1
            effects.append((effect, weight, sign, round(sign * weight * effect.strength / 5, 2)))
        return effects

    def contributions(self, pattern_id: str) -> tuple[ForceContribution, ...]:
        if pattern_id not in self._fit:
            self._fit[pattern_id] = tuple(
                ForceContribution(
                    force=effect.force,
                    weight=weight,
                    effect=effect.effect.value,
                    strength=effect.strength,
                    points=points,
                )
                for effect, weight, _, points in self._effects(pattern_id)
            )
        return self._fit[pattern_id]

    def fit(self, pattern_id: str) -> float:
        """How well ``pattern_id`` serves the prioritised forces (cached per pattern).

        Computed from the numbers alone: ranking asks for the fit of every pattern, the
        contribution models are built only for the patterns a result shows.
        """
        if pattern_id not in self._fit_total:
            self._fit_total[pattern_id] = round(sum(e[3] for e in self._effects(pattern_id)), 2)
        return self._fit_total[pattern_id]

    def total(self, pattern_id: str) -> float:
        """The score by which candidates are ranked: rule weights plus force fit."""
        return round(self.rule_score(pattern_id) + self.fit(pattern_id), 2)

    def score(self, pattern_id: str) -> Score:
        return Score(
            rules=self.rule_score(pattern_id), forces=self.fit(pattern_id), total=self.total(pattern_id)
        )

    def blocked_by(self, pattern_id: str) -> str | None:
        """The adopted alternative that excludes ``pattern_id``, if any.

        A pattern already in place excludes its alternatives unless the rules advise against
        it, or the rules favour the alternative and it scores higher: then the alternative
        can be recommended and the pattern in place is to be reconsidered.
        """
        alternatives = self.catalog.patterns[pattern_id].related.alternative
        return next(
            (a for a in alternatives if a in self.adopted and not self.displaced(a, pattern_id)), None
        )

    def displaced(self, in_place: str, challenger: str) -> bool:
        """Whether ``challenger`` may replace ``in_place``, a pattern the system already uses."""
        adoption = self.adopted.get(in_place)
        if adoption is None or adoption.origin != "in-place":
            return False
        return self.rule_score(in_place) < 0 or (
            self.rule_score(challenger) > 0 and self.total(challenger) > self.total(in_place)
        )

    def seed_in_place(self, patterns: Sequence[str]) -> list[str]:
        """Adopt the patterns the system already uses: facts whose issues are raised like any other."""
        for pattern_id in patterns:
            self.adopt(pattern_id, "in-place", None)
        return list(patterns)

    def adopt(self, pattern_id: str, origin: str, parent: str | None) -> None:
        depth = self.adopted[parent].depth + 1 if parent else 0
        self.adopted[pattern_id] = _Adoption(origin, parent, depth)

    def outscored(self, pattern_id: str) -> str | None:
        """The alternative favoured by the rules that ``pattern_id`` beats on total score, if any.

        When the rules speak both for and against a pattern, and for one of its alternatives,
        the total score (rules plus fit with the prioritised forces) decides between them: one of
        two mutually exclusive choices, such as the architecture style, must be made.
        """
        if pattern_id not in self._favoured or self.rule_score(pattern_id) > 0:
            return None
        return next(
            (
                alt
                for alt in sorted(self.catalog.patterns[pattern_id].related.alternative)
                if alt not in self.adopted
                and self.rule_score(alt) > 0
                and self.total(pattern_id) > self.total(alt)
            ),
            None,
        )

    def adopt_by_rules(self) -> list[str]:
        """Adopt patterns the rules favour (or that outscore a favoured alternative), best first."""
        contenders = {
            p: self.outscored(p)
            for p in self.catalog.patterns
            if p not in self.adopted and (self.rule_score(p) > 0 or self.outscored(p))
        }
        candidates = sorted(contenders, key=lambda p: (-self.total(p), p))
        new = []
        for pattern_id in candidates:
            predecessors = self.catalog.patterns[pattern_id].related.predecessor
            # A pattern newly adopted is a better parent than one merely in place.
            ranked = sorted(self.adopted, key=lambda p: self.adopted[p].origin == "in-place")
            parent = next((p for p in ranked if p in predecessors), None)
            if (predecessors and parent is None) or self.blocked_by(pattern_id):
                continue
            self.adopt(pattern_id, "rule", parent)
            beaten = contenders[pattern_id]
            if beaten is not None:
                self.contested[pattern_id] = Message.of(
                    "note_contested",
                    pattern=pattern_id,
                    score=self.rule_score(pattern_id),
                    beaten=beaten,
                    total=self.total(pattern_id),
                    beaten_total=self.total(beaten),
                )
            new.append(pattern_id)
        return new

    def resolve_issues(self) -> list[str]:
        """Resolve the issues of the patterns adopted so far; adopt the chosen successors."""
        new = []
        for raiser in list(self.adopted):
            for issue_id in self.catalog.patterns[raiser].resulting_context.issues:
                if (raiser, issue_id) in self.handled:
                    continue
                self.handled.add((raiser, issue_id))
                chosen = self._resolve(raiser, issue_id)
                if chosen is not None and chosen not in self.adopted:
                    self.adopt(chosen, "successor", raiser)
                    new.append(chosen)
        return new

    def _resolve(self, raiser: str, issue_id: str) -> str | None:
        issue = self.catalog.issues[issue_id]
        resolvers = issue.resolved_by
        existing = [r for r in resolvers if r in self.adopted]
        if existing:
            for resolver in existing:
                self.links.append((raiser, issue_id, resolver))
            return None
        usable = [r for r in resolvers if self.rule_score(r) >= 0 and not self.blocked_by(r)]
        if not usable:
            self._leave_open(issue_id, raiser, "accepted" if issue.accepted is not None else "unresolved")
            return None
        usable.sort(key=lambda r: (-self.total(r), resolvers.index(r)))
        chosen = usable[0]
        for loser in usable[1:]:
            self.losers[(loser, chosen)] = issue_id
        self.links.append((raiser, issue_id, chosen))
        return chosen

    def _leave_open(self, issue_id: str, raiser: str, status: str) -> None:
        raisers, _ = self.open.setdefault(issue_id, ([], status))
        raisers.append(raiser)

    def new_facts(self, patterns: Sequence[str]) -> list[Fact]:
        facts = [pattern_fact(p) for p in patterns]
        for pattern_id in patterns:
            for issue_id in self.catalog.patterns[pattern_id].resulting_context.issues:
                if issue_id not in self.raised:
                    self.raised.add(issue_id)
                    facts.append(issue_fact(issue_id))
        return facts


def run_agenda(
    catalog: Catalog,
    questionnaire: Questionnaire,
    answers: Answers,
    session: Callable[[], AbstractContextManager[Session]],
) -> Agenda:
    """Run the engine and the agenda to a fixpoint for one assessment."""
    agenda = Agenda(catalog, answers)
    with session() as engine:
        agenda.record(engine.assert_facts(answer_facts(answers, questionnaire)))
        seeded = agenda.seed_in_place(in_place_patterns(answers, questionnaire))
        if seeded:
            agenda.record(engine.assert_facts(agenda.new_facts(seeded)))
        while True:
            new = agenda.adopt_by_rules() or agenda.resolve_issues()
            if not new:
                break
            agenda.record(engine.assert_facts(agenda.new_facts(new)))
    return agenda
