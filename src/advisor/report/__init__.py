"""Pure renderers of a :class:`~advisor.recommendation.Recommendation`."""
