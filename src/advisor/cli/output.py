"""Writing a report from a command: to stdout, a file or a folder, with one line saying what was written."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.report.adr_folder import FolderUpdate
from advisor.report.export import export_report, render_report, require_output
from advisor.report.labels import label


def emit_report(
    result: Recommendation, advisor: Advisor, fmt: str, output: Path | None, lang: Lang, *, force: bool
) -> None:
    """Render ``result`` in ``fmt`` and print it, or write it to ``output`` and say so on stderr.

    Raises:
        OutputError: ``adr`` without an output folder, or the output exists and ``force`` is false.
    """
    require_output(fmt, output)
    if output is None:
        rendered = render_report(result, advisor.catalog, advisor.questionnaire, fmt, lang)
        assert isinstance(rendered, str)  # require_output refused adr without a folder
        click.echo(rendered, nl=False)
        return
    written = export_report(
        result, advisor.catalog, advisor.questionnaire, fmt, output, lang=lang, force=force
    )
    if written.records is not None:
        click.echo(visible(folder_summary(written.records, lang)), err=True)
    else:
        click.echo(visible(label("wrote_file", lang, path=written.path)), err=True)


def folder_summary(update: FolderUpdate, lang: Lang) -> str:
    """What a write of decision records did, in one line per kind of outcome."""
    lines = [label("adr_written", lang, folder=update.folder)]
    for key in ("added", "updated", "kept", "kept_edited", "superseded", "deprecated"):
        names = getattr(update, key)
        if names:
            lines.append("  " + label("adr_" + key, lang, count=len(names), files=", ".join(names)))
    if update.index is None:
        lines.append("  " + label("adr_no_index", lang))
    return "\n".join(lines)
