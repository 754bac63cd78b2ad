"""The successor and alternative relations of the pattern language as diagram source.

Pure functions: a catalog (or one group of it) in, Mermaid or Graphviz DOT text out.
Successors are solid arrows from the pattern that raises an issue to the pattern that
resolves it; alternatives are dashed lines without direction, drawn once per pair.
Patterns are clustered by group. When one group is drawn, the patterns of other groups
that it is related to are drawn too, greyed out, so no edge hangs loose. Everything is
sorted, so the same catalog always gives the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.catalog.loader import Catalog
from advisor.report.graph import mermaid_label

Format = Literal["mermaid", "dot"]
FORMATS: tuple[Format, ...] = ("mermaid", "dot")


@dataclass(frozen=True)
class PatternGraph:
    """The nodes and edges to draw, sorted."""

    clusters: tuple[tuple[str, tuple[str, ...]], ...]  # (group id, pattern ids in it)
    external: frozenset[str]  # patterns outside the chosen group, drawn for context
    successors: tuple[tuple[str, str], ...]  # (pattern, successor)
    alternatives: tuple[tuple[str, str], ...]  # (a, b) with a < b


def group_members(catalog: Catalog, group: str) -> set[str]:
    """The patterns of a group and of its subgroups."""
    groups = {group} | {g.id for g in catalog.groups.values() if g.parent == group}
    return {p.id for p in catalog.patterns.values() if p.group in groups}


def pattern_graph(catalog: Catalog, group: str | None = None) -> PatternGraph:
    """The relations of the whole language, or of the patterns of ``group`` (and its subgroups)."""
    chosen = set(catalog.patterns) if group is None else group_members(catalog, group)
    successors = {
        (p, s) for p in catalog.patterns for s in catalog.patterns[p].related.successor if {p, s} & chosen
    }
    alternatives = {
        (min(p, a), max(p, a))
        for p in catalog.patterns
        for a in catalog.patterns[p].related.alternative
        if {p, a} & chosen
    }
    drawn = chosen | {n for edge in successors | alternatives for n in edge}
    order = list(catalog.groups)
    clusters = tuple(
        (g, tuple(sorted(p for p in drawn if catalog.patterns[p].group == g)))
        for g in order
        if any(catalog.patterns[p].group == g for p in drawn)
    )
    return PatternGraph(
        clusters=clusters,
        external=frozenset(drawn - chosen),
        successors=tuple(sorted(successors)),
        alternatives=tuple(sorted(alternatives)),
    )


def _dot_quote(text: str) -> str:
    return '"' + visible(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _mermaid_id(entry_id: str, prefix: str = "p") -> str:
    # Kebab-case ids are not safe Mermaid ids; prefixes keep group and pattern ids apart.
    return f"{prefix}_" + entry_id.replace("-", "_")


def to_dot(catalog: Catalog, graph: PatternGraph, lang: Lang = "en") -> str:
    """The graph in Graphviz DOT."""
    lines = [
        "digraph patterns {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded", fontname="Helvetica"];',
        "  // successor: solid arrow; alternative: dashed line without direction",
    ]
    for group_id, members in graph.clusters:
        lines.append(f"  subgraph {_dot_quote('cluster_' + group_id)} {{")
        lines.append(f"    label={_dot_quote(catalog.groups[group_id].name.get(lang))};")
        for pattern_id in members:
            name = _dot_quote(catalog.patterns[pattern_id].name.get(lang))
            extra = (
                ', style="rounded,dashed", color=gray50, fontcolor=gray50'
                if pattern_id in graph.external
                else ""
            )
            lines.append(f"    {_dot_quote(pattern_id)} [label={name}{extra}];")
        lines.append("  }")
    for source, target in graph.successors:
        lines.append(f"  {_dot_quote(source)} -> {_dot_quote(target)};")
    for first, second in graph.alternatives:
        lines.append(
            f"  {_dot_quote(first)} -> {_dot_quote(second)} [dir=none, style=dashed, constraint=false];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(catalog: Catalog, graph: PatternGraph, lang: Lang = "en") -> str:
    """The graph as a Mermaid flowchart."""
    lines = ["flowchart LR", "  %% successor: solid arrow; alternative: dotted line without direction"]
    for group_id, members in graph.clusters:
        title = mermaid_label(catalog.groups[group_id].name.get(lang))
        lines.append(f"  subgraph {_mermaid_id(group_id, 'g')}[{title}]")
        for pattern_id in members:
            name = mermaid_label(catalog.patterns[pattern_id].name.get(lang))
            lines.append(f"    {_mermaid_id(pattern_id)}[{name}]")
        lines.append("  end")
    for source, target in graph.successors:
        lines.append(f"  {_mermaid_id(source)} --> {_mermaid_id(target)}")
    for first, second in graph.alternatives:
        lines.append(f"  {_mermaid_id(first)} -.- {_mermaid_id(second)}")
    if graph.external:
        lines.append("  classDef external stroke-dasharray:4 4,color:#888")
        lines.append(f"  class {','.join(_mermaid_id(p) for p in sorted(graph.external))} external")
    return "\n".join(lines) + "\n"


def render_graph(catalog: Catalog, fmt: Format, group: str | None = None, lang: Lang = "en") -> str:
    """Diagram source of the successor and alternative relations, in ``fmt``."""
    graph = pattern_graph(catalog, group)
    return to_dot(catalog, graph, lang) if fmt == "dot" else to_mermaid(catalog, graph, lang)
