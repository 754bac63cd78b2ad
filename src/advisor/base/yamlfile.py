"""Read YAML data files safely, keeping where each value came from.

A document is composed once into a node tree; the tree gives every key path
its ``line:column``, and the same tree is constructed into plain Python data
with PyYAML's safe constructor. Validation errors from pydantic are mapped
back to those positions, so a user reads ``rules/patterns/saga.yaml:12:5``.
"""

from __future__ import annotations

import difflib
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from advisor.base.i18n import Phrasebook
from advisor.errors import DataFileError, Problem, Words, said

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
        self, loc: Iterable[str | int], message: Words, hint: Words | None = None, *, key: bool = False
    ) -> Problem:
        """A :class:`Problem` located at ``loc`` in this document."""
        line, column = self.where(loc, key=key)
        return Problem(self.path, message, line, column, hint)


#: Limits on every YAML input (documented in docs/input-limits.md). Real answers files and
#: rule-pack files are a few kilobytes, a few hundred nodes and under ten levels deep.
MAX_INPUT_BYTES = 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64
#: Integers must fit the rules engine's signed 64-bit numbers.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


#: What is wrong with a file as a file or as YAML, key → (English, Korean).
WORDS = Phrasebook(
    {
        "too_large": ("too large: more than {kib} KiB", "너무 큽니다: {kib} KiB를 넘습니다"),
        "split_hint": ("split it into smaller files", "더 작은 파일로 나누세요"),
        "not_yaml": ("not valid YAML: {reason}", "올바른 YAML이 아닙니다: {reason}"),
        "yaml_hint": (
            "check indentation, colons and quoting around this position",
            "이 위치 주변의 들여쓰기, 콜론, 따옴표를 확인하세요",
        ),
        "too_deep": (
            "nested more than {depth} {depth:level|levels} deep",
            "{depth}단계보다 깊이 중첩되어 있습니다",
        ),
        "quote_hint": (
            "to keep a value as text, put it in quotes: 'like this'",
            "값을 텍스트로 두려면 따옴표로 감싸세요: 'like this'",
        ),
        "dangling": (
            "is a symbolic link to a file that does not exist",
            "존재하지 않는 파일을 가리키는 심볼릭 링크입니다",
        ),
        "not_found": ("file not found", "파일을 찾을 수 없습니다"),
        "path_hint": (
            "check the path, or list the folder to find the file",
            "경로를 확인하거나 폴더의 파일 목록에서 찾으세요",
        ),
        "unreadable": ("cannot be read: {reason}", "읽을 수 없습니다: {reason}"),
        "folder": ("is a folder, not a file", "파일이 아니라 폴더입니다"),
        "not_regular": (
            "is not a regular file (a device, pipe or socket)",
            "일반 파일이 아닙니다 (장치, 파이프 또는 소켓)",
        ),
        "regular_hint": ("save the input to a file first", "입력을 먼저 파일로 저장하세요"),
        "not_utf8": ("not UTF-8 text ({reason})", "UTF-8 텍스트가 아닙니다 ({reason})"),
        "utf8_hint": ("save the file as UTF-8", "파일을 UTF-8로 저장하세요"),
        "unknown_key": ("{where}: unknown key", "{where}: 알 수 없는 키"),
        "missing_key": ("{where}: required key is missing", "{where}: 필수 키가 없습니다"),
        "allowed_keys": ("the keys allowed here: {keys}", "여기에 쓸 수 있는 키: {keys}"),
    }
)


def _too_large(path: str) -> DataFileError:
    return DataFileError.single(
        path, WORDS.text("too_large", kib=MAX_INPUT_BYTES // 1024), hint=WORDS.text("split_hint")
    )


def _at(path: str, mark: yaml.Mark | None, message: Words, hint: Words | None = None) -> DataFileError:
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return DataFileError.single(path, message, line=line, column=column, hint=hint)


def _walk(root: yaml.Node, doc: YamlDocument) -> None:
    """Record every key path's position, refusing duplicate keys and documents too big or deep.

    Iterative, and counting a node each time an alias repeats it, so neither a deep document
    nor an alias bomb (a few aliases that expand to billions of nodes) costs more than the limits.
    """
    stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
    count = 0
    while stack:
        node, loc = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise _at(
                doc.path,
                node.start_mark,
                f"too many values: more than {MAX_NODES:,} (counting each use of an alias)",
                hint="split the file, or write the values out instead of repeating them with aliases",
            )
        if len(loc) > MAX_DEPTH:
            raise _at(doc.path, node.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        doc.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            children: list[tuple[yaml.Node, Loc]] = []
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _at(
                        doc.path,
                        key_node.start_mark,
                        "a key must be a plain value, not a list or a mapping",
                        hint="write the key as text; a '?' or '[' may have started it by mistake",
                    )
                key = key_node.value
                if key in seen:
                    raise _at(
                        doc.path,
                        key_node.start_mark,
                        f"duplicate key '{key}' (first given on line {seen[key]})",
                        hint="remove one of the two entries",
                    )
                seen[key] = key_node.start_mark.line + 1
                doc.key_marks[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                children.append((value_node, (*loc, key)))
            stack.extend(reversed(children))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index)) for index, item in reversed(list(enumerate(node.value))))


_KINDS = {"int": "integer", "float": "number", "bool": "boolean", "timestamp": "date"}


class _Constructor(yaml.SafeLoader):
    """PyYAML's safe constructor, whose every failure names the node it failed on.

    PyYAML raises bare ``ValueError``, ``KeyError``, ``AttributeError``... for values such as
    ``2024-02-30``, ``!!int abc`` or ``!!bool 0``; each becomes a ``ConstructorError`` at the node.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (yaml.YAMLError, RecursionError):
            raise
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError):
            kind = node.tag.rsplit(":", 1)[-1]
            reason = f"'{_excerpt(node)}' is not a valid {_KINDS.get(kind, kind)}"
            raise yaml.constructor.ConstructorError(None, None, reason, node.start_mark) from None
        if isinstance(value, int) and not isinstance(value, bool) and not (INT64_MIN <= value <= INT64_MAX):
            raise yaml.constructor.ConstructorError(
                None, None, "integer out of range: numbers must fit in 64 bits", node.start_mark
            )
        return value


def _excerpt(node: yaml.Node, width: int = 40) -> str:
    text = str(node.value) if isinstance(node, yaml.ScalarNode) else node.tag
    return text if len(text) <= width else text[: width - 1] + "…"


#: libyaml's parser when PyYAML was built with it (several times faster), else the pure-Python one.
_COMPOSER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse YAML ``text`` (named ``path`` in messages) into a :class:`YamlDocument`.

    Every input the advisor reads goes through here, within the limits above.

    Raises:
        DataFileError: the text is not YAML, is too big or too deep, or holds a value that
            cannot be constructed (an impossible date, ``!!int abc``, a 70-bit integer...),
            located at file:line:column.
    """
    if len(text) > MAX_INPUT_BYTES:
        raise _too_large(path)
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        reason = exc.problem or exc.context or "invalid YAML"
        raise _at(
            path,
            exc.problem_mark or exc.context_mark,
            WORDS.text("not_yaml", reason=reason),
            hint=WORDS.text("yaml_hint"),
        ) from None
    except yaml.YAMLError as exc:
        raise DataFileError.single(path, WORDS.text("not_yaml", reason=str(exc))) from None
    except RecursionError:
        raise DataFileError.single(path, WORDS.text("too_deep", depth=MAX_DEPTH)) from None
    if node is None:
        return YamlDocument(path, None, {(): (1, 1)})
    doc = YamlDocument(path, None)
    _walk(node, doc)
    try:
        doc.data = _Constructor("").construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        raise _at(
            path,
            exc.problem_mark,
            WORDS.text("not_yaml", reason=str(exc.problem)),
            hint=WORDS.text("quote_hint"),
        ) from None
    return doc


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse the YAML file at ``path``; ``display`` names it in messages.

    Only regular files are read (a FIFO or ``/dev/zero`` would never end), at most
    :data:`MAX_INPUT_BYTES` of them.

    Raises:
        DataFileError: the file is missing, not a regular file, too large, not UTF-8, or
            not valid YAML.
    """
    name = display or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        dangling = path.is_symlink()
        raise DataFileError.single(
            name, WORDS.text("dangling" if dangling else "not_found"), hint=WORDS.text("path_hint")
        ) from None
    except OSError as exc:
        raise DataFileError.single(name, WORDS.text("unreadable", reason=str(exc.strerror))) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError.single(name, WORDS.text("folder"))
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError.single(name, WORDS.text("not_regular"), hint=WORDS.text("regular_hint"))
    if info.st_size > MAX_INPUT_BYTES:
        raise _too_large(name)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise DataFileError.single(name, WORDS.text("unreadable", reason=str(exc.strerror))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataFileError.single(
            name,
            WORDS.text("not_utf8", reason=exc.reason),
            line=line,
            column=column,
            hint=WORDS.text("utf8_hint"),
        ) from None
    return parse_yaml(text, name)


def _describe(error: Mapping[str, Any], where: str) -> Words:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return WORDS.text("unknown_key", where=where)
    if kind == "missing":
        return WORDS.text("missing_key", where=where)
    # pydantic's own explanation: English only
    return f"{where}: {str(error.get('msg', 'invalid value')).removeprefix('Value error, ')}"


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


def _unknown_key_hint(model: type[BaseModel] | None, loc: Loc) -> Words | None:
    if model is None or not loc:
        return None
    known = allowed_keys(model, loc[:-1])
    if not known:
        return None
    near = difflib.get_close_matches(str(loc[-1]), known, n=1)
    return said("mean", near=near[0]) if near else WORDS.text("allowed_keys", keys=", ".join(known))


def validation_problems(
    doc: YamlDocument, exc: ValidationError, prefix: Loc = (), model: type[BaseModel] | None = None
) -> list[Problem]:
    """Turn a pydantic ``ValidationError`` into one located problem per error.

    With ``model``, an unknown key gets a hint: the closest key allowed there, or all of them.
    """
    problems = []
    errors = exc.errors()
    locs = [tuple(part for part in error["loc"] if not _is_internal(part)) for error in errors]
    for error, loc in zip(errors, locs, strict=True):
        # "at least 1 item" about a list whose items were refused repeats those problems.
        if error.get("type") == "too_short" and any(o[: len(loc)] == loc and o != loc for o in locs):
            continue
        full = (*prefix, *loc)
        dotted = ".".join(str(p) for p in loc) or "(document)"
        unknown = error.get("type") == "extra_forbidden"
        hint = _unknown_key_hint(model, loc) if unknown else None
        problems.append(doc.problem(full, _describe(error, dotted), hint, key=unknown))
    return problems


def validate(doc: YamlDocument, model: type[M], data: Any = None, prefix: Loc = ()) -> M:
    """Validate ``data`` (default: the whole document) as ``model`` or raise with positions."""
    payload = doc.data if data is None else data
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise DataFileError(validation_problems(doc, exc, prefix, model)) from None
