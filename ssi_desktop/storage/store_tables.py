"""The store's transactions and tables: one atomic write per batch, and records staged into
the tables held in memory by key, without TinyDB queries."""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator
from typing import Any

from .errors import StoreError, write_failed
from .record_docs import KEY_FIELDS
from .store_base import StoreBase


class TablesMixin(StoreBase):
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one atomic write; on error none of them is kept.

        A failed write raises :class:`StoreError` (kind ``write_failed``); the store then
        holds what the file holds, as before the batch.
        """
        assert self._storage is not None
        self._storage.begin()
        try:
            yield
        except BaseException:
            self._storage.rollback()
            self._db.clear_cache()
            self._changed()
            raise
        try:
            self._storage.commit()
        except OSError as exc:
            self._db.clear_cache()
            self._changed()
            raise write_failed(self.path, exc) from exc
        except UnicodeEncodeError as exc:
            # Text that is not valid Unicode (a lone surrogate, e.g. from undecodable bytes
            # on a command line) cannot be written as UTF-8: refuse it rather than crash.
            self._db.clear_cache()
            self._changed()
            raise StoreError(
                "write_failed",
                self.path,
                f"Could not save to {self.path}: the text contains characters that are not "
                f"valid Unicode ({exc.object[exc.start : exc.end]!r}). Nothing was changed.",
            ) from exc
        except BaseException:
            self._db.clear_cache()
            self._changed()
            raise
        self._exists = self._exists or self.path.exists()
        self._changed()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        with self.batch():
            yield

    def _raw(self, name: str) -> dict[str, Any]:
        """Table ``name`` as held in memory, its key index and next id kept current.

        Records are written here, not through TinyDB queries: an upsert evaluates its query
        on every document, which made a ten-year import quadratic (17 s instead of 0.1 s).
        The index is rebuilt whenever the data was re-read (after a failed write or a restore).
        """
        table = self._tables().setdefault(name, {})
        held = self._indexes.get(name)
        if held is None or held[0] is not table:
            fields = KEY_FIELDS.get(name, ())
            index: dict[Hashable, str] = (
                {tuple(d[f] for f in fields): doc_id for doc_id, d in table.items()}
                if fields
                else {}
            )
            self._indexes[name] = (table, index)
            self._next_ids[name] = max(map(int, table), default=0) + 1
        return table

    def _insert(self, name: str, doc: dict[str, Any], wanted: str | None) -> str:
        """Add ``doc`` under id ``wanted`` when free (an undone delete), else a new one.

        Documents stay in id order, as TinyDB writes them, whatever id comes back.
        """
        table = self._raw(name)
        if wanted is None or wanted in table:
            wanted = str(self._next_ids[name])
        # Above every id in use, the one just given back included (after a failed write the
        # table is re-read and the counter restarts from what the file holds).
        self._next_ids[name] = max(self._next_ids[name], int(wanted) + 1)
        last = next(reversed(table), None)
        table[wanted] = doc
        if last is not None and int(last) > int(wanted):  # an old id back: move later ones
            for doc_id in [d for d in table if int(d) > int(wanted)]:
                table[doc_id] = table.pop(doc_id)
        return wanted

    def _put_doc(self, name: str, doc: dict[str, Any]) -> None:
        """Stage ``doc`` as its key's record (inside a batch; the batch writes the file)."""
        table = self._raw(name)
        index = self._indexes[name][1]
        key = tuple(doc[f] for f in KEY_FIELDS[name])
        doc_id = index.get(key)
        if doc_id is None:
            index[key] = self._insert(name, doc, self._freed.pop((name, key), None))
        else:
            table[doc_id] = doc
        self._flush_later()

    def _drop_doc(self, name: str, *key: str) -> None:
        table = self._raw(name)
        doc_id = self._indexes[name][1].pop(key, None)
        if doc_id is not None:
            del table[doc_id]
            self._freed[(name, key)] = doc_id
        self._flush_later()

    def _flush_later(self) -> None:
        assert self._storage is not None
        self._storage.write(self._tables())
