"""A long fuzz run of hostile inputs: answers files, resume files and rule-pack pattern files.

Each input is YAML text mixing valid answers with the classes that once broke the advisor
(values PyYAML cannot build, huge integers, deep nesting, aliases, markup, control
characters, wrong types). Every input must end in a result or the advisor's own located
error; anything else (another exception, a crash of the process, a hang) is counted and
printed. The engine part runs in child processes, so a crash in the C extension is caught
as a broken worker instead of ending the run. Run from the repository root:

    python bench/fuzz.py 100000          # count, then optional --seed and --workers

The count and outcome of the last recorded run are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

SCALARS = [
    "2024-02-30",
    "!!int abc",
    "!!bool 0",
    "!!timestamp x",
    "!!float x",
    "!!binary ???",
    "!!set {a}",
    "0x" + "f" * 40,
    "9" * 30,
    "-" + "9" * 20,
    "9223372036854775807",
    "9223372036854775808",
    "[" * 70 + "]" * 70,
    "{a: 1}",
    "~",
    "unknown",
    "-1",
    "0",
    "3",
    "12",
    "''",
    ".inf",
    ".nan",
    "!foo x",
    "*nowhere",
    "'[/api] platform'",
    '"\\e]52;c;aGk=\\a"',
    '"\\x9b2J\\u202e"',
    "yes",
    "no",
    "true",
    "false",
    "[web, mobile]",
    "[web, web]",
    "[]",
    "'  '",
    "Shop",
    "'Orders [legacy] ERP'",
    "'%%{init: {}}%%'",
    '"a\\tb\\nc"',
    "1e999",
    "0o17",
    "0b101",
    "1_000",
    "2001-01-01",
]
REQUIRED: list[str] = []
KEYS = ["system_name", "team_count", "client_kinds", "domain_complexity", "regulated", "zzz", "team_cuont"]


TEXTS = ["Shop", "Orders [/api] platform", "Replaces the [legacy] ERP", "\\e]52;c;aGk=\\a", "\\x9b\\u202e x"]


def valid_values(advisor: Any) -> dict[str, list[str]]:
    """For each question, YAML texts of answers it accepts."""
    values: dict[str, list[str]] = {}
    for question in advisor.questionnaire.questions():
        choices = [c.value for c in question.choices]
        kind = question.type.value
        if kind == "select":
            values[question.id] = choices
        elif kind == "multiselect":
            values[question.id] = ["[" + ", ".join(choices[: n + 1]) + "]" for n in range(len(choices))]
        elif kind == "confirm":
            values[question.id] = ["true", "false"]
        elif kind == "integer":
            low, high = question.minimum or 0, question.maximum or 1000
            values[question.id] = [str(v) for v in {low, high, (low + high) // 2}]
        else:
            values[question.id] = [f'"{text}"' for text in TEXTS]
    return values


def _value(rng: random.Random, valid: list[str]) -> str:
    roll = rng.random()
    if roll < 0.03:
        return "&x [1, 2]"
    if roll < 0.05:
        return "*x"
    if roll < 0.12 or not valid:
        return rng.choice(SCALARS)
    return rng.choice(valid)


def answers_text(rng: random.Random, questions: dict[str, list[str]], forces: list[str]) -> str:
    """An answers file: mostly valid shape, with hostile values and keys mixed in."""
    lines = ["questionnaire: default"]
    if rng.random() < 0.2:
        version = rng.choice(["1", "99", "-1", '"1"', "0x1"])
        lines.append(f"questionnaire_version: {version}")
    lines.append("answers:")
    keys = sorted({*REQUIRED, *rng.sample(sorted(questions), k=min(len(questions), rng.randint(0, 10)))})
    if rng.random() < 0.3:
        keys += rng.sample(KEYS, k=1)
    for key in keys:
        lines.append(f"  {key}: {_value(rng, questions.get(key, []))}")
    if rng.random() < 0.5:
        lines.append("forces:")
        for force in rng.sample(forces, k=min(len(forces), rng.randint(1, 4))):
            lines.append(f"  {force}: {rng.choice(['0', '5', '6', '-1', '3', '!!int x', '2024-02-30'])}")
    if rng.random() < 0.05:
        lines.append("bomb: &b [" + ", ".join(["*x"] * 9) + "]")
    return "\n".join(lines) + "\n"


def resume_text(rng: random.Random, questions: dict[str, list[str]]) -> str:
    """A resume file with hostile answers and fields."""
    lines = ["resume: default", f"questionnaire_version: {rng.choice(['1', '1', '2', '!!int x'])}"]
    if rng.random() < 0.3:
        lines.append(f"at: {rng.choice([*questions, 'nowhere', '2024-02-30'])}")
    lines.append("answers:")
    for key in rng.sample(sorted(questions), k=min(len(questions), rng.randint(0, 5))):
        lines.append(f"  {key}: {_value(rng, questions[key])}")
    return "\n".join(lines) + "\n"


PATTERN = (
    "id: fuzzed\nname: {{en: {name}}}\ngroup: data-management\nlayer: application\n"
    "summary: {{en: {summary}}}\nproblem: {{en: P?}}\ncontext: {{en: C.}}\nsolution: {{en: S.}}\n"
    "forces:\n  - {{force: availability, effect: helps, strength: {strength}}}\n"
)


def pattern_text(rng: random.Random) -> str:
    """A rule-pack pattern file with hostile fields."""
    return PATTERN.format(
        name=rng.choice(SCALARS), summary=rng.choice(SCALARS), strength=rng.choice(["1", "3", "9", "!!int x"])
    )


_ADVISOR: Any = None


def _check(kind: str, text: str) -> str:
    """One input's outcome: 'result', 'refused' (a located error) or 'WRONG: ...'."""
    from advisor.base.yamlfile import parse_yaml, validate  # noqa: PLC0415 - in the worker
    from advisor.catalog.models import PatternFile  # noqa: PLC0415
    from advisor.errors import AdvisorError  # noqa: PLC0415
    from advisor.interview.files import ResumeFile  # noqa: PLC0415

    name = f"fuzz.{kind}.yaml"
    try:
        doc = parse_yaml(text, name)
        if kind == "answers":
            from advisor.questionnaire.answers import check_answers  # noqa: PLC0415

            answers = check_answers(doc, _ADVISOR.questionnaire, _ADVISOR.catalog.forces)
            _ADVISOR.advise(answers)
        elif kind == "resume":
            validate(doc, ResumeFile)
        else:
            validate(doc, PatternFile)
    except AdvisorError as exc:
        return "refused" if str(exc).startswith(name) else f"WRONG: unlocated {str(exc)[:80]!r}"
    except Exception as exc:  # counting anything else is the point of the run
        return f"WRONG: {type(exc).__name__}: {exc!s:.80}"
    return "result"


def _worker_init() -> None:
    global _ADVISOR  # noqa: PLW0603 - one advisor per worker process
    from advisor.core.advisor import Advisor  # noqa: PLC0415

    _ADVISOR = Advisor.load()


def _run_chunk(items: list[tuple[str, str]]) -> Counter[str]:
    return Counter(_check(kind, text) for kind, text in items)


def main() -> None:
    """Generate the inputs, check them in worker processes, print the tally."""
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from advisor.core.advisor import Advisor  # noqa: PLC0415

    advisor = Advisor.load()
    questions = valid_values(advisor)
    REQUIRED.extend(q.id for q in advisor.questionnaire.questions() if q.required)
    forces = sorted(advisor.catalog.forces)
    rng = random.Random(args.seed)
    inputs: list[tuple[str, str]] = []
    for _ in range(args.count):
        roll = rng.random()
        if roll < 0.8:
            inputs.append(("answers", answers_text(rng, questions, forces)))
        elif roll < 0.9:
            inputs.append(("resume", resume_text(rng, questions)))
        else:
            inputs.append(("pattern", pattern_text(rng)))
    chunks = [inputs[i : i + 500] for i in range(0, len(inputs), 500)]
    tally: Counter[str] = Counter()
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers, initializer=_worker_init) as pool:
        try:
            for result in pool.map(_run_chunk, chunks):
                tally.update(result)
        except BrokenProcessPool:
            tally["WRONG: a worker process crashed"] += 1
    elapsed = time.perf_counter() - start
    kinds = Counter(kind for kind, _ in inputs)
    mix = ", ".join(f"{n:,} {k}" for k, n in sorted(kinds.items()))
    print(f"{len(inputs):,} inputs ({mix}) in {elapsed:.0f} s")
    for outcome, count in sorted(tally.items(), key=lambda kv: -kv[1]):
        print(f"  {count:>8,}  {outcome}")
    if any(outcome.startswith("WRONG") for outcome in tally):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
