"""The scope of the advice in words: the groups it covers, what outside it is needed, what is not assessed."""

from __future__ import annotations

from advisor.base.i18n import Lang
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Recommendation, RecommendedPattern
from advisor.report.labels import label
from advisor.report.view import NotAssessedRow


def _pattern(catalog: Catalog, pattern_id: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else pattern_id


def group_name(catalog: Catalog, group_id: str, lang: Lang) -> str:
    """A group's name in ``lang`` (its id if the catalog does not know it)."""
    group = catalog.groups.get(group_id)
    return group.name.get(lang) if group else group_id


def group_order(catalog: Catalog, group_id: str) -> int:
    """Where a group comes in groups.yaml, the order that tells the story (unknown groups last)."""
    if group_id not in catalog.groups:
        return 1 << 30
    return catalog.source("group", group_id).line or 0


def scope_names(result: Recommendation, catalog: Catalog, lang: Lang) -> tuple[str, ...]:
    """The names of the groups the advice is limited to, in groups.yaml order (empty: all)."""
    groups = sorted(result.scope, key=lambda g: group_order(catalog, g))
    return tuple(group_name(catalog, g, lang) for g in groups)


def scope_text(result: Recommendation, catalog: Catalog, lang: Lang) -> str:
    """The groups the advice covers, by name (or "the whole architecture")."""
    return ", ".join(scope_names(result, catalog, lang)) or label("scope_whole", lang)


def needed_text(pattern: RecommendedPattern, catalog: Catalog, lang: Lang) -> str | None:
    """For a pattern outside the scope: which recommended patterns need it (else ``None``)."""
    if not pattern.needed_by:
        return None
    names = ", ".join(_pattern(catalog, p, lang) for p in pattern.needed_by)
    return label("needed_by", lang, patterns=names)


def not_assessed_rows(result: Recommendation, catalog: Catalog, lang: Lang) -> tuple[NotAssessedRow, ...]:
    """The patterns outside the scope the advice would otherwise give, in group order."""
    rows = sorted(result.not_assessed, key=lambda n: (group_order(catalog, n.group), n.id))
    return tuple(
        NotAssessedRow(
            id=item.id,
            name=_pattern(catalog, item.id, lang),
            group=item.group,
            group_name=group_name(catalog, item.group, lang),
            status=item.status,
            status_label=label(f"na_{item.status}", lang),
        )
        for item in rows
    )
