"""Re-run one assessment with some answers or force weights changed.

``explain`` verifies its suggestions and ``whatif`` measures sensitivity this
way: the changed answers go through the same checks as an answers file, and
the same compiled advisor assesses them, so a trial says exactly what the
advisor would say for the changed file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from advisor.analysis.results import Change
from advisor.core.advisor import Advisor
from advisor.core.agenda import run_agenda
from advisor.core.roles import recommended_ids
from advisor.errors import AnswersError
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.overrides import set_argument


def make_change(answers: Answers, kind: Literal["answer", "force"], key: str, new: Any) -> Change:
    """The change of one answer or force weight of ``answers`` to ``new``."""
    old = answers.weight(key) if kind == "force" else answers.value(key)
    return Change(kind=kind, key=key, old=old, new=new, set=set_argument(kind, key, new))


class Trial:
    """Assess variations of one system's answers with one compiled advisor."""

    def __init__(self, advisor: Advisor, answers: Answers) -> None:
        self.advisor = advisor
        self.answers = answers
        self._base = answers.raw()
        self._outcomes: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]] | None] = {}

    def answers_with(self, changes: Sequence[Change]) -> Answers | None:
        """The answers with ``changes`` applied, or ``None`` when they are not valid answers."""
        data = {
            "questionnaire": self._base["questionnaire"],
            "answers": dict(self._base["answers"]),
            "forces": dict(self._base["forces"]),
        }
        if "in_place" in self._base:
            data["in_place"] = list(self._base["in_place"])
        for change in changes:
            data["answers" if change.kind == "answer" else "forces"][change.key] = change.new
        try:
            return self.advisor.check_answers(data, self.answers.source)
        except AnswersError:
            return None

    def outcome(self, changes: Sequence[Change]) -> tuple[frozenset[str], frozenset[str]] | None:
        """The patterns recommended and the rules fired with ``changes`` (``None``: invalid).

        Each set of changes is assessed once per trial, so ``explain`` and ``whatif`` asking
        about the same change share one run.
        """
        key = tuple(sorted(change.set for change in changes))
        if key not in self._outcomes:
            self._outcomes[key] = self._assess(changes)
        return self._outcomes[key]

    def _assess(self, changes: Sequence[Change]) -> tuple[frozenset[str], frozenset[str]] | None:
        answers = self.answers_with(changes)
        if answers is None:
            return None
        advisor = self.advisor
        agenda = run_agenda(advisor.catalog, advisor.questionnaire, answers, advisor.engine.session)
        return recommended_ids(agenda), frozenset(agenda.fired)
