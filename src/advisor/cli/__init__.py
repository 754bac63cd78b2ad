"""The ``advisor`` command line: translate arguments, call the core, map errors to exit codes.

Exit codes: 0 ok, 1 findings (gate-style commands), 2 usage or input error,
130 interrupted.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Entry point of the ``advisor`` console script (:func:`advisor.cli.app.main`).

    Garbage collection is paused before click and the command line are even imported:
    a start-up allocates much and frees little, so collecting then only costs time.
    """
    gc.disable()
    from advisor.cli.app import main as run  # noqa: PLC0415 - imported with collections paused

    run()


__all__ = ["main"]
