"""The Linux menu entry and AppStream metadata: valid, and naming what the package installs."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from ssi_desktop import APP_NAME
from tests.packaging.packaging_paths import NAME, PROJECT, REPO, RESOURCES, VERSION

DESKTOP = RESOURCES / "ssi-desktop.desktop"
METAINFO = RESOURCES / "app.ssi_desktop.SSIDesktop.metainfo.xml"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (desktop-file-utils) is not installed",
)
def test_desktop_entry_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # no warnings either


def test_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == NAME
    assert NAME in PROJECT["scripts"]  # the same command a pip install provides
    assert entry["Icon"] == NAME
    assert (RESOURCES / "icons" / f"{NAME}-48.png").is_file()
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    # Qt on X11 sets WM_CLASS's class to the application name; docks group windows by it.
    assert entry["StartupWMClass"] == APP_NAME


def test_metainfo_names_the_desktop_entry_and_the_current_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert f"{root.findtext('id')}.metainfo.xml" == METAINFO.name
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("project_license") == "MIT"
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == VERSION, "add the new version to the metainfo's <releases>"


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bundled_licence_is_the_repository_licence() -> None:
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert (RESOURCES / "LICENSE").read_text(encoding="utf-8") == licence
