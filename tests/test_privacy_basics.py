"""The suite itself refuses the network, so no code path can reach it unnoticed."""

import ast
import socket
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_blocked_in_every_test():
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


NETWORK_MODULES = ("PySide6.QtNetwork", "PySide6.QtWebEngine", "PySide6.QtWebSockets")


def test_no_module_of_tend_imports_qt_networking():
    app = Path(__file__).resolve().parent.parent / "app"
    offenders = []
    for source in app.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [f"{source.name}: {n}" for n in names if n.startswith(NETWORK_MODULES)]
    assert offenders == []
