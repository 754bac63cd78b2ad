"""The compiled-catalog cache: used only when nothing it was built from changed; never a risk."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.catalog.loader import load_catalog
from advisor.core import cache
from advisor.core.advisor import Advisor, compile_rules
from advisor.questionnaire.loader import load_questionnaire
from conftest import FIXTURES, ROOT

ACME = FIXTURES / "packs" / "acme"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(folder))
    monkeypatch.delenv("ADVISOR_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    copy = tmp_path / "pack"
    shutil.copytree(ACME, copy)
    return copy


def _compiled(packs: tuple[Path, ...]) -> cache.Compiled:
    catalog = load_catalog(packs)
    questionnaire = load_questionnaire(None, packs=packs)
    return catalog, questionnaire, compile_rules(catalog, questionnaire)


def test_a_stored_catalog_comes_back_equal(cache_dir: Path, pack: Path) -> None:
    compiled = _compiled((pack,))
    key, found = cache.load((pack,), None)
    assert key is not None and found is None
    cache.store(key, compiled)
    assert len(list(cache_dir.glob("catalog-*.pickle"))) == 1
    _, found = cache.load((pack,), None)
    assert found == compiled
    # Where each entry came from comes back too (unpickled on first use), down to key positions.
    assert dict(found[0].sources) == dict(compiled[0].sources)
    some_pattern = sorted(compiled[0].patterns)[0]
    located = found[0].source("pattern", some_pattern).problem("m", at=("name",))
    assert located == compiled[0].source("pattern", some_pattern).problem("m", at=("name",))
    assert located.line is not None
    advisor = Advisor(found[0], found[1], clauses=found[2])
    fresh = Advisor(compiled[0], compiled[1])
    answers = fresh.read_answers(ROOT / "examples" / "enterprise-escaping-monolith.yaml")
    assert advisor.advise(answers) == fresh.advise(answers)


def test_any_change_to_a_pack_file_misses(cache_dir: Path, pack: Path) -> None:
    key, _ = cache.load((pack,), None)
    cache.store(key, _compiled((pack,)))
    some_file = sorted(pack.rglob("*.yaml"))[0]
    some_file.write_text(some_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed, found = cache.load((pack,), None)
    assert changed != key and found is None
    (pack / "patterns" / "new.yaml").parent.mkdir(exist_ok=True)
    (pack / "patterns" / "new.yaml").write_text("patterns: []\n", encoding="utf-8")
    assert cache.load((pack,), None)[0] not in (key, changed)


def test_corrupt_or_foreign_entries_are_ignored(cache_dir: Path, pack: Path) -> None:
    key, _ = cache.load((pack,), None)
    assert key is not None
    cache.store(key, _compiled((pack,)))
    (entry,) = cache_dir.glob("catalog-*.pickle")
    for content in (b"", b"\x80\x05garbage", entry.read_bytes()[:1000]):
        entry.write_bytes(content)
        assert cache.load((pack,), None) == (key, None)
    # An entry whose separately stored sources were damaged is ignored as a whole.
    cache.store(key, _compiled((pack,)))
    parts = list(pickle.loads(entry.read_bytes()))
    parts[4] = parts[4][:-2] + b"x."
    entry.write_bytes(pickle.dumps(tuple(parts)))
    assert cache.load((pack,), None) == (key, None)
    other_key, _ = cache.load((), None)
    assert other_key is not None
    cache.store(other_key, _compiled(()))
    (other,) = set(cache_dir.glob("catalog-*.pickle")) - {entry}
    entry.write_bytes(other.read_bytes())  # an entry stored under another key
    assert cache.load((pack,), None) == (key, None)


def test_no_cache_when_turned_off_or_unwritable(
    cache_dir: Path, pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_dir.parent.mkdir(exist_ok=True)
    cache_dir.write_text("not a folder", encoding="utf-8")
    key, _ = cache.load((pack,), None)
    cache.store(key, _compiled((pack,)))  # no error
    assert cache_dir.read_text(encoding="utf-8") == "not a folder"
    monkeypatch.setenv("ADVISOR_NO_CACHE", "1")
    assert cache.load((pack,), None) == (None, None)


def test_old_entries_are_pruned(cache_dir: Path, pack: Path) -> None:
    compiled = _compiled((pack,))
    for index in range(cache._KEEP + 5):
        cache.store(f"key {index}", compiled)
    assert len(list(cache_dir.glob("catalog-*.pickle"))) == cache._KEEP
    assert not list(cache_dir.glob(".catalog-*"))


def test_cold_runs_print_the_same_bytes_with_an_empty_a_warm_and_a_corrupt_cache(
    tmp_path: Path, pack: Path
) -> None:
    folder = tmp_path / "cli-cache"
    command = [sys.executable, "-m", "advisor", "recommend", "examples/startup-mvp.yaml", "--json"]
    env = {"ADVISOR_CACHE_DIR": str(folder), "PATH": "/usr/bin:/bin"}
    outputs = []
    for step in ("empty", "warm", "corrupt", "pack"):
        if step == "corrupt":
            for entry in folder.glob("catalog-*.pickle"):
                entry.write_bytes(b"\x80\x05\x95garbage")
        args = [*command, "--rules", str(pack)] if step == "pack" else command
        run = subprocess.run(args, capture_output=True, cwd=ROOT, env=env, check=False)
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
        assert list(folder.glob("catalog-*.pickle"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[3] != outputs[0]  # the pack's catalog is cached under its own key
