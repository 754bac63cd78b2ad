"""The ``advisor`` command line: translate arguments, call the core, map errors to exit codes.

Exit codes: 0 ok, 1 findings (gate-style commands), 2 usage or input error,
130 interrupted.
"""

from __future__ import annotations

from advisor.cli.app import main

__all__ = ["main"]
