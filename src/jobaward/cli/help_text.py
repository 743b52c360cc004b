"""The language of ``--help``: Korean first, English when asked for.

Typer builds the help texts when the app is built, before any option is parsed, so the language
is read from the command line and environment here, once: ``--lang en`` (or ``--lang=en``), else
``JOBAWARD_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; English when it starts
with ``en``). Everything else gets Korean.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from jobaward.i18n.language import english_wanted

#: The language of help: the same choice as the errors' (i18n/language.english_wanted).
HELP_IN_ENGLISH = english_wanted(sys.argv, os.environ)


def say(korean: str, english: str) -> str:
    """A help text in the language of this run."""
    return english if HELP_IN_ENGLISH else korean


def cell_wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """Click's ``wrap_text``, measuring in terminal cells: a Hangul syllable is two cells wide.

    Click counts characters, so Korean help came out up to twice as wide as the terminal.
    Paragraphs are split on blank lines; one that starts with Click's ``\\b`` marker is kept as is.
    """
    from rich.cells import cell_len

    paragraphs = text.expandtabs().split("\n\n") if preserve_paragraphs else [text.expandtabs()]
    wrapped = []
    for paragraph in paragraphs:
        lines = paragraph.strip("\n").split("\n")
        if lines and lines[0].strip() == "\b":
            kept = [line.strip() for line in lines[1:]]
            indents = [initial_indent] + [subsequent_indent] * (len(kept) - 1)
            wrapped.append("\n".join(indent + line for indent, line in zip(indents, kept, strict=True)))
            continue
        out: list[str] = []
        line, words = initial_indent, 0
        for word in paragraph.split():
            gap = "" if not line or line[-1].isspace() else " "
            if words and cell_len(line + gap + word) > width:
                out.append(line)
                line, gap, words = subsequent_indent, "", 0
            line += gap + word
            words += 1
        out.append(line)
        wrapped.append("\n".join(out))
    return "\n\n".join(wrapped)


#: The help screen's own words (from Typer's bundled Click), in Korean.
FRAMEWORK_KO = {
    "Usage: ": "사용법: ",
    "Options": "옵션",
    "Arguments": "인자",
    "Commands": "명령",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냄.",
    "Install completion for the current shell.": "현재 셸에 이름 자동 완성 설치.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "현재 셸의 자동 완성 스크립트 보기 (복사하거나 고쳐 설치할 때)."
    ),
    "[default: ": "[기본값: ",
    "[required]": "[필수]",
    "[env var: ": "[환경 변수: ",
    "<int range>": "<int>",
    "<float range>": "<float>",
}


def korean_framework(text: str) -> str:
    for english, korean in FRAMEWORK_KO.items():
        text = text.replace(english, korean)
    return text


def install_help_formatter() -> None:
    """Help that wraps by terminal cells (see ``cell_wrap_text``) and, unless English was asked
    for, names its own parts in Korean."""
    from collections.abc import Iterator
    from contextlib import contextmanager

    from typer._click import core, formatting

    formatting.wrap_text = cell_wrap_text
    if HELP_IN_ENGLISH:
        return

    class KoreanHelpFormatter(formatting.HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, korean_framework(prefix or "Usage: "))

        @contextmanager
        def section(self, name: str) -> Iterator[None]:
            with super().section(korean_framework(name)):
                yield

        def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [(korean_framework(term), korean_framework(text)) for term, text in rows]
            super().write_dl(rows, col_max, col_spacing)

    core.Context.formatter_class = KoreanHelpFormatter
