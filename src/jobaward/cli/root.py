"""The Typer app and its root callback, error reporting and data loading (options: cli/options.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from jobaward import __version__
from jobaward.cli.errorpath import JobawardGroup, print_error
from jobaward.cli.help_text import install_help_formatter, say
from jobaward.cli.options import LangOption
from jobaward.errors import JobawardError, UsageProblem
from jobaward.i18n.labels import Labels
from jobaward.i18n.language import LANGS, chosen_language, english_wanted
from jobaward.model import Dataset

install_help_formatter()

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    name="jobaward",
    cls=JobawardGroup,
    help=say(
        "전국 지방자치단체 일자리대상: 누가 어떤 상을 받았는지, 인센티브는 얼마인지, 고용 지표는 어떻게 변했는지.",
        "전국 지방자치단체 일자리대상: who won what, with how much, and what the job figures did.",
    ),
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def fail(error: JobawardError) -> typer.Exit:
    """Print the error on stderr (candidates indented below it) and pick its exit code."""
    english = errors_in_english()
    for line in error.lines(english):
        print_error(line if line.startswith(" ") else f"jobaward: {line}")
    return typer.Exit(error.exit_code)


def errors_in_english() -> bool:
    """This command's --lang, else JOBAWARD_LANG, else the locale (i18n/language.english_wanted)."""
    from typer._click.globals import get_current_context

    context = get_current_context(silent=True)
    if context is None:
        return english_wanted()
    lang = context.params.get("lang")
    if isinstance(lang, str):
        return english_wanted(["--lang", lang])
    return bool(getattr(context.find_root().command, "english", english_wanted()))


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's own errors into one clear message on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            refuse_undecodable(kwargs)
            return command(*args, **kwargs)
        except JobawardError as error:
            raise fail(error) from None

    return wrapper


def refuse_undecodable(values: dict[str, object]) -> None:
    """In ``add``, a text option with bytes that are not UTF-8 (kept by Python as surrogates) is a
    usage error (it would be written to the data file); file names (paths) may hold such bytes."""
    from typer._click.globals import get_current_context

    context = get_current_context(silent=True)
    if context is None or " add " not in f" {context.command_path} ":
        return
    names = {p.name: p.opts[0] for p in context.command.params if p.opts}
    for name, value in values.items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.isascii():
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    shown = text.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
                    raise UsageProblem("argument_not_utf8", name=names.get(name, name), value=shown) from None


def echo(text: str, err: bool = False) -> None:
    """A line for the terminal: text from data or arguments goes through the tables' cleaning."""
    from jobaward.output.text import printable

    typer.echo(printable(text), err=err)


def load_data(given: list[Path] | None = None, no_bundled: bool = False) -> Dataset:
    """The bundled data, then the default user file, JOBAWARD_DATA and --data on top."""
    from jobaward.storage.cache import load_cached
    from jobaward.storage.paths import user_files

    bundled = not no_bundled
    return load_cached(user_files(given or [], bundled), bundled).dataset


def labels_for(lang: str | None) -> Labels:
    """The labels of this command's language (i18n/language.chosen_language); an unknown one is refused."""
    chosen = chosen_language(lang)
    if chosen not in LANGS:
        raise UsageProblem("unknown_language", value=chosen, valid=", ".join(LANGS))
    return Labels(chosen)


#: The years --year accepts (the awards began in 2012).
FIRST_YEAR, LAST_YEAR = 2010, 2100


def parse_years(values: list[str] | None) -> frozenset[int] | None:
    """``--year 2022 --year 2019..2021`` → {2019, 2020, 2021, 2022}; None when none are given."""
    if not values:
        return None
    years: set[int] = set()
    for value in values:
        first, dots, last = value.strip().partition("..")
        if not (is_year(first) and (not dots or is_year(last))):
            raise UsageProblem("not_year_or_range", option="--year", value=value)
        start, end = sorted((int(first), int(last or first)))
        if start < FIRST_YEAR or end > LAST_YEAR:
            raise UsageProblem("year_outside", option="--year", value=value, low=FIRST_YEAR, high=LAST_YEAR)
        years.update(range(start, end + 1))
    return frozenset(years)


def is_year(text: str) -> bool:
    """Four ASCII digits (``²⁰²³`` and other Unicode digits are not a year)."""
    return len(text) == 4 and text.isascii() and text.isdigit()


def require_held(dataset: Dataset, values: list[str] | None, option: str = "--year") -> None:
    """One rule for every command: a year (or range) with no edition and no award in the data is a
    usage error (exit 2) naming the years held. A held year with nothing matching is an empty
    result (exit 0)."""
    from jobaward.query.awards import years_held

    held = years_held(dataset)
    for value in values or []:
        asked = parse_years([value]) or frozenset()
        if not asked & set(held):
            raise UsageProblem("year_not_held", option=option, value=value.strip(), held=year_runs(held))


def year_runs(years: list[int]) -> str:
    """[2012, 2013, 2014, 2016] → '2012..2014, 2016'."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{run[0]}..{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def choice(value: str | None, parse: Callable[[str], str | None], valid: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    parsed = parse(value)
    if parsed is None:
        raise UsageProblem("unknown_value", option=option, value=value, valid=", ".join(valid))
    return parsed


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"jobaward {__version__}")
        raise typer.Exit()


@app.callback(
    help=say(
        "전국 지방자치단체 일자리대상 조회 (오프라인, 출처 포함).\n\n"
        "종료 코드: 0 성공 (결과가 없어도), 1 이름 조회 실패, 2 사용법 오류 (기록이 없는 연도 포함), 3 자료 오류, "
        "4 내부 오류 (버그: 알려 주세요).",
        "전국 지방자치단체 일자리대상 (National Local Government Job Awards), offline, with sources.\n\n"
        "Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error (a year the data "
        "does not hold too), 3 data error, "
        "4 internal error (a bug: please report it).",
    )
)
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=version_callback,
            is_eager=True,
            help=say("버전을 보여 주고 끝냄.", "Show the version and exit."),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """전국 지방자치단체 일자리대상 (National Local Government Job Awards), offline, with sources.

    Exit codes: 0 success (an empty result too), 1 lookup failed, 2 usage error (a year the data
    does not hold too), 3 data error,
    4 internal error (a bug: please report it).
    """
