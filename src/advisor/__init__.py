"""advisor: an architecture decision advisor for the microservice pattern language.

Describe a system (answers to a questionnaire plus prioritised forces) and get
the patterns to apply, the successor patterns they need, the alternatives and
the reasons for each.

The public names are imported on first use, so that ``import advisor`` (and the
command line, which imports this package first) stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from advisor.__about__ import __version__

if TYPE_CHECKING:
    from advisor.api import Advisor, advise
    from advisor.catalog.loader import Catalog, load_catalog
    from advisor.core.recommendation import Recommendation
    from advisor.errors import AdvisorError
    from advisor.questionnaire.answers import Answers
    from advisor.questionnaire.loader import load_questionnaire

#: Each public name and the module it comes from.
_HOMES = {
    "Advisor": "advisor.api",
    "advise": "advisor.api",
    "Catalog": "advisor.catalog.loader",
    "load_catalog": "advisor.catalog.loader",
    "Recommendation": "advisor.core.recommendation",
    "AdvisorError": "advisor.errors",
    "Answers": "advisor.questionnaire.answers",
    "load_questionnaire": "advisor.questionnaire.loader",
}

__all__ = [
    "Advisor",
    "AdvisorError",
    "Answers",
    "Catalog",
    "Recommendation",
    "__version__",
    "advise",
    "load_catalog",
    "load_questionnaire",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'advisor' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, including the public ones not imported yet."""
    return sorted({*globals(), *__all__})
