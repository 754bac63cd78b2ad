"""``docs/pattern-language.md``: every relation of the catalog with where the language states it.

A pure function of the catalog; ``tests/test_docs_pattern_language.py`` checks that the file
in the repository is what it returns for the bundled catalog.
"""

from __future__ import annotations

from collections import defaultdict

from advisor.catalog.conditions import AllOf, AnyOf, Condition, Not, leaf_message
from advisor.catalog.integrity import successor_cycles
from advisor.catalog.loader import Catalog
from advisor.catalog.models import Choice, Citation, Relation, Work
from advisor.catalog.relations import Link, relation_links
from advisor.report.labels import say

BOOK = "*Microservices Patterns* (Chris Richardson, Manning, 2018)"
INTRO = f"""# The pattern language: relations and their sources

Generated from the catalog (`rules/`) by
`ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_pattern_language.py`; a test fails when this file
and the catalog disagree.

Each relation is written once in the catalog, with its source:

- a **successor** resolves an issue its predecessor raises: the link is derived from the
  predecessor's `resulting_context.issues` and the issue's `resolved_by`, and cites the sources
  written with the raised issue;
- an **alternative** pair is written on one of the two patterns, a **generalization** on the
  specialised pattern; the other side is derived.

An issue raised only where the answers make it real carries its condition ("only where ...");
a pattern that cannot work without another says what it **requires**: the advisor recommends
it only with one of those patterns, or leaves it out with the reason.

Sources: `microservices.io:<page>` is a pattern page under https://microservices.io/patterns/,
`book:<section>` a chapter or section of {BOOK},
and `advisor:<key>` a relation the advisor adds to the published language, with its reason.
"""


def _cite(citation: Citation) -> str:
    if citation.work is Work.MICROSERVICES_IO:
        return f"[{citation.at}]({citation.url})"
    if citation.work is Work.BOOK:
        return f"book §{citation.at}"
    return f"advisor: {citation.at}"


def _cites(link: Link) -> str:
    return ", ".join(_cite(c) for c in link.sources) or "(none)"


def _condition(condition: Condition) -> str:
    """A condition in words: its tests joined by "and", "or" and "not"."""
    if isinstance(condition, AllOf):
        return " and ".join(_nested(c) for c in condition.all)
    if isinstance(condition, AnyOf):
        return " or ".join(_nested(c) for c in condition.any)
    if isinstance(condition, Not):
        return f"not ({_condition(condition.not_)})"
    return say(leaf_message(condition))


def _nested(condition: Condition) -> str:
    text = _condition(condition)
    return f"({text})" if isinstance(condition, AllOf | AnyOf) else text


def _rows(catalog: Catalog, pattern_id: str, links: list[Link]) -> list[str]:
    rows = []
    name = {p: f"{catalog.patterns[p].name.en} (`{p}`)" for p in catalog.patterns}
    for link in links:
        if pattern_id not in (link.source, link.target):
            continue
        outgoing = link.source == pattern_id
        other = link.target if outgoing else link.source
        if link.kind is Relation.SUCCESSOR:
            kind = "successor" if outgoing else "predecessor"
        elif link.kind is Relation.GENERALIZATION:
            kind = "generalization" if outgoing else "specialization"
        else:
            kind = "alternative"
        via = catalog.issues[link.issue].title.en if link.issue else ""
        when = catalog.patterns[link.source].condition(link.issue) if link.issue else None
        if when is not None:
            via += f" (only where {_condition(when)})"
        rows.append(f"| {kind} | {name[other]} | {via} | {_cites(link)} |")
    order = [r.value for r in Relation]
    return sorted(rows, key=lambda row: (order.index(row.split(" | ")[0][2:]), row))


def render_pattern_language(catalog: Catalog) -> str:
    """The relations of every pattern of ``catalog`` as Markdown, grouped as the language is."""
    links = relation_links(catalog.patterns, catalog.issues)
    count: defaultdict[Relation, int] = defaultdict(int)
    for link in links:
        count[link.kind] += 1
    out = [INTRO]
    out.append(
        f"\n{len(catalog.patterns)} patterns, {count[Relation.SUCCESSOR]} successor links, "
        f"{count[Relation.ALTERNATIVE]} alternative pairs, "
        f"{count[Relation.GENERALIZATION]} generalizations.\n"
    )
    cycles = successor_cycles(catalog)
    if cycles:
        out.append("\nSuccessor loops (the agenda adopts each pattern once, so they end):\n\n")
        out += [f"- {' → '.join(f'`{p}`' for p in cycle)}\n" for cycle in cycles]
    own = sorted(
        {(c.at, c.note.en) for link in links for c in link.sources if c.work is Work.ADVISOR and c.note},
    )
    if own:
        out.append("\nRelations the advisor adds to the published language:\n\n")
        out += [f"- `advisor:{key}`: {note}\n" for key, note in own]
    # A sub-group right after its parent group.
    for group in sorted(
        catalog.groups.values(), key=lambda g: (g.parent or g.id, g.parent is not None, g.id)
    ):
        members = sorted((p for p in catalog.patterns.values() if p.group == group.id), key=lambda p: p.id)
        if not members:
            continue
        layer = catalog.layers[group.layer].name.en
        out.append(f"\n## {group.name.en}\n\n{group.description.en} ({layer}.)\n")
        if group.choice is Choice.PER_INTERACTION:
            out.append(
                "\nIts alternatives are chosen per interaction: a system may use several of them, "
                "each for the interactions the answers call it for.\n"
            )
        for pattern in members:
            out.append(f"\n### {pattern.name.en} (`{pattern.id}`)\n\n{pattern.summary.en}\n")
            for requirement in pattern.requires:
                options = " or ".join(f"`{o}`" for o in requirement.any_of)
                out.append(f"\nRequires {options}: {requirement.reason.en}\n")
            rows = _rows(catalog, pattern.id, links)
            if rows:
                out.append("\n| relation | pattern | via issue | sources |\n| --- | --- | --- | --- |\n")
                out += [row + "\n" for row in rows]
            else:
                out.append("\nNo relation.\n")
    return "".join(out)
