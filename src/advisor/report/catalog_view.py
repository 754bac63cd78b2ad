"""The pattern catalog as rich renderables: a grouped list and a pattern page."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from advisor.catalog.conditions import describe_leaf, to_dnf
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Effect, Pattern, Relation, Verdict
from advisor.i18n import Lang

#: Headings in both languages.
LABELS: dict[str, dict[Lang, str]] = {
    "problem": {"en": "Problem", "ko": "문제"},
    "context": {"en": "Context", "ko": "맥락"},
    "solution": {"en": "Solution", "ko": "해법"},
    "forces": {"en": "Forces", "ko": "강제 조항"},
    "resulting": {"en": "Resulting context", "ko": "결과 맥락"},
    "benefits": {"en": "Benefits", "ko": "장점"},
    "drawbacks": {"en": "Drawbacks", "ko": "단점"},
    "issues": {"en": "Issues", "ko": "이슈"},
    "related": {"en": "Related patterns", "ko": "연관 패턴"},
    "rules": {"en": "When the advisor recommends it", "ko": "추천 규칙"},
    "resolved_by": {"en": "resolved by", "ko": "해결 패턴"},
    "accepted": {"en": "accepted", "ko": "수용"},
    Relation.PREDECESSOR.value: {"en": "Predecessors", "ko": "선행자"},
    Relation.SUCCESSOR.value: {"en": "Successors", "ko": "후행자"},
    Relation.ALTERNATIVE.value: {"en": "Alternatives", "ko": "대안"},
    Relation.GENERALIZATION.value: {"en": "Generalizations", "ko": "일반화"},
    Relation.SPECIALIZATION.value: {"en": "Specializations", "ko": "세분화"},
}


def label(key: str, lang: Lang) -> str:
    """A heading in ``lang``."""
    return LABELS[key][lang]


def pattern_table(catalog: Catalog, patterns: list[Pattern], lang: Lang = "en") -> Table:
    """Patterns in a table, grouped by group in catalog order."""
    table = Table(title=f"{len(patterns)} patterns", title_justify="left")
    table.add_column("Group", style="magenta")
    table.add_column("Pattern", style="bold cyan")
    table.add_column("Id", style="dim")
    table.add_column("Layer")
    table.add_column("Summary")
    order = {group_id: index for index, group_id in enumerate(catalog.groups)}
    previous = None
    for pattern in sorted(patterns, key=lambda p: (order.get(p.group, 99), p.id)):
        group = catalog.groups[pattern.group].name.get(lang)
        if previous is not None and previous != pattern.group:
            table.add_section()
        table.add_row(
            group if previous != pattern.group else "",
            pattern.name.get(lang),
            pattern.id,
            catalog.layers[pattern.layer].name.get(lang),
            pattern.summary.get(lang),
        )
        previous = pattern.group
    return table


def _strength(strength: int) -> str:
    return "●" * strength + "○" * (3 - strength)


def _forces(catalog: Catalog, pattern: Pattern, lang: Lang) -> Table:
    table = Table(title=label("forces", lang), title_justify="left", show_edge=False)
    table.add_column("Force")
    table.add_column("Effect")
    table.add_column("Strength")
    table.add_column("Note", style="dim")
    for effect in sorted(pattern.forces, key=lambda e: (e.effect is Effect.HURTS, -e.strength, e.force)):
        style = "green" if effect.effect is Effect.HELPS else "red"
        table.add_row(
            catalog.forces[effect.force].name.get(lang),
            Text(effect.effect.value, style=style),
            _strength(effect.strength),
            effect.note.get(lang) if effect.note else "",
        )
    return table


def _resulting(catalog: Catalog, pattern: Pattern, lang: Lang) -> Tree:
    tree = Tree(Text(label("resulting", lang), style="bold"))
    context = pattern.resulting_context
    for key, items, style in (
        ("benefits", context.benefits, "green"),
        ("drawbacks", context.drawbacks, "red"),
    ):
        branch = tree.add(Text(label(key, lang), style=style))
        for item in items:
            branch.add(escape(item.get(lang)))
    issues = tree.add(Text(label("issues", lang), style="yellow"))
    for issue_id in context.issues:
        issue = catalog.issues[issue_id]
        if issue.resolved_by:
            names = ", ".join(catalog.patterns[r].name.get(lang) for r in issue.resolved_by)
            note = f"{label('resolved_by', lang)}: {names}"
        else:
            note = label("accepted", lang)
        issues.add(Text.assemble(issue.title.get(lang), (f"  ({issue_id}; {note})", "dim")))
    return tree


def _related(catalog: Catalog, pattern: Pattern, lang: Lang) -> Tree:
    tree = Tree(Text(label("related", lang), style="bold"))
    for relation in Relation:
        ids = pattern.related.of(relation)
        if not ids:
            continue
        branch = tree.add(Text(label(relation.value, lang), style="magenta"))
        for other in ids:
            branch.add(Text.assemble((catalog.patterns[other].name.get(lang), "cyan"), (f"  {other}", "dim")))
    return tree


def _rules(catalog: Catalog, pattern: Pattern, lang: Lang) -> Table:
    table = Table(title=label("rules", lang), title_justify="left", show_edge=False)
    table.add_column("Rule", style="dim")
    table.add_column("Verdict")
    table.add_column("When")
    table.add_column("Reason")
    for rule in catalog.rules_for(pattern.id):
        verdict = Text(
            f"{'+' if rule.verdict is Verdict.RECOMMEND else '-'}{rule.weight}",
            style="green" if rule.verdict is Verdict.RECOMMEND else "red",
        )
        when = " or ".join(
            " and ".join(describe_leaf(leaf) for leaf in clause) for clause in to_dnf(rule.when)
        )
        table.add_row(rule.id, verdict, when, rule.reason.get(lang))
    return table


def pattern_page(catalog: Catalog, pattern: Pattern, lang: Lang = "en") -> RenderableType:
    """One pattern as the pattern language structures it: problem, forces, resulting context, relations."""
    group = catalog.groups[pattern.group].name.get(lang)
    layer = catalog.layers[pattern.layer].name.get(lang)
    other: Lang = "ko" if lang == "en" else "en"
    title = Text.assemble(
        (pattern.name.get(lang), "bold cyan"),
        (f"  {pattern.name.get(other)}" if pattern.name.ko else "", "cyan"),
        (f"\n{pattern.id} · {group} · {layer}", "dim"),
        ("\n\n" + pattern.summary.get(lang), ""),
    )
    parts: list[RenderableType] = [Panel(title, expand=False)]
    for key in ("problem", "context", "solution"):
        text = getattr(pattern, key).get(lang)
        parts.append(Text.assemble((label(key, lang) + ": ", "bold"), text))
    parts += [
        _forces(catalog, pattern, lang),
        _resulting(catalog, pattern, lang),
        _related(catalog, pattern, lang),
    ]
    if catalog.rules_for(pattern.id):
        parts.append(_rules(catalog, pattern, lang))
    return RenderGroup(*parts)
