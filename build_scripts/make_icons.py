"""Draw the SSI Desktop icon with QPainter and write every size each OS needs.

The icon is code rather than a hand-edited image so anyone can regenerate it exactly:
``.venv/bin/python build_scripts/make_icons.py`` rewrites ``resources/icons/``. The outputs are
committed, so a build never has to run this.

Design: a navy rounded square holding four rising bars, one per pillar (the app's Okabe–Ito
based colours, distinguishable for colour-blind users), and a white trend line climbing over
them. Below 48 px the line is dropped and the bars are drawn on whole pixels, so the small sizes
stay crisp instead of muddy.

The ``.ico`` and ``.icns`` containers are written here with PNG-encoded entries: both formats are
a short header plus an index, and Qt's own ``ico`` writer stores one image per file only.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

#: PNG sizes installed on Linux (hicolor) and used to build the .ico and .icns.
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
#: Windows picks from these inside the .ico (256 is stored as PNG, which Windows Vista+ reads).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry types whose payload may be PNG, with their pixel size.
ICNS_TYPES = (
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)

BACKGROUND_TOP = "#2B4479"
BACKGROUND_BOTTOM = "#15203D"
#: brand, find, engage, build: the app's pillar colours for dark backgrounds
#: (ssi_desktop/ui/palette.py), so the icon and the charts speak the same language.
PILLAR_COLOURS = ("#56B4E9", "#E69F00", "#2FC79A", "#E394C3")
LINE_COLOUR = "#FFFFFF"

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_ID = "ssi-desktop"


def render(size: int):
    """The icon as a ``QImage`` of ``size`` × ``size`` pixels, drawn in a 100-unit design grid."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)

    small = size < 48
    margin = 2.0 if small else 6.0
    tile = QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin)
    gradient = QLinearGradient(QPointF(0, margin), QPointF(0, 100 - margin))
    gradient.setColorAt(0.0, QColor(BACKGROUND_TOP))
    gradient.setColorAt(1.0, QColor(BACKGROUND_BOTTOM))
    # A faint light rim keeps the tile's edge visible on dark panels and docks.
    painter.setPen(QPen(QColor(255, 255, 255, 46), 1.2 if small else 0.9))
    painter.setBrush(QBrush(gradient))
    radius = tile.width() * 0.22
    painter.drawRoundedRect(tile, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)

    if small:
        painter.resetTransform()
        _draw_pixel_bars(painter, size)
        painter.end()
        return image

    base = 78.0
    heights = (18.0, 28.0, 38.0, 48.0)
    left, right, gap = 21.0, 79.0, 4.0
    width = (right - left - 3 * gap) / 4
    tops = []
    for index, (height, colour) in enumerate(zip(heights, PILLAR_COLOURS, strict=True)):
        x = left + index * (width + gap)
        bar = QRectF(x, base - height, width, height)
        painter.setBrush(QColor(colour))
        corner = width * 0.18
        painter.drawRoundedRect(bar, corner, corner)
        tops.append(QPointF(x + width / 2, base - height))

    # The trend climbs a little above the bars so it reads as "rising", ending in a dot.
    lift = 9.0
    points = [QPointF(p.x(), p.y() - lift) for p in tops]
    points[0] = QPointF(left - 1.0, points[0].y() + 4.0)
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    pen = QPen(QColor(LINE_COLOUR), 4.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LINE_COLOUR))
    painter.drawEllipse(points[-1], 5.6, 5.6)

    painter.end()
    return image


def _draw_pixel_bars(painter, size: int) -> None:
    """Bars on whole pixels, so 16–32 px icons have sharp edges instead of blurred ones."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter

    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    width = max(2, round(size * 0.14))
    gap = max(1, round(size * 0.05))
    left = (size - (4 * width + 3 * gap)) // 2
    base = size - max(3, round(size * 0.17))
    for index, colour in enumerate(PILLAR_COLOURS):
        height = round(size * (0.22 + 0.15 * index))
        painter.fillRect(
            QRect(left + index * (width + gap), base - height, width, height), QColor(colour)
        )


def png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render(size).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_container(images: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNG payloads."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payloads = [], []
    for size in sizes:
        payload = images[size]
        side = 0 if size >= 256 else size  # 0 means 256 in a one-byte field
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset))
        payloads.append(payload)
        offset += len(payload)
    return header + b"".join(entries) + b"".join(payloads)


def icns_container(images: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns' + total length, then (type, length incl. 8-byte header, PNG) chunks."""
    chunks = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def write_icons(out_dir: Path) -> list[Path]:
    """Write the PNGs, the .ico and the .icns into ``out_dir``; return the paths written."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    needed = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    images = {size: png_bytes(size) for size in sorted(needed)}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out_dir / f"{APP_ID}-{size}.png"
        path.write_bytes(images[size])
        written.append(path)
    ico = out_dir / f"{APP_ID}.ico"
    ico.write_bytes(ico_container({size: images[size] for size in ICO_SIZES}))
    icns = out_dir / f"{APP_ID}.icns"
    icns.write_bytes(icns_container(images))
    del app
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS_DIR, help="where to write the icons")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in write_icons(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
