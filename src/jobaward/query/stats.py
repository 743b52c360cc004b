"""What the awards say, computed from the data: edition statistics, leaderboards, how two
editions differ, a government's timeline. Pure functions, no I/O."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from jobaward.model import CATEGORIES, GRADES, Award, Dataset, Government, grade_rank, is_contest
from jobaward.query.awards import AwardFilter, Streak, Totals, best_grades, matching_awards, streaks, totals, years_held


class Count(NamedTuple):
    key: str
    awards: int


class ProvinceCount(NamedTuple):
    province: Government
    awards: int
    governments: int


class Leader(NamedTuple):
    government: Government
    province: Government | None
    streak: Streak | None
    incentive: int


class Stats(NamedTuple):
    year: int | None
    totals: Totals
    by_category: tuple[Count, ...]
    by_grade: tuple[Count, ...]
    by_province: tuple[ProvinceCount, ...]
    governments_held: int
    edition_awarded: int | None
    filtered: bool  # awards narrowed beyond the year: edition_awarded still counts the whole edition
    first_time: tuple[Government, ...]
    streak_leaders: tuple[Leader, ...]
    incentive_leaders: tuple[Leader, ...]


class Movement(NamedTuple):
    """One government between two editions; a grade is '' when the source gave none."""

    government: Government
    province: Government | None
    before: str | None
    after: str | None

    @property
    def kind(self) -> str:
        """up, down, same, unclear (a grade not given), new (not in the first year's records) or gone."""
        if self.before is None:
            return "new"
        if self.after is None:
            return "gone"
        if not self.before or not self.after:
            return "unclear"  # a grade the source did not give is not a lower grade
        difference = grade_rank(self.after) - grade_rank(self.before)
        return "up" if difference < 0 else "down" if difference > 0 else "same"


KINDS = ("up", "down", "same", "unclear", "new", "gone")


def province_of(dataset: Dataset, award: Award) -> Government:
    """The 광역 an award counts under: a 광역 itself; a 기초's 광역 on the ceremony day (광주
    광산구's 2024 award counts under 광주광역시, not under 전남광주통합특별시 it belongs to today)."""
    gov = dataset.government(award.government)
    province = gov.province_on(dataset.award_day(award.year))
    return gov if province is None else dataset.government(province)


def counted(values: Iterable[str], order: Sequence[str]) -> tuple[Count, ...]:
    """Counts in the vocabulary's order; an unstated value ('') last."""
    tally = Counter(values)
    keys = [key for key in order if tally[key]] + ([""] if tally[""] else [])
    return tuple(Count(key, tally[key]) for key in keys)


def first_years(dataset: Dataset) -> dict[str, int]:
    first: dict[str, int] = {}
    for award in dataset.awards:
        first[award.government] = min(award.year, first.get(award.government, award.year))
    return first


def leaders(
    dataset: Dataset, limit: int, awards: Iterable[Award] | None = None
) -> tuple[tuple[Leader, ...], tuple[Leader, ...]]:
    """All-time leaderboards (of ``awards``, default all): longest run of consecutive award years,
    and total incentive."""
    years: dict[str, set[int]] = defaultdict(set)
    money: Counter[str] = Counter()
    for award in dataset.awards if awards is None else awards:
        years[award.government].add(award.year)
        money[award.government] += award.incentive or 0
    board = []
    for gov_id, held in years.items():
        runs = streaks(held)
        longest = max(runs, key=lambda s: (s.length, s.end)) if runs else None
        gov = dataset.government(gov_id)
        board.append(Leader(gov, dataset.government_by_id.get(gov.province or ""), longest, money[gov_id]))
    by_streak = sorted(
        board,
        key=lambda x: (-(x.streak.length if x.streak else 0), -(x.streak.end if x.streak else 0), x.government.id),
    )
    by_money = sorted((x for x in board if x.incentive), key=lambda x: (-x.incentive, x.government.id))
    return tuple(by_streak[:limit]), tuple(by_money[:limit])


def stats(dataset: Dataset, year: int | None = None, limit: int = 10, where: AwardFilter | None = None) -> Stats:
    """One edition's statistics (all editions without ``year``) of the awards ``where`` accepts.

    The leaderboards stay all-time (``where`` without its years); a first-time winner is one
    whose first award of any kind is in ``year``.
    """
    awards = [a for a in matching_awards(dataset, where) if year is None or a.year == year]
    governments = {a.government for a in awards}
    per_province: dict[str, list[Award]] = defaultdict(list)
    for award in awards:
        per_province[province_of(dataset, award).id].append(award)
    order = dataset.position
    by_province = sorted(
        (
            ProvinceCount(dataset.government(pid), len(held), len({a.government for a in held}))
            for pid, held in per_province.items()
        ),
        key=lambda p: (-p.awards, order[p.province.id]),
    )
    first = first_years(dataset)
    first_time = tuple(
        dataset.government(g)
        for g in sorted(governments, key=order.__getitem__)
        if year is not None and first[g] == year
    )
    edition = dataset.edition_by_year.get(year) if year is not None else None
    all_time = where._replace(years=None) if where is not None else None
    streak_leaders, incentive_leaders = leaders(dataset, limit, matching_awards(dataset, all_time))
    return Stats(
        year=year,
        totals=totals(awards),
        by_category=counted((a.category for a in awards), CATEGORIES),
        by_grade=counted((a.grade for a in awards), GRADES),
        by_province=tuple(by_province),
        governments_held=len(governments),
        edition_awarded=edition.awarded_governments if edition else None,
        filtered=where is not None and where._replace(years=None).active,
        first_time=first_time,
        streak_leaders=streak_leaders,
        incentive_leaders=incentive_leaders,
    )


def grades_of_year(dataset: Dataset, year: int) -> dict[str, str]:
    """Each government's highest grade that year ('' when only ungraded awards are recorded)."""
    best = best_grades(award for award in dataset.awards if award.year == year)
    return {gov_id: grade for (gov_id, _), grade in best.items()}


def compare_years(dataset: Dataset, first: int, second: int) -> list[Movement]:
    """How the governments in two editions' records moved: up, down, same, new, gone."""
    before, after = grades_of_year(dataset, first), grades_of_year(dataset, second)
    order = dataset.position
    rows = []
    for gov_id in before.keys() | after.keys():
        gov = dataset.government(gov_id)
        province = dataset.government_by_id.get(gov.province or "")
        rows.append(Movement(gov, province, before.get(gov_id), after.get(gov_id)))
    return sorted(rows, key=lambda m: (KINDS.index(m.kind), order[m.government.id]))


class Coverage(NamedTuple):
    """One edition: how many governments it awarded (and how many prizes, where a source gives
    both), against how many governments our data holds. The share is of governments: one
    government may win a prize in each category."""

    year: int
    number: int | None
    awarded: int | None
    prizes: int | None
    governments_held: int
    records: int
    #: (fewest, most) governments awarded: ``awarded`` twice when known, else the bounds the
    #: sources give (2021: 58–68), else None
    bounds: tuple[int, int] | None = None

    @property
    def share(self) -> float | None:
        return self.governments_held / self.awarded * 100 if self.awarded else None

    @property
    def share_bounds(self) -> tuple[float, float] | None:
        """(lowest, highest) share when only the bounds of ``awarded`` are known."""
        if self.bounds is None or not self.bounds[0]:
            return None
        fewest, most = self.bounds
        return (self.governments_held / most * 100, self.governments_held / fewest * 100)


def coverage(dataset: Dataset) -> list[Coverage]:
    """Every year with a 일자리대상 edition record or award, newest first. The autumn project
    contest (경진대회, 2012–2016) was a ceremony of its own: its awards are not counted here."""
    ceremony = [a for a in dataset.awards if not is_contest(a.category)]
    rows = []
    for year in reversed(years_held(dataset)):
        edition = dataset.edition_by_year.get(year)
        held = [a for a in ceremony if a.year == year]
        rows.append(
            Coverage(
                year,
                edition.number if edition else None,
                edition.awarded_governments if edition else None,
                edition.awarded_prizes if edition else None,
                len({a.government for a in held}),
                len(held),
                edition.awarded_bounds if edition else None,
            )
        )
    return rows
