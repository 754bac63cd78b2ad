"""Under --lang ko a user reads no English: only ids, the data's own text and what the user wrote.

Every example is run through recommend (the default and the full view), report (each
format), whatif and explain (one pattern in every state an explanation can take); the
interview's own screens are scanned in the pty test of the Korean interview.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.analysis.explain import explain
from advisor.analysis.trial import Trial
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from conftest import EXAMPLES
from english_scan import allowed_words, english_words


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, [*args, "--lang", "ko"])
    assert result.exit_code == 0, result.output
    return result.stdout + result.stderr


def _explained(runner: CliRunner, advisor: Advisor, example: Path) -> list[str]:
    """One pattern of each status ``explain`` can report for this system, each explained in Korean.

    The status of every pattern is read in process, sharing one what-if search; only one
    pattern per status goes through the command line.
    """
    answers = advisor.read_answers(example)
    result = advisor.advise(answers)
    trial = Trial(advisor, answers)
    seen: dict[str, str] = {}
    for pattern in sorted(advisor.catalog.patterns):
        seen.setdefault(explain(advisor, answers, result, pattern, trial).status, pattern)
    return [_run(runner, "explain", str(example), pattern) for pattern in seen.values()]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_korean_runs_show_no_english(
    runner: CliRunner, advisor: Advisor, example: Path, tmp_path: Path
) -> None:
    allowed = allowed_words(advisor, [example])
    outputs = {
        "recommend": _run(runner, "recommend", str(example)),
        "recommend --all": _run(runner, "recommend", str(example), "--all"),
        "whatif": _run(runner, "whatif", str(example)),
        "report md": _run(runner, "report", str(example)),
        "report file": _run(runner, "report", str(example), "--output", str(tmp_path / "r.md")),
        "report adr": _run(
            runner, "report", str(example), "--format", "adr", "--output", str(tmp_path / "adr")
        ),
    }
    outputs["report md file"] = (tmp_path / "r.md").read_text(encoding="utf-8")
    for record in sorted((tmp_path / "adr").glob("*.md")):
        outputs[f"adr {record.name}"] = record.read_text(encoding="utf-8")
    for number, text in enumerate(_explained(runner, advisor, example)):
        outputs[f"explain {number}"] = text
    leaked = {name: english_words(text.replace(str(tmp_path), ""), allowed) for name, text in outputs.items()}
    assert not {name: words for name, words in leaked.items() if words}


def test_the_scan_finds_english(advisor: Advisor) -> None:
    allowed = allowed_words(advisor)
    assert english_words("saga: 추천됨 (scored 0.4 beside 1.6)", allowed) == ["beside", "scored"]
    assert english_words("microservice-architecture 규칙 점수 -4", allowed) == []
