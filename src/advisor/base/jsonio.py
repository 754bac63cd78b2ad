"""The one way the project writes JSON: sorted keys, two-space indent, non-ASCII as is, final newline.

Every document the advisor writes also names its type: ``kind`` (``recommendation``,
``report``, ``batch``, ``explain``, ``whatif`` or ``diff``) and ``$schema``, the
``$id`` of the JSON Schema that describes it (``advisor schema KIND`` prints it;
the repository publishes it as ``schemas/KIND.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def stable_json(data: Any) -> str:
    """``data`` as the project writes every JSON document: sorted keys, two-space indent, final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def schema_id(kind: str) -> str:
    """The identifier of the schema of documents of ``kind`` (a name, not an address to download)."""
    return f"urn:advisor:schema:{kind}"


def as_document(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` with the ``$schema`` and ``kind`` that name its type of document."""
    return {"$schema": schema_id(kind), "kind": kind, **data}
