"""One writer per store (spec §7.4): a ``QLockFile`` beside the store file.

Two programs writing the same file would each overwrite the other's changes, because each
keeps the store in memory. The lock file ``<store>.lock`` holds the owner's PID, host and
program name. A lock left by a process that was killed is taken over: Qt sees that the PID
is no longer running on this host. Qt also takes a PID now used by another process with the
same executable name (any Python) for the owner, so on POSIX a lock is also taken over when
no process holds the lock file's ``flock`` (Qt holds one for as long as it holds the lock):
that proves the owner gone, whatever now runs under its PID. Age alone never makes a lock
stale (``setStaleLockTime(0)``), so an app left open for days keeps its lock.

Within one process the lock is shared: opening a store the process already holds (a test
reading back what it wrote, a dialog checking a file) counts one more holder, and the file
is unlocked when the last one releases it.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


#: Seconds to wait before taking over a lock file with no owner in it.
OWNERLESS_GRACE = 0.2

#: Locks this process holds: lock file -> (the QLockFile, number of holders).
_HELD: dict[Path, tuple[QLockFile, int]] = {}


class StoreLock:
    """The writer's lock on one store file; :meth:`acquire` it, :meth:`release` when done."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self.path = lock_path(store_path)
        # Imported here so commands that never open a store (``metrics``) skip loading Qt.
        from PySide6.QtCore import QLockFile

        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)
        self.held = False

    def acquire(self) -> bool:
        """Take the lock; False if the folder cannot hold one (nothing can be saved there).

        Raises :class:`StoreError` (kind ``locked``) if another live process has it.
        """
        if self.path in _HELD:
            lock, holders = _HELD[self.path]
            _HELD[self.path] = (lock, holders + 1)
            self.held = True
            return True
        if self._lock.tryLock(0):
            return self._taken()
        error = self._lock.error()
        if error == type(self._lock).LockError.LockFailedError:
            if self._owner() is None and self._take_ownerless():
                return self._taken()
            if self._abandoned() and self._lock.removeStaleLockFile() and self._lock.tryLock(0):
                return self._taken()
            raise StoreError("locked", self.store_path, self._locked_message())
        # PermissionError or UnknownError: a read-only folder. Saves there fail on their own
        # and say so; reading needs no lock.
        return False

    def _taken(self) -> bool:
        _HELD[self.path] = (self._lock, 1)
        self.held = True
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # Qt creates it by the umask; it names this user's host
        return True

    def _abandoned(self) -> bool:
        """True if no process holds the lock file's ``flock``: its owner is gone."""
        try:
            import fcntl
        except ImportError:  # Windows: Qt's own check (PID and program name) is all there is
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True

    def _owner(self) -> tuple[int, str, str] | None:
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) == 3 and info[0]:
            return int(info[0]), str(info[1]), str(info[2])
        return None

    def _take_ownerless(self) -> bool:
        """Take over a lock file with no owner written in it.

        Qt writes the owner into the lock file just after creating it; a process killed in
        between leaves an empty lock that Qt, with no PID to check, would honour forever.
        A live process finishes writing it within moments, so look again after a pause.
        """
        time.sleep(OWNERLESS_GRACE)
        if self._lock.tryLock(0):
            return True
        if self._owner() is not None:
            return False
        return self._lock.removeStaleLockFile() and self._lock.tryLock(0)

    def _locked_message(self) -> str:
        owner = ""
        found = self._owner()
        if found is not None:
            pid, host, app = found
            owner = f" (process {pid}{f' on {host}' if host else ''}{f', {app}' if app else ''})"
        return (
            f"{self.store_path} is open in another SSI Desktop{owner}. Close it there first; "
            "nothing was written here."
        )

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        lock, holders = _HELD.pop(self.path)
        if holders > 1:
            _HELD[self.path] = (lock, holders - 1)
        else:
            lock.unlock()
