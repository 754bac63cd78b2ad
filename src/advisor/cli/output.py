"""Writing a report from a command: to stdout, a file or a folder, with one line saying what was written."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.base.i18n import Lang
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.report.export import render_report, require_output, write_report


def emit_report(
    result: Recommendation, advisor: Advisor, fmt: str, output: Path | None, lang: Lang, *, force: bool
) -> None:
    """Render ``result`` in ``fmt`` and print it, or write it to ``output`` and say so on stderr.

    Raises:
        OutputError: ``adr`` without an output folder, or the output exists and ``force`` is false.
    """
    require_output(fmt, output)
    rendered = render_report(result, advisor.catalog, advisor.questionnaire, fmt, lang)
    if output is None:
        assert isinstance(rendered, str)  # require_output refused adr without a folder
        click.echo(rendered, nl=False)
        return
    written = write_report(rendered, output, force=force)
    if written.records is not None:
        click.echo(f"wrote {written.records} decision records and index.md to {written.path}", err=True)
    else:
        click.echo(f"wrote {written.path}", err=True)
