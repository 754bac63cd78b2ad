"""The risks of a recommendation as report rows, in one language.

A risk rule names the patterns its mitigation relies on. Which of them this plan already
has (recommended, or in place and kept) and which it would take besides is what a reader
acts on, so every view splits them: a mitigation is never shown as if the plan held it.
"""

from __future__ import annotations

from advisor.base.i18n import Lang
from advisor.catalog.loader import Catalog
from advisor.core.recommendation import Recommendation, Risk
from advisor.report.labels import label, say, show_value
from advisor.report.view import MatchRow, Ref, RiskRow


def split_mitigations(rec: Recommendation, risk: Risk) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The patterns mitigating ``risk`` that the plan holds, and those it does not (to consider)."""
    planned = set(rec.recommended_ids)
    return (
        tuple(p for p in risk.mitigated_by if p in planned),
        tuple(p for p in risk.mitigated_by if p not in planned),
    )


def risk_title(risk: Risk, catalog: Catalog, lang: Lang) -> str:
    """The title of a risk in ``lang``: its rule's, after the unresolved issue it is about."""
    rule = catalog.risks.get(risk.id)
    title = rule.title.get(lang) if rule else risk.id
    if risk.unresolved is None:
        return title
    issue = catalog.issues.get(risk.unresolved)
    name = issue.title.get(lang) if issue else risk.unresolved
    return label("risk_unresolved", lang, issue=name, title=title)


def risk_rows(rec: Recommendation, catalog: Catalog, lang: Lang) -> tuple[RiskRow, ...]:
    """Every risk that holds, most severe first, with the rule's words in ``lang``."""

    def ref(pattern_id: str) -> Ref:
        pattern = catalog.patterns.get(pattern_id)
        return Ref(id=pattern_id, name=pattern.name.get(lang) if pattern else pattern_id)

    rows = []
    for risk in rec.risks:
        rule = catalog.risks.get(risk.id)
        issue = catalog.issues.get(risk.issue) if risk.issue else None
        planned, beyond = split_mitigations(rec, risk)
        rows.append(
            RiskRow(
                id=risk.id,
                severity=risk.severity,
                severity_label=label(f"severity_{risk.severity}", lang),
                title=risk_title(risk, catalog, lang),
                stake=rule.stake.get(lang) if rule else "",
                mitigation=rule.mitigation.get(lang) if rule else "",
                mitigated_by=tuple(ref(p) for p in planned),
                not_in_plan=tuple(ref(p) for p in beyond),
                matched=tuple(
                    MatchRow(
                        test=say(m.test, lang),
                        actual=None if m.actual is None else show_value(m.actual, lang),
                    )
                    for m in risk.matched
                ),
                issue=risk.issue,
                issue_title=(issue.title.get(lang) if issue else risk.issue) if risk.issue else None,
            )
        )
    return tuple(rows)
