"""The summary code writes only where the person chose: one function writes, nothing else
opens a file for writing, makes a temporary file, or keeps settings or recent files."""

from __future__ import annotations

import ast
from pathlib import Path

SUMMARY = Path(__file__).resolve().parents[2] / "app" / "summary"

# Names that would write somewhere the person did not choose.
FORBIDDEN_NAMES = {
    "tempfile",
    "NamedTemporaryFile",
    "mkstemp",
    "QTemporaryFile",
    "QTemporaryDir",
    "QSaveFile",
    "QSettings",
    "QFile",
    "write_text",
    "write_bytes",
    "addRecentFile",
    "QRecentFilesModel",
    "setOutputFileName",  # a printer told to print to a file of its own choosing
    "print_",  # QTextDocument.print_ would page and number in its own way
    "logging",
}


def _sources():
    return sorted(SUMMARY.rglob("*.py"))


def test_only_output_write_document_opens_files():
    offenders = []
    for source in _sources():
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or source.name == "output.py":
                continue
            func = node.func
            # open(), os.open(), os.fdopen(), path.open(); a QBuffer or a dialog opening is
            # not a file on disk, so only these spellings count.
            if isinstance(func, ast.Name) and func.id == "open":
                offenders.append(f"{source.name}:{node.lineno} open()")
            elif isinstance(func, ast.Attribute) and func.attr in {"open", "fdopen"}:
                receiver = func.value
                if isinstance(receiver, ast.Name) and receiver.id in {"os", "io", "path"}:
                    offenders.append(f"{source.name}:{node.lineno} {receiver.id}.{func.attr}()")
    assert offenders == []


def test_no_temporary_files_settings_logs_or_recent_lists():
    offenders = []
    for source in _sources():
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]] + [a.name for a in node.names]
            offenders += [f"{source.name}:{node.lineno} {n}" for n in names if n in FORBIDDEN_NAMES]
    assert offenders == []


def test_the_file_dialog_is_qts_own():
    """A desktop's native dialog may add the saved file to a recent-files list."""
    view = (SUMMARY / "ui" / "view.py").read_text(encoding="utf-8")
    assert view.count("getSaveFileName(") == 1
    assert "DontUseNativeDialog" in view
