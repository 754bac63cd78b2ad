"""advisor: an architecture decision advisor for the microservice pattern language.

Describe a system (answers to a questionnaire plus prioritised forces) and get
the patterns to apply, the successor patterns they need, the alternatives and
the reasons for each.
"""

from advisor.__about__ import __version__
from advisor.api import Advisor, advise
from advisor.catalog.loader import Catalog, load_catalog
from advisor.core.recommendation import Recommendation
from advisor.errors import AdvisorError
from advisor.questionnaire.answers import Answers
from advisor.questionnaire.loader import load_questionnaire

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
