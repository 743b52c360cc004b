"""`stats`: edition statistics, coverage of the record, and winners against the rest (--official)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.errors import UsageProblem
from jobaward.i18n.labels import Labels
from jobaward.model import Dataset
from jobaward.output.emit import Format, OutputOptions, emit

if TYPE_CHECKING:
    pass

from jobaward.cli.help_text import say
from jobaward.cli.options import (
    DataOption,
    ExcelOption,
    FieldsOption,
    FormatOption,
    LangOption,
    NoBundledOption,
    OfficialOption,
    OutputOption,
    SvgOption,
    WideOption,
    WindowOption,
    parse_window,
)
from jobaward.cli.root import app, labels_for, load_data, reports_errors, require_held


@app.command(
    help=say(
        "부문·등급·시도별 수상, 첫 수상, 연속 수상과 인센티브 순위. 예: jobaward stats --year 2023",
        "Awards by category, grade and province, first-time winners, streak and incentive leaders.\n\n"
        "Example: jobaward stats --year 2023",
    )
)
@reports_errors
def stats(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", "-y", min=2010, max=2100, help=say("한 회차 (없으면 전체).", "One edition; all without.")
        ),
    ] = None,
    coverage: Annotated[
        bool,
        typer.Option(
            "--coverage",
            help=say(
                "회차별 자료 범위: 시상 기록상 수상 지자체 대비 보유 기록.",
                "Per edition: governments awarded against those our data holds.",
            ),
        ),
    ] = False,
    official: OfficialOption = False,
    window: WindowOption = None,
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
    """Awards by category, grade and province, first-time winners, streak and incentive leaders.

    Example: jobaward stats --year 2023
    """
    from jobaward.output import views
    from jobaward.query.stats import coverage as coverage_rows
    from jobaward.query.stats import stats as compute

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    options = OutputOptions(format, excel, output, svg, wide, fields)
    require_held(dataset, [str(year)] if year is not None else None)
    if official or window is not None:
        if coverage:
            raise UsageProblem("official_with_coverage")
        stats_official(dataset, year, window, options, labels)
        return
    if coverage:
        rows = coverage_rows(dataset)
        emit(views.coverage([r for r in rows if year is None or r.year == year]), options, labels)
        return
    emit(views.stats(compute(dataset, year)), options, labels)


def stats_official(
    dataset: Dataset, year: int | None, window: str | None, options: OutputOptions, labels: Labels
) -> None:
    """``stats --official``: winners' median change against the other 기초, per edition."""
    from jobaward.output.official_views import summary
    from jobaward.query.official import edition_summaries
    from jobaward.storage.kosis_files import load_official

    kind = parse_window(window)
    rows = edition_summaries(load_official(), dataset, kind)
    emit(summary([row for row in rows if year is None or row.year == year], kind), options, labels)
