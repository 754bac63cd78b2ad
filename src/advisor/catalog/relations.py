"""The relations of the pattern language, derived from what the pattern files write.

A pattern file writes each relation once, with where the language states it:

- the issues its pattern raises (``resulting_context.issues``); the patterns that
  resolve one of them (``resolved_by`` of the issue) are its **successors**, and it is
  their **predecessor**. A successor link therefore always resolves an issue, and it
  cites the sources of the raise;
- each **alternative** pair once, on either pattern; the other side is mirrored;
- each **generalization** on the specialised pattern; the **specialization** is mirrored.

:func:`derive_patterns` turns the files into catalog patterns whose ``related`` holds
all five kinds; :func:`relation_links` lists every relation once with its sources, for
the integrity checks and the generated ``docs/pattern-language.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from advisor.catalog.models import (
    Citation,
    DeclaredRelations,
    Issue,
    Pattern,
    PatternFile,
    PatternText,
    RaisedIssue,
    Related,
    Relation,
    ResultingContext,
)


@dataclass(frozen=True)
class Link:
    """One relation between two patterns, once per pair, with where it is stated.

    ``kind`` is successor (``source`` raises ``issue``, which ``target`` resolves),
    alternative (declared on ``source``) or generalization (``source`` specialises ``target``).
    """

    kind: Relation
    source: str
    target: str
    sources: tuple[Citation, ...]
    issue: str | None = None


#: What a pattern states about its relations: the issues it raises and its declared relations.
Stated = tuple[tuple[RaisedIssue, ...], DeclaredRelations]


def _successor_links(stated: Mapping[str, Stated], issues: Mapping[str, Issue]) -> list[Link]:
    links = []
    for pattern_id, (raises, _) in stated.items():
        for raised in raises:
            issue = issues.get(raised.issue)
            if issue is None:
                continue
            for resolver in issue.resolved_by:
                if resolver != pattern_id and resolver in stated:
                    links.append(Link(Relation.SUCCESSOR, pattern_id, resolver, raised.sources, raised.issue))
    return links


def _declared_links(stated: Mapping[str, Stated]) -> list[Link]:
    links = []
    for pattern_id, (_, declared) in stated.items():
        for kind, cited in (
            (Relation.ALTERNATIVE, declared.alternative),
            (Relation.GENERALIZATION, declared.generalization),
        ):
            for other in cited:
                if other.pattern != pattern_id and other.pattern in stated:
                    links.append(Link(kind, pattern_id, other.pattern, other.sources))
    return links


def _links(stated: Mapping[str, Stated], issues: Mapping[str, Issue]) -> list[Link]:
    found = _successor_links(stated, issues) + _declared_links(stated)
    order = {Relation.SUCCESSOR: 0, Relation.ALTERNATIVE: 1, Relation.GENERALIZATION: 2}
    return sorted(found, key=lambda link: (order[link.kind], link.source, link.issue or "", link.target))


def derive_patterns(files: Mapping[str, PatternFile], issues: Mapping[str, Issue]) -> dict[str, Pattern]:
    """The catalog patterns, each with all five kinds of relation derived from ``files``.

    Ids that name no pattern or issue are skipped here; the reference checks report them.
    """
    stated = {p.id: (p.resulting_context.issues, p.related) for p in files.values()}
    related: dict[str, dict[Relation, set[str]]] = {p: defaultdict(set) for p in files}
    for link in _links(stated, issues):
        if link.kind is Relation.SUCCESSOR:
            related[link.source][Relation.SUCCESSOR].add(link.target)
            related[link.target][Relation.PREDECESSOR].add(link.source)
        elif link.kind is Relation.ALTERNATIVE:
            related[link.source][Relation.ALTERNATIVE].add(link.target)
            related[link.target][Relation.ALTERNATIVE].add(link.source)
        else:
            related[link.source][Relation.GENERALIZATION].add(link.target)
            related[link.target][Relation.SPECIALIZATION].add(link.source)
    patterns = {}
    for pattern_id, file in files.items():
        context = file.resulting_context
        text = {name: getattr(file, name) for name in PatternText.model_fields}
        patterns[pattern_id] = Pattern(
            **text,
            resulting_context=ResultingContext(
                benefits=context.benefits,
                drawbacks=context.drawbacks,
                issues=tuple(raised.issue for raised in context.issues),
            ),
            related=Related(**{kind.value: tuple(sorted(ids)) for kind, ids in related[pattern_id].items()}),
            raises=context.issues,
            declared=file.related,
        )
    return patterns


def relation_links(patterns: Mapping[str, Pattern], issues: Mapping[str, Issue]) -> list[Link]:
    """Every relation of the catalog once, with its sources: successor links first, then
    alternative pairs and generalizations, each sorted."""
    return _links({p.id: (p.raises, p.declared) for p in patterns.values()}, issues)
