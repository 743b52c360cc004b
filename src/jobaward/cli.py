"""The `jobaward` command: parse options, call the query layer, hand the result to a renderer.

Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error,
4 internal error (a bug: please report it).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from . import __version__
from .errors import EXIT_INTERNAL, JobawardError, UsageProblem
from .labels import LANGS, Labels, parse_category, parse_grade, parse_level
from .model import CATEGORIES, GRADES, LEVELS, Dataset
from .render.emit import Format, OutputOptions, emit, write

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
    from .render.text import printable

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


def dataset() -> Dataset:
    from .load import load_bundled

    return load_bundled()


def labels_for(lang: str | None) -> Labels:
    chosen = (lang or os.environ.get("JOBAWARD_LANG") or "ko").strip().lower()
    if chosen not in LANGS:
        raise UsageProblem(f"unknown language '{chosen}'; expected one of: {', '.join(LANGS)}")
    return Labels(chosen)


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

    Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error, 3 data error.
    """


@app.command("list")
@reports_errors
def list_command(
    year: Annotated[int | None, typer.Option("--year", "-y", min=2010, max=2100, help="Award year, e.g. 2023.")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c", help="공시제, 우수사업, … or English.")] = None,
    grade: Annotated[str | None, typer.Option("--grade", "-g", help="종합대상, 대상, 최우수상, 우수상, 특별상")] = None,
    province: Annotated[str | None, typer.Option("--province", "-p", help="A 광역: 강원, 강원도, Gangwon.")] = None,
    level: Annotated[str | None, typer.Option("--level", help="광역 or 기초.")] = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    lang: LangOption = None,
) -> None:
    """List awards, newest first.  Example: jobaward list --year 2023"""
    from .names import NameIndex, find_province
    from .query import AwardFilter, list_awards
    from .render import views

    labels = labels_for(lang)
    data = dataset()
    where = AwardFilter(
        year=year,
        category=choice(category, parse_category, CATEGORIES, "--category"),
        grade=choice(grade, parse_grade, GRADES, "--grade"),
        province=find_province(NameIndex(data), province).id if province is not None else None,
        level=choice(level, parse_level, LEVELS, "--level"),
    )
    emit(views.awards(data, list_awards(data, where)), OutputOptions(format, excel, output, svg), labels)


def complete_government(incomplete: str) -> list[str]:
    """Shell completion (runs on every TAB): names, ids and English names extending what was typed.

    Typer keeps only values that start with the typed text, so the user's own prefix is kept
    (``gangn`` → ``gangneung-si``).
    """
    try:
        governments = dataset().governments
    except JobawardError:
        return []
    typed = incomplete.casefold()
    found = {
        incomplete + form[len(incomplete) :]
        for gov in governments
        for form in (gov.name, gov.id, gov.name_en, *(s.name for s in gov.former_names if s.name))
        if form.casefold().startswith(typed)
    }
    return sorted(found)


@app.command()
@reports_errors
def show(
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME",
            help="A government: 강릉시, 강릉, 강원도, Gangneung-si, 부산 중구.",
            autocompletion=complete_government,
            show_default=False,
        ),
    ],
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    lang: LangOption = None,
) -> None:
    """One government's profile: names, awards, streaks, indicators, sources.  Example: jobaward show 강릉시"""
    from .names import NameIndex, find_government
    from .query import profile
    from .render import views

    labels = labels_for(lang)
    data = dataset()
    match = find_government(NameIndex(data), " ".join(name))
    if match.former is not None and match.former.name:
        typer.echo(
            renamed_message(match.former.name, match.government.name, match.former.until.isoformat(), labels), err=True
        )
    emit(views.profile(data, profile(data, match.government)), OutputOptions(format, excel, output, svg), labels)


def renamed_message(old: str, new: str, until: str, labels: Labels) -> str:
    if labels.english:
        return f"note: '{old}' was renamed {new} after {until}."
    return f"참고: '{old}'은(는) {until}까지의 이름이며, 현재 이름은 {new}입니다."


@app.command()
@reports_errors
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...",
            help="Governments to compare; none for all.",
            autocompletion=complete_government,
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[str | None, typer.Option("--indicator", "-i", help="e.g. 취업자수, 고용률.")] = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    lang: LangOption = None,
) -> None:
    """Before/after indicators, largest change first.  Example: jobaward compare 강릉시 --indicator 취업자수"""
    from .names import NameIndex, find_government
    from .query import compare_indicators, indicator_names, matching_indicator_names
    from .render import views

    labels = labels_for(lang)
    data = dataset()
    index = NameIndex(data)
    governments = [find_government(index, n).government for n in names or []]
    wanted = None
    if indicator is not None:
        wanted = matching_indicator_names(data, indicator.strip()) if indicator.strip() else set()
        if not wanted:
            known = ", ".join(indicator_names(data))
            raise UsageProblem(f"--indicator: unknown indicator '{indicator}'; known: {known}")
    rows = compare_indicators(data, governments, wanted)
    emit(views.indicators(data, rows), OutputOptions(format, excel, output, svg), labels)


class ExportFormat(StrEnum):
    toml = "toml"
    json = "json"
    csv = "csv"


@app.command()
@reports_errors
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="toml (default), json or csv.")
    ] = ExportFormat.toml,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="FILE (toml, json; default stdout) or DIRECTORY (csv: one file a section)."
        ),
    ] = None,
) -> None:
    """Write the whole dataset.  Example: jobaward export --format toml --output jobaward.toml

    TOML uses the same schema as the bundled data.toml, so the file loads back as the same dataset.
    """
    from . import exporting

    data = dataset()
    if format is ExportFormat.csv:
        if output is None:
            raise UsageProblem("--format csv writes one file a section: give --output DIRECTORY")
        exporting.write_csv_directory(data, output)
        return
    text = exporting.toml_text(data) if format is ExportFormat.toml else exporting.json_text(data)
    write(text, output)


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:  # last resort: never show a traceback
        typer.echo(f"jobaward: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
