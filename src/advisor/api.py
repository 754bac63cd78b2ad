"""The library's public entry points (re-exported by :mod:`advisor`).

>>> from advisor import advise
>>> recommendation = advise({"answers": {"system_name": "Shop", "team_count": 12}})
>>> "microservice-architecture" in recommendation.recommended_ids  # doctest: +SKIP
True
"""

from advisor.core.advisor import Advisor, advise

__all__ = ["Advisor", "advise"]
