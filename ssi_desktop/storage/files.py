"""Which paths may be a store: regular files only, symlinks followed to their target.

A FIFO opened as a store hangs the reader forever, a device (``/dev/zero``) never ends, and a
symlink replaced by an atomic rename silently stops updating the file it pointed to. So a
store path is resolved to the regular file it names before anything is read or written, and
every read opens without blocking and checks what it opened (spec §7.1, docs/reliability.md).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import StoreError

#: The names a store's own companions take (see :mod:`.backups`); none of them is a store.
_PREVIOUS = re.compile(r".+\.prev")
_DAMAGED = re.compile(r".+\.damaged-\d{8}T\d{12}Z(?:\.json)?")
_COMPANION = re.compile(r".+\.(?:lock|tmp)")
_IN_BACKUPS = re.compile(r".+[-.]\d{8}T\d{12}Z[-.][a-z][a-z-]*\.json")


class NotRegularFile(OSError):
    """A path read as a store or a backup is a FIFO, a device, a socket or a folder."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def role_of(path: Path) -> str | None:
    """Why ``path`` is one of a store's companions rather than a store, or None."""
    name = path.name
    if _PREVIOUS.fullmatch(name):
        return "the previous version of a store"
    if _DAMAGED.fullmatch(name):
        return "a damaged store set aside by a restore"
    if _COMPANION.fullmatch(name):
        return "a lock or temporary file"
    if path.parent.name == "backups" and _IN_BACKUPS.fullmatch(name):
        return "a backup"
    return None


def resolve_store(path: Path) -> Path:
    """The regular file (existing or not yet) that ``path`` names as a store.

    A symlink is followed: the store is its target, so saves replace the target atomically
    in the target's folder and the link stays. Refused (:class:`StoreError`): a backup or
    previous version given as the store, a dangling or looping link, anything that exists and
    is not a regular file, and a path whose folder is a file.
    """
    role = role_of(path)
    if role is not None:
        raise StoreError(
            "not_a_store",
            path,
            f"{path} is {role}, not a store: it is never opened or written as one. To use "
            "its content, restore it: `ssi-desktop backups restore NUMBER --data STORE`.",
        )
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise StoreError(
                "dangling_link",
                path,
                f"{path} is a symbolic link to {os.readlink(path)}, which does not exist "
                "(or loops). Fix the link or give the file itself; nothing was created.",
            ) from None
        if role_of(target) is not None:
            return resolve_store(target)
        path = target
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return path
    except NotADirectoryError:
        raise StoreError(
            "not_a_store", path, f"{path} cannot be a store: a folder on its path is a file."
        ) from None
    except OSError as exc:
        raise StoreError(
            "unreadable", path, f"{path} cannot be read: {exc.strerror or exc}."
        ) from None
    what = kind_of(info.st_mode)
    if what is not None:
        raise StoreError(
            "not_a_file", path, f"{path} is {what}, not a store file; nothing was read from it."
        )
    return path


def read_regular(path: Path) -> bytes:
    """``path``'s bytes if it is a regular file (symlinks followed).

    Opened without blocking, then checked: a FIFO put in a file's place between a check and
    the open still never hangs the reader. Raises :class:`NotRegularFile` (an
    :class:`OSError`) saying what it is for anything else.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        what = kind_of(info.st_mode)
        if what is not None:
            raise NotRegularFile(0, f"it is {what}, not a regular file", str(path))
        chunks = []
        while chunk := os.read(fd, max(info.st_size + 1, 1 << 16)):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
