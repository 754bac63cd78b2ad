"""Next steps read as a plan: one sentence per distinct step, and no internal rule ids in the prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.base.i18n import Lang
from advisor.core.advisor import Advisor
from advisor.report.model import build_report
from conftest import EXAMPLES, ROOT


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_each_step_once_and_no_rule_ids(advisor: Advisor, example: Path, lang: Lang) -> None:
    result = advisor.advise(advisor.read_answers(example))
    steps = build_report(result, advisor.catalog, advisor.questionnaire, lang).next_steps
    texts = [s.text for s in steps]
    assert len(texts) == len(set(texts))
    for text in texts:
        assert not [r for r in advisor.catalog.rules if r in text], text
    # the successors of one decision are one step, their waves in order inside it
    roots = [p for p in result.recommended if p.parent is None]
    successors = [s for s in steps if s.kind == "design" and s.refs[0] not in {p.id for p in roots}]
    assert len(successors) <= len(roots)


def test_successor_waves_are_one_sentence_in_order(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(ROOT / "examples" / "enterprise-escaping-monolith.yaml"))
    steps = build_report(result, advisor.catalog, advisor.questionnaire, "en").next_steps
    texts = [s.text for s in steps]
    # The successors of the microservice architecture; the strangler's anti-corruption layer is
    # among them (the architecture itself integrates the legacy ERP), so the strangler stands alone.
    assert sum(t.startswith("Then design") for t in texts) == 1
    assert "Anti-corruption layer" in next(t for t in texts if t.startswith("Then design"))
    alone = "Design Strangler application; any successor its issues need is already in the steps above."
    assert alone in texts
    waves = next(t for t in texts if "wave by wave" in t)
    assert waves.index("Saga") < waves.index("Transactional outbox") < waves.index("Transaction log tailing")
    assert "; then " in waves


def test_an_unknown_answer_names_the_patterns_it_decides(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(ROOT / "examples" / "startup-mvp.yaml"))
    steps = build_report(result, advisor.catalog, advisor.questionnaire, "en").next_steps
    settle = [s for s in steps if s.kind == "settle"]
    assert settle
    for step in settle:
        question, *rules = step.refs
        assert advisor.questionnaire.question(question) is not None
        assert rules and all(r in advisor.catalog.rules for r in rules)  # ids for tools, in refs
        names = {advisor.catalog.patterns[advisor.catalog.rules[r].pattern].name.en for r in rules}
        assert all(name in step.text for name in names)
