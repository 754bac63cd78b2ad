"""Write files atomically: a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from advisor.errors import OutputError, said


def _default_mode(mode: int) -> int:
    """``mode`` as the user's umask allows it: what ``open`` and ``mkdir`` would give.

    ``mkstemp`` and ``mkdtemp`` create private (0600/0700) entries; a report handed
    to others must get the usual permissions instead.
    """
    umask = os.umask(0)
    os.umask(umask)
    return mode & ~umask


def taken(path: Path) -> bool:
    """Whether anything has this name, a dangling link included (never raises for odd names)."""
    return os.path.lexists(path)


def _refuse_existing(path: Path, force: bool) -> None:
    if not force and taken(path):
        raise OutputError(said("exists", path=str(path)))


def _temp_prefix(name: str) -> str:
    """A hidden temporary name beside ``name``, short enough for any name the folder accepts."""
    return f".{name[:48]}."


def _publish(temp: Path, path: Path, *, force: bool) -> None:
    """Move the finished ``temp`` to ``path``: replacing it with ``force``, else only if it is absent.

    Without ``force`` the target is created exclusively (a hard link fails if anything is
    there, even a dangling link), so of two writers racing for one name only one succeeds.
    """
    if force:
        temp.replace(path)
        return
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputError(said("exists", path=str(path))) from None
    except OSError:
        # No hard links here (some network or FAT file systems): claim the name, then fill it.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        temp.replace(path)
    else:
        temp.unlink()


def write_text_atomic(path: Path, text: str, *, force: bool = True) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename.

    Without ``force`` the file is created only if nothing has that name, checked at the
    moment it appears rather than before writing.

    Raises:
        OutputError: the file exists and ``force`` is false, or it cannot be written.
    """
    try:
        _refuse_existing(path, force)
        if path.is_dir():
            raise OutputError(said("is_folder", path=str(path)))
        folder = path.parent if str(path.parent) else Path()
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=folder)
        try:
            Path(temp).chmod(_default_mode(0o666))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            _publish(Path(temp), path, force=force)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except FileExistsError:
        raise OutputError(said("exists", path=str(path))) from None
    except OSError as exc:
        raise OutputError(said("unwritable", path=str(path), reason=str(exc.strerror))) from None
