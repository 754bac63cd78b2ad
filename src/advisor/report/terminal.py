"""The recommendation as rich renderables for the terminal."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from advisor.catalog.loader import Catalog
from advisor.i18n import Lang
from advisor.recommendation import Reason, Recommendation, RecommendedPattern


def _name(catalog: Catalog, pattern_id: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else pattern_id


def _reason_text(reason: Reason, catalog: Catalog, lang: Lang) -> Text:
    if reason.kind == "successor" and reason.issue and reason.predecessor:
        issue = catalog.issues[reason.issue].title.get(lang)
        return Text.assemble(
            ("resolves ", "dim"),
            (issue, "italic"),
            (" for ", "dim"),
            (_name(catalog, reason.predecessor, lang), "cyan"),
        )
    rule = catalog.rules.get(reason.rule or "")
    text = rule.reason.get(lang) if rule else reason.text
    mark = ("✔ ", "green") if reason.verdict == "recommend" else ("✘ ", "red")
    matched = "; ".join(m.test + (f" ({m.actual})" if m.actual else "") for m in reason.matched)
    return Text.assemble(
        mark,
        text,
        (
            f"  [{reason.rule} +{reason.weight}: {matched}]"
            if reason.verdict == "recommend"
            else f"  [{reason.rule} -{reason.weight}: {matched}]",
            "dim",
        ),
    )


def _score(pattern: RecommendedPattern) -> str:
    return f"{pattern.score.total:g} (rules {pattern.score.rules:+d}, forces {pattern.score.forces:+g})"


def _tree(result: Recommendation, catalog: Catalog, lang: Lang) -> Tree:
    children: defaultdict[str | None, list[RecommendedPattern]] = defaultdict(list)
    for pattern in result.recommended:
        children[pattern.parent].append(pattern)
    root = Tree(Text("Successor chain", style="bold"), guide_style="dim")

    def grow(node: Tree, parent: str | None) -> None:
        for pattern in sorted(children.get(parent, []), key=lambda p: (-p.score.total, p.id)):
            label = Text.assemble(
                (_name(catalog, pattern.id, lang), "bold cyan"),
                (f"  {pattern.id} · score {_score(pattern)}", "dim"),
            )
            branch = node.add(label)
            for reason in pattern.reasons:
                branch.add(_reason_text(reason, catalog, lang))
            grow(branch, pattern.id)

    grow(root, None)
    return root


def _by_group(result: Recommendation, catalog: Catalog, lang: Lang) -> Table:
    table = Table(title="Recommended patterns by group", title_justify="left", expand=False)
    table.add_column("Group", style="magenta")
    table.add_column("Pattern", style="cyan")
    table.add_column("Score", justify="right")
    table.add_column("Why")
    order = list(catalog.groups)
    for pattern in sorted(
        result.recommended,
        key=lambda p: (order.index(p.group) if p.group in order else 99, -p.score.total, p.id),
    ):
        group = catalog.groups.get(pattern.group)
        first = pattern.reasons[0] if pattern.reasons else None
        why = _reason_text(first, catalog, lang) if first else Text("")
        table.add_row(
            group.name.get(lang) if group else pattern.group,
            _name(catalog, pattern.id, lang),
            f"{pattern.score.total:g}",
            why,
        )
    return table


def render_terminal(result: Recommendation, catalog: Catalog, lang: Lang = "en") -> RenderableType:
    """Everything ``advisor recommend`` shows: groups, successor tree, alternatives, risks."""
    parts: list[RenderableType] = []
    ranked = sorted(result.forces.items(), key=lambda item: (-item[1], item[0]))
    weights = ", ".join(f"{force} {weight}" for force, weight in ranked if weight >= 4)
    system = result.system or "(unnamed system)"
    header = Text.assemble(
        ("Recommendation for ", "bold"),
        (system, "bold cyan"),
        ("\nTop forces: ", "dim"),
        weights or "none weighted 4 or more",
    )
    parts.append(Panel(header, expand=False))
    if result.recommended:
        parts += [_by_group(result, catalog, lang), _tree(result, catalog, lang)]
    else:
        parts.append(Text("No pattern is recommended for these answers.", style="yellow"))
    if result.alternatives:
        table = Table(title="Alternatives not chosen", title_justify="left")
        for column in ("Pattern", "Instead of", "Why not"):
            table.add_column(column)
        for alt in result.alternatives:
            table.add_row(_name(catalog, alt.id, lang), _name(catalog, alt.instead_of, lang), alt.reason)
        parts.append(table)
    if result.advised_against:
        table = Table(title="Advised against", title_justify="left")
        table.add_column("Pattern", style="red")
        table.add_column("Why")
        for item in result.advised_against:
            why = Text("\n").join(
                _reason_text(r, catalog, lang) for r in item.reasons if r.verdict == "advise-against"
            )
            table.add_row(_name(catalog, item.id, lang), why)
        parts.append(table)
    if result.open_issues:
        table = Table(title="Open issues (risks to manage)", title_justify="left")
        for column in ("Issue", "Raised by", "Status", "Note"):
            table.add_column(column)
        for issue in result.open_issues:
            table.add_row(
                catalog.issues[issue.id].title.get(lang),
                ", ".join(_name(catalog, p, lang) for p in issue.raised_by),
                issue.status,
                issue.reason,
            )
        parts.append(table)
    for note in result.notes:
        parts.append(Text(f"note: {note}", style="yellow"))
    return RenderGroup(*parts)
