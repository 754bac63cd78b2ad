"""What ``advisor explain`` says about one pattern: the result models of an explanation.

Built by :func:`advisor.explain.explain`, rendered by
:func:`advisor.report.reasoning.render_explanation` and dumped as is by
``advisor explain --json``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from advisor.recommendation import Alternative, ForceContribution, Reason, Score
from advisor.trial import Change

Status = Literal[
    "recommended", "alternative", "advised-against", "not-applicable", "not-needed", "not-raised"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LeafResult(_Model):
    """One leaf test of a rule, whether it holds, and the actual answer or weight."""

    test: str
    holds: bool
    actual: str


class RuleCheck(_Model):
    """One rule of the pattern, evaluated against the final state of the assessment."""

    rule: str
    verdict: Literal["recommend", "advise-against"]
    weight: int
    reason: str
    fired: bool
    clauses: tuple[tuple[LeafResult, ...], ...]


class ChainStep(_Model):
    """One link from a top-level decision down to the pattern."""

    pattern: str
    origin: Literal["rule", "successor"]
    parent: str | None = None
    issue: str | None = None


class IssueLink(_Model):
    """An issue the pattern resolves, the patterns that raise it, and who resolves it here instead."""

    issue: str
    raised_by: tuple[str, ...]
    raised: bool
    resolved_here_by: tuple[str, ...] = ()


class Suggestion(_Model):
    """Answer changes that make a rule fire (or stop one), verified by re-running the advisor.

    ``pattern`` is the pattern whose rule it is: the explained one, or one whose issue it resolves.
    """

    pattern: str
    rule: str | None
    effect: Literal["fires", "stops", "wins"]
    changes: tuple[Change, ...]
    recommended: bool


class Explanation(_Model):
    """Everything ``advisor explain`` says about one pattern for one system."""

    pattern: str
    name: str
    system: str
    status: Status
    summary: str
    score: Score | None = None
    reasons: tuple[Reason, ...] = ()
    forces: tuple[ForceContribution, ...] = ()
    chain: tuple[ChainStep, ...] = ()
    beat: tuple[Alternative, ...] = ()
    lost_to: tuple[Alternative, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    resolves: tuple[IssueLink, ...] = ()
    rules: tuple[RuleCheck, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
