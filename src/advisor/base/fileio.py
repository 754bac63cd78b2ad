"""Write files atomically: a reader never sees a half-written file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from advisor.errors import OutputError


def _default_mode(mode: int) -> int:
    """``mode`` as the user's umask allows it: what ``open`` and ``mkdir`` would give.

    ``mkstemp`` and ``mkdtemp`` create private (0600/0700) entries; a report handed
    to others must get the usual permissions instead.
    """
    umask = os.umask(0)
    os.umask(umask)
    return mode & ~umask


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; pass --force to overwrite it")


def write_text_atomic(path: Path, text: str, *, force: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    Raises:
        OutputError: the file exists and ``force`` is false, or it cannot be written.
    """
    _refuse_existing(path, force)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            Path(temp).chmod(_default_mode(0o666))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temp).replace(path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror})") from None


def write_tree_atomic(folder: Path, files: Mapping[str, str], *, force: bool = False) -> None:
    """Write a folder of files (name → text) so that it appears complete or not at all.

    The files are written into a temporary sibling folder which then replaces
    ``folder``. File names must be plain names made by the program, never user text.

    Raises:
        OutputError: the folder exists and ``force`` is false, or it cannot be written.
    """
    _refuse_existing(folder, force)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder name")
    for name in files:
        if Path(name).name != name or name in {"", ".", ".."}:
            raise OutputError(f"refusing to write '{name}': not a plain file name")
    parent = folder.parent if str(folder.parent) else Path()
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
        try:
            temp.chmod(_default_mode(0o777))
            for name, text in sorted(files.items()):
                (temp / name).write_text(text, encoding="utf-8", newline="\n")
            if folder.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=parent))
                folder.replace(old / folder.name)
                temp.replace(folder)
                shutil.rmtree(old, ignore_errors=True)
            else:
                temp.replace(folder)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    except OSError as exc:
        raise OutputError(f"{folder}: cannot be written ({exc.strerror})") from None
