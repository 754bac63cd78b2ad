"""The one way the project writes JSON: sorted keys, two-space indent, non-ASCII as is, final newline.

Every document the advisor writes also names its type: ``kind`` (``recommendation``,
``report``, ``batch``, ``explain``, ``whatif`` or ``diff``) and ``$schema``, the
``$id`` of the JSON Schema that describes it (``advisor schema KIND`` prints it;
the repository publishes it as ``schemas/KIND.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from advisor.base.text import HIDDEN_ABOVE_C0


@lru_cache(maxsize=1)
def _json_escapes() -> dict[int, str]:
    return {code: f"\\u{code:04x}" for code in HIDDEN_ABOVE_C0}


def json_text(data: Any, *, sort_keys: bool = True) -> str:
    """``data`` as JSON text with a two-space indent and a final newline, non-ASCII as is.

    Control characters never reach the reader raw: ``json`` escapes C0 itself, and
    DEL, the C1 controls and the characters that reorder or hide text are written as
    ``\\u`` escapes too (inside strings only, so the data read back is the same).
    """
    text = json.dumps(data, sort_keys=sort_keys, indent=2, ensure_ascii=False) + "\n"
    return text if text.isascii() else text.translate(_json_escapes())


def stable_json(data: Any) -> str:
    """``data`` as the project writes every JSON document: sorted keys, two-space indent, final newline."""
    return json_text(data)


def schema_id(kind: str) -> str:
    """The identifier of the schema of documents of ``kind`` (a name, not an address to download)."""
    return f"urn:advisor:schema:{kind}"


def as_document(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` with the ``$schema`` and ``kind`` that name its type of document."""
    return {"$schema": schema_id(kind), "kind": kind, **data}
