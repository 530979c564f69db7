"""Fixtures shared by the packaging tests."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest

from tests.packaging.packaging_paths import BUILD_SCRIPTS


@pytest.fixture(scope="session")
def make_icons() -> ModuleType:
    """build_scripts/make_icons.py, imported from its path (build_scripts is not a package)."""
    spec = importlib.util.spec_from_file_location("make_icons", BUILD_SCRIPTS / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
