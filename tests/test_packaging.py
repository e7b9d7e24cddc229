"""One application id everywhere: desktop entry, AppStream and Qt."""

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from app import APP_ID

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def test_desktop_entry_and_metainfo_share_the_app_id():
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(PACKAGING / f"{APP_ID}.desktop")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert entry["Desktop Entry"]["Exec"] == "tend"
    meta = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert (PACKAGING / f"{APP_ID}.svg").is_file()


def test_qt_uses_the_same_id(qapp):
    from PySide6.QtGui import QGuiApplication

    from app.shell.app import make_application

    make_application()
    assert QGuiApplication.desktopFileName() == APP_ID


def test_the_flatpak_has_no_network_and_writes_only_its_own_folders():
    manifest = (PACKAGING / f"{APP_ID}.yml").read_text(encoding="utf-8")
    args = [
        line.strip()[2:]
        for line in manifest.split("finish-args:")[1].split("modules:")[0].splitlines()
        if line.strip().startswith("- ")
    ]
    assert not any(arg.startswith("--share=network") for arg in args)
    filesystems = [arg for arg in args if arg.startswith("--filesystem")]
    assert filesystems == ["--filesystem=xdg-documents/Tend:create"]
    assert "make_icons.py" in manifest  # PNG sizes come from the SVG, never drawn by hand


def test_icon_sizes_render_from_the_svg(tmp_path, qapp):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    assert make_icons.main(["make_icons.py", str(tmp_path)]) == 0
    from PySide6.QtGui import QImage

    for size in make_icons.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() > 0  # drawn, not an empty canvas
