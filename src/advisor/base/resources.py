"""Where the bundled catalog and questionnaires live.

In a wheel they are shipped as package data under ``advisor/_data``; in a
source checkout (editable install, tests) they are the top-level ``rules/``
and ``questionnaires/`` folders.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("advisor"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / name


def bundled_rules_dir() -> Path:
    """The folder of the bundled pattern catalog and rules."""
    return _data_dir("rules")


def bundled_questionnaires_dir() -> Path:
    """The folder of the bundled questionnaires."""
    return _data_dir("questionnaires")


def bundled_questionnaire(name: str = "default") -> Path:
    """The path of a bundled questionnaire by name."""
    return bundled_questionnaires_dir() / f"{name}.yaml"


def display_path(path: Path) -> str:
    """A path as short as possible for messages: relative to the working folder if inside it."""
    # The folder is resolved, not the file itself: a symbolic link keeps its own name in
    # messages, and a link loop or a dangling link is named rather than followed.
    try:
        absolute = Path(os.path.abspath(path))  # noqa: PTH100 - lexical, unlike Path.resolve()
        return str(absolute.parent.resolve().joinpath(absolute.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
