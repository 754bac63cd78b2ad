"""The report as a folder of MADR-style architecture decision records, plus an index.

One record per key decision: each group of the pattern language with a
recommended pattern (architecture style, decomposition, data management,
transactional messaging, external API, deployment, ...). Records are
``proposed``: a person accepts them. File names are built from catalog ids
only, never from answer text.
"""

from __future__ import annotations

import re

from advisor.report.labels import label
from advisor.report.markdown import md
from advisor.report.view import ContextAnswer, GroupBlock, PatternEntry, Report

INDEX = "index.md"
_UNSAFE = re.compile(r"[^a-z0-9]+")


def adr_file_name(number: int, group_id: str) -> str:
    """``0001-architecture-style.md``: a number and a catalog id reduced to ``[a-z0-9-]``."""
    slug = _UNSAFE.sub("-", group_id.lower()).strip("-") or "decision"
    return f"{number:04d}-{slug[:60]}.md"


def _continue(text: str) -> str:
    """A sentence continued after "because": its first word lower-cased unless it is an acronym."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _link(name: str) -> str:
    return f"[{name}]({name})"


class _Records:
    def __init__(self, report: Report) -> None:
        self.report, self.lang = report, report.lang
        self.files = {g.id: adr_file_name(n, g.id) for n, g in enumerate(report.groups, 1)}
        self.file_of = {p.id: self.files[p.group] for p in report.patterns()}
        self.answers: dict[str, ContextAnswer] = {
            a.question: a for section in report.context for a in section.answers
        }

    def l(self, key: str, **values: object) -> str:  # noqa: E743 - short name keeps the templates readable
        return label(key, self.lang, **values)

    def see(self, pattern_id: str, current: str) -> str:
        target = self.file_of.get(pattern_id)
        return f" ({self.l('adr_see', ref=_link(target))})" if target and target != current else ""

    def context(self, group: GroupBlock) -> list[str]:
        lines = [f"## {self.l('adr_context')}", "", md(group.description), ""]
        for pattern in group.patterns:
            lines.append(f"- **{md(pattern.name)}**: {md(pattern.problem)}")
            for item in pattern.explanation:
                if item.kind == "successor" and item.predecessor and item.issue_title:
                    raised = self.l("adr_raised_by", patterns=md(item.predecessor.name))
                    lines.append(f"  - “{md(item.issue_title)}” — {raised}")
        lines.append("")
        used = sorted(
            {q for p in group.patterns for q in p.answers if q in self.answers},
            key=list(self.answers).index,
        )
        if used:
            lines += [f"{self.l('adr_answers')}:", ""]
            lines += [f"- {md(self.answers[q].prompt)} **{md(self.answers[q].display)}**" for q in used]
            lines.append("")
        return lines

    def drivers(self, group: GroupBlock) -> list[str]:
        chosen = {p.id for p in group.patterns}
        rows = [r for r in self.report.matrix.rows if r.pattern.id in chosen]
        lines = [f"## {self.l('adr_drivers')}", ""]
        for force in self.report.matrix.forces:
            effects = [
                f"{md(r.pattern.name)} {c.signed()}" for r in rows for c in r.cells if c.force == force.id
            ]
            if effects and force.weight > 0:
                weight = f"{self.l('weight').lower()} {force.weight}"
                lines.append(f"- **{md(force.name)}** ({weight}): {', '.join(effects)}")
        if len(lines) == 2:
            lines.append(f"- {self.l('none')}")
        return [*lines, ""]

    def options(self, group: GroupBlock) -> tuple[list[str], list[str]]:
        chosen = {p.id for p in group.patterns}
        alternatives = [a for a in self.report.alternatives if a.instead_of.id in chosen]
        against = [a for a in self.report.advised_against if a.group == group.id]
        lines = [f"## {self.l('adr_options')}", ""]
        lines += [f"- {md(p.name)} — **{self.l('adr_chosen_mark')}**" for p in group.patterns]
        lines += [f"- {md(a.name)}" for a in alternatives]
        lines += [f"- {md(a.name)}" for a in against if a.id not in {x.id for x in alternatives}]
        pros = [f"## {self.l('adr_pros_cons')}", ""]
        for pattern in group.patterns:
            score = f"{self.l('score')} {pattern.score.total:g}"
            pros += [
                f"### {md(pattern.name)}",
                "",
                f"{self.l('adr_chosen_mark')} ({score}). {md(pattern.summary)}",
                "",
            ]
        for alt in alternatives:
            reason = self.l("adr_not_chosen", reason=md(alt.reason))
            pros += [
                f"### {md(alt.name)}",
                "",
                f"{reason} ({self.l('instead_of').lower()}: {md(alt.instead_of.name)})",
                "",
            ]
        for item in against:
            pros += [f"### {md(item.name)}", "", f"{self.l('advised_against')}:", ""]
            pros += [f"- ✘ {md(r.text)}" for r in item.reasons] + [""]
        return [*lines, ""], pros

    def outcome(self, group: GroupBlock, current: str) -> list[str]:
        names = ", ".join(f"“{md(p.name)}”" for p in group.patterns)
        lines = [f"## {self.l('adr_outcome')}", "", self.l("adr_chosen", names=names), ""]
        for pattern in group.patterns:
            for item in pattern.explanation:
                link = self.see(item.predecessor.id, current) if item.predecessor else ""
                lines.append(f"- {md(pattern.name)}: {md(item.text)}{link}")
        lines += ["", f"### {self.l('adr_consequences')}", ""]
        several = len(group.patterns) > 1
        indent = "  " if several else ""
        for pattern in group.patterns:
            if several:
                lines.append(f"- **{md(pattern.name)}**")
            items = [self.l("adr_good", text=md(_continue(t))) for t in pattern.benefits]
            items += [self.l("adr_bad", text=md(_continue(t))) for t in pattern.drawbacks]
            items += [self.issue(pattern, i, current) for i in range(len(pattern.issues))]
            lines += [f"{indent}- {item}" for item in items]
        return [*lines, ""]

    def issue(self, pattern: PatternEntry, index: int, current: str) -> str:
        issue = pattern.issues[index]
        if issue.status == "resolved":
            outcome = (
                self.l("resolved_by")
                + " "
                + ", ".join(md(r.name) + self.see(r.id, current) for r in issue.resolved_by)
            )
        else:
            outcome = self.l("adr_open", status=self.l("st_" + issue.status))
            outcome += f": {md(issue.note)}" if issue.note else ""
        return self.l("adr_issue", title=md(issue.title), outcome=outcome)

    def record(self, number: int, group: GroupBlock) -> str:
        current = self.files[group.id]
        chosen = ", ".join(md(p.name) for p in group.patterns)
        options, pros = self.options(group)
        lines = [
            f"# {number}. {md(group.name)}: {chosen}",
            "",
            f"- {self.l('adr_status')}: {self.l('adr_proposed')}",
            f"- {self.l('system')}: {md(self.report.system) if self.report.system else self.l('unnamed')}",
            "",
            *self.context(group),
            *self.drivers(group),
            *options,
            *self.outcome(group, current),
            *pros,
        ]
        return "\n".join(lines).rstrip() + "\n"

    def index(self) -> str:
        system = md(self.report.system) if self.report.system else self.l("unnamed")
        lines = [f"# {self.l('decisions')}: {system}", "", self.l("adr_index_intro", system=system), ""]
        if not self.report.groups:
            lines += [self.l("no_patterns"), ""]
        else:
            lines += [
                f"| # | {self.l('adr_decision')} | {self.l('pattern')} | {self.l('adr_status')} |",
                "| --- | --- | --- | --- |",
            ]
            for number, group in enumerate(self.report.groups, 1):
                chosen = ", ".join(md(p.name) for p in group.patterns)
                ref = f"[{number:04d}]({self.files[group.id]})"
                lines.append(f"| {ref} | {md(group.name)} | {chosen} | {self.l('adr_proposed')} |")
        return "\n".join(lines).rstrip() + "\n"


def render_adrs(report: Report) -> dict[str, str]:
    """The decision records as file name → Markdown text, with ``index.md``."""
    records = _Records(report)
    files = {records.files[g.id]: records.record(n, g) for n, g in enumerate(report.groups, 1)}
    files[INDEX] = records.index()
    return dict(sorted(files.items()))
