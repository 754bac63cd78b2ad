"""Batch assessment: many answers files (a portfolio of systems) in one run.

Inputs are answers files or folders of them (the ``*.yaml`` and ``*.yml``
files directly inside; sub-folders are left alone, so a rule pack kept next
to the answers is not mistaken for one). Each system gets its recommendation
or its error; a bad file never stops the others. The summary counts which
patterns how many systems need and which open risks they share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from advisor.analysis.results import Assessed, Batch, Failed, PatternUse, Portfolio, RiskUse
from advisor.base.jsonio import as_document, stable_json
from advisor.base.resources import display_path
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.errors import AdvisorError

ANSWERS_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Input:
    """One answers file to assess, or an input that yielded none (``error`` says why)."""

    source: str
    path: Path | None
    error: str | None = None


@dataclass(frozen=True)
class SystemResult:
    """One system's recommendation, or the error that prevented it."""

    source: str
    recommendation: Recommendation | None = None
    error: str | None = None


def expand_inputs(inputs: Sequence[Path]) -> list[Input]:
    """Answers files named directly or found in the given folders, sorted and without repeats."""
    found: dict[str, Input] = {}
    for path in inputs:
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                # not is_dir(): a dangling link or unreadable file is reported, not skipped
                if not p.is_dir() and p.suffix in ANSWERS_SUFFIXES and not p.name.startswith(".")
            )
            if not files:
                source = display_path(path)
                found[source] = Input(source, None, f"{source}: no answers files (*.yaml) in this folder")
            for file in files:
                found.setdefault(display_path(file), Input(display_path(file), file))
        else:
            found.setdefault(display_path(path), Input(display_path(path), path))
    return [found[key] for key in sorted(found)]


def assess(advisor: Advisor, item: Input, sets: Sequence[str] = ()) -> SystemResult:
    """Assess one input; an :class:`AdvisorError` becomes the result's error."""
    if item.path is None:
        return SystemResult(item.source, error=item.error)
    try:
        result = advisor.advise(advisor.read_answers(item.path, sets))
    except AdvisorError as exc:
        return SystemResult(item.source, error=str(exc))
    return SystemResult(item.source, recommendation=result)


def summarize(results: Sequence[SystemResult]) -> Portfolio:
    """Count patterns and open issues over the assessed systems (most common first)."""
    patterns: defaultdict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    risks: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for item in results:
        if item.recommendation is None:
            continue
        for pattern in item.recommendation.recommended:
            patterns[pattern.id].append(item.source)
            names[pattern.id] = pattern.name
        for issue in item.recommendation.open_issues:
            risks[(issue.id, issue.status)].append(item.source)
            titles[issue.id] = issue.title
    assessed = sum(1 for item in results if item.recommendation is not None)
    return Portfolio(
        systems=len(results),
        assessed=assessed,
        failed=len(results) - assessed,
        patterns=tuple(
            PatternUse(id=p, name=names[p], count=len(s), systems=tuple(sorted(s)))
            for p, s in sorted(patterns.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ),
        open_issues=tuple(
            RiskUse(id=i, title=titles[i], status=status, count=len(s), systems=tuple(sorted(s)))
            for (i, status), s in sorted(risks.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ),
    )


def render_batch_json(results: Sequence[SystemResult], portfolio: Portfolio) -> str:
    """One JSON document (kind ``batch``): every system's recommendation or error, plus the portfolio."""
    systems: list[Assessed | Failed] = [
        Assessed(source=item.source, recommendation=item.recommendation)
        if item.recommendation is not None
        else Failed(source=item.source, error=item.error or "")
        for item in sorted(results, key=lambda r: r.source)
    ]
    batch = Batch(systems=tuple(systems), portfolio=portfolio)
    return stable_json(as_document("batch", batch.model_dump(mode="json")))
