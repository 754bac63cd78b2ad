"""Where the bundled catalog and questionnaires live.

In a wheel they are shipped as package data under ``advisor/_data``; in a
source checkout (editable install, tests) they are the top-level ``rules/``
and ``questionnaires/`` folders.
"""

from __future__ import annotations

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
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
