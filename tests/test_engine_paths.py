"""The lean engine path gives exactly what durable-rules' own Python wrapper gives.

Sessions normally drive the compiled matcher directly (``Engine(lean=True)``); the
wrapper's path is kept as the reference. Both must fire the same rule clauses in the
same order for every example and every what-if variation of it, and so produce the
same recommendation, byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from advisor.analysis.trial import Trial
from advisor.analysis.whatif import _changes
from advisor.core.advisor import Advisor
from advisor.core.agenda import run_agenda
from advisor.core.engine import Engine, Firing, Session
from advisor.questionnaire.answers import Answers
from advisor.report.json import render_json
from conftest import EXAMPLES


def _recording(engine: Engine, log: list[list[Firing]]) -> AbstractContextManager[Session]:
    @contextmanager
    def session() -> Iterator[Session]:
        with engine.session() as opened:
            plain_assert = opened.assert_facts

            def assert_facts(facts: list[dict[str, object]]) -> list[Firing]:
                fired = plain_assert(facts)
                log.append(list(fired))
                return fired

            opened.assert_facts = assert_facts  # type: ignore[method-assign]
            try:
                yield opened
            finally:
                del opened.assert_facts  # sessions are reused: never wrap a wrapper

    return session()


def _firings(advisor: Advisor, engine: Engine, answers: Answers) -> list[list[Firing]]:
    log: list[list[Firing]] = []
    run_agenda(advisor.catalog, advisor.questionnaire, answers, lambda: _recording(engine, log))
    return log


@pytest.fixture(scope="module")
def plain(advisor: Advisor) -> Advisor:
    """The bundled advisor, its sessions through the wrapper."""
    reference = Advisor(advisor.catalog, advisor.questionnaire)
    reference.engine = Engine(reference.clauses, lean=False)
    return reference


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_both_paths_fire_alike_for_every_example_and_what_if_variation(
    advisor: Advisor, plain: Advisor, example: Path
) -> None:
    assert advisor.engine.lean and not plain.engine.lean
    answers = advisor.read_answers(example)
    trial = Trial(advisor, answers)
    variations = [answers] + [
        changed for change in _changes(advisor, answers) if (changed := trial.answers_with([change]))
    ]
    assert len(variations) > 50
    for variation in variations:
        lean_firings = _firings(advisor, advisor.engine, variation)
        assert lean_firings == _firings(plain, plain.engine, variation)
        assert any(lean_firings)
    assert render_json(advisor.advise(answers)) == render_json(plain.advise(answers))


def test_the_lean_path_sends_the_json_the_wrapper_would(advisor: Advisor) -> None:
    facts = [
        {"t": "a", "q": "system_name", "k": 1, "v": 'Café "Ω" \\ 11213291'},
        {"t": "f", "f": "scalability", "w": 4},
        {"t": "p", "p": "monolithic-architecture"},
    ]
    for _ in range(2):  # the second time from the remembered encodings
        with advisor.engine.session() as session:
            session.assert_facts(facts)
            sent = "[" + ", ".join(session._encoded) + "]"  # type: ignore[attr-defined]
            assert sent == json.dumps(session._asserted, ensure_ascii=False)  # type: ignore[attr-defined]
