"""Diagram source of the pattern language: checked by parsing the Mermaid and DOT it produces."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from advisor.catalog.loader import Catalog, load_catalog
from advisor.report.catalog_graph import group_members, render_graph
from conftest import ROOT

Write = Callable[[str, str], Path]
MERMAID_NODE = re.compile(r'^ {4}p_(\w+)\["(.*)"\]$')
MERMAID_SUCCESSOR = re.compile(r"^ {2}p_(\w+) --> p_(\w+)$")
MERMAID_ALTERNATIVE = re.compile(r"^ {2}p_(\w+) -\.- p_(\w+)$")
DOT_NODE = re.compile(r'^ {4}"([a-z0-9-]+)" \[label="((?:[^"\\]|\\.)*)"(.*)\];$')
DOT_EDGE = re.compile(
    r'^ {2}"([a-z0-9-]+)" -> "([a-z0-9-]+)"( \[dir=none, style=dashed, constraint=false\])?;$'
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _id(mermaid_id: str) -> str:
    return mermaid_id.replace("_", "-")


def _mermaid(text: str) -> tuple[dict[str, str], set[tuple[str, str]], list[tuple[str, str]]]:
    nodes = {_id(m[1]): m[2] for line in text.splitlines() if (m := MERMAID_NODE.match(line))}
    successors = {
        (_id(m[1]), _id(m[2])) for line in text.splitlines() if (m := MERMAID_SUCCESSOR.match(line))
    }
    alternatives = [
        (_id(m[1]), _id(m[2])) for line in text.splitlines() if (m := MERMAID_ALTERNATIVE.match(line))
    ]
    return nodes, successors, alternatives


def _dot(text: str) -> tuple[dict[str, str], set[tuple[str, str]], list[tuple[str, str]]]:
    nodes = {m[1]: m[2] for line in text.splitlines() if (m := DOT_NODE.match(line))}
    edges = [m for line in text.splitlines() if (m := DOT_EDGE.match(line))]
    return (
        nodes,
        {(m[1], m[2]) for m in edges if not m[3]},
        [(m[1], m[2]) for m in edges if m[3]],
    )


def _expected(catalog: Catalog, members: set[str]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    successors = {
        (p, s) for p in catalog.patterns for s in catalog.patterns[p].related.successor if {p, s} & members
    }
    alternatives = {
        (min(p, a), max(p, a))
        for p in catalog.patterns
        for a in catalog.patterns[p].related.alternative
        if {p, a} & members
    }
    return successors, alternatives


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
@pytest.mark.parametrize("group", [None, "data-consistency", "communication", "deployment"])
def test_every_pattern_and_relation_of_the_selection_is_drawn(
    catalog: Catalog, fmt: str, group: str | None
) -> None:
    text = render_graph(catalog, fmt, group)  # type: ignore[arg-type]
    nodes, successors, alternatives = (_dot if fmt == "dot" else _mermaid)(text)
    members = set(catalog.patterns) if group is None else group_members(catalog, group)
    assert members <= set(nodes)
    expected_successors, expected_alternatives = _expected(catalog, members)
    assert successors == expected_successors
    assert sorted(alternatives) == sorted(expected_alternatives), "each alternative pair is drawn once"
    assert set(nodes) == members | {n for edge in successors | set(alternatives) for n in edge}
    for pattern_id, name in nodes.items():
        assert name == catalog.patterns[pattern_id].name.en


def test_the_whole_language_has_every_pattern_once_and_nothing_greyed(catalog: Catalog) -> None:
    text = render_graph(catalog, "dot")
    nodes, _, _ = _dot(text)
    assert sorted(nodes) == sorted(catalog.patterns)
    assert "gray50" not in text
    assert text.count("subgraph ") == len({p.group for p in catalog.patterns.values()})


def test_patterns_of_other_groups_are_drawn_for_context_and_greyed(catalog: Catalog) -> None:
    dot = render_graph(catalog, "dot", "transactional-messaging")
    assert '    "saga" [label="Saga", style="rounded,dashed", color=gray50, fontcolor=gray50];' in dot
    assert '    "polling-publisher" [label="Polling publisher"];' in dot
    mermaid = render_graph(catalog, "mermaid", "transactional-messaging")
    external = next(line for line in mermaid.splitlines() if line.startswith("  class "))
    assert "p_saga" in external.split()[1].split(",")
    assert "p_polling_publisher" not in external


def test_output_is_sorted_and_deterministic(catalog: Catalog) -> None:
    text = render_graph(catalog, "mermaid")
    assert text == render_graph(load_catalog(), "mermaid")
    _, _, alternatives = _mermaid(text)
    assert alternatives == sorted(alternatives)
    edges = [line for line in text.splitlines() if " --> " in line]
    assert edges == sorted(edges)


def test_labels_are_quoted_and_escaped_in_both_formats(write: Write) -> None:
    saga = (ROOT / "rules" / "patterns" / "saga.yaml").read_text(encoding="utf-8")
    name = 'Saga "long" \\ running <ok> & more'
    pack = write("pack/patterns/saga.yaml", saga.replace("  en: Saga\n", f"  en: {name}\n", 1)).parents[1]
    catalog = load_catalog([pack])
    dot = render_graph(catalog, "dot", "data-consistency")
    assert '    "saga" [label="Saga \\"long\\" \\\\ running <ok> & more"];' in dot
    mermaid = render_graph(catalog, "mermaid", "data-consistency")
    assert '    p_saga["Saga #quot;long#quot; \\ running #lt;ok#gt; #amp; more"]' in mermaid
    assert _dot(dot)[0]["saga"] == 'Saga \\"long\\" \\\\ running <ok> & more'


def test_korean_names(catalog: Catalog) -> None:
    text = render_graph(catalog, "mermaid", "data-consistency", "ko")
    assert '    p_saga["사가 패턴"]' in text
    assert '  subgraph g_data_consistency["데이터 일관성 패턴"]' in text


@pytest.fixture(scope="module")
def dot_command() -> str:
    """Graphviz's ``dot``; skipped without it, unless ADVISOR_REQUIRE_GRAPHVIZ=1 (as in CI)."""
    found = shutil.which("dot")
    if found is None:
        if os.environ.get("ADVISOR_REQUIRE_GRAPHVIZ") == "1":
            pytest.fail("ADVISOR_REQUIRE_GRAPHVIZ=1 but graphviz is not installed (apt-get install graphviz)")
        pytest.skip("graphviz is not installed; set ADVISOR_REQUIRE_GRAPHVIZ=1 to fail")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("group", [None, "data-consistency"])
def test_graphviz_accepts_the_dot_source(catalog: Catalog, group: str | None, dot_command: str) -> None:
    done = subprocess.run(
        [dot_command, "-Tsvg"],
        input=render_graph(catalog, "dot", group, "ko"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "<svg" in done.stdout
