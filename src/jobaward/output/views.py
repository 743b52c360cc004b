"""Each command's result as a View: a table for people, records for scripts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jobaward.i18n.labels import Labels
from jobaward.model import Dataset
from jobaward.output import records as machine
from jobaward.output.emit import View
from jobaward.query.awards import AwardRow, IndicatorRow, Profile, totals

if TYPE_CHECKING:  # only list, show and compare run on every start; insight is for stats
    from jobaward.query.stats import Coverage, Movement, Stats


def awards(
    dataset: Dataset, rows: Sequence[AwardRow], of: int | None = None, keep: frozenset[str] = frozenset()
) -> View:
    """``rows`` as a table and records; ``of``: how many matched, when --limit showed fewer;
    ``keep``: columns (label keys) the user filtered or sorted on, kept at any width."""

    def table(labels: Labels) -> Any:
        from jobaward.output.tables import awards_view
        from jobaward.query.names import shared_names

        return awards_view(rows, totals(row.award for row in rows), labels, of, keep, shared_names(dataset))

    def records() -> list[machine.Record]:
        return [machine.award_record(dataset, row) for row in rows]

    return View(
        table=table,
        document=records,
        rows=records,
        columns=machine.AWARD_KEYS,
        empty=not rows,
        empty_message="no_results",
        title="jobaward list",
    )


def profile(dataset: Dataset, result: Profile) -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.tables import profile_view

        return profile_view(result, labels)

    return View(
        table=table,
        document=lambda: machine.profile_document(dataset, result),
        rows=lambda: machine.profile_rows(dataset, result),
        columns=machine.PROFILE_ROW_KEYS,
        title=f"jobaward show {result.government.name}",
    )


def indicators(dataset: Dataset, rows: Sequence[IndicatorRow]) -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.tables import compare_view
        from jobaward.query.names import shared_names

        return compare_view(rows, labels, shared_names(dataset))

    def records() -> list[machine.Record]:
        return [machine.indicator_record(dataset, row) for row in rows]

    return View(
        table=table,
        document=records,
        rows=records,
        columns=machine.INDICATOR_KEYS,
        empty=not rows,
        empty_message="no_indicator_rows",
        title="jobaward compare",
    )


def stats(result: Stats, span: str | None = None) -> View:
    """``span``: several years asked for (2022..2023), named in the title."""

    def table(labels: Labels) -> Any:
        from jobaward.output.tables import stats_view

        return stats_view(result, labels, span)

    return View(
        table=table,
        document=lambda: machine.stats_document(result),
        rows=lambda: machine.stats_rows(result),
        columns=machine.STATS_ROW_KEYS,
        empty=result.totals.number == 0,
        empty_message="no_results",
        title="jobaward stats",
    )


def years(movements: Sequence[Movement], first: int, second: int) -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.tables import years_view

        return years_view(movements, first, second, labels)

    def records() -> list[machine.Record]:
        return [machine.movement_record(move, first, second) for move in movements]

    return View(
        table=table,
        document=records,
        rows=records,
        columns=machine.MOVEMENT_KEYS,
        empty=not movements,
        empty_message="no_results",
        title=f"jobaward compare {first} {second}",
    )


def coverage(rows: Sequence[Coverage]) -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.tables import coverage_view

        return coverage_view(rows, labels)

    def records() -> list[machine.Record]:
        return [machine.coverage_record(row) for row in rows]

    return View(
        table=table,
        document=records,
        rows=records,
        columns=machine.COVERAGE_KEYS,
        empty=not rows,
        empty_message="no_results",
        title="jobaward stats --coverage",
    )
