"""The recommendation as stable, sorted JSON."""

from __future__ import annotations

import json

from advisor.recommendation import Recommendation


def render_json(recommendation: Recommendation) -> str:
    """The recommendation as a JSON document (sorted keys, two-space indent, final newline)."""
    data = recommendation.model_dump(mode="json")
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
