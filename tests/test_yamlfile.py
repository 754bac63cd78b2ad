"""Reading YAML with positions: every error names file, line and column."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from advisor.base.yamlfile import parse_yaml, validate
from advisor.catalog.models import PatternFile
from advisor.errors import DataFileError
from conftest import ROOT


class Thing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    size: int


def test_positions_of_nested_keys() -> None:
    doc = parse_yaml("a:\n  b:\n    - x\n    - y: 1\n", "f.yaml")
    assert doc.where(("a", "b", 1, "y")) == (4, 10)
    assert doc.where(("a", "b", 0)) == (3, 7)
    assert doc.where(("a", "missing", "deeper")) == (2, 3)


def test_malformed_yaml_names_line_and_column() -> None:
    with pytest.raises(DataFileError) as info:
        parse_yaml("a: [1, 2\nb: 3\n", "bad.yaml")
    assert str(info.value).startswith("bad.yaml:2:2: not valid YAML:")


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(DataFileError) as info:
        parse_yaml("a: 1\nb: 2\na: 3\n", "dup.yaml")
    assert str(info.value).splitlines()[0] == ("dup.yaml:3:1: duplicate key 'a' (first given on line 1)")


def test_validation_errors_point_at_the_value() -> None:
    doc = parse_yaml("name: box\nsize: large\ncolour: red\n", "thing.yaml")
    with pytest.raises(DataFileError) as info:
        validate(doc, Thing)
    lines = str(info.value).splitlines()
    assert lines == [
        "thing.yaml:2:7: size: Input should be a valid integer, unable to parse string as an integer",
        "thing.yaml:3:1: colour: unknown key",
        "  hint: the keys allowed here: name, size",
    ]


def test_tags_are_not_executed() -> None:
    with pytest.raises(DataFileError) as info:
        parse_yaml("x: !!python/object/apply:os.system ['echo hacked']\n", "evil.yaml")
    assert "evil.yaml:1:4" in str(info.value)


def test_unknown_keys_get_the_closest_allowed_key_at_any_depth() -> None:
    text = (ROOT / "rules" / "patterns" / "saga.yaml").read_text(encoding="utf-8")
    text = text.replace("resulting_context:\n  benefits:", "resulting_context:\n  benefit:")
    doc = parse_yaml(text, "saga.yaml")
    with pytest.raises(DataFileError) as info:
        validate(doc, PatternFile)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  benefit:"))
    assert str(info.value).splitlines() == [
        f"saga.yaml:{line}:3: resulting_context.benefit: unknown key",
        "  hint: did you mean 'benefits'?",
    ]


def test_unknown_key_with_no_close_match_lists_the_allowed_keys() -> None:
    doc = parse_yaml("name: box\nsize: 2\nzzz: 1\n", "thing.yaml")
    with pytest.raises(DataFileError) as info:
        validate(doc, Thing)
    assert "  hint: the keys allowed here: name, size" in str(info.value).splitlines()
