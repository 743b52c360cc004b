"""`official`: extend the bundled 통계청 (KOSIS) series with a KOSIS download or the OpenAPI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from jobaward.cli.help_text import say
from jobaward.cli.options import DataOption, LangOption, NoBundledOption
from jobaward.cli.root import app, errors_in_english, load_data, reports_errors
from jobaward.errors import EnvironmentProblem, OutputProblem, UsageProblem
from jobaward.i18n.messages import message, system_reason
from jobaward.model import Series

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
        "KOSIS에서 내려받은 지역별고용조사 (DT_1ES3A03_A01S)를 내 공식 통계 계열에 더합니다.\n\n"
        "예: jobaward official import 시군구_연령별_취업자_및_고용률.csv",
        "Add a KOSIS download of 지역별고용조사 (DT_1ES3A03_A01S) to your official series.\n\n"
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
                "KOSIS 내려받기 파일 (CSV, 행렬 전환) 또는 API 응답 (JSON).",
                "A KOSIS download (CSV, 행렬 전환) or API response (JSON).",
            ),
        ),
    ],
    output: TargetOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Add a KOSIS download of 지역별고용조사 (DT_1ES3A03_A01S) to your official series.

    Example: jobaward official import 시군구_연령별_취업자_및_고용률.csv
    """
    from jobaward.storage.files import read_data_text
    from jobaward.storage.kosis_files import read_api_response, read_regional_csv, regional_series, user_file

    text = read_data_text(file, "utf-8-sig")
    dataset = load_data(data, no_bundled)
    reader = read_api_response if text.lstrip().startswith(("[", "{")) else read_regional_csv
    series = regional_series(reader(text, str(file)), dataset)
    typer.echo(write_user_series(series, output or user_file(), str(file)))


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
            help=say("내 KOSIS OpenAPI 키 (또는 KOSIS_API_KEY).", "Your KOSIS OpenAPI key (or KOSIS_API_KEY)."),
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
    output: TargetOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Fetch 지역별고용조사 from the KOSIS OpenAPI with your own free key (never without asking).

    Example: jobaward official fetch --key KEY --from 2025-H1
    """
    from jobaward.storage.kosis_api import api_period, fetch_regional
    from jobaward.storage.kosis_files import regional_series, user_file

    if not key:
        raise UsageProblem("kosis_key_needed")
    first = api_period(start, "--from")
    last = end or f"{start.strip()[:4]}-H2"
    if api_period(last, "--to") < first:
        raise UsageProblem("to_before_from", start=start, end=last)
    raw = fetch_regional(key, start, last)
    dataset = load_data(data, no_bundled)
    series = regional_series(raw, dataset)
    typer.echo(write_user_series(series, output or user_file(), "KOSIS OpenAPI"))


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
