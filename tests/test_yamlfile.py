"""Reading YAML with positions: every error names file, line and column."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from advisor.errors import DataFileError
from advisor.yamlfile import parse_yaml, validate


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
    ]


def test_tags_are_not_executed() -> None:
    with pytest.raises(DataFileError) as info:
        parse_yaml("x: !!python/object/apply:os.system ['echo hacked']\n", "evil.yaml")
    assert "evil.yaml:1:4" in str(info.value)
