import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def test_core_dumps_are_off_for_the_process():
    code = (
        "import resource\n"
        "from app.hardening import disable_core_dumps, is_dumpable\n"
        "assert is_dumpable()\n"
        "disable_core_dumps()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    assert result.stdout.strip() == "(0, 0) False"
