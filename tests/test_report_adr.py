"""Decision records: one MADR per key decision, and re-runs into a folder people work in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli.app import cli
from advisor.core.advisor import Advisor
from advisor.report.adr import key_decisions, render_adrs
from advisor.report.adr_folder import MANIFEST, front_matter_status
from advisor.report.model import build_report
from conftest import ROOT

ENTERPRISE = str(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
STARTUP = str(ROOT / "examples" / "startup-mvp.yaml")
STYLE = "0001-microservice-architecture.md"


def _adr(runner: CliRunner, answers: str, out: Path, *extra: str) -> str:
    result = runner.invoke(cli, ["report", answers, "--format", "adr", "--output", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.stderr


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_one_record_per_key_decision_with_the_options_weighed(advisor: Advisor) -> None:
    result = advisor.advise(advisor.read_answers(Path(ENTERPRISE)))
    report = build_report(result, advisor.catalog, advisor.questionnaire)
    records = render_adrs(report)
    decisions = key_decisions(report)
    assert len(records) == len(decisions) + 1  # and the index
    assert len({d.id for d in decisions}) == len(decisions)
    style = records[STYLE]
    assert front_matter_status(style) == "proposed"
    assert "\n# 1. Architecture style: Microservice architecture\n" in style
    options = style.split("## Considered options\n\n")[1].split("\n\n")[0]
    assert options == "1. Microservice architecture — **Chosen**\n2. Monolithic architecture — in place today"
    # the rejected option with its why, and the consequences linked to their own records
    today = "### Monolithic architecture\n\nIn place today; to reconsider because the rules advise against it"
    assert today in style
    assert "- Database per service: resolves “Services need a database architecture”" in style
    assert "(see [ADR-" in style.split("Patterns this decision brings:")[1]
    # one decision per record: the title names one pattern
    for name, text in records.items():
        if name != "index.md":
            assert text.count("**Chosen**") == 1, name


def test_date_and_deciders_come_from_the_answers(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    text = Path(ENTERPRISE).read_text(encoding="utf-8")
    text = text.replace("date: '2026-11-02'", "date: 2027-01-15").replace(
        "  deciders: Architecture board (chief architect, heads of platform and commerce)",
        "  deciders: Architecture board",
    )
    answers.write_text(text, encoding="utf-8")
    out = tmp_path / "adr"
    _adr(runner, str(answers), out)
    head = (out / STYLE).read_text(encoding="utf-8").split("\n# ")[0]
    assert head == "---\nstatus: proposed\ndate: 2027-01-15\ndeciders: Architecture board\n---\n"
    first = _files(out)
    _adr(runner, str(answers), tmp_path / "again")
    assert _files(tmp_path / "again") == first  # same input, same bytes


def test_a_rerun_keeps_accepted_records_and_files_it_did_not_write(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "adr"
    _adr(runner, ENTERPRISE, out)
    style = out / STYLE
    accepted = style.read_text(encoding="utf-8").replace("status: proposed", "status: accepted", 1)
    accepted += "\nAccepted by the board on 2026-12-01.\n"
    style.write_text(accepted, encoding="utf-8")
    (out / "notes.txt").write_text("hand-written notes", encoding="utf-8")
    before = _files(out)

    said = _adr(runner, ENTERPRISE, out)
    after = _files(out)
    assert after.pop("index.md") != before.pop("index.md")  # it now shows the status a person set
    assert after == before  # every record, the manifest and the notes byte for byte
    assert "kept as they are" in said
    index = (out / "index.md").read_text(encoding="utf-8")
    assert f"| [0001]({STYLE}) | Architecture style: Microservice architecture | accepted |" in index


def test_a_changed_decision_supersedes_the_old_record(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "adr"
    _adr(runner, ENTERPRISE, out)
    numbers = len([n for n in _files(out) if n[:4].isdigit()])
    style = out / STYLE
    style.write_text(
        style.read_text(encoding="utf-8").replace("status: proposed", "status: accepted"), "utf-8"
    )
    (out / "notes.txt").write_text("hand-written notes", encoding="utf-8")

    # The same folder, now for a system whose answers call for a monolith.
    said = _adr(runner, STARTUP, out)
    new = f"{numbers + 1:04d}-monolithic-architecture.md"
    assert (
        front_matter_status(style.read_text(encoding="utf-8"))
        == f"superseded by [ADR-{numbers + 1:04d}]({new})"
    )
    assert style.read_text(encoding="utf-8").count("\n") > 20  # only the status line changed
    record = (out / new).read_text(encoding="utf-8")
    assert front_matter_status(record) == "proposed"
    assert f"- Supersedes [ADR-0001]({STYLE})" in record
    assert (out / "notes.txt").read_text(encoding="utf-8") == "hand-written notes"
    assert "1 marked superseded by a new record" in said
    # Proposals no longer advised are deprecated, not deleted.
    database = next(out.glob("*-database-per-service.md"))
    assert front_matter_status(database.read_text(encoding="utf-8")) == "deprecated"
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert [r["number"] for r in manifest["records"]] == list(range(1, numbers + 2))


def test_hand_edited_proposals_are_rewritten_only_with_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "adr"
    _adr(runner, ENTERPRISE, out)
    pristine = (out / STYLE).read_text(encoding="utf-8")
    (out / STYLE).write_text(pristine + "\nA note from the team.\n", encoding="utf-8")
    said = _adr(runner, ENTERPRISE, out)
    assert "edited by a person" in said
    assert (out / STYLE).read_text(encoding="utf-8").endswith("A note from the team.\n")
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    _adr(runner, ENTERPRISE, out, "--force")
    assert (out / STYLE).read_text(encoding="utf-8") == pristine
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep"
    assert out.is_dir()


def test_a_folder_of_other_files_needs_force_and_keeps_them(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "0001-use-postgres.md").write_text("# 1. Use PostgreSQL\n", encoding="utf-8")
    (out / "index.md").write_text("our own index\n", encoding="utf-8")
    result = runner.invoke(cli, ["report", ENTERPRISE, "--format", "adr", "--output", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {out}: holds files the advisor did not write; pass --force")
    assert sorted(p.name for p in out.iterdir()) == ["0001-use-postgres.md", "index.md"]

    said = _adr(runner, ENTERPRISE, out, "--force")
    names = sorted(p.name for p in out.iterdir())
    assert "0002-microservice-architecture.md" in names  # numbered after the records already there
    assert (out / "0001-use-postgres.md").read_text(encoding="utf-8") == "# 1. Use PostgreSQL\n"
    assert (out / "index.md").read_text(encoding="utf-8") == "our own index\n"
    assert "index.md left alone" in said


def test_records_can_go_into_the_current_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _adr(runner, STARTUP, Path())
    _adr(runner, STARTUP, Path())
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        MANIFEST,
        "0001-monolithic-architecture.md",
        "0002-service-instance-per-container.md",
        "index.md",
    ]


def test_a_damaged_manifest_is_an_error_not_a_guess(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "adr"
    _adr(runner, STARTUP, out)
    for bad in ("not json", '{"records": [{"file": "../../etc/passwd"}]}'):
        (out / MANIFEST).write_text(bad, encoding="utf-8")
        result = runner.invoke(cli, ["report", STARTUP, "--format", "adr", "--output", str(out)])
        assert result.exit_code == 2
        assert result.stderr.startswith(
            f"error: {out / MANIFEST}: not a manifest of advisor decision records"
        )


def test_korean_records_keep_machine_readable_front_matter(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "adr"
    said = _adr(runner, ENTERPRISE, out, "--lang", "ko")
    text = (out / STYLE).read_text(encoding="utf-8")
    assert text.startswith("---\nstatus: proposed\ndate: 2026-11-02\n")
    assert "\n---\n\n# 1. 아키텍처 스타일: " in text
    assert "## 검토한 선택지" in text and "이 결정이 가져오는 패턴" in text
    assert "| 제안됨 |" in (out / "index.md").read_text(encoding="utf-8")
    assert "개 추가" in said
