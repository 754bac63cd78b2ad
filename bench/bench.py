"""Benchmarks of the advisor, each beside a paired baseline measured in the same run.

Run from the repository root (with the project installed):  python bench/bench.py [--write]
With --write the results replace the table in docs/benchmarks.md.

Whole-process figures alternate the subject and its baseline run by run (median of N
pairs, wall clock and CPU time of the child); in-process figures use the CPU clock of
this process, so other load on the machine disturbs them less. Targets are recorded,
never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _advisor_command() -> list[str]:
    """How a user starts the advisor: the console script next to this interpreter."""
    script = Path(sys.executable).parent / "advisor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "advisor"]


def _run(command: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) milliseconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def paired(
    subject: Sequence[str], baseline: Sequence[str], runs: int, env: dict[str, str] | None = None
) -> dict[str, float]:
    """Median wall/CPU ms of ``subject`` and ``baseline``, run alternately ``runs`` times each."""
    _run(subject, env), _run(baseline, env)  # warm the file cache and the compiled-catalog cache
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for index, command in enumerate((subject, baseline)):
            wall, cpu = _run(command, env)
            walls[index].append(wall)
            cpus[index].append(cpu)
    return {
        "wall": statistics.median(walls[0]),
        "base_wall": statistics.median(walls[1]),
        "cpu": statistics.median(cpus[0]),
        "base_cpu": statistics.median(cpus[1]),
    }


def _cpu_ms(func: Callable[[], object], runs: int) -> list[float]:
    """CPU milliseconds of each of ``runs`` calls of ``func``."""
    samples = []
    for _ in range(runs):
        start = time.process_time()
        func()
        samples.append((time.process_time() - start) * 1000)
    return samples


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _never_firing(advisor: object, count: int) -> dict[str, list[tuple[object, ...]]]:
    """``count`` two-leaf clauses on force weights no answer can have (weights are 0-5)."""
    from advisor.catalog.conditions import ForceTest  # noqa: PLC0415

    forces = sorted(advisor.catalog.forces)  # type: ignore[attr-defined]
    clauses: dict[str, list[tuple[object, ...]]] = {}
    for index in range(count):
        first = ForceTest.model_validate({"force": forces[index % len(forces)], "gt": 6 + index % 50})
        second = ForceTest.model_validate(
            {"force": forces[(index // 50) % len(forces)], "gte": 60 + (index // len(forces)) % 50}
        )
        clauses[f"zz-never-{index:04d}"] = [(first, second)]
    return clauses


Row = tuple[str, str, str, str, str]


def _floor_agrees(advisor: Any, floor_rules: Any, floor_advise: Callable[..., object]) -> int:
    """Check that the floor recommends what the advisor does for every example and every
    what-if variation of each; how many answers were compared."""
    from advisor.analysis.trial import Trial  # noqa: PLC0415
    from advisor.analysis.whatif import _changes  # noqa: PLC0415

    compared = 0
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        answers = advisor.read_answers(path)
        trial = Trial(advisor, answers)
        variations = [trial.answers_with([change]) for change in _changes(advisor, answers)]
        for checked in [answers, *(v for v in variations if v is not None)]:
            assert floor_advise(advisor, floor_rules, checked) == advisor.advise(checked), path.name
            compared += 1
    return compared


def measure(runs: int, long_run: int) -> list[Row]:
    """Every measure, as (what, result, baseline, ratio, target) rows."""
    from floor import FloorRules, floor_advise  # noqa: PLC0415

    from advisor.analysis.whatif import what_if  # noqa: PLC0415 - after sys.path is set
    from advisor.core.advisor import Advisor  # noqa: PLC0415
    from advisor.core.engine import MAX_RULES  # noqa: PLC0415

    rows: list[Row] = []
    advisor_cmd = _advisor_command()
    bare = [sys.executable, "-c", "pass"]

    helped = paired([*advisor_cmd, "--help"], bare, runs)
    clicked = paired([sys.executable, "-c", "import click"], bare, runs)
    rows.append(
        (
            "`advisor --help`",
            f"{helped['wall']:.0f} ms wall, {helped['cpu']:.0f} ms CPU",
            f"`python -c pass` {helped['base_wall']:.0f} ms wall, {helped['base_cpu']:.0f} ms CPU; "
            f"`import click` {clicked['wall']:.0f} ms wall",
            f"{helped['wall'] / helped['base_wall']:.1f}× "
            f"(CPU {helped['cpu'] / max(helped['base_cpu'], 1):.1f}×)",
            "≤ 5× bare interpreter",
        )
    )
    libraries = [sys.executable, "-c", "import yaml, pydantic, rich"]
    cold = paired([*advisor_cmd, "recommend", str(EXAMPLE), "--json"], libraries, runs)
    rows.append(
        (
            "cold `advisor recommend enterprise --json` (compiled catalog cached)",
            f"{cold['wall']:.0f} ms wall, {cold['cpu']:.0f} ms CPU",
            f"`import yaml, pydantic, rich` {cold['base_wall']:.0f} ms wall, {cold['base_cpu']:.0f} ms CPU",
            f"{cold['wall'] / cold['base_wall']:.1f}× (CPU {cold['cpu'] / cold['base_cpu']:.1f}×)",
            "≤ 200 ms, ≤ 4× libraries",
        )
    )
    no_cache = paired(
        [*advisor_cmd, "recommend", str(EXAMPLE), "--json"],
        libraries,
        max(3, runs // 3),
        env={**os.environ, "ADVISOR_NO_CACHE": "1"},
    )
    rows.append(
        (
            "the same with the cache turned off (`ADVISOR_NO_CACHE=1`)",
            f"{no_cache['wall']:.0f} ms wall, {no_cache['cpu']:.0f} ms CPU",
            f"libraries {no_cache['base_wall']:.0f} ms wall",
            f"{no_cache['wall'] / no_cache['base_wall']:.1f}×",
            "—",
        )
    )

    start = time.process_time()
    advisor = Advisor.load()
    load_ms = (time.process_time() - start) * 1000
    big = advisor.read_answers(EXAMPLE)
    floor_rules = FloorRules(advisor.clauses)
    agreed = _floor_agrees(advisor, floor_rules, floor_advise)
    _cpu_ms(lambda: advisor.advise(big), 200)  # warm up
    single: list[float] = []
    floor: list[float] = []
    for _ in range(10):  # interleaved blocks, so drifting load hits both alike
        single += _cpu_ms(lambda: advisor.advise(big), 200)
        floor += _cpu_ms(lambda: floor_advise(advisor, floor_rules, big), 200)
    median, floor_median = statistics.median(single), statistics.median(floor)
    rows.append(
        (
            "one assessment, enterprise example (2,000 runs, CPU)",
            f"median {median:.2f} ms, p99 {_percentile(single, 0.99):.2f} ms",
            f"plain-Python matching, same agenda: median {floor_median:.2f} ms, "
            f"p99 {_percentile(floor, 0.99):.2f} ms",
            f"{median / floor_median:.2f}× (the floor agrees on {agreed} answers)",
            "≤ 2.5 ms median, ≤ 5 ms p99, ≤ 1.3× floor",
        )
    )

    tried = what_if(advisor, big).tried
    whatif_ms = statistics.median(_cpu_ms(lambda: what_if(advisor, big), 7))
    rows.append(
        (
            "`whatif`, enterprise example (in process, CPU, median of 7)",
            f"{whatif_ms:.0f} ms",
            f"{tried} re-assessments × {median:.2f} ms = {tried * median:.0f} ms",
            f"{whatif_ms / (tried * median):.2f}×",
            "≤ 100 ms",
        )
    )

    bundled_clauses = sum(len(c) for c in advisor.clauses.values())
    grown = Advisor(
        advisor.catalog,
        advisor.questionnaire,
        clauses={**advisor.clauses, **_never_firing(advisor, MAX_RULES - bundled_clauses)},  # type: ignore[dict-item]
    )
    assert grown.advise(big) == advisor.advise(big)
    _cpu_ms(lambda: grown.advise(big), 100)
    at_limit = statistics.median(_cpu_ms(lambda: grown.advise(big), 1000))
    rows.append(
        (
            f"one assessment with rules that never fire up to the pack limit "
            f"({bundled_clauses} → {MAX_RULES:,} clauses, CPU)",
            f"median {at_limit:.2f} ms",
            f"bundled catalog: median {median:.2f} ms",
            f"{at_limit / median:.2f}×",
            "≤ 2×",
        )
    )

    rss_before = _rss_mb()
    answers = [advisor.read_answers(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    checkpoints = []
    for index in range(long_run):
        advisor.advise(answers[index % len(answers)])
        if (index + 1) % (long_run // 5) == 0:
            checkpoints.append(_rss_mb())
    rows.append(
        (
            f"RSS over {long_run:,} assessments in one process",
            f"{rss_before:.1f} MB → " + ", ".join(f"{c:.1f}" for c in checkpoints) + " MB",
            "—",
            "—",
            "flat",
        )
    )
    rows.append(
        (
            "catalog",
            f"{len(advisor.catalog.patterns)} patterns, {len(advisor.catalog.rules)} rules "
            f"({bundled_clauses} engine clauses); load + compile in process {load_ms:.0f} ms CPU",
            "—",
            "—",
            "—",
        )
    )
    return rows


def main() -> None:
    """Measure, print the table, and with --write put it into docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--runs", type=int, default=15, help="pairs of runs per whole-process measure")
    parser.add_argument("--long", type=int, default=5_000, help="assessments in the memory run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ADVISOR_CACHE_DIR"] = cache  # a cache of this run only, warmed by the first run
        # An installed package has its bytecode compiled (pip writes it); without it every
        # child process would compile the advisor's modules again, about 100 ms per run.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        rows = measure(args.runs, args.long)
    load = os.getloadavg()
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} ({os.cpu_count()} CPUs, "
        f"load average {load[0]:.1f} at the end), {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}; {args.runs} paired runs per process measure."
    )
    table = "| measure | result | paired baseline | ratio | target |\n| --- | --- | --- | --- | --- |\n"
    table += "\n".join("| " + " | ".join(row) + " |" for row in rows)
    print(header)
    print(table)
    if args.write:
        doc = ROOT / "docs" / "benchmarks.md"
        text = doc.read_text(encoding="utf-8")
        begin, end = "<!-- results:begin -->", "<!-- results:end -->"
        before, rest = text.split(begin)
        _, after = rest.split(end)
        doc.write_text(f"{before}{begin}\n{header}\n\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
