"""Pure functions over the official series: a government's 고용률, windows around award years,
before/after changes, the median of all 시·군·구, winners against the rest. No I/O, no printing.

Windows: an edition of year Y evaluates year Y−1, so the default (``before``) window runs from
하반기 of Y−2 to 하반기 of Y−1; ``after`` runs from 하반기 of Y−1 to 하반기 of Y+1. For a 광역
government (annual 경제활동인구조사) the same years are used: Y−2 → Y−1, or Y−1 → Y+1.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache
from typing import NamedTuple

from jobaward.model import (
    ALL_AGES,
    EMPLOYED,
    NATION,
    NATIONAL,
    RATE,
    REGIONAL,
    RSE,
    UNEMPLOYMENT,
    WORKING_AGE,
    Dataset,
    Government,
    Official,
    Series,
    grade_rank,
    names_of,
    period_order,
    periods_from,
    value,
)
from jobaward.query.awards import AwardFilter, IndicatorRow, exact_difference, matching_awards

WINDOWS = ("before", "after")
#: A reader sees the figures from two years before to two years after an award year.
AROUND_YEARS = 2


class Window(NamedTuple):
    start: str
    end: str


def window_for(year: int, kind: str, annual: bool) -> Window:
    first, last = (year - 2, year - 1) if kind == "before" else (year - 1, year + 1)
    return Window(str(first), str(last)) if annual else Window(f"{first}-H2", f"{last}-H2")


def annual(gov: Government) -> bool:
    """광역 governments are measured by the annual 시·도 survey; 기초 by the half-yearly one."""
    return gov.level == "광역"


def own_series(official: Official, gov: Government, item: str = RATE) -> dict[str, Series]:
    """A government's own series of ``item`` by age group.

    For a 기초: the regional series labelled with its name (or a former one); units it absorbed
    (청원군 in 청주시) are kept apart, not blended in. For a 광역: its 시·도 series.
    """
    names = names_of(gov)
    found: dict[str, Series] = {}
    for series in official.of(gov.id):
        if series.item != item:
            continue
        if annual(gov) and series.survey == NATIONAL:
            found[series.age] = series
        elif not annual(gov) and series.survey == REGIONAL and series.label.split()[-1] in names:
            found.setdefault(series.age, series)
    return found


def rate_basis(by_age: dict[str, Series], periods: Sequence[str]) -> str | None:
    """15–64세 where it is published for every period asked, else all ages; None if neither is."""
    for age in (WORKING_AGE, ALL_AGES):
        series = by_age.get(age)
        if series is not None and all(series.at(p) for p in periods):
            return age
    return None


def national_of(official: Official, gov_id: str, age: str, item: str = RATE) -> Series | None:
    wanted = (NATIONAL, age, item)
    return next((s for s in official.of(gov_id) if (s.survey, s.age, s.item) == wanted), None)


def period_day(period: str) -> date:
    year, _, half = period.partition("-H")
    return date(int(year), 6, 30) if half == "1" else date(int(year), 12, 31)


def benchmark_id(dataset: Dataset, gov: Government, period: str) -> str:
    """What a figure is set beside: the 광역 it belonged to then (군위군: 경북 until 2023-06-30), or 전국."""
    if annual(gov):
        return NATION
    return gov.province_on(period_day(period)) or NATION


# --- show: the figures around each award --------------------------------------------------------


class AroundRow(NamedTuple):
    period: str
    age: str
    value: str
    benchmark_id: str
    benchmark: str  # the annual 시·도 (or 전국) figure of the period's year, as published
    gap: float | None  # value − benchmark, %p
    high_rse: bool
    award_year: bool
    employed: str = ""  # 취업자 of the same age group, thousands, as published (the 시·도 survey: none)
    unemployment: str = ""  # 실업률 of all ages, %, as published (the 시·도 survey only)


class Around(NamedTuple):
    """The official 고용률 of one government around its award years, and the whole series."""

    government: Government
    survey: str
    rows: tuple[AroundRow, ...]
    spark_age: str
    spark: tuple[tuple[str, float | None], ...]  # the whole series, period by period
    award_years: tuple[int, ...]
    absorbed: tuple[Series, ...] = ()  # series of units it took over (청원군 for 청주시), not blended in


def periods_around(years: Iterable[int], annual_series: bool) -> list[str]:
    """Every period from two years before to two years after each award year, in order."""
    wanted: set[str] = set()
    for year in years:
        for y in range(year - AROUND_YEARS, year + AROUND_YEARS + 1):
            wanted.update([str(y)] if annual_series else [f"{y}-H1", f"{y}-H2"])
    return sorted(wanted, key=period_order)


def around_awards(official: Official, dataset: Dataset, gov: Government) -> Around | None:
    """None when KOSIS publishes no 고용률 for the government."""
    rates = own_series(official, gov)
    if not rates:
        return None
    rse = own_series(official, gov, RSE)
    employed = own_series(official, gov, EMPLOYED)
    unemployed = own_series(official, gov, UNEMPLOYMENT).get(ALL_AGES)
    years = tuple(sorted({a.year for a in dataset.awards if a.government == gov.id}))
    rows = []
    for period in periods_around(years, annual(gov)):
        age = rate_basis(rates, [period])
        if age is None:
            continue
        figure = rates[age].at(period)
        bench_id = benchmark_id(dataset, gov, period)
        bench_series = national_of(official, bench_id, age)
        bench = bench_series.at(period.split("-")[0]) if bench_series else ""
        gap = difference(figure, bench)
        high = bool(rse.get(age) and rse[age].at(period) == "*")
        count = employed[age].at(period) if age in employed else ""
        jobless = unemployed.at(period) if unemployed else ""
        award_year = int(period[:4]) in years
        rows.append(AroundRow(period, age, figure, bench_id, bench, gap, high, award_year, count, jobless))
    spark_age = max(rates, key=lambda age: (len(rates[age].points), age == WORKING_AGE))  # the longest series
    spark = tuple((p, value(v)) for p, v in series_periods(rates[spark_age]))
    survey = rates[spark_age].survey
    return Around(gov, survey, tuple(rows), spark_age, spark, years, absorbed_series(official, gov))


def absorbed_series(official: Official, gov: Government) -> tuple[Series, ...]:
    """Regional 고용률 series of other units mapped to ``gov``: 청원군 (청주시), 연기군 (세종),
    제주시 and 서귀포시 (제주)."""
    own = {id(s) for s in own_series(official, gov).values()}
    return tuple(
        s
        for s in official.of(gov.id)
        if s.survey == REGIONAL and s.item == RATE and s.age == ALL_AGES and id(s) not in own
    )


def series_periods(series: Series) -> list[tuple[str, str]]:
    """Every period of the series, unpublished ones with ""."""
    return list(zip(periods_from(series.start), series.values, strict=False))


def difference(after: str, before: str) -> float | None:
    a, b = value(after), value(before)
    return None if a is None or b is None else float(exact_difference(a, b))


# --- compare: before/after for winners -----------------------------------------------------------


class OfficialChange(NamedTuple):
    government: Government
    year: int
    grade: str
    survey: str
    age: str
    before_period: str
    before: str
    after_period: str
    after: str
    change: float
    high_rse: bool
    peers_label: str  # "전체 시군구 중앙값" or "전국"
    peers_change: float | None

    @property
    def versus_peers(self) -> float | None:
        return None if self.peers_change is None else float(exact_difference(self.change, self.peers_change))


def regional_primaries(official: Official, dataset: Dataset) -> dict[str, dict[str, Series]]:
    """Every 기초 government's own 고용률 series by age (the population the medians run over)."""
    found: dict[str, dict[str, Series]] = {}
    for gov in dataset.governments:
        if not annual(gov):
            rates = own_series(official, gov)
            if rates:
                found[gov.id] = rates
    return found


def median_change(
    primaries: dict[str, dict[str, Series]], window: Window, age: str, leave_out: Iterable[str] = ()
) -> tuple[float | None, int]:
    """The median change of every 기초 series published at both ends of the window, and how many."""
    skipped = set(leave_out)
    changes = [
        change
        for gov_id, rates in primaries.items()
        if gov_id not in skipped and age in rates
        for change in [difference(rates[age].at(window.end), rates[age].at(window.start))]
        if change is not None
    ]
    return (round(median(changes), 2) if changes else None), len(changes)


def median(values: Sequence[float]) -> float:
    """The middle value, or the mean of the two middle ones (``statistics`` costs 2 ms to import)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def change_for(
    official: Official,
    gov: Government,
    year: int,
    grade: str,
    kind: str,
    peer_median: Callable[[Window, str], float | None],
) -> OfficialChange | None:
    """The official before/after of one award (``grade``: the best that year), or None when a
    figure is missing at either end."""
    window = window_for(year, kind, annual(gov))
    rates = own_series(official, gov)
    age = rate_basis(rates, list(window))
    if age is None:
        return None
    series = rates[age]
    change = difference(series.at(window.end), series.at(window.start))
    if change is None:
        return None
    rse = own_series(official, gov, RSE).get(age)
    high = bool(rse and "*" in (rse.at(window.start), rse.at(window.end)))
    if annual(gov):
        nation = national_of(official, NATION, age)
        peers = difference(nation.at(window.end), nation.at(window.start)) if nation else None
        label = NATION
    else:
        peers = peer_median(window, age)
        label = "median"
    return OfficialChange(
        gov,
        year,
        grade,
        series.survey,
        age,
        window.start,
        series.at(window.start),
        window.end,
        series.at(window.end),
        change,
        high,
        label,
        peers,
    )


def news_of_winners(dataset: Dataset, news: Sequence[IndicatorRow], year: int | None) -> list[IndicatorRow]:
    """The news figures that go with an edition's official table: those of its winners (all without a year)."""
    if year is None:
        return list(news)
    won = {award.government for award in dataset.awards if award.year == year}
    return [row for row in news if row.government.id in won]


def without_figures(
    governments: Sequence[Government], changes: Sequence[OfficialChange], news: Sequence[IndicatorRow]
) -> list[Government]:
    """The governments asked for that have neither an official change nor a news figure to show."""
    shown = {row.government.id for row in changes} | {row.government.id for row in news}
    return [gov for gov in governments if gov.id not in shown]


def winner_changes(
    official: Official,
    dataset: Dataset,
    year: int | None,
    governments: Sequence[Government],
    kind: str,
    where: AwardFilter | None = None,
) -> list[OfficialChange]:
    """Each (government, award year) with official figures, largest change first (of the awards
    ``where`` accepts)."""
    wanted = {gov.id for gov in governments}
    grades: dict[tuple[str, int], list[str]] = {}  # (government, award year) → the grades won
    for award in matching_awards(dataset, where):
        if (year is None or award.year == year) and (not wanted or award.government in wanted):
            grades.setdefault((award.government, award.year), []).append(award.grade)
    primaries = regional_primaries(official, dataset)

    @cache
    def peer_median(window: Window, age: str) -> float | None:
        return median_change(primaries, window, age)[0]

    changes = [
        change_for(official, dataset.government(gov_id), y, min(won, key=grade_rank), kind, peer_median)
        for (gov_id, y), won in sorted(grades.items())
    ]
    found = [c for c in changes if c is not None]
    return sorted(found, key=lambda c: (-c.change, -c.year, dataset.position[c.government.id]))


# --- the honest summary: winners against the rest ------------------------------------------------


class EditionSummary(NamedTuple):
    year: int
    window: Window
    age: str
    winners: int
    winners_median: float | None
    others: int
    others_median: float | None

    @property
    def gap(self) -> float | None:
        if self.winners_median is None or self.others_median is None:
            return None
        return round(self.winners_median - self.others_median, 2)


def edition_summaries(official: Official, dataset: Dataset, kind: str = "before") -> list[EditionSummary]:
    """Per edition: the median change of its 기초 winners (in our records) against all other 기초.

    The same window and age basis for both groups: 15–64세 where every series that has it is
    published at both ends, else all ages.
    """
    primaries = regional_primaries(official, dataset)
    summaries = []
    for year in sorted({a.year for a in dataset.awards}, reverse=True):
        window = window_for(year, kind, annual=False)
        age = WORKING_AGE if any(has_window(r.get(WORKING_AGE), window) for r in primaries.values()) else ALL_AGES
        winners = {a.government for a in dataset.awards if a.year == year and a.government in primaries}
        won = {gov_id: primaries[gov_id] for gov_id in winners}
        winners_median, winners_count = median_change(won, window, age)
        others_median, others_count = median_change(primaries, window, age, leave_out=winners)
        if winners_count == 0 and others_count == 0:
            continue
        summaries.append(EditionSummary(year, window, age, winners_count, winners_median, others_count, others_median))
    return summaries


def has_window(series: Series | None, window: Window) -> bool:
    return series is not None and bool(series.at(window.start)) and bool(series.at(window.end))


def latest_period(official: Official) -> str:
    """The newest half-year any regional series reaches."""
    # series of one shape (first period, length) end alike: work out each shape's end once
    shapes = {(s.start, len(s.values)): s for s in official.series if s.survey == REGIONAL and s.values}
    return max((series.end for series in shapes.values()), key=period_order, default="")


def newest_covered_edition(official: Official, dataset: Dataset, kind: str) -> int | None:
    """The newest edition whose whole ``kind`` window the half-yearly series reaches (bare ``compare``)."""
    latest = latest_period(official)
    if not latest:
        return None
    for year in sorted({a.year for a in dataset.awards}, reverse=True):
        if period_order(window_for(year, kind, annual=False).end) <= period_order(latest):
            return year
    return None


class Comparison(NamedTuple):
    """Everything `compare` shows: the official changes, the news figures that go with them, who
    was asked for and has neither, and the edition chosen when none was asked for."""

    rows: list[OfficialChange]
    news: list[IndicatorRow]
    missing: list[Government]
    edition: int | None
    kind: str


def compare_winners(
    official: Official,
    dataset: Dataset,
    governments: Sequence[Government] = (),
    year: int | None = None,
    kind: str = "before",
    news: Sequence[IndicatorRow] = (),
    where: AwardFilter | None = None,
) -> Comparison:
    """Each award's official before/after (largest change first) and ``news`` of the same winners.

    Without governments or a year: the newest edition whose window the series covers. ``where``
    (the shared filters) narrows the awards.
    """
    edition = None
    if year is None and not governments and (where is None or where.years is None):
        year = edition = newest_covered_edition(official, dataset, kind)
    rows = winner_changes(official, dataset, year, governments, kind, where)
    shown_news = news_of_winners(dataset, news, year)
    return Comparison(rows, shown_news, without_figures(governments, rows, shown_news), edition, kind)
