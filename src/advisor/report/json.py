"""The recommendation and the report as stable JSON, and the JSON Schema of the report.

Every document is written the same way: sorted keys, two-space indent, non-ASCII
text as is, a final newline. The report's schema is published as
``schemas/report.schema.json`` in the repository; ``advisor schema report``
prints the same text.
"""

from __future__ import annotations

from typing import Any

from advisor.base.jsonio import stable_json
from advisor.core.recommendation import Recommendation
from advisor.report.view import Report


def render_json(recommendation: Recommendation) -> str:
    """The recommendation as a JSON document (sorted keys, two-space indent, final newline)."""
    return stable_json(recommendation.model_dump(mode="json"))


def render_report_json(report: Report) -> str:
    """The report as a JSON document (sorted keys, two-space indent, final newline)."""
    return stable_json(report.model_dump(mode="json"))


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report document."""
    schema = Report.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "advisor recommendation report"
    return schema


def render_report_schema() -> str:
    """The report's JSON Schema as stable JSON text."""
    return stable_json(report_schema())
