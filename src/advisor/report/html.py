"""The report as one self-contained HTML file (inline CSS and SVG, no script, nothing fetched).

Templates are rendered with autoescaping on and undefined names as errors, so
every text from the answers or the catalog reaches the page escaped. The only
markup inserted as is, the successor graph, is built by
:func:`advisor.report.graph_svg.to_svg`, which escapes every text itself.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from advisor.base.text import visible
from advisor.report.graph_svg import to_svg
from advisor.report.labels import label, labels
from advisor.report.plan import phase_group
from advisor.report.view import DASHED, EDGE_KINDS, Report

#: Allows the inline styles and nothing else: no script, no fetch, no frame, no form target.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)


@lru_cache(maxsize=1)
def _stylesheet() -> Markup:
    # Our own file, inserted as is: templates would read "{#" in a selector as a comment.
    css = resources.files("advisor.report").joinpath("templates", "report.css").read_text(encoding="utf-8")
    return Markup(css)  # noqa: S704 - a file shipped with the package, not input


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("advisor.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(report: Report) -> str:
    """The whole report as one HTML document (ends with one newline)."""
    lang = report.lang
    svg = to_svg(
        report.graph,
        title=label("graph", lang),
        group_labels={phase_group(b.number): b.title for b in report.plan},
        kind_labels={kind: label(f"edge_{kind}", lang) for kind in EDGE_KINDS},
        dashed=DASHED,
    )
    template = _environment().get_template("report.html.j2")
    text = template.render(
        report=report,
        L=labels(report.lang),
        graph_svg=Markup(svg),  # noqa: S704 - to_svg escapes every text it draws
        matrix_cells=report.matrix.grid(),
        summary_counts=label("summary_counts", lang, **report.counts()),
        group_names={g.id: g.name for g in report.groups},
        contradicts={
            r.id: label("contradicts", lang, issue=r.issue_title) for r in report.risks if r.issue_title
        },
        csp=CONTENT_SECURITY_POLICY,
        stylesheet=_stylesheet(),
    )
    return visible(text.rstrip() + "\n")
