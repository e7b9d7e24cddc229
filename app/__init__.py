"""Tend: a private desktop companion for healing and strengthening a relationship."""

__version__ = "0.1.0"

APP_NAME = "Tend"
# One reverse-DNS id shared by the desktop entry, the AppStream file and Qt.
APP_ID = "org.tendapp.Tend"
