"""Load a catalog folder (``rules/``) into a validated :class:`Catalog`.

A catalog folder holds ``groups.yaml``, ``forces.yaml``, ``issues/*.yaml``,
``patterns/*.yaml`` (one pattern per file) and ``applicability/*.yaml``.
Several folders can be layered: a later folder adds entries and replaces
entries of the same id from earlier ones. Every reference is checked here, so
the rest of the program can trust ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from advisor import errors
from advisor.base.resources import bundled_rules_dir, display_path
from advisor.base.yamlfile import YamlDocument, read_yaml, validate
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
    RiskRule,
    RisksFile,
    Rule,
    RulesFile,
)
from advisor.catalog.pack_words import said
from advisor.catalog.relations import derive_patterns
from advisor.errors import CatalogError, Problem, Words

E = TypeVar("E", bound=BaseModel)


@dataclass(frozen=True)
class Source:
    """Where an entry was defined: its file, line, and the key path inside the file."""

    path: str
    line: int | None
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)
    loc: tuple[str | int, ...] = ()

    def problem(self, message: Words, hint: Words | None = None, at: tuple[str | int, ...] = ()) -> Problem:
        """A problem located at this entry, or at the key path ``at`` inside it."""
        if self.doc is not None:
            return self.doc.problem((*self.loc, *at), message, hint)
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
    risks: dict[str, RiskRule] = field(default_factory=dict)
    #: Read for messages and the written order of groups; the cache may hand it over lazily.
    sources: Mapping[tuple[str, str], Source] = field(default_factory=dict, compare=False)

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
        default_factory=lambda: {
            k: {} for k in ("layer", "group", "force", "issue", "pattern", "rule", "risk")
        }
    )
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)

    def add(
        self,
        kind: str,
        items: Iterable[Any],
        doc: YamlDocument,
        key: str,
        *,
        pack: int,
        seen: dict[tuple[str, str], tuple[int, Source]],
    ) -> None:
        for index, item in enumerate(items):
            loc: tuple[str | int, ...] = (key, index) if key else ()
            line, _ = doc.where(loc)
            source = Source(doc.path, line, doc, loc)
            earlier = seen.get((kind, item.id))
            if earlier is not None and earlier[0] == pack:
                raise CatalogError(
                    [
                        source.problem(
                            said(
                                "defined_twice",
                                kinds={"kind": kind},
                                id=item.id,
                                where=f"{earlier[1].path}:{earlier[1].line}",
                            ),
                            hint=said("unique_ids"),
                        )
                    ]
                )
            seen[(kind, item.id)] = (pack, source)
            self.entries[kind][item.id] = item
            self.sources[(kind, item.id)] = source


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a pack folder, including those that cannot be read.

    A dangling or looping symbolic link, an unreadable file or a pipe is not skipped:
    reading it reports what is wrong with it.
    """
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and not p.is_dir())


def _present(path: Path) -> bool:
    """Whether a file of a pack is there, even as a link that cannot be followed (reading it says why)."""
    return path.is_file() or path.is_symlink()


def _load_pack(
    builder: _Builder, folder: Path, pack: int, seen: dict[tuple[str, str], tuple[int, Source]]
) -> None:
    groups = folder / "groups.yaml"
    if _present(groups):
        doc = read_yaml(groups, display_path(groups))
        parsed = validate(doc, GroupsFile)
        builder.add("layer", parsed.layers, doc, "layers", pack=pack, seen=seen)
        builder.add("group", parsed.groups, doc, "groups", pack=pack, seen=seen)
    forces = folder / "forces.yaml"
    if _present(forces):
        doc = read_yaml(forces, display_path(forces))
        builder.add("force", validate(doc, ForcesFile).forces, doc, "forces", pack=pack, seen=seen)
    for path in _yaml_files(folder / "issues"):
        doc = read_yaml(path, display_path(path))
        builder.add("issue", validate(doc, IssuesFile).issues, doc, "issues", pack=pack, seen=seen)
    for path in _yaml_files(folder / "patterns"):
        doc = read_yaml(path, display_path(path))
        pattern = validate(doc, PatternFile)
        if pattern.id != path.stem:
            raise CatalogError(
                [
                    doc.problem(
                        ("id",),
                        said("file_name", id=pattern.id, name=path.name),
                        hint=said("rename_file", id=pattern.id),
                    )
                ]
            )
        builder.add(
            "pattern",
            [pattern],
            doc,
            "",
            pack=pack,
            seen=seen,
        )
    for path in _yaml_files(folder / "applicability"):
        doc = read_yaml(path, display_path(path))
        builder.add("rule", validate(doc, RulesFile).rules, doc, "rules", pack=pack, seen=seen)
    for path in _yaml_files(folder / "risks"):
        doc = read_yaml(path, display_path(path))
        builder.add("risk", validate(doc, RisksFile).risks, doc, "risks", pack=pack, seen=seen)


def load_catalog(extra: Sequence[Path] = (), *, bundled: bool = True) -> Catalog:
    """Load the bundled catalog, overlaid by the rule packs in ``extra`` (in order).

    Raises:
        CatalogError: a file is invalid or an id is referenced but not defined.
    """
    catalog = read_catalog(extra, bundled=bundled)
    problems = check_references(catalog)
    if problems:
        raise CatalogError(problems)
    return catalog


def read_catalog(extra: Sequence[Path] = (), *, bundled: bool = True) -> Catalog:
    """Like :func:`load_catalog`, but without checking references (for ``rules lint``).

    Raises:
        CatalogError: a folder is missing, a file is invalid or an id repeats within a pack.
    """
    folders = ([bundled_rules_dir()] if bundled else []) + list(extra)
    builder = _Builder()
    seen: dict[tuple[str, str], tuple[int, Source]] = {}
    for pack, folder in enumerate(folders):
        if not folder.is_dir():
            raise CatalogError(
                [
                    Problem(
                        display_path(folder),
                        said("no_pack"),
                        hint=said("pack_hint"),
                    )
                ]
            )
        _load_pack(builder, folder, pack, seen)
    return Catalog(
        layers=dict(sorted(builder.entries["layer"].items())),
        groups=dict(sorted(builder.entries["group"].items())),
        forces=dict(sorted(builder.entries["force"].items())),
        issues=dict(sorted(builder.entries["issue"].items())),
        patterns=derive_patterns(dict(sorted(builder.entries["pattern"].items())), builder.entries["issue"]),
        rules=dict(sorted(builder.entries["rule"].items())),
        risks=dict(sorted(builder.entries["risk"].items())),
        sources=builder.sources,
    )


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
    tables: dict[str, dict[str, Any]] = {
        "layer": catalog.layers,
        "group": catalog.groups,
        "force": catalog.forces,
        "issue": catalog.issues,
        "pattern": catalog.patterns,
    }

    def need(kind: str, entry_id: str, what: str, wanted: str, *at: str | int) -> None:
        if wanted in tables[what]:
            return
        close = get_close_matches(wanted, list(tables[what]), n=1)
        hint = errors.said("mean", near=close[0]) if close else said("define_or_remove", kinds={"what": what})
        message = said("refers", kinds={"kind": kind, "what": what}, id=entry_id, wanted=wanted)
        problems.append(catalog.source(kind, entry_id).problem(message, hint, at))

    for group in catalog.groups.values():
        need("group", group.id, "layer", group.layer, "layer")
        if group.parent:
            need("group", group.id, "group", group.parent, "parent")
    for issue in catalog.issues.values():
        for index, pattern_id in enumerate(issue.resolved_by):
            need("issue", issue.id, "pattern", pattern_id, "resolved_by", index)
        if not issue.resolved_by and issue.accepted is None:
            problems.append(
                catalog.source("issue", issue.id).problem(
                    said("unsettled", id=issue.id),
                    said("settle"),
                )
            )
    for pattern in catalog.patterns.values():
        need("pattern", pattern.id, "group", pattern.group, "group")
        need("pattern", pattern.id, "layer", pattern.layer, "layer")
        for index, effect in enumerate(pattern.forces):
            need("pattern", pattern.id, "force", effect.force, "forces", index, "force")
        for index, raised in enumerate(pattern.raises):
            need("pattern", pattern.id, "issue", raised.issue, "resulting_context", "issues", index)
            for kind, ref in condition_refs(raised.when) if raised.when else ():
                need("pattern", pattern.id, kind, ref, "resulting_context", "issues", index, "when")
        for relation in (Relation.ALTERNATIVE, Relation.GENERALIZATION):
            for index, other in enumerate(getattr(pattern.declared, relation.value)):
                need("pattern", pattern.id, "pattern", other.pattern, "related", relation.value, index)
        for index, requirement in enumerate(pattern.requires):
            for option, other in enumerate(requirement.any_of):
                need("pattern", pattern.id, "pattern", other, "requires", index, "any_of", option)
    for rule in catalog.rules.values():
        need("rule", rule.id, "pattern", rule.pattern, "pattern")
        for kind, ref in condition_refs(rule.when):
            need("rule", rule.id, kind, ref, "when")
    for risk in catalog.risks.values():
        for key, condition in (("when", risk.when), ("unless", risk.unless)):
            for kind, ref in condition_refs(condition) if condition is not None else ():
                need("risk", risk.id, kind, ref, key)
        for index, issue_id in enumerate(risk.unresolved if isinstance(risk.unresolved, tuple) else ()):
            need("risk", risk.id, "issue", issue_id, "unresolved", index)
        for index, pattern_id in enumerate(risk.mitigated_by):
            need("risk", risk.id, "pattern", pattern_id, "mitigated_by", index)
        if risk.issue is not None:
            need("risk", risk.id, "issue", risk.issue, "issue")
    return problems
