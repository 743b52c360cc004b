"""Typed, frozen records for the dataset, and the fixed vocabularies they use.

Records are NamedTuples: immutable and typed like frozen dataclasses, but several times cheaper
to define at start-up and to unpickle from the parse cache (measured: benchmarks/).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, cached_property
from itertools import islice
from typing import NamedTuple

LEVELS: tuple[str, ...] = ("광역", "기초")

#: Grades from highest to lowest; the order is used for sorting and comparing.
GRADES: tuple[str, ...] = ("종합대상", "대상", "최우수상", "우수상", "특별상")

#: 공시제 = 지역일자리 목표 공시제 (job target disclosure); 우수사업 = best job project;
#: 경진대회 = the autumn project contest (2012–2016, a ceremony of its own) that 2017 folded into
#: 우수사업; 경진대회:* name its two sections, plain 경진대회 where a source names no section.
CATEGORIES: tuple[str, ...] = ("공시제", "우수사업", "경진대회:지역맞춤형", "경진대회:사회적기업", "경진대회")

#: Kinds of government (query/kinds.kind_of), each compared with its own kind: a 시·도; a 특·광역시's
#: 자치구·군 (a 광역시's 군, like 달성군, too); a 도's 시; a 도's 군. ``--kind`` picks among the last three.
SIDO, METRO_GU_GUN, DO_SI, DO_GUN = "sido", "metro_gu_gun", "do_si", "do_gun"
KINDS: tuple[str, ...] = (SIDO, METRO_GU_GUN, DO_SI, DO_GUN)

#: Marks a note that records a field printed differently by another source.
CONFLICT_MARK = "보도에 따라 다름"


#: The honours (훈격) the ceremony confers, one spelling each. 상 (an award) and 표창 (a
#: commendation) are different honours and stay apart; 기관표창 (the conferring office not named)
#: and 우수기관 (a designation, not an honour) stay apart from the minister's.
HONORS: tuple[str, ...] = (
    "대통령상",
    "국무총리상",
    "고용노동부장관상",
    "고용노동부장관 표창",
    "기관표창",
    "우수기관 표창",
    "우수기관",
)

#: Spellings found in reports (spaces ignored) → the honour they name. 장관상 / 장관 표창: the
#: only minister conferring at this ceremony is its host, the Minister of Employment and Labor.
#: A grade written into the honour (고용노동부장관 특별상) is the grade's business, not the honour's;
#: 기관 in 장관 기관표창 only says who receives it; 장관상(기관표창) was printed as both, the 상 kept.
HONOR_VARIANTS: dict[str, str] = {
    "장관상": "고용노동부장관상",
    "고용노동부장관": "고용노동부장관상",
    "고용노동부장관(우수)상": "고용노동부장관상",
    "고용노동부장관특별상": "고용노동부장관상",
    "고용노동부장관상(기관표창)": "고용노동부장관상",
    "장관표창": "고용노동부장관 표창",
    "고용노동부장관기관표창": "고용노동부장관 표창",
} | {honor.replace(" ", ""): honor for honor in HONORS}


def canonical_honor(text: str) -> str:
    """The one spelling of the honour ``text`` names; a spelling not on record is kept as written."""
    return HONOR_VARIANTS.get("".join(text.split()), text)


def is_contest(category: str) -> bool:
    """An award of the autumn project contest, not of the 일자리대상 ceremony."""
    return category.startswith("경진대회")


def grade_rank(grade: str) -> int:
    """Position in GRADES, highest first; an unstated grade ranks below every stated one."""
    return GRADES.index(grade) if grade in GRADES else len(GRADES)


#: Units whose values are rates: their changes are percentage points, not percent.
RATE_UNITS: frozenset[str] = frozenset({"%"})


class FormerState(NamedTuple):
    """What a government was called, or where it belonged, up to and including ``until``."""

    until: date
    name: str | None = None
    province: str | None = None


class Government(NamedTuple):
    id: str
    name: str
    level: str
    name_en: str
    province: str | None = None
    former: tuple[FormerState, ...] = ()
    established: date | None = None
    abolished: date | None = None
    successors: tuple[str, ...] = ()
    note: str = ""
    #: other official names it is known by (광주특별시, the 약칭 of 전남광주통합특별시)
    aliases: tuple[str, ...] = ()
    #: sources for its founding, renaming or abolition
    sources: tuple[str, ...] = ()

    @property
    def former_names(self) -> tuple[FormerState, ...]:
        return tuple(state for state in self.former if state.name)

    def name_on(self, day: date) -> str:
        """The name the government carried on ``day``."""
        for state in sorted(self.former_names, key=lambda s: s.until):
            if day <= state.until and state.name:
                return state.name
        return self.name

    def province_on(self, day: date) -> str | None:
        """The id of the 광역 government it belonged to on ``day``."""
        for state in sorted(self.former, key=lambda s: s.until):
            if day <= state.until and state.province:
                return state.province
        return self.province

    def belonged_to(self, province: str) -> bool:
        """It is, or once was, a part of the 광역 ``province`` (an id)."""
        return self.province == province or any(state.province == province for state in self.former)

    def exists_on(self, day: date) -> bool:
        started = self.established is None or self.established <= day
        return started and (self.abolished is None or day <= self.abolished)


class Source(NamedTuple):
    id: str
    publisher: str
    date: date | None = None
    url: str = ""
    seed: str = ""
    title: str = ""

    @property
    def reference(self) -> str:
        """Where to read it: the URL, or (a seed article with no URL) its headline, never a file name."""
        return self.url or self.title


class Edition(NamedTuple):
    """One ceremony: the 일자리대상 of a year, or (``contest``) that year's autumn project contest.

    ``awarded_governments`` counts governments, ``awarded_prizes`` prizes (a government may win
    in both categories); ``awarded_total`` is the count as the edition's source printed it."""

    year: int
    number: int | None = None
    date: date | None = None
    venue: str = ""
    host: str = ""
    awarded_total: int | None = None
    awarded_gongsije: int | None = None
    awarded_project: int | None = None
    eligible: int | None = None
    awarded_governments: int | None = None
    awarded_prizes: int | None = None
    note: str = ""
    sources: tuple[str, ...] = ()
    contest: bool = False
    #: what the sources bound ``awarded_governments`` by when they do not give it (2021: 58–68)
    awarded_governments_min: int | None = None
    awarded_governments_max: int | None = None

    @property
    def awarded_bounds(self) -> tuple[int, int] | None:
        """(fewest, most) governments awarded: the count itself when known, else the bounds."""
        if self.awarded_governments is not None:
            return (self.awarded_governments, self.awarded_governments)
        if self.awarded_governments_min is not None and self.awarded_governments_max is not None:
            return (self.awarded_governments_min, self.awarded_governments_max)
        return None

    @property
    def key(self) -> tuple[int, bool]:
        return (self.year, self.contest)


class Award(NamedTuple):
    year: int
    government: str
    sources: tuple[str, ...]
    category: str = ""
    grade: str = ""
    honor: str = ""
    incentive: int | None = None
    project: str = ""
    note: str = ""
    #: the year rests on a later report's stated streak ("N년 연속"), not on a report of that year
    year_inferred: bool = False

    @property
    def grade_rank(self) -> int:
        return grade_rank(self.grade)

    @property
    def key(self) -> tuple[int, str, str, str]:
        return (self.year, self.government, self.category, self.grade)


Number = int | float


class Measurement(NamedTuple):
    value: Number
    period: str = ""


class Benchmark(NamedTuple):
    value: Number
    label: str


class Indicator(NamedTuple):
    government: str
    name: str
    unit: str
    sources: tuple[str, ...]
    before: Measurement | None = None
    after: Measurement | None = None
    benchmark: Benchmark | None = None
    note: str = ""
    #: another source's print of the same figure (another unit, a slip): kept, never ranked
    superseded: bool = False

    @property
    def is_rate(self) -> bool:
        return self.unit in RATE_UNITS


class Dataset:
    """The whole record: five tuples of records, with indexes built on first use."""

    def __init__(
        self,
        governments: tuple[Government, ...],
        sources: tuple[Source, ...],
        editions: tuple[Edition, ...] = (),
        awards: tuple[Award, ...] = (),
        indicators: tuple[Indicator, ...] = (),
        origins: tuple[str, ...] = (),
    ) -> None:
        self.governments = governments
        self.sources = sources
        self.editions = editions
        self.awards = awards
        self.indicators = indicators
        self.origins = origins

    def __eq__(self, other: object) -> bool:
        """Same records, wherever they were loaded from."""
        if not isinstance(other, Dataset):
            return NotImplemented
        return self.records() == other.records()

    __hash__ = None  # type: ignore[assignment]

    def records(self) -> tuple[tuple[object, ...], ...]:
        return (self.governments, self.sources, self.editions, self.awards, self.indicators)

    @cached_property
    def position(self) -> dict[str, int]:
        """Each government's place in the data's order (광역 first, as in data.toml): the display order."""
        return {gov.id: i for i, gov in enumerate(self.governments)}

    @cached_property
    def government_by_id(self) -> dict[str, Government]:
        return {gov.id: gov for gov in self.governments}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {src.id: src for src in self.sources}

    @cached_property
    def edition_by_year(self) -> dict[int, Edition]:
        """The 일자리대상 ceremonies (not the autumn contests), by year."""
        return {ed.year: ed for ed in self.editions if not ed.contest}

    def edition_of(self, year: int, contest: bool = False) -> Edition:
        return next(ed for ed in self.editions if ed.key == (year, contest))

    def government(self, gov_id: str) -> Government:
        return self.government_by_id[gov_id]

    def award_day(self, year: int) -> date:
        """The ceremony date of a year's edition, or 1 July when no source dates it."""
        edition = self.edition_by_year.get(year)
        if edition and edition.date:
            return edition.date
        return date(year, 7, 1)


# --- official statistics (통계청 KOSIS) -------------------------------------------------------------
# Two surveys, kept apart because their figures are not interchangeable: 지역별고용조사 (half-yearly,
# per 시·군·구) and 경제활동인구조사 (annual, per 시·도 and 전국). Values are kept as the text KOSIS
# printed ("67.2"); ``value`` turns one into a number for arithmetic.

REGIONAL = "지역별고용조사"
NATIONAL = "경제활동인구조사"
ALL_AGES = "계"
WORKING_AGE = "15 - 64세"
YOUTH = "15 - 29세"  # 청년
RATE = "고용률"
EMPLOYED = "취업자"
RSE = "RSE"
UNEMPLOYMENT = "실업률"
NATION = "전국"


class Series(NamedTuple):
    """One published series: a region's figures for one age group and item, period after period.

    ``values[i]`` is the figure of the i-th period from ``start`` as KOSIS printed it ("" where
    it published none); periods are ``2021-H2`` (half-years) or ``2021`` (years).
    """

    survey: str
    label: str  # the region as KOSIS labels it: "강릉시", "서울 종로구", "32 강원도"
    government: str  # our government id, or "전국"
    age: str
    item: str
    unit: str
    start: str
    values: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.survey, self.label, self.government, self.age, self.item)

    @property
    def end(self) -> str:
        """The last period the series reaches ("" for an empty one)."""
        if not self.values:
            return ""
        return period_at(period_index(self.start) + len(self.values) - 1, "-H" in self.start)

    @property
    def points(self) -> list[tuple[str, str]]:
        """(period, value) for every published value."""
        if not self.start:
            return []
        return [(period, text) for period, text in zip(periods_from(self.start), self.values, strict=False) if text]

    def at(self, period: str) -> str:
        """The published value for ``period``, or "" (not published, or outside the series)."""
        if not self.start or ("-H" in period) != ("-H" in self.start):
            return ""
        offset = period_index(period) - period_index(self.start)
        return self.values[offset] if 0 <= offset < len(self.values) else ""


#: A period of a survey is covered (its peer medians mean "all 시·군·구") when it holds at least
#: this share of the regions of the survey's newest period known to be complete.
COVERED_SHARE = 0.9


class Official:
    """Every series loaded, with an index by government built on first use.

    ``bundled`` are the series read from KOSIS's whole tables (the bundle): every period they
    reach is complete. A period only a user's file brings is covered when it holds (nearly) all
    regions (``covered``); a partial download leaves it uncovered, so no median pretends to be
    the median of all 시·군·구.
    """

    def __init__(
        self, series: tuple[Series, ...], origins: tuple[str, ...] = (), bundled: tuple[Series, ...] | None = None
    ) -> None:
        self.series = series
        self.origins = origins
        self.bundled = series if bundled is None else bundled

    @cached_property
    def by_government(self) -> dict[str, tuple[Series, ...]]:
        found: dict[str, list[Series]] = {}
        for series in self.series:
            found.setdefault(series.government, []).append(series)
        return {gov_id: tuple(found[gov_id]) for gov_id in found}

    def of(self, gov_id: str) -> tuple[Series, ...]:
        return self.by_government.get(gov_id, ())

    @cached_property
    def complete(self) -> frozenset[tuple[str, str]]:
        """(survey, period) of every period the bundle's series span (KOSIS's whole tables).

        Series of one shape (survey, first period, length) span alike: each shape is walked once
        (show asks on every period; walking every point cost 12 ms).
        """
        shapes = {(s.survey, s.start, len(s.values)) for s in self.bundled if s.values}
        return frozenset(
            (survey, period) for survey, start, length in shapes for period in islice(periods_from(start), length)
        )

    @cached_property
    def region_counts(self) -> dict[tuple[str, str], int]:
        """(survey, period) → how many governments have a published 고용률 then."""
        return region_counts(self.series)

    def covered(self, period: str, survey: str = REGIONAL) -> bool:
        """Whether ``period`` holds (nearly) all regions of ``survey``: a peer median may use it."""
        if (survey, period) in self.complete:
            return True
        return self.region_counts.get((survey, period), 0) >= COVERED_SHARE * self.reference_count(survey, period)

    def reference_count(self, survey: str, period: str) -> int:
        """The regions of the newest complete period of the same kind (half-year or year), else the most seen."""
        kind = "-H" in period
        complete = [p for s, p in self.complete if s == survey and ("-H" in p) == kind]
        if complete:
            return self.region_counts.get((survey, max(complete, key=period_order)), 0)
        same = [n for (s, p), n in self.region_counts.items() if s == survey and ("-H" in p) == kind]
        return max(same, default=0)


def region_counts(series: Iterable[Series]) -> dict[tuple[str, str], int]:
    """(survey, period) → the number of governments with a published 고용률 (any age group)."""
    found: dict[tuple[str, str], set[str]] = {}
    for s in series:
        if s.item == RATE:
            for period, _ in s.points:
                found.setdefault((s.survey, period), set()).add(s.government)
    return {key: len(governments) for key, governments in found.items()}


def value(text: str) -> float | None:
    """A published value as a number; ``*`` (an RSE mark) and ``""`` (none published) are None."""
    try:
        return float(text)
    except ValueError:
        return None


def period_order(period: str) -> tuple[int, int]:
    """``2021-H2`` → (2021, 2); an annual ``2021`` sorts after both halves of its year."""
    year, _, half = period.partition("-H")
    return int(year), int(half) if half else 3


def period_day(period: str) -> date:
    """The reference day of a period: 30 June for 상반기, 31 December for 하반기 or a year."""
    year, _, half = period.partition("-H")
    return date(int(year), 6, 30) if half == "1" else date(int(year), 12, 31)


@cache  # a few dozen distinct periods, asked for thousands of times by compare's medians
def period_index(period: str) -> int:
    """Consecutive periods have consecutive indexes: half-years count halves, years count years."""
    year, _, half = period.partition("-H")
    return int(year) * 2 + int(half) - 1 if half else int(year)


def period_at(index: int, half_yearly: bool) -> str:
    return f"{index // 2}-H{index % 2 + 1}" if half_yearly else str(index)


def periods_from(start: str) -> Iterator[str]:
    index, half_yearly = period_index(start), "-H" in start
    while True:
        yield period_at(index, half_yearly)
        index += 1


def aligned(points: Iterable[tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    """(period, value) pairs → the first period and the values from there, "" in the gaps."""
    by_index = {period_index(period): (period, text) for period, text in points if text}
    if not by_index:
        return "", ()
    first, last = min(by_index), max(by_index)
    half_yearly = "-H" in by_index[first][0]
    return period_at(first, half_yearly), tuple(by_index.get(i, ("", ""))[1] for i in range(first, last + 1))


def names_of(gov: Government) -> set[str]:
    return {gov.name, *gov.aliases, *(state.name for state in gov.former_names if state.name)}
