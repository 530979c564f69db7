"""Finding the export's files, in the zip or in the folder it was unpacked to.

Zip members are opened as streams and never extracted: a member's name is only ever compared,
never used as a path (spec §7.7), so a hostile ``../../x`` name can do no harm. An archive is
refused before anything is read when it has more members than any export, a member we read
twice under one name, or one that inflates past :data:`MAX_MEMBER_BYTES`; an unpacked folder
when a file we read is not a regular file (a FIFO would hang the reader, ``/dev/zero`` never
ends). Lines are bounded as they are read (:class:`BoundedReader`).
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO

from .readers import FileFormatError

#: Export files we read, by the name LinkedIn gives them (lower case, no suffix, no ``.csv``).
KINDS: dict[str, str] = {
    "connections": "connections",
    "invitations": "invitations",
    "messages": "messages",
    "shares": "shares",
    "comments": "comments",
    "reactions": "reactions",
    "instantreposts": "reposts",
    "votes": "votes",
    "searchqueries": "searches",
    "profile": "profile",
    "positions": "positions",
    "education": "education",
    "skills": "skills",
    "endorsement_received_info": "endorsements",
    "recommendations_received": "recommendations",
    "rich_media": "media",
    "rich media": "media",
    "logins": "logins",
}

#: ``Shares_123456.csv`` and ``Shares.csv`` are the same file; the suffix is a member id.
_NAME = re.compile(r"^(?P<stem>.+?)(?:_\d+)?\.csv$", re.IGNORECASE)
#: A real export holds a few dozen files (and one HTML file per article): far fewer than this.
MAX_MEMBERS = 20_000
#: The largest file we read: a heavy user's ten-year messages.csv is a few dozen MB.
MAX_MEMBER_BYTES = 512 * 1024 * 1024
#: The longest line read: a message or a post is a few thousand characters. A hostile line
#: of tiny fields (``,,,,`` …) would otherwise become a list of millions of cells.
MAX_LINE = 1024 * 1024
#: The most lines read from one file: a heavy user's ten years of messages is a few hundred
#: thousand; a file of a billion empty lines would otherwise take many minutes.
MAX_LINES = 5_000_000
_CHUNK = 64 * 1024
_EXPORT_DATE = re.compile(r"LinkedInDataExport_(\d{1,2}-\d{1,2}-\d{4})", re.IGNORECASE)


class NotAnExport(Exception):
    """PATH is not a LinkedIn data export (or cannot be opened as one)."""


@dataclass(frozen=True)
class Member:
    """One file of the export: its name inside the archive, kind and uncompressed size."""

    name: str
    kind: str
    size: int


def kind_of(name: str) -> str | None:
    """The kind of export file ``name`` is, or None for files we do not read."""
    match = _NAME.match(PurePosixPath(name.replace("\\", "/")).name)
    if match is None:
        return None
    return KINDS.get(match["stem"].lower())


def export_date_from_name(name: str) -> date | None:
    """``Basic_LinkedInDataExport_07-14-2026.zip`` → 2026-07-14 (month first, as LinkedIn)."""
    match = _EXPORT_DATE.search(name)
    if match is None:
        return None
    month, day, year = (int(p) for p in match[1].split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


class Archive:
    """An export as a zip file or a folder; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self.members: list[Member] = []
        self.articles = 0

    def __enter__(self) -> Archive:
        if self.path.is_dir():
            self._scan_folder()
        elif self.path.is_file():
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise NotAnExport(
                    f"{self.path} is not a zip file or an export folder ({exc})"
                ) from None
            infos = self._zip.infolist()
            if len(infos) > MAX_MEMBERS:
                raise NotAnExport(
                    f"{self.path} holds {len(infos):,} files, more than any LinkedIn export "
                    f"({MAX_MEMBERS:,})"
                )
            for info in infos:
                if not info.is_dir():
                    self._add(info.filename, info.file_size)
            names = [m.name for m in self.members]
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise NotAnExport(
                    f"{self.path} holds {twice[0]} twice under the same name; an export never "
                    "does (the archive was altered): download it again"
                )
        else:
            raise NotAnExport(f"{self.path} does not exist")
        for member in self.members:
            if member.size > MAX_MEMBER_BYTES:
                raise NotAnExport(
                    f"{member.name} in {self.path} is {member.size / 2**20:,.0f} MB, more than "
                    f"any LinkedIn export file ({MAX_MEMBER_BYTES // 2**20} MB)"
                )
        if not self.members:
            raise NotAnExport(
                f"{self.path} holds none of the files of a LinkedIn data export "
                "(Connections.csv, Shares.csv, messages.csv …)"
            )
        self.members.sort(key=lambda m: m.name.lower())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._zip is not None:
            self._zip.close()

    def _scan_folder(self) -> None:
        for root, _dirs, files in os.walk(self.path):
            for file_name in files:
                full = Path(root, file_name)
                relative = full.relative_to(self.path).as_posix()
                if kind_of(relative) is None:
                    self._add(relative, 0)  # an article, or a file we do not read
                    continue
                try:
                    info = full.stat()
                except OSError:
                    info = None
                if info is None or not stat.S_ISREG(info.st_mode):
                    raise NotAnExport(
                        f"{relative} in {self.path} is not a regular file (a link to nothing, "
                        "a device, a pipe or a socket); an export holds only files"
                    )
                self._add(relative, info.st_size)

    def _add(self, name: str, size: int) -> None:
        parts = [p.lower() for p in PurePosixPath(name).parts]
        if "articles" in parts[:-1] and parts[-1].endswith(".html"):
            self.articles += 1
            return
        kind = kind_of(name)
        if kind is not None:
            self.members.append(Member(name, kind, size))

    @property
    def is_zip(self) -> bool:
        return self._zip is not None

    @property
    def export_date(self) -> date | None:
        return export_date_from_name(self.path.name)

    def open_binary(self, member: Member) -> IO[bytes]:
        if self._zip is not None:
            return self._zip.open(member.name)
        # Without blocking, then checked: a FIFO swapped in since the scan never hangs us.
        fd = os.open(self.path / member.name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise OSError(f"{member.name} is not a regular file")
        return os.fdopen(fd, "rb")

    def of_kind(self, kind: str) -> list[Member]:
        return [m for m in self.members if m.kind == kind]


class BoundedReader(io.RawIOBase):
    """A member's bytes, refused (:class:`FileFormatError`) past :data:`MAX_LINE` bytes
    without a line break or past :data:`MAX_LINES` lines. Checked per chunk, in C (``count``,
    ``rfind``), so a normal file pays almost nothing for it."""

    def __init__(self, inner: IO[bytes]) -> None:
        super().__init__()
        self.inner = inner
        self.since_break = 0
        self.lines = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(min(len(buffer), _CHUNK))
        size = len(data)
        buffer[:size] = data
        last = max(data.rfind(b"\n"), data.rfind(b"\r"))
        if last < 0:
            self.since_break += size
        else:
            ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
            # The line running into this chunk ends at its first break; a chunk is far
            # shorter than MAX_LINE, so no line inside one can be too long.
            self.since_break += min(ends)
            if self.since_break <= MAX_LINE:
                self.since_break = size - 1 - last
        if self.since_break > MAX_LINE:
            raise FileFormatError(f"a line is longer than {MAX_LINE:,} bytes: not an export file")
        self.lines += data.count(b"\n")
        if self.lines > MAX_LINES:
            raise FileFormatError(f"more than {MAX_LINES:,} lines: not an export file")
        return size


@dataclass
class TextStream:
    """A member opened as text (BOM dropped, newlines left to the csv module)."""

    binary: IO[bytes]
    text: io.TextIOWrapper

    def position(self) -> int:
        """Bytes read so far (roughly: the text layer reads ahead in chunks)."""
        try:
            return self.binary.tell()
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        self.text.close()


def open_text(archive: Archive, member: Member) -> TextStream:
    binary = archive.open_binary(member)
    bounded = io.BufferedReader(BoundedReader(binary))
    text = io.TextIOWrapper(bounded, encoding="utf-8-sig", errors="replace", newline="")
    return TextStream(binary, text)
