"""The documentation stays true: the command reference is what `--help` prints, every relative
link leads somewhere, and the README stays a front page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: Pages the README links to that are written on other branches (see the lead's merge); until they
#: arrive, a link to one is reported as a skip, never silently passed.
ARRIVING: set[str] = set()


def test_command_reference_is_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_command_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr  # "docs/commands.md is stale: run `python tools/...`"


def without_code(markdown: str) -> str:
    return re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+ (.+)$", without_code(page.read_text("utf-8")), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def links() -> list[tuple[Path, str]]:
    found = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)\s]+)\)", without_code(page.read_text("utf-8"))):
            if not re.match(r"[a-z]+:", target):
                found.append((page, target))
    return found


def test_pages_link_to_each_other() -> None:
    assert len(links()) >= 20


@pytest.mark.parametrize(("page", "target"), links(), ids=[f"{p.name}->{t}" for p, t in links()])
def test_relative_link_resolves(page: Path, target: str) -> None:
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    if not file.exists() and file.relative_to(ROOT).as_posix() in ARRIVING:
        pytest.skip(f"{path}: written on another branch")
    assert file.is_file(), f"{page.name}: {target} points to no file"
    if anchor and file.suffix == ".md":
        assert anchor in anchors(file), f"{page.name}: {target}: no such heading"


def test_readme_is_a_front_page() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert len(readme.splitlines()) <= 160
    assert "python -m pip install . && jobaward list --year 2023" in readme
    assert "python -m pip install -e '.[test]' && python -m pytest" in readme


def test_reference_pages_exist() -> None:
    """The reference lives in docs/: at least three pages besides the schema and the library."""
    pages = {page.name for page in PAGES} - {"README.md", "data.md", "library.md"}
    assert len(pages) >= 3, pages
