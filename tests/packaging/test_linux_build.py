"""The real Linux artefacts: build once (build_scripts/build_linux.sh), then run and install them.

Slow (about a minute for PyInstaller): the build runs once per test module, into a temporary
folder, so the checkout's dist/ is never touched. Installing the .deb needs root (tests run as
root in CI) and is serialised with a lock file, since dpkg allows one installer at a time.
"""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from ssi_desktop.core.catalogue import METRIC_KEYS
from tests.core import creator_builder as creator
from tests.core.ssi_pages import PORTUGUESE
from tests.packaging.packaging_paths import BUILD_SCRIPTS, NAME, REPO, VERSION

pytestmark = pytest.mark.slow

MAX_FOLDER_BYTES = 170 * 10**6
MAX_DEB_BYTES = 50 * 10**6
DPKG_LOCK = Path("/tmp/ssi-desktop-deb-test.lock")


@dataclass(frozen=True)
class Build:
    app: Path  # dist/ssi-desktop/
    tarball: Path
    deb: Path

    @property
    def binary(self) -> Path:
        return self.app / NAME


def _runtime_packages() -> list[str]:
    """The [runtime] section of debian-packages.txt, read independently of the build script."""
    packages, section = [], None
    for line in (BUILD_SCRIPTS / "debian-packages.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# ["):
            section = line.split()[1]
        elif section == "[runtime]" and line.strip() and not line.startswith("#"):
            packages.append(line.split()[0])
    return packages


def _folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _run(
    *command: str | Path, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, env=env, timeout=timeout
    )


def _headless_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed: not a Debian system")
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [str(BUILD_SCRIPTS / "build_linux.sh")],
        capture_output=True,
        text=True,
        timeout=1200,
        env={**os.environ, "DIST_DIR": str(out), "BUILD_DIR": str(work)},
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (deb,) = out.glob(f"{NAME}_{VERSION}_*.deb")
    (tarball,) = out.glob(f"{NAME}-{VERSION}-linux-*.tar.gz")
    return Build(app=out / NAME, tarball=tarball, deb=deb)


def test_build_makes_the_folder_tarball_and_deb_within_their_size_limits(build: Build) -> None:
    assert build.binary.is_file() and os.access(build.binary, os.X_OK)
    assert _folder_bytes(build.app) <= MAX_FOLDER_BYTES
    assert build.deb.stat().st_size <= MAX_DEB_BYTES
    with tarfile.open(build.tarball) as archive:
        names = archive.getnames()
    assert f"{NAME}/{NAME}" in names
    assert f"{NAME}/_internal/docs/scoring.md" in names


def test_bundle_holds_what_the_app_reads_and_not_what_it_never_uses(build: Build) -> None:
    internal = build.app / "_internal"
    # ssi_desktop/ui/resources.py looks these up under sys._MEIPASS.
    assert (internal / "docs" / "scoring.md").read_bytes() == (
        REPO / "docs" / "scoring.md"
    ).read_bytes()
    for size in (16, 32, 48, 128, 256, 512):
        assert (internal / "resources" / "icons" / f"{NAME}-{size}.png").is_file()
    assert (internal / "resources" / "LICENSE").is_file()

    qt = internal / "PySide6"
    assert (qt / "QtOpenGL.abi3.so").is_file()  # pyqtgraph imports it
    for unused in ("QtNetwork", "QtSvg", "QtTest", "QtDBus"):
        assert not (qt / f"{unused}.abi3.so").exists(), unused
    for binding in ("PyQt5", "PyQt6", "PySide2", "tkinter", "pytest", "hypothesis"):
        assert not (internal / binding).exists(), binding
    assert not list(internal.rglob("*.qm"))
    platforms = {p.name for p in (qt / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert not (qt / "Qt" / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]


def test_packaged_app_reports_its_version_and_passes_the_smoke_test(
    build: Build, tmp_path: Path
) -> None:
    version = _run(build.binary, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"{NAME} {VERSION}"

    smoke = _run(build.binary, "--smoke", "--data", tmp_path / "store.json", env=_headless_env())
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke ok" in smoke.stdout


def test_packaged_cli_records_activity_and_scores_it(build: Build, tmp_path: Path) -> None:
    """The CLI's command modules are imported by name: this fails if the bundle misses one."""
    store = tmp_path / "store.json"
    key = METRIC_KEYS[0]
    added = _run(build.binary, "add", "--date", "2026-11-20", f"{key}=3", "--data", store)
    assert added.returncode == 0, added.stderr
    scored = _run(
        build.binary,
        "score",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-20",
        "--format",
        "json",
        "--data",
        store,
    )
    assert scored.returncode == 0, scored.stderr
    (row,) = json.loads(scored.stdout)
    assert row["date"] == "2026-11-20"
    assert row["total"] > 0


def test_packaged_cli_reads_creator_analytics_and_a_pasted_page(
    build: Build, tmp_path: Path
) -> None:
    """openpyxl (and et_xmlfile) must be in the bundle: the Creator import reads a workbook."""
    span = creator.days(date(2025, 4, 1), date(2025, 4, 3))
    workbook = creator.write_workbook(tmp_path, {d: 5 for d in span}, {d: 1 for d in span}, 77)
    store = tmp_path / "store.json"
    imported = _run(build.binary, "import", "creator", workbook, "--data", store)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Total followers: 77 on 3 Apr 2025." in imported.stdout
    page = tmp_path / "ssi.txt"
    page.write_text(PORTUGUESE, encoding="utf-8")
    pasted = _run(build.binary, "reading", "--paste", page, "--date", "2025-04-03", "--data", store)
    assert pasted.returncode == 0, pasted.stderr
    assert "official SSI 53" in pasted.stdout


def test_deb_declares_the_runtime_libraries_and_has_no_maintainer_scripts(build: Build) -> None:
    fields = _run("dpkg-deb", "-f", build.deb, "Package", "Version", "Depends").stdout
    assert f"Package: {NAME}" in fields
    assert f"Version: {VERSION}" in fields
    depends = fields.split("Depends:")[1].strip()
    assert [d.strip() for d in depends.split(",")] == _runtime_packages()

    control = _run("dpkg-deb", "--ctrl-tarfile", build.deb)
    assert control.returncode == 0
    listing = subprocess.run(
        ["tar", "-t"], input=control.stdout.encode("latin-1"), capture_output=True, check=False
    ).stdout.decode()
    members = {Path(m).name for m in listing.split() if Path(m).name not in ("", ".")}
    assert members == {"control"}  # no preinst/postinst/prerm/postrm: nothing can touch $HOME

    contents = _run("dpkg-deb", "-c", build.deb).stdout
    assert f"./opt/{NAME}/{NAME}\n" in contents
    assert f"./usr/bin/{NAME} -> /opt/{NAME}/{NAME}" in contents
    assert f"./usr/share/applications/{NAME}.desktop" in contents
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/{NAME}.png" in contents
    paths = [line.split(maxsplit=5)[5].split(" -> ")[0] for line in contents.splitlines()]
    assert all(path == "./" or path.startswith(("./opt/", "./usr/")) for path in paths)


@pytest.fixture
def dpkg_lock() -> Iterator[None]:
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root")
    if shutil.which("dpkg") is None:
        pytest.skip("dpkg is not installed")
    with DPKG_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def test_deb_installs_runs_and_uninstalls_without_touching_user_data(
    build: Build, dpkg_lock: None, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = _headless_env(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    env.pop("SSI_DESKTOP_DATA", None)
    command = Path("/usr/bin") / NAME
    try:
        installed = _run("dpkg", "-i", build.deb, timeout=300)
        assert installed.returncode == 0, installed.stdout + installed.stderr

        version = _run(command, "--version", env=env)
        assert version.stdout.strip() == f"{NAME} {VERSION}", version.stderr
        smoke = _run(command, "--smoke", "--data", tmp_path / "smoke.json", env=env)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        entry = Path("/usr/share/applications") / f"{NAME}.desktop"
        if shutil.which("desktop-file-validate"):
            assert _run("desktop-file-validate", entry).returncode == 0
        assert Path(f"/usr/share/icons/hicolor/256x256/apps/{NAME}.png").is_file()

        # The user's data, in the default place under $HOME (no --data).
        added = _run(command, "add", "--date", "2026-11-20", f"{METRIC_KEYS[0]}=2", env=env)
        assert added.returncode == 0, added.stderr
        (store,) = home.rglob("ssi-desktop.json")
        assert str(store).startswith(str(home / ".local" / "share"))
        before = store.read_bytes()
    finally:
        purged = _run("dpkg", "--purge", NAME, timeout=300)
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert not command.exists()
    assert not Path(f"/opt/{NAME}").exists()
    assert store.read_bytes() == before
