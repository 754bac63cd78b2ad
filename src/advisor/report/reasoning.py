"""Plain-text renderings of the reasoning tools: explain, what-if, diff, portfolio.

Pure functions returning text, with no styling, so the output reads the same
in a terminal, a CI log or a pull-request comment (their JSON: :mod:`advisor.report.json`).
"""

from __future__ import annotations

from typing import Any

from advisor.analysis.results import (
    AssessmentDiff,
    Explanation,
    Flip,
    Portfolio,
    Rivalry,
    RuleCheck,
    Sensitivity,
    Suggestion,
)
from advisor.base.text import visible
from advisor.core.recommendation import Reason
from advisor.questionnaire.overrides import format_value


def _reason(reason: Reason) -> list[str]:
    if reason.kind == "successor":
        return [f"  • {reason.text}"]
    sign = "+" if reason.verdict == "recommend" else "-"
    lines = [f"  • rule {reason.rule} ({reason.verdict} {sign}{reason.weight}): {reason.text}"]
    if reason.matched:
        lines.append(
            "      matched: "
            + ", ".join(m.test + (f" ({m.actual})" if m.actual else "") for m in reason.matched)
        )
    return lines


def _rule(check: RuleCheck) -> list[str]:
    sign = "+" if check.verdict == "recommend" else "-"
    mark = "✔ fired" if check.fired else "✘ did not fire"
    lines = [f"  • {check.rule} ({check.verdict} {sign}{check.weight}) {mark}: {check.reason}"]
    for index, clause in enumerate(check.clauses, start=1):
        tests = ", ".join(f"{t.test} {'✔' if t.holds else '✘'} (is {t.actual})" for t in clause)
        prefix = f"option {index}: " if len(check.clauses) > 1 else ""
        lines.append(f"      {prefix}{tests}")
    return lines


def _suggestion(suggestion: Suggestion, pattern: str) -> str:
    sets = " ".join(f"--set {c.set}" for c in suggestion.changes)
    what = ", ".join(c.describe() for c in suggestion.changes)
    of = f" of {suggestion.pattern}" if suggestion.pattern != pattern else ""
    verb = "fires" if suggestion.effect == "fires" else "no longer fires"
    return f"  • {what}: rule {suggestion.rule}{of} {verb}; {pattern} is then recommended\n      try: {sets}"


def _rivalry(rivalry: Rivalry, won: bool) -> str:
    """One rival, in the loser's own terms: won over A (A's reason), or lost to W (this pattern's)."""
    r = rivalry
    via = f" to resolve '{r.issue}'" if r.issue else ""
    loser = f"{r.loser_score.total:g}"
    winner = f"{r.winner_score.total:g}"
    if won:
        why = {
            "advised-against": f"{r.loser} is advised against here (rule score {r.loser_score.rules:+d})",
            "outscored": f"{r.loser} scores {loser} against {winner}",
            "adopted-first": f"{r.loser} scores higher ({loser} against {winner}), but this pattern "
            "was adopted first",
        }[r.reason]
        return f"  • {r.loser}{via}: {why}"
    why = {
        "advised-against": f"this pattern is advised against here (rule score {r.loser_score.rules:+d}); "
        f"it scores {winner}",
        "outscored": f"it scores {winner} against {loser} for this pattern",
        "adopted-first": f"it was adopted first, although it scores lower ({winner} against {loser})",
    }[r.reason]
    return f"  • {r.winner}{via}: {why}"


def _flip_lines(flips: tuple[Flip, ...], pattern: str, recommended: bool) -> list[str]:
    """The single changes that flip the pattern, merged per answer as ``advisor whatif`` shows them."""
    lines = []
    for flip, values in _group_flips(flips):
        change = flip.change
        shown = [format_value(v) for v in values]
        new = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
        effect = "removes it" if recommended else "brings it in"
        also = [
            f"{label} " + ", ".join(ids)
            for label, ids in (
                ("also adds", [p for p in flip.added if p != pattern]),
                ("also removes", [p for p in flip.removed if p != pattern]),
            )
            if ids
        ]
        lines.append(f"  • {change.subject} {format_value(change.old)} → {new}: {effect}")
        if also:
            lines.append("      " + "; ".join(also))
        lines.append(f"      try: --set {change.set}")
    return lines


def render_explanation(explanation: Explanation) -> str:
    """Why (or why not) one pattern, as text."""
    e = explanation
    out = [f"{e.pattern} ({e.name}) for {e.system or '(unnamed system)'}: {e.summary}"]
    if len(e.chain) > 1:
        out += ["", "Chain from the top-level decision:"]
        for depth, step in enumerate(e.chain):
            lead = "  " + "   " * (depth - 1) + "└─ " if depth else "  "
            via = (
                f"  resolves '{step.issue}' raised by {step.parent}"
                if step.issue
                else (
                    f"  recommended by its rules, after {step.parent}"
                    if step.parent
                    else "  recommended by its rules"
                )
            )
            out.append(f"{lead}{step.pattern}{via}")
    rule_reasons = [r for r in e.reasons if r.kind == "rule"]
    successor_reasons = [r for r in e.reasons if r.kind == "successor"]
    if successor_reasons and e.status == "recommended":
        out += ["", "Issues it resolves:"]
        for reason in successor_reasons:
            out += _reason(reason)
    if rule_reasons:
        out += ["", "Rules that fired:"]
        for reason in rule_reasons:
            out += _reason(reason)
    if e.forces:
        out += ["", "Fit with the forces:"]
        for c in e.forces:
            out.append(f"  • {c.force} (weight {c.weight}) {c.effect} ×{c.strength}: {c.points:+g}")
    if e.won_over:
        out += ["", "Won over:"]
        out += [_rivalry(r, won=True) for r in e.won_over]
    if e.lost_to:
        out += ["", "Lost to:"]
        out += [_rivalry(r, won=False) for r in e.lost_to]
    if e.needs_one_of:
        out += ["", "Needs one of these to be recommended first: " + ", ".join(e.needs_one_of)]
    if e.resolves and e.status != "recommended":
        out += ["", "Issues it would resolve:"]
        for link in e.resolves:
            raisers = ", ".join(link.raised_by) or "no pattern"
            state = "raised here" if link.raised else "not raised here"
            if link.resolved_here_by:
                state += f", resolved by {', '.join(link.resolved_here_by)}"
            out.append(f"  • '{link.issue}', raised by {raisers} ({state})")
    return visible("\n".join(out + _what_would_change(e)) + "\n")


def _what_would_change(e: Explanation) -> list[str]:
    """Its rules against the answers (when not recommended), and the changes that flip it."""
    out: list[str] = []
    recommended = e.status == "recommended"
    if not recommended:
        if e.rules:
            out += ["", "Its rules, against these answers:"]
            for check in e.rules:
                out += _rule(check)
        else:
            out += ["", "No applicability rule names it; it can only come in as a successor."]
    if e.flips:
        what = "remove it" if recommended else "bring it in"
        out += ["", f"Single changes that {what} (the ones advisor whatif finds; each verified):"]
        out += _flip_lines(e.flips, e.pattern, recommended)
    if e.suggestions:
        out += ["", "Combined changes that bring it in (each verified by re-running the advisor):"]
        out += [_suggestion(s, e.pattern) for s in e.suggestions]
    if not e.flips and not e.suggestions:
        what = "removes it" if recommended else "brings it in"
        out += ["", f"No single change of an answer or force weight {what}, and no combination found does."]
    return out


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


def render_sensitivity(sensitivity: Sensitivity) -> str:
    """The what-if report as text, most decisive change first."""
    s = sensitivity
    name = s.system or "(unnamed system)"
    out = [
        f"What would change the recommendation for {name}: {s.tried} single changes tried, "
        f"{len(s.flips)} change it.",
        "Recommended now: " + (", ".join(s.recommended) or "(nothing)"),
    ]
    if not s.flips:
        out += ["", "No single change of an answer or force weight changes the recommendation."]
    for index, (flip, values) in enumerate(_group_flips(s.flips), start=1):
        change = flip.change
        shown = [format_value(v) for v in values]
        new = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
        out += [
            "",
            f"{index}. {change.subject} {format_value(change.old)} → {new}   (try: --set {change.set})",
        ]
        if flip.added:
            out.append("     adds:    " + ", ".join(flip.added))
        if flip.removed:
            out.append("     removes: " + ", ".join(flip.removed))
    if s.stable:
        out += ["", "No single change of these alters the recommendation: " + ", ".join(s.stable)]
    return visible("\n".join(out) + "\n")


def _value(value: Any) -> str:
    return "(not asked)" if value is None else format_value(value)


def render_diff(d: AssessmentDiff) -> str:
    """The differences between two assessments as text."""
    out = [f"Comparing {d.before} → {d.after}"]
    if d.answers:
        out += ["", "Answers changed:"]
        out += [f"  {c.key}: {_value(c.before)} → {_value(c.after)}" for c in d.answers]
    if d.forces:
        out += ["", "Force weights changed:"]
        out += [f"  {c.key}: {_value(c.before)} → {_value(c.after)}" for c in d.forces]
    if not d.answers and not d.forces:
        out += ["", "The answers and force weights are the same."]
    if d.added:
        out += ["", "Patterns added:"]
        for p in d.added:
            out.append(f"  + {p.id} ({p.name})")
            out += [f"      {why}" for why in p.why]
    if d.removed:
        out += ["", "Patterns removed:"]
        for p in d.removed:
            out.append(f"  - {p.id} ({p.name})")
            out += [f"      {why}" for why in p.why]
    if not d.advice_changed:
        out += ["", "The recommended patterns are the same."]
    if d.scores:
        out += ["", "Scores changed:"]
        out += [f"  {s.id}: {s.before:g} → {s.after:g}" for s in d.scores]
    if d.opened or d.closed:
        out += ["", "Open issues:"]
        out += [f"  + {i.id} ({i.status}): {i.title}" for i in d.opened]
        out += [f"  - {i.id} ({i.status}): {i.title}" for i in d.closed]
    return visible("\n".join(out) + "\n")


def render_portfolio(portfolio: Portfolio) -> str:
    """The portfolio summary of a batch run as text."""
    p = portfolio
    out = [
        f"Portfolio: {p.assessed} of {p.systems} systems assessed"
        + (f", {p.failed} failed" if p.failed else "")
    ]
    if p.patterns:
        out += ["", "Patterns needed (systems):"]
        out += [f"  {use.count:>3}  {use.id}" for use in p.patterns]
    risks = [r for r in p.open_issues if r.status == "unresolved"]
    if risks:
        out += ["", "Common open risks (systems):"]
        out += [f"  {use.count:>3}  {use.id}: {use.title}" for use in risks]
    return visible("\n".join(out) + "\n")
