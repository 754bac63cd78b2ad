"""The words of the plan in phases: a phase's title, its goal and its summed effort.

The core gives each phase a stage code and effort counts; every renderer (terminal,
Markdown, HTML, JSON, decision records) says them through these helpers.
"""

from __future__ import annotations

from advisor.base.i18n import Lang
from advisor.core.recommendation import Phase, PhaseEffort
from advisor.report.labels import label

_SIZES = ("large", "medium", "small", "unestimated")


def phase_group(number: int) -> str:
    """The graph group of a phase's patterns: the report graph is coloured by phase."""
    return f"phase-{number}"


def phase_key(phase: Phase) -> str:
    """The label key of the phase's goal (its stage, a migration's start, or a running system's gaps)."""
    return phase.goal


def phase_title(phase: Phase, lang: Lang) -> str:
    """``Phase 1: Start the migration``."""
    return f"{label('phase', lang, number=phase.number)}: {label('phase_title_' + phase_key(phase), lang)}"


def phase_goal(phase: Phase, lang: Lang) -> str:
    """The phase's goal in one sentence."""
    return label("goal_" + phase_key(phase), lang)


def phase_effort_text(phase: Phase, lang: Lang) -> str:
    """The phase's summed effort, or that it needs no new work (what is in place)."""
    if phase.stage == "in-place":
        return label("effort_in_place", lang)
    return effort_text(phase.effort, lang)


def effort_text(effort: PhaseEffort, lang: Lang) -> str:
    """``50 points (3 large, 6 medium, 8 small)``: the points and the patterns per size."""
    sizes = ", ".join(
        label("effort_count", lang, count=count, size=label("effort_" + size, lang))
        for size in _SIZES
        if (count := getattr(effort, size))
    )
    return label("effort_sum", lang, points=effort.points, sizes=sizes or label("none", lang).rstrip("."))
