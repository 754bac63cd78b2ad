"""Batch assessment: many answers files (a portfolio of systems) in one run.

Inputs are answers files or folders of them (the ``*.yaml`` and ``*.yml``
files directly inside; sub-folders are left alone, so a rule pack kept next
to the answers is not mistaken for one). Each system gets its recommendation
or its error; a bad file never stops the others. The summary counts which
patterns how many systems need, which risks hold for how many of them (by
severity), and which issues they leave open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from advisor.analysis.results import Assessed, Failed, IssueUse, PatternUse, Portfolio, RiskUse
from advisor.base.jsonio import as_document, stable_json
from advisor.base.resources import display_path
from advisor.core.advisor import Advisor
from advisor.core.recommendation import SCHEMA_VERSION, Recommendation
from advisor.errors import AdvisorError, Words, said

ANSWERS_SUFFIXES = (".yaml", ".yml")
_SEVERITY = ("high", "medium", "low")


@dataclass(frozen=True)
class Input:
    """One answers file to assess, or an input that yielded none (``error`` says why)."""

    source: str
    path: Path | None
    error: Words | None = None


@dataclass(frozen=True)
class SystemResult:
    """One system's recommendation, or the error that prevented it.

    ``error`` is in English (the batch document's words); ``failure`` says it in every language.
    """

    source: str
    recommendation: Recommendation | None = None
    error: str | None = None
    failure: AdvisorError | None = field(default=None, compare=False, repr=False)


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
                found[source] = Input(source, None, said("no_answers_files", folder=source))
            for file in files:
                found.setdefault(display_path(file), Input(display_path(file), file))
        else:
            found.setdefault(display_path(path), Input(display_path(path), path))
    return [found[key] for key in sorted(found)]


def assess(advisor: Advisor, item: Input, sets: Sequence[str] = ()) -> SystemResult:
    """Assess one input; an :class:`AdvisorError` becomes the result's error."""
    if item.path is None:
        failure = AdvisorError(item.error or "")
        return SystemResult(item.source, error=str(failure), failure=failure)
    try:
        result = advisor.advise(advisor.read_answers(item.path, sets))
    except AdvisorError as exc:
        return SystemResult(item.source, error=str(exc), failure=exc)
    return SystemResult(item.source, recommendation=result)


class Tally:
    """Running counts over a batch, fed one result at a time.

    Only counts (and the name of each pattern and issue) are kept, never a recommendation
    or a list of systems, so memory stays flat however many systems a batch holds.
    """

    def __init__(self) -> None:
        self.systems = 0
        self.assessed = 0
        self._patterns: Counter[str] = Counter()
        self._names: dict[str, str] = {}
        self._issues: Counter[tuple[str, str]] = Counter()
        self._titles: dict[str, str] = {}
        self._risks: Counter[str] = Counter()
        self._severity: dict[str, Literal["high", "medium", "low"]] = {}

    def add(self, item: SystemResult) -> None:
        """Count one system's result."""
        self.systems += 1
        if item.recommendation is None:
            return
        self.assessed += 1
        for pattern in item.recommendation.recommended:
            self._patterns[pattern.id] += 1
            self._names[pattern.id] = pattern.name
        for issue in item.recommendation.open_issues:
            self._issues[(issue.id, issue.status)] += 1
            self._titles[issue.id] = issue.title
        for risk in item.recommendation.risks:
            self._risks[risk.id] += 1
            self._severity[risk.id] = risk.severity

    def portfolio(self) -> Portfolio:
        """The summary so far: patterns and open issues most common first, risks most severe first."""
        return Portfolio(
            systems=self.systems,
            assessed=self.assessed,
            failed=self.systems - self.assessed,
            patterns=tuple(
                PatternUse(id=p, name=self._names[p], count=n)
                for p, n in sorted(self._patterns.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
            risks=tuple(
                RiskUse(id=r, severity=self._severity[r], count=n)
                for r, n in sorted(
                    self._risks.items(),
                    key=lambda kv: (_SEVERITY.index(self._severity[kv[0]]), -kv[1], kv[0]),
                )
            ),
            open_issues=tuple(
                IssueUse(id=i, title=self._titles[i], status=status, count=n)
                for (i, status), n in sorted(self._issues.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        )


def summarize(results: Iterable[SystemResult]) -> Portfolio:
    """Count patterns and open issues over the assessed systems (most common first)."""
    tally = Tally()
    for item in results:
        tally.add(item)
    return tally.portfolio()


def _system(item: SystemResult) -> Assessed | Failed:
    if item.recommendation is not None:
        return Assessed(source=item.source, recommendation=item.recommendation)
    return Failed(source=item.source, error=item.error or "")


def _indented(data: Any, depth: int) -> str:
    """``data`` as stable JSON, every line but the first indented for ``depth`` levels of nesting."""
    return stable_json(data).rstrip("\n").replace("\n", "\n" + "  " * depth)


def iter_batch_json(results: Iterable[SystemResult], tally: Tally) -> Iterator[str]:
    """The batch document (kind ``batch``) in pieces, one per system as it comes, counting into ``tally``.

    Each system is written and forgotten, so a batch of any size is streamed in constant
    memory; the portfolio summary, known only at the end, comes last. ``results`` are
    written in the order given (:func:`expand_inputs` sorts them by source).
    """
    head = as_document("batch", {"schema_version": SCHEMA_VERSION})
    yield "{\n" + "".join(f"  {_indented(key, 1)}: {_indented(value, 1)},\n" for key, value in head.items())
    yield '  "systems": ['
    first = True
    for item in results:
        tally.add(item)
        yield ("\n" if first else ",\n") + "    " + _indented(_system(item).model_dump(mode="json"), 2)
        first = False
    yield ("]" if first else "\n  ]") + ",\n"
    yield f'  "portfolio": {_indented(tally.portfolio().model_dump(mode="json"), 1)}\n}}\n'


def render_batch_json(results: Sequence[SystemResult], portfolio: Portfolio | None = None) -> str:
    """One JSON document (kind ``batch``): every system's recommendation or error, plus the portfolio."""
    ordered = sorted(results, key=lambda r: r.source)
    return "".join(iter_batch_json(ordered, Tally()))
