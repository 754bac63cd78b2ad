"""The pattern catalog: models of the pattern language and the loader of ``rules/``."""
