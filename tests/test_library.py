"""The library facade: `import jobaward` is cheap, lists what it offers, and docs/library.md's
examples run and print what the page says they print."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys

import pytest

import jobaward
from jobaward.errors import LookupFailed

from .conftest import ROOT, Run

PAGE = ROOT / "docs" / "library.md"


def examples() -> list[tuple[str, str]]:
    """(code, expected output): each ```python block and the ```text block right after it."""
    text = PAGE.read_text("utf-8")
    return re.findall(r"```python\n(.*?)```\s*```text\n(.*?)```", text, flags=re.S)


def test_the_page_has_examples() -> None:
    assert len(examples()) >= 2


@pytest.mark.parametrize(("code", "expected"), examples())
def test_each_example_prints_what_the_page_shows(code: str, expected: str) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(PAGE), "exec"), {})
    assert printed.getvalue() == expected


def test_all_names_the_facade_and_each_name_exists() -> None:
    assert {"load", "find_government", "awards", "profile", "compare_winners", "stats"} <= set(jobaward.__all__)
    assert all(callable(getattr(jobaward, name)) for name in jobaward.__all__ if name != "__version__")


def test_importing_the_library_loads_neither_typer_nor_rich() -> None:
    code = "import sys, jobaward; jobaward.awards(jobaward.load()); print(sorted({'typer', 'rich'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_an_unknown_name_raises_the_lookup_error_the_cli_exits_1_with() -> None:
    with pytest.raises(LookupFailed) as raised:
        jobaward.find_government(jobaward.load(), "없는시")
    assert raised.value.exit_code == 1


def test_awards_filters_are_the_list_commands(run: Run) -> None:
    data = jobaward.load()
    listed = json.loads(run("list", "--year", "2019", "--grade", "대상", "--format", "json").stdout)
    rows = jobaward.awards(data, years={2019}, grade="대상")
    assert [(r.government.id, r.award.year) for r in rows] == [(r["government_id"], r["year"]) for r in listed]
