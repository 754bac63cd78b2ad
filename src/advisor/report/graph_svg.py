"""The graph drawn as inline SVG: boxes, curved arrows with tooltips, and a legend.

Positions and routes come from :mod:`advisor.report.graph_layout`. Every text
is escaped, so labels may come from anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from advisor.report.graph import Graph, Node
from advisor.report.graph_layout import FONT_SIZE, LINE_HEIGHT, MARGIN, Box, layout, text_width

#: Pastel fills for node groups: sixteen hues, consecutive entries far apart on the colour wheel.
PALETTE = (
    "#f6c1c1",
    "#c7f6c1",
    "#c1cef6",
    "#f6c1d5",
    "#dbf6c1",
    "#c1e2f6",
    "#f6c1e9",
    "#eff6c1",
    "#a6f2f2",
    "#e9a6f2",
    "#f2dfa6",
    "#a6f2d6",
    "#cca6f2",
    "#f2c2a6",
    "#a6f2b9",
    "#afa6f2",
)


def group_colours(graph: Graph) -> dict[str, str]:
    """The fill of each node group: palette entries in the groups' sorted order (Mermaid uses the same)."""
    groups = sorted({n.group for n in graph.nodes if n.group})
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _node(node: Node, box: Box, fill: str) -> str:
    first = box.middle - (len(box.lines) - 1) * LINE_HEIGHT // 2 + FONT_SIZE // 2 - 1
    spans = "".join(
        f'<tspan x="{box.x + box.width // 2}" y="{first + i * LINE_HEIGHT}">{escape(line)}</tspan>'
        for i, line in enumerate(box.lines)
    )
    return (
        f'<g class="node" data-id="{_attr(node.id)}" data-group="{_attr(node.group)}">'
        f"<title>{escape(node.label)} ({escape(node.id)})</title>"
        f'<rect x="{box.x}" y="{box.y}" width="{box.width}" height="{box.height}" rx="7" '
        f'fill="{fill}" stroke="#334155" stroke-width="1.2"/>'
        f'<text text-anchor="middle" font-size="{FONT_SIZE}">{spans}</text></g>'
    )


def _legend(items: list[tuple[str, str]], top: int, width: int) -> tuple[list[str], int]:
    """Legend entries (swatch markup, text) laid out in rows no wider than ``width``; returns its height."""
    parts, x, y = [], MARGIN, top
    for swatch, text in items:
        step = 28 + text_width(text, 12) + 18
        if x > MARGIN and x + step > width:
            x, y = MARGIN, y + 20
        parts.append(
            f'<g class="legend-item" transform="translate({x},{y})">{swatch}'
            f'<text x="28" y="11" font-size="12">{escape(text)}</text></g>'
        )
        x += step
    return parts, y + 20 - top


def to_svg(
    graph: Graph,
    title: str = "",
    group_labels: Mapping[str, str] | None = None,
    kind_labels: Mapping[str, str] | None = None,
    dashed: frozenset[str] = frozenset(),
) -> str:
    """The graph as a standalone inline ``<svg>`` element (no script, no external reference).

    Edge labels are not drawn (they would crowd the picture) but shown as tooltips.

    Args:
        graph: the graph to draw.
        title: an accessible title for the drawing.
        group_labels: display names of the node groups; when given, a legend is drawn.
        kind_labels: display names of the edge kinds, added to the legend.
        dashed: edge kinds drawn dashed.
    """
    box = layout(graph)
    colour = group_colours(graph)
    groups = list(colour)
    body: list[str] = []
    for edge in (e for e in graph.valid_edges() if e.source != e.target):
        tip = f"{edge.source} → {edge.target}" + (f": {edge.label}" if edge.label else "")
        dash = ' stroke-dasharray="5 4"' if edge.kind in dashed else ""
        path = box.routes[(edge.source, edge.target)]
        body.append(
            f'<g class="edge" data-source="{_attr(edge.source)}" data-target="{_attr(edge.target)}" '
            f'data-kind="{_attr(edge.kind)}"><title>{escape(tip)}</title>'
            f'<path d="{path}" fill="none" stroke="#64748b" stroke-width="1.3"{dash} '
            f'marker-end="url(#arrow)"/></g>'
        )
    for node in sorted(graph.nodes, key=lambda n: n.id):
        body.append(_node(node, box.boxes[node.id], colour.get(node.group, "#f8fafc")))
    items = [
        (f'<rect width="22" height="14" rx="3" fill="{colour[g]}" stroke="#334155"/>', group_labels.get(g, g))
        for g in groups
        if group_labels is not None
    ]
    for kind, text in sorted((kind_labels or {}).items()):
        dash = ' stroke-dasharray="5 4"' if kind in dashed else ""
        items.append(
            (
                f'<path d="M0,7 L22,7" stroke="#64748b" stroke-width="1.3"{dash} marker-end="url(#arrow)"/>',
                text,
            )
        )
    width, height = max(box.width, 480), box.height
    if items:
        legend, legend_height = _legend(items, height, width - MARGIN)
        body += legend
        height += legend_height + MARGIN
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="system-ui, sans-serif">'
        f"<title>{escape(title)}</title>"
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/>'
        "</marker></defs>"
    )
    return head + "".join(body) + "</svg>"
