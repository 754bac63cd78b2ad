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
- **I4** the result does not depend on the order of the catalog's files or entries;
- **I5** every required decision (a group every system decides: the architecture style) is
  made: where no rule or issue brings a candidate for it, its patterns that can enter are
  candidates all the same, and the best-scoring one is chosen (:meth:`Agenda.undecided`).

The scores live in :mod:`advisor.core.scores`, where each pattern stands in
:mod:`advisor.core.standing`, which keeps every answer until the state changes, and how a
decision is weighed (step 2) in :mod:`advisor.core.weighing`. A step
weighs the candidates lazily, best first, and stops at the first decision that need not
wait: the result is the same as weighing them all. It looks only at the patterns not adopted
that could be candidates at all (favoured by the rules, resolving an open issue, or in an
open required group), in the order of the ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from advisor.catalog.loader import Catalog
from advisor.core.engine import Session
from advisor.core.facts import Fact, answer_facts, pattern_fact
from advisor.core.standing import (
    IN_PLACE,
    REQUIREMENT,
    RULE,
    SUCCESSOR,
    IssueKey,
)
from advisor.core.weighing import Decision, Weighing
from advisor.questionnaire.answers import Answers, in_place_patterns
from advisor.questionnaire.models import Questionnaire


@dataclass
class Agenda(Weighing):
    """The state of one assessment's reasoning: what fired, what is adopted, and why."""

    contested: dict[str, str] = field(default_factory=dict)  # winner → the favoured rival it beat
    _chosen_groups: set[str] = field(default_factory=set)  # the groups of patterns adopted, not in place
    _in_place: list[str] = field(default_factory=list)

    def _adopt(self, pattern_id: str, origin: str, parent: str | None, number: int) -> None:
        super()._adopt(pattern_id, origin, parent, number)
        if origin == IN_PLACE:
            self._in_place.append(pattern_id)
        else:
            self._chosen_groups.add(self.relations.group[pattern_id])

    # -- decisions --------------------------------------------------------------------------

    def violation(self) -> tuple[str, str] | None:
        """An adopted pattern and a better exclusive alternative that could have been chosen
        instead (invariant I2 broken), if any: the first by id."""
        for pattern_id in sorted(self.adopted):
            if self.adopted[pattern_id].origin == IN_PLACE:
                continue
            for alt in self.relations.exclusive_by_id[pattern_id]:
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
        return list(self._candidates())

    def _candidates(self) -> Iterator[tuple[str, IssueKey | None]]:
        scores, resolvers = self._rule_scores, self.resolvers()
        open_groups = self._open_required_groups()
        group = self.relations.group
        # Only these can pass the test below: the others are skipped at once.
        pool = set(self.positive())
        pool.update(resolvers)
        for group_id, members in self.relations.required_groups:
            if group_id in open_groups:
                pool.update(members)
        pool.difference_update(self.adopted)  # adopted once and for all
        for pattern_id in self.ranked():
            if pattern_id not in pool:
                continue
            score = scores.get(pattern_id, 0)
            fallback = bool(open_groups) and group[pattern_id] in open_groups
            if not fallback and (score < 0 or (score == 0 and pattern_id not in resolvers)):
                continue  # neither favoured by the rules nor resolving an open issue
            issue = resolvers.get(pattern_id)
            wanted = (score > 0 and self.enterable(pattern_id)) or (issue is not None and score >= 0)
            if not wanted and fallback:
                wanted = self.enterable(pattern_id)
            if wanted and self._admissible(pattern_id):
                yield pattern_id, issue

    def _open_required_groups(self) -> set[str]:
        """The required groups still undecided for which no rule or issue brings a candidate."""
        decided = self._decided_groups()
        groups = set()
        for group_id, members in self.relations.required_groups:
            if group_id in decided:
                continue
            for pattern_id in members:
                score = self.rule_score(pattern_id)
                wanted = (score > 0 and self.enterable(pattern_id)) or (
                    score >= 0 and self.resolving(pattern_id) is not None
                )
                if wanted and self._admissible(pattern_id):
                    break
            else:
                groups.add(group_id)
        return groups

    def _decided_groups(self) -> set[str]:
        """The groups an adopted pattern decides (one in place only unless its rules advise against it)."""
        if not self._in_place:
            return self._chosen_groups
        group = self.relations.group
        return self._chosen_groups | {group[p] for p in self._in_place if self.rule_score(p) >= 0}

    def undecided(self, group_id: str) -> bool:
        """Whether ``group_id`` is a required decision that no adopted pattern makes yet.

        A pattern in place makes it unless its rules advise against it (then it is to be
        reconsidered, and the decision is open again).
        """
        group = self.catalog.groups.get(group_id)
        return group is not None and group.required and group_id not in self._decided_groups()

    def by_default(self, pattern_id: str) -> bool:
        """Whether ``pattern_id`` was adopted only because its group is a required decision:
        no rule favoured it on balance, it resolved no issue, and it beat no favoured rival."""
        adoption = self.adopted.get(pattern_id)
        return (
            adoption is not None
            and adoption.origin == RULE
            and self.rule_score(pattern_id) <= 0
            and pattern_id not in self.contested
        )

    def step(self, number: int) -> list[str]:
        """Make the best decision that need not wait and adopt its winner; what was adopted."""
        first = None
        for pattern_id, issue in self._candidates():
            decision = self.decide(pattern_id, issue)
            if not decision.waiting:
                return self._adopt_winner(decision, number)
            first = first or decision
        # Only decisions that wait are left: the best of them is made.
        return [] if first is None else self._adopt_winner(first, number)

    def _adopt_winner(self, decision: Decision, number: int) -> list[str]:
        winner = decision.options[0]
        issue = self.resolving(winner)
        if self.rule_score(winner) > 0 or issue is None:
            if self.rule_score(winner) <= 0 and winner != decision.candidate:
                self.contested[winner] = decision.candidate
            predecessors = self.relations.predecessors[winner]
            # A pattern newly adopted is a better parent than one merely in place.
            adopted = [p for p in predecessors if p in self.adopted]
            if len(adopted) > 1:
                adopted = [p for p in self.adopted if p in predecessors]  # in the order of adoption
            first = adopted[0] if adopted else issue[0] if issue else None
            parent = next((p for p in adopted if self.adopted[p].origin != IN_PLACE), first)
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
            return ("requirement", min(unmeetable[0].any_of))  # by id: catalog order must not matter
        blockers = [
            a
            for a in self.relations.exclusive_by_id[pattern_id]
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
    once per pattern, so this ends). Where setting a pattern aside brings in neither it
    nor its alternative (the alternative never became eligible on the way), the run before
    is kept: a decision made late beats one left open.
    """
    set_aside: dict[str, str] = {}
    previous: Agenda | None = None
    while True:
        agenda = _run_once(catalog, questionnaire, answers, session, dict(set_aside))
        if previous is not None and any(
            pattern not in agenda.adopted and better not in agenda.adopted
            for pattern, better in set_aside.items()
        ):
            return previous
        violation = agenda.violation()
        if violation is None or violation[0] in set_aside:
            return agenda
        set_aside[violation[0]] = violation[1]
        previous = agenda


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
