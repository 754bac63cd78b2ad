"""How the agenda scores a pattern: the weights of the rules that fired, plus its fit with
the prioritised forces.

Fit depends on the force weights alone, so it is computed once per pattern for each set of
weights (and shared by the assessments of one catalog that give the same); rule scores change
only when rules fire, and the ranking of every pattern is kept until they do. The
agenda (:mod:`advisor.core.agenda`) decides with these scores.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from advisor.catalog.loader import Catalog
from advisor.catalog.models import Effect, ForceEffect, Verdict
from advisor.catalog.per_catalog import per_catalog
from advisor.core.engine import Firing
from advisor.core.recommendation import ForceContribution, Score
from advisor.questionnaire.answers import Answers


@lru_cache(maxsize=4096)
def _contribution(
    force: str, weight: int, effect: str, strength: int, points: float, _key: str
) -> ForceContribution:
    """One force contribution, shared by the results that show the same (models are frozen).

    ``_key`` is ``repr(points)``: -0.0 and 0.0 compare equal but are written apart.
    """
    return ForceContribution(force=force, weight=weight, effect=effect, strength=strength, points=points)


@lru_cache(maxsize=4096)
def _score(rules: int, forces: float, total: float, _key: str) -> Score:
    """One score, shared by the results that show the same (``_key``: the numbers' repr)."""
    return Score(rules=rules, forces=forces, total=total)


Weights = tuple[tuple[str, int], ...]

_FITS_MAX = 256  # sets of weights kept per catalog (each ~ a float and a few contributions per pattern)


@dataclass
class _Fits:
    """The fit of every pattern with one set of force weights, and the contributions making
    it up (made for the patterns a result shows, as it asks for them)."""

    totals: dict[str, float]
    contributions: dict[str, tuple[ForceContribution, ...]] = field(default_factory=dict)


@per_catalog
def _fits_of(_catalog: Catalog) -> dict[Weights, _Fits]:
    """Per catalog, while it lives: the fits of its patterns for each set of force weights."""
    return {}


@dataclass
class Scores:
    """The rules fired so far for one assessment and the scores they give each pattern."""

    catalog: Catalog
    answers: Answers
    fired: dict[str, int] = field(default_factory=dict)
    _rule_scores: dict[str, int] = field(default_factory=dict)
    _favoured: set[str] = field(default_factory=set)
    _about: dict[str, list[str]] = field(default_factory=dict)  # pattern → the rules fired about it
    _shared_fits: _Fits | None = None
    _fit_totals: dict[str, float] | None = None  # the shared fits' totals, looked up most
    _total: dict[str, float] = field(default_factory=dict)
    _rank: dict[str, tuple[float, int, str]] = field(default_factory=dict)
    _ranked: list[str] | None = None
    _keys: list[tuple[float, int, str]] = field(default_factory=list)  # the rank of each, in order
    _moved: set[str] = field(default_factory=set)  # patterns whose rank changed since
    _positive: list[str] | None = None

    def record(self, firings: Sequence[Firing]) -> bool:
        """Take in rule firings: each rule counts once, its weight signed by its verdict.

        Whether a rule fired that had not (and so some score or verdict may have changed).
        """
        new = False
        fired, rules, scores = self.fired, self.catalog.rules, self._rule_scores
        for firing in firings:
            rule_id = firing.rule
            if rule_id in fired:
                continue
            new = True
            fired[rule_id] = firing.clause
            rule = rules[rule_id]
            pattern = rule.pattern
            self._about.setdefault(pattern, []).append(rule_id)
            if rule.verdict is Verdict.RECOMMEND:
                scores[pattern] = scores.get(pattern, 0) + rule.weight
                self._favoured.add(pattern)
            else:
                scores[pattern] = scores.get(pattern, 0) - rule.weight
            self._total.pop(pattern, None)
            self._rank.pop(pattern, None)
            self._moved.add(pattern)
        if new:
            self._positive = None
        return new

    def rule_score(self, pattern_id: str) -> int:
        """The summed weights of the fired rules about ``pattern_id`` (advising against counts negative)."""
        return self._rule_scores.get(pattern_id, 0)

    def fired_about(self, pattern_id: str) -> list[str]:
        """The rules about ``pattern_id`` that fired, in the order they fired."""
        return self._about.get(pattern_id, [])

    def favoured(self, pattern_id: str) -> bool:
        """Whether some fired rule recommends ``pattern_id``, whatever the others say."""
        return pattern_id in self._favoured

    def _effects(self, pattern_id: str) -> list[tuple[ForceEffect, int, float]]:
        """Each force effect of ``pattern_id`` (by force) with its weight and points."""
        effects = []
        for effect in sorted(self.catalog.patterns[pattern_id].forces, key=lambda e: e.force):
            weight = self.answers.weight(effect.force)
            sign = 1 if effect.effect is Effect.HELPS else -1
            effects.append((effect, weight, round(sign * weight * effect.strength / 5, 2)))
        return effects

    def contributions(self, pattern_id: str) -> tuple[ForceContribution, ...]:
        """How each prioritised force moves the score of ``pattern_id`` (worked out once per
        set of weights)."""
        made = self._fits().contributions
        found = made.get(pattern_id)
        if found is None:
            found = made[pattern_id] = tuple(
                _contribution(
                    effect.force, weight, effect.effect.value, effect.strength, points, repr(points)
                )
                for effect, weight, points in self._effects(pattern_id)
            )
        return found

    def fit(self, pattern_id: str) -> float:
        """How well ``pattern_id`` serves the prioritised forces (cached per set of weights).

        Computed from the numbers alone: ranking asks for the fit of every pattern, the
        contribution models are built only for the patterns a result shows.
        """
        totals = self._fit_totals
        if totals is None:
            totals = self._fit_totals = self._fits().totals
        return totals[pattern_id]

    def _fits(self) -> _Fits:
        """The fits with these answers' weights (worked out once per set of weights)."""
        if self._shared_fits is None:
            fits = _fits_of(self.catalog)
            weights = tuple(sorted(self.answers.forces.items()))
            found = fits.get(weights)
            if found is None:
                if len(fits) >= _FITS_MAX:
                    fits.clear()
                found = fits[weights] = _Fits(
                    {p: round(sum(e[2] for e in self._effects(p)), 2) for p in self.catalog.patterns}
                )
            self._shared_fits = found
        return self._shared_fits

    def total(self, pattern_id: str) -> float:
        """The score by which candidates are ranked: rule weights plus force fit."""
        total = self._total.get(pattern_id)
        if total is None:
            total = self._total[pattern_id] = round(self.rule_score(pattern_id) + self.fit(pattern_id), 2)
        return total

    def score(self, pattern_id: str) -> Score:
        """The rule, force and total score of ``pattern_id``."""
        rules, forces, total = self.rule_score(pattern_id), self.fit(pattern_id), self.total(pattern_id)
        return _score(rules, forces, total, repr((rules, forces, total)))

    def rank(self, pattern_id: str) -> tuple[float, int, str]:
        """Sort key: the highest total first, then the rules' verdict, then by id (kept until a
        rule about the pattern fires)."""
        key = self._rank.get(pattern_id)
        if key is None:
            key = self._rank[pattern_id] = (-self.total(pattern_id), -self.rule_score(pattern_id), pattern_id)
        return key

    def ranked(self) -> list[str]:
        """Every pattern of the catalog, best first (when a rule fires, the patterns it is
        about move to their new places)."""
        if self._ranked is None:
            self._ranked = sorted(self.catalog.patterns, key=self.rank)
            self._keys = [self.rank(p) for p in self._ranked]
            self._moved.clear()
        elif self._moved:
            ranked, keys = list(self._ranked), self._keys
            for pattern_id in self._moved:
                at = ranked.index(pattern_id)
                del ranked[at], keys[at]
                key = self.rank(pattern_id)
                at = bisect_left(keys, key)
                ranked.insert(at, pattern_id)
                keys.insert(at, key)
            self._ranked = ranked
            self._moved.clear()
        return self._ranked

    def positive(self) -> list[str]:
        """The patterns the fired rules favour on balance (a positive rule score)."""
        if self._positive is None:
            self._positive = [p for p, score in self._rule_scores.items() if score > 0]
        return self._positive
