"""Options that behave as people expect: year ranges, sorting, limits, project search, and
compare refusing what it cannot answer."""

from __future__ import annotations

import json

from jobaward.cli.root import year_runs
from jobaward.model import Dataset
from jobaward.query.awards import years_held

from .conftest import Run


def records(run: Run, *args: str) -> list[dict[str, object]]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def test_year_ranges_and_repeated_years(run: Run, dataset: Dataset) -> None:
    got = records(run, "list", "--year", "2019..2020", "--year", "2023")
    wanted = [a for a in dataset.awards if a.year in (2019, 2020, 2023)]
    assert len(got) == len(wanted) and {r["year"] for r in got} == {2019, 2020, 2023}
    repeated = records(run, "list", "-y", "2019", "-y", "2020", "-y", "2021")
    assert records(run, "list", "--year", "2021..2019") == repeated


def test_a_bad_year_is_a_usage_error_in_korean(run: Run) -> None:
    result = run("list", "--year", "2019-2023")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == "jobaward: --year: '2019-2023'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다"
    english = run("list", "--year", "x", "--lang", "en")
    assert "is not a year (2023) or a range (2019..2023)" in english.stderr


def test_sort_by_incentive_and_limit(run: Run, dataset: Dataset) -> None:
    got = records(run, "list", "--sort", "incentive", "--limit", "3")
    amounts = sorted((a.incentive for a in dataset.awards if a.incentive is not None), reverse=True)
    assert [r["incentive_krw"] for r in got] == amounts[:3]
    table = run("list", "--sort", "incentive", "--limit", "3").stdout.splitlines()
    assert table[-1].endswith(f"(전체 {len(dataset.awards):,}건 중 3건)")
    by_grade = [r["grade"] for r in records(run, "list", "--sort", "grade")]
    assert by_grade.index("종합대상") < by_grade.index("대상") < by_grade.index("특별상")
    assert run("list", "--sort", "money").exit_code == 2


def test_project_search(run: Run, dataset: Dataset) -> None:
    got = records(run, "list", "--project", "청년")
    assert len(got) == sum("청년" in a.project for a in dataset.awards) > 0
    assert all("청년" in str(r["project"]) for r in got)


def test_compare_refuses_a_year_with_no_edition(run: Run, dataset: Dataset) -> None:
    result = run("compare", "2022", "2030")
    assert result.exit_code == 2 and result.stdout == ""
    listed = year_runs(years_held(dataset))
    assert result.stderr.strip() == f"jobaward: 2030년 회차나 수상 기록이 없습니다. 있는 연도: {listed}"


def test_compare_names_every_government_it_could_not_find(run: Run) -> None:
    result = run("compare", "강릉시", "강늉시", "중구")
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "jobaward: 지자체를 하나로 찾지 못한 이름 2개: '강늉시', '중구'"
    assert "  강늉시: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:" in lines
    assert "    서울 중구" in lines
    english = run("compare", "강릉시", "강늉시", "중구", "--lang", "en").stderr.splitlines()
    assert english[:3] == [
        "jobaward: 2 names found no single government: '강늉시', '중구'",
        "  강늉시: no government called '강늉시'. Did you mean:",
        "    강릉시",
    ]
    assert "  중구: '중구' matches 6 governments; say which one:" in english


def test_compare_says_when_a_government_has_no_indicators(run: Run, dataset: Dataset) -> None:
    with_indicators = {i.government for i in dataset.indicators}
    quiet = next(a.government for a in dataset.awards if a.government not in with_indicators)
    name = dataset.government(quiet).name
    result = run("compare", "강릉시", quiet, "--news")
    assert result.exit_code == 0
    assert f"참고: {name}의 고용 지표 기록이 없습니다." in result.stderr


def test_a_former_name_gets_a_note_in_the_chosen_language(run: Run) -> None:
    korean = run("show", "강원도")
    assert korean.exit_code == 0
    assert korean.stderr == "참고: '강원도'은(는) 2023-06-10까지의 이름이며, 현재 이름은 강원특별자치도입니다.\n"
    english = run("show", "강원도", "--lang", "en")
    assert english.stderr == "note: '강원도' was renamed 강원특별자치도 after 2023-06-10.\n"
