"""A rule pack whose successor chain is as long as asked: each pattern raises an issue that
only the next one resolves. A thousand links once overflowed the stack of lint and renderers."""

from __future__ import annotations

from pathlib import Path


def write_chain_pack(folder: Path, length: int) -> Path:
    """Write a pack of ``length`` chained patterns (``chain-0`` recommended always) into ``folder``."""
    (folder / "patterns").mkdir(parents=True)
    (folder / "issues").mkdir()
    (folder / "applicability").mkdir()
    issues = []
    for index in range(length):
        raised = f"resulting_context:\n  issues: [chain-issue-{index}]\n" if index + 1 < length else ""
        (folder / "patterns" / f"chain-{index}.yaml").write_text(
            f"id: chain-{index}\nname: {{en: Chain {index}}}\ngroup: data-management\nlayer: application\n"
            f"summary: {{en: Link {index}.}}\nproblem: {{en: P?}}\n"
            "context: {en: C.}\nsolution: {en: S.}\n"
            f"forces:\n  - {{force: availability, effect: helps, strength: 1}}\n{raised}",
            encoding="utf-8",
        )
        if index + 1 < length:
            issues.append(
                f"  - id: chain-issue-{index}\n    title: {{en: Issue {index}}}\n"
                f"    description: {{en: D.}}\n    resolved_by: [chain-{index + 1}]\n"
            )
    (folder / "issues" / "chain.yaml").write_text("issues:\n" + "".join(issues), encoding="utf-8")
    (folder / "applicability" / "chain.yaml").write_text(
        "rules:\n  - id: chain-start\n    pattern: chain-0\n    weight: 3\n"
        "    when: {answer: team_count, gte: 1}\n    reason: {en: Always.}\n",
        encoding="utf-8",
    )
    return folder
