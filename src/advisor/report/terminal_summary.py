"""The terminal's default view: the advice on one screen.

The system and where it starts, the key decisions with their one-line why, what is
in place to reconsider, the top risks, and the first phase of the plan, with the
counts of what the full view (``--all``) and every report show besides.
"""

from __future__ import annotations

from rich import box
from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from advisor.base.i18n import Lang
from advisor.base.text import plain
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Recommendation, RecommendedPattern
from advisor.report.labels import label
from advisor.report.risk_rows import risk_title, split_mitigations
from advisor.report.scope_rows import needed_text, scope_text
from advisor.report.terminal_plan import render_first_phase
from advisor.report.terminal_scope import not_assessed_line

#: How many risks the default view shows; the full view and the reports show all.
TOP_RISKS = 5
#: How many of the forces weighted 4 or 5 the default view names, heaviest first.
TOP_FORCES = 4
_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _name(catalog: Catalog, pattern_id: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else pattern_id


def _why(pattern: RecommendedPattern, catalog: Catalog, lang: Lang) -> str:
    """The strongest reason for a pattern, in one sentence."""
    if pattern.origin == "rule" and pattern.score.rules <= 0:
        return label("why_forces_contested", lang, score=pattern.score.rules)
    reason = next((r for r in pattern.reasons if r.verdict != "advise-against"), None)
    if reason is None:
        return label("why_forces", lang)
    if reason.kind == "successor" and reason.issue and reason.predecessor:
        issue = catalog.issues.get(reason.issue)
        title = issue.title.get(lang) if issue else reason.issue
        return label("successor_of", lang, parent=_name(catalog, reason.predecessor, lang), issue=title)
    rule = catalog.rules.get(reason.rule or "")
    return rule.reason.get(lang) if rule else str(reason.rule)


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=(0, 1),
    )


def _header(result: Recommendation, catalog: Catalog, lang: Lang) -> Text:
    ranked = sorted(result.forces.items(), key=lambda item: (-item[1], item[0]))
    top = [catalog.forces[f].name.get(lang) if f in catalog.forces else f for f, w in ranked if w >= 4]
    if len(top) > TOP_FORCES:  # the heaviest fit on a line or two; the reports list them all
        top = [*top[:TOP_FORCES], label("and_more", lang, count=len(top) - TOP_FORCES)]
    start = next((a.value for a in result.answers if a.question == "existing_system"), None)
    lines = Text.assemble(
        (label("title", lang) + ": ", "bold"), plain(result.system or label("unnamed", lang), "bold cyan")
    )
    if result.in_place:
        # The names are in the key decisions, the list to reconsider and phase 0: count them here.
        counted = label(
            "in_place_count",
            lang,
            count=len(result.in_place),
            kept=len(result.with_status("keep")),
            reconsider=len(result.reconsider),
        )
        lines.append_text(Text.assemble("\n", (label("in_place", lang) + ": ", "dim"), counted))
    elif start == "greenfield":
        lines.append_text(Text.assemble("\n", (label("start_greenfield", lang), "dim")))
    lines.append_text(
        Text.assemble(
            "\n", (label("forces", lang) + ": ", "dim"), plain(", ".join(top) or label("none", lang))
        )
    )
    if result.scope:
        lines.append_text(
            Text.assemble(
                "\n", (label("scope", lang) + ": ", "dim"), plain(scope_text(result, catalog, lang))
            )
        )
    # An answers file written before a question was added, or left short: the advice rests on
    # assumptions the architect has not made, so say which.
    assumed = [a.question for a in result.answers if a.source == "default"]
    if assumed:
        shown = ", ".join(assumed[:4]) + (", …" if len(assumed) > 4 else "")
        said = label("defaults_used", lang, count=len(assumed), questions=shown)
        lines.append_text(Text.assemble("\n", plain(said, "yellow")))
    return lines


def _decisions(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    """The key decisions; for advice limited to a scope, every pattern it recommends (the
    scope's practices count as much as its decisions), those outside it saying what needs them."""
    table = _table(label("summary_in_scope" if result.scope else "summary_decisions", lang))
    table.add_column(label("pattern", lang), style="cyan", overflow="fold", max_width=34)
    table.add_column(label("status", lang), overflow="fold")
    table.add_column(label("why", lang), ratio=1, overflow="fold")
    # The order groups.yaml tells the story in: style, decomposition, data, ... deployment.
    written = {g: catalog.source("group", g).line or 0 for g in catalog.groups}
    decisions = sorted(
        result.recommended if result.scope else result.with_role("key-decision"),
        key=lambda p: (written.get(p.group, len(written)), -p.score.total, p.id),
    )
    for pattern in decisions:
        needed = needed_text(pattern, catalog, lang)
        table.add_row(
            plain(_name(catalog, pattern.id, lang)),
            label(f"status_{pattern.status}", lang),
            plain(needed, "yellow") if needed else plain(_why(pattern, catalog, lang)),
        )
    return table


def _reconsider(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = _table(label("reconsider", lang))
    table.add_column(label("pattern", lang), style="yellow", overflow="fold", max_width=34)
    table.add_column(label("why", lang), ratio=1, overflow="fold")
    for item in result.reconsider:
        names = ", ".join(_name(catalog, p, lang) for p in item.preferred)
        forces = ", ".join(
            f"{catalog.forces[c.force].name.get(lang) if c.force in catalog.forces else c.force} ({c.weight})"
            for c in item.hurts
        )
        # Most telling first: what replaces it, then why (the weightiest rule against it, else
        # the forces it works against): a replacement is never named without its why; and
        # always whether the user's own answers favour keeping it (the advice overrules a decision).
        whys = []
        if "alternative-preferred" in item.causes:
            whys.append(label("cause_alternative-preferred", lang, names=names))
        rule = catalog.rules.get(item.reasons[0].rule or "") if item.reasons else None
        if rule is not None:
            whys.append(rule.reason.get(lang).rstrip("."))
        elif "advised-against" in item.causes:
            whys.append(label("cause_advised-against", lang))
        if "hurts-forces" in item.causes and rule is None:
            whys.append(label("cause_hurts-forces", lang, forces=forces))
        if "favoured-too" in item.causes:
            whys.append(label("cause_favoured-too", lang))
        table.add_row(plain(_name(catalog, item.id, lang)), plain("; ".join(whys)))
    return table


def _risks(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    shown = result.risks[:TOP_RISKS]
    title = label("risks", lang)
    if len(result.risks) > len(shown):
        title += " " + label("top_of", lang, shown=len(shown), total=len(result.risks))
    table = _table(title)
    table.add_column(label("severity", lang), overflow="fold")
    table.add_column(label("risk", lang), ratio=2, overflow="fold")
    table.add_column(label("mitigation", lang), ratio=3, overflow="fold")
    for risk in shown:
        rule = catalog.risks.get(risk.id)
        # Only what the plan holds is named as the mitigation; the rest briefly, as something to consider.
        planned, beyond = split_mitigations(result, risk)
        parts = [", ".join(_name(catalog, p, lang) for p in planned)] if planned else []
        if beyond:
            names = ", ".join(_name(catalog, p, lang) for p in beyond)
            parts.append(label("mitigation_consider", lang, names=names))
        table.add_row(
            Text(label(f"severity_{risk.severity}", lang), style=_SEVERITY_STYLE[risk.severity]),
            plain(risk_title(risk, catalog, lang)),
            plain("; ".join(parts) or (rule.mitigation.get(lang) if rule else "")),
        )
    return table


def render_summary(result: Recommendation, catalog: Catalog, lang: Lang = "en") -> RenderableType:
    """The default view of one recommendation: fits a screen for the bundled examples."""
    parts: list[RenderableType] = [_header(result, catalog, lang)]
    if result.recommended:
        parts.append(_decisions(result, catalog, lang))
    else:
        parts.append(Text(label("no_patterns", lang), style="yellow"))
    if result.not_assessed:
        parts.append(not_assessed_line(result, catalog, lang))
    if result.reconsider:
        parts.append(_reconsider(result, catalog, lang))
    if result.risks:
        parts.append(_risks(result, catalog, lang))
    else:
        parts.append(Text.assemble((label("risks", lang) + ": ", "bold"), label("none", lang)))
    if result.plan:
        parts.append(render_first_phase(result, catalog, lang))
    counts = {
        "recommended": len(result.recommended),
        "decisions": len(result.with_role("key-decision")),
        "consequences": len(result.with_role("consequence")),
        "practices": len(result.with_role("practice")),
    }
    parts.append(Text(label("summary_more", lang, **counts), style="dim"))
    return RenderGroup(*parts)
