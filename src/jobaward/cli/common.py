"""The Typer app, the options every command shares, error reporting and data loading."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from .. import __version__
from ..errors import JobawardError, UsageProblem
from ..labels import LANGS, Labels
from ..model import Dataset
from ..render.emit import Format

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="jobaward",
    help="전국 지방자치단체 일자리대상: who won what, with how much, and what the job figures did.",
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def fail(error: JobawardError) -> typer.Exit:
    """Print the error on stderr (candidates indented below it) and pick its exit code."""
    from ..render.text import printable

    for line in error.lines():
        typer.echo(printable(line if line.startswith(" ") else f"jobaward: {line}"), err=True)
    return typer.Exit(error.exit_code)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's own errors into one clear message on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except JobawardError as error:
            raise fail(error) from None

    return wrapper


def load_data(given: list[Path] | None = None, no_bundled: bool = False) -> Dataset:
    """The bundled data, then the default user file, JOBAWARD_DATA and --data on top."""
    from ..cache import load_cached
    from ..locations import user_files

    bundled = not no_bundled
    return load_cached(user_files(given or [], bundled), bundled).dataset


def labels_for(lang: str | None) -> Labels:
    chosen = (lang or os.environ.get("JOBAWARD_LANG") or "ko").strip().lower()
    if chosen not in LANGS:
        raise UsageProblem(f"unknown language '{chosen}'; expected one of: {', '.join(LANGS)}")
    return Labels(chosen)


#: The years --year accepts (the awards began in 2012).
FIRST_YEAR, LAST_YEAR = 2010, 2100


def parse_years(values: list[str] | None, labels: Labels) -> frozenset[int] | None:
    """``--year 2022 --year 2019..2021`` → {2019, 2020, 2021, 2022}; None when none are given."""
    if not values:
        return None
    years: set[int] = set()
    for value in values:
        first, dots, last = value.strip().partition("..")
        if not (first.isdigit() and len(first) == 4 and (not dots or (last.isdigit() and len(last) == 4))):
            raise UsageProblem(
                f"--year: '{value}' is not a year (2023) or a range (2019..2023)"
                if labels.english
                else f"--year: '{value}'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다"
            )
        start, end = sorted((int(first), int(last or first)))
        if start < FIRST_YEAR or end > LAST_YEAR:
            raise UsageProblem(
                f"--year: {value} is outside {FIRST_YEAR}..{LAST_YEAR}"
                if labels.english
                else f"--year: {value}은(는) {FIRST_YEAR}..{LAST_YEAR} 밖입니다"
            )
        years.update(range(start, end + 1))
    return frozenset(years)


def choice(value: str | None, parse: Callable[[str], str | None], valid: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    parsed = parse(value)
    if parsed is None:
        raise UsageProblem(f"{option}: unknown value '{value}'; expected one of: {', '.join(valid)}")
    return parsed


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"jobaward {__version__}")
        raise typer.Exit()


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", case_sensitive=False, help="table (default), json, csv or tsv.")
]
ExcelOption = Annotated[bool, typer.Option("--excel", help="CSV as UTF-8 with a BOM, so Excel reads Hangul.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", dir_okay=False, help="Write to FILE (atomically) instead of stdout."),
]
SvgOption = Annotated[
    Path | None, typer.Option("--svg", dir_okay=False, help="Also save the table as an SVG picture in FILE.")
]
WideOption = Annotated[
    bool, typer.Option("--wide", "-w", help="Every column, however wide the table gets (for less -S).")
]
DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data", "-d", help="A user data file loaded on top of the bundled data (repeatable).", show_default=False
    ),
]
NoBundledOption = Annotated[
    bool, typer.Option("--no-bundled", help="Use only the files given with --data, not the bundled data.")
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Label language: ko (default) or en. Also JOBAWARD_LANG.", show_default=False),
]


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """전국 지방자치단체 일자리대상 (National Local Government Job Awards), offline, with sources.

    Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error,
    4 internal error (a bug: please report it).
    """
