"""`stats`: edition statistics, coverage of the record, and winners against the rest (--official)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

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
    OfficialOption,
    OutputOption,
    SvgOption,
    TypedFilters,
    WideOption,
    WindowOption,
    parse_window,
    with_filters,
)
from jobaward.cli.root import app, labels_for, load_data, reports_errors, year_runs
from jobaward.errors import UsageProblem
from jobaward.i18n.labels import Labels
from jobaward.model import SIDO, Dataset
from jobaward.output.emit import Format, OutputOptions, emit

if TYPE_CHECKING:
    from jobaward.query.awards import AwardFilter
    from jobaward.query.official import EditionSummary


@app.command(
    help=say(
        "부문·등급·시도별 수상, 첫 수상, 연속 수상과 인센티브 순위. 예: jobaward stats --year 2023\n\n",
        "Awards by category, grade and province, first-time winners, streak and incentive leaders.\n\n"
        "Example: jobaward stats --year 2023\n\n",
    )
    + FILTER_RULE
)
@reports_errors
@with_filters
def stats(
    filters: TypedFilters = NO_FILTERS,
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
    no_pager: NoPagerOption = False,
) -> None:
    """Awards by category, grade and province, first-time winners, streak and incentive leaders.

    Example: jobaward stats --year 2023
    """
    from jobaward.output import views
    from jobaward.query.stats import coverage as coverage_rows
    from jobaward.query.stats import stats as compute

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    options = OutputOptions(format, excel, output, svg, wide, fields, pager=not no_pager)
    where = filters.resolved(dataset)
    years = where.years
    if official or window is not None:
        if coverage:
            raise UsageProblem("official_with_coverage")
        if where._replace(years=None, kinds=None, levels=None).active:
            raise UsageProblem("official_with_filters")
        stats_official(dataset, where, window, options, labels)
        return
    if coverage:
        if where._replace(years=None).active:
            raise UsageProblem("coverage_with_filters")
        rows = coverage_rows(dataset)
        emit(views.coverage([r for r in rows if years is None or r.year in years]), options, labels)
        return
    single = next(iter(years)) if years is not None and len(years) == 1 else None
    span = year_runs(sorted(years)) if years is not None and single is None else None
    emit(views.stats(compute(dataset, single, where=where), span), options, labels)


def stats_official(
    dataset: Dataset, where: AwardFilter, window: str | None, options: OutputOptions, labels: Labels
) -> None:
    """``stats --official``: winners' median change against the non-winners of their kind, per
    edition and kind (``--year``, ``--kind`` and ``--level`` pick the rows)."""
    from jobaward.output.official_views import summary
    from jobaward.query.official import edition_summaries
    from jobaward.storage.kosis_files import load_official

    kind = parse_window(window)
    rows = edition_summaries(load_official(), dataset, kind, where.years, where.kinds)  # only what is shown
    emit(summary([row for row in rows if shown_summary(row, where)], kind), options, labels)


def shown_summary(row: EditionSummary, where: AwardFilter) -> bool:
    """A summary row of an edition asked for, of a kind (and level: 광역 is the kind sido) asked for."""
    level = "광역" if row.kind == SIDO else "기초"
    return (
        (where.years is None or row.year in where.years)
        and (where.kinds is None or row.kind in where.kinds)
        and (where.levels is None or level in where.levels)
    )
