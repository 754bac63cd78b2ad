"""Benchmarks of the advisor: cold CLI start, per-assessment time, throughput, memory.

Run from the repository root:  python bench/bench.py [--write]
With --write the results replace the table in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "enterprise-escaping-monolith.yaml"


def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cold_cli(runs: int) -> list[float]:
    """Wall time of `advisor recommend EXAMPLE --json` in a new process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "advisor", "recommend", str(EXAMPLE), "--json"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        times.append(time.perf_counter() - start)
    return times


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _timed_ms(func: Callable[[], object], runs: int) -> list[float]:
    """Wall time of ``runs`` calls of ``func``, in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def measure(long_run: int) -> list[tuple[str, str]]:
    """Every measure, as (what, result) rows."""
    sys.path.insert(0, str(ROOT / "src"))
    from advisor.analysis.whatif import what_if  # noqa: PLC0415
    from advisor.core.advisor import Advisor  # noqa: PLC0415 - after sys.path is set
    from advisor.report.export import render_report  # noqa: PLC0415

    start = time.perf_counter()
    advisor = Advisor.load()
    load_ms = (time.perf_counter() - start) * 1000
    catalog = advisor.catalog
    answers = [advisor.read_answers(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    big = advisor.read_answers(EXAMPLE)

    _timed_ms(lambda: advisor.advise(big), 100)  # warm up
    single = _timed_ms(lambda: advisor.advise(big), 1000)
    t0 = time.perf_counter()
    for index in range(1000):
        advisor.advise(answers[index % len(answers)])
    throughput = 1000 / (time.perf_counter() - t0)

    result = advisor.advise(big)
    renders = {
        fmt: statistics.median(
            _timed_ms(
                lambda fmt=fmt: render_report(result, advisor.catalog, advisor.questionnaire, fmt, "en"), 20
            )
        )
        for fmt in ("md", "html", "json", "adr")
    }
    tried = what_if(advisor, big).tried
    whatif_ms = statistics.median(_timed_ms(lambda: what_if(advisor, big), 5))

    rss_before = _rss_mb()
    checkpoints = []
    for index in range(long_run):
        advisor.advise(answers[index % len(answers)])
        if (index + 1) % (long_run // 5) == 0:
            checkpoints.append(_rss_mb())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cold = sorted(cold_cli(5))
    clause_count = sum(len(c) for c in advisor.clauses.values())
    return [
        (
            "catalog",
            f"{len(catalog.patterns)} patterns, {len(catalog.issues)} issues, "
            f"{len(catalog.rules)} rules ({clause_count} engine clauses)",
        ),
        ("load catalog + compile + register rules (in process)", f"{load_ms:.0f} ms"),
        (
            "cold `advisor recommend enterprise --json` (median of 5)",
            f"{statistics.median(cold) * 1000:.0f} ms (min {cold[0] * 1000:.0f}, max {cold[-1] * 1000:.0f})",
        ),
        (
            "one assessment, enterprise example (median / p95 of 1,000)",
            f"{statistics.median(single):.2f} ms / {_percentile(single, 0.95):.2f} ms",
        ),
        ("throughput, 1,000 assessments over all examples", f"{throughput:.0f} assessments/s"),
        (
            "report rendering, enterprise example (median of 20)",
            ", ".join(f"{fmt} {ms:.1f} ms" for fmt, ms in renders.items()),
        ),
        (
            f"`whatif` sensitivity, enterprise example ({tried} single changes, median of 5)",
            f"{whatif_ms:.0f} ms",
        ),
        (
            f"RSS over {long_run:,} assessments (start → checkpoints)",
            f"{rss_before:.1f} MB → " + ", ".join(f"{c:.1f}" for c in checkpoints) + " MB",
        ),
        ("peak RSS of the benchmark process", f"{peak_mb:.1f} MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--long", type=int, default=10_000, help="assessments in the memory run")
    args = parser.parse_args()
    rows = measure(args.long)
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} ({resource.getpagesize()}-byte pages)."
    )
    table = "| measure | result |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)
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
