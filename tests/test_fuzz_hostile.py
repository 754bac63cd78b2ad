"""Fuzzing with hostile YAML: answers files, rule-pack files and resume files.

Values are drawn from the classes that once broke the advisor (values PyYAML cannot build,
integers past 64 bits, deep nesting, aliases, rich markup, control characters) mixed with
valid ones. Whatever the text, the outcome is a result or the advisor's own error naming the
file, never another exception. Bounded for CI; ``bench/fuzz.py`` is the long run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.analysis.lint import lint
from advisor.base.yamlfile import parse_yaml
from advisor.core.advisor import Advisor
from advisor.errors import AdvisorError
from advisor.interview.files import read_resume
from advisor.interview.flow import Interview
from advisor.questionnaire.answers import check_answers

ADVISOR = Advisor.load()
QUESTIONS = [q.id for q in ADVISOR.questionnaire.questions()]
HOSTILE = [
    "2024-02-30", "!!int abc", "!!bool 0", "!!timestamp x", "!!float x", "!!set {a}", "!foo x",
    "0x" + "f" * 40, "9" * 4301, "9223372036854775808", "[" * 80 + "]" * 80, "&a [1, 2]", "*a",
    "'[/api] platform'", '"\\e]52;c;aGk=\\a"', '"\\x9b\\u202e"', "'  '", "{a: 1}", "~", "unknown",
    "[web, mobile]", "3", "-1", "true", "Shop", "'%%{init: {}}%%'", ".nan", "1e999",
]  # fmt: skip
VALUES = st.one_of(st.sampled_from(HOSTILE), st.integers(-10, 100).map(str), st.text(max_size=12).map(repr))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mapping(draw: st.DrawFn, keys: list[str], indent: str = "  ") -> list[str]:
    chosen = draw(st.lists(st.sampled_from(keys), max_size=8, unique=True))
    return [f"{indent}{key}: {draw(VALUES)}" for key in chosen]


@st.composite
def answers_files(draw: st.DrawFn) -> str:
    """An answers file's text with hostile values among valid ones."""
    lines = ["questionnaire: default", "answers:", "  system_name: Shop"]
    lines += _mapping(draw, [q for q in QUESTIONS if q != "system_name"])
    if draw(st.booleans()):
        lines += ["forces:", *_mapping(draw, sorted(ADVISOR.catalog.forces))]
    return "\n".join(lines) + "\n"


@st.composite
def resume_files(draw: st.DrawFn) -> str:
    """A resume file's text with hostile answers."""
    version = draw(st.sampled_from(["1", "2", "!!int x", "2024-02-30"]))
    lines = ["resume: default", f"questionnaire_version: {version}", "answers:"]
    return "\n".join(lines + _mapping(draw, QUESTIONS)) + "\n"


@st.composite
def pattern_files(draw: st.DrawFn) -> str:
    """A rule pack's pattern file with hostile fields."""
    return (
        f"id: fuzzed\nname: {{en: {draw(VALUES)}}}\ngroup: data-management\nlayer: application\n"
        f"summary: {{en: {draw(VALUES)}}}\nproblem: {{en: P?}}\ncontext: {{en: C.}}\nsolution: {{en: S.}}\n"
        f"forces:\n  - {{force: availability, effect: helps, strength: {draw(VALUES)}}}\n"
    )


def _located(exc: AdvisorError, name: str) -> None:
    assert str(exc).startswith(name), str(exc)


@SETTINGS
@given(answers_files())
def test_hostile_answers_give_a_result_or_a_located_error(text: str) -> None:
    try:
        answers = check_answers(parse_yaml(text, "fuzz.yaml"), ADVISOR.questionnaire, ADVISOR.catalog.forces)
    except AdvisorError as exc:
        _located(exc, "fuzz.yaml")
        return
    assert ADVISOR.advise(answers) == ADVISOR.advise(answers)


@SETTINGS
@given(resume_files())
def test_hostile_resume_files_give_a_state_or_a_located_error(tmp_path_factory: Any, text: str) -> None:
    path = tmp_path_factory.mktemp("resume") / "fuzz.resume.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        read_resume(path, Interview(ADVISOR.questionnaire, ADVISOR.catalog.forces))
    except AdvisorError as exc:
        _located(exc, str(path))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern_files())
def test_hostile_pack_files_give_findings_or_a_located_error(tmp_path_factory: Any, text: str) -> None:
    pack = Path(tmp_path_factory.mktemp("pack"))
    (pack / "patterns").mkdir()
    (pack / "patterns" / "fuzzed.yaml").write_text(text, encoding="utf-8")
    try:
        findings = lint([pack])
    except AdvisorError as exc:
        _located(exc, str(pack))
        return
    assert all(str(f).startswith(f.path) for f in findings)
