"""Why a store cannot be used, in words the user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store file cannot be used (damaged, newer, locked, unwritable).

    ``kind`` is a short machine-readable reason (``empty``, ``corrupt``, ``not_a_store``,
    ``newer_schema``, ``locked``, ``write_failed``); the message says what is wrong and where.
    """

    def __init__(self, kind: str, path: Path, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path


def write_failed(path: Path, exc: OSError) -> StoreError:
    """The error of a write the OS refused: nothing was changed."""
    return StoreError(
        "write_failed",
        path,
        f"Could not save to {path}: {exc.strerror or exc}. Nothing was changed.",
    )
