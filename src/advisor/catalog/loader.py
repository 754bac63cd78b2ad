"""Load a catalog folder (``rules/``) into a validated :class:`Catalog`.

A catalog folder holds ``groups.yaml``, ``forces.yaml``, ``issues/*.yaml``,
``patterns/*.yaml`` (one pattern per file) and ``applicability/*.yaml``.
Several folders can be layered: a later folder adds entries and replaces
entries of the same id from earlier ones. Every reference is checked here, so
the rest of the program can trust ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from advisor.catalog.conditions import Condition, IssueTest, PatternTest, leaves
from advisor.catalog.models import (
    Force,
    ForcesFile,
    Group,
    GroupsFile,
    Issue,
    IssuesFile,
    Layer,
    Pattern,
    PatternFile,
    Relation,
    Rule,
    RulesFile,
)
from advisor.errors import CatalogError, Problem
from advisor.resources import bundled_rules_dir, display_path
from advisor.yamlfile import YamlDocument, read_yaml, validate

E = TypeVar("E", bound=BaseModel)


@dataclass(frozen=True)
class Source:
    """Where an entry was defined: file and line."""

    path: str
    line: int | None

    def problem(self, message: str, hint: str | None = None) -> Problem:
        """A problem located at this source."""
        return Problem(self.path, message, self.line, None, hint)


@dataclass(frozen=True)
class Catalog:
    """The pattern language plus its applicability rules, indexed by id."""

    layers: dict[str, Layer]
    groups: dict[str, Group]
    forces: dict[str, Force]
    issues: dict[str, Issue]
    patterns: dict[str, Pattern]
    rules: dict[str, Rule]
    sources: dict[tuple[str, str], Source] = field(default_factory=dict, compare=False)

    def source(self, kind: str, entry_id: str) -> Source:
        """Where the entry of ``kind`` ('pattern', 'rule', ...) with ``entry_id`` was defined."""
        return self.sources.get((kind, entry_id), Source("<catalog>", None))

    def resolvers(self, issue_id: str) -> tuple[str, ...]:
        """The patterns that resolve an issue."""
        return self.issues[issue_id].resolved_by

    def rules_for(self, pattern_id: str) -> tuple[Rule, ...]:
        """The rules whose consequent is ``pattern_id``."""
        return tuple(r for r in self.rules.values() if r.pattern == pattern_id)


@dataclass
class _Builder:
    entries: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {k: {} for k in ("layer", "group", "force", "issue", "pattern", "rule")}
    )
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)

    def add(self, kind: str, items: Iterable[Any], doc: YamlDocument, key: str, *,
            pack: int, seen: dict[tuple[str, str], tuple[int, Source]]) -> None:
        for index, item in enumerate(items):
            line, _ = doc.where((key, index) if key else ())
            source = Source(doc.path, line)
            earlier = seen.get((kind, item.id))
            if earlier is not None and earlier[0] == pack:
                raise CatalogError([source.problem(
                    f"{kind} '{item.id}' is defined twice (also at {earlier[1].path}:{earlier[1].line})",
                    hint="ids must be unique within a rule pack; rename or remove one",
                )])
            seen[(kind, item.id)] = (pack, source)
            self.entries[kind][item.id] = item
            self.sources[(kind, item.id)] = source


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def _load_pack(builder: _Builder, folder: Path, pack: int,
               seen: dict[tuple[str, str], tuple[int, Source]]) -> None:
    groups = folder / "groups.yaml"
    if groups.is_file():
        doc = read_yaml(groups, display_path(groups))
        parsed = validate(doc, GroupsFile)
        builder.add("layer", parsed.layers, doc, "layers", pack=pack, seen=seen)
        builder.add("group", parsed.groups, doc, "groups", pack=pack, seen=seen)
    forces = folder / "forces.yaml"
    if forces.is_file():
        doc = read_yaml(forces, display_path(forces))
        builder.add("force", validate(doc, ForcesFile).forces, doc, "forces", pack=pack, seen=seen)
    for path in _yaml_files(folder / "issues"):
        doc = read_yaml(path, display_path(path))
        builder.add("issue", validate(doc, IssuesFile).issues, doc, "issues", pack=pack, seen=seen)
    for path in _yaml_files(folder / "patterns"):
        doc = read_yaml(path, display_path(path))
        pattern = validate(doc, PatternFile)
        if pattern.id != path.stem:
            raise CatalogError([doc.problem(("id",), f"pattern id '{pattern.id}' does not match "
                                f"its file name '{path.name}'",
                                hint=f"rename the file to {pattern.id}.yaml or fix the id")])
        builder.add("pattern", [Pattern.model_validate(pattern.model_dump(by_alias=True))],
                    doc, "", pack=pack, seen=seen)
    for path in _yaml_files(folder / "applicability"):
        doc = read_yaml(path, display_path(path))
        builder.add("rule", validate(doc, RulesFile).rules, doc, "rules", pack=pack, seen=seen)


def load_catalog(extra: Sequence[Path] = (), *, bundled: bool = True) -> Catalog:
    """Load the bundled catalog, overlaid by the rule packs in ``extra`` (in order).

    Raises:
        CatalogError: a file is invalid or an id is referenced but not defined.
    """
    folders = ([bundled_rules_dir()] if bundled else []) + list(extra)
    builder = _Builder()
    seen: dict[tuple[str, str], tuple[int, Source]] = {}
    for pack, folder in enumerate(folders):
        if not folder.is_dir():
            raise CatalogError([Problem(display_path(folder), "rule pack folder not found",
                                        hint="pass a folder holding patterns/, issues/, "
                                        "applicability/ or forces.yaml")])
        _load_pack(builder, folder, pack, seen)
    catalog = Catalog(
        layers=dict(sorted(builder.entries["layer"].items())),
        groups=dict(sorted(builder.entries["group"].items())),
        forces=dict(sorted(builder.entries["force"].items())),
        issues=dict(sorted(builder.entries["issue"].items())),
        patterns=dict(sorted(builder.entries["pattern"].items())),
        rules=dict(sorted(builder.entries["rule"].items())),
        sources=builder.sources,
    )
    problems = check_references(catalog)
    if problems:
        raise CatalogError(problems)
    return catalog


def _missing(catalog: Catalog, kind: str, entry_id: str, table: dict[str, Any],
             wanted: str, what: str) -> list[Problem]:
    if wanted in table:
        return []
    from difflib import get_close_matches

    close = get_close_matches(wanted, list(table), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"define the {what} or remove the reference"
    return [catalog.source(kind, entry_id).problem(
        f"{kind} '{entry_id}' refers to unknown {what} '{wanted}'", hint)]


def condition_refs(condition: Condition) -> list[tuple[str, str]]:
    """The (kind, id) of every force, pattern and issue a condition refers to."""
    refs: list[tuple[str, str]] = []
    for leaf in leaves(condition):
        if isinstance(leaf, PatternTest):
            refs.append(("pattern", leaf.pattern))
        elif isinstance(leaf, IssueTest):
            refs.append(("issue", leaf.issue))
        elif hasattr(leaf, "force"):
            refs.append(("force", leaf.force))
    return refs


def check_references(catalog: Catalog) -> list[Problem]:
    """Every id referenced anywhere in the catalog exists."""
    problems: list[Problem] = []
    for group in catalog.groups.values():
        problems += _missing(catalog, "group", group.id, catalog.layers, group.layer, "layer")
        if group.parent:
            problems += _missing(catalog, "group", group.id, catalog.groups, group.parent, "group")
    for issue in catalog.issues.values():
        for pid in issue.resolved_by:
            problems += _missing(catalog, "issue", issue.id, catalog.patterns, pid, "pattern")
        if not issue.resolved_by and issue.accepted is None:
            problems.append(catalog.source("issue", issue.id).problem(
                f"issue '{issue.id}' is neither resolved by a pattern nor accepted",
                "add resolved_by: [pattern ids] or accepted: <why it is lived with>"))
    for pattern in catalog.patterns.values():
        problems += _missing(catalog, "pattern", pattern.id, catalog.groups, pattern.group, "group")
        problems += _missing(catalog, "pattern", pattern.id, catalog.layers, pattern.layer, "layer")
        for effect in pattern.forces:
            problems += _missing(catalog, "pattern", pattern.id, catalog.forces, effect.force, "force")
        for iid in pattern.resulting_context.issues:
            problems += _missing(catalog, "pattern", pattern.id, catalog.issues, iid, "issue")
        for relation in Relation:
            for other in pattern.related.of(relation):
                problems += _missing(catalog, "pattern", pattern.id, catalog.patterns, other, "pattern")
    tables = {"pattern": catalog.patterns, "issue": catalog.issues, "force": catalog.forces}
    for rule in catalog.rules.values():
        problems += _missing(catalog, "rule", rule.id, catalog.patterns, rule.pattern, "pattern")
        for kind, ref in condition_refs(rule.when):
            problems += _missing(catalog, "rule", rule.id, tables[kind], ref, kind)
    return problems
