"""`list`: the awards, filtered and sorted."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.output.emit import Format, OutputOptions, emit

if TYPE_CHECKING:
    from jobaward.query.awards import AwardFilter

from jobaward.cli.help_text import say
from jobaward.cli.options import (
    FILTER_RULE,
    NO_FILTERS,
    DataOption,
    ExcelOption,
    FieldsOption,
    FormatOption,
    LangOption,
    NoBundledOption,
    NoPagerOption,
    OutputOption,
    SvgOption,
    TypedFilters,
    WideOption,
    with_filters,
)
from jobaward.cli.root import app, choice, labels_for, load_data, reports_errors


@app.command(
    "list",
    help=say(
        "수상 목록 (최신 연도부터). 예: jobaward list --year 2023\n\n",
        "List awards, newest first.  Example: jobaward list --year 2023\n\n",
    )
    + FILTER_RULE,
)
@reports_errors
@with_filters
def list_command(
    filters: TypedFilters = NO_FILTERS,
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
    no_pager: NoPagerOption = False,
) -> None:
    """List awards, newest first.  Example: jobaward list --year 2023"""
    from jobaward.output import views
    from jobaward.query.awards import LIST_SORTS, list_awards

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    where = filters.resolved(dataset)
    order = choice(sort, lambda value: value if value in LIST_SORTS else None, LIST_SORTS, "--sort") or "year"
    rows = list_awards(dataset, where, order)
    view = views.awards(dataset, rows[:limit] if limit else rows, of=len(rows), keep=kept_columns(where, order))
    emit(view, OutputOptions(format, excel, output, svg, wide, fields, pager=not no_pager), labels)


def kept_columns(where: AwardFilter, order: str) -> frozenset[str]:
    """The columns the user filtered or sorted on: kept at any width (output/layout)."""
    kept = {"project"} if where.projects else set()
    if where.categories is not None:
        kept.add("category")
    if where.provinces is not None:
        kept.add("province")
    if order in ("grade", "incentive"):
        kept.add(order)
    return frozenset(kept)
