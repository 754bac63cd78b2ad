"""The pattern catalog as rich renderables: a grouped list and a pattern page."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from advisor.base.i18n import Lang, Phrasebook
from advisor.base.text import plain
from advisor.catalog.conditions import leaf_message, to_dnf
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Effect, Pattern, Relation, Verdict
from advisor.catalog.relations import Link, relation_links
from advisor.report.labels import say

#: Headings in both languages.
_LABELS: dict[str, tuple[str, str]] = {
    "id": ("Id", "ID"),
    "pattern": ("Pattern", "패턴"),
    "summary": ("Summary", "요약"),
    "problem": ("Problem", "문제"),
    "context": ("Context", "맥락"),
    "solution": ("Solution", "해법"),
    "forces": ("Forces", "포스"),
    "resulting": ("Resulting context", "결과 맥락"),
    "benefits": ("Benefits", "장점"),
    "drawbacks": ("Drawbacks", "단점"),
    "issues": ("Issues", "이슈"),
    "related": ("Related patterns", "연관 패턴"),
    "rules": ("Applicability rules", "적용 규칙"),
    "resolved_by": ("resolved by", "해결:"),
    "force": ("Force", "포스"),
    "effect": ("Effect", "영향"),
    "strength": ("Strength", "강도"),
    "note": ("Note", "비고"),
    "helps": ("helps", "도움"),
    "hurts": ("hurts", "저해"),
    "rule": ("Rule", "규칙"),
    "weight": ("Weight", "가중치"),
    "when": ("When", "조건"),
    "reason": ("Reason", "이유"),
    "accepted": ("accepted", "수용"),
    "via": ("via", "이슈:"),
    "source": ("source", "출처"),
    "and": ("and", "그리고"),
    "or": ("or", "또는"),
    Relation.PREDECESSOR.value: ("Predecessors", "선행자"),
    Relation.SUCCESSOR.value: ("Successors", "후행자"),
    Relation.ALTERNATIVE.value: ("Alternatives", "대안"),
    Relation.GENERALIZATION.value: ("Generalizations", "일반화"),
    Relation.SPECIALIZATION.value: ("Specializations", "세분화"),
}
LABELS = Phrasebook(_LABELS)


def label(key: str, lang: Lang) -> str:
    """A heading in ``lang``."""
    return LABELS(key, lang)


def pattern_table(catalog: Catalog, patterns: list[Pattern], lang: Lang = "en") -> Table:
    """Patterns in a table, one line each, under a heading row per group (in catalog order).

    Ids are never wrapped, so they can be copied into ``patterns show`` whatever the width.
    """
    table = Table(title=f"{len(patterns)} patterns", title_justify="left")
    id_width = max((len(p.id) for p in patterns), default=2)
    table.add_column(label("id", lang), style="dim", no_wrap=True, min_width=id_width)
    table.add_column(label("pattern", lang), style="bold cyan", min_width=12, overflow="fold")
    table.add_column(label("summary", lang), min_width=16, overflow="fold")
    order = {group_id: index for index, group_id in enumerate(catalog.groups)}
    previous = None
    for pattern in sorted(patterns, key=lambda p: (order.get(p.group, len(order)), p.id)):
        if previous != pattern.group:
            group = catalog.groups[pattern.group]
            if previous is not None:
                table.add_section()
            table.add_row(
                plain(group.name.get(lang), style="bold magenta"),
                "",
                plain(catalog.layers[group.layer].name.get(lang), style="dim"),
            )
            previous = pattern.group
        table.add_row(plain(pattern.id), plain(pattern.name.get(lang)), plain(pattern.summary.get(lang)))
    return table


def _strength(strength: int) -> str:
    return "●" * strength + "○" * (3 - strength)


def _forces(catalog: Catalog, pattern: Pattern, lang: Lang) -> Table:
    table = Table(title=label("forces", lang), title_justify="left", title_style="bold", show_edge=False)
    table.add_column(label("force", lang), no_wrap=True)
    table.add_column(label("effect", lang), no_wrap=True)
    table.add_column(label("strength", lang), no_wrap=True)
    table.add_column(label("note", lang), style="dim", overflow="fold")
    for effect in sorted(pattern.forces, key=lambda e: (e.effect is Effect.HURTS, -e.strength, e.force)):
        style = "green" if effect.effect is Effect.HELPS else "red"
        table.add_row(
            plain(catalog.forces[effect.force].name.get(lang)),
            Text(label(effect.effect.value, lang), style=style),
            _strength(effect.strength),
            plain(effect.note.get(lang)) if effect.note else "",
        )
    return table


def _pattern_ref(catalog: Catalog, pattern_id: str, lang: Lang) -> Text:
    return Text.assemble(
        plain(catalog.patterns[pattern_id].name.get(lang), "cyan"), plain(f"  {pattern_id}", "dim")
    )


def _resulting(catalog: Catalog, pattern: Pattern, lang: Lang) -> Tree:
    tree = Tree(Text(label("resulting", lang), style="bold"))
    context = pattern.resulting_context
    for key, items, style in (
        ("benefits", context.benefits, "green"),
        ("drawbacks", context.drawbacks, "red"),
    ):
        if items:
            branch = tree.add(Text(label(key, lang), style=style))
            for item in items:
                branch.add(plain(item.get(lang)))
    if context.issues:
        issues = tree.add(Text(label("issues", lang), style="yellow"))
        for issue_id in context.issues:
            issue = catalog.issues[issue_id]
            node = issues.add(Text.assemble(plain(issue.title.get(lang)), plain(f"  {issue_id}", "dim")))
            for resolver in issue.resolved_by:
                node.add(
                    Text.assemble(
                        (f"{label('resolved_by', lang)} ", "dim"), _pattern_ref(catalog, resolver, lang)
                    )
                )
            if issue.accepted is not None:
                node.add(
                    Text.assemble((f"{label('accepted', lang)}: ", "dim"), plain(issue.accepted.get(lang)))
                )
    return tree


def _links_of(catalog: Catalog, pattern_id: str) -> dict[tuple[Relation, str], Link]:
    """The relations of one pattern, seen from it: (relation, other pattern) → the link."""
    seen_from: dict[tuple[Relation, str], Link] = {}
    inverse = {Relation.SUCCESSOR: Relation.PREDECESSOR, Relation.GENERALIZATION: Relation.SPECIALIZATION}
    for link in relation_links(catalog.patterns, catalog.issues):
        if link.source == pattern_id:
            seen_from[(link.kind, link.target)] = link
        elif link.target == pattern_id:
            seen_from[(inverse.get(link.kind, link.kind), link.source)] = link
    return seen_from


def _related(catalog: Catalog, pattern: Pattern, lang: Lang) -> Tree:
    tree = Tree(Text(label("related", lang), style="bold"))
    links = _links_of(catalog, pattern.id)
    for relation in Relation:
        ids = pattern.related.of(relation)
        if not ids:
            continue
        branch = tree.add(Text(label(relation.value, lang), style="magenta"))
        for other in ids:
            node = branch.add(_pattern_ref(catalog, other, lang))
            link = links.get((relation, other))
            if link is None:  # pragma: no cover - every derived relation comes from a link
                continue
            if link.issue is not None:
                title = catalog.issues[link.issue].title.get(lang)
                node.add(Text.assemble((f"{label('via', lang)} ", "dim"), plain(title)))
            if link.sources:
                cited = ", ".join(str(c) for c in link.sources)
                node.add(Text.assemble((f"{label('source', lang)} ", "dim"), plain(cited, "dim")))
    return tree


def _rules(catalog: Catalog, pattern: Pattern, lang: Lang) -> Table:
    table = Table(title=label("rules", lang), title_justify="left", title_style="bold", show_edge=False)
    table.add_column(label("rule", lang), style="dim", no_wrap=True)
    table.add_column(label("weight", lang), no_wrap=True, justify="right")
    table.add_column(label("when", lang), overflow="fold")
    table.add_column(label("reason", lang))
    for rule in catalog.rules_for(pattern.id):
        verdict = Text(
            f"{'+' if rule.verdict is Verdict.RECOMMEND else '-'}{rule.weight}",
            style="green" if rule.verdict is Verdict.RECOMMEND else "red",
        )
        when = f" {label('or', lang)} ".join(
            f" {label('and', lang)} ".join(say(leaf_message(leaf), lang) for leaf in clause)
            for clause in to_dnf(rule.when)
        )
        table.add_row(plain(rule.id), verdict, plain(when), plain(rule.reason.get(lang)))
    return table


def pattern_page(catalog: Catalog, pattern: Pattern, lang: Lang = "en") -> RenderableType:
    """One pattern as the pattern language structures it: problem, forces, resulting context, relations."""
    group = catalog.groups[pattern.group].name.get(lang)
    layer = catalog.layers[pattern.layer].name.get(lang)
    other: Lang = "ko" if lang == "en" else "en"
    title = Text.assemble(
        plain(pattern.name.get(lang), "bold cyan"),
        plain(f"  {pattern.name.get(other)}" if pattern.name.ko else "", "cyan"),
        plain(f"\n{pattern.id} · {group} · {layer}", "dim"),
        plain("\n\n" + pattern.summary.get(lang)),
    )
    parts: list[RenderableType] = [Panel(title, expand=False)]
    for key in ("problem", "context", "solution"):
        parts.append(Text.assemble((label(key, lang) + ": ", "bold"), plain(getattr(pattern, key).get(lang))))
    sections: list[RenderableType] = [
        _forces(catalog, pattern, lang),
        _resulting(catalog, pattern, lang),
        _related(catalog, pattern, lang),
    ]
    if catalog.rules_for(pattern.id):
        sections.append(_rules(catalog, pattern, lang))
    for section in sections:
        parts += [Text(""), section]
    return RenderGroup(*parts)
