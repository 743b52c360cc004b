"""Pure functions over the official series: a government's 고용률, windows around award years,
before/after changes, the median of all 시·군·구, winners against the rest. No I/O, no printing.

Windows: an edition of year Y evaluates year Y−1, so the default (``before``) window runs from
하반기 of Y−2 to 하반기 of Y−1; ``after`` runs from 하반기 of Y−1 to 하반기 of Y+1. For a 광역
government (annual 경제활동인구조사) the same years are used: Y−2 → Y−1, or Y−1 → Y+1.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from jobaward.model import (
    ALL_AGES,
    EMPLOYED,
    KINDS,
    METRO_GU_GUN,
    NATION,
    NATIONAL,
    RATE,
    REGIONAL,
    RSE,
    SIDO,
    UNEMPLOYMENT,
    WORKING_AGE,
    YOUTH,
    Dataset,
    Government,
    Official,
    Series,
    aligned,
    names_of,
    period_at,
    period_day,
    period_index,
    period_order,
    periods_from,
    value,
)
from jobaward.query.awards import AwardFilter, IndicatorRow, best_grades, exact_difference, matching_awards
from jobaward.query.bootstrap import bootstrap_gap
from jobaward.query.kinds import kind_of

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
            earlier = found.get(series.age)
            found[series.age] = series if earlier is None else joined(earlier, series)
    return found


def joined(first: Series, second: Series) -> Series:
    """One government's series under two names (여주군 to 2013-H1, 여주시 after) as one, under its
    current name; where both publish a period, the later name's figure."""
    newer = max(first, second, key=lambda s: period_order(s.end))
    start, values = aligned([*first.points, *second.points] if newer is second else [*second.points, *first.points])
    return newer._replace(start=start, values=values)


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


def benchmark_id(dataset: Dataset, gov: Government, period: str) -> str:
    """What a figure is set beside: the 광역 it belonged to then (군위군: 경북 until 2023-06-30), or 전국."""
    if annual(gov):
        return NATION
    return gov.province_on(period_day(period)) or NATION


# --- kinds, breaks and peers --------------------------------------------------------------------

REGIONAL_START = "2013-H1"
DISTRICTS_FROM = "2021-H1"


class Break(NamedTuple):
    """A boundary change: another unit merged in (``merged``) or a move to another 광역 (``moved``)."""

    day: date
    what: str
    detail: str  # 청원군; 경북→대구


def all_breaks(dataset: Dataset) -> dict[str, tuple[Break, ...]]:
    """Every government's boundary changes, by id: units merged into it, moves between 광역."""
    found: dict[str, list[Break]] = {}
    for gov in dataset.governments:
        if gov.abolished:
            for successor in gov.successors:
                found.setdefault(successor, []).append(Break(gov.abolished + timedelta(days=1), "merged", gov.name))
        for state in gov.former:
            if state.province:
                day = state.until + timedelta(days=1)
                moved = f"{state.province}→{gov.province_on(day)}"
                found.setdefault(gov.id, []).append(Break(day, "moved", moved))
    return {gov_id: tuple(sorted(breaks)) for gov_id, breaks in found.items()}


def breaks_within(breaks: Sequence[Break], start: str, end: str) -> tuple[Break, ...]:
    """The breaks after ``start``'s reference day and on or before ``end``'s."""
    first, last = period_day(start), period_day(end)
    return tuple(b for b in breaks if first < b.day <= last)


def all_rates(official: Official, dataset: Dataset) -> dict[str, dict[str, Series]]:
    """Every government's own 고용률 series by age (광역: annual; 기초: half-yearly)."""
    found: dict[str, dict[str, Series]] = {}
    for gov in dataset.governments:
        rates = own_series(official, gov)
        if rates:
            found[gov.id] = rates
    return found


class Peers(NamedTuple):
    """The non-winners of one kind over one window and age group."""

    kind: str
    members: int
    median: float | None
    noise: float | None  # the median size of a move from one period to the next among them
    changes: tuple[float, ...]
    covered: bool = True  # False: a partial period (Official.covered), so no peer figure at all


class Pool(NamedTuple):
    """What peer groups are drawn from: every series, every break, and the dataset; ``official``
    says which periods hold (nearly) all regions (Official.covered). ``peers`` keeps each peer
    group once worked out: an edition's winners of one kind share it (compare's rows)."""

    dataset: Dataset
    rates: dict[str, dict[str, Series]]
    breaks: dict[str, tuple[Break, ...]]
    official: Official
    peers: dict[tuple[Window, str, str, frozenset[str]], Peers]


def make_pool(official: Official, dataset: Dataset) -> Pool:
    return Pool(dataset, all_rates(official, dataset), all_breaks(dataset), official, {})


def group_changes(
    pool: Pool, window: Window, age: str, kind: str, members: Callable[[str], bool]
) -> tuple[list[float], list[float]]:
    """The window's change of each government of ``kind`` that ``members`` admits (none with a
    boundary change inside the window), and every move from one period to the next inside it."""
    changes: list[float] = []
    moves: list[float] = []
    for gov_id, by_age in pool.rates.items():
        series = by_age.get(age)
        if series is None or not members(gov_id):
            continue
        gov = pool.dataset.government(gov_id)
        if kind_of(gov, window.end) != kind or breaks_within(pool.breaks.get(gov_id, ()), *window):
            continue
        change = difference(series.at(window.end), series.at(window.start))
        if change is None:
            continue
        changes.append(change)
        moves += steps(series, window)
    return changes, moves


def steps(series: Series, window: Window) -> list[float]:
    """The size of each move from one period to the next inside the window."""
    half_yearly = "-H" in window.start
    periods = [period_at(i, half_yearly) for i in range(period_index(window.start), period_index(window.end) + 1)]
    found = (difference(series.at(b), series.at(a)) for a, b in pairwise(periods))
    return [abs(move) for move in found if move is not None]


def peers_of(pool: Pool, window: Window, age: str, kind: str, winners: frozenset[str]) -> Peers:
    """The non-winners of ``kind``; none when an end of the window is a partial period (a few
    regions a user imported): their median would not be that of the kind."""
    key = (window, age, kind, winners)
    if key not in pool.peers:
        pool.peers[key] = peer_group(pool, window, age, kind, winners)
    return pool.peers[key]


def peer_group(pool: Pool, window: Window, age: str, kind: str, winners: frozenset[str]) -> Peers:
    if not covers(pool.official, window, kind):
        return Peers(kind, 0, None, None, (), covered=False)
    changes, moves = group_changes(pool, window, age, kind, lambda gov_id: gov_id not in winners)
    return Peers(kind, len(changes), middle(changes), middle(moves), tuple(changes))


def covers(official: Official, window: Window, kind: str) -> bool:
    """Both ends of ``window`` hold (nearly) all regions of the kind's survey (Official.covered)."""
    survey = NATIONAL if kind == SIDO else REGIONAL
    return official.covered(window.start, survey) and official.covered(window.end, survey)


def middle(values: Sequence[float]) -> float | None:
    return round(median(values), 2) if values else None


def median(values: Sequence[float]) -> float:
    """The middle value, or the mean of the two middle ones (``statistics`` costs 2 ms to import)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def winners_of(dataset: Dataset, year: int) -> frozenset[str]:
    """Every government our records say won anything in ``year``."""
    return frozenset(a.government for a in dataset.awards if a.year == year)


# --- show: the figures around each award --------------------------------------------------------


class AgeFigure(NamedTuple):
    age: str
    value: str  # as published
    high_rse: bool
    employed: str = ""  # 취업자 of the same age group, thousands, as published
    benchmark: float | None = None  # the same survey's figure for the 시·도 (or 전국), same period and age
    gap: float | None = None  # value − benchmark, %p


class AroundRow(NamedTuple):
    period: str
    figures: tuple[AgeFigure, ...]  # 계, 15–64세, 15–29세: each where published
    benchmark_id: str
    award_year: bool
    unemployment: str = ""  # 실업률 of all ages, %, as published (the 시·도 survey only)
    breaks: tuple[Break, ...] = ()  # boundary changes since the period before

    def of(self, age: str) -> AgeFigure | None:
        return next((f for f in self.figures if f.age == age), None)


class Around(NamedTuple):
    """The official 고용률 of one government around its award years, and the whole series."""

    government: Government
    survey: str
    rows: tuple[AroundRow, ...]
    spark_age: str
    spark: tuple[tuple[str, float | None], ...]  # the whole series, period by period
    award_years: tuple[int, ...]
    absorbed: tuple[Series, ...] = ()  # series of units it took over (청원군 for 청주시), not blended in
    benchmark_survey: str = REGIONAL  # 기초: the 시·도 summed from the same survey's 시군구 rows
    partial: tuple[str, ...] = ()  # periods shown that hold only some regions: no 시·도 estimate


def periods_around(years: Iterable[int], annual_series: bool) -> list[str]:
    """Every period from two years before to two years after each award year, in order."""
    wanted: set[str] = set()
    for year in years:
        for y in range(year - AROUND_YEARS, year + AROUND_YEARS + 1):
            wanted.update([str(y)] if annual_series else [f"{y}-H1", f"{y}-H2"])
    return sorted(wanted, key=period_order)


def province_estimates(
    official: Official, dataset: Dataset, wanted: Collection[str] | None = None
) -> dict[tuple[str, str, str], float]:
    """(시·도, half-year, age) → the 고용률 of the 시·도 summed from the same survey's 시군구 rows;
    of the 시·도 in ``wanted`` only, when given (``show`` needs one).

    Each unit's population is its 취업자 divided by its 고용률; the 시·도 rate is the sum of
    취업자 over the sum of population. An estimate (the published figures are rounded), not a
    published figure. A unit belongs to the 시·도 it was in on that period's reference day. A
    partial period (a few regions a user imported, Official.covered) gives no estimate: the sum
    of a few units is not the 시·도.
    """
    rates = {(s.label, s.government, s.age): s for s in official.series if s.survey == REGIONAL and s.item == RATE}
    sums: dict[tuple[str, str, str], list[float]] = {}
    for employed in official.series:
        if employed.survey != REGIONAL or employed.item != EMPLOYED:
            continue
        rate = rates.get((employed.label, employed.government, employed.age))
        gov = dataset.government_by_id.get(employed.government)
        if rate is None or gov is None or not could_count(gov, wanted):
            continue
        for period, count in employed.points:
            province = gov.id if annual(gov) else gov.province_on(period_day(period)) or NATION
            if wanted is not None and province not in wanted:
                continue
            people, share = value(count), value(rate.at(period))
            if people is None or not share or not official.covered(period, REGIONAL):
                continue
            total = sums.setdefault((province, period, employed.age), [0.0, 0.0])
            total[0] += people
            total[1] += people / share * 100
    return {key: round(100 * people / population, 1) for key, (people, population) in sums.items() if population}


def could_count(gov: Government, wanted: Collection[str] | None) -> bool:
    """Whether a unit could be summed into one of the ``wanted`` 시·도 in some period (or into 전국)."""
    if wanted is None or NATION in wanted or annual(gov):
        return True
    return any(gov.belonged_to(province) for province in wanted)


def around_awards(official: Official, dataset: Dataset, gov: Government) -> Around | None:
    """None when KOSIS publishes no 고용률 for the government."""
    rates = own_series(official, gov)
    if not rates:
        return None
    rse = own_series(official, gov, RSE)
    employed = own_series(official, gov, EMPLOYED)
    unemployed = own_series(official, gov, UNEMPLOYMENT).get(ALL_AGES)
    years = tuple(sorted({a.year for a in dataset.awards if a.government == gov.id}))
    around = periods_around(years, annual(gov))
    wanted = {benchmark_id(dataset, gov, period) for period in around}
    estimates = {} if annual(gov) else province_estimates(official, dataset, wanted)
    breaks = all_breaks(dataset).get(gov.id, ())
    rows = []
    previous = ""
    for period in around:
        bench_id = benchmark_id(dataset, gov, period)
        figures = []
        for age in SHOWN_AGES:
            series = rates.get(age)
            figure = series.at(period) if series else ""
            if not figure:
                continue
            if annual(gov):
                nation = national_of(official, NATION, age)
                bench = value(nation.at(period)) if nation else None
            else:
                bench = estimates.get((bench_id, period, age))
            gap = None if bench is None else difference(figure, f"{bench:.1f}")
            high = bool(rse.get(age) and rse[age].at(period) == "*")
            count = employed[age].at(period) if age in employed else ""
            figures.append(AgeFigure(age, figure, high, count, bench, gap))
        if not figures:
            continue
        jobless = unemployed.at(period) if unemployed else ""
        crossed = breaks_within(breaks, previous, period) if previous else ()
        previous = period
        rows.append(AroundRow(period, tuple(figures), bench_id, int(period[:4]) in years, jobless, crossed))
    spark_age = max(  # the longest of the two main series
        (age for age in (ALL_AGES, WORKING_AGE) if age in rates), key=lambda age: len(rates[age].points)
    )
    spark = tuple((p, value(v)) for p, v in series_periods(rates[spark_age]))
    survey = rates[spark_age].survey
    bench_survey = NATIONAL if annual(gov) else REGIONAL
    partial = () if annual(gov) else tuple(row.period for row in rows if not official.covered(row.period, REGIONAL))
    absorbed = absorbed_series(official, gov)
    return Around(gov, survey, tuple(rows), spark_age, spark, years, absorbed, bench_survey, partial)


#: The age groups show sets side by side: all ages, 15–64세, and 청년 (15–29세).
SHOWN_AGES = (ALL_AGES, WORKING_AGE, YOUTH)


def absorbed_series(official: Official, gov: Government) -> tuple[Series, ...]:
    """Regional 고용률 series of other units mapped to ``gov``: 청원군 (청주시), 연기군 (세종),
    제주시 and 서귀포시 (제주)."""
    names = names_of(gov)
    return tuple(
        s
        for s in official.of(gov.id)
        if s.survey == REGIONAL
        and s.item == RATE
        and s.age == ALL_AGES
        and (annual(gov) or s.label.split()[-1] not in names)
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
    peers: Peers
    breaks: tuple[Break, ...] = ()  # boundary changes inside the window: the change spans them

    @property
    def peers_change(self) -> float | None:
        return self.peers.median

    @property
    def versus_peers(self) -> float | None:
        return None if self.peers.median is None else float(exact_difference(self.change, self.peers.median))

    @property
    def within_noise(self) -> bool | None:
        """The change is smaller than a typical move of its kind from one period to the next."""
        return None if self.peers.noise is None else abs(self.change) < self.peers.noise


class Dropped(NamedTuple):
    """A winner of the edition with no official change to show, and why."""

    government: Government
    year: int
    grade: str
    window: Window
    reason: str  # district_not_surveyed, before_series, annual_series_ends, series_ends, not_published


def change_for(
    official: Official, pool: Pool, gov: Government, year: int, grade: str, kind: str
) -> OfficialChange | Dropped:
    """The official before/after of one award (``grade``: the best that year), or why there is none."""
    window = window_for(year, kind, annual(gov))
    rates = pool.rates.get(gov.id, {})
    age = rate_basis(rates, list(window))
    series = rates[age] if age else None
    change = difference(series.at(window.end), series.at(window.start)) if series else None
    if series is None or age is None or change is None:
        return Dropped(gov, year, grade, window, missing_reason(official, gov, window))
    rse = own_series(official, gov, RSE).get(age)
    high = bool(rse and "*" in (rse.at(window.start), rse.at(window.end)))
    peers = peers_of(pool, window, age, kind_of(gov, window.end), winners_of(pool.dataset, year))
    crossed = breaks_within(pool.breaks.get(gov.id, ()), *window)
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
        peers,
        crossed,
    )


def missing_reason(official: Official, gov: Government, window: Window) -> str:
    """Why a winner has no change over ``window``."""
    if annual(gov):
        nation = national_of(official, NATION, ALL_AGES)
        last = nation.end if nation else ""
        return "annual_series_ends" if not last or int(window.end) > int(last) else "not_published"
    if period_order(window.start) < period_order(REGIONAL_START):
        return "before_series"
    if kind_of(gov, window.start) == METRO_GU_GUN and period_order(window.start) < period_order(DISTRICTS_FROM):
        return "district_not_surveyed"
    latest = latest_period(official)
    if not latest or period_order(window.end) > period_order(latest):
        return "series_ends"
    return "not_published"


def news_of_winners(dataset: Dataset, news: Sequence[IndicatorRow], year: int | None) -> list[IndicatorRow]:
    """The news figures that go with an edition's official table: those of its winners (all without a year)."""
    if year is None:
        return list(news)
    won = {award.government for award in dataset.awards if award.year == year}
    return [row for row in news if row.government.id in won]


def without_figures(
    governments: Sequence[Government],
    changes: Sequence[OfficialChange],
    news: Sequence[IndicatorRow],
    dropped: Sequence[Dropped] = (),
) -> list[Government]:
    """The governments asked for that have no official change, no award named without one, and no
    news figure to show."""
    shown = {row.government.id for row in changes} | {row.government.id for row in news}
    shown |= {row.government.id for row in dropped}
    return [gov for gov in governments if gov.id not in shown]


def winner_changes(
    official: Official,
    dataset: Dataset,
    year: int | None,
    governments: Sequence[Government],
    kind: str,
    where: AwardFilter | None = None,
) -> tuple[list[OfficialChange], list[Dropped]]:
    """Each (government, award year) with official figures, largest change first; and each
    without, newest first in the data's order (of the awards ``where`` accepts)."""
    wanted = {gov.id for gov in governments}
    grades = best_grades(  # (government, award year) → the best grade won
        award
        for award in matching_awards(dataset, where)
        if (year is None or award.year == year) and (not wanted or award.government in wanted)
    )
    pool = make_pool(official, dataset)
    found = [
        change_for(official, pool, dataset.government(gov_id), y, grade, kind)
        for (gov_id, y), grade in sorted(grades.items())
    ]
    changes = [c for c in found if isinstance(c, OfficialChange)]
    dropped = [c for c in found if isinstance(c, Dropped)]
    changes.sort(key=lambda c: (-c.change, -c.year, dataset.position[c.government.id]))
    dropped.sort(key=lambda d: (-d.year, dataset.position[d.government.id]))
    return changes, dropped


# --- the honest summary: winners against the rest ------------------------------------------------


class EditionSummary(NamedTuple):
    year: int
    kind: str
    window: Window
    age: str
    winners: int
    winners_median: float | None
    others: int
    others_median: float | None
    interval: tuple[float, float] | None  # a 95% bootstrap interval of the gap
    noise: float | None  # the median size of a move from one period to the next among the others
    others_covered: bool = True  # False: a partial period, so no figure for the others

    @property
    def gap(self) -> float | None:
        if self.winners_median is None or self.others_median is None:
            return None
        return round(self.winners_median - self.others_median, 2)

    @property
    def within_noise(self) -> bool | None:
        """The interval holds zero: the gap cannot be told from sampling and ordinary movement."""
        return None if self.interval is None else self.interval[0] <= 0 <= self.interval[1]


def edition_summaries(
    official: Official,
    dataset: Dataset,
    kind: str = "before",
    years: Collection[int] | None = None,
    groups: Collection[str] | None = None,
) -> list[EditionSummary]:
    """Per edition and kind of government: the median change of its winners (in our records)
    against the non-winners of the same kind, the same groups ``compare`` sets each winner beside.
    ``years`` and ``groups`` (kinds) narrow what is worked out: each row's bootstrap is seeded by
    its own edition and kind, so a row is the same whether computed alone or with the rest.

    The age basis: 15–64세 where any series of the kind has it at both ends, else all ages.
    """
    pool = make_pool(official, dataset)
    summaries = []
    for year in sorted({a.year for a in dataset.awards}, reverse=True):
        if years is not None and year not in years:
            continue
        winners = winners_of(dataset, year)
        for group in KINDS:
            if groups is not None and group not in groups:
                continue
            window = window_for(year, kind, annual=group == SIDO)
            age = summary_age(pool, window, group)
            won, _ = group_changes(pool, window, age, group, winners.__contains__)
            peers = peers_of(pool, window, age, group, winners)
            if not won and not peers.members:
                continue
            interval = bootstrap_gap(won, list(peers.changes), f"{year}:{kind}:{group}")
            summaries.append(
                EditionSummary(
                    year,
                    group,
                    window,
                    age,
                    len(won),
                    middle(won),
                    peers.members,
                    peers.median,
                    interval,
                    peers.noise,
                    peers.covered,
                )
            )
    return summaries


def summary_age(pool: Pool, window: Window, group: str) -> str:
    for rates in pool.rates.values():
        if has_window(rates.get(WORKING_AGE), window):
            gov_id = rates[WORKING_AGE].government
            if kind_of(pool.dataset.government(gov_id), window.end) == group:
                return WORKING_AGE
    return ALL_AGES


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
    was asked for and has neither, the edition chosen when none was asked for, and every winner
    without an official change, with the reason."""

    rows: list[OfficialChange]
    news: list[IndicatorRow]
    missing: list[Government]
    edition: int | None
    kind: str
    dropped: tuple[Dropped, ...] = ()


def compare_winners(
    official: Official,
    dataset: Dataset,
    governments: Sequence[Government] = (),
    year: int | None = None,
    kind: str = "before",
    news: Sequence[IndicatorRow] = (),
    where: AwardFilter | None = None,
) -> Comparison:
    """Each award's official before/after (largest change first) and ``news`` of
    the same winners; the winners without a change, each with its reason.

    Without governments or a year: the newest edition whose window the series covers. ``where``
    (the shared filters) narrows the awards.
    """
    edition = None
    if year is None and not governments and (where is None or where.years is None):
        year = edition = newest_covered_edition(official, dataset, kind)
    rows, dropped = winner_changes(official, dataset, year, governments, kind, where)
    shown_news = news_of_winners(dataset, news, year)
    missing = without_figures(governments, rows, shown_news, dropped)
    return Comparison(rows, shown_news, missing, edition, kind, tuple(dropped))
