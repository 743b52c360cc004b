"""`list`: the awards, filtered and sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.i18n.labels import parse_category, parse_grade, parse_level
from jobaward.model import CATEGORIES, GRADES, LEVELS
from jobaward.output.emit import Format, OutputOptions, emit

if TYPE_CHECKING:
    pass

from jobaward.cli.help_text import say
from jobaward.cli.options import (
    CategoryOption,
    DataOption,
    ExcelOption,
    FieldsOption,
    FormatOption,
    GradeOption,
    LangOption,
    NoBundledOption,
    OutputOption,
    SvgOption,
    WideOption,
)
from jobaward.cli.root import app, choice, labels_for, load_data, parse_years, reports_errors, require_held


@app.command(
    "list",
    help=say(
        "수상 목록 (최신 연도부터). 예: jobaward list --year 2023",
        "List awards, newest first.  Example: jobaward list --year 2023",
    ),
)
@reports_errors
def list_command(
    year: Annotated[
        list[str] | None,
        typer.Option(
            "--year",
            "-y",
            help=say(
                "수상 연도(2023)나 범위(2019..2023); 여러 번 가능.",
                "Award year (2023) or range (2019..2023); repeatable.",
            ),
            show_default=False,
        ),
    ] = None,
    category: CategoryOption = None,
    grade: GradeOption = None,
    province: Annotated[
        str | None,
        typer.Option("--province", "-p", help=say("광역: 강원, 강원도, Gangwon.", "A 광역: 강원, 강원도, Gangwon.")),
    ] = None,
    level: Annotated[
        str | None, typer.Option("--level", help=say("광역 또는 기초.", "광역 (provincial) or 기초 (municipal)."))
    ] = None,
    project: Annotated[
        str | None,
        typer.Option("--project", help=say("사업명에 든 말, 예: 청년.", "Words in the project name, e.g. 청년.")),
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help=say(
                "정렬: year(기본), grade, incentive, government.", "year (default), grade, incentive or government."
            ),
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help=say("최대 N건만 표시.", "Show at most N awards."))
    ] = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    wide: WideOption = False,
    fields: FieldsOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    lang: LangOption = None,
) -> None:
    """List awards, newest first.  Example: jobaward list --year 2023"""
    from jobaward.output import views
    from jobaward.query.awards import LIST_SORTS, AwardFilter, list_awards
    from jobaward.query.names import NameIndex, find_province

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    require_held(dataset, year)
    where = AwardFilter(
        years=parse_years(year),
        category=choice(category, parse_category, CATEGORIES, "--category"),
        grade=choice(grade, parse_grade, GRADES, "--grade"),
        province=find_province(NameIndex(dataset), province).id if province is not None else None,
        level=choice(level, parse_level, LEVELS, "--level"),
        project=(project or "").strip() or None,
    )
    order = choice(sort, lambda value: value if value in LIST_SORTS else None, LIST_SORTS, "--sort") or "year"
    rows = list_awards(dataset, where, order)
    view = views.awards(dataset, rows[:limit] if limit else rows, of=len(rows))
    emit(view, OutputOptions(format, excel, output, svg, wide, fields), labels)
