"""The HTML trade-off matrix in real headless Chromium at 1280 and 800 px: no word is broken.

A layout check runs in the page (through the DevTools protocol, see ``cdp.py``): every
word of every cell of the matrix must lie on one line (a break after a hyphen is a
normal break), no cell may overflow its box, and the force headers must stand rotated
with the full name and description on hover. A screenshot of the matrix is taken too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from cdp import Browser
from conftest import ROOT
from test_report_html_browser import PNG_SIGNATURE, _browser

pytestmark = pytest.mark.slow

#: Runs in the page; returns what the test checks, as JSON.
LAYOUT_CHECK = r"""
(() => {
  const table = document.querySelector('table.matrix');
  const broken = [];
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = /[^\s\-‐]+[\-‐]?/g;
    let match;
    while ((match = words.exec(node.data)) !== null) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
      if (boxes.length > 1) broken.push(match[0]);
    }
  }
  const cells = [...table.querySelectorAll('th, td')];
  const overflowing = cells.filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.trim());
  const forces = [...table.querySelectorAll('thead th.force')].map(th => ({
    name: th.querySelector('.name').textContent,
    title: th.title,
    mode: getComputedStyle(th.querySelector('.name')).writingMode,
    orientation: getComputedStyle(th.querySelector('.name')).textOrientation,
  }));
  const patterns = [...table.querySelectorAll('tbody th[scope=row]')].map(th => th.textContent.trim());
  const box = table.getBoundingClientRect();
  return JSON.stringify({
    broken, overflowing, forces, patterns,
    x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height,
    page: document.documentElement.clientWidth,
  });
})()
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    opened = Browser(_browser(), tmp_path_factory.mktemp("profile"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    example = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
    made = {}
    for lang in ("en", "ko"):
        page = folder / f"report-{lang}.html"
        result = CliRunner().invoke(
            cli, ["report", example, "--format", "html", "--lang", lang, "--output", str(page)]
        )
        assert result.exit_code == 0, result.output
        made[lang] = page
    return made


@pytest.mark.parametrize("width", [1280, 800])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_matrix_keeps_every_word_whole(
    browser: Browser, reports: dict[str, Path], advisor: Advisor, tmp_path: Path, lang: str, width: int
) -> None:
    browser.open(reports[lang].resolve().as_uri(), width)
    layout: dict[str, Any] = json.loads(browser.evaluate(LAYOUT_CHECK))
    assert width - 40 < layout["page"] <= width  # the viewport asked for (less a scroll bar)
    assert layout["broken"] == []
    assert layout["overflowing"] == []
    result = advisor.advise(advisor.read_answers(ROOT / "examples" / "enterprise-escaping-monolith.yaml"))
    forces = advisor.catalog.forces
    assert layout["forces"], "the matrix shows the forces the patterns touch"
    for header in layout["forces"]:
        force = next(f for f in forces.values() if f.name.get(lang) == header["name"])
        assert header["mode"] == "vertical-rl"  # rotated, so a long name needs no line break
        assert header["orientation"] == "sideways"  # Korean turns with the line, like Latin
        assert header["title"].startswith(force.name.get(lang))  # the full name on hover...
        assert " ".join(force.description.get(lang).split()) in " ".join(header["title"].split())
    names = {advisor.catalog.patterns[p].name.get(lang) for p in result.recommended_ids}
    assert set(layout["patterns"]) <= names
    assert len(layout["patterns"]) == len(result.recommended_ids)
    clip = {k: layout[k] for k in ("x", "y", "width")} | {"height": min(layout["height"], 2000)}
    shot = browser.screenshot(clip)
    assert shot[:8] == PNG_SIGNATURE
    (tmp_path / f"matrix-{lang}-{width}.png").write_bytes(shot)
    if width < layout["width"] + layout["x"]:  # wider than the page: it scrolls inside its box
        assert browser.evaluate("getComputedStyle(document.querySelector('.scroll')).overflowX") == "auto"
