"""`compare`: winners' official figures before and after an award, the news figures, or two editions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.errors import LookupFailed, NamesNotFound, UsageProblem
from jobaward.i18n.labels import Labels
from jobaward.i18n.messages import message
from jobaward.model import Dataset, Government
from jobaward.output.emit import Format, OutputOptions, emit
from jobaward.query.awards import AwardFilter, IndicatorRow

if TYPE_CHECKING:
    from jobaward.query.names import NameIndex

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
    WindowOption,
    complete_government,
    parse_window,
    with_filters,
)
from jobaward.cli.root import app, echo, is_year, labels_for, load_data, reports_errors, year_runs


@app.command(
    help=say(
        "수상 지자체의 공식 고용률 (통계청) 전후 비교, 변화가 큰 순서; 그 뒤에 보도 수치. "
        "두 연도를 주면 두 회차의 수상 변화.\n\n"
        "예: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news; "
        "jobaward compare 2022 2023\n\n",
        "Winners' official employment rate (Statistics Korea) before and after, largest change first, "
        "then the news figures; or, given two years, how two editions differ.\n\n"
        "Examples: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news; "
        "jobaward compare 2022 2023\n\n",
    )
    + FILTER_RULE
)
@reports_errors
@with_filters
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...",
            help=say(
                "비교할 지자체들 (없으면 가장 최근 회차의 수상 지자체; --news면 전체), 또는 두 연도.",
                "Governments to compare (none: the newest edition's winners; with --news, all), or two years.",
            ),
            autocompletion=complete_government,
            show_default=False,
        ),
    ] = None,
    indicator: Annotated[
        str | None, typer.Option("--indicator", "-i", help=say("예: 취업자수, 고용률.", "e.g. 취업자수, 고용률."))
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort", help=say("정렬: pct(기본), change, name.", "pct (default), change or name."), show_default=False
        ),
    ] = None,
    official: Annotated[
        bool,
        typer.Option(
            "--official", help=say("공식 통계 (기본값과 같음; 예전 스크립트용).", "Official figures (the default).")
        ),
    ] = False,
    news_only: Annotated[
        bool,
        typer.Option(
            "--news",
            help=say(
                "보도 수치만: 고용 지표가 기록된 모든 지자체 (공식 통계 없이).",
                "News figures only: every government with indicators recorded (no official figures).",
            ),
        ),
    ] = False,
    filters: TypedFilters = NO_FILTERS,
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
    """Winners' official employment rate before and after, then the news figures; or two editions.

    Examples: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news
    """
    from jobaward.output import views
    from jobaward.query.awards import (
        SORTS,
        compare_indicators,
        edition_news,
        indicator_names,
        matching_indicator_names,
    )

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    options = OutputOptions(format, excel, output, svg, wide, fields, pager=not no_pager)
    where = filters.resolved(dataset)
    years = award_years_given(names or [])
    if years:
        if indicator is not None or sort is not None:
            raise UsageProblem("years_with_indicator")
        if official or news_only or filters.year or window is not None:
            raise UsageProblem("years_with_official")
        if where.active:
            raise UsageProblem("years_with_filters")
        compare_editions(dataset, years, options, labels)
        return
    if sort is not None and sort not in SORTS:
        raise UsageProblem("unknown_value", option="--sort", value=sort, valid=", ".join(SORTS))
    governments = []
    if names:  # only names need the index (start-up time)
        from jobaward.query.names import NameIndex

        governments = find_all(NameIndex(dataset), names)
    wanted = None
    if indicator is not None:
        wanted = matching_indicator_names(dataset, indicator.strip()) if indicator.strip() else set()
        if not wanted:
            known = ", ".join(indicator_names(dataset))
            raise UsageProblem("unknown_indicator", option="--indicator", value=indicator, valid=known)
    rows = compare_indicators(dataset, governments, wanted, sort)
    if news_only and (official or filters.year or window is not None):
        raise UsageProblem("news_with_official")
    if not news_only:
        compare_official(dataset, governments, rows, where, window, options, labels)
        return
    rows, _ = edition_news(dataset, rows, where)
    shown = {row.government.id for row in rows}
    for government in governments:
        if government.id not in shown:
            echo(message("no_indicators_note", labels.english, name=labels.name(government)), err=True)
    emit(views.indicators(dataset, rows), options, labels)


def award_years_given(names: list[str]) -> tuple[int, int] | None:
    """``compare 2022 2023``: two four-digit years (no government is called that)."""
    words = [name.strip() for name in names]
    if len(words) != 2 or not all(w.isdigit() for w in words):
        return None
    for word in words:
        if not is_year(word):
            raise UsageProblem("not_year_or_range", option="compare", value=word)
    return int(words[0]), int(words[1])


def find_all(index: NameIndex, names: list[str]) -> list[Government]:
    """Every government named; if any name finds none (or several), one error naming them all."""
    from jobaward.query.names import find_government

    found, failed = [], []
    for name in names:
        try:
            found.append(find_government(index, name).government)
        except LookupFailed as error:
            failed.append((name, error))
    if len(failed) == 1:
        raise failed[0][1]
    if failed:
        raise NamesNotFound(failed)
    return found


def compare_editions(dataset: Dataset, years: tuple[int, int], options: OutputOptions, labels: Labels) -> None:
    from jobaward.output import views
    from jobaward.query.awards import years_held
    from jobaward.query.stats import compare_years

    first, second = years
    held = years_held(dataset)
    missing = [year for year in years if year not in held]
    if missing:
        raise UsageProblem("no_edition", year=missing[0], held=year_runs(held))
    emit(views.years(compare_years(dataset, first, second), first, second), options, labels)


def compare_official(
    dataset: Dataset,
    governments: list[Government],
    news: Sequence[IndicatorRow],
    where: AwardFilter,
    window: str | None,
    options: OutputOptions,
    labels: Labels,
) -> None:
    """``compare`` (and ``--official``, ``--year``): each award's official before/after, largest
    change first, then the news figures (``news``) of the same governments, marked as such.

    Without names or a year: the newest edition whose window the series covers. Under an edition
    only the news figures of periods near it are shown (query/awards.edition_news); a note says
    how many were left out.
    """
    from jobaward.output.official_views import changes
    from jobaward.query.awards import NEWS_YEARS_AFTER, NEWS_YEARS_BEFORE, edition_news
    from jobaward.query.official import compare_winners
    from jobaward.storage.kosis_files import load_official

    single = next(iter(where.years)) if where.years is not None and len(where.years) == 1 else None
    found = compare_winners(
        load_official(), dataset, governments, single, parse_window(window), news, where if where.active else None
    )
    editions = where.years or (frozenset({found.edition}) if found.edition is not None else None)
    shown, left_out = edition_news(dataset, found.news, where._replace(years=editions))
    for government in found.missing:
        echo(message("nothing_to_compare_note", labels.english, name=labels.name(government)), err=True)
    if left_out and editions and len(editions) > 1:
        before, after = NEWS_YEARS_BEFORE, NEWS_YEARS_AFTER
        echo(message("news_left_out_each_note", labels.english, count=left_out, before=before, after=after), err=True)
    elif left_out and editions:
        first, last = min(editions) - NEWS_YEARS_BEFORE, max(editions) + NEWS_YEARS_AFTER
        echo(message("news_left_out_note", labels.english, count=left_out, first=first, last=last), err=True)
    emit(changes(dataset, found.rows, shown, found.kind, found.edition, found.dropped), options, labels)
