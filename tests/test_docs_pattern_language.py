"""docs/pattern-language.md is generated from the catalog: every relation with its sources.

Regenerate after changing the catalog:  ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_pattern_language.py
"""

from __future__ import annotations

import os

from advisor.catalog.loader import load_catalog
from advisor.catalog.models import Relation
from advisor.report.language_doc import render_pattern_language
from conftest import ROOT

DOC = ROOT / "docs" / "pattern-language.md"


def test_pattern_language_doc_is_current() -> None:
    expected = render_pattern_language(load_catalog())
    if os.environ.get("ADVISOR_UPDATE_DOCS"):
        DOC.write_text(expected, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/pattern-language.md is out of date: "
        "run ADVISOR_UPDATE_DOCS=1 pytest tests/test_docs_pattern_language.py"
    )


def test_every_relation_of_every_pattern_is_documented_with_a_source() -> None:
    catalog = load_catalog()
    text = render_pattern_language(catalog)
    sections = text.split("\n### ")[1:]
    assert len(sections) == len(catalog.patterns)
    for section in sections:
        pattern_id = section.split("`")[1]
        related = catalog.patterns[pattern_id].related
        rows = [line for line in section.splitlines() if line.startswith("| ") and " | --- " not in line]
        body = [row for row in rows if not row.startswith("| relation |")]
        expected = sum(len(related.of(kind)) for kind in Relation)
        assert len(body) == expected, pattern_id
        assert all("(none)" not in row for row in body), pattern_id
    assert "[data/saga](https://microservices.io/patterns/data/saga.html)" in text
