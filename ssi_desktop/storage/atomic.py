"""All-or-nothing file writes (spec §7.1) that keep the previous version (spec §7.2).

The new content goes to a temporary file in the same folder, is written and fsynced, then
``os.replace``\\ s the old file, and the folder is fsynced so the rename itself is durable.
A crash at any moment leaves either the old file or the new one, never a mix. Just before the
rename, the old file is hard-linked to its "previous version" name: the link costs no copy, and
because the store is only ever replaced, never changed in place, the linked file keeps the old
state for good.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

#: Owner read/write only: the store holds a person's activity history (spec §7.10).
FILE_MODE = 0o600

#: ``os.link`` errors that mean "this filesystem has no hard links": copy instead.
#: Windows reports "not supported" (FAT/exFAT sticks, some shares) as EINVAL.
_NO_LINKS = {
    errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.EINVAL
}  # fmt: skip

#: ``fsync`` on a folder errors that mean "not supported here" (some network and FUSE
#: filesystems): the rename is as durable as that filesystem makes it.
_NO_DIR_FSYNC = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_DIR_FSYNC:
            raise
    finally:
        os.close(fd)


def _temp_beside(path: Path) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    return Path(name)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        shutil.copyfile(source, target)
        if os.name == "posix":
            os.chmod(target, FILE_MODE)


def _alias_beside(source: Path, target: Path) -> Path:
    """A temporary second name (or copy) of ``source`` beside ``target``."""
    tmp = _temp_beside(target)
    try:
        tmp.unlink()
        _link_or_copy(source, tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def preserve(source: Path, target: Path) -> None:
    """Make ``target`` hold ``source``'s current bytes, atomically, without a copy if possible.

    ``target`` is replaced in one step, so it is never seen half-made.
    """
    tmp = _alias_beside(source, target)
    try:
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_atomic(path: Path, data: bytes, *, keep_previous: Path | None = None) -> None:
    """Replace ``path`` with ``data`` durably; on any error the old file is left as it was.

    With ``keep_previous``, the file being replaced becomes reachable under that name once
    the new one is durable. The old file gets a temporary second name first, so if a later
    step fails (the folder fsync, the final rename) it is put back and the save reported as
    failed really changed nothing, the previous version included.
    """
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    old: Path | None = None
    try:
        try:
            if os.name == "posix":
                os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_previous is not None and path.exists():
            old = _alias_beside(path, keep_previous)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, old):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise
    if keep_previous is None:
        fsync_dir(folder)
        return
    try:
        fsync_dir(folder)
        if old is not None:
            os.replace(old, keep_previous)
    except BaseException:
        with contextlib.suppress(OSError):
            if old is not None:
                os.replace(old, path)
            else:
                path.unlink()
        raise
    if old is not None:
        # The save itself is durable already; this only makes the previous version's new
        # name durable too, so a failure here must not report the save as failed.
        with contextlib.suppress(OSError):
            fsync_dir(folder)
