"""A layered left-to-right layout of a :class:`~advisor.report.graph.Graph`, for drawing it as SVG.

Computed deterministically and without external tools: cycles are broken by a
depth-first search, nodes are put in columns by longest path (left to right, so
that a pattern with many successors fans out downwards instead of growing a
page-wide row), ordered within a column by a few barycenter sweeps, and edges
are routed as curves. Labels wrap onto several lines.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from advisor.report.graph import Graph

FONT_SIZE = 13
LINE_HEIGHT = 16
WRAP_WIDTH = 170
NODE_PADDING = 12
NODE_GAP = 12
COLUMN_GAP = 56
MARGIN = 16


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


Pair = tuple[str, str]


def _waypoints(
    pairs: list[Pair],
    back: set[Pair],
    column: dict[str, int],
    succ: dict[str, list[str]],
    pred: dict[str, list[str]],
) -> dict[Pair, list[str]]:
    """Waypoints ("dummy nodes") of every forward edge that spans several columns, one per column crossed.

    Each waypoint gets its column, and the edge is replaced in ``succ`` and ``pred`` by its hops.
    """
    chains: dict[Pair, list[str]] = {}
    for source, target in pairs:
        if (source, target) in back or column[target] - column[source] < 2:
            continue
        # "\0" cannot occur in a catalog id.
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
    return chains


def _place(cols: list[list[str]], lines: dict[str, tuple[str, ...]]) -> tuple[dict[str, Box], int, int]:
    """A box for every node (waypoints are thin), each column centred vertically.

    Returns the boxes, the width of the drawing and the height of its tallest column.
    """
    heights = {
        n: len(lines[n]) * LINE_HEIGHT + NODE_PADDING if n in lines else 2 for col in cols for n in col
    }
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
    width = MARGIN * 2 + sum(col_widths) + COLUMN_GAP * max(len(cols) - 1, 0)
    return boxes, width, inner


def _routes(
    pairs: list[Pair], back: set[Pair], chains: dict[Pair, list[str]], boxes: dict[str, Box], bottom: int
) -> dict[Pair, str]:
    """The SVG path of every edge: through its waypoints, or for a back edge a loop down to ``bottom``."""
    routes: dict[Pair, str] = {}
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
    return routes


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
    chains = _waypoints(pairs, back, column, succ, pred)
    cols: list[list[str]] = [[] for _ in range(max(column.values(), default=-1) + 1)]
    for node in sorted(column):
        cols[column[node]].append(node)
    _order(cols, succ, pred)
    boxes, width, inner = _place(cols, lines)
    bottom = MARGIN + inner + (MARGIN if back else 0)
    routes = _routes(pairs, back, chains, boxes, bottom)
    return Layout({n: boxes[n] for n in ids}, routes, width, bottom + MARGIN)
