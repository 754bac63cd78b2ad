"""Under --lang ko a user reads no English: only ids, the data's own text and what the user wrote.

Every example is run through recommend (the default and the full view), report (each
format, the HTML report's visible text too), whatif and explain (one pattern in every
state an explanation can take); validate, rules lint and the errors of a bad answers
file, a missing file and a bad ``--set`` are scanned too. The interview's own screens
are scanned in the pty test of the Korean interview.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.analysis.explain import explain
from advisor.analysis.trial import Trial
from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from conftest import EXAMPLES, FIXTURES
from english_scan import allowed_words, english_words


def _run(runner: CliRunner, *args: str, exit_code: int = 0) -> str:
    result = runner.invoke(cli, [*args, "--lang", "ko"], prog_name="advisor")
    assert result.exit_code == exit_code, result.output
    return result.stdout + result.stderr


class _Visible(HTMLParser):
    """The text a browser shows: element text and the attributes read as text, no script or style."""

    SHOWN = frozenset({"title", "alt", "aria-label", "placeholder"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in {"script", "style"}
        self.parts += [value for name, value in attrs if name in self.SHOWN and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in {"script", "style"}

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The visible text of an HTML page."""
    parser = _Visible()
    parser.feed(page)
    return " ".join(parser.parts)


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
        "report html": visible_text(_run(runner, "report", str(example), "--format", "html")),
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


BAD_ANSWERS = """\
questionnaire: default
answers:
  team_count: many
  tem_size: 3
forces:
  nosuch: 1
  availability: 9
in_place: [sagaa, saga, saga]
notes:
  team_count: [a]
"""


def test_korean_validate_rules_and_errors_show_no_english(
    runner: CliRunner, advisor: Advisor, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_ANSWERS, encoding="utf-8")
    example = str(EXAMPLES[0])
    taken = tmp_path / "기존.md"
    taken.write_text("kept", encoding="utf-8")
    outputs = {
        "validate": _run(runner, "validate", example, str(bad.parent), exit_code=2),
        "validate ok": _run(runner, "validate", example),
        "rules lint": _run(runner, "rules", "lint"),
        "recommend bad": _run(runner, "recommend", str(bad), exit_code=2),
        "missing file": _run(runner, "recommend", str(tmp_path / "nosuch.yaml"), exit_code=2),
        "bad --set": _run(runner, "recommend", example, "--set", "team_count=x", exit_code=2),
        "not yaml": _run(runner, "validate", str(tmp_path / "nosuch.yaml"), exit_code=2),
        "output exists": _run(runner, "report", example, "--output", str(taken), exit_code=2),
        "adr to stdout": _run(runner, "report", example, "--format", "adr", exit_code=2),
    }
    # the location stays file:line:col, and every hint is there
    assert f"{bad}:3:15: 'team_count'에는 정수가 필요합니다" in outputs["validate"]
    assert outputs["validate"].count("힌트:") == outputs["recommend bad"].count("힌트:") > 5
    allowed = allowed_words(advisor, [bad])
    shown = {name: text.replace(str(bad), "").replace(str(tmp_path), "") for name, text in outputs.items()}
    leaked = {name: english_words(text, allowed) for name, text in shown.items()}
    assert not {name: words for name, words in leaked.items() if words}


def test_the_scan_finds_english(advisor: Advisor) -> None:
    allowed = allowed_words(advisor)
    assert english_words("saga: 추천됨 (scored 0.4 beside 1.6)", allowed) == ["beside", "scored"]
    assert english_words("microservice-architecture 규칙 점수 -4", allowed) == []


#: Command-line syntax: click's ``[OPTIONS]``, the argument names, the options and commands
#: a message tells the user to type, and the file format it names.
USAGE_SYNTAX = frozenset(
    {
        "OPTIONS",
        "COMMAND",
        "ARGS",
        "ANSWERS",
        "PATTERN",
        "ID",
        "FILE",
        "help",
        "from",
        "patterns",
        "list",
        "YAML",
    }
)


def test_korean_usage_and_command_errors_show_no_english(
    runner: CliRunner, advisor: Advisor, tmp_path: Path
) -> None:
    """Mistakes on the command line (click's usage errors) and the errors of explain, patterns,
    decision-record folders and the interview are said in Korean, naming what was typed."""
    example = str(EXAMPLES[0])
    not_ours = tmp_path / "문서"
    not_ours.mkdir()
    (not_ours / "메모.md").write_text("mine", encoding="utf-8")
    a_file = tmp_path / "기록.md"
    a_file.write_text("mine", encoding="utf-8")
    broken = tmp_path / "망가진"
    broken.mkdir()
    (broken / ".advisor-adr.json").write_text("{", encoding="utf-8")
    empty = tmp_path / "빈"
    empty.mkdir()
    outputs = {
        "unknown option": _run(runner, "recommend", example, "--jsn", exit_code=2),
        "option before a command": _run(runner, "--bogus", "recommend", exit_code=2),
        "missing argument": _run(runner, "explain", example, exit_code=2),
        "no arguments": _run(runner, "recommend", exit_code=2),
        "not a choice": _run(runner, "report", example, "--format", "pdf", exit_code=2),
        "extra arguments": _run(runner, "whatif", example, "one", "two", exit_code=2),
        "unknown command": _run(runner, "recomend", exit_code=2),
        "no file": _run(runner, "interview", "--from", str(tmp_path / "none.yaml"), exit_code=2),
        "unknown pattern": _run(runner, "explain", example, "nosuch", exit_code=2),
        "misspelt pattern": _run(runner, "patterns", "show", "sagaa", exit_code=2),
        "unknown group": _run(runner, "patterns", "list", "--group", "nosuch", exit_code=2),
        "folder not ours": _run(
            runner, "report", example, "--format", "adr", "-o", str(not_ours), exit_code=2
        ),
        "folder is a file": _run(
            runner, "report", example, "--format", "adr", "-o", str(a_file), exit_code=2
        ),
        "not a manifest": _run(runner, "report", example, "--format", "adr", "-o", str(broken), exit_code=2),
        "no terminal": _run(runner, "interview", exit_code=2),
        "batch": _run(runner, "recommend", example, str(empty), exit_code=2),
    }
    assert (
        "이 폴더에 답변 파일(*.yaml)이 없습니다\n오류: 답변 파일 2개 중 1개를 평가하지 못했습니다"
        in outputs["batch"]
    )
    assert "'--jsn' 옵션은 없습니다. ('--json', '--set' 중 하나를 뜻했나요?)" in outputs["unknown option"]
    assert outputs["missing argument"] == (
        "사용법: advisor explain [OPTIONS] ANSWERS PATTERN\n도움말: advisor explain --help\n\n"
        "오류: 빠진 인자: 'PATTERN'.\n"
    )
    assert "'pdf': 고를 수 없는 값입니다" in outputs["not a choice"]
    assert "힌트: 'saga'를 뜻했나요?" in outputs["misspelt pattern"]
    allowed = (
        allowed_words(advisor, [EXAMPLES[0]])  # the batch shows the example's system name
        | USAGE_SYNTAX
        | {"jsn", "bogus", "recomend", "pdf", "sagaa", "nosuch", "one", "two"}
    )
    shown = {name: text.replace(str(tmp_path), "") for name, text in outputs.items()}
    leaked = {name: english_words(text, allowed) for name, text in shown.items()}
    assert not {name: words for name, words in leaked.items() if words}


#: A pack's questions: a ``when`` that tests what is not asked before it, an id that repeats.
PACK_QUESTIONS = """\
sections:
  - id: pack_section
    title: {en: Pack, ko: 팩}
    questions:
      - id: pack_first
        prompt: {en: 'First?', ko: '첫째?'}
        type: confirm
        when: {answer: pack_later, equals: true}
      - id: pack_first
        prompt: {en: 'Again?', ko: '다시?'}
        type: confirm
"""


def test_korean_rule_pack_problems_show_no_english(
    runner: CliRunner, advisor: Advisor, tmp_path: Path
) -> None:
    """What is wrong with a rule pack (rules that test unknown questions or choices, relations
    without a source, a pack's own questions) is said in Korean by validate, lint and recommend."""
    broken = FIXTURES / "broken" / "packs" / "many-mistakes"
    questions, twice = tmp_path / "질문", tmp_path / "두번"
    for folder, text in ((questions, PACK_QUESTIONS), (twice, PACK_QUESTIONS + PACK_QUESTIONS[10:])):
        folder.mkdir()
        (folder / "questions.yaml").write_text(text, encoding="utf-8")
    example = str(EXAMPLES[0])
    outputs = {
        "validate": _run(runner, "validate", str(broken), exit_code=2),
        "lint": _run(runner, "rules", "lint", str(broken), exit_code=2),
        "recommend": _run(runner, "recommend", example, "--rules", str(broken), exit_code=2),
        "questions": _run(runner, "recommend", example, "--rules", str(questions), exit_code=2),
        "section twice": _run(runner, "recommend", example, "--rules", str(twice), exit_code=2),
    }
    assert "알 수 없는 질문 'team_cuont'를 검사합니다 ('team_count'를 뜻했나요?)" in outputs["lint"]
    assert "질문 id 'pack_first'가 반복됩니다" in outputs["questions"]
    assert "섹션 'pack_section'이 이 파일에 두 번 정의되어 있습니다" in outputs["section twice"]
    files = [*broken.rglob("*.yaml"), questions / "questions.yaml"]
    allowed = allowed_words(advisor, files) | {
        "sources",
        "microservices",
        "io",
        "page",
        "book",
        "section",
        "note",
    }
    where = re.compile(r"\S*(?:many-mistakes|" + re.escape(str(tmp_path)) + r")\S*")  # file names
    leaked = {name: english_words(where.sub("", text), allowed) for name, text in outputs.items()}
    assert not {name: words for name, words in leaked.items() if words}
