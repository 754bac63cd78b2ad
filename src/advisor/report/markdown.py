"""The report as GitHub-flavoured Markdown, with the successor graph as a Mermaid diagram."""

from __future__ import annotations

import re

from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.core.recommendation import Score
from advisor.report.graph import to_mermaid
from advisor.report.graph_svg import group_colours
from advisor.report.labels import label
from advisor.report.view import (
    DASHED,
    ContextAnswer,
    Explanation,
    ForceRow,
    IssueRow,
    Matrix,
    PatternEntry,
    Report,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def md(text: str) -> str:
    """Text made inert in Markdown: special characters escaped, line breaks folded.

    Control characters are written out first, so none is folded away as a line break (NEL,
    the line separator) or lost: the text reads as the terminal shows it.
    """
    return _SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))


def _code(text: str) -> str:
    quoted = text.replace("`", "'")
    return f"`{quoted}`"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _score(score: Score) -> str:
    return f"{score.total:g}"


def _score_detail(score: Score, lang: Lang) -> str:
    return (
        f"{label('score', lang)} **{score.total:g}** "
        f"({label('rules', lang)} {score.rules:+d}, {label('fit', lang)} {score.forces:+g})"
    )


def _answer(answer: ContextAnswer, lang: Lang) -> str:
    if answer.status == "answered":
        return md(answer.display)
    return f"*{md(answer.display)}*" + (
        f" ({label('src_default', lang)})" if answer.status == "default" else ""
    )


def _explanation(item: Explanation) -> str:
    if item.kind != "rule":
        return f"↳ {md(item.text)}"
    mark = "✔" if item.verdict == "recommend" else "✘"
    sign = "+" if item.verdict == "recommend" else "−"
    tests = "; ".join(
        _code(m.test) + (f" ({md(m.actual)})" if m.actual is not None else "") for m in item.matched
    )
    return f"{mark} {md(item.text)} — {_code(item.rule or '')} {sign}{item.weight}: {tests}"


def _issue(issue: IssueRow, report: Report) -> str:
    lang = report.lang
    if issue.status == "resolved":
        outcome = label("resolved_by", lang) + " " + ", ".join(md(r.name) for r in issue.resolved_by)
    else:
        outcome = f"**{label('st_' + issue.status, lang)}**" + (f": {md(issue.note)}" if issue.note else "")
    return f"- {md(issue.title)} — {outcome}"


def _pattern(pattern: PatternEntry, report: Report) -> list[str]:
    lang = report.lang
    origin = label(f"origin_{pattern.origin}", lang)
    role = f"{label('role_' + pattern.role, lang)} ({label('status_' + pattern.status, lang)})"
    lines = [
        f"#### {md(pattern.name)}",
        "",
        f"{_code(pattern.id)} · {role} · {origin} · {_score_detail(pattern.score, lang)}",
        "",
        *([f"*{md(pattern.needed_text)}*", ""] if pattern.needed_text else []),
        md(pattern.summary),
        "",
        f"**{label('why', lang)}**",
        "",
        *(f"- {_explanation(e)}" for e in pattern.explanation),
        "",
    ]
    for key, items in (("benefits", pattern.benefits), ("drawbacks", pattern.drawbacks)):
        if items:
            lines += [f"**{label(key, lang)}**", "", *(f"- {md(t)}" for t in items), ""]
    if pattern.issues:
        lines += [f"**{label('issues', lang)}**", "", *(_issue(i, report) for i in pattern.issues), ""]
    return lines


def _forces(forces: tuple[ForceRow, ...], lang: Lang) -> list[str]:
    rows = [
        [
            f"{md(f.name)} ({_code(f.id)})",
            "●" * f.weight + "○" * (5 - f.weight) + f" {f.weight}",
            label("stance_" + f.stance, lang),
        ]
        for f in forces
    ]
    return _table([label(k, lang) for k in ("force", "weight", "stance")], rows)


def _matrix(matrix: Matrix, lang: Lang) -> list[str]:
    head = [label("pattern", lang)] + [f"{md(f.name)} ({f.weight})" for f in matrix.forces]
    rows = [
        [md(row.pattern.name), *(c.signed() if c else "" for c in cells), f"{row.total:+g}"]
        for row, cells in zip(matrix.rows, matrix.grid(), strict=True)
    ]
    head.append(label("total", lang))
    return [*_table(head, rows), f"*{md(label('matrix_help', lang))}*", ""]


def _section(title: str, heads: list[str], rows: list[list[str]], lang: Lang) -> list[str]:
    out = [f"## {label(title, lang)}", ""]
    return out + (_table([label(h, lang) for h in heads], rows) if rows else [label("none", lang), ""])


def _summary(report: Report) -> list[str]:
    lang = report.lang
    out = [f"## {label('summary', lang)}", "", md(label("summary_counts", lang, **report.counts())), ""]
    top = ", ".join(f"{md(f.name)} ({f.weight})" for f in report.top_forces())
    out += [f"**{label('summary_top_forces', lang)}**: {top or label('none', lang)}", ""]
    if report.scope:
        out += [f"**{label('scope', lang)}**: {md(', '.join(report.scope))}", ""]
    names = {g.id: g.name for g in report.groups}
    # Advice limited to a scope shows all it recommends there: its practices are the point.
    shown = report.patterns() if report.scope else report.key_decisions()
    rows = [
        [
            md(p.name),
            md(names.get(p.group, p.group)),
            label("status_" + p.status, lang),
            md(p.needed_text or _why(p, lang)),
        ]
        for p in shown
    ]
    if rows:
        heads = ["summary_in_scope" if report.scope else "summary_decisions", "group", "status", "why"]
        out += _table([label(h, lang) for h in heads], rows)
    return out


def _why(pattern: PatternEntry, lang: Lang) -> str:
    """The one-line why of a pattern: its strongest reason for it."""
    if pattern.origin == "rule" and pattern.score.rules <= 0:
        return label("why_forces_contested", lang, score=pattern.score.rules)
    return next((e.text for e in pattern.explanation if e.verdict != "advise-against"), "")


def _risks(report: Report) -> list[str]:
    lang = report.lang
    out = [f"## {label('risks', lang)}", "", f"*{md(label('risks_help', lang))}*", ""]
    if not report.risks:
        return [*out, label("none", lang), ""]
    for risk in report.risks:
        out += [f"### {md(risk.title)} ({risk.severity_label})", ""]
        if risk.issue_title:
            out += [md(label("contradicts", lang, issue=risk.issue_title)), ""]
        evidence = "; ".join(_code(m.test) + (f" ({md(m.actual)})" if m.actual else "") for m in risk.matched)
        out += [f"- **{label('at_stake', lang)}**: {md(risk.stake)}"]
        out += [f"- **{label('mitigation', lang)}**: {md(risk.mitigation)}"]
        if risk.mitigated_by:
            out += [
                f"- **{label('mitigated_by', lang)}**: " + ", ".join(md(r.name) for r in risk.mitigated_by)
            ]
        if risk.not_in_plan:
            out += [f"- **{label('not_in_plan', lang)}**: " + ", ".join(md(r.name) for r in risk.not_in_plan)]
        out += [f"- `{risk.id}`: {evidence}", ""]
    return out


def _plan(report: Report) -> list[str]:
    lang = report.lang
    help_text = f"{label('plan_help', lang)} {label('effort_help', lang)}"
    out = [f"## {label('plan', lang)}", "", f"*{md(help_text)}*", ""]
    for phase in report.plan:
        effort = f"{label('effort', lang)}: {md(phase.effort_text)}"
        out += [f"### {md(phase.title)}", "", md(phase.goal), "", effort, ""]
        for number, step in enumerate(phase.patterns, 1):
            new = step.effort and phase.stage != "in-place"
            size = f" ({label('effort_' + step.effort, lang)})" if new and step.effort else ""
            out.append(f"{number}. {md(step.name)}{size}")
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The whole report as GitHub-flavoured Markdown text (ends with one newline)."""
    lang = report.lang
    out = [f"# {md(report.title)}", ""]
    if report.description:
        out += [f"> {md(report.description)}", ""]
    out += _summary(report)
    out += _risks(report)
    if report.plan:
        out += _plan(report)
    out += [f"## {label('context', lang)}", ""]
    for section in report.context:
        out += [f"### {md(section.title)}", ""]
        head = [label("question", lang), label("answer", lang)]
        rows = [[md(a.prompt), _answer(a, lang)] for a in section.answers]
        if any(a.note for a in section.answers):  # the rationale column only where someone wrote one
            head.append(label("rationale", lang))
            rows = [[*row, md(a.note)] for row, a in zip(rows, section.answers, strict=True)]
        out += _table(head, rows)
    out += [f"## {label('forces', lang)}", "", *_forces(report.forces, lang)]
    out += [f"## {label('recommended', lang)}", ""]
    if not report.groups:
        out += [label("no_patterns", lang), ""]
    for group in report.groups:
        out += [f"### {md(group.name)}", "", f"*{md(group.description)}*", ""]
        for pattern in group.patterns:
            out += _pattern(pattern, report)
    if report.not_assessed:
        rows = [[md(n.name), md(n.group_name), md(n.status_label)] for n in report.not_assessed]
        out += _section("not_assessed", ["pattern", "group", "status"], rows, lang)
    if report.graph.nodes:
        legend = f"{label('edge_resolves', lang)}: `-->`; {label('edge_follows', lang)}: `-.->`"
        if report.plan:
            legend += f"; {label('graph_by_phase', lang)}"
        mermaid = to_mermaid(report.graph, DASHED, group_colours(report.graph)).rstrip()
        out += [f"## {label('graph', lang)}", "", legend, "", "```mermaid", mermaid, "```", ""]
    alternatives = [
        [md(a.name), md(a.instead_of.name), _score(a.score), md(a.reason)] for a in report.alternatives
    ]
    out += _section("alternatives", ["pattern", "instead_of", "score", "why_not"], alternatives, lang)
    against = [
        [md(a.name), _score(a.score), "<br>".join(_explanation(r) for r in a.reasons)]
        for a in report.advised_against
    ]
    out += _section("advised_against", ["pattern", "score", "why"], against, lang)
    if report.dropped:
        dropped = [
            [md(d.name), ", ".join(md(n.name) for n in d.needs), f"{md(d.requirement)}<br>{md(d.reason)}"]
            for d in report.dropped
        ]
        out += _section("dropped", ["pattern", "needs", "why_not"], dropped, lang)
    if report.in_place:
        reconsider = [
            [md(r.name), _score(r.score), "<br>".join([*map(md, r.causes), *map(_explanation, r.reasons)])]
            for r in report.reconsider
        ]
        out += _section("reconsider", ["pattern", "score", "why"], reconsider, lang)
    risks = [
        [md(i.title), ", ".join(md(r.name) for r in i.raised_by), label("st_" + i.status, lang), md(i.reason)]
        for i in report.open_issues
    ]
    out += _section("open_issues", ["issue", "raised_by", "status", "note"], risks, lang)
    if report.matrix.rows:
        out += [f"## {label('matrix', lang)}", "", *_matrix(report.matrix, lang)]
    out += [f"## {label('next_steps', lang)}", ""]
    out += [f"{n}. {md(step.text)}" for n, step in enumerate(report.next_steps, 1)] + [""]
    if report.notes:
        out += [f"## {label('notes', lang)}", "", *(f"- {md(n)}" for n in report.notes), ""]
    # Pack and answer text may hold control characters: written out, never raw (one text path).
    return visible("\n".join(out).rstrip() + "\n")
