"""The one way the project writes JSON: sorted keys, two-space indent, non-ASCII as is, final newline."""

from __future__ import annotations

import json
from typing import Any


def stable_json(data: Any) -> str:
    """``data`` as the project writes every JSON document: sorted keys, two-space indent, final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
