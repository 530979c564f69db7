"""What every command shares: the store it works on, errors and exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ParamSpec, TypeVar

from ..core.anchor import estimate
from ..core.parameters import ModelParams
from ..core.scoring import ScoreTable
from ..core.validation import ValidationError
from ..exit_codes import EXIT_BAD_INPUT, EXIT_STORE
from ..paths import resolve_store_path
from ..storage import Store, StoreError
from ..storage.files import role_of

P = ParamSpec("P")
R = TypeVar("R")


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def bad_input(error: ValidationError | str) -> CliError:
    return CliError(str(error), EXIT_BAD_INPUT)


class Context:
    """Opens the store lazily, so ``metrics`` and ``--help`` never touch a file."""

    def __init__(self, data: str | None) -> None:
        self._data = data
        self._store: Store | None = None

    @property
    def store_path(self) -> Path:
        """The store ``--data`` names; refused (exit 2) if it is a store's companion."""
        path = resolve_store_path(self._data)
        role = role_of(path)
        if role is not None:
            raise bad_input(
                f"--data: {path} is {role}, not a store, and is never written as one. To "
                "bring its content back, restore it into the store: "
                "`ssi-desktop backups --data STORE` lists what can be restored."
            )
        return path

    def open_store(self, *, create: bool = True) -> Store:
        """The store, opened once; ``create=False`` for commands that only read (a path
        that does not exist is then an error, not a new empty store)."""
        if self._store is None:
            self._store = Store.open(self.store_path, create=create)
        return self._store

    def store(self, *, create: bool = True) -> Store:
        """:meth:`open_store`, with an unusable store turned into exit 3 and what to do."""
        try:
            return self.open_store(create=create)
        except StoreError as exc:
            raise CliError(f"{exc}\n{store_help(exc)}", EXIT_STORE) from None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def store_help(error: StoreError) -> str:
    """What the user can do about an unusable store."""
    if error.kind == "missing":
        return "Nothing was created. Check the path, or record something there first."
    return (
        f"The file was left as it was. See `ssi-desktop backups --data {error.path}` "
        "for the backups that can restore it."
    )


def add_data_option(parser: argparse.ArgumentParser) -> None:
    """``--data`` after the command as well as before it (spec §4)."""
    parser.add_argument("--data", metavar="FILE", default=argparse.SUPPRESS, help="the store file")


def validated(action: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Call a core constructor, turning a ValidationError into exit 2 (nothing written)."""
    try:
        return action(*args, **kwargs)
    except ValidationError as exc:
        raise bad_input(exc) from None


def store_score(
    store: Store,
    start: date | None = None,
    end: date | None = None,
    params: ModelParams | None = None,
    *,
    anchor: bool = True,
) -> ScoreTable:
    """The estimate from everything the store holds that the model reads (with the store's
    own model unless ``params`` is given), anchored to the official readings unless
    ``anchor`` is false (the model alone; its ``raw()`` is the same for an anchored one)."""
    return estimate(
        store.activity(),
        store.profiles(),
        params or store.params(),
        totals=store.totals(),
        settings=store.settings(),
        readings=store.readings() if anchor else (),
        start=start,
        end=end,
    )
