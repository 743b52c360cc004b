"""Looking things up: list, show, compare."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.errors import JobawardError, LookupFailed, NamesNotFound, UsageProblem, message
from jobaward.i18n.labels import Labels, parse_category, parse_grade, parse_level
from jobaward.model import CATEGORIES, GRADES, LEVELS, Dataset, Government
from jobaward.output.emit import Format, OutputOptions, emit

if TYPE_CHECKING:
    from jobaward.query.names import NameIndex

from jobaward.cli.help_text import say
from jobaward.cli.options import (
    CategoryOption,
    DataOption,
    ExcelOption,
    FormatOption,
    GradeOption,
    LangOption,
    NoBundledOption,
    OutputOption,
    SvgOption,
    WideOption,
)
from jobaward.cli.root import app, choice, echo, labels_for, load_data, parse_years, reports_errors

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
    emit(view, OutputOptions(format, excel, output, svg, wide), labels)


def complete_government(incomplete: str) -> list[str]:
    """Shell completion (runs on every TAB): names, ids and English names extending what was typed.

    Typer keeps only values that start with the typed text, so the user's own prefix is kept
    (``gangn`` → ``gangneung-si``).
    """
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


@app.command(
    help=say(
        "지자체 한 곳의 이력: 이름, 수상, 연속 수상, 고용 지표, 출처. 예: jobaward show 강릉시",
        "One government's profile: names, awards, streaks, indicators, sources.  Example: jobaward show 강릉시",
    )
)
@reports_errors
def show(
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME",
            help=say(
                "지자체: 강릉시, 강릉, 강원도, Gangneung-si, 부산 중구.",
                "A government: 강릉시, 강릉, 강원도, Gangneung-si, 부산 중구.",
            ),
            autocompletion=complete_government,
            show_default=False,
        ),
    ],
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    wide: WideOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    lang: LangOption = None,
) -> None:
    """One government's profile: names, awards, streaks, indicators, sources.  Example: jobaward show 강릉시"""
    from jobaward.cli.official import with_official_figures
    from jobaward.output import views
    from jobaward.query.awards import profile
    from jobaward.query.names import NameIndex, find_government

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    match = find_government(NameIndex(dataset), " ".join(name))
    if match.former is not None and match.former.name:
        former, until = match.former.name, match.former.until.isoformat()
        echo(message("renamed_note", labels.english, old=former, new=match.government.name, until=until), err=True)
    view = with_official_figures(dataset, match.government, views.profile(dataset, profile(dataset, match.government)))
    emit(view, OutputOptions(format, excel, output, svg, wide), labels)


@app.command(
    help=say(
        "수상 지자체의 공식 고용률 (통계청) 전후 비교, 변화가 큰 순서; 그 뒤에 보도 수치. "
        "두 연도를 주면 두 회차의 수상 변화.\n\n"
        "예: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news; "
        "jobaward compare 2022 2023",
        "Winners' official employment rate (Statistics Korea) before and after, largest change first, "
        "then the news figures; or, given two years, how two editions differ.\n\n"
        "Examples: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news; "
        "jobaward compare 2022 2023",
    )
)
@reports_errors
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
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=2010,
            max=2100,
            help=say(
                "한 회차의 수상 지자체 (없으면 통계가 있는 가장 최근 회차).",
                "Winners of one edition (default: the newest the official series covers).",
            ),
        ),
    ] = None,
    window: WindowOption = None,
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    wide: WideOption = False,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    lang: LangOption = None,
) -> None:
    """Winners' official employment rate before and after, then the news figures; or two editions.

    Examples: jobaward compare 강릉시; jobaward compare --year 2023; jobaward compare --news
    """
    from jobaward.output import views
    from jobaward.query.awards import SORTS, compare_indicators, indicator_names, matching_indicator_names
    from jobaward.query.names import NameIndex

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    options = OutputOptions(format, excel, output, svg, wide)
    years = award_years_given(names or [])
    if years:
        if indicator is not None or sort is not None:
            raise UsageProblem("years_with_indicator")
        if official or news_only or year is not None or window is not None:
            raise UsageProblem("years_with_official")
        compare_editions(dataset, years, options, labels)
        return
    if sort is not None and sort not in SORTS:
        raise UsageProblem("unknown_value", option="--sort", value=sort, valid=", ".join(SORTS))
    governments = []
    if names:  # only names need the index (start-up time)
        governments = find_all(NameIndex(dataset), names)
    wanted = None
    if indicator is not None:
        wanted = matching_indicator_names(dataset, indicator.strip()) if indicator.strip() else set()
        if not wanted:
            known = ", ".join(indicator_names(dataset))
            raise UsageProblem("unknown_indicator", option="--indicator", value=indicator, valid=known)
    rows = compare_indicators(dataset, governments, wanted, sort)
    if news_only and (official or year is not None or window is not None):
        raise UsageProblem("news_with_official")
    if not news_only:
        from jobaward.cli.official import compare_official

        compare_official(dataset, governments, rows, year, window, options, labels)
        return
    shown = {row.government.id for row in rows}
    for government in governments:
        if government.id not in shown:
            echo(message("no_indicators_note", labels.english, name=labels.name(government)), err=True)
    emit(views.indicators(dataset, rows), options, labels)


def award_years_given(names: list[str]) -> tuple[int, int] | None:
    """``compare 2022 2023``: two four-digit years (no government is called that)."""
    words = [name.strip() for name in names]
    if len(words) == 2 and all(len(w) == 4 and w.isdigit() for w in words):
        return int(words[0]), int(words[1])
    return None


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
        listed = ", ".join(str(year) for year in held)
        raise UsageProblem("no_edition", year=missing[0], held=listed)
    emit(views.years(compare_years(dataset, first, second), first, second), options, labels)


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
    options = OutputOptions(format, excel, output, svg, wide)
    if official or window is not None:
        from jobaward.cli.official import stats_official

        if coverage:
            raise UsageProblem("official_with_coverage")
        stats_official(dataset, year, window, options, labels)
        return
    if coverage:
        rows = coverage_rows(dataset)
        emit(views.coverage([r for r in rows if year is None or r.year == year]), options, labels)
        return
    emit(views.stats(compute(dataset, year)), options, labels)
