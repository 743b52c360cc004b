"""The options commands share, declared once: filters, output, data files and language."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jobaward.cli.help_text import say
from jobaward.errors import JobawardError, UsageProblem
from jobaward.output.emit import Format

CategoryOption = Annotated[
    str | None,
    typer.Option("--category", "-c", help=say("공시제, 우수사업, … (영어도 가능)", "공시제, 우수사업, … or English.")),
]
GradeOption = Annotated[
    str | None,
    typer.Option(
        "--grade",
        "-g",
        help=say(
            "종합대상, 대상, 최우수상, 우수상, 특별상 (영어도 가능)",
            "종합대상, 대상, 최우수상, 우수상, 특별상 or English.",
        ),
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help=say("table(기본), json, csv, tsv.", "table (default), json, csv or tsv."),
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help=say(
            "엑셀용 CSV (BOM이 붙은 UTF-8: 한글이 깨지지 않음).", "CSV as UTF-8 with a BOM, so Excel reads Hangul."
        ),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help=say("표준 출력 대신 FILE에 쓰기 (원자적 쓰기).", "Write to FILE (atomically) instead of stdout."),
    ),
]
SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        dir_okay=False,
        help=say("표를 SVG 그림으로 FILE에도 저장.", "Also save the table as an SVG picture in FILE."),
    ),
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        "-w",
        help=say(
            "표가 넓어져도 모든 열 표시 (less -S로 보기).", "Every column, however wide the table gets (for less -S)."
        ),
    ),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,…",
        help=say(
            "json, csv, tsv에서 이 키만 이 순서로 (예: year,government,grade; docs/output.md).",
            "In json, csv and tsv, only these keys, in this order (e.g. year,government,grade; docs/output.md).",
        ),
        show_default=False,
    ),
]
DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        help=say(
            "내장 자료 위에 덧붙여 읽을 사용자 자료 파일 (여러 번 가능).",
            "A user data file loaded on top of the bundled data (repeatable).",
        ),
        show_default=False,
    ),
]
NoBundledOption = Annotated[
    bool,
    typer.Option(
        "--no-bundled",
        help=say("내장 자료 없이 --data 파일만 사용.", "Use only the files given with --data, not the bundled data."),
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=say(
            "표시 언어: ko(기본) 또는 en. JOBAWARD_LANG이나 영어 로캘로도 정함.",
            "Label language: ko (default) or en. Also JOBAWARD_LANG or an English locale.",
        ),
        show_default=False,
    ),
]
OfficialOption = Annotated[
    bool,
    typer.Option(
        "--official",
        help=say(
            "통계청 (KOSIS) 공식 고용률 (보도 수치 대신).",
            "Official 고용률 from 통계청 (KOSIS) instead of news figures.",
        ),
    ),
]
WindowOption = Annotated[
    str | None,
    typer.Option(
        "--window",
        help=say(
            "before (기본: Y-2년 하반기 → Y-1년 하반기) 또는 after (Y-1년 하반기 → Y+1년 하반기).",
            "before (default: H2 of Y-2 → H2 of Y-1) or after (H2 of Y-1 → H2 of Y+1).",
        ),
        show_default=False,
    ),
]


def complete_government(incomplete: str) -> list[str]:
    """Shell completion (runs on every TAB): names, ids and English names extending what was typed.

    Typer keeps only values that start with the typed text, so the user's own prefix is kept
    (``gangn`` → ``gangneung-si``).
    """
    from jobaward.cli.root import load_data
    from jobaward.output.text import printable

    try:
        governments = load_data().governments
    except JobawardError:
        return []
    typed = incomplete.casefold()
    found = {
        incomplete + form[len(incomplete) :]
        for gov in governments
        for form in (gov.name, gov.id, gov.name_en, *(s.name for s in gov.former_names if s.name))
        if form.casefold().startswith(typed) and printable(form) == form  # no escape codes into the shell
    }
    return sorted(found)


def parse_window(window: str | None) -> str:
    from jobaward.query.official import WINDOWS

    chosen = (window or "before").strip().lower()
    if chosen not in WINDOWS:
        raise UsageProblem("unknown_value", option="--window", value=window, valid=", ".join(WINDOWS))
    return chosen
