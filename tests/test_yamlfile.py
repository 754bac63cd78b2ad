"""Reading YAML with positions: every error names file, line and column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict

from advisor.base.yamlfile import MAX_INPUT_BYTES, parse_yaml, read_yaml, validate
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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("system_name: 2024-02-30\n", "f.yaml:1:14: not valid YAML: '2024-02-30' is not a valid date"),
        ("a: !!int abc\n", "f.yaml:1:4: not valid YAML: 'abc' is not a valid integer"),
        ("a: !!bool 0\n", "f.yaml:1:4: not valid YAML: '0' is not a valid boolean"),
        ("a: !!timestamp x\n", "f.yaml:1:4: not valid YAML: 'x' is not a valid date"),
        ("a: " + "9" * 4301 + "\n", "f.yaml:1:4: not valid YAML: '9999"),
        ("a: 0x" + "f" * 4301 + "\n", "f.yaml:1:4: not valid YAML: integer out of range"),
        ("a: 9223372036854775808\n", "f.yaml:1:4: not valid YAML: integer out of range"),
        ("{[a]: 1}\n", "f.yaml:1:2: a key must be a plain value"),
        ("a: " + "[" * 990 + "]" * 990 + "\n", "f.yaml:1:68: nested more than 64 levels deep"),
    ],
)
def test_values_yaml_cannot_build_are_located_errors(text: str, message: str) -> None:
    with pytest.raises(DataFileError) as info:
        parse_yaml(text, "f.yaml")
    assert str(info.value).startswith(message)


def test_the_largest_signed_64_bit_integer_is_read() -> None:
    assert parse_yaml("a: 9223372036854775807\nb: -9223372036854775808\n", "f.yaml").data == {
        "a": 2**63 - 1,
        "b": -(2**63),
    }


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    with pytest.raises(DataFileError) as info:
        parse_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert "too many values: more than 100,000 (counting each use of an alias)" in str(info.value)


def test_a_few_aliases_are_fine() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml").data == {"a": [1, 2], "b": [1, 2]}


def test_files_that_are_not_regular_or_too_large_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * MAX_INPUT_BYTES + "\n", encoding="utf-8")
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"a: 1\nb: caf\xe9\n")
    expected = {
        fifo: "is not a regular file",
        Path("/dev/zero"): "is not a regular file",
        big: "too large: more than 1024 KiB",
        loop: "cannot be read: Too many levels of symbolic links",
        dangling: "is a symbolic link to a file that does not exist",
        bad: "latin1.yaml:2:7: not UTF-8 text",
    }
    for path, message in expected.items():
        with pytest.raises(DataFileError) as info:
            read_yaml(path)
        assert message in str(info.value), path
