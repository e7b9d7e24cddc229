"""Read a PDF back with QtPdf: its selectable text and its title."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument


def read_pdf(path: Path) -> tuple[str, str, int]:
    """(all text, title metadata, page count)."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = "\n".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    title = doc.metaData(QPdfDocument.MetaDataField.Title)
    pages = doc.pageCount()
    doc.close()
    return text, title, pages
