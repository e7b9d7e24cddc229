"""Render Tend's PNG icon sizes from the one SVG, so no size is ever drawn by hand.

Run from the project root:  python packaging/make_icons.py [OUTPUT_DIR]

Writes OUTPUT_DIR/hicolor/NxN/apps/org.tendapp.Tend.png for each size desktops ask
for (default OUTPUT_DIR: build/icons), beside a copy of the scalable SVG. Used by
`make package` and the Flatpak manifest; nothing generated is committed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.tendapp.Tend"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parent / f"{APP_ID}.svg"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("build/icons")
    _app = QGuiApplication.instance() or QGuiApplication([])
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(SOURCE, size).save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    print(f"{len(SIZES)} PNG sizes and the SVG in {out / 'hicolor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
