"""Read YAML data files safely, keeping where each value came from.

A document is composed once into a node tree; the tree gives every key path
its ``line:column``, and the same tree is constructed into plain Python data
with PyYAML's safe constructor. Validation errors from pydantic are mapped
back to those positions, so a user reads ``rules/patterns/saga.yaml:12:5``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from advisor.errors import DataFileError, Problem

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass
class YamlDocument:
    """Plain data from one YAML file plus the position of every key path."""

    path: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Iterable[str | int], *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at ``loc`` (of its key with ``key=True``).

        Falls back to the deepest known prefix of ``loc``.
        """
        parts = tuple(loc)
        if key and parts in self.key_marks:
            return self.key_marks[parts]
        while True:
            if parts in self.marks:
                return self.marks[parts]
            if not parts:
                return None, None
            parts = parts[:-1]

    def problem(
        self, loc: Iterable[str | int], message: str, hint: str | None = None, *, key: bool = False
    ) -> Problem:
        """A :class:`Problem` located at ``loc`` in this document."""
        line, column = self.where(loc, key=key)
        return Problem(self.path, message, line, column, hint)


def _walk(node: yaml.Node, loc: Loc, doc: YamlDocument) -> None:
    doc.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in seen:
                raise DataFileError.single(
                    doc.path,
                    f"duplicate key '{key}' (first given on line {seen[key]})",
                    line=key_node.start_mark.line + 1,
                    column=key_node.start_mark.column + 1,
                    hint="remove one of the two entries",
                )
            seen[key] = key_node.start_mark.line + 1
            doc.key_marks[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, (*loc, key), doc)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), doc)


#: libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one.
_COMPOSER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse YAML ``text`` (named ``path`` in messages) into a :class:`YamlDocument`."""
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise DataFileError.single(
            path,
            f"not valid YAML: {reason}",
            line=line,
            column=column,
            hint="check indentation, colons and quoting around this position",
        ) from None
    except yaml.YAMLError as exc:
        raise DataFileError.single(path, f"not valid YAML: {exc}") from None
    if node is None:
        return YamlDocument(path, None, {(): (1, 1)})
    doc = YamlDocument(path, None)
    _walk(node, (), doc)
    try:
        data = yaml.SafeLoader("").construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise DataFileError.single(
            path,
            f"not valid YAML: {exc.problem}",
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    doc.data = data
    return doc


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse the YAML file at ``path``; ``display`` names it in messages."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError.single(
            name, "file not found", hint="check the path, or list the folder to find the file"
        ) from None
    except IsADirectoryError:
        raise DataFileError.single(name, "is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError.single(
            name, f"not UTF-8 text ({exc.reason})", hint="save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise DataFileError.single(name, f"cannot be read: {exc.strerror}") from None
    return parse_yaml(text, name)


def _describe(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    message = str(error.get("msg", "invalid value"))
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return message


def _is_internal(part: str | int) -> bool:
    """Whether a pydantic location part names a validator or union tag, not a key."""
    return isinstance(part, str) and ("[" in part or (part.startswith("<") and part.endswith(">")))


@lru_cache(maxsize=64)
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


def _expand(node: Mapping[str, Any], defs: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The schema node with its ``$ref`` resolved and its union branches flattened."""
    if "$ref" in node:
        return _expand(defs.get(node["$ref"].rsplit("/", 1)[-1], {}), defs)
    branches = [b for kind in ("anyOf", "oneOf", "allOf") for b in node.get(kind, [])]
    if branches:
        return [leaf for branch in branches for leaf in _expand(branch, defs)]
    return [node]


def allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys ``model`` accepts in the mapping at ``loc`` (empty when unknown)."""
    schema = _schema(model)
    defs = schema.get("$defs", {})
    nodes = _expand(schema, defs)
    for part in loc:
        children = []
        for node in nodes:
            if isinstance(part, int):
                child = node.get("items")
            else:
                child = node.get("properties", {}).get(part) or node.get("additionalProperties")
            if isinstance(child, Mapping):
                children += _expand(child, defs)
        nodes = children
    return sorted({key for node in nodes for key in node.get("properties", {})})


def _unknown_key_hint(model: type[BaseModel] | None, loc: Loc) -> str | None:
    if model is None or not loc:
        return None
    known = allowed_keys(model, loc[:-1])
    if not known:
        return None
    near = difflib.get_close_matches(str(loc[-1]), known, n=1)
    return f"did you mean '{near[0]}'?" if near else f"the keys allowed here: {', '.join(known)}"


def validation_problems(
    doc: YamlDocument, exc: ValidationError, prefix: Loc = (), model: type[BaseModel] | None = None
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into one located problem per error.

    With ``model``, an unknown key gets a hint: the closest key allowed there, or all of them.
    """
    problems = []
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if not _is_internal(part))
        full = (*prefix, *loc)
        dotted = ".".join(str(p) for p in loc) or "(document)"
        unknown = error.get("type") == "extra_forbidden"
        hint = _unknown_key_hint(model, loc) if unknown else None
        problems.append(doc.problem(full, f"{dotted}: {_describe(error)}", hint, key=unknown))
    return problems


def validate(doc: YamlDocument, model: type[M], data: Any = None, prefix: Loc = ()) -> M:
    """Validate ``data`` (default: the whole document) as ``model`` or raise with positions."""
    payload = doc.data if data is None else data
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise DataFileError(validation_problems(doc, exc, prefix, model)) from None
