"""A recommendation rendered as a report file (or folder of records) and written atomically.

``advisor report`` and the interview's closing offer both go through here, so
a report looks the same whichever command wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisor.base.fileio import write_text_atomic
from advisor.base.i18n import Lang
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Recommendation
from advisor.errors import OutputError, said
from advisor.questionnaire.models import Questionnaire
from advisor.report.adr import render_adrs
from advisor.report.adr_folder import FolderUpdate, update_adr_folder
from advisor.report.html import render_html
from advisor.report.json import render_report_json
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report

FORMATS = ("md", "html", "json", "adr")


def render_report(
    result: Recommendation, catalog: Catalog, questionnaire: Questionnaire, fmt: str, lang: Lang
) -> str | dict[str, str]:
    """The report in ``fmt``: text for md/html/json, file name → text for adr."""
    report = build_report(result, catalog, questionnaire, lang)
    if fmt == "adr":
        return render_adrs(report)
    renderer = {"md": render_markdown, "html": render_html, "json": render_report_json}[fmt]
    return renderer(report)


@dataclass(frozen=True)
class Written:
    """What :func:`export_report` wrote: a file, or decision records into a folder (``records``)."""

    path: Path
    records: FolderUpdate | None = None


def export_report(
    result: Recommendation,
    catalog: Catalog,
    questionnaire: Questionnaire,
    fmt: str,
    output: Path,
    *,
    lang: Lang,
    force: bool,
) -> Written:
    """Render the report in ``fmt`` and write it to ``output``.

    A file is written atomically and replaces an existing one only with ``force``.
    Decision records go into the folder ``output`` beside what people keep there,
    as :mod:`advisor.report.adr_folder` describes: nothing the advisor did not write
    is changed or deleted.

    Raises:
        OutputError: the output exists and ``force`` is false, or it cannot be written.
    """
    if fmt == "adr":
        report = build_report(result, catalog, questionnaire, lang)
        return Written(output, records=update_adr_folder(output, report, force=force))
    rendered = render_report(result, catalog, questionnaire, fmt, lang)
    assert isinstance(rendered, str)  # only adr renders to a folder
    write_text_atomic(output, rendered, force=force)
    return Written(output)


def require_output(fmt: str, output: Path | None) -> None:
    """Refuse ``adr`` without an output folder (records cannot go to stdout).

    Raises:
        OutputError: ``fmt`` is adr and ``output`` is None.
    """
    if fmt == "adr" and output is None:
        raise OutputError(said("adr_needs_folder"))
