"""`official`: extend the bundled 통계청 (KOSIS) series with a KOSIS download or the OpenAPI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from jobaward.cli.help_text import say
from jobaward.cli.options import DataOption, FormatOption, LangOption, NoBundledOption
from jobaward.cli.root import app, errors_in_english, labels_for, load_data, reports_errors
from jobaward.errors import EnvironmentProblem, OutputProblem, UsageProblem
from jobaward.i18n.messages import message, system_reason
from jobaward.model import Series
from jobaward.output.emit import Format, OutputOptions, emit

official_app = typer.Typer(
    help=say(
        "통계청 (KOSIS) 공식 고용 통계: 내장 계열을 늘립니다.",
        "통계청 (KOSIS) official employment figures: extend the bundled series.",
    ),
    no_args_is_help=True,
)
app.add_typer(official_app, name="official")


@official_app.callback()
def official_group(lang: LangOption = None) -> None:
    """--lang here sets the language of help and errors (read from the command line before parsing)."""


# --- extending the series -------------------------------------------------------------------------


def write_user_series(series: Sequence[Series], target: Path, origin: str) -> str:
    """Lay ``series`` over the user's official file and write it atomically.

    Every period and figure is checked first (nothing is written when one is wrong). A file that
    exists but is not one jobaward wrote, a read-only or hard-linked one, and the bundled files
    are never replaced.
    """
    from jobaward.storage.files import atomic_write, read_data_file
    from jobaward.storage.kosis_files import FILE_KIND, checked_series, overlay, read_file, to_text

    checked_series(series, origin)
    refuse_target(target)
    layers: list[list[Series]] = []
    if target.exists():
        if not read_data_file(target).startswith(f"# {FILE_KIND}".encode()):
            raise UsageProblem("not_official_output", path=target)
        layers.append(read_file(target))
    layers.append(list(series))
    merged = overlay(layers)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EnvironmentProblem("cannot_use_data_dir", path=target.parent, reason=system_reason(error)) from None
    atomic_write(target, to_text(merged).encode("utf-8"))
    periods = sorted({p for s in layers[-1] for p, _ in s.points})
    span = f"{periods[0]}–{periods[-1]}" if periods else "-"
    return message("series_written", errors_in_english(), path=target, count=len(layers[-1]), span=span)


def refuse_target(target: Path) -> None:
    """The bundled files are never a target; an existing one must be a writable file of its own."""
    import os

    from jobaward.storage.files import refuse_unless_replaceable
    from jobaward.storage.paths import bundled_file

    real = os.path.realpath(target)
    if real in (os.path.realpath(bundled_file(name)) for name in ("data.toml", "official.tsv")):
        raise OutputProblem("output_is_data", path=target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as error:
        raise EnvironmentProblem("cannot_use_data_dir", path=target.parent, reason=system_reason(error)) from None
    if os.path.isfile(target):
        refuse_unless_replaceable(target, info)


TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help=say("쓸 사용자 파일 (기본: `official path`).", "The user file to write (default: `official path`)."),
    ),
]


@official_app.command(
    "import",
    help=say(
        "KOSIS에서 내려받은 표 (지역별고용조사 시군구, 경제활동인구조사 시·도)를 내 공식 통계 계열에 "
        "더합니다. 지역은 KOSIS 코드로 가립니다.\n\n"
        "예: jobaward official import 시군구_연령별_취업자_및_고용률.csv",
        "Add a KOSIS download (지역별고용조사 시군구, 경제활동인구조사 시·도) to your official series; "
        "regions are told apart by KOSIS code.\n\n"
        "Example: jobaward official import 시군구_연령별_취업자_및_고용률.csv",
    ),
)
@reports_errors
def import_command(
    file: Annotated[
        Path,
        typer.Argument(
            dir_okay=False,
            metavar="FILE",
            help=say(
                "KOSIS 내려받기 파일 (CSV, UTF-8 또는 CP949, 행렬 전환 여부 무관) 또는 API 응답 (JSON).",
                "A KOSIS download (CSV, UTF-8 or CP949, 행렬 전환 or not) or an API response (JSON).",
            ),
        ),
    ],
    output: TargetOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Add a KOSIS download (지역별고용조사 시군구, 경제활동인구조사 시·도) to your official series.

    Example: jobaward official import 시군구_연령별_취업자_및_고용률.csv
    """
    from jobaward.storage.files import read_data_file
    from jobaward.storage.kosis_files import decode_download, read_download, user_file

    text = decode_download(read_data_file(file), str(file))
    dataset = load_data(data, no_bundled)
    typer.echo(write_user_series(read_download(text, str(file), dataset), output or user_file(), str(file)))


@official_app.command(
    "fetch",
    help=say(
        "내 무료 키로 KOSIS OpenAPI에서 지역별고용조사를 받아 옵니다 (묻지 않고는 받지 않음).\n\n"
        "예: jobaward official fetch --key KEY --from 2025-H1",
        "Fetch 지역별고용조사 from the KOSIS OpenAPI with your own free key (never without asking).\n\n"
        "Example: jobaward official fetch --key KEY --from 2025-H1",
    ),
)
@reports_errors
def fetch_command(
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            envvar="KOSIS_API_KEY",
            help=say(
                "내 KOSIS OpenAPI 키 (또는 KOSIS_API_KEY, 또는 설정 폴더의 kosis_key 파일, 권한 600).",
                "Your KOSIS OpenAPI key (or KOSIS_API_KEY, or the file kosis_key in your config directory, mode 600).",
            ),
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str, typer.Option("--from", help=say("첫 반기, 예: 2025-H1.", "First half-year, e.g. 2025-H1."))
    ] = ("2025-H1"),
    end: Annotated[
        str | None,
        typer.Option(
            "--to", help=say("마지막 반기 (기본: --from 연도의 H2).", "Last half-year (default: --from's year, H2).")
        ),
    ] = None,
    table: Annotated[
        str,
        typer.Option(
            "--table",
            help=say(
                "sigungu: 지역별고용조사 시군구 (반기, 기본); sido: 경제활동인구조사 시·도 (연간, --from 2024).",
                "sigungu: 지역별고용조사 시군구 (half-yearly, default); sido: 경제활동인구조사 시·도 (annual).",
            ),
        ),
    ] = "sigungu",
    output: TargetOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Fetch 지역별고용조사 from the KOSIS OpenAPI with your own free key (never without asking).

    Example: jobaward official fetch --key KEY --from 2025-H1
    """
    from jobaward.model import NATIONAL, REGIONAL
    from jobaward.storage.kosis_api import fetch, stored_key
    from jobaward.storage.kosis_files import national_series, regional_series, user_file

    if table not in ("sigungu", "sido"):
        raise UsageProblem("unknown_value", option="--table", value=table, valid="sigungu, sido")
    key = key or stored_key()
    if not key:
        raise UsageProblem("kosis_key_needed")
    survey = REGIONAL if table == "sigungu" else NATIONAL
    first = start if survey == REGIONAL or start != "2025-H1" else "2024"
    last = end or (f"{first.strip()[:4]}-H2" if survey == REGIONAL else first)
    refuse_backwards(first, last, survey)
    fetched = fetch(key, first, last, survey)
    english = errors_in_english()
    if fetched.retried:
        tried = "S" if fetched.code == "H" else "H"
        typer.echo(
            message("kosis_code_retried", english, tried=tried, error=fetched.retried, used=fetched.code), err=True
        )
    dataset = load_data(data, no_bundled)
    rows = fetched.table.rows
    origin = "KOSIS OpenAPI"
    if fetched.table.survey == NATIONAL:
        series = national_series(rows, dataset, origin)
    else:
        series = regional_series(rows, dataset, origin=origin)
    typer.echo(write_user_series(series, output or user_file(), "KOSIS OpenAPI"))


def refuse_backwards(first: str, last: str, survey: str) -> None:
    """``--from`` and ``--to`` in KOSIS's form (a malformed one is a usage error), ``--to`` not before."""
    from jobaward.model import REGIONAL
    from jobaward.storage.kosis_api import api_period, api_year

    form = api_period if survey == REGIONAL else api_year
    earliest = form(first, "--from")
    if form(last, "--to") < earliest:
        raise UsageProblem("to_before_from", start=first, end=last)


@official_app.command(
    "path",
    help=say(
        "내 공식 통계 계열 파일의 위치 (import와 fetch가 쓰는 곳).",
        "Print where your official series file is (what import and fetch write).",
    ),
)
def path_command() -> None:
    """Print where your official series file is (what import and fetch write)."""
    from jobaward.storage.kosis_files import user_file

    typer.echo(str(user_file()))


@official_app.command(
    "status",
    help=say(
        "어느 기간·지역이 내장 계열에서, 어느 것이 내 파일에서 오는지; 일부 지역만 있는 기간은 경고합니다.",
        "Which periods and regions come from the bundle and which from your file; warns of a partial period.",
    ),
)
@reports_errors
def status_command(format: FormatOption = Format.table) -> None:
    """Which periods and regions come from the bundle and which from your file; warns of a partial period."""
    from jobaward.i18n.labels import survey_name
    from jobaward.output.official_views import status
    from jobaward.query.official_status import coverage
    from jobaward.storage.kosis_files import bundled_path, load_official, read_file, user_file

    english = errors_in_english()
    mine = user_file()
    rows = coverage(load_official(), read_file(mine) if mine.is_file() else [])
    view = status(rows, str(bundled_path()), str(mine) if mine.is_file() else None)
    emit(view, OutputOptions(format), labels_for("en" if english else "ko"))  # the group's --lang too
    for row in rows:
        if not row.covered:
            typer.echo(
                "jobaward: "
                + message(
                    "status_partial",
                    english,
                    survey=survey_name(row.survey, english),
                    period=row.period,
                    count=row.regions,
                    expected=row.expected,
                ),
                err=True,
            )
