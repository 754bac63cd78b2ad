"""The plan in phases for the terminal: the first phase in full, the others one line each."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from advisor.base.i18n import Lang
from advisor.base.text import plain
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Phase, Recommendation
from advisor.report.labels import label
from advisor.report.plan import phase_effort_text, phase_goal, phase_title


def _name(catalog: Catalog, pattern_id: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else pattern_id


def _phase_table(phase: Phase, catalog: Catalog, lang: Lang) -> Table:
    table = Table(
        title=Text.assemble((phase_title(phase, lang), "bold"), "\n", phase_goal(phase, lang)),
        title_justify="left",
        caption=f"{label('effort', lang)}: {phase_effort_text(phase, lang)}",
        caption_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column(label("pattern", lang), style="cyan", overflow="fold")
    table.add_column(label("group", lang), style="magenta", overflow="fold")
    table.add_column(label("effort", lang), overflow="fold")
    for number, pattern_id in enumerate(phase.patterns, 1):
        pattern = catalog.patterns.get(pattern_id)
        group = catalog.groups.get(pattern.group) if pattern else None
        size = pattern.effort.value if pattern and pattern.effort else "unestimated"
        size = "in_place" if phase.stage == "in-place" else size
        table.add_row(
            str(number),
            plain(_name(catalog, pattern_id, lang)),
            plain(group.name.get(lang) if group else ""),
            label("effort_" + size, lang),
        )
    return table


def _one_line(phase: Phase, catalog: Catalog, lang: Lang) -> Text:
    count = label("patterns_count", lang, count=len(phase.patterns))
    return Text.assemble(
        ("  " + phase_title(phase, lang), "bold"),
        f" · {count} · {phase_effort_text(phase, lang)}",
    )


def render_plan(
    result: Recommendation, catalog: Catalog, lang: Lang, *, all_phases: bool = False
) -> RenderableType:
    """The plan: phase 0 (in place) and later phases one line each, the first phase with work in full.

    With ``all_phases`` every phase is shown in full.
    """
    parts: list[RenderableType] = []
    work = [p for p in result.plan if p.number > 0]
    for phase in result.plan:
        if all_phases or phase is (work[0] if work else None):
            parts.append(_phase_table(phase, catalog, lang))
        elif phase.number == 0:
            parts.append(_one_line(phase, catalog, lang))
    later = [] if all_phases else work[1:]
    if later:
        parts.append(Text(label("plan_later", lang) + ":", style="bold"))
        parts += [_one_line(phase, catalog, lang) for phase in later]
    return RenderGroup(Text(label("plan", lang), style="bold underline"), *parts)


def render_first_phase(result: Recommendation, catalog: Catalog, lang: Lang) -> RenderableType:
    """The first phase with work, compactly: its goal, its patterns on a line, its effort.

    The default view shows this; ``--all`` and the reports show every phase in full.
    """
    work = [p for p in result.plan if p.number > 0]
    if not work:
        return Text("")
    phase = work[0]
    names = ", ".join(_name(catalog, p, lang) for p in phase.patterns)
    later = len(work) - 1
    return RenderGroup(
        Text.assemble((phase_title(phase, lang), "bold"), f" · {phase_effort_text(phase, lang)}"),
        Text(phase_goal(phase, lang), style="dim"),
        Text.assemble(
            plain(names, style="cyan"),
            (" · " + label("plan_later_count", lang, count=later), "dim") if later else "",
        ),
    )
