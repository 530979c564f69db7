"""The macOS build cannot run here (no hdiutil, codesign or xcrun): check it is consistent.

The script must parse, refuse to run off macOS without touching anything, and name files and
values that exist: the shared spec, the entitlements, the .app name the spec's BUNDLE makes.
"""

from __future__ import annotations

import ast
import plistlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ssi_desktop import APP_NAME
from tests.packaging.packaging_paths import BUILD_SCRIPTS, REPO

BUILD_DMG = BUILD_SCRIPTS / "macos" / "build_dmg.sh"
SPEC = BUILD_SCRIPTS / "ssi-desktop.spec"


def _bundle_call() -> ast.Call:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "BUNDLE"
    ]
    assert len(calls) == 1
    return calls[0]


def _spec_constants() -> dict[str, object]:
    """The spec's top-level NAME = <literal> assignments."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {
        node.targets[0].id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }


def test_build_dmg_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(BUILD_DMG)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("hdiutil") is not None, reason="this is a Mac: it would build")
def test_build_dmg_refuses_to_run_off_macos_and_leaves_nothing(tmp_path: Path) -> None:
    result = subprocess.run(
        ["bash", str(BUILD_DMG)], capture_output=True, text=True, cwd=tmp_path, timeout=30
    )
    assert result.returncode == 2
    assert "macOS only" in result.stderr
    assert result.stdout == ""  # it stopped before creating a venv or running PyInstaller


def test_build_dmg_names_files_that_exist() -> None:
    script = BUILD_DMG.read_text(encoding="utf-8")
    assert "spec=build_scripts/ssi-desktop.spec" in script
    assert (REPO / "build_scripts" / "ssi-desktop.spec").is_file()
    assert "here=build_scripts/macos" in script
    for name in re.findall(r'"\$here/([\w.-]+)"', script):
        assert (BUILD_SCRIPTS / "macos" / name).is_file(), name
    entitlements = plistlib.loads((BUILD_SCRIPTS / "macos" / "entitlements.plist").read_bytes())
    assert all(value is True for value in entitlements.values())


def test_spec_bundle_makes_the_app_the_script_expects() -> None:
    call = _bundle_call()
    keywords = {kw.arg: kw.value for kw in call.keywords}
    assert ast.unparse(keywords["name"]) == "f'{APP_NAME}.app'"
    script = BUILD_DMG.read_text(encoding="utf-8")
    assert 'app="dist/$app_name.app"' in script
    assert "from ssi_desktop import APP_NAME" in script
    assert APP_NAME == "SSI Desktop"

    identifier = keywords["bundle_identifier"]
    assert isinstance(identifier, ast.Name)
    assert _spec_constants()[identifier.id] == "app.ssi-desktop"
    plist = keywords["info_plist"]
    assert isinstance(plist, ast.Dict)
    keys = {ast.literal_eval(key) for key in plist.keys if key is not None}
    assert {
        "CFBundleShortVersionString",
        "CFBundleVersion",
        "NSHighResolutionCapable",
        "LSMinimumSystemVersion",
    } <= keys
    assert ast.unparse(keywords["icon"]) == "str(ICONS / 'ssi-desktop.icns')"
