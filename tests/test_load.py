"""Loading validates: a broken record is a DataError naming the record and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobaward.errors import DataError
from jobaward.storage.toml_data import load_file, parse_dataset

HEADER = """
[[sources]]
id = "s1"
publisher = "뉴스"
url = "https://example.org/1"

[[governments]]
id = "강원"
name = "강원특별자치도"
level = "광역"
name_en = "Gangwon State"

[[governments]]
id = "강원 강릉시"
name = "강릉시"
level = "기초"
province = "강원"
name_en = "Gangneung-si"
"""

AWARD = """
[[awards]]
year = 2023
government = "강원 강릉시"
category = "공시제"
grade = "특별상"
sources = ["s1"]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_dataset(text.encode(), "user.toml")
    return [str(p) for p in caught.value.problems]


def test_a_valid_document_loads_into_frozen_records() -> None:
    dataset = parse_dataset((HEADER + AWARD).encode(), "user.toml")
    award = dataset.awards[0]
    assert (award.year, award.government, award.grade) == (2023, "강원 강릉시", "특별상")
    with pytest.raises(AttributeError):
        award.year = 2024  # type: ignore[misc]


def test_a_year_that_is_text_names_record_and_field() -> None:
    assert problems(HEADER + AWARD.replace("year = 2023", 'year = "abc"')) == [
        "user.toml:awards[0].year: expected a year between 2010 and 2100, got 'abc'"
    ]


def test_unknown_grade_lists_the_valid_ones() -> None:
    assert problems(HEADER + AWARD.replace('"특별상"', '"금상"')) == [
        "user.toml:awards[0].grade: expected one of 종합대상, 대상, 최우수상, 우수상, 특별상, got '금상'"
    ]


def test_references_must_resolve() -> None:
    text = HEADER + AWARD.replace('"강원 강릉시"', '"강원 속초"').replace('["s1"]', '["s9"]')
    assert problems(text) == [
        "user.toml:awards[0].sources: unknown source 's9'",
        "user.toml:awards[0].government: unknown government '강원 속초'",
    ]


def test_an_award_without_a_source_is_refused() -> None:
    assert problems(HEADER + AWARD.replace('sources = ["s1"]', "sources = []")) == [
        "user.toml:awards[0].sources: must name at least one"
    ]


def test_duplicate_awards_are_refused() -> None:
    assert problems(HEADER + AWARD + AWARD) == [
        "user.toml:awards[1]: duplicate: the same key (year, government, category, grade) as awards[0]"
    ]


def test_a_misspelt_field_is_reported() -> None:
    assert problems(HEADER + AWARD.replace("grade =", "grde =")) == ["user.toml:awards[0].grde: unknown field"]


def test_a_bool_is_not_a_number() -> None:
    assert problems(HEADER + AWARD + "incentive = true\n") == [
        "user.toml:awards[0].incentive: expected a whole number, got true"
    ]


def test_toml_syntax_errors_give_line_and_column() -> None:
    assert problems(HEADER + "\n[[awards]]\nyear = = 2023\n") == ["user.toml:21:8: Invalid value"]


BROKEN_SYNTAX = [
    ("a = [1, 2", "배열이 닫히지 않았습니다"),
    ('a = "x', "문자열이 닫히지 않았습니다"),
    ("a = 1\na = 2", "이미 있는 값을 덮어쓸 수 없습니다"),
    ("[t\n", "테이블 선언 끝에 ']'가 있어야 합니다"),
    ("a 1", "키 다음에 '='가 있어야 합니다"),
    ("a = 1 b", "한 문장 뒤에는 줄바꿈이나 파일 끝이 와야 합니다"),
    ("a = {x = 1", "인라인 테이블이 닫히지 않았습니다"),
    ('a = "\\q"', "문자열 안의 '\\'가 이스케이프되지 않았습니다"),
    ("$ = 1", "알 수 없는 문장입니다"),
    ("[a]\n[a]", "('a',)을(를) 두 번 선언할 수 없습니다"),
    ("a = {b = 1, b = 2}", "인라인 테이블에 키 'b'이(가) 두 번 있습니다"),
]


@pytest.mark.parametrize(("text", "korean"), BROKEN_SYNTAX)
def test_toml_syntax_errors_are_said_in_korean_too(text: str, korean: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_dataset(text.encode(), "user.toml")
    (found,) = caught.value.problems
    assert found.text(english=False) == f"TOML 문법 오류: {korean}"
    assert found.text(english=True) == str(found).split(": ", 1)[1]  # tomllib's own English words
    assert "TOML" not in found.text(english=True)


def test_invalid_utf8_is_a_data_error() -> None:
    with pytest.raises(DataError) as caught:
        parse_dataset(b"schema = 1\n\xff\xfe", "bad.toml")
    assert str(caught.value.problems[0]) == "bad.toml:2:0: not valid UTF-8 text"


def test_missing_file_and_directory_are_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_file(tmp_path / "nope.toml")
    with pytest.raises(DataError, match="is a directory"):
        load_file(tmp_path)


def test_indicator_needs_a_value_and_takes_numeric_periods() -> None:
    indicator = """
[[indicators]]
government = "강원 강릉시"
indicator = "취업자수"
unit = "명"
before = { period = 2020, value = 1 }
after = { period = "2021", value = 2 }
sources = ["s1"]
"""
    dataset = parse_dataset((HEADER + indicator).encode(), "user.toml")
    assert dataset.indicators[0].before and dataset.indicators[0].before.period == "2020"
    empty = indicator.replace("before = { period = 2020, value = 1 }\n", "").replace(
        'after = { period = "2021", value = 2 }\n', ""
    )
    assert problems(HEADER + empty) == [
        "user.toml:indicators[0].after: an indicator needs an after value, a before value, or both"
    ]


def test_a_province_must_be_a_known_광역() -> None:
    assert problems(HEADER.replace('province = "강원"', 'province = "강릉"')) == [
        "user.toml:governments[1].province: unknown 광역 government '강릉'"
    ]


EDITION = """
[[editions]]
year = 2014
number = 3
sources = ["s1"]
"""


def test_a_year_holds_the_ceremony_and_its_autumn_contest_apart() -> None:
    contest = EDITION.replace("number = 3", "contest = true")
    dataset = parse_dataset((HEADER + EDITION + contest).encode(), "user.toml")
    assert [(e.year, e.contest, e.number) for e in dataset.editions] == [(2014, False, 3), (2014, True, None)]
    assert dataset.edition_by_year[2014].number == 3 and dataset.edition_of(2014, contest=True).number is None
    assert problems(HEADER + contest + contest) == [
        "user.toml:editions[1]: duplicate: the same key (year, contest) as editions[0]"
    ]


def test_flags_are_true_or_false() -> None:
    assert problems(HEADER + AWARD + 'year_inferred = "yes"\n') == [
        "user.toml:awards[0].year_inferred: expected true or false, got 'yes'"
    ]
    dataset = parse_dataset((HEADER + AWARD + "year_inferred = true\n").encode(), "user.toml")
    assert dataset.awards[0].year_inferred
