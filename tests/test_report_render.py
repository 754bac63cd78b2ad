"""Pure renderers: escaping of answer text, self-contained HTML, graph drawing, determinism."""

from __future__ import annotations

import re

from advisor.core.advisor import Advisor
from advisor.report.graph import Edge, Graph, Node, mermaid_label, to_mermaid
from advisor.report.graph_svg import to_svg
from advisor.report.html import render_html
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report
from advisor.report.view import Report

HOSTILE = 'A | B <b>x</b> `code` "q" # [link](http://evil)'


def _report(advisor: Advisor, name: str, lang: str = "en") -> Report:
    data = {"answers": {"system_name": name, "team_count": 12}, "forces": {"team-autonomy": 5}}
    result = advisor.advise(advisor.check_answers(data))
    return build_report(result, advisor.catalog, advisor.questionnaire, "ko" if lang == "ko" else "en")


def test_markdown_escapes_answer_text(advisor: Advisor) -> None:
    text = render_markdown(_report(advisor, HOSTILE))
    title = r'# Architecture recommendation: A \| B \<b\>x\</b\> \`code\` "q" \# \[link\](http://evil)'
    assert text.splitlines()[0] == title
    row = next(line for line in text.splitlines() if line.startswith("| What is the system called?"))
    assert row.count(" | ") == 1  # the pipe in the answer did not add a column


def test_html_is_self_contained_and_escapes(advisor: Advisor) -> None:
    page = render_html(_report(advisor, HOSTILE))
    assert "<script" not in page
    assert re.findall(r'(?:src|href)="(?!#)[^"]*"', page) == []  # nothing fetched, only in-page links
    assert "<title>Architecture recommendation: A | B &lt;b&gt;x&lt;/b&gt;" in page
    assert '<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;' in page


def test_renderers_are_deterministic(advisor: Advisor) -> None:
    first, second = _report(advisor, "Shop"), _report(advisor, "Shop")
    assert render_html(first) == render_html(second)
    assert render_markdown(first) == render_markdown(second)


def test_graph_escapes_labels_and_draws_each_node_once() -> None:
    graph = Graph(
        nodes=(Node(id="a", label='<x> "y"', group="g"), Node(id="b", label="B"), Node(id="c", label="C")),
        edges=(
            Edge(source="a", target="b", kind="resolves", label="<i>"),
            Edge(source="b", target="c", kind="follows"),
            Edge(source="a", target="c", kind="resolves"),
            Edge(source="c", target="a", kind="resolves"),  # a cycle is drawn, not looped over
            Edge(source="a", target="zz"),  # an edge to an unknown node is dropped
        ),
    )
    svg = to_svg(graph, title="T", group_labels={"g": "<G>"}, dashed=frozenset({"follows"}))
    assert re.findall(r'<g class="node" data-id="([^"]+)"', svg) == ["a", "b", "c"]
    assert len(re.findall(r'<g class="edge"', svg)) == 4
    assert "<x>" not in svg and "&lt;x&gt; &quot;y&quot;" in svg and "&lt;G&gt;" in svg
    assert 'stroke-dasharray="5 4"' in svg
    assert to_mermaid(graph, frozenset({"follows"})) == (
        'flowchart LR\n  n0["#lt;x#gt; #quot;y#quot;"]\n  n1["B"]\n  n2["C"]\n'
        "  n0 --> n1\n  n0 --> n2\n  n1 -.-> n2\n  n2 --> n0\n"
    )


def test_mermaid_labels_cannot_start_a_directive_an_entity_or_a_new_line() -> None:
    label = mermaid_label("%%{init: {'theme': 'dark'}}%% 100% #1 &amp;\nnext")
    assert label == "\"#37;#37;{init: {'theme': 'dark'}}#37;#37; 100#37; #35;1 #amp;amp; next\""
    assert "%" not in label and "\n" not in label


def test_korean_report_translates_headings(advisor: Advisor) -> None:
    text = render_markdown(_report(advisor, "Shop", "ko"))
    assert text.startswith("# 아키텍처 추천: Shop\n")
    assert "## 다음 단계" in text
