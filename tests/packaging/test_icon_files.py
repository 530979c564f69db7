"""The committed icons: every size each OS needs, readable, and exactly what make_icons.py draws."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

from tests.packaging.packaging_paths import NAME, RESOURCES

ICONS = RESOURCES / "icons"


def _image(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _max_channel_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            for shift in (0, 8, 16, 24):
                worst = max(worst, abs(((pa >> shift) & 0xFF) - ((pb >> shift) & 0xFF)))
    return worst


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256, 512])
def test_png_sizes_are_committed_with_a_transparent_corner_and_an_opaque_middle(
    make_icons: ModuleType, size: int
) -> None:
    assert size in make_icons.PNG_SIZES
    image = _image((ICONS / f"{NAME}-{size}.png").read_bytes())
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(0, 0).alpha() == 0  # rounded tile, not a square
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_committed_pngs_are_what_the_script_draws(
    make_icons: ModuleType, tmp_path: Path, qapp: object
) -> None:
    """The icon is reproducible: regenerating it gives the committed pixels (same Qt version)."""
    make_icons.write_icons(tmp_path)
    for size in (16, 48, 128):
        fresh = _image((tmp_path / f"{NAME}-{size}.png").read_bytes())
        committed = _image((ICONS / f"{NAME}-{size}.png").read_bytes())
        assert _max_channel_difference(fresh, committed) <= 2, f"{size} px icon is stale"


def test_ico_holds_every_windows_size_as_png_and_qt_reads_it() -> None:
    data = (ICONS / f"{NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        image = _image(data[offset : offset + length])
        sizes.append(image.width())
        assert width == (0 if image.width() == 256 else image.width())
        assert bits == 32
    assert sizes == [16, 24, 32, 48, 64, 128, 256]

    reader = QImageReader(str(ICONS / f"{NAME}.ico"))
    assert reader.canRead(), reader.errorString()
    assert reader.imageCount() == count


def test_icns_container_lists_png_entries_of_the_declared_sizes(make_icons: ModuleType) -> None:
    data = (ICONS / f"{NAME}.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    offset = 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        length = struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        found[kind] = _image(data[offset + 8 : offset + length]).width()
        offset += length
    assert offset == len(data)
    assert found == {kind: size for kind, size in make_icons.ICNS_TYPES}
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= found.keys()


def test_icns_is_readable_by_qt_where_its_plugin_exists() -> None:
    if b"icns" not in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        pytest.skip("this Qt has no icns image plugin")
    reader = QImageReader(str(ICONS / f"{NAME}.icns"))
    assert reader.canRead(), reader.errorString()
    assert not reader.read().isNull()
