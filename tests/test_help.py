"""--help is Korean first (English with --lang en, JOBAWARD_LANG=en or an English locale), and
fits an 80-column terminal. Help is built before options are parsed, so each case is its own
process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from jobaward.cli.help_text import cell_wrap_text
from jobaward.i18n.language import chosen_language, english_wanted

from .conftest import run_process

COMMANDS = (
    (),
    ("list",),
    ("show",),
    ("compare",),
    ("stats",),
    ("export",),
    ("validate",),
    ("data", "path"),
    ("add", "award"),
    ("add", "indicator"),
    ("add", "source"),
    ("official",),
    ("official", "import"),
    ("official", "fetch"),
    ("official", "path"),
)


def help_text(*args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("JOBAWARD_LANG", "LC_ALL", "LC_MESSAGES")}
    environment.update({"COLUMNS": "80", "LANG": "C.UTF-8", **env})
    command = [sys.executable, "-m", "jobaward", *args, "--help"]
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "jobaward")
def test_help_is_korean_and_fits_80_columns(command: tuple[str, ...]) -> None:
    text = help_text(*command)
    assert text.startswith("사용법: ")
    assert "이 도움말을 보여 주고 끝냄." in text and "Show this message" not in text
    assert [line for line in text.splitlines() if cell_len(line) > 80] == []


def test_help_in_english_when_asked() -> None:
    for text in (
        help_text("list", "--lang", "en"),
        help_text("list", JOBAWARD_LANG="en"),
        help_text("list", LANG="en_US.UTF-8"),
    ):
        assert text.startswith("Usage: ") and "List awards, newest first." in text
        assert "Show this message and exit." in text
    assert "수상 목록 (최신 연도부터)." in help_text("list", LANG="ko_KR.UTF-8")


@pytest.mark.parametrize("command", [(), ("official",), ("official", "import"), ("data", "path")], ids=str)
def test_lang_is_taken_before_the_command_and_where_a_command_has_none(command: tuple[str, ...]) -> None:
    for text in (help_text("--lang", "en", *command), help_text(*command, "--lang", "en")):
        assert text.startswith(" ".join(("Usage: python -m jobaward", *command, "[OPTIONS]")))
        assert "Show this message and exit." in text


def test_language_choice_order() -> None:
    assert english_wanted(["jobaward", "list", "--lang=en"], {"JOBAWARD_LANG": "ko"})
    assert english_wanted(["jobaward", "list"], {"JOBAWARD_LANG": "en", "LANG": "ko_KR.UTF-8"})
    assert english_wanted(["jobaward"], {"LC_ALL": "en_GB.UTF-8", "LANG": "ko_KR.UTF-8"})
    assert not english_wanted(["jobaward"], {"LANG": "C.UTF-8"})
    assert not english_wanted(["jobaward"], {})
    assert english_wanted(["jobaward", "--lang", "fr"], {"JOBAWARD_LANG": "en"}), "an unknown --lang: the next choice"


def test_labels_ask_the_same_resolver() -> None:
    """The views' labels: --lang beats JOBAWARD_LANG beats the locale; C and POSIX are Korean."""
    assert chosen_language("en", {"JOBAWARD_LANG": "ko", "LANG": "ko_KR.UTF-8"}) == "en"
    assert chosen_language(None, {"JOBAWARD_LANG": " EN ", "LANG": "ko_KR.UTF-8"}) == "en"
    assert chosen_language(None, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}) == "en"
    assert chosen_language(None, {"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}) == "ko"
    assert chosen_language(None, {"LANG": "C"}) == "ko"
    assert chosen_language("fr", {"JOBAWARD_LANG": "en"}) == "fr", "refused by the command, not replaced"


def test_wrapping_counts_hangul_as_two_cells() -> None:
    wrapped = cell_wrap_text("가나다 라마바 사아자 차카타", width=15, initial_indent="  ", subsequent_indent="  ")
    assert wrapped.splitlines() == ["  가나다 라마바", "  사아자 차카타"]
    assert all(cell_len(line) <= 15 for line in wrapped.splitlines())


def test_install_completion_says_which_files_in_korean(tmp_path: Path) -> None:
    done = run_process(
        "--install-completion", "bash", HOME=str(tmp_path), LC_ALL=None, LANG="C.UTF-8", JOBAWARD_LANG=None
    )
    assert done.returncode == 0, done.stderr
    rc = tmp_path / ".bashrc"
    assert f"{rc}에 그 파일을 읽는 줄을" in done.stdout and "자동 완성을" in done.stdout
    assert "completion installed" not in done.stdout
    (script,) = (tmp_path / ".bash_completions").iterdir()  # named for the program (python -m here)
    assert str(script) in done.stdout
    assert f"source '{script}'" in rc.read_text()
    english = run_process("--install-completion", "bash", "--lang", "en", HOME=str(tmp_path))
    assert f"{rc} now has a line reading it" in english.stdout


@pytest.mark.parametrize(
    "command", [("list",), ("stats",), ("official", "fetch"), ("official", "import")], ids=" ".join
)
def test_korean_help_has_no_click_english(command: tuple[str, ...]) -> None:
    done = run_process(*command, "--help", LC_ALL=None, LANG="C.UTF-8", JOBAWARD_LANG=None)
    assert done.returncode == 0
    for english in ("env var", "range>", "{file}", "[required]", "Usage:"):
        assert english not in done.stdout, english


@pytest.mark.parametrize("command", [(), ("export",), ("official",)], ids=" ".join)
def test_lang_is_in_every_help(command: tuple[str, ...]) -> None:
    done = run_process(*command, "--help", LC_ALL=None, LANG="C.UTF-8", JOBAWARD_LANG=None)
    assert "--lang" in done.stdout


@pytest.mark.parametrize("command", ["list", "compare", "stats"])
def test_the_filter_rule_is_a_paragraph_of_its_own(command: str) -> None:
    for text, start in ((help_text(command), "필터: "), (help_text(command, "--lang", "en"), "Filters: ")):
        (line,) = [line for line in text.splitlines() if start in line]
        assert line.strip().startswith(start), line  # not run on from the examples before it
