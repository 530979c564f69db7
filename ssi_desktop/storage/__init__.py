"""The TinyDB store: one JSON file the user owns, written atomically, checked on open."""

from .errors import StoreError
from .store import Store

__all__ = ["Store", "StoreError"]
