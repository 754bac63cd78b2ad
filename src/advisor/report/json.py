"""The advisor's JSON documents and their JSON Schemas, one schema per kind of document.

Every document is written the same way (:func:`~advisor.base.jsonio.stable_json`)
and names its type with ``kind`` and ``$schema``. The schemas are generated
from the pydantic models the documents are dumped from, so they follow every
change of a model; the repository publishes each as ``schemas/KIND.schema.json``
and ``advisor schema KIND`` prints the same text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from advisor.base.jsonio import as_document, schema_id, stable_json

if TYPE_CHECKING:
    from pydantic import BaseModel

    from advisor.core.recommendation import Recommendation
    from advisor.report.view import Report

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

#: Each kind of JSON document: the command that writes it and what it holds (its model:
#: :func:`document_model`).
DOCUMENTS: Final[dict[str, tuple[str, str]]] = {
    "recommendation": ("advisor recommend FILE --json", "the recommendation for one system"),
    "batch": (
        "advisor recommend FILES... --json (several files or a folder)",
        "every system of a batch and the portfolio summary",
    ),
    "report": ("advisor report --format json", "the report, in one language"),
    "explain": ("advisor explain --json", "why (or why not) one pattern"),
    "whatif": ("advisor whatif --json", "the single changes that change the recommendation"),
    "diff": ("advisor diff --json", "what changed between two assessments, and why"),
}


def document_model(kind: str) -> type[BaseModel]:
    """The model documents of ``kind`` are dumped from.

    Imported here, when a schema is asked for: writing one document needs only its own
    model, and creating the others' classes is a good part of a cold start.
    """
    from advisor.analysis.results import AssessmentDiff, Batch, Explanation, Sensitivity  # noqa: PLC0415
    from advisor.core.recommendation import Recommendation  # noqa: PLC0415
    from advisor.report.view import Report  # noqa: PLC0415

    models: dict[str, type[BaseModel]] = {
        "recommendation": Recommendation,
        "batch": Batch,
        "report": Report,
        "explain": Explanation,
        "whatif": Sensitivity,
        "diff": AssessmentDiff,
    }
    return models[kind]


def render_document(kind: str, model: BaseModel) -> str:
    """``model`` as a JSON document of ``kind`` (one of :data:`DOCUMENTS`)."""
    return stable_json(as_document(kind, model.model_dump(mode="json")))


def render_json(recommendation: Recommendation) -> str:
    """The recommendation as a JSON document (kind ``recommendation``)."""
    return render_document("recommendation", recommendation)


def render_report_json(report: Report) -> str:
    """The report as a JSON document (kind ``report``)."""
    return render_document("report", report)


def document_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents of ``kind``, generated from its model."""
    command, holds = DOCUMENTS[kind]
    schema = document_model(kind).model_json_schema(mode="serialization")
    properties = {
        "$schema": {"const": schema_id(kind), "description": "Names the schema of this document."},
        "kind": {"const": kind, "description": "The kind of advisor document."},
        **schema["properties"],
    }
    return {
        **schema,
        "$schema": DRAFT,
        "$id": schema_id(kind),
        "title": f"advisor {kind} document",
        "description": f"Written by {command}: {holds}.",
        "properties": properties,
        "required": ["$schema", "kind", *schema.get("required", [])],
    }


def render_document_schema(kind: str) -> str:
    """The JSON Schema of documents of ``kind`` as stable JSON text."""
    return stable_json(document_schema(kind))
