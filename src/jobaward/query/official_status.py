"""`official status`: which periods come from the bundle and which from the user's file, and
whether each period is covered (holds (nearly) all regions: Official.covered). No I/O."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from jobaward.model import RATE, Official, Series, period_order


class PeriodCoverage(NamedTuple):
    survey: str
    period: str
    source: str  # "bundle", "user" or "bundle+user"
    regions: int  # governments with a published 고용률 in that period, all layers together
    expected: int  # the regions of the survey's newest complete period
    covered: bool
    from_user: tuple[str, ...]  # the governments the user's file brings for that period


def coverage(official: Official, user: Sequence[Series]) -> list[PeriodCoverage]:
    """Every (survey, period) with a 고용률, in order, with where it comes from."""
    brought: dict[tuple[str, str], set[str]] = {}
    for series in user:
        if series.item == RATE:
            for period, _ in series.points:
                brought.setdefault((series.survey, period), set()).add(series.government)
    keys = sorted(official.region_counts, key=lambda key: (key[0], period_order(key[1])))
    found = []
    for survey, period in keys:
        in_bundle = (survey, period) in official.complete
        users = brought.get((survey, period), set())
        source = "bundle+user" if in_bundle and users else "bundle" if in_bundle else "user"
        found.append(
            PeriodCoverage(
                survey,
                period,
                source,
                official.region_counts[(survey, period)],
                official.reference_count(survey, period),
                official.covered(period, survey),
                tuple(sorted(users)),
            )
        )
    return found
