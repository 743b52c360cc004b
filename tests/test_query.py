"""The query layer's figures, on the small frozen dataset (tests/fixtures/mini.toml)."""

from __future__ import annotations

from jobaward.model import Dataset
from jobaward.output.text import won
from jobaward.query.awards import (
    AwardFilter,
    Streak,
    compare_indicators,
    exact_difference,
    list_awards,
    profile,
    streaks,
    totals,
)


def test_streaks_join_consecutive_years() -> None:
    assert streaks([2018, 2019, 2020, 2022, 2013, 2019]) == (Streak(2013, 2013), Streak(2018, 2020), Streak(2022, 2022))
    assert streaks([]) == ()


def test_gangwon_streak_crosses_its_rename(mini: Dataset) -> None:
    result = profile(mini, mini.government("강원"))
    assert result.longest_streak == Streak(2022, 2023)
    names = {row.award.year: row.name_then for row in result.awards}
    assert names[2022] == "강원도" and names[2023] == "강원특별자치도"


def test_list_filters_by_year_and_sorts_by_grade(mini: Dataset) -> None:
    rows = list_awards(mini, AwardFilter(years=frozenset({2022})))
    # grade first, then 공시제 / 우수사업 / category not stated, then the data's government order;
    # awards whose grade no source gave come last
    assert [(r.government.id, r.award.category, r.award.grade) for r in rows] == [
        ("전남", "공시제", "종합대상"),
        ("강원", "공시제", "대상"),
        ("충북 청주시", "공시제", "대상"),
        ("강원 춘천시", "공시제", "우수상"),
        ("전남 여수시", "", "우수상"),
        ("강원 강릉시", "공시제", "특별상"),
        ("경북", "", ""),
    ]
    # 강원 2억 4,000만 + 청주 1억 3,500만 + 춘천 6,500만 + 강릉 5,500만
    assert totals(r.award for r in rows).incentive == 495_000_000


def test_province_filter_keeps_the_province_and_its_governments(mini: Dataset) -> None:
    rows = list_awards(mini, AwardFilter(years=frozenset({2023}), provinces=frozenset({"강원"})))
    assert {r.government.id for r in rows} == {"강원", "강원 춘천시", "강원 강릉시", "강원 영월군"}
    basic = list_awards(
        mini, AwardFilter(years=frozenset({2023}), provinces=frozenset({"강원"}), levels=frozenset({"기초"}))
    )
    assert "강원" not in {r.government.id for r in basic}


def test_exact_difference_has_no_float_noise() -> None:
    assert exact_difference(61.4, 60.9) == 0.5
    assert exact_difference(118100, 112500) == 5600


def test_gangneung_employment_change(mini: Dataset) -> None:
    rows = compare_indicators(mini, [mini.government("강원 강릉시")], {"취업자수"})
    change = rows[0].change
    assert change is not None
    assert change.absolute == 5600
    assert round(change.percent or 0, 1) == 5.0


def test_rates_change_in_points_and_benchmark_gap(mini: Dataset) -> None:
    rows = compare_indicators(mini, [mini.government("강원 강릉시")], {"고용률", "여성 고용률"})
    female = next(r for r in rows if r.indicator.name == "여성 고용률")
    assert female.change and female.change.in_points and female.change.absolute == 0.5
    assert female.change.percent is None
    rate_2021 = next(r for r in rows if r.indicator.benchmark)
    assert rate_2021.benchmark_gap == 0.7


def test_compare_without_names_puts_the_largest_change_first(mini: Dataset) -> None:
    rows = compare_indicators(mini)
    ordered = [r.change.sort_value for r in rows if r.change]
    assert ordered == sorted(ordered, reverse=True)
    assert rows[0].government.id == "강원 강릉시" and rows[0].indicator.name == "일자리 전담 조직 인력"
    assert all(r.change is None for r in rows[len(ordered) :])


def test_won_reads_as_korean_money() -> None:
    assert won(135_000_000) == "1억 3,500만원"
    assert won(55_000_000) == "5,500만원"
    assert won(400_000_000) == "4억원"
    assert won(1_212_600_000_000) == "1조 2,126억원"
    assert won(12_345) == "1만 2,345원"
    assert won(0) == "0원"
    assert won(-5_000_000) == "-500만원"
    assert won(135_000_000, english=True) == "₩135,000,000"


def test_exact_difference_is_the_decimal_difference() -> None:
    """The fast route (rounding to the figures' places) agrees with exact decimal arithmetic."""
    from decimal import Decimal

    from jobaward.query.awards import exact_difference

    pairs = [(61.4, 60.9), (67.2, 66.5), (0.3, 0.1), (118100.5, 112500.25), (1.000001, 0.3), (5, 2.5), (1e-07, 0.1)]
    for after, before in pairs:
        assert exact_difference(after, before) == float(Decimal(repr(after)) - Decimal(repr(before)))
    assert exact_difference(61.4, 60.9) == 0.5
