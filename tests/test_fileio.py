"""Writing output files: atomic, never over something without --force, a clear error otherwise."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from advisor.base.fileio import write_text_atomic
from advisor.errors import OutputError


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists; pass --force"):
        write_text_atomic(target, "new\n", force=False)
    assert target.read_text(encoding="utf-8") == "mine\n"
    write_text_atomic(target, "new\n", force=True)
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_dangling_link_is_not_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(OutputError, match="already exists"):
        write_text_atomic(target, "new\n", force=False)
    assert target.is_symlink()
    assert not (tmp_path / "elsewhere.md").exists()


def test_of_many_concurrent_writers_without_force_exactly_one_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    won: list[int] = []
    start = threading.Barrier(20)

    def write(n: int) -> None:
        start.wait()
        try:
            write_text_atomic(target, f"writer {n}\n", force=False)
        except OutputError:
            return
        won.append(n)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
    assert target.read_text(encoding="utf-8") == f"writer {won[0]}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path: Path) -> None:
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    with pytest.raises(OutputError, match="cannot be written \\(File name too long\\)"):
        write_text_atomic(tmp_path / ("r" * (limit + 45)), "x\n", force=False)
    fits = tmp_path / ("r" * limit)
    write_text_atomic(fits, "x\n", force=False)
    assert fits.read_text(encoding="utf-8") == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [fits.name]
