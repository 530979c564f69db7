"""Where the app keeps the user's store, settings and logs.

Paths come from Qt's ``QStandardPaths`` (the platform's conventions) with an environment
override, ``SSI_DESKTOP_DATA``, for tests and portable use. User data never lives next to the
program, so reinstalling or uninstalling never touches it.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import APP_NAME, ORG_DOMAIN, ORG_NAME

STORE_FILENAME = "ssi-desktop.json"
ENV_DATA = "SSI_DESKTOP_DATA"


def _set_identity() -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setOrganizationDomain(ORG_DOMAIN)
    QCoreApplication.setApplicationName(APP_NAME)


def _standard(location_name: str) -> Path:
    from PySide6.QtCore import QStandardPaths

    _set_identity()
    location = getattr(QStandardPaths.StandardLocation, location_name)
    return Path(QStandardPaths.writableLocation(location))


def data_dir() -> Path:
    return _standard("AppDataLocation")


def log_dir() -> Path:
    """The log folder: beside the store when ``SSI_DESKTOP_DATA`` is set, else the platform's."""
    override = os.environ.get(ENV_DATA)
    if override:
        return Path(override).expanduser().absolute().parent / "logs"
    return _standard("AppLocalDataLocation") / "logs"


def default_store_path() -> Path:
    override = os.environ.get(ENV_DATA)
    if override:
        return Path(override).expanduser()
    return data_dir() / STORE_FILENAME


def resolve_store_path(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_store_path()
