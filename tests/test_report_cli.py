"""``advisor report``: formats, output files, refusal to overwrite, safe ADR file names."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.report.adr_folder import MANIFEST
from conftest import ROOT

STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")
ENTERPRISE = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")


def test_markdown_goes_to_stdout_by_default(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", STARTUP])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Architecture recommendation: Pantry Pal\n")
    assert "```mermaid\nflowchart LR\n" in result.stdout
    assert result.stderr == ""


def test_each_format_writes_its_file_and_says_so(runner: CliRunner, tmp_path: Path) -> None:
    for fmt, name in (("md", "r.md"), ("html", "r.html"), ("json", "r.json")):
        out = tmp_path / name
        result = runner.invoke(cli, ["report", ENTERPRISE, "--format", fmt, "--output", str(out)])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert result.stderr == f"wrote {out}\n"
        assert out.stat().st_mode & 0o044 == 0o044, "a report must be readable by others"
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["system"] == "Nordwind Retail Platform"
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_existing_file_is_not_overwritten_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, ["report", STARTUP, "--output", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {out}: already exists; pass --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(cli, ["report", STARTUP, "--output", str(out), "--force"])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Architecture recommendation: Pantry Pal")


def test_adr_needs_an_output_folder(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", STARTUP, "--format", "adr"])
    assert result.exit_code == 2
    assert result.stderr == "error: --format adr writes a folder of records; name it with --output FOLDER\n"
    assert result.stdout == ""


def test_adr_file_names_never_come_from_answers(
    runner: CliRunner, tmp_path: Path, write: Callable[[str, str], Path]
) -> None:
    answers = write(
        "evil.yaml",
        "questionnaire: default\nanswers:\n  system_name: ../../escape/../x|y\\z <b>\n  team_count: 12\n",
    )
    out = tmp_path / "records"
    result = runner.invoke(cli, ["report", str(answers), "--format", "adr", "--output", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert all(re.fullmatch(r"\d{4}-[a-z0-9-]+\.md", n) for n in names if n not in {"index.md", MANIFEST})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.yaml", "records"]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "# Architecture decision records: ../../escape/../x\\|y\\\\z \\<b\\>\n" in index


def test_korean_report(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", STARTUP, "--lang", "ko"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# 아키텍처 추천: Pantry Pal\n")
    for heading in ("## 요약", "## 추천 패턴", "## 후속 패턴 그래프", "## 다음 단계"):
        assert f"\n{heading}\n" in result.stdout


def test_set_overrides_an_answer(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["report", STARTUP, "--format", "json", "--set", "system_name=Renamed"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["system"] == "Renamed"


def test_missing_answers_file_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = runner.invoke(cli, ["report", str(missing), "--output", str(tmp_path / "r.md")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {missing}")
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.md").exists()


def test_output_that_is_a_folder_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["report", STARTUP, "--output", str(tmp_path), "--force"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: is a folder; give a file name\n"
