"""Work-arounds for bugs in the libraries we run on.

PySide6 6.12 wheels on CPython 3.11 give back None, True and False from many calls
(every "void" method, some signal emissions) without the new reference CPython 3.11
expects: they assume 3.12, where these objects are immortal. Each such call takes one
reference away; after a few thousand calls (a busy view, a breathing animation, a
long test run) CPython frees None itself and aborts with "none_dealloc". Until the
wheels are fixed, give these three objects a reference budget too large to run out.
"""

from __future__ import annotations

import sys

_BUDGET = 1 << 40  # ~10^12 calls; a Py_ssize_t holds 2^63
_done = False


def protect_singletons() -> None:
    """Call once, before Qt does much; harmless (and skipped) on Python 3.12 and later."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython 3.11 object.
        ctypes.c_ssize_t.from_address(id(obj)).value += _BUDGET
    _done = True
