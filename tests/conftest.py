"""Shared fixtures: the bundled advisor, a small fixture catalog, a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from advisor.catalog.loader import load_catalog
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.questionnaire.loader import load_questionnaire

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def mini_advisor() -> Advisor:
    """An advisor over the small fixture catalog (with a deliberate successor cycle)."""
    catalog = load_catalog([MINI / "rules"], bundled=False)
    return Advisor(catalog, load_questionnaire(MINI / "questionnaire.yaml"))


@pytest.fixture(scope="session")
def advisor() -> Advisor:
    """The advisor over the bundled catalog and default questionnaire."""
    return Advisor.load()


@pytest.fixture
def mini_advise(mini_advisor: Advisor) -> Callable[..., Recommendation]:
    """Assess answers (as a mapping) against the fixture catalog."""

    def run(forces: dict[str, int] | None = None, **answers: Any) -> Recommendation:
        data = {"answers": {"system_name": "Test", **answers}, "forces": forces or {}}
        return mini_advisor.advise(mini_advisor.check_answers(data))

    return run


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test in the repository root, so messages name files as a user there sees them."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def runner() -> CliRunner:
    """A click runner that keeps stdout and stderr apart."""
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a text file under a temporary folder and return its path."""

    def make(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return make


@pytest.fixture(scope="session", autouse=True)
def _catalog_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled catalogs are cached in a folder of the test run, not in the user's cache."""
    os.environ["ADVISOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("catalog-cache"))
