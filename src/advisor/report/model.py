"""Build the report view-model: everything any report format shows, in one language.

:func:`build_report` is pure: (Recommendation, Catalog, Questionnaire, lang) →
:class:`~advisor.report.view.Report`. Every renderer (Markdown, HTML, JSON, ADR)
reads only that model, so all formats tell the same story.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from advisor.base.i18n import Lang, Message
from advisor.catalog.conditions import AnswerTest, Condition, leaves
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Alternative, Reason, Recommendation, RecommendedPattern
from advisor.questionnaire.models import Questionnaire
from advisor.report.context import build_context
from advisor.report.graph import Edge, Graph, Node
from advisor.report.labels import label, say, show_value
from advisor.report.plan import phase_effort_text, phase_goal, phase_group, phase_title
from advisor.report.risk_rows import risk_rows
from advisor.report.scope_rows import needed_text, not_assessed_rows, scope_names
from advisor.report.view import (
    AdvisedRow,
    AlternativeRow,
    ContextAnswer,
    ContextSection,
    DroppedRow,
    Explanation,
    ForceRow,
    GroupBlock,
    IssueRow,
    MatchRow,
    Matrix,
    MatrixCell,
    MatrixRow,
    NextStep,
    OpenIssueRow,
    PatternEntry,
    PhaseBlock,
    PhaseStep,
    ReconsiderRow,
    Ref,
    Report,
)

__all__ = ["Report", "build_report"]


def _answers_tested(condition: Condition) -> set[str]:
    """The questions whose answers ``condition`` tests."""
    return {leaf.answer for leaf in leaves(condition) if isinstance(leaf, AnswerTest)}


def _follows(pattern: RecommendedPattern) -> str | None:
    """The parent a rule adopted the pattern after, when it resolves none of the parent's issues."""
    if pattern.origin != "rule" or any(r.raised_by == pattern.parent for r in pattern.resolves):
        return None
    return pattern.parent


class _Builder:
    def __init__(self, rec: Recommendation, catalog: Catalog, questionnaire: Questionnaire, lang: Lang):
        self.rec, self.catalog, self.questionnaire, self.lang = rec, catalog, questionnaire, lang
        # The catalog indexes groups by id; the order they are written in groups.yaml tells the story.
        written = sorted(catalog.groups, key=lambda g: (catalog.source("group", g).line or 0, g))
        self.group_order = {g: i for i, g in enumerate(written)}

    def name(self, pattern_id: str) -> str:
        pattern = self.catalog.patterns.get(pattern_id)
        return pattern.name.get(self.lang) if pattern else pattern_id

    def ref(self, pattern_id: str) -> Ref:
        return Ref(id=pattern_id, name=self.name(pattern_id))

    def issue_title(self, issue_id: str) -> str:
        issue = self.catalog.issues.get(issue_id)
        return issue.title.get(self.lang) if issue else issue_id

    def rank(self, pattern: RecommendedPattern) -> tuple[int, float, str]:
        return (self.group_order.get(pattern.group, len(self.group_order)), -pattern.score.total, pattern.id)

    def forces(self) -> tuple[ForceRow, ...]:
        rows = [
            ForceRow(
                id=f.id,
                name=f.name.get(self.lang),
                description=f.description.get(self.lang),
                stance=f.stance.value,
                weight=self.rec.forces.get(f.id, 0),
            )
            for f in self.catalog.forces.values()
        ]
        return tuple(sorted(rows, key=lambda r: (-r.weight, r.id)))

    # patterns -----------------------------------------------------------------------------

    def requirement_reason(self, requirer: str, pattern_id: str) -> str:
        """Why ``requirer`` cannot work without ``pattern_id``, in the report's language."""
        pattern = self.catalog.patterns.get(requirer)
        found = [r for r in pattern.requires if pattern_id in r.any_of] if pattern else []
        return found[0].reason.get(self.lang) if found else ""

    def explain(self, reason: Reason, pattern_id: str = "") -> Explanation:
        if reason.kind == "successor" and reason.predecessor and reason.issue:
            title = self.issue_title(reason.issue)
            return Explanation(
                kind="successor",
                text=label("successor_of", self.lang, parent=self.name(reason.predecessor), issue=title),
                predecessor=self.ref(reason.predecessor),
                issue=reason.issue,
                issue_title=title,
            )
        if reason.kind == "requirement" and reason.predecessor:
            return Explanation(
                kind="requirement",
                text=label(
                    "required_by",
                    self.lang,
                    parent=self.name(reason.predecessor),
                    why=self.requirement_reason(reason.predecessor, pattern_id),
                ),
                predecessor=self.ref(reason.predecessor),
            )
        rule = self.catalog.rules.get(reason.rule or "")
        return Explanation(
            kind="rule",
            text=rule.reason.get(self.lang) if rule else str(reason.rule),
            verdict=reason.verdict,
            rule=reason.rule,
            weight=reason.weight,
            matched=tuple(
                MatchRow(
                    test=say(m.test, self.lang),
                    actual=None if m.actual is None else show_value(m.actual, self.lang),
                )
                for m in reason.matched
            ),
        )

    def issue_rows(self, pattern: RecommendedPattern) -> tuple[IssueRow, ...]:
        rows = []
        for issue_id in pattern.raises:
            resolvers = sorted(
                q.id
                for q in self.rec.recommended
                if any(r.raised_by == pattern.id and r.issue == issue_id for r in q.resolves)
            )
            left = next(
                (o for o in self.rec.open_issues if o.id == issue_id and pattern.id in o.raised_by), None
            )
            status: Literal["resolved", "accepted", "unresolved"]
            if left is not None:
                status, note = left.status, self.open_reason(left.reasons)
            else:
                status, note = ("resolved" if resolvers else "unresolved"), ""
            rows.append(
                IssueRow(
                    id=issue_id,
                    title=self.issue_title(issue_id),
                    status=status,
                    resolved_by=tuple(self.ref(r) for r in resolvers),
                    note=note,
                )
            )
        for held_back in self.rec.not_raised:
            if held_back.raised_by != pattern.id:
                continue
            shown = [(say(m.test, self.lang), show_value(m.actual, self.lang)) for m in held_back.because]
            # an actual value already in brackets, like "(none)" for no choice, is not bracketed again
            tests = "; ".join(f"{t} {a}" if a.startswith("(") else f"{t} ({a})" for t, a in shown)
            key = "not_raised_note" if len(held_back.because) == 1 else "not_raised_note_any"
            rows.append(
                IssueRow(
                    id=held_back.id,
                    title=self.issue_title(held_back.id),
                    status="not-raised",
                    resolved_by=(),
                    note=label(key, self.lang, tests=tests),
                )
            )
        return tuple(rows)

    def open_reason(self, reasons: tuple[Message, ...]) -> str:
        """What the catalog advises for an accepted drawback, or why no resolver could be used."""
        return "; ".join(say(r, self.lang, self.catalog) for r in reasons)

    def answers_used(self, pattern: RecommendedPattern) -> tuple[str, ...]:
        used = set()
        for reason in pattern.reasons:
            rule = self.catalog.rules.get(reason.rule or "")
            if rule is not None:
                used |= _answers_tested(rule.when)
        order = [q.id for q in self.questionnaire.questions()]
        return tuple(sorted(used, key=lambda q: (order.index(q) if q in order else len(order), q)))

    def entry(self, pattern: RecommendedPattern) -> PatternEntry:
        data = self.catalog.patterns[pattern.id]
        explanation = [self.explain(r, pattern.id) for r in pattern.reasons]
        if parent := _follows(pattern):
            text = label("follows", self.lang, parent=self.name(parent))
            explanation.append(Explanation(kind="follows", text=text, predecessor=self.ref(parent)))
        return PatternEntry(
            id=pattern.id,
            name=self.name(pattern.id),
            summary=data.summary.get(self.lang),
            problem=data.problem.get(self.lang),
            group=pattern.group,
            score=pattern.score,
            origin=pattern.origin,
            role=pattern.role,
            status=pattern.status,
            parent=self.ref(pattern.parent) if pattern.parent else None,
            depth=pattern.depth,
            explanation=tuple(explanation),
            benefits=tuple(t.get(self.lang) for t in data.resulting_context.benefits),
            drawbacks=tuple(t.get(self.lang) for t in data.resulting_context.drawbacks),
            issues=self.issue_rows(pattern),
            answers=self.answers_used(pattern),
            phase=pattern.phase,
            effort=pattern.effort,
            alternatives=tuple(self.ref(a) for a in sorted(data.related.alternative)),
            topic=self.topic(pattern.id),
            needed_by=tuple(self.ref(p) for p in pattern.needed_by),
            needed_text=needed_text(pattern, self.catalog, self.lang) or "",
        )

    def topic(self, pattern_id: str) -> str:
        """What a choice decides: the smallest id among the pattern and everything it is an
        alternative of, directly or through other alternatives (the same for every option)."""
        seen, todo = {pattern_id}, [pattern_id]
        while todo:
            current = self.catalog.patterns.get(todo.pop())
            for other in current.related.alternative if current else ():
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return min(seen)

    def groups(self) -> tuple[GroupBlock, ...]:
        by_group: defaultdict[str, list[PatternEntry]] = defaultdict(list)
        for pattern in sorted(self.rec.recommended, key=self.rank):
            by_group[pattern.group].append(self.entry(pattern))
        blocks = []
        for group_id, entries in sorted(by_group.items(), key=lambda item: self.group_order[item[0]]):
            group = self.catalog.groups.get(group_id)
            blocks.append(
                GroupBlock(
                    id=group_id,
                    name=group.name.get(self.lang) if group else group_id,
                    description=group.description.get(self.lang) if group else "",
                    patterns=tuple(entries),
                )
            )
        return tuple(blocks)

    def plan(self) -> tuple[PhaseBlock, ...]:
        blocks = []
        for phase in self.rec.plan:
            steps = []
            for pattern_id in phase.patterns:
                pattern = self.catalog.patterns.get(pattern_id)
                steps.append(
                    PhaseStep(
                        id=pattern_id,
                        name=self.name(pattern_id),
                        group=pattern.group if pattern else "",
                        effort=pattern.effort.value if pattern and pattern.effort else None,
                    )
                )
            blocks.append(
                PhaseBlock(
                    number=phase.number,
                    stage=phase.stage,
                    title=phase_title(phase, self.lang),
                    goal=phase_goal(phase, self.lang),
                    patterns=tuple(steps),
                    effort=phase.effort,
                    effort_text=phase_effort_text(phase, self.lang),
                )
            )
        return tuple(blocks)

    def graph(self) -> Graph:
        nodes = tuple(
            Node(id=p.id, label=self.name(p.id), group=phase_group(p.phase))
            for p in sorted(self.rec.recommended, key=lambda p: p.id)
        )
        titles: defaultdict[tuple[str, str, str], list[str]] = defaultdict(list)
        for pattern in self.rec.recommended:
            for res in pattern.resolves:
                titles[(res.raised_by, pattern.id, "resolves")].append(self.issue_title(res.issue))
            if parent := _follows(pattern):
                titles[(parent, pattern.id, "follows")].append("")
        edges = tuple(
            Edge(source=s, target=t, kind=k, label="; ".join(sorted(x for x in set(v) if x)))
            for (s, t, k), v in sorted(titles.items())
        )
        return Graph(nodes=nodes, edges=edges)

    # the rest -----------------------------------------------------------------------------

    def alternative_reason(self, alt: Alternative) -> str:
        """Why an alternative lost, said with names."""
        return say(alt.reason, self.lang, self.catalog)

    def alternatives(self) -> tuple[AlternativeRow, ...]:
        return tuple(
            AlternativeRow(
                id=alt.id,
                name=self.name(alt.id),
                group=self.catalog.patterns[alt.id].group,
                instead_of=self.ref(alt.instead_of),
                score=alt.score,
                reason=self.alternative_reason(alt),
            )
            for alt in self.rec.alternatives
        )

    def reconsider(self) -> tuple[ReconsiderRow, ...]:
        rows = []
        for item in self.rec.reconsider:
            causes = []
            for cause in item.causes:
                names = ", ".join(self.name(p) for p in item.preferred)
                forces = ", ".join(f"{self.force_name(c.force)} ({c.weight})" for c in item.hurts)
                causes.append(label(f"cause_{cause}", self.lang, names=names, forces=forces))
            rows.append(
                ReconsiderRow(
                    id=item.id,
                    name=self.name(item.id),
                    group=item.group,
                    role=item.role,
                    score=item.score,
                    causes=tuple(causes),
                    reasons=tuple(self.explain(r) for r in item.reasons),
                    preferred=tuple(self.ref(p) for p in item.preferred),
                )
            )
        return tuple(rows)

    def force_name(self, force_id: str) -> str:
        force = self.catalog.forces.get(force_id)
        return force.name.get(self.lang) if force else force_id

    def advised_against(self) -> tuple[AdvisedRow, ...]:
        return tuple(
            AdvisedRow(
                id=a.id,
                name=self.name(a.id),
                group=self.catalog.patterns[a.id].group,
                score=a.score,
                reasons=tuple(self.explain(r) for r in a.reasons),
            )
            for a in self.rec.advised_against
        )

    def dropped(self) -> tuple[DroppedRow, ...]:
        rows = []
        for d in self.rec.dropped:
            pattern = self.catalog.patterns[d.id]
            requirement = next(
                (r for r in pattern.requires if sorted(r.any_of) == list(d.needs_one_of)), None
            )
            rows.append(
                DroppedRow(
                    id=d.id,
                    name=self.name(d.id),
                    group=pattern.group,
                    score=d.score,
                    needs=tuple(self.ref(p) for p in d.needs_one_of),
                    requirement=requirement.reason.get(self.lang) if requirement else "",
                    reason=self.open_reason(d.reasons),
                )
            )
        return tuple(rows)

    def open_issues(self) -> tuple[OpenIssueRow, ...]:
        return tuple(
            OpenIssueRow(
                id=o.id,
                title=self.issue_title(o.id),
                description=self.catalog.issues[o.id].description.get(self.lang),
                status=o.status,
                raised_by=tuple(self.ref(p) for p in o.raised_by),
                reason=self.open_reason(o.reasons),
            )
            for o in self.rec.open_issues
        )

    def matrix(self, forces: tuple[ForceRow, ...]) -> Matrix:
        ranked = sorted(self.rec.recommended, key=self.rank)
        touched = {c.force for p in ranked for c in p.forces}
        rows = tuple(
            MatrixRow(
                pattern=self.ref(p.id),
                cells=tuple(
                    MatrixCell(force=c.force, effect=c.effect, strength=c.strength, points=c.points)
                    for c in p.forces
                ),
                total=p.score.forces,
            )
            for p in ranked
        )
        return Matrix(forces=tuple(f for f in forces if f.id in touched), rows=rows)

    def next_steps(
        self, context: tuple[ContextSection, ...], open_issues: tuple[OpenIssueRow, ...]
    ) -> tuple[NextStep, ...]:
        steps: list[NextStep] = []
        children: defaultdict[str, list[RecommendedPattern]] = defaultdict(list)
        for pattern in self.rec.recommended:
            if pattern.parent:
                children[pattern.parent].append(pattern)
        alone: list[str] = []  # decisions that raise no issue: one step for all of them
        for root in sorted((p for p in self.rec.recommended if p.parent is None), key=self.rank):
            wave, waves = [root], []
            while wave := sorted((k for p in wave for k in children[p.id]), key=self.rank):
                waves.append(wave)
            if not waves:
                alone.append(root.id)
                continue
            key = "step_design_also" if steps else "step_design"
            steps.append(
                NextStep(kind="design", text=label(key, self.lang, name=self.name(root.id)), refs=(root.id,))
            )
            # one step for its successors, the waves in order within it
            then = label("step_wave_then", self.lang)
            named = then.join(", ".join(self.name(p.id) for p in wave) for wave in waves)
            text = label(
                "step_successors" if len(waves) > 1 else "step_successors_one", self.lang, waves=named
            )
            steps.append(NextStep(kind="design", text=text, refs=tuple(p.id for w in waves for p in w)))
        if alone:
            names = ", ".join(self.name(p) for p in alone)
            key = "step_design_alone" if len(alone) == 1 else "step_design_alone_many"
            text = label(key, self.lang, name=names, names=names)
            steps.append(NextStep(kind="design", text=text, refs=tuple(alone)))
        for issue in open_issues:
            kind: Literal["risk", "accept"] = "risk" if issue.status == "unresolved" else "accept"
            patterns = ", ".join(r.name for r in issue.raised_by)
            text = label(f"step_{kind}", self.lang, title=issue.title, patterns=patterns, reason=issue.reason)
            steps.append(NextStep(kind=kind, text=text, refs=(issue.id, *(r.id for r in issue.raised_by))))
        tested: defaultdict[str, set[str]] = defaultdict(set)
        for rule in self.catalog.rules.values():
            for question in _answers_tested(rule.when):
                tested[question].add(rule.id)
        for section in context:
            for answer in section.answers:
                if answer.status in {"unknown", "unanswered"} and tested[answer.question]:
                    rules = sorted(tested[answer.question])
                    # the prose names the patterns at stake; the rule ids stay in refs for tools
                    at_stake = sorted({self.name(self.catalog.rules[r].pattern) for r in rules})
                    text = label(
                        "step_settle",
                        self.lang,
                        prompt=answer.prompt,
                        status=answer.display,
                        patterns=", ".join(at_stake),
                    )
                    steps.append(NextStep(kind="settle", text=text, refs=(answer.question, *rules)))
        if self.rec.recommended:
            steps.append(NextStep(kind="review", text=label("step_adr", self.lang), refs=()))
        return tuple(steps)


def _known(answer: ContextAnswer) -> bool:
    """Whether the context has a value worth quoting for this answer (not missing, not blank)."""
    return answer.status in {"answered", "default"} and bool(answer.value)


def build_report(
    recommendation: Recommendation, catalog: Catalog, questionnaire: Questionnaire, lang: Lang = "en"
) -> Report:
    """The report view-model of one recommendation, in ``lang`` (pure, deterministic)."""
    builder = _Builder(recommendation, catalog, questionnaire, lang)
    context = build_context(recommendation, questionnaire, lang)
    forces = builder.forces()
    open_issues = builder.open_issues()
    description = next(
        (a.display for s in context for a in s.answers if a.question == "system_description" and _known(a)),
        "",
    )
    system = recommendation.system
    return Report(
        lang=lang,
        title=f"{label('title', lang)}: {system or label('unnamed', lang)}",
        system=system,
        description=description,
        questionnaire=recommendation.questionnaire,
        date=recommendation.date,
        deciders=next(
            (a.display for s in context for a in s.answers if a.question == "deciders" and _known(a)),
            "",
        ),
        context=context,
        forces=forces,
        groups=builder.groups(),
        plan=builder.plan(),
        graph=builder.graph(),
        alternatives=builder.alternatives(),
        advised_against=builder.advised_against(),
        dropped=builder.dropped(),
        in_place=tuple(builder.ref(p) for p in recommendation.in_place),
        reconsider=builder.reconsider(),
        risks=risk_rows(recommendation, catalog, lang),
        open_issues=open_issues,
        matrix=builder.matrix(forces),
        next_steps=builder.next_steps(context, open_issues),
        notes=tuple(say(note, lang, catalog) for note in recommendation.notes),
        scope=scope_names(recommendation, catalog, lang),
        not_assessed=not_assessed_rows(recommendation, catalog, lang),
    )
