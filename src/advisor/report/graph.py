"""The graph drawn in a report: nodes, directed edges between them, and its Mermaid flowchart.

The inline SVG drawing of the same graph is in :mod:`advisor.report.graph_svg`,
its layout in :mod:`advisor.report.graph_layout`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from advisor.base.model import Frozen
from advisor.base.text import visible

_FILL = re.compile(r"^#[0-9a-fA-F]{6}$")


class Node(Frozen):
    """A node: a stable id, a label to show and an optional group (used for colour)."""

    id: str
    label: str
    group: str = ""


class Edge(Frozen):
    """A directed edge from ``source`` to ``target``, of some ``kind``, with an optional label."""

    source: str
    target: str
    kind: str = ""
    label: str = ""


class Graph(Frozen):
    """Nodes and the edges between them."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()

    def valid_edges(self) -> list[Edge]:
        """Edges whose ends are both nodes of the graph, in a stable order."""
        ids = {n.id for n in self.nodes}
        kept = [e for e in self.edges if e.source in ids and e.target in ids]
        return sorted(kept, key=lambda e: (e.source, e.target, e.kind, e.label))


def mermaid_label(text: str) -> str:
    """``text`` as a quoted Mermaid label, on one line.

    Mermaid entity codes keep quotes and angle brackets from ending the label or
    becoming HTML, keep a ``#`` or ``&`` in the text from starting an entity, and keep
    ``%%{...}%%`` from becoming a directive.
    """
    flat = " ".join(visible(text).split()).replace("#", "#35;").replace("&", "#amp;").replace("%", "#37;")
    return '"' + flat.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") + '"'


def to_mermaid(
    graph: Graph, dashed: frozenset[str] = frozenset(), fills: Mapping[str, str] | None = None
) -> str:
    """The graph as a left-to-right Mermaid ``flowchart``.

    Node ids are replaced by safe ``n0``, ``n1``...; edges whose kind is in
    ``dashed`` are drawn dotted. Edge labels are left out: on a graph of forty
    patterns they would hide the structure. ``fills`` (node group → ``#rrggbb``)
    colours the nodes of each group.
    """
    nodes = sorted(graph.nodes, key=lambda n: n.id)
    key = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["flowchart LR"]
    lines += [f"  {key[n.id]}[{mermaid_label(n.label)}]" for n in nodes]
    for edge in graph.valid_edges():
        arrow = "-.->" if edge.kind in dashed else "-->"
        lines.append(f"  {key[edge.source]} {arrow} {key[edge.target]}")
    for number, (group, fill) in enumerate(sorted((fills or {}).items())):
        members = [key[n.id] for n in nodes if n.group == group]
        if members and _FILL.match(fill):
            lines.append(f"  classDef c{number} fill:{fill},stroke:#334155")
            lines.append(f"  class {','.join(members)} c{number}")
    return "\n".join(lines) + "\n"
