"""The HTML report in real headless Chromium: it renders, draws the graph, and runs no injected code.

Skipped with a reason when no browser is installed, unless ADVISOR_REQUIRE_BROWSER=1
(set in CI), in which case a missing browser fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from conftest import ROOT

pytestmark = pytest.mark.slow

PAYLOAD_NAME = "<script>alert(1)</script>"
PAYLOAD_DESCRIPTION = (
    "<img src=x onerror=\"document.body.dataset.pwned=1\"> <script>document.title='pwned'</script> "
    '<svg onload="document.body.dataset.pwned=2"></svg>'
)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("ADVISOR_REQUIRE_BROWSER") == "1":
            pytest.fail("ADVISOR_REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")
        pytest.skip(
            "chromium is not installed (apt-get install chromium); set ADVISOR_REQUIRE_BROWSER=1 to fail"
        )
    return found


def _open(page: Path, tmp_path: Path) -> tuple[str, Path]:
    """Load ``page`` in headless Chromium offline: the dumped DOM and a screenshot."""
    shot = tmp_path / f"{page.stem}.png"
    command = [
        _browser(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,2400",
    ]
    url = page.resolve().as_uri()
    subprocess.run([*command, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)
    dom = subprocess.run(
        [*command, "--dump-dom", url], capture_output=True, timeout=120, check=True, text=True
    ).stdout
    return dom, shot


def _html_report(runner: CliRunner, answers: Path, out: Path) -> Path:
    result = runner.invoke(cli, ["report", str(answers), "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_renders_with_one_graph_node_per_recommended_pattern(
    runner: CliRunner, advisor: Advisor, tmp_path: Path
) -> None:
    example = ROOT / "examples" / "enterprise-escaping-monolith.yaml"
    dom, shot = _open(_html_report(runner, example, tmp_path / "report.html"), tmp_path)
    assert shot.read_bytes()[:8] == PNG_SIGNATURE
    assert shot.stat().st_size > 10_000
    svg = re.search(r'<svg[^>]*class="graph".*?</svg>', dom, re.S)
    assert svg is not None
    nodes = re.findall(r'<g class="node" data-id="([^"]+)"', svg.group(0))
    expected = advisor.advise(advisor.read_answers(example)).recommended_ids
    assert sorted(nodes) == list(expected)
    assert "<title>Architecture recommendation: Nordwind Retail Platform</title>" in dom


def test_injected_answers_are_shown_as_text_and_never_run(
    runner: CliRunner, tmp_path: Path, write: Callable[[str, str], Path]
) -> None:
    answers = write(
        "evil.yaml",
        "questionnaire: default\n"
        "answers:\n"
        f"  system_name: '{PAYLOAD_NAME}'\n"
        f"  system_description: '{PAYLOAD_DESCRIPTION.replace(chr(39), chr(39) * 2)}'\n"
        "  team_count: 12\n",
    )
    page = _html_report(runner, answers, tmp_path / "evil.html")
    dom, shot = _open(page, tmp_path)
    assert shot.read_bytes()[:8] == PNG_SIGNATURE
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None
    assert "pwned" not in body.group(0)  # no onerror/onload handler set a data attribute
    assert "<title>pwned</title>" not in dom
    assert re.findall(r"<script\b", dom) == []  # no script element made it into the page
    assert "<img" not in dom
    # Shown literally, as escaped text, where a reader expects it.
    assert '<h1 id="top">Architecture recommendation: &lt;script&gt;alert(1)&lt;/script&gt;</h1>' in dom
    assert '&lt;img src=x onerror="document.body.dataset.pwned=1"&gt;' in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
