"""What every command shares: the store it works on, errors and exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ParamSpec, TypeVar

from ..core.parameters import ModelParams
from ..core.scoring import ScoreTable, score
from ..core.validation import ValidationError
from ..exit_codes import EXIT_BAD_INPUT, EXIT_STORE
from ..paths import resolve_store_path
from ..storage import Store, StoreError

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
        return resolve_store_path(self._data)

    def store(self) -> Store:
        if self._store is None:
            try:
                self._store = Store.open(self.store_path)
            except StoreError as exc:
                raise CliError(f"{exc}\n{store_help(exc)}", EXIT_STORE) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def store_help(error: StoreError) -> str:
    """What the user can do about an unusable store."""
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
) -> ScoreTable:
    """The estimate from everything the store holds that the model reads (with the store's
    own model unless ``params`` is given)."""
    return score(
        store.activity(),
        store.profiles(),
        params or store.params(),
        totals=store.totals(),
        settings=store.settings(),
        start=start,
        end=end,
    )
