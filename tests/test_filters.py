"""The shared filters: repeats combine (OR within a filter, AND across), a category holds its
sections, --kind 시|군|구, the same filters on list, compare and stats; columns the user
filtered on are kept; shell completion of names and option values."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jobaward.cli import app
from jobaward.cli.options import complete_government, complete_kinds, complete_provinces, complete_years, shell_word
from jobaward.i18n.labels import parse_kind
from jobaward.model import CATEGORIES, DO_GUN, DO_SI, METRO_GU_GUN, SIDO, Dataset
from jobaward.query.awards import AwardFilter, edition_news, list_awards, news_years
from jobaward.query.kinds import award_kind, kind_of

from .conftest import Run


def records(result: object) -> list[dict[str, object]]:
    assert getattr(result, "exit_code", None) == 0, getattr(result, "stderr", "")
    found: list[dict[str, object]] = json.loads(getattr(result, "stdout", ""))
    return found


def test_a_category_holds_its_sections(mini_run: Run, mini: Dataset) -> None:
    rows = records(mini_run("list", "--year", "2013", "--category", "경진대회", "-f", "json"))
    expected = [a for a in mini.awards if a.year == 2013 and a.category.startswith("경진대회")]
    assert len(rows) == len(expected)
    assert {r["category"] for r in rows} == {"경진대회:지역맞춤형", "경진대회:사회적기업"}
    section = records(mini_run("list", "--year", "2013", "--category", "경진대회:사회적기업", "-f", "json"))
    assert {r["category"] for r in section} == {"경진대회:사회적기업"}


def test_repeats_of_one_filter_are_alternatives(run: Run, dataset: Dataset) -> None:
    both = records(run("list", "--category", "우수사업", "--category", "공시제", "-f", "json"))
    assert {r["category"] for r in both} == {"우수사업", "공시제"}
    assert len(both) == sum(a.category in ("우수사업", "공시제") for a in dataset.awards)
    grades = records(run("list", "--year", "2023", "-g", "대상", "-g", "Top Excellence Award", "-f", "json"))
    assert {r["grade"] for r in grades} == {"대상", "최우수상"}


def test_different_filters_all_apply(run: Run, dataset: Dataset) -> None:
    rows = records(run("list", "--year", "2019..2023", "--category", "공시제", "--kind", "군", "-f", "json"))
    expected = [
        a
        for a in dataset.awards
        if 2019 <= a.year <= 2023 and a.category == "공시제" and award_kind(dataset, a) == DO_GUN
    ]
    assert rows and len(rows) == len(expected)


def test_kinds_of_government(dataset: Dataset) -> None:
    """One definition, as the government was on the period's reference day."""
    kinds = {gov.id: kind_of(gov, "2023-H2") for gov in dataset.governments}
    assert kinds["강원 강릉시"] == DO_SI
    assert kinds["강원 영월군"] == DO_GUN
    assert kinds["인천 미추홀구"] == METRO_GU_GUN
    assert kinds["대구 달성군"] == METRO_GU_GUN  # a 광역시's 군 is one of its 자치구·군
    assert kinds["강원"] == SIDO
    군위군 = dataset.government("대구 군위군")
    assert (kind_of(군위군, "2023-H1"), kind_of(군위군, "2023-H2")) == (DO_GUN, METRO_GU_GUN)  # 경북 → 대구
    # 광주's 자치구 under 전남광주통합특별시 (from 2026-07-01) stay 자치구; 전남's 시·군 stay 시·군
    assert kind_of(dataset.government("광주 동구"), "2026-H2") == METRO_GU_GUN
    assert kind_of(dataset.government("전남 여수시"), "2026-H2") == DO_SI


def test_kind_filters_on_the_award_day(run: Run, dataset: Dataset) -> None:
    """여주군 became 여주시 on 2013-09-23: its 2013 award is a 군's, its 2016 one a 시's."""
    counties = records(run("list", "--year", "2013", "--year", "2016", "--kind", "군", "-f", "json"))
    cities = records(run("list", "--year", "2013", "--year", "2016", "--kind", "시", "-f", "json"))
    assert {r["year"] for r in counties if r["government_id"] == "경기 여주시"} == {2013}
    assert {r["year"] for r in cities if r["government_id"] == "경기 여주시"} == {2016}


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("시", DO_SI),
        ("도의 군", DO_GUN),
        ("County", DO_GUN),
        ("자치구", METRO_GU_GUN),
        ("특·광역시 자치구·군", METRO_GU_GUN),
        ("city", DO_SI),
        ("do_gun", DO_GUN),
        ("읍", None),
        ("시도", None),
    ],
)
def test_kind_words(typed: str, kind: str | None) -> None:
    assert parse_kind(typed) == kind


def test_kind_on_list_compare_and_stats(run: Run, dataset: Dataset) -> None:
    listed = records(run("list", "--year", "2023", "--kind", "군", "-f", "json"))
    assert listed and {str(r["government"])[-1] for r in listed} == {"군"}
    assert all(r["level"] == "기초" for r in listed)
    compared = records(run("compare", "--year", "2023", "--kind", "county", "-f", "json"))
    official = [r for r in compared if r.get("section") == "official"]
    assert official and {str(r["government"])[-1] for r in official} == {"군"}
    stats = records(run("stats", "--year", "2023", "--kind", "군", "-f", "json"))
    assert stats["award_count"] == len(listed)  # type: ignore[call-overload]
    bad = run("stats", "--kind", "읍")
    assert bad.exit_code == 2 and "--kind" in bad.stderr


def test_compare_takes_the_filters_and_year_ranges(run: Run, dataset: Dataset) -> None:
    rows = records(run("compare", "--year", "2019..2023", "--grade", "대상", "--province", "충북", "-f", "json"))
    official = [r for r in rows if r.get("section") == "official"]
    assert official
    assert all(2019 <= int(str(r["year"])) <= 2023 and r["grade"] == "대상" for r in official)
    assert all(str(r["government_id"]).startswith("충북") for r in official)
    level = records(run("compare", "--year", "2023", "--level", "광역", "-f", "json"))
    assert {r["level"] for r in level if r.get("section") == "official"} == {"광역"}


def test_compare_news_is_limited_to_the_edition(run: Run, dataset: Dataset) -> None:
    result = run("compare", "--year", "2025", "-f", "json")
    news = [r for r in records(result) if r.get("section") == "news"]
    assert news
    shown = {(r["government_id"], r["indicator"], r["after_value"], r["after_period"]) for r in news}
    for indicator in dataset.indicators:
        after = (indicator.after.value, indicator.after.period or None) if indicator.after else (None, None)
        if (indicator.government, indicator.name, *after) in shown:
            assert all(2023 <= year <= 2026 for year in news_years(dataset, indicator)), indicator
    assert "참고: 보도 수치" in result.stderr and "2023–2026" in result.stderr


def test_edition_news_counts_what_it_leaves_out(dataset: Dataset) -> None:
    from jobaward.query.awards import compare_indicators

    rows = compare_indicators(dataset)
    where = AwardFilter(years=frozenset({2025}))
    kept, left_out = edition_news(dataset, rows, where)
    won = {a.government for a in dataset.awards if a.year == 2025}
    winners = [r for r in rows if r.government.id in won]
    assert len(kept) + left_out == len(winners)
    far = [r for r in winners if not any(2023 <= y <= 2026 for y in news_years(dataset, r.indicator))]
    assert left_out >= len(far) > 0


def test_the_filter_rule_is_in_help(run: Run) -> None:
    for command in ("list", "compare", "stats"):
        assert "(OR)" in run(command, "--help").stdout
        assert "--kind" in run(command, "--help").stdout


def test_a_filtered_column_is_kept(run: Run) -> None:
    for width, lang in ((80, "ko"), (100, "ko"), (120, "en")):
        result = run("list", "--project", "청년", "--lang", lang, env={"COLUMNS": str(width)})
        header = result.stdout.splitlines()[0]
        assert ("사업명" if lang == "ko" else "Project") in header, (width, header)


def test_a_shared_name_stays_unambiguous_in_english(run: Run, dataset: Dataset) -> None:
    result = run("list", "--year", "2023", "--lang", "en", env={"COLUMNS": "80"})
    assert "Province" not in result.stdout.splitlines()[0]  # left out at 80 columns
    shared = [a for a in list_awards(dataset, AwardFilter(years=frozenset({2023}))) if a.government.name_en == "Seo-gu"]
    assert shared
    for row in shared:
        province = dataset.government(str(row.government.province))
        assert f"Seo-gu ({province.name_en})" in result.stdout


def test_compare_in_english_keeps_the_comparison_at_80_columns(run: Run) -> None:
    header = run("compare", "--lang", "en", env={"COLUMNS": "80"}).stdout.splitlines()
    line = next(line for line in header if line.startswith("Year"))
    assert "Peers" in line and "Diff" in line and "Period" not in line


def test_completion_of_values() -> None:
    assert "인천 남동구" in complete_government("인천 남")
    assert "2023" in complete_years("")
    assert {"강원", "강원특별자치도", "Gangwon State"} <= set(complete_provinces(""))
    assert {"시", "도의 군", "district"} <= set(complete_kinds(""))
    assert shell_word("인천 남동구") == "인천\\ 남동구"
    assert shell_word("O'Brien $x") == "O\\'Brien\\ \\$x"


def complete(words: str, cword: int) -> list[str]:
    """What bash gets from `jobaward` on TAB (Typer's completion protocol)."""
    env = {"_JOBAWARD_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = CliRunner().invoke(app, [], env=env, prog_name="jobaward")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_bash_completion_keeps_a_multi_word_name_one_argument() -> None:
    assert complete("jobaward compare 인천\\ 남", 2) == ["인천\\ 남동구"]
    assert "도의\\ 군" in complete("jobaward list --kind 도", 3)
    assert complete("jobaward compare --grade 최", 3) == ["최우수상"]
    years = complete("jobaward stats --year 20", 3)
    assert "2023" in years and all(y.startswith("20") for y in years)
    assert set(complete("jobaward list --category ", 3)) == set(CATEGORIES)


def test_stats_official_takes_kind_and_level(run: Run) -> None:
    every = records(run("stats", "--official", "-f", "json"))
    counties = records(run("stats", "--official", "--kind", "군", "-f", "json"))
    assert counties and [r for r in every if r["peers"] == DO_GUN] == counties
    provinces = records(run("stats", "--official", "--level", "광역", "--year", "2023", "-f", "json"))
    assert [(r["year"], r["peers"]) for r in provinces] == [(2023, SIDO)]
    refused = run("stats", "--official", "--grade", "대상")
    assert refused.exit_code == 2 and "--grade" in refused.stderr


def test_compare_in_english_names_a_shared_name_with_its_province(run: Run, dataset: Dataset) -> None:
    rows = records(run("compare", "--year", "2025", "-f", "json"))
    shared = [r for r in rows if r.get("section") == "official" and r.get("government_en") in ("Jung-gu", "Nam-gu")]
    assert shared
    table = run("compare", "--year", "2025", "--lang", "en", env={"COLUMNS": "80"}).stdout
    for row in shared:
        province = dataset.government(str(dataset.government(str(row["government_id"])).province))
        assert f"{row['government_en']} ({province.name_en})" in table
    assert "Seongdong-gu (" not in table  # a name no other government has stays bare


def test_edition_news_of_several_editions_goes_by_each_winners_own_years(run: Run, dataset: Dataset) -> None:
    from jobaward.query.awards import compare_indicators, near_edition

    years = frozenset(range(2019, 2024))
    kept, left_out = edition_news(dataset, compare_indicators(dataset), AwardFilter(years=years))
    own = {(a.government, a.year) for a in dataset.awards if a.year in years}
    for row in kept:
        won = {y for g, y in own if g == row.government.id}
        assert any(near_edition(news_years(dataset, row.indicator), y) for y in won), row
    assert left_out > 0
    note = run("compare", "--year", "2019..2023", "--no-pager").stderr
    assert f"보도 수치 {left_out}개" in note and "수상 연도의 2년 전부터 1년 뒤까지" in note


def test_stats_of_several_years_says_which(run: Run) -> None:
    listed = records(run("list", "--year", "2022..2023", "-f", "json"))
    counted = records(run("stats", "--year", "2022..2023", "-f", "json"))
    assert counted["award_count"] == len(listed)  # type: ignore[call-overload]
    assert run("stats", "--year", "2022..2023").stdout.startswith("2022..2023년 일자리대상 통계\n")


def test_a_filtered_edition_count_says_it_is_the_whole_edition(mini_run: Run, mini: Dataset) -> None:
    edition = mini.edition_by_year[2023]
    assert edition.awarded_governments is not None
    whole = mini_run("stats", "--year", "2023")
    assert f"시상 기록상 수상 지자체: {edition.awarded_governments}" in whole.stdout.splitlines()
    narrowed = mini_run("stats", "--year", "2023", "--kind", "군")
    line = f"시상 기록상 수상 지자체 (필터와 관계없이 회차 전체): {edition.awarded_governments}"
    assert line in narrowed.stdout.splitlines()
    document = json.loads(mini_run("stats", "--year", "2023", "--kind", "군", "-f", "json").stdout)
    assert document["filtered"] is True and document["edition_awarded"] == edition.awarded_governments
    assert json.loads(mini_run("stats", "--year", "2023", "-f", "json").stdout)["filtered"] is False
