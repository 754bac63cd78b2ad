"""Plain-text renderings of the reasoning tools: explain, what-if, diff, portfolio.

Pure functions returning text, with no styling, so the output reads the same
in a terminal, a CI log or a pull-request comment (their JSON: :mod:`advisor.report.json`).
The words come from :data:`advisor.report.reasoning_words.WORDS` (English and
Korean); the rules' reasons from the catalog. Patterns, questions and forces
are named by id, so that any line can be pasted back into a command.
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.results import (
    AssessmentDiff,
    Explanation,
    Flip,
    LeafResult,
    Portfolio,
    Rivalry,
    RuleCheck,
    Sensitivity,
    Suggestion,
)
from advisor.base.i18n import Lang
from advisor.base.text import visible
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Match, Reason, Score
from advisor.questionnaire.overrides import FORCE_PREFIX
from advisor.report.labels import label, say, show_value
from advisor.report.reasoning_words import WORDS


def _rule_reason(catalog: Catalog, rule_id: str | None, lang: Lang) -> str:
    rule = catalog.rules.get(rule_id or "")
    return rule.reason.get(lang) if rule else str(rule_id)


def _shown(value: Any, lang: Lang) -> str:
    """An answer, a list of them in brackets."""
    shown = show_value(value, lang)
    return f"[{shown}]" if isinstance(value, list | tuple) else shown


def _tests(reason: Reason, lang: Lang) -> str:
    return ", ".join(
        say(m.test, lang) + (f" ({show_value(m.actual, lang)})" if m.actual is not None else "")
        for m in reason.matched
    )


def _failed(because: tuple[Match, ...], lang: Lang) -> str:
    """The tests of a condition that fail, each with the actual answer or weight."""
    return "; ".join(
        f"{say(m.test, lang)} ({WORDS('is_actual', lang, actual=_shown(m.actual, lang))})" for m in because
    )


def _reason(reason: Reason, catalog: Catalog, lang: Lang) -> list[str]:
    if reason.kind == "successor":
        return [f"  • {say_successor(reason, lang)}"]
    if reason.kind == "requirement":
        return [f"  • {WORDS('via_requirement', lang, parent=reason.predecessor)}"]
    sign = "+" if reason.verdict == "recommend" else "-"
    verdict = WORDS(f"verdict_{reason.verdict}", lang)
    text = _rule_reason(catalog, reason.rule, lang)
    lines = [
        "  • "
        + WORDS(
            "rule_line", lang, rule=reason.rule, verdict=verdict, weight=f"{sign}{reason.weight}", reason=text
        )
    ]
    if reason.matched:
        lines.append("      " + WORDS("matched", lang, tests=_tests(reason, lang)))
    return lines


def say_successor(reason: Reason, lang: Lang) -> str:
    """A successor reason: the issue of its predecessor it resolves."""
    return WORDS("via_issue", lang, issue=reason.issue, parent=reason.predecessor)


def _actual(leaf: LeafResult, lang: Lang) -> str:
    if leaf.test.code == "test_pattern":
        return WORDS("recommended" if leaf.actual else "not_recommended", lang)
    if leaf.test.code == "test_issue":
        return WORDS("raised" if leaf.actual else "not_raised", lang)
    return _shown(leaf.actual, lang)


def _rule(check: RuleCheck, catalog: Catalog, lang: Lang) -> list[str]:
    sign = "+" if check.verdict == "recommend" else "-"
    lines = [
        "  • "
        + WORDS(
            "check_line",
            lang,
            rule=check.rule,
            verdict=WORDS(f"verdict_{check.verdict}", lang),
            weight=f"{sign}{check.weight}",
            mark=WORDS("fired" if check.fired else "not_fired", lang),
            reason=_rule_reason(catalog, check.rule, lang),
        )
    ]
    for index, clause in enumerate(check.clauses, start=1):
        tests = ", ".join(
            f"{say(t.test, lang)} {'✔' if t.holds else '✘'} "
            f"({WORDS('is_actual', lang, actual=_actual(t, lang))})"
            for t in clause
        )
        prefix = WORDS("option", lang, number=index) if len(check.clauses) > 1 else ""
        lines.append(f"      {prefix}{tests}")
    return lines


def _subject(kind: str, key: str, lang: Lang) -> str:
    return WORDS("force_subject", lang, force=key) if kind == "force" else key


def _suggestion(suggestion: Suggestion, pattern: str, lang: Lang) -> str:
    sets = " ".join(f"--set {c.set}" for c in suggestion.changes)
    what = ", ".join(
        f"{_subject(c.kind, c.key, lang)} {_shown(c.old, lang)} → {_shown(c.new, lang)}"
        for c in suggestion.changes
    )
    of = WORDS("of_pattern", lang, pattern=suggestion.pattern) if suggestion.pattern != pattern else ""
    effect = WORDS(f"effect_{suggestion.effect}", lang, rule=suggestion.rule, of=of, pattern=pattern)
    outcome = WORDS("then_recommended" if suggestion.recommended else "still_not", lang, pattern=pattern)
    return (
        "  • "
        + WORDS("suggestion", lang, what=what, effect=effect, outcome=outcome)
        + "\n      "
        + WORDS("try", lang, sets=sets)
    )


def _score(score: Score | None, lang: Lang) -> str:
    if score is None:
        return ""
    return WORDS(
        "score", lang, total=f"{score.total:g}", rules=f"{score.rules:+d}", forces=f"{score.forces:+g}"
    )


def _summary(e: Explanation, lang: Lang) -> str:
    """The one-line verdict of an explanation, from its summary code and the explanation's data."""
    code, args = e.summary.code, e.summary.args
    if code in {
        "sum_recommended",
        "sum_on_forces",
        "sum_kept",
        "sum_successor",
        "sum_required",
        "sum_needed",
    }:
        return WORDS.say(e.summary, lang, score=_score(e.score, lang))
    if code == "sum_not_assessed":
        return WORDS.say(e.summary, lang, status=WORDS(f"na_status_{args['status']}", lang))
    if code == "sum_advised_against":
        text = WORDS.say(e.summary, lang, score=f"{int(str(args['score'])):+d}")
        winners = args.get("winners") or ()
        many = isinstance(winners, tuple) and len(winners) > 1
        instead = "sum_instead_many" if many else "sum_instead"
        return text + (WORDS(instead, lang, winners=winners) if winners else "")
    if code == "sum_lost":
        return WORDS.say(e.summary, lang, why="; ".join(_lost(r, lang) for r in e.lost_to))
    if code == "sum_not_needed":
        why = "; ".join(
            WORDS("resolved_instead", lang, issue=link.issue, patterns=link.resolved_here_by)
            for link in e.resolves
            if link.raised and link.resolved_here_by
        )
        return WORDS.say(e.summary, lang, why=why)
    return WORDS.say(e.summary, lang)


def render_explanation(explanation: Explanation, catalog: Catalog, lang: Lang = "en") -> str:
    """Why (or why not) one pattern, as text in ``lang``."""
    e = explanation
    system = e.system or WORDS("unnamed", lang)
    out = [
        WORDS(
            "head",
            lang,
            pattern=e.pattern,
            name=_name(catalog, e, lang),
            system=system,
            summary=_summary(e, lang),
        )
    ]
    if len(e.chain) > 1:
        out += ["", WORDS("chain", lang)]
        for depth, step in enumerate(e.chain):
            lead = "  " + "   " * (depth - 1) + "└─ " if depth else "  "
            if step.origin == "in-place":
                via = WORDS("via_in_place", lang)
            elif step.issue:
                via = WORDS("via_issue", lang, issue=step.issue, parent=step.parent)
            elif step.origin == "requirement":
                via = WORDS("via_requirement", lang, parent=step.parent)
            elif step.on_forces:
                via = WORDS("via_forces", lang)
            elif step.parent:
                via = WORDS("via_rules_after", lang, parent=step.parent)
            else:
                via = WORDS("via_rules", lang)
            out.append(f"{lead}{step.pattern}  {via}")
    rule_reasons = [r for r in e.reasons if r.kind == "rule"]
    successor_reasons = [r for r in e.reasons if r.kind == "successor"]
    if successor_reasons and e.status == "recommended":
        out += ["", WORDS("issues_resolved", lang)]
        for reason in successor_reasons:
            out += _reason(reason, catalog, lang)
    requirement_reasons = [r for r in e.reasons if r.kind == "requirement"]
    if requirement_reasons and e.status == "recommended":
        out += ["", WORDS("required_by_head", lang)]
        for reason in requirement_reasons:
            out += _reason(reason, catalog, lang)
    if rule_reasons:
        out += ["", WORDS("rules_fired", lang)]
        for reason in rule_reasons:
            out += _reason(reason, catalog, lang)
    if e.forces:
        out += ["", WORDS("fit", lang)]
        for c in e.forces:
            effect = WORDS(f"effect_{c.effect}", lang)
            line = WORDS(
                "fit_line",
                lang,
                force=c.force,
                weight=c.weight,
                effect=effect,
                strength=c.strength,
                points=f"{c.points:+g}",
            )
            out.append(f"  • {line}")
    out += _held_back(e, lang)
    if e.won_over:
        out += ["", WORDS("won_over", lang)]
        out += [_rivalry(r, lang, won=True) for r in e.won_over]
    if e.lost_to:
        out += ["", WORDS("lost_to", lang)]
        out += [_rivalry(r, lang, won=False) for r in e.lost_to]
    if e.status == "dropped":
        out += _unmet(e, catalog, lang)
    elif e.needs_one_of:
        out += ["", WORDS("needs_one_of", lang, patterns=e.needs_one_of)]
    out += _would_resolve(e, lang)
    return visible("\n".join(out + _what_would_change(e, catalog, lang)) + "\n")


def _unmet(e: Explanation, catalog: Catalog, lang: Lang) -> list[str]:
    """What a dropped pattern cannot work without (the catalog's reason) and why none of it can come in."""
    pattern = catalog.patterns.get(e.pattern)
    requirement = (
        next((r for r in pattern.requires if sorted(r.any_of) == list(e.needs_one_of)), None)
        if pattern
        else None
    )
    head = "requires_head" if len(e.needs_one_of) == 1 else "requires_any_head"
    lines = ["", WORDS(head, lang, patterns=e.needs_one_of)]
    if requirement is not None:
        lines.append("  " + requirement.reason.get(lang))
    lines += ["  • " + say(m, lang, catalog) for m in e.unmet]
    return lines


def _held_back(e: Explanation, lang: Lang) -> list[str]:
    """The issues a recommended pattern does not raise here, with the tests that fail."""
    if not e.not_raised:
        return []
    lines = ["", WORDS("not_raised_head", lang)]
    for issue in e.not_raised:
        tests = _failed(issue.because, lang)
        key = "held_back_line" if len(issue.because) == 1 else "held_back_line_any"
        lines.append("  • " + WORDS(key, lang, issue=issue.id, tests=tests))
    return lines


def _would_resolve(e: Explanation, lang: Lang) -> list[str]:
    """The issues a pattern not recommended would resolve, and whether (and why not) they arise here."""
    if not e.resolves or e.status == "recommended":
        return []
    lines = ["", WORDS("would_resolve", lang)]
    for link in e.resolves:
        raisers = ", ".join(link.raised_by) or WORDS("no_pattern", lang)
        if link.because:
            key = "not_raised_because" if len(link.because) == 1 else "not_raised_because_any"
            state = WORDS(key, lang, tests=_failed(link.because, lang))
        else:
            state = WORDS("raised_here" if link.raised else "not_raised_here", lang)
        if link.resolved_here_by:
            state += ", " + WORDS("resolved_by", lang, patterns=link.resolved_here_by)
        lines.append("  • " + WORDS("issue_line", lang, issue=link.issue, raisers=raisers, state=state))
    return lines


def _what_would_change(e: Explanation, catalog: Catalog, lang: Lang) -> list[str]:
    """Its rules against the answers (when not recommended), and the changes that flip it."""
    out: list[str] = []
    recommended = e.status == "recommended"
    if not recommended:
        if e.rules:
            out += ["", WORDS("its_rules", lang)]
            for check in e.rules:
                out += _rule(check, catalog, lang)
        else:
            out += ["", WORDS("no_rule", lang)]
    if e.flips:
        out += ["", WORDS("flips_remove" if recommended else "flips_bring", lang)]
        out += _flip_lines(e.flips, e.pattern, recommended, lang)
    if e.suggestions:
        out += ["", WORDS("combined", lang)]
        out += [_suggestion(s, e.pattern, lang) for s in e.suggestions]
    if not e.flips and not e.suggestions:
        out += ["", WORDS("no_change_removes" if recommended else "no_change_brings", lang)]
    return out


def _via(rivalry: Rivalry, lang: Lang) -> str:
    return WORDS("via_resolve", lang, issue=rivalry.issue) if rivalry.issue else ""


def _lost(r: Rivalry, lang: Lang) -> str:
    """Why this pattern lost to ``r.winner``, for the summary line."""
    scores = {"winner_score": f"{r.winner_score.total:g}", "loser_score": f"{r.loser_score.total:g}"}
    rules = f"{r.loser_score.rules:+d}"
    return WORDS(f"lost_{r.reason}", lang, winner=r.winner, via=_via(r, lang), rules=rules, **scores)


def _rivalry(rivalry: Rivalry, lang: Lang, *, won: bool) -> str:
    """One rival, in the loser's own terms: won over A (A's reason), or lost to W (this pattern's)."""
    r = rivalry
    values = {
        "loser": r.loser,
        "loser_score": f"{r.loser_score.total:g}",
        "winner_score": f"{r.winner_score.total:g}",
        "rules": f"{r.loser_score.rules:+d}",
    }
    if won:
        return f"  • {r.loser}{_via(r, lang)}: " + WORDS(f"won_{r.reason}", lang, **values)
    return f"  • {r.winner}{_via(r, lang)}: " + WORDS(f"rival_{r.reason}", lang, **values)


def _flip_lines(flips: tuple[Flip, ...], pattern: str, recommended: bool, lang: Lang) -> list[str]:
    """The single changes that flip the pattern, merged per answer as ``advisor whatif`` shows them."""
    lines = []
    for flip, values in _group_flips(flips):
        change = flip.change
        shown = [_shown(v, lang) for v in values]
        new = shown[0] if len(shown) == 1 else WORDS("or", lang, first=", ".join(shown[:-1]), last=shown[-1])
        effect = WORDS("removes_it" if recommended else "brings_it_in", lang)
        also = [
            WORDS(key, lang, patterns=ids)
            for key, ids in (
                ("also_adds", tuple(p for p in flip.added if p != pattern)),
                ("also_removes", tuple(p for p in flip.removed if p != pattern)),
            )
            if ids
        ]
        subject = _subject(change.kind, change.key, lang)
        lines.append(f"  • {subject} {_shown(change.old, lang)} → {new}: {effect}")
        if also:
            lines.append("      " + "; ".join(also))
        lines.append("      " + WORDS("try", lang, sets=f"--set {change.set}"))
    return lines


def _name(catalog: Catalog, e: Explanation, lang: Lang) -> str:
    pattern = catalog.patterns.get(e.pattern)
    return pattern.name.get(lang) if pattern else e.name


def _group_flips(flips: tuple[Flip, ...]) -> list[tuple[Flip, list[Any]]]:
    """Flips of one answer with the same effect, merged: ``force autonomy 5 → 0, 1 or 2``."""
    groups: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], tuple[Flip, list[Any]]] = {}
    for flip in flips:
        key = (flip.change.kind, flip.change.key, flip.added, flip.removed)
        if key in groups:
            groups[key][1].append(flip.change.new)
        else:
            groups[key] = (flip, [flip.change.new])
    return list(groups.values())


def render_sensitivity(sensitivity: Sensitivity, lang: Lang = "en") -> str:
    """The what-if report as text in ``lang``, most decisive change first."""
    s = sensitivity
    name = s.system or WORDS("unnamed", lang)
    out = [
        WORDS("whatif_head", lang, system=name, tried=s.tried, flips=len(s.flips)),
        WORDS("recommended_now", lang, patterns=", ".join(s.recommended) or WORDS("nothing", lang)),
    ]
    if not s.flips:
        out += ["", WORDS("no_flip", lang)]
    for index, (flip, values) in enumerate(_group_flips(s.flips), start=1):
        change = flip.change
        shown = [_shown(v, lang) for v in values]
        new = shown[0] if len(shown) == 1 else WORDS("or", lang, first=", ".join(shown[:-1]), last=shown[-1])
        subject = _subject(change.kind, change.key, lang)
        out += [
            "",
            WORDS(
                "flip",
                lang,
                index=index,
                subject=subject,
                old=_shown(change.old, lang),
                new=new,
                set=change.set,
            ),
        ]
        if flip.added:
            out.append(WORDS("adds", lang, patterns=flip.added))
        if flip.removed:
            out.append(WORDS("removes", lang, patterns=flip.removed))
    if s.stable:
        subjects = [
            _subject("force", key[len(FORCE_PREFIX) :], lang) if key.startswith(FORCE_PREFIX) else key
            for key in s.stable
        ]
        out += ["", WORDS("stable", lang, subjects=", ".join(subjects))]
    return visible("\n".join(out) + "\n")


def _value(value: Any, lang: Lang) -> str:
    return WORDS("not_asked", lang) if value is None else _shown(value, lang)


def _diff_reason(reason: Reason, catalog: Catalog, lang: Lang) -> str:
    if reason.kind == "successor":
        return say_successor(reason, lang)
    if reason.kind == "requirement":
        return WORDS("via_requirement", lang, parent=reason.predecessor)
    sign = "+" if reason.verdict == "recommend" else "-"
    text = WORDS(
        "diff_rule",
        lang,
        rule=reason.rule,
        weight=f"{sign}{reason.weight}",
        reason=_rule_reason(catalog, reason.rule, lang),
    )
    tests = _tests(reason, lang)
    return text + (f" [{tests}]" if tests else "")


def _why(change: Any, catalog: Catalog, lang: Lang, *, added: bool) -> list[str]:
    lines = [
        WORDS("diff_lost", lang, winner=alt.instead_of, reason=say(alt.reason, lang))
        for alt in change.lost_to
    ]
    for reason in change.reasons:
        text = _diff_reason(reason, catalog, lang)
        lines.append(text if added else WORDS("diff_against", lang, reason=text))
    lines += [
        WORDS("diff_stopped", lang, rule=r.rule, tests=", ".join(say(m.test, lang) for m in r.matched))
        for r in change.stopped
    ]
    lines += [WORDS.say(message, lang) for message in change.why]
    return [f"      {line}" for line in lines]


def render_diff(d: AssessmentDiff, catalog: Catalog, lang: Lang = "en") -> str:
    """The differences between two assessments as text in ``lang``."""
    out = [WORDS("comparing", lang, before=d.before, after=d.after)]
    if d.answers:
        out += ["", WORDS("answers_changed", lang)]
        out += [f"  {c.key}: {_value(c.before, lang)} → {_value(c.after, lang)}" for c in d.answers]
    if d.forces:
        out += ["", WORDS("forces_changed", lang)]
        out += [f"  {c.key}: {_value(c.before, lang)} → {_value(c.after, lang)}" for c in d.forces]
    if not d.answers and not d.forces:
        out += ["", WORDS("same_answers", lang)]
    if d.added:
        out += ["", WORDS("added", lang)]
        for p in d.added:
            out.append(f"  + {p.id} ({_pattern_name(catalog, p.id, p.name, lang)})")
            out += _why(p, catalog, lang, added=True)
    if d.removed:
        out += ["", WORDS("removed", lang)]
        for p in d.removed:
            out.append(f"  - {p.id} ({_pattern_name(catalog, p.id, p.name, lang)})")
            out += _why(p, catalog, lang, added=False)
    if not d.advice_changed:
        out += ["", WORDS("same_patterns", lang)]
    if d.scores:
        out += ["", WORDS("scores_changed", lang)]
        out += [f"  {s.id}: {s.before:g} → {s.after:g}" for s in d.scores]
    if d.opened or d.closed:
        out += ["", WORDS("open_issues", lang)]
        for sign, issues in (("+", d.opened), ("-", d.closed)):
            for i in issues:
                status = WORDS(f"status_{i.status}", lang)
                out.append(f"  {sign} {i.id} ({status}): {_issue_title(catalog, i.id, i.title, lang)}")
    return visible("\n".join(out) + "\n")


def _pattern_name(catalog: Catalog, pattern_id: str, fallback: str, lang: Lang) -> str:
    pattern = catalog.patterns.get(pattern_id)
    return pattern.name.get(lang) if pattern else fallback


def _issue_title(catalog: Catalog, issue_id: str, fallback: str, lang: Lang) -> str:
    issue = catalog.issues.get(issue_id)
    return issue.title.get(lang) if issue else fallback


def render_portfolio(portfolio: Portfolio, catalog: Catalog, lang: Lang = "en") -> str:
    """The portfolio summary of a batch run as text in ``lang``."""
    p = portfolio
    failed = WORDS("portfolio_failed", lang, failed=p.failed) if p.failed else ""
    out = [WORDS("portfolio", lang, assessed=p.assessed, systems=p.systems) + failed]
    if p.patterns:
        out += ["", WORDS("patterns_needed", lang)]
        out += [f"  {use.count:>3}  {use.id}" for use in p.patterns]
    if p.risks:
        out += ["", WORDS("portfolio_risks", lang)]
        width = max(len(label(f"severity_{use.severity}", lang)) for use in p.risks)
        for use in p.risks:
            severity = label(f"severity_{use.severity}", lang)
            out.append(
                f"  {use.count:>3}  {severity:<{width}}  {use.id}: {_risk_title(catalog, use.id, lang)}"
            )
    unresolved = [r for r in p.open_issues if r.status == "unresolved"]
    if unresolved:
        out += ["", WORDS("portfolio_unresolved", lang)]
        out += [
            f"  {use.count:>3}  {use.id}: {_issue_title(catalog, use.id, use.title, lang)}"
            for use in unresolved
        ]
    return visible("\n".join(out) + "\n")


def _risk_title(catalog: Catalog, risk_id: str, lang: Lang) -> str:
    rule = catalog.risks.get(risk_id)
    return rule.title.get(lang) if rule else risk_id
