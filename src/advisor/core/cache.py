"""A cache of compiled catalogs, so that a cold start need not parse and validate every file.

Loading the bundled catalog and questionnaire (YAML parsing, validation of every entry,
reference checks, compiling the rules) is most of a cold ``advisor recommend``. The loaded
catalog, questionnaire and compiled rules are pickled into the user's cache folder
(``$ADVISOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/advisor``, else ``~/.cache/advisor``).

An entry is used only when everything it was built from is unchanged: the size, mtime,
ctime and inode of every file under the catalog, pack and questionnaire folders and of the
advisor's own source files; the versions of the advisor, Python, pydantic and PyYAML; and
the working folder (messages name files relative to it). Anything unreadable, corrupt or
different is ignored and the catalog is loaded from its files, so the cache is never a
correctness risk; the folder is safe to delete at any time; ``ADVISOR_NO_CACHE=1`` turns
it off. Like any file in the user's own cache, an entry is trusted as much as the user's
home folder.

Where each entry came from (the catalog's sources, with the position of every key of every
file) is most of an entry's objects but is read only for messages and the terminal's order
of groups: it is stored as a pickle of its own, checked when the entry is loaded and
unpickled on first use.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from advisor.__about__ import __version__
from advisor.base.resources import bundled_questionnaires_dir, bundled_rules_dir
from advisor.catalog.conditions import Clause
from advisor.catalog.loader import Catalog, Source
from advisor.questionnaire.models import Questionnaire

#: Bumped whenever the cached tuple changes shape.
_FORMAT = 2
#: Entries kept; older ones are removed when a new one is written.
_KEEP = 16
#: A walk that meets more files than this gives up caching (a pack that big is not the case to speed up).
_MAX_FILES = 20_000

Compiled = tuple[Catalog, Questionnaire, dict[str, list[Clause]]]


def cache_dir() -> Path | None:
    """The folder of cached catalogs, or ``None`` when caching is turned off."""
    if os.environ.get("ADVISOR_NO_CACHE"):
        return None
    explicit = os.environ.get("ADVISOR_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "advisor"


def _stamp(root: Path, lines: list[str]) -> bool:
    """Append one line per file under ``root`` (size, times, inode); ``False`` if it cannot be done."""
    seen: set[tuple[int, int]] = set()
    try:
        top = root.stat()
        if not root.is_dir():
            lines.append(f"{root}\0{top.st_size}\0{top.st_mtime_ns}\0{top.st_ctime_ns}\0{top.st_ino}")
            return True
        # os.stat on strings: a cold run stamps a few hundred files, and Path objects cost more
        # than the calls themselves.
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=_raise):
            here = os.stat(folder)  # noqa: PTH116
            if (here.st_dev, here.st_ino) in seen:  # a link loop: the loader will say so
                return False
            seen.add((here.st_dev, here.st_ino))
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")  # written by Python itself
            for name in sorted(files):
                info = os.stat(f"{folder}/{name}")  # noqa: PTH116
                lines.append(
                    f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
                )
            if len(lines) > _MAX_FILES:
                return False
    except OSError:
        return False
    return True


def _raise(error: OSError) -> None:
    raise error


def cache_key(rules: Sequence[Path], questionnaire: Path | None) -> str | None:
    """What a cached catalog for these packs and questionnaire depends on, or ``None``."""
    import pydantic  # noqa: PLC0415 - loaded already by the models; only its version is needed
    import yaml  # noqa: PLC0415

    try:
        cwd = Path.cwd()
    except OSError:  # the working folder was removed
        return None
    lines = [
        f"format {_FORMAT}",
        f"advisor {__version__}",
        f"python {sys.version}",
        f"pydantic {pydantic.VERSION}",
        f"yaml {yaml.__version__}",
        f"cwd {cwd}",
        f"questionnaire {questionnaire}",
        f"packs {len(rules)}",
    ]
    roots = [
        Path(__file__).resolve().parents[1],
        bundled_rules_dir(),
        questionnaire or bundled_questionnaires_dir(),
        *rules,
    ]
    for root in roots:
        lines.append(f"root {root}")
        if not _stamp(root, lines):
            return None
    return "\n".join(lines)


def _entry(directory: Path, key: str) -> Path:
    return directory / f"catalog-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def load(rules: Sequence[Path], questionnaire: Path | None) -> tuple[str | None, Compiled | None]:
    """The cache key for these inputs and the compiled catalog cached under it, if any."""
    directory = cache_dir()
    key = cache_key(rules, questionnaire) if directory is not None else None
    if directory is None or key is None:
        return key, None
    try:
        data: Any = pickle.loads(_entry(directory, key).read_bytes())  # noqa: S301 - the user's own cache
    except Exception:  # missing, unreadable or corrupt (pickle raises anything): load the files instead
        return key, None
    if (
        isinstance(data, tuple)
        and len(data) == 6
        and data[0] == key
        and isinstance(data[1], Catalog)
        and isinstance(data[2], Questionnaire)
        and isinstance(data[3], dict)
        and isinstance(data[4], bytes)
        and data[5] == zlib.crc32(data[4])
    ):
        catalog = dataclasses.replace(data[1], sources=_Sources(data[4]))
        return key, (catalog, data[2], data[3])
    return key, None


def store(key: str | None, compiled: Compiled) -> None:
    """Cache ``compiled`` under ``key``; failing to (a read-only home, a full disk) is no error."""
    directory = cache_dir()
    if directory is None or key is None:
        return
    temporary: Path | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        catalog, questionnaire, clauses = compiled
        sources = pickle.dumps(dict(catalog.sources), protocol=pickle.HIGHEST_PROTOCOL)
        entry = (
            key,
            dataclasses.replace(catalog, sources={}),
            questionnaire,
            clauses,
            sources,
            zlib.crc32(sources),
        )
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".catalog-", delete=False) as handle:
            temporary = Path(handle.name)
            handle.write(data)
        temporary.replace(_entry(directory, key))
        entries = sorted(directory.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-_KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


class _Sources(Mapping[tuple[str, str], Source]):
    """A cached catalog's sources, unpickled on first use (a plain cold run never reads them)."""

    def __init__(self, pickled: bytes) -> None:
        self._pickled = pickled
        self._sources: dict[tuple[str, str], Source] | None = None

    def _loaded(self) -> dict[tuple[str, str], Source]:
        if self._sources is None:
            # Checked against its CRC when the entry was loaded, and written by this very version.
            self._sources = pickle.loads(self._pickled)  # noqa: S301 - the user's own cache
            self._pickled = b""
        return self._sources

    def __getitem__(self, key: tuple[str, str]) -> Source:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self._loaded(),)
