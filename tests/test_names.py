"""Lookups: every way people write a government's name finds the one right government."""

from __future__ import annotations

import unicodedata

import pytest

from jobaward.errors import LookupFailed, UsageProblem
from jobaward.query.names import NameIndex, find_government, find_province


def found(index: NameIndex, text: str) -> str:
    return find_government(index, text).government.id


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("강릉시", "강원 강릉시"),
        ("강릉", "강원 강릉시"),
        ("Gangneung-si", "강원 강릉시"),
        ("gangneung-si", "강원 강릉시"),
        ("GANGNEUNG", "강원 강릉시"),
        ("gangneung si", "강원 강릉시"),
        ("강원 강릉시", "강원 강릉시"),
        ("강원특별자치도 강릉시", "강원 강릉시"),
        ("강원도 강릉시", "강원 강릉시"),
        ("강원도", "강원"),
        ("강원특별자치도", "강원"),
        ("Gangwon", "강원"),
        ("gangwon state", "강원"),
        ("전라북도", "전북"),
        ("부산 중구", "부산 중구"),
        ("부산광역시 중구", "부산 중구"),
        ("Busan Jung-gu", "부산 중구"),
        ("경남 고성군", "경남 고성군"),
        ("경상남도 고성군", "경남 고성군"),
        ("광주시", "경기 광주시"),
        ("광주광역시", "광주"),
        ("서울", "서울"),
        ("세종", "세종"),
        ("인천 남구", "인천 미추홀구"),
        ("미추홀구", "인천 미추홀구"),
        ("여주군", "경기 여주시"),
        ("경북 군위군", "대구 군위군"),
        ("군위군", "대구 군위군"),
        ("인천 중구", "인천 중구"),
        ("제물포구", "인천 제물포구"),
        ("영종구", "인천 영종구"),
        ("검단구", "인천 검단구"),
        ("청원군", "충북 청원군"),
    ],
)
def test_forms_people_type(index: NameIndex, typed: str, expected: str) -> None:
    assert found(index, typed) == expected


def test_input_is_normalised(index: NameIndex) -> None:
    assert found(index, unicodedata.normalize("NFD", "강릉시")) == "강원 강릉시"
    assert found(index, "  강원   강릉시  ") == "강원 강릉시"
    assert found(index, "Ｇａｎｇｎｅｕｎｇ－ｓｉ") == "강원 강릉시"
    assert found(index, "강릉시\u3000") == "강원 강릉시"


def test_former_name_match_says_when_it_changed(index: NameIndex) -> None:
    match = find_government(index, "강원도")
    assert match.former is not None
    assert (match.former.name, match.former.until.isoformat()) == ("강원도", "2023-06-10")
    assert find_government(index, "강원특별자치도").former is None


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("중구", ["서울 중구", "부산 중구", "대구 중구", "인천 중구", "대전 중구", "울산 중구"]),
        ("고성군", ["강원 고성군", "경남 고성군"]),
        ("광주", ["광주광역시", "전남광주통합특별시", "경기 광주시"]),  # the 약칭 광주특별시 shortens to 광주 too
        ("남구", ["부산 남구", "대구 남구", "인천 미추홀구", "광주 남구", "울산 남구"]),
    ],
)
def test_ambiguous_names_list_every_candidate(index: NameIndex, typed: str, candidates: list[str]) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_government(index, typed)
    assert list(caught.value.candidates) == candidates
    for candidate in candidates:
        assert find_government(index, candidate).government.id


def test_unknown_name_gets_close_suggestions(index: NameIndex) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_government(index, "강늉시")
    assert caught.value.candidates[0] == "강릉시"
    assert len(caught.value.candidates) <= 3


def test_nothing_close_means_no_suggestions(index: NameIndex) -> None:
    with pytest.raises(LookupFailed) as caught:
        find_government(index, "Atlantis")
    assert caught.value.candidates == ()
    assert str(caught.value) == "no government called 'Atlantis'."


@pytest.mark.parametrize("typed", ["강원", "강원도", "Gangwon", "강원특별자치도", "gangwon state"])
def test_province_filter_forms(index: NameIndex, typed: str) -> None:
    assert find_province(index, typed).id == "강원"


def test_province_filter_refuses_a_기초(index: NameIndex) -> None:
    with pytest.raises(UsageProblem, match="unknown province '강릉시'; expected one of: 서울, 부산"):
        find_province(index, "강릉시")
