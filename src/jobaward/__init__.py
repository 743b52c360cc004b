"""jobaward: look up Korea's 전국 지방자치단체 일자리대상 (National Local Government Job Awards).

The library: everything the terminal shows, as typed records, without Typer or Rich::

    import jobaward

    data = jobaward.load()
    gov = jobaward.find_government(data, "강릉시")
    for row in jobaward.awards(data, years={2023}, category="공시제"):
        print(row.award.year, row.government.name, row.award.grade)

Each function imports what it needs when called, so ``import jobaward`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobaward.model import Dataset, Government, Official
    from jobaward.query.awards import AwardRow, Profile
    from jobaward.query.official import Comparison, EditionSummary
    from jobaward.query.stats import Coverage, Stats

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "awards",
    "compare_winners",
    "coverage",
    "find_government",
    "load",
    "official",
    "profile",
    "stats",
    "winners_against_the_rest",
]


def load(*data_files: str | Path, bundled: bool = True) -> Dataset:
    """The bundled dataset with the user's files laid over it, as the CLI loads it (cached)."""
    from jobaward.storage.cache import load_cached
    from jobaward.storage.paths import user_files

    return load_cached(user_files([Path(f) for f in data_files], bundled), bundled).dataset


def find_government(dataset: Dataset, name: str) -> Government:
    """The one government ``name`` means (current, former, short or English name), or LookupFailed."""
    from jobaward.query.names import NameIndex
    from jobaward.query.names import find_government as find

    return find(NameIndex(dataset), name).government


def awards(
    dataset: Dataset,
    *,
    years: Iterable[int] | None = None,
    category: str | Iterable[str] | None = None,
    grade: str | Iterable[str] | None = None,
    province: str | Iterable[str] | None = None,
    level: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    project: str | Iterable[str] | None = None,
    sort: str = "year",
) -> list[AwardRow]:
    """The awards `jobaward list` shows, with the same filters (values in the data's Korean: a
    province by its id; a kind as --kind takes it, 시/군/구). A filter given several values accepts
    any of them."""
    from jobaward.i18n.labels import parse_kind
    from jobaward.query.awards import AwardFilter, list_awards

    def values(given: str | Iterable[str] | None) -> frozenset[str] | None:
        return None if given is None else frozenset([given] if isinstance(given, str) else given)

    projects = values(project)
    where = AwardFilter(
        frozenset(years) if years is not None else None,
        values(category),
        values(grade),
        values(province),
        values(level),
        frozenset(parse_kind(k) or k for k in kinds) if (kinds := values(kind)) is not None else None,
        tuple(sorted(projects)) if projects is not None else None,
    )
    return list_awards(dataset, where, sort)


def profile(dataset: Dataset, name: str) -> Profile:
    """What `jobaward show NAME` shows: names, awards, streaks, indicators, sources."""
    from jobaward.query.awards import profile as build

    return build(dataset, find_government(dataset, name))


def stats(dataset: Dataset, year: int | None = None) -> Stats:
    """`jobaward stats`: counts by grade, category and province, and the leaderboards."""
    from jobaward.query.stats import stats as compute

    return compute(dataset, year)


def coverage(dataset: Dataset) -> list[Coverage]:
    """`jobaward stats --coverage`: per edition, how many of its winners the data holds."""
    from jobaward.query.stats import coverage as compute

    return compute(dataset)


def official() -> Official:
    """The 통계청 (KOSIS) series: the bundled file with the user's imported one laid over it."""
    from jobaward.storage.kosis_files import load_official

    return load_official()


def compare_winners(
    dataset: Dataset, year: int | None = None, names: Iterable[str] = (), window: str = "before"
) -> Comparison:
    """`jobaward compare`: winners' official figures before/after their award, largest change first."""
    from jobaward.query.official import compare_winners as compare

    governments = [find_government(dataset, name) for name in names]
    return compare(official(), dataset, governments, year, window)


def winners_against_the_rest(dataset: Dataset, window: str = "before") -> list[EditionSummary]:
    """`jobaward stats --official`: per edition, the winners' median change against the rest."""
    from jobaward.query.official import edition_summaries

    return edition_summaries(official(), dataset, window)
