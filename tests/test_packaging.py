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
