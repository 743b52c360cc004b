"""Every command through the CLI, asserting the figures a user actually sees."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest

from jobaward import __version__
from jobaward.cli.root import year_runs
from jobaward.model import Dataset
from jobaward.query.awards import years_held

from .conftest import Run, only_line


def lines_with(output: str, *words: str) -> list[str]:
    return [line for line in output.splitlines() if all(w in line for w in words)]


def test_list_2023_shows_gangwon_and_its_special_prize_winners(run: Run) -> None:
    result = run("list", "--year", "2023")
    assert result.exit_code == 0, result.stderr
    assert lines_with(result.stdout, "강원특별자치도", "최우수상", "1억 3,500만원")
    for city in ("춘천시", "강릉시", "영월군"):
        (line,) = lines_with(result.stdout, f" {city} ", "특별상")
        assert "공시제" in line and "강원" in line
    assert result.stdout.rstrip().splitlines()[-1] == "수상 61건 · 인센티브 합계 23억 5,100만원 (금액이 알려진 32건)"


def test_list_2022_shows_gangneung_with_its_prize_money(run: Run) -> None:
    result = run("list", "--year", "2022")
    (line,) = lines_with(result.stdout, "강릉시")
    assert "특별상" in line and "5,500만원" in line and "고용노동부장관 표창" in line
    assert lines_with(result.stdout, "강원특별자치도 (당시 강원도)", "대상", "국무총리상")
    assert "수상 53건 · 인센티브 합계 20억 6,000만원 (금액이 알려진 27건)" in result.stdout


def test_list_without_year_is_newest_first(run: Run) -> None:
    years = [int(line.split()[0]) for line in run("list").stdout.splitlines() if line.strip()[:4].isdigit()]
    assert years[0] == 2025 and years[-1] == 2012
    assert years == sorted(years, reverse=True)


def test_list_filters_accept_korean_and_english_forms(run: Run) -> None:
    korean = run("list", "-y", "2023", "--province", "강원도", "--level", "기초", "--grade", "특별상")
    english = run("list", "-y", "2023", "--province", "Gangwon", "--level", "municipal", "--grade", "special prize")
    assert korean.stdout == english.stdout
    assert "수상 3건" in korean.stdout


def test_list_with_no_match_says_so_and_exits_0(run: Run) -> None:
    result = run("list", "--year", "2013", "--category", "우수사업", "--province", "제주")
    assert result.exit_code == 0
    assert result.stdout.strip() == "조건에 맞는 수상 기록이 없습니다."


@pytest.mark.parametrize(
    "command",
    [
        ("list", "--year", "2011"),
        ("list", "--year", "2030..2031"),
        ("compare", "--year", "2011"),
        ("stats", "--year", "2011"),
        ("stats", "--year", "2011", "--coverage"),
        ("compare", "2023", "2011"),
    ],
    ids=" ".join,
)
def test_a_year_the_data_does_not_hold_is_a_usage_error(run: Run, command: tuple[str, ...], dataset: Dataset) -> None:
    result = run(*command)
    assert result.exit_code == 2
    held = year_runs(years_held(dataset))
    assert only_line(result.stderr).endswith(f"기록이 없습니다. 있는 연도: {held}")
    assert ".." in held  # the years held as runs, not one by one


def test_a_range_reaching_a_held_year_is_fine(run: Run) -> None:
    assert run("list", "--year", "2010..2012", "-f", "csv").stdout.count("\n2012,") > 0


def test_show_gangneung_has_awards_indicators_changes_and_sources(run: Run) -> None:
    result = run("show", "강릉시")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("강릉시 (Gangneung-si)  강원특별자치도 · 기초")
    assert lines_with(out, "2022", "공시제", "특별상", "5,500만원")
    (employed,) = lines_with(out, "취업자수")
    assert "112,500명 (2020)" in employed and "118,100명 (2021)" in employed
    assert "+5,600" in employed and "+5.0%" in employed
    assert lines_with(out, "고용률", "67.2% (2021)", "전국 평균 (2021) 66.5% +0.7%p")
    assert lines_with(out, "여성 고용률", "+0.5%p")
    assert "[4] 브레이크뉴스, 2022-07-21: https://kb.breaknews.com/21684" in out  # [2] is its 2013 source
    assert "연속 수상: 2022–2025 (4년 연속)" in out


def test_show_by_former_name_finds_gangwon_with_six_year_streak(run: Run) -> None:
    result = run("show", "강원도")
    assert result.exit_code == 0
    assert result.stdout.startswith("강원특별자치도 (Gangwon State)")
    assert "이전 이름: 강원도 (~2023-06-10)" in result.stdout
    assert "연속 수상: 2018–2023 (6년 연속)" in result.stdout
    assert "2023-06-10" in result.stderr and "강원특별자치도" in result.stderr


def test_show_by_short_name(run: Run) -> None:
    assert run("show", "강릉").stdout == run("show", "강릉시").stdout


def test_show_government_without_awards(run: Run) -> None:
    result = run("show", "양양군")
    assert result.exit_code == 0
    assert "양양군 (Yangyang-gun)" in result.stdout
    assert "수상 기록 없음" in result.stdout and "고용 지표 없음" in result.stdout


def test_show_unknown_name_suggests_and_exits_1(run: Run) -> None:
    result = run("show", "강늉시")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "jobaward: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:"
    assert lines[1] == "  강릉시"


def test_show_ambiguous_name_lists_pasteable_candidates(run: Run) -> None:
    result = run("show", "중구")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "jobaward: '중구'에 해당하는 지자체가 6곳입니다; 하나를 골라 주세요:",
        "  서울 중구",
        "  부산 중구",
        "  대구 중구",
        "  인천 중구",
        "  대전 중구",
        "  울산 중구",
    ]
    assert run("show", "부산", "중구").stdout.startswith("중구 (Jung-gu)  부산광역시 · 기초")


def test_compare_all_puts_largest_change_first(run: Run) -> None:
    result = run("compare", "--news")
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if "명" in line or "%" in line]
    assert "일자리 전담 조직 인력" in rows[0] and "+260.0%" in rows[0]
    assert result.stdout.rstrip().endswith("지표 101개")


def test_compare_named_governments_side_by_side(run: Run) -> None:
    result = run("compare", "강릉시", "강원도", "--indicator", "취업자수", "--news")
    assert result.exit_code == 0
    rows = lines_with(result.stdout, "취업자수")
    assert len(rows) == 2  # the seed's 80,900 → 81,800 is a superseded variant: never ranked
    assert "강릉시" in rows[0] and "+5,600" in rows[0] and "+5.0%" in rows[0] and "█" in rows[0]
    assert "강원특별자치도" in rows[1] and "809,000명" in rows[1] and "+9,000" in rows[1] and "+1.1%" in rows[1]
    (marker,) = re.findall(r"\*\d+", rows[1])
    (footnote,) = [line for line in result.stdout.splitlines() if line.startswith(f"{marker} ")]
    assert "80,900명 → 81,800명으로 표기" in footnote


def test_compare_unknown_indicator_is_a_usage_error(run: Run) -> None:
    result = run("compare", "--indicator", "행복지수")
    assert result.exit_code == 2
    assert result.stderr.startswith("jobaward: --indicator: 알 수 없는 지표 '행복지수'; 있는 지표: ")


def test_compare_government_without_indicators_prints_a_message(run: Run) -> None:
    result = run("compare", "양양군", "--news")
    assert result.exit_code == 0
    assert result.stdout.strip() == "조건에 맞는 지표가 없습니다."


def test_unknown_option_values_are_usage_errors(run: Run) -> None:
    result = run("list", "--grade", "금상")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "jobaward: --grade: 알 수 없는 값 '금상'; 가능한 값: 종합대상, 대상, 최우수상, 우수상, 특별상"
    )
    province = run("list", "--province", "화성")
    assert province.exit_code == 2 and "가능한 값: 서울, 부산" in province.stderr


def test_bad_year_is_a_usage_error(run: Run) -> None:
    result = run("list", "--year", "abc")
    assert result.exit_code == 2
    assert "'abc'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_english_labels(run: Run) -> None:
    result = run("list", "--year", "2022", "--lang", "en")
    (line,) = lines_with(result.stdout, "Gangneung-si")
    assert "Special Prize" in line and "₩55,000,000" in line and "Job Target Disclosure" in line
    assert run("list", "--year", "2022", env={"JOBAWARD_LANG": "en"}).stdout == result.stdout
    # honors as sources print them ("기관표창") read in English too
    (dalseo,) = lines_with(run("list", "--year", "2018", "--province", "대구", "--lang", "en").stdout, "Dalseo-gu")
    assert "Institutional Commendation" in dalseo and "기관" not in dalseo


def test_version(run: Run) -> None:
    assert run("--version").stdout.strip() == f"jobaward {__version__}"


def test_python_dash_m_runs_the_same_app() -> None:
    env = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "jobaward", "list", "--year", "2022"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0
    assert "5,500만원" in done.stdout


def test_hangul_columns_line_up(run: Run) -> None:
    """Columns start and end at the same terminal cell on every line (Hangul counts as two)."""
    from rich.cells import cell_len

    out = run("show", "강릉시").stdout.splitlines()
    awards = out[out.index("수상 내역") + 1 : next(i for i, line in enumerate(out) if line.startswith("연속 수상"))]
    header, rows = awards[0], [line for line in awards[2:] if line[:4].isdigit()]
    grade_starts = {cell_len(header[: header.index("등급")])}
    money_ends = {cell_len(header[: header.index("인센티브") + len("인센티브")])}
    for row in rows:
        grade = next(g for g in ("최우수상", "특별상", "우수상", "대상") if g in row)
        grade_starts.add(cell_len(row[: row.index(grade)]))
        if "만원" in row:
            money_ends.add(cell_len(row[: row.index("만원") + 2]))
    assert len(grade_starts) == 1 and len(money_ends) == 1, (grade_starts, money_ends)
    assert len(rows) >= 3


def test_no_known_incentive_is_not_shown_as_zero(run: Run) -> None:
    korean = run("show", "원주시").stdout.splitlines()
    assert "수상 5건 · 인센티브 금액 미상" in korean
    english = run("list", "--year", "2019", "--province", "제주", "--lang", "en").stdout.splitlines()
    assert english[-1] == "1 award; no incentive amount known"


def test_a_year_inferred_from_a_later_streak_is_marked(run: Run) -> None:
    """인천 서구's 2015 award rests on later reports ('2015년부터 4년 연속', '2년 연속 우수상');
    its 2016 award was reported in 2016."""
    korean = run("list", "--year", "2015", "--province", "인천")
    (line,) = lines_with(korean.stdout, "서구")
    assert line.startswith("2015 추정")
    english = run("list", "--year", "2015", "--province", "인천", "--lang", "en")
    assert lines_with(english.stdout, "Seo-gu")[0].startswith("2015 est.")
    records = json.loads(run("list", "--year", "2016..2018", "--province", "인천", "--format", "json").stdout)
    inferred = {r["year"]: r["year_inferred"] for r in records if r["government_id"] == "인천 서구"}
    assert inferred == {2016: False, 2017: True, 2018: False}


def test_a_seed_source_reads_as_publisher_date_and_headline(run: Run) -> None:
    out = run("show", "강원도").stdout
    assert "아주경제, 2023-08-03: 강원도, 2023 전국 지방자치단체 일자리대상" in out
    assert "seed:" not in out and ".txt" not in out


def test_notes_read_in_korean(run: Run) -> None:
    """No English research shorthand ("as reported", "seed agrees") in what a Korean reader sees."""
    for args in (("list", "--format", "json"), ("compare", "--news", "--format", "json")):
        for record in json.loads(run(*args).stdout):
            latin = set(re.findall(r"[A-Za-z][A-Za-z-]{2,}", record["note"] or ""))
            assert latin <= {"NSP", "ICC", "S-OIL", "JOB"}, record


def test_show_marks_a_superseded_variant_and_compare_leaves_it_out(run: Run) -> None:
    """The seed prints 강원's 취업자수 as 80,900 → 81,800; NSP통신 as 809천 → 818천."""
    rows = [line for line in run("show", "강원도").stdout.splitlines() if line.startswith("취업자수")]
    variant, figure = rows
    assert variant.startswith("취업자수 (다른 표기)") and "80,900명" in variant and "█" not in variant
    assert "809,000명" in figure and "█" in figure
    english = run("show", "강원도", "--lang", "en").stdout.splitlines()
    assert any(line.startswith("Employed persons (variant)") and "80,900" in line for line in english)
    ranked = json.loads(run("compare", "강원도", "--indicator", "취업자수", "--news", "--format", "json").stdout)
    assert [r["before_value"] for r in ranked] == [809000]


def test_english_rename_note_is_built_from_the_record(run: Run, dataset: Dataset) -> None:
    gangwon = dataset.government("강원")
    (former,) = gangwon.former_names
    english = run("show", "강원", "--lang", "en").stdout
    assert "부터" not in english
    day = date.fromordinal(former.until.toordinal() + 1).isoformat()
    assert f"Called {gangwon.name_en} ({gangwon.name}) since {day}." in english
    assert f"{day}부터 {gangwon.name}." in run("show", "강원").stdout


def test_english_keeps_whose_figure_is_compared(run: Run) -> None:
    """The reference column's footnote names whose figure it is (the 시·도, summed from the same survey)."""
    english = run("show", "강릉시", "--lang", "en").stdout
    assert "Ref.: Gangwon State, same half-year and age group" in english
