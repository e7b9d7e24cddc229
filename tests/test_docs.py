"""The project explains itself from a clone: its pages point only at what the clone has."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_links_stay_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#]+)\)", readme)
    assert "docs/ARCHITECTURE.md" in targets
    for target in targets:
        assert not target.startswith(".."), target
        assert (ROOT / target).exists(), target


def test_every_file_the_architecture_page_names_exists():
    page = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = {
        token.split("::")[0]
        for token in re.findall(r"`((?:app|tests)/[^`\s]+)`", page)
        if "<" not in token and "*" not in token
    }
    assert "app/shell/areas.py" in named
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []
