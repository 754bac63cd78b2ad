"""The recommendation as rich renderables for the terminal.

The table gives the overview (one line of reasoning per pattern); the successor
tree under it gives every reason with the answers and weights each rule matched.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from advisor.base.i18n import Lang
from advisor.base.text import plain
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Reason, Recommendation, RecommendedPattern
from advisor.report.labels import label, say, show_value
from advisor.report.risk_rows import risk_title
from advisor.report.scope_rows import needed_text, scope_text
from advisor.report.terminal_plan import render_plan
from advisor.report.terminal_scope import render_not_assessed
from advisor.report.terminal_summary import render_summary


def _name(catalog: Catalog, pattern_id: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else pattern_id


def _force_name(catalog: Catalog, force_id: str, lang: Lang) -> str:
    force = catalog.forces.get(force_id)
    return force.name.get(lang) if force else force_id


def _summary(reason: Reason, catalog: Catalog, lang: Lang, pattern_id: str = "") -> Text:
    """One reason in one sentence, without the evidence."""
    if reason.kind == "successor" and reason.issue and reason.predecessor:
        issue = catalog.issues.get(reason.issue)
        title = issue.title.get(lang) if issue else reason.issue
        return plain(
            label("successor_of", lang, parent=_name(catalog, reason.predecessor, lang), issue=title),
            style="dim",
        )
    if reason.kind == "requirement" and reason.predecessor:
        requirer = catalog.patterns.get(reason.predecessor)
        requires = requirer.requires if requirer else ()
        why = next((r.reason.get(lang) for r in requires if pattern_id in r.any_of), "")
        return plain(
            label("required_by", lang, parent=_name(catalog, reason.predecessor, lang), why=why), style="dim"
        )
    rule = catalog.rules.get(reason.rule or "")
    text = rule.reason.get(lang) if rule else str(reason.rule)
    mark = ("✔ ", "green") if reason.verdict == "recommend" else ("✘ ", "red")
    return Text.assemble(mark, plain(text))


def _evidence(reason: Reason, lang: Lang) -> Text:
    """The rule that fired, its weight and what it matched."""
    sign = "+" if reason.verdict == "recommend" else "-"
    matched = "; ".join(
        say(m.test, lang) + (f" ({show_value(m.actual, lang)})" if m.actual is not None else "")
        for m in reason.matched
    )
    return plain(f"{reason.rule} {sign}{reason.weight}: {matched}", style="dim")


def _score(pattern: RecommendedPattern, lang: Lang) -> str:
    return (
        f"{pattern.score.total:g} ({label('rules', lang)} {pattern.score.rules:+d}, "
        f"{label('fit', lang)} {pattern.score.forces:+g})"
    )


def _tree(result: Recommendation, catalog: Catalog, lang: Lang) -> Tree:
    children: defaultdict[str | None, list[RecommendedPattern]] = defaultdict(list)
    for pattern in result.recommended:
        children[pattern.parent].append(pattern)
    root = Tree(Text(label("graph", lang), style="bold"), guide_style="dim")

    # A loop, not recursion: a pack may chain a thousand successors.
    pending: list[tuple[Tree, str | None]] = [(root, None)]
    while pending:
        node, parent = pending.pop()
        for pattern in sorted(children.get(parent, []), key=lambda p: (-p.score.total, p.id)):
            label_text = Text.assemble(
                plain(_name(catalog, pattern.id, lang), "bold cyan"),
                plain(f"  {pattern.id} · {_score(pattern, lang)}", "dim"),
            )
            branch = node.add(label_text)
            for reason in pattern.reasons:
                if reason.kind == "rule":
                    branch.add(Text.assemble(_summary(reason, catalog, lang), "\n", _evidence(reason, lang)))
                else:
                    branch.add(_summary(reason, catalog, lang, pattern.id))
            pending.append((branch, pattern.id))
    return root


def _by_group(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    """Recommended patterns under their group's heading; the reason gets the width of the table.

    The group is a heading row above its patterns (not a column of its own), and a pattern
    name folds past 30 columns, so the reason, which is what people read, keeps the rest:
    at 80 columns about 40, at 120 about 80.
    """
    table = Table(title=label("recommended", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), style="cyan", overflow="fold", max_width=30)
    table.add_column(label("score", lang), justify="right", no_wrap=True)
    table.add_column(label("why", lang), ratio=1, overflow="fold")
    order = list(catalog.groups)
    previous = None
    for pattern in sorted(
        result.recommended,
        key=lambda p: (order.index(p.group) if p.group in order else len(order), -p.score.total, p.id),
    ):
        group = catalog.groups.get(pattern.group)
        group_name = group.name.get(lang) if group else pattern.group
        if group_name != previous:
            if previous is not None:
                table.add_section()
            table.add_row(plain(group_name, "bold magenta"), "", "")
            previous = group_name
        # the strongest reason *for* it: a recommending rule, else the issue it resolves
        first = next((r for r in pattern.reasons if r.verdict != "advise-against"), None)
        needed = needed_text(pattern, catalog, lang)
        table.add_row(
            plain(_name(catalog, pattern.id, lang)),
            f"{pattern.score.total:g}",
            plain(needed, "yellow") if needed else _summary(first, catalog, lang) if first else Text(""),
        )
    return table


def _header(result: Recommendation, catalog: Catalog, lang: Lang) -> Panel:
    ranked = sorted(result.forces.items(), key=lambda item: (-item[1], item[0]))
    top = ", ".join(
        f"{_force_name(catalog, force, lang)} {weight}" for force, weight in ranked if weight >= 4
    )
    header = Text.assemble(
        (label("title", lang) + ": ", "bold"),
        plain(result.system or label("unnamed", lang), "bold cyan"),
        ("\n" + label("forces", lang) + ": ", "dim"),
        plain(top or label("none", lang)),
    )
    if result.scope:
        header.append_text(
            Text.assemble(
                "\n", (label("scope", lang) + ": ", "dim"), plain(scope_text(result, catalog, lang))
            )
        )
    return Panel(header, expand=False)


def _alternatives(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title=label("alternatives", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), overflow="fold")
    table.add_column(label("instead_of", lang), overflow="fold")
    table.add_column(label("why_not", lang), ratio=1, overflow="fold")
    for alt in result.alternatives:
        table.add_row(
            plain(_name(catalog, alt.id, lang)),
            plain(_name(catalog, alt.instead_of, lang)),
            plain(say(alt.reason, lang, catalog)),
        )
    return table


def _advised_against(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title=label("advised_against", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), style="red", overflow="fold")
    table.add_column(label("why", lang), ratio=1, overflow="fold")
    for item in result.advised_against:
        why = Text("\n").join(
            _summary(r, catalog, lang) for r in item.reasons if r.verdict == "advise-against"
        )
        table.add_row(plain(_name(catalog, item.id, lang)), why)
    return table


def _dropped(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title=label("dropped", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), style="yellow", overflow="fold")
    table.add_column(label("needs", lang), overflow="fold")
    table.add_column(label("why_not", lang), ratio=1, overflow="fold")
    for item in result.dropped:
        requires = catalog.patterns[item.id].requires
        requirement = next((r for r in requires if sorted(r.any_of) == list(item.needs_one_of)), None)
        lines = [requirement.reason.get(lang)] if requirement else []
        lines += [say(r, lang, catalog) for r in item.reasons]
        table.add_row(
            plain(_name(catalog, item.id, lang)),
            plain(", ".join(_name(catalog, p, lang) for p in item.needs_one_of)),
            plain("\n".join(lines)),
        )
    return table


_SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def _risks(result: Recommendation, catalog: Catalog, lang: Lang, limit: int | None = None) -> Table:
    """The risks, most severe first (the first ``limit`` of them, when given)."""
    table = Table(title=label("risks", lang), title_justify="left", title_style="bold")
    table.add_column(label("severity", lang), overflow="fold")
    table.add_column(label("risk", lang), ratio=1, overflow="fold")
    table.add_column(label("mitigation", lang), ratio=1, overflow="fold")
    for risk in result.risks[:limit]:
        rule = catalog.risks.get(risk.id)
        title = risk_title(risk, catalog, lang)
        mitigation = rule.mitigation.get(lang) if rule else ""
        severity = Text(label(f"severity_{risk.severity}", lang), style=_SEVERITY_STYLE[risk.severity])
        table.add_row(severity, plain(title), plain(mitigation))
    return table


def _reconsider(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title=label("reconsider", lang), title_justify="left", title_style="bold")
    table.add_column(label("pattern", lang), style="yellow", overflow="fold")
    table.add_column(label("why", lang), ratio=1, overflow="fold")
    for item in result.reconsider:
        names = ", ".join(_name(catalog, p, lang) for p in item.preferred)
        forces = ", ".join(f"{_force_name(catalog, c.force, lang)} ({c.weight})" for c in item.hurts)
        lines = [plain(label(f"cause_{c}", lang, names=names, forces=forces)) for c in item.causes]
        lines += [_summary(r, catalog, lang) for r in item.reasons]
        table.add_row(plain(_name(catalog, item.id, lang)), Text("\n").join(lines))
    return table


def _open_issues(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title=label("open_issues", lang), title_justify="left", title_style="bold")
    for key in ("issue", "raised_by", "status", "note"):
        table.add_column(label(key, lang), overflow="fold")
    for issue in result.open_issues:
        known = catalog.issues.get(issue.id)
        table.add_row(
            plain(known.title.get(lang) if known else issue.title),
            plain(", ".join(_name(catalog, p, lang) for p in issue.raised_by)),
            label(f"st_{issue.status}", lang),
            plain("; ".join(say(r, lang, catalog) for r in issue.reasons)),
        )
    return table


def render_terminal(
    result: Recommendation, catalog: Catalog, lang: Lang = "en", *, full: bool = False
) -> RenderableType:
    """What ``advisor recommend`` shows: by default the advice on one screen (key decisions,
    what to reconsider, top risks, the first phase); with ``full`` every pattern by group, the
    successor tree with every reason, alternatives, patterns advised against, risks, open
    issues and the whole plan."""
    if not full:
        return render_summary(result, catalog, lang)
    parts: list[RenderableType] = [_header(result, catalog, lang)]
    if result.recommended:
        parts += [_by_group(result, catalog, lang), _tree(result, catalog, lang)]
    else:
        parts.append(Text(label("no_patterns", lang), style="yellow"))
    if result.not_assessed:
        parts.append(render_not_assessed(result, catalog, lang))
    if result.alternatives:
        parts.append(_alternatives(result, catalog, lang))
    if result.advised_against:
        parts.append(_advised_against(result, catalog, lang))
    if result.dropped:
        parts.append(_dropped(result, catalog, lang))
    if result.reconsider:
        parts.append(_reconsider(result, catalog, lang))
    if result.risks:
        parts.append(_risks(result, catalog, lang))
    if result.open_issues:
        parts.append(_open_issues(result, catalog, lang))
    if result.plan:
        parts.append(render_plan(result, catalog, lang, all_phases=True))
    notes = label("notes", lang)
    parts += [plain(f"{notes}: {say(note, lang, catalog)}", style="yellow") for note in result.notes]
    return RenderGroup(*parts)
