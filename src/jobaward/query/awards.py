"""Pure functions over a Dataset: filters, profiles, streaks, indicator changes. No I/O."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from jobaward.i18n.folding import compact
from jobaward.model import CATEGORIES, Award, Dataset, Government, Indicator, Number, Source, grade_rank
from jobaward.query.kinds import award_kind


class AwardRow(NamedTuple):
    award: Award
    government: Government
    province: Government | None
    name_then: str

    @property
    def renamed_since(self) -> bool:
        return self.name_then != self.government.name


class AwardFilter(NamedTuple):
    """What `list`, `compare` and `stats` keep. Each field is a set of accepted values (None
    accepts anything): values of one field are alternatives (OR), fields all apply (AND).

    A category accepts its sections (경진대회 → 경진대회:지역맞춤형 too); ``kinds`` holds
    query/kinds values; ``projects`` are words matched ignoring case and spaces.
    """

    years: frozenset[int] | None = None
    categories: frozenset[str] | None = None
    grades: frozenset[str] | None = None
    provinces: frozenset[str] | None = None
    levels: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    projects: tuple[str, ...] | None = None

    @property
    def active(self) -> bool:
        """Whether anything is filtered at all."""
        return any(value is not None for value in self)

    def accepts(self, dataset: Dataset, award: Award) -> bool:
        gov = dataset.government(award.government)
        return (
            (self.years is None or award.year in self.years)
            and (self.categories is None or any(in_category(award.category, c) for c in self.categories))
            and (self.grades is None or award.grade in self.grades)
            and self.accepts_government(gov)
            and (self.kinds is None or award_kind(dataset, award) in self.kinds)
            and (self.projects is None or any(compact(p) in compact(award.project) for p in self.projects))
        )

    def accepts_government(self, gov: Government) -> bool:
        """``provinces``: each 광역 itself, the governments in it today and those that once were
        (광주 keeps its 자치구, now in 전남광주통합특별시); a former 광역's own awards stay its own."""
        in_province = self.provinces is None or any(p == gov.id or gov.belonged_to(p) for p in self.provinces)
        return in_province and (self.levels is None or gov.level in self.levels)


def in_category(category: str, wanted: str) -> bool:
    """``경진대회:지역맞춤형`` is in 경진대회 (a category holds its sections) and in itself."""
    return category == wanted or category.startswith(wanted + ":")


def matching_awards(dataset: Dataset, where: AwardFilter | None) -> list[Award]:
    """The awards ``where`` accepts, in the data's order (all of them without a filter)."""
    if where is None or not where.active:
        return list(dataset.awards)
    return [award for award in dataset.awards if where.accepts(dataset, award)]


class Streak(NamedTuple):
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class Totals(NamedTuple):
    number: int
    incentive: int
    with_incentive: int


class Change(NamedTuple):
    """After minus before; ``percent`` is None for rates (their change is in points) or a zero base."""

    absolute: Number
    percent: float | None
    in_points: bool

    @property
    def sort_value(self) -> float:
        """Percent change, or the point change for a rate: the order `compare` lists rows in."""
        if self.in_points:
            return float(self.absolute)
        return self.percent if self.percent is not None else 0.0


class IndicatorRow(NamedTuple):
    indicator: Indicator
    government: Government
    province: Government | None
    change: Change | None
    benchmark_gap: Number | None


class Profile(NamedTuple):
    government: Government
    province: Government | None
    awards: tuple[AwardRow, ...]
    streaks: tuple[Streak, ...]
    totals: Totals
    indicators: tuple[IndicatorRow, ...]
    sources: tuple[Source, ...]
    successors: tuple[Government, ...]
    predecessors: tuple[Government, ...]
    timeline: dict[int, str | None]

    @property
    def longest_streak(self) -> Streak | None:
        return max(self.streaks, key=lambda s: (s.length, s.end), default=None)


def award_row(dataset: Dataset, award: Award) -> AwardRow:
    gov = dataset.government(award.government)
    province = dataset.government_by_id.get(gov.province or "")
    return AwardRow(award, gov, province, gov.name_on(dataset.award_day(award.year)))


def award_order(dataset: Dataset) -> Callable[[AwardRow], tuple[int, int, int, int]]:
    """Newest year first, then grade, category, and the government's place in the data."""

    def key(row: AwardRow) -> tuple[int, int, int, int]:
        category = CATEGORIES.index(row.award.category) if row.award.category in CATEGORIES else len(CATEGORIES)
        return (-row.award.year, row.award.grade_rank, category, dataset.position[row.government.id])

    return key


#: Orders `list` offers: newest first (the default), best grade first, most money first, by government.
LIST_SORTS = ("year", "grade", "incentive", "government")


def list_awards(dataset: Dataset, where: AwardFilter | None = None, sort: str = "year") -> list[AwardRow]:
    """Awards matching ``where`` in the order ``sort`` names (see LIST_SORTS); ties newest first,
    then by grade, category and government."""
    rows = [award_row(dataset, award) for award in matching_awards(dataset, where)]
    rows.sort(key=award_order(dataset))
    if sort == "grade":
        rows.sort(key=lambda row: row.award.grade_rank)
    elif sort == "incentive":
        rows.sort(key=lambda row: -(row.award.incentive if row.award.incentive is not None else -1))
    elif sort == "government":
        rows.sort(key=lambda row: dataset.position[row.government.id])
    return rows


def years_held(dataset: Dataset) -> list[int]:
    """The years with an edition record or an award: the years a question can be about."""
    return sorted({e.year for e in dataset.editions} | {a.year for a in dataset.awards})


def totals(awards: Iterable[Award]) -> Totals:
    awards = list(awards)
    known = [a.incentive for a in awards if a.incentive is not None]
    return Totals(number=len(awards), incentive=sum(known), with_incentive=len(known))


def streaks(years: Iterable[int]) -> tuple[Streak, ...]:
    """Runs of consecutive award years: 2018, 2019, 2020 → one streak of 3."""
    ordered = sorted(set(years))
    runs: list[Streak] = []
    for year in ordered:
        if runs and runs[-1].end == year - 1:
            runs[-1] = Streak(runs[-1].start, year)
        else:
            runs.append(Streak(year, year))
    return tuple(runs)


def exact_difference(after: Number, before: Number) -> Number:
    """after - before without float noise: 61.4 - 60.9 is 0.5, not 0.5000000000000071."""
    if isinstance(after, int) and isinstance(before, int):
        return after - before
    texts = (repr(after), repr(before))
    places = max(len(text.partition(".")[2]) for text in texts)
    small = abs(after) < 1e9 and abs(before) < 1e9  # so that 6 places stay within a float's digits
    if places <= 6 and small and not any("e" in text or "n" in text for text in texts):
        # figures as written (a few decimals): rounding to their places gives the exact decimal
        # difference, without importing decimal (a few ms of every start)
        return round(float(after) - float(before), places)
    from decimal import Decimal

    return float(Decimal(texts[0]) - Decimal(texts[1]))


def indicator_change(indicator: Indicator) -> Change | None:
    if indicator.before is None or indicator.after is None:
        return None
    before, after = indicator.before.value, indicator.after.value
    absolute = exact_difference(after, before)
    if indicator.is_rate:
        return Change(absolute, None, in_points=True)
    percent = float(absolute) / float(before) * 100 if before else None
    return Change(absolute, percent, in_points=False)


def benchmark_gap(indicator: Indicator) -> Number | None:
    """How far the latest value stands above (+) or below (-) its benchmark."""
    measured = indicator.after or indicator.before
    if indicator.benchmark is None or measured is None:
        return None
    return exact_difference(measured.value, indicator.benchmark.value)


def indicator_row(dataset: Dataset, indicator: Indicator) -> IndicatorRow:
    gov = dataset.government(indicator.government)
    return IndicatorRow(
        indicator,
        gov,
        dataset.government_by_id.get(gov.province or ""),
        indicator_change(indicator),
        benchmark_gap(indicator),
    )


def profile(dataset: Dataset, gov: Government) -> Profile:
    awards = sorted(
        (award_row(dataset, a) for a in dataset.awards if a.government == gov.id),
        key=lambda row: (row.award.year, row.award.grade_rank),
    )
    indicators = tuple(indicator_row(dataset, i) for i in dataset.indicators if i.government == gov.id)
    source_ids = [s for row in awards for s in row.award.sources]
    source_ids += [s for row in indicators for s in row.indicator.sources]
    source_ids += list(gov.sources)  # its founding, renaming or abolition
    return Profile(
        government=gov,
        province=dataset.government_by_id.get(gov.province or ""),
        awards=tuple(awards),
        streaks=streaks(row.award.year for row in awards),
        totals=totals(row.award for row in awards),
        indicators=indicators,
        sources=tuple(dataset.source_by_id[s] for s in dict.fromkeys(source_ids)),
        successors=tuple(dataset.government(s) for s in gov.successors),
        predecessors=tuple(g for g in dataset.governments if gov.id in g.successors),
        timeline=timeline(dataset, gov),
    )


def award_years(dataset: Dataset) -> list[int]:
    """Every year from the first award on record to the last: a timeline's columns."""
    years = [a.year for a in dataset.awards]
    return list(range(min(years), max(years) + 1)) if years else []


def best_grades(awards: Iterable[Award]) -> dict[tuple[str, int], str]:
    """(government id, year) → the highest grade won that year ('' when only ungraded awards are
    recorded). The one answer to "best grade per year": timelines, edition moves and compare use it."""
    best: dict[tuple[str, int], str] = {}
    for award in awards:
        key = (award.government, award.year)
        held = best.get(key)
        if held is None or grade_rank(award.grade) < grade_rank(held):
            best[key] = award.grade
    return best


def timeline(dataset: Dataset, gov: Government) -> dict[int, str | None]:
    """Year → the best grade won ('' when the grade is not known), or None when nothing is recorded."""
    won = best_grades(award for award in dataset.awards if award.government == gov.id)
    return {year: won.get((gov.id, year)) for year in award_years(dataset)}


def indicator_names(dataset: Dataset) -> list[str]:
    return sorted({i.name for i in dataset.indicators})


def matching_indicator_names(dataset: Dataset, wanted: str) -> set[str]:
    """Indicator names equal to ``wanted``, or else containing it (고용률 → 여성 고용률 too)."""
    names = set(indicator_names(dataset))
    if wanted in names:
        return {wanted}
    return {name for name in names if wanted in name}


SORTS = ("pct", "change", "name")


def compare_indicators(
    dataset: Dataset,
    governments: Sequence[Government] = (),
    indicator_names: set[str] | None = None,
    sort: str | None = None,
) -> list[IndicatorRow]:
    """Indicator rows, rows without a before/after pair last. ``sort``:

    - ``pct`` (the default): largest percent change first (a rate's point change stands in);
    - ``change``: largest absolute change first;
    - ``name``: by government, then indicator.

    With ``governments`` and no ``sort``, theirs only, in the order given, side by side. A
    superseded variant (another print of a figure held once already) is never ranked.
    """
    wanted = [g.id for g in governments]
    rows = [
        indicator_row(dataset, i)
        for i in dataset.indicators
        if not i.superseded
        and (not wanted or i.government in wanted)
        and (indicator_names is None or i.name in indicator_names)
    ]
    if sort == "name":
        return sorted(rows, key=lambda r: (dataset.position[r.government.id], r.indicator.name))
    if sort == "change":
        rows.sort(key=lambda r: (r.change is None, -float(r.change.absolute) if r.change else 0.0))
    else:
        rows.sort(key=lambda r: (r.change is None, -(r.change.sort_value if r.change else 0.0)))
    if wanted and sort is None:
        rows.sort(key=lambda r: wanted.index(r.government.id))
    return rows


#: `compare --year Y` shows the news figures of periods from Y-2 to Y+1: the official windows run
#: from H2 of Y-2 to H2 of Y+1, and a figure a winner's press release quotes falls in that span.
NEWS_YEARS_BEFORE, NEWS_YEARS_AFTER = 2, 1


def news_years(dataset: Dataset, indicator: Indicator) -> set[int]:
    """The years a news figure is about: its periods' years, or (no period stated) its sources' years."""
    stated = {
        int(m.period[:4]) for m in (indicator.before, indicator.after) if m is not None and m.period[:4].isdigit()
    }
    if stated:
        return stated
    sources = (dataset.source_by_id.get(s) for s in indicator.sources)
    return {source.date.year for source in sources if source is not None and source.date is not None}


def near_edition(years: set[int], edition: int) -> bool:
    return bool(years) and all(edition - NEWS_YEARS_BEFORE <= y <= edition + NEWS_YEARS_AFTER for y in years)


def edition_news(
    dataset: Dataset, rows: Sequence[IndicatorRow], where: AwardFilter | None
) -> tuple[list[IndicatorRow], int]:
    """The news rows of the winners ``where`` picks, and how many of theirs were left out as too
    far from each one's award years asked for (see NEWS_YEARS_BEFORE). Without a year only the
    winners count."""
    if where is None or not where.active:
        return list(rows), 0
    won: dict[str, set[int]] = {}  # government → the award years asked for
    for award in matching_awards(dataset, where):
        won.setdefault(award.government, set()).add(award.year)
    mine = [row for row in rows if row.government.id in won]
    if where.years is None:
        return mine, 0
    kept = [
        row for row in mine if any(near_edition(news_years(dataset, row.indicator), y) for y in won[row.government.id])
    ]
    return kept, len(mine) - len(kept)
