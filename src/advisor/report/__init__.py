"""Pure renderers of a :class:`~advisor.core.recommendation.Recommendation`."""
