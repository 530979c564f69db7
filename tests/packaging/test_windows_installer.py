"""The NSIS script compiles here (makensis runs on Linux) against a stand-in payload.

The real payload is only built on Windows (build.ps1 in CI); compiling the script against a
small folder shaped like it keeps the installer script from rotting between releases.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.packaging_paths import BUILD_SCRIPTS, NAME, REPO, VERSION

NSI = BUILD_SCRIPTS / "windows" / "ssi-desktop.nsi"
BUILD_PS1 = BUILD_SCRIPTS / "windows" / "build.ps1"
PAYLOAD_BYTES = 256 * 1024

needs_makensis = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis (Debian package nsis) is not installed"
)


def _makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["makensis", "-V2", "-WX", *defines, str(NSI)], capture_output=True, text=True, timeout=120
    )


@needs_makensis
def test_installer_compiles_into_a_windows_executable(tmp_path: Path) -> None:
    payload = tmp_path / NAME
    (payload / "_internal").mkdir(parents=True)
    (payload / f"{NAME}.exe").write_text("stand-in for the PyInstaller executable\n")
    # Incompressible, so the installer's size shows whether File /r really took the payload.
    (payload / "_internal" / "base_library.zip").write_bytes(os.urandom(PAYLOAD_BYTES))
    setup = tmp_path / f"{NAME}-{VERSION}-windows-setup.exe"

    result = _makensis(f"-DVERSION={VERSION}", f"-DSOURCE_DIR={payload}", f"-DOUTFILE={setup}")

    assert result.returncode == 0, result.stdout + result.stderr
    assert setup.read_bytes()[:2] == b"MZ"
    assert setup.stat().st_size > PAYLOAD_BYTES


@needs_makensis
def test_installer_refuses_to_compile_without_a_version(tmp_path: Path) -> None:
    result = _makensis(f"-DOUTFILE={tmp_path / 'setup-without-version.exe'}")
    assert result.returncode != 0
    assert "Pass the version" in result.stdout + result.stderr
    assert not (tmp_path / "setup-without-version.exe").exists()


def test_build_script_uses_the_shared_spec_and_this_installer_script() -> None:
    """build.ps1 cannot run here (no PowerShell); at least the files it names must exist."""
    script = BUILD_PS1.read_text(encoding="utf-8")
    named = re.findall(r"build_scripts\\[\w\\.-]+", script)
    assert r"build_scripts\ssi-desktop.spec" in named
    assert r"build_scripts\windows\ssi-desktop.nsi" in named
    for relative in named:
        assert (REPO / relative.replace("\\", "/")).is_file(), relative
    assert f"{NAME}.exe" in script
