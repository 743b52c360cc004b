"""What kind of government it is, as it was on a day: one definition for every command.

#20's peers (query/official: the non-winners of a winner's own kind) and the ``--kind`` filter
of list, compare and stats both ask here, so "a 군 like mine" means the same everywhere.
"""

from __future__ import annotations

from datetime import date

from jobaward.model import DO_GUN, DO_SI, METRO_GU_GUN, SIDO, Award, Dataset, Government, period_day

#: The 특·광역시: their 자치구·군 are surveyed by 지역별고용조사 only from 2021 상반기.
METROS = frozenset({"서울", "부산", "대구", "인천", "광주", "대전", "울산"})


def kind_on(gov: Government, day: date) -> str:
    """시·도; a 특·광역시's 자치구·군; a 도's 시; a 도's 군 — by the 광역 it belonged to and the
    name it carried on ``day`` (군위군: a 도's 군 until 2023-06-30, then one of 대구's 자치구·군)."""
    if gov.level == "광역":
        return SIDO
    if gov.province_on(day) in METROS or gov.name_on(day).endswith("구"):  # 광주's 자치구 stay 자치구 in 전남광주
        return METRO_GU_GUN
    return DO_SI if gov.name_on(day).endswith("시") else DO_GUN


def kind_of(gov: Government, period: str) -> str:
    """The kind on a period's reference day (``2022-H2``: 31 December 2022)."""
    return kind_on(gov, period_day(period))


def award_kind(dataset: Dataset, award: Award) -> str:
    """The kind the winner was on its edition's ceremony day (what ``--kind`` filters on)."""
    return kind_on(dataset.government(award.government), dataset.award_day(award.year))
