"""The successor graph, drawn as a Mermaid flowchart or as inline SVG.

The SVG layout is computed here, deterministically and without external
tools: cycles are broken by a depth-first search, nodes are put in columns by
longest path (left to right, so that a pattern with many successors fans out
downwards instead of growing a page-wide row), ordered within a column by a
few barycenter sweeps, and edges are drawn as curves with arrowheads. Labels
wrap onto several lines. Every text is escaped, so labels may come from
anywhere.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from html import escape
from itertools import pairwise

from pydantic import BaseModel, ConfigDict


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Node(_Model):
    """A node: a stable id, a label to show and an optional group (used for colour)."""

    id: str
    label: str
    group: str = ""


class Edge(_Model):
    """A directed edge from ``source`` to ``target``, of some ``kind``, with an optional label."""

    source: str
    target: str
    kind: str = ""
    label: str = ""


class Graph(_Model):
    """Nodes and the edges between them."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()

    def valid_edges(self) -> list[Edge]:
        """Edges whose ends are both nodes of the graph, in a stable order."""
        ids = {n.id for n in self.nodes}
        kept = [e for e in self.edges if e.source in ids and e.target in ids]
        return sorted(kept, key=lambda e: (e.source, e.target, e.kind, e.label))


# --- Mermaid --------------------------------------------------------------------------------


def _mermaid_text(text: str) -> str:
    # Mermaid entity codes keep quotes and angle brackets from ending the label or becoming HTML.
    flat = " ".join(text.split())
    return flat.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_mermaid(graph: Graph, dashed: frozenset[str] = frozenset()) -> str:
    """The graph as a left-to-right Mermaid ``flowchart``.

    Node ids are replaced by safe ``n0``, ``n1``...; edges whose kind is in
    ``dashed`` are drawn dotted. Edge labels are left out: on a graph of forty
    patterns they would hide the structure.
    """
    nodes = sorted(graph.nodes, key=lambda n: n.id)
    key = {n.id: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["flowchart LR"]
    lines += [f'  {key[n.id]}["{_mermaid_text(n.label)}"]' for n in nodes]
    for edge in graph.valid_edges():
        arrow = "-.->" if edge.kind in dashed else "-->"
        lines.append(f"  {key[edge.source]} {arrow} {key[edge.target]}")
    return "\n".join(lines) + "\n"


# --- layout ---------------------------------------------------------------------------------

FONT_SIZE = 13
LINE_HEIGHT = 16
WRAP_WIDTH = 170
NODE_PADDING = 12
NODE_GAP = 12
COLUMN_GAP = 56
MARGIN = 16
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


def text_width(text: str, size: int = FONT_SIZE) -> int:
    """Approximate rendered width in pixels (wide East Asian characters count double)."""
    units = sum(2.0 if unicodedata.east_asian_width(c) in "WF" else 1.1 for c in text)
    return round(units * size * 0.55)


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` pixels (a longer word keeps its line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class Box:
    """Where a node is drawn, and its label's lines."""

    x: int
    y: int
    width: int
    height: int
    column: int
    lines: tuple[str, ...]

    @property
    def middle(self) -> int:
        """Vertical centre."""
        return self.y + self.height // 2


@dataclass(frozen=True)
class Layout:
    """Positions of every node, the route of every edge and the size of the drawing."""

    boxes: dict[str, Box]
    routes: dict[tuple[str, str], str]
    width: int
    height: int


def _back_edges(
    ids: list[str], succ: dict[str, list[str]], pred: dict[str, list[str]]
) -> set[tuple[str, str]]:
    """Edges that close a cycle, found by an iterative depth-first search from the sources."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for start in [n for n in ids if not pred[n]] + ids:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(succ[start]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return back


def _columns(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest-path layering of an acyclic edge list."""
    pred: dict[str, list[str]] = defaultdict(list)
    for source, target in edges:
        pred[target].append(source)
    column: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in column:
            column[node] = 1 + max((depth(p) for p in pred[node]), default=-1)
        return column[node]

    for node in ids:
        depth(node)
    return column


def _barycenter(
    node: str, neighbours: dict[str, list[str]], ref: dict[str, int], current: dict[str, int]
) -> tuple[float, int, str]:
    near = [ref[m] for m in neighbours[node] if m in ref]
    centre = sum(near) / len(near) if near else float(current[node])
    return (centre, current[node], node)


def _order(cols: list[list[str]], succ: dict[str, list[str]], pred: dict[str, list[str]]) -> None:
    """Reorder each column in place by the barycenter of its neighbours (a few sweeps)."""

    def sweep(indices: range, neighbours: dict[str, list[str]], ref_of: int) -> None:
        for i in indices:
            ref = {n: pos for pos, n in enumerate(cols[i + ref_of])}
            current = {n: pos for pos, n in enumerate(cols[i])}
            cols[i].sort(key=partial(_barycenter, neighbours=neighbours, ref=ref, current=current))

    for _ in range(4):
        sweep(range(1, len(cols)), pred, -1)
        sweep(range(len(cols) - 2, -1, -1), succ, 1)


def _curve(points: list[tuple[int, int]]) -> str:
    """An SVG path through ``points``: straight across a column, a horizontal S-curve between columns."""
    path = f"M{points[0][0]},{points[0][1]}"
    for (x0, y0), (x1, y1) in pairwise(points):
        mid = (x0 + x1) // 2
        path += f" L{x1},{y1}" if y0 == y1 else f" C{mid},{y0} {mid},{y1} {x1},{y1}"
    return path


def layout(graph: Graph) -> Layout:
    """A layered left-to-right layout of the graph (deterministic for the same graph).

    An edge that spans several columns passes through a reserved slot in each
    column it crosses, so that it never runs through a node.
    """
    ids = sorted(n.id for n in graph.nodes)
    lines = {n.id: tuple(wrap(n.label)) for n in graph.nodes}
    pairs = sorted({(e.source, e.target) for e in graph.valid_edges() if e.source != e.target})
    succ: dict[str, list[str]] = {n: [] for n in ids}
    pred: dict[str, list[str]] = {n: [] for n in ids}
    for source, target in pairs:
        succ[source].append(target)
        pred[target].append(source)
    back = _back_edges(ids, succ, pred)
    column = _columns(ids, [p for p in pairs if p not in back])
    # Waypoints ("dummy nodes") for long edges; "\0" cannot occur in a catalog id.
    chains: dict[tuple[str, str], list[str]] = {}
    for source, target in pairs:
        if (source, target) in back or column[target] - column[source] < 2:
            continue
        chain = [f"\0{source}\0{target}\0{c}" for c in range(column[source] + 1, column[target])]
        chains[(source, target)] = chain
        for c, dummy in enumerate(chain, start=column[source] + 1):
            column[dummy] = c
        hops = [source, *chain, target]
        succ[source].remove(target)
        pred[target].remove(source)
        for a, b in pairwise(hops):
            succ.setdefault(a, []).append(b)
            pred.setdefault(b, []).append(a)
    cols: list[list[str]] = [[] for _ in range(max(column.values(), default=-1) + 1)]
    for node in sorted(column):
        cols[column[node]].append(node)
    _order(cols, succ, pred)
    heights = {n: len(lines[n]) * LINE_HEIGHT + NODE_PADDING if n in lines else 2 for n in column}
    col_widths = [
        max((text_width(line) for n in col if n in lines for line in lines[n]), default=0) + 2 * NODE_PADDING
        for col in cols
    ]
    col_heights = [sum(heights[n] for n in col) + NODE_GAP * (len(col) - 1) for col in cols]
    inner = max(col_heights, default=0)
    boxes: dict[str, Box] = {}
    x = MARGIN
    for index, col in enumerate(cols):
        y = MARGIN + (inner - col_heights[index]) // 2
        for node in col:
            boxes[node] = Box(x, y, col_widths[index], heights[node], index, lines.get(node, ()))
            y += heights[node] + NODE_GAP
        x += col_widths[index] + COLUMN_GAP
    bottom = MARGIN + inner + (MARGIN if back else 0)
    routes: dict[tuple[str, str], str] = {}
    for source, target in pairs:
        src, dst = boxes[source], boxes[target]
        if (source, target) in back:
            # Closes a cycle: a loop below the drawing, back to the target.
            sx, tx = src.x + src.width // 2, dst.x + dst.width // 2
            routes[(source, target)] = (
                f"M{sx},{src.y + src.height} C{sx},{bottom} {tx},{bottom} {tx},{dst.y + dst.height}"
            )
            continue
        points = [(src.x + src.width, src.middle)]
        for dummy in chains.get((source, target), []):
            box = boxes[dummy]
            points += [(box.x, box.middle), (box.x + box.width, box.middle)]
        routes[(source, target)] = _curve([*points, (dst.x, dst.middle)])
    width = MARGIN * 2 + sum(col_widths) + COLUMN_GAP * max(len(cols) - 1, 0)
    nodes = {n: boxes[n] for n in ids}
    return Layout(nodes, routes, width, bottom + MARGIN)


# --- SVG ------------------------------------------------------------------------------------


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
    groups = sorted({n.group for n in graph.nodes if n.group})
    colour = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
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
