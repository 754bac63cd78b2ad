"""Version of the advisor package."""

__version__ = "0.1.0"
