"""The report as MADR decision records: one record per key decision, plus an index.

A key decision is a choice that shapes the architecture: the architecture style,
the decomposition, data ownership, communication, querying, the external API and
deployment. Its record names the options actually weighed (the chosen pattern and
the alternatives the advisor scored against it, each with why), the answers and
forces that drove it, and the consequences it brings: the patterns that follow
from it, linked to their own records where they are decisions too. Records are
``proposed``; a person accepts or rejects them. File names are built from catalog
ids only, never from answer text.

The front matter (``status``, ``date``, ``deciders``) uses MADR's keys and status
words, so ADR tools can read it in every language; the body is in the report's
language. Writing into a folder people also work in is :mod:`advisor.report.adr_folder`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.report.labels import label
from advisor.report.markdown import md
from advisor.report.view import ContextAnswer, PatternEntry, Report

INDEX = "index.md"
PROPOSED = "proposed"
_UNSAFE = re.compile(r"[^a-z0-9]+")


def adr_file_name(number: int, pattern_id: str) -> str:
    """``0001-microservice-architecture.md``: a number and a catalog id reduced to ``[a-z0-9-]``."""
    slug = _UNSAFE.sub("-", pattern_id.lower()).strip("-") or "decision"
    return f"{number:04d}-{slug[:60]}.md"


def key_decisions(report: Report) -> tuple[PatternEntry, ...]:
    """The key decisions to add, in plan order (phase, then report order).

    Consequences and practices are told in the record of the decision they follow from;
    a decision already in place was taken before and gets no new record.
    """
    order = {p.id: i for i, p in enumerate(report.patterns())}
    chosen = [p for p in report.patterns() if p.role == "key-decision" and p.status == "add"]
    return tuple(sorted(chosen, key=lambda p: (p.phase, order[p.id])))


def _continue(text: str) -> str:
    """A sentence continued after "because": its first word lower-cased unless it is an acronym."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _link(number: int, name: str) -> str:
    return f"[ADR-{number:04d}]({name})"


@dataclass(frozen=True)
class RecordRef:
    """Where a decision's record is: its number and file name."""

    number: int
    file: str


class _Record:
    """The text of one decision record."""

    def __init__(self, report: Report, refs: Mapping[str, RecordRef]) -> None:
        self.report, self.lang, self.refs = report, report.lang, refs
        self.entries = {p.id: p for p in report.patterns()}
        self.groups = {g.id: g for g in report.groups}
        self.answers: dict[str, ContextAnswer] = {
            a.question: a for section in report.context for a in section.answers
        }
        self.children: dict[str, list[PatternEntry]] = {}
        for pattern in report.patterns():
            if pattern.parent:
                self.children.setdefault(pattern.parent.id, []).append(pattern)
        self.phases = {b.number: b.title for b in report.plan}

    def l(self, key: str, **values: object) -> str:  # noqa: E743 - short name keeps the templates readable
        return label(key, self.lang, **values)

    def see(self, pattern_id: str) -> str:
        ref = self.refs.get(pattern_id)
        return f" ({self.l('adr_see', ref=_link(ref.number, ref.file))})" if ref else ""

    def front_matter(self, status: str) -> list[str]:
        lines = ["---", f"status: {status}"]
        if self.report.date:
            lines.append(f"date: {self.report.date}")
        if self.report.deciders:
            lines.append(f"deciders: {md(self.report.deciders)}")
        return [*lines, "---", ""]

    def context(self, entry: PatternEntry) -> list[str]:
        group = self.groups.get(entry.group)
        lines = [f"## {self.l('adr_context')}", ""]
        if group is not None and group.description:
            lines += [md(group.description), ""]
        lines += [md(entry.problem), ""]
        used = [q for q in self.answers if q in entry.answers]
        if used:
            lines += [f"{self.l('adr_answers')}:", ""]
            for question in used:
                answer = self.answers[question]
                note = f" — *{md(answer.note)}*" if answer.note else ""
                lines.append(f"- {md(answer.prompt)} **{md(answer.display)}**{note}")
            lines.append("")
        return lines

    def drivers(self, entry: PatternEntry) -> list[str]:
        row = next((r for r in self.report.matrix.rows if r.pattern.id == entry.id), None)
        cells = {c.force: c for c in row.cells} if row else {}
        lines = [f"## {self.l('adr_drivers')}", ""]
        for force in self.report.matrix.forces:
            cell = cells.get(force.id)
            if cell is not None and force.weight > 0:
                weight = f"{self.l('weight').lower()} {force.weight}"
                lines.append(f"- **{md(force.name)}** ({weight}): {md(entry.name)} {cell.signed()}")
        if len(lines) == 2:
            lines.append(f"- {self.l('none')}")
        return [*lines, ""]

    def options(self, entry: PatternEntry) -> tuple[list[str], list[str]]:
        """The considered options, and the pros and cons of each, chosen first.

        The options are the alternatives the advisor weighed against the chosen pattern,
        and any pattern in place today that it would replace.
        """
        weighed = [a for a in self.report.alternatives if a.instead_of.id == entry.id]
        replaced = {r.id: r for r in self.report.reconsider if entry.id in {p.id for p in r.preferred}}
        names = {a.id: a.name for a in weighed} | {r.id: r.name for r in replaced.values()}
        against = {a.id: a for a in self.report.advised_against}
        lines = [f"## {self.l('adr_options')}", "", f"1. {md(entry.name)} — **{self.l('adr_chosen_mark')}**"]
        for number, (option, name) in enumerate(names.items(), 2):
            today = f" — {self.l('adr_today')}" if option in replaced else ""
            lines.append(f"{number}. {md(name)}{today}")
        score = f"{self.l('score').lower()} {entry.score.total:g}"
        pros = [f"## {self.l('adr_pros_cons')}", "", f"### {md(entry.name)}", ""]
        pros += [f"{self.l('adr_chosen_mark')} ({score}). {md(entry.summary)}", ""]
        pros += [f"- {self.l('adr_good', text=md(_continue(t)))}" for t in entry.benefits]
        pros += [f"- {self.l('adr_bad', text=md(_continue(t)))}" for t in entry.drawbacks]
        pros.append("")
        alternative = {a.id: a for a in weighed}
        for option, name in names.items():
            pros += [f"### {md(name)}", ""]
            if option in replaced:
                causes = "; ".join(md(c) for c in replaced[option].causes)
                pros += [self.l("adr_reconsider", causes=causes), ""]
                reasons = [r for r in replaced[option].reasons if r.verdict == "advise-against"]
            else:
                alt = alternative[option]  # its reason already names the scores
                pros += [self.l("adr_not_chosen", reason=md(alt.reason)), ""]
                reasons = (
                    [r for r in against[option].reasons if r.verdict == "advise-against"]
                    if (option in against)
                    else []
                )
            if reasons:
                pros += [*(f"- ✘ {md(r.text)}" for r in reasons), ""]
        if not names:
            lines += ["", self.l("adr_no_alternative")]
        return [*lines, ""], pros

    def consequences(self, entry: PatternEntry) -> list[str]:
        """What the decision brings: the patterns that follow from it, down to the next decisions."""
        lines: list[str] = []

        def walk(parent: PatternEntry, depth: int) -> None:
            for child in self.children.get(parent.id, []):
                issue = next(
                    (
                        e.issue_title
                        for e in child.explanation
                        if e.kind == "successor" and e.predecessor and e.predecessor.id == parent.id
                    ),
                    None,
                )
                why = self.l("adr_resolves", issue=md(issue)) if issue else self.l("adr_follows")
                phase = self.phases.get(child.phase, "")
                lines.append(f"{'  ' * depth}- {md(child.name)}: {why}; {md(phase)}{self.see(child.id)}")
                if child.id not in self.refs:
                    walk(child, depth + 1)

        walk(entry, 0)
        return lines

    def outcome(self, entry: PatternEntry) -> list[str]:
        first = next((e for e in entry.explanation if e.kind == "rule" and e.verdict == "recommend"), None)
        because = md(_continue(first.text)).rstrip(".") if first else md(entry.explanation[0].text)
        lines = [
            f"## {self.l('adr_outcome')}",
            "",
            self.l("adr_chosen", name=md(entry.name), why=because),
            "",
        ]
        lines += [
            f"- {md(e.text)}{self.see(e.predecessor.id) if e.predecessor else ''}" for e in entry.explanation
        ]
        lines += ["", f"### {self.l('adr_consequences')}", ""]
        start = len(lines)
        children = {c.id for c in self.children.get(entry.id, [])}
        for issue in entry.issues:
            # An issue resolved by a pattern this decision brings is told with that pattern below.
            if issue.status == "resolved" and {r.id for r in issue.resolved_by} <= children:
                continue
            if issue.status == "not-raised":  # not a consequence here: the report says why
                continue
            if issue.status == "resolved":
                names = ", ".join(md(r.name) + self.see(r.id) for r in issue.resolved_by)
                outcome = f"{self.l('resolved_by')} {names}"
            else:
                outcome = self.l("adr_open", status=self.l("st_" + issue.status))
                outcome += f": {md(issue.note)}" if issue.note else ""
            lines.append(f"- {self.l('adr_issue', title=md(issue.title), outcome=outcome)}")
        brings = self.consequences(entry)
        if brings:
            lines += [""] if len(lines) > start else []
            lines += [f"{self.l('adr_brings')}:", "", *brings]
        if len(lines) == start:
            lines.append(f"- {self.l('none')}")
        return [*lines, ""]

    def more(self, entry: PatternEntry, supersedes: Sequence[RecordRef]) -> list[str]:
        lines = [f"## {self.l('adr_more')}", ""]
        phase = self.phases.get(entry.phase, "")
        effort = self.l("effort_" + (entry.effort or "unestimated"))
        lines.append(f"- {self.l('adr_plan', phase=md(phase), effort=effort)}")
        system = md(self.report.system) if self.report.system else self.l("unnamed")
        lines.append(f"- {self.l('system')}: {system}")
        lines += [f"- {self.l('adr_supersedes', ref=_link(r.number, r.file))}" for r in supersedes]
        return [*lines, ""]

    def text(self, entry: PatternEntry, number: int, supersedes: Sequence[RecordRef] = ()) -> str:
        group = self.groups.get(entry.group)
        title = f"{md(group.name)}: {md(entry.name)}" if group else md(entry.name)
        options, pros = self.options(entry)
        lines = [
            *self.front_matter(PROPOSED),
            f"# {number}. {title}",
            "",
            *self.context(entry),
            *self.drivers(entry),
            *options,
            *self.outcome(entry),
            *pros,
            *self.more(entry, supersedes),
        ]
        return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class IndexRow:
    """One line of the index: a record, what it decides and its status (as its front matter says)."""

    number: int
    file: str
    title: str
    status: str


def status_label(status: str, lang: Lang) -> str:
    """A front-matter status in the report's language (``superseded by …`` keeps its link)."""
    word, _, rest = status.partition(" ")
    known = {"proposed", "accepted", "rejected", "deprecated", "superseded"}
    if word not in known:
        return md(status)
    text = label("adr_status_" + word, lang)
    return f"{text} {rest.removeprefix('by ')}".rstrip() if rest else text


def decision_title(report: Report, entry: PatternEntry) -> str:
    """``Architecture style: Microservice architecture``: the index's name of a decision."""
    group = next((g for g in report.groups if g.id == entry.group), None)
    return f"{md(group.name)}: {md(entry.name)}" if group else md(entry.name)


def render_record(
    report: Report,
    entry: PatternEntry,
    number: int,
    refs: Mapping[str, RecordRef],
    supersedes: Sequence[RecordRef] = (),
) -> str:
    """One decision record (MADR) for ``entry``, numbered ``number``; ``refs`` locates the other records."""
    return visible(_Record(report, refs).text(entry, number, supersedes))


def render_index(report: Report, rows: Sequence[IndexRow]) -> str:
    """The index of the records in a folder, with each record's status."""
    lang = report.lang
    system = md(report.system) if report.system else label("unnamed", lang)
    lines = [f"# {label('decisions', lang)}: {system}", "", label("adr_index_intro", lang, system=system), ""]
    kept = [md(p.name) for p in report.patterns() if p.role == "key-decision" and p.status == "keep"]
    if kept:
        lines += [label("adr_in_place", lang, names=", ".join(kept)), ""]
    if not rows:
        lines += [label("no_patterns", lang), ""]
    else:
        lines += [
            f"| # | {label('adr_decision', lang)} | {label('adr_status', lang)} |",
            "| --- | --- | --- |",
        ]
        for row in sorted(rows, key=lambda r: r.number):
            ref = f"[{row.number:04d}]({row.file})"
            lines.append(f"| {ref} | {row.title} | {status_label(row.status, lang)} |")
    return visible("\n".join(lines).rstrip() + "\n")


def numbered(report: Report, first: int = 1) -> dict[str, RecordRef]:
    """Every key decision's record, numbered from ``first`` in plan order (pattern id → where)."""
    return {
        entry.id: RecordRef(number, adr_file_name(number, entry.id))
        for number, entry in enumerate(key_decisions(report), first)
    }


def render_adrs(report: Report) -> dict[str, str]:
    """The records of a fresh folder as file name → Markdown text, with ``index.md``."""
    refs = numbered(report)
    files = {}
    rows = []
    for entry in key_decisions(report):
        ref = refs[entry.id]
        files[ref.file] = render_record(report, entry, ref.number, refs)
        rows.append(IndexRow(ref.number, ref.file, decision_title(report, entry), PROPOSED))
    files[INDEX] = render_index(report, rows)
    return dict(sorted(files.items()))
