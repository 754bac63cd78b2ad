"""Write decision records into a folder that people also work in.

The advisor keeps a manifest (:data:`MANIFEST`) of what it wrote there: each
record's file, number, the decision it records (topic and chosen pattern) and a
hash of its text as written. A re-run reads the manifest and

* keeps every record whose status a person changed (accepted, rejected, ...);
* rewrites its own still-proposed records in place (same number), unless a person
  edited them since: those only with ``force``;
* adds records for new decisions with the next free number;
* marks a proposed or accepted record whose decision changed as superseded by the
  new record, and a proposed record whose decision is no longer advised at all as
  deprecated (only its front matter's status line changes);
* rewrites the index.

It never deletes a file, and never writes one it did not write before, except new
records under new numbers. A folder that holds other files but no manifest is used
only with ``force`` (the records are then added beside those files).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from advisor.base.fileio import write_text_atomic
from advisor.base.jsonio import stable_json
from advisor.base.model import Frozen
from advisor.errors import OutputError, said
from advisor.report.adr import (
    INDEX,
    PROPOSED,
    IndexRow,
    RecordRef,
    adr_file_name,
    decision_title,
    key_decisions,
    render_index,
    render_record,
)
from advisor.report.view import PatternEntry, Report

#: The manifest file in the records folder (hidden, so ADR tools do not list it).
MANIFEST = ".advisor-adr.json"
_NUMBERED = re.compile(r"^(\d{4})-[a-z0-9-]+\.md$")
_STATUS = re.compile(r"^status:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_CLOSED = ("superseded", "deprecated")


class ManifestRecord(Frozen):
    """One record the advisor wrote."""

    file: str
    number: int
    topic: str
    pattern: str
    title: str
    sha256: str


class Manifest(Frozen):
    """What the advisor wrote into a records folder."""

    written_by: str = "advisor"
    records: tuple[ManifestRecord, ...] = ()
    index: str | None = None


@dataclass
class FolderUpdate:
    """What a write into a records folder did, file names by outcome."""

    folder: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)
    index: str | None = None


def digest(text: str) -> str:
    """The hash the manifest keeps of a file's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def front_matter_status(text: str) -> str | None:
    """The ``status:`` of a record's front matter, or None when it has none."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    found = _STATUS.search(text[4:end]) if end > 0 else None
    return found.group(1) if found else None


def with_status(text: str, status: str) -> str:
    """``text`` with its front matter's status line replaced (nothing else changes)."""
    end = text.find("\n---", 3)
    head = _STATUS.sub(lambda _: f"status: {status}", text[:end], count=1)
    return head + text[end:]


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise OutputError(said("unreadable", path=str(path), reason=str(exc))) from None


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest, or None when the advisor never wrote there.

    Raises:
        OutputError: the manifest exists but is not one the advisor wrote.
    """
    text = _read(folder / MANIFEST)
    if text is None:
        return None
    try:
        manifest = Manifest.model_validate(json.loads(text))
    except (ValueError, ValidationError):
        manifest = None
    names = [r.file for r in manifest.records] if manifest else []
    if manifest is None or not all(_NUMBERED.match(n) for n in names) or manifest.index not in {None, INDEX}:
        raise OutputError(said("not_manifest", path=str(folder / MANIFEST)))
    return manifest


def _used_numbers(folder: Path) -> set[int]:
    if not folder.is_dir():
        return set()
    return {int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.match(p.name))}


def _prepare(folder: Path, force: bool) -> Manifest:
    if folder.exists() and not folder.is_dir():
        raise OutputError(said("is_file", path=str(folder)))
    manifest = read_manifest(folder) if folder.is_dir() else None
    if manifest is not None:
        return manifest
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise OutputError(said("not_ours", path=str(folder)))
    return Manifest()


class _Write:
    """One write of a report's records into a folder: what is there, and what changes."""

    def __init__(self, folder: Path, report: Report, force: bool) -> None:
        self.folder, self.report, self.force = folder, report, force
        self.manifest = _prepare(folder, force)
        self.update = FolderUpdate(folder)
        self.decisions = key_decisions(report)
        self.texts = {r.file: _read(folder / r.file) for r in self.manifest.records}
        self.status = {
            f: front_matter_status(t) or "" if t is not None else "" for f, t in self.texts.items()
        }
        self.records = {r.file: r for r in self.manifest.records if self.texts[r.file] is not None}
        # The records still in force: on disk, neither superseded nor deprecated.
        self.live = {
            (r.topic, r.pattern): r
            for r in self.records.values()
            if not self.status[r.file].startswith(_CLOSED)
        }
        self.refs: dict[str, RecordRef] = {}
        self.replaced: dict[str, list[RecordRef]] = {}
        self.closing: dict[str, str] = {}
        self.writes: dict[str, str] = {}

    def number(self) -> None:
        """Each decision keeps the number of its live record, or takes the next free number."""
        used = _used_numbers(self.folder) | {r.number for r in self.manifest.records} | {0}
        next_number = max(used) + 1
        for entry in self.decisions:
            old = self.live.get((entry.topic, entry.id))
            if old is None:
                self.refs[entry.id] = RecordRef(next_number, adr_file_name(next_number, entry.id))
                next_number += 1
            else:
                self.refs[entry.id] = RecordRef(old.number, old.file)

    def close(self) -> None:
        """Supersede live records whose topic is decided otherwise now; deprecate dropped proposals."""
        chosen = {(e.topic, e.id) for e in self.decisions}
        first_of_topic: dict[str, str] = {}
        for entry in self.decisions:
            first_of_topic.setdefault(entry.topic, entry.id)
        for key, old in sorted(self.live.items(), key=lambda item: item[1].number):
            if key in chosen:
                continue
            current = self.status[old.file]
            new = first_of_topic.get(old.topic)
            if new is not None and current in {PROPOSED, "accepted"}:
                ref = self.refs[new]
                self.closing[old.file] = f"superseded by [ADR-{ref.number:04d}]({ref.file})"
                self.replaced.setdefault(new, []).append(RecordRef(old.number, old.file))
            elif new is None and current == PROPOSED:
                self.closing[old.file] = "deprecated"

    def write_record(self, entry: PatternEntry) -> None:
        ref = self.refs[entry.id]
        text = render_record(self.report, entry, ref.number, self.refs, self.replaced.get(entry.id, ()))
        old = self.records.get(ref.file)
        on_disk = self.texts.get(ref.file)
        if old is None:
            self.update.added.append(ref.file)
        elif self.status[ref.file] != PROPOSED or on_disk == text:
            self.update.kept.append(ref.file)
            return
        elif on_disk is not None and digest(on_disk) != old.sha256 and not self.force:
            self.update.kept_edited.append(ref.file)
            return
        else:
            self.update.updated.append(ref.file)
        self.writes[ref.file] = text
        self.records[ref.file] = ManifestRecord(
            file=ref.file,
            number=ref.number,
            topic=entry.topic,
            pattern=entry.id,
            title=decision_title(self.report, entry),
            sha256=digest(text),
        )

    def write_closing(self) -> None:
        for name, status in sorted(self.closing.items()):
            text = with_status(self.texts[name] or "", status)
            self.writes[name] = text
            self.records[name] = self.records[name].model_copy(update={"sha256": digest(text)})
            (self.update.deprecated if status == "deprecated" else self.update.superseded).append(name)

    def write_index(self) -> str | None:
        name = self.manifest.index
        if name is None and not (self.folder / INDEX).exists():
            name = INDEX
        if name is not None:
            rows = [
                IndexRow(r.number, r.file, r.title, front_matter_status(self.current(r.file)) or "")
                for r in self.records.values()
            ]
            self.writes[name] = render_index(self.report, rows)
        self.update.index = name
        return name

    def current(self, name: str) -> str:
        return self.writes.get(name) or self.texts.get(name) or ""

    def run(self) -> FolderUpdate:
        self.number()
        self.close()
        for entry in self.decisions:
            self.write_record(entry)
        self.write_closing()
        index = self.write_index()
        for name, text in sorted(self.writes.items()):
            write_text_atomic(self.folder / name, text, force=True)
        records = tuple(sorted(self.records.values(), key=lambda r: r.number))
        saved = Manifest(records=records, index=index)
        write_text_atomic(self.folder / MANIFEST, stable_json(saved.model_dump(mode="json")), force=True)
        return self.update


def update_adr_folder(folder: Path, report: Report, *, force: bool = False) -> FolderUpdate:
    """Write the report's decision records into ``folder`` as the module docstring describes.

    Raises:
        OutputError: the folder is a file, holds foreign files without ``force``, has a
            damaged manifest, or cannot be written.
    """
    return _Write(folder, report, force).run()
