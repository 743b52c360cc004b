"""The bootstrap draws a resample's median straight from its law: that law must be exactly the one
of drawing n values with replacement and sorting them (checked by enumerating every resample)."""

from __future__ import annotations

import itertools
import random
import statistics
from collections import Counter

import pytest

from jobaward.query.bootstrap import RESAMPLES, MiddleLaw, bootstrap_gap, median_sampler


def enumerated(n: int) -> dict[tuple[int, int], float]:
    """P(the two middle sorted positions are (a, b)) over all n**n equally likely resamples."""
    counts: Counter[tuple[int, int]] = Counter()
    for draws in itertools.product(range(n), repeat=n):
        ordered = sorted(draws)
        counts[(ordered[(n - 1) // 2], ordered[n // 2])] += 1
    return {pair: count / n**n for pair, count in counts.items()}


def law_of(n: int) -> dict[tuple[int, int], float]:
    """The same probabilities as MiddleLaw draws them: first position, then stay or the lowest above."""
    law = MiddleLaw(n)
    found: dict[tuple[int, int], float] = {}
    for j in range(n):
        here = law.first[j] - (law.first[j - 1] if j else 0.0)
        if n % 2:
            found[(j, j)] = here
            continue
        found[(j, j)] = here * law.stay[j]
        free, above = n - 1 - j, n - law.middle
        for k in range(free):  # the lowest of `above` uniform positions among `free`
            lowest = ((free - k) / free) ** above - ((free - k - 1) / free) ** above
            found[(j, j + 1 + k)] = here * (1 - law.stay[j]) * lowest
    return {pair: p for pair, p in found.items() if p > 1e-15}


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7])
def test_the_middle_draws_follow_the_law_of_sorting_a_resample(n: int) -> None:
    exact, drawn = enumerated(n), law_of(n)
    assert set(drawn) == set(exact)
    for pair, probability in exact.items():
        assert drawn[pair] == pytest.approx(probability, abs=1e-12)


def test_sampled_medians_match_brute_force_resampling() -> None:
    values = [round(random.Random(7).uniform(-3, 3), 1) for _ in range(10)] + [0.4, 0.4, -1.2]
    direct = median_sampler(values)
    fast = [direct(random.Random(f"a{i}")) for i in range(4000)]
    brute = [statistics.median(random.Random(f"b{i}").choices(values, k=len(values))) for i in range(4000)]
    for q in (0.05, 0.25, 0.5, 0.75, 0.95):
        assert sorted(fast)[int(q * 4000)] == pytest.approx(sorted(brute)[int(q * 4000)], abs=0.35)


def test_the_interval_is_seeded_and_holds_the_observed_gap() -> None:
    winners, others = [1.2, 0.4, 2.0, -0.3, 1.1, 0.9], [0.1, -0.2, 0.5, 0.3, 0.0, -0.6, 0.8, 0.2]
    interval = bootstrap_gap(winners, others, "2023:before:do_gun")
    assert interval is not None and interval == bootstrap_gap(winners, others, "2023:before:do_gun")
    gap = statistics.median(winners) - statistics.median(others)
    assert interval[0] <= gap <= interval[1]
    assert bootstrap_gap([1.0], others, "x") is None  # one winner: no interval
    assert RESAMPLES == 1000  # docs/method.md and the table's note say 1,000
