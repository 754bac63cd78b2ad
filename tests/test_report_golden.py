"""Golden files: the Markdown, JSON and first decision record of every bundled example.

The reports must not change unnoticed. After an intended change, regenerate them with

    ADVISOR_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py

and read the diff (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from advisor.core.advisor import Advisor
from advisor.report.adr import render_adrs
from advisor.report.json import render_report_json
from advisor.report.markdown import render_markdown
from advisor.report.model import build_report
from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ADVISOR_UPDATE_GOLDEN") == "1"


def _rendered(advisor: Advisor, example: Path) -> dict[str, str]:
    """The golden files of one example: report.md, report.json, the index and first ADR."""
    result = advisor.advise(advisor.read_answers(example))
    report = build_report(result, advisor.catalog, advisor.questionnaire)
    records = render_adrs(report)
    first = next(name for name in records if name != "index.md")
    return {
        "report.md": render_markdown(report),
        "report.json": render_report_json(report),
        "adr/index.md": records["index.md"],
        f"adr/{first}": records[first],
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_reports_match_golden_files(advisor: Advisor, example: Path) -> None:
    folder = GOLDEN / example.stem
    rendered = _rendered(advisor, example)
    if UPDATE:
        for name, text in rendered.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
    stored = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert stored == sorted(rendered), "golden files differ; see this module's docstring to regenerate"
    for name, text in rendered.items():
        expected = (folder / name).read_text(encoding="utf-8")
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"golden/{example.stem}/{name}",
                "rendered",
                n=1,
            )
        )
        assert not diff, f"{name} changed (ADVISOR_UPDATE_GOLDEN=1 regenerates it):\n{diff[:4000]}"
