"""What the awards say: stats, two editions compared, indicator sorting, timelines.

They run on the small frozen dataset (tests/fixtures/mini.toml); expected figures were counted
from that file by hand, not by this code. Tests of the bundled data are in test_bundled_data.py.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from jobaward.model import Dataset
from jobaward.query.awards import compare_indicators
from jobaward.query.stats import compare_years, stats

from .conftest import MINI, Run


def test_stats_2023_counts(mini: Dataset) -> None:
    result = stats(mini, 2023)
    # 13 award records of 10 governments; the edition's own record: 65 governments awarded
    assert result.totals.number == 13
    assert result.totals.incentive == 640_000_000  # 강원 1억3,500만, 인천 2억4,000만 + 500만, 여수 8,000만, …
    assert result.edition_awarded == 65
    assert result.governments_held == 10
    assert [(c.key, c.awards) for c in result.by_category] == [("공시제", 9), ("우수사업", 3), ("", 1)]
    assert [(c.key, c.awards) for c in result.by_grade] == [
        ("종합대상", 1),
        ("대상", 1),
        ("최우수상", 4),
        ("우수상", 3),
        ("특별상", 4),
    ]
    assert (result.by_province[0].province.id, result.by_province[0].awards) == ("강원", 4)
    first_time = {g.id for g in result.first_time}
    assert first_time == {"강원 영월군"}  # 인천 and 충북 won in 2013, 춘천 in 2022


def test_streak_leaders(mini: Dataset) -> None:
    board = stats(mini).streak_leaders
    spans = [(x.government.id, x.streak and (x.streak.start, x.streak.end, x.streak.length)) for x in board[:3]]
    # ties at two years: the data's order of governments
    assert spans == [("강원", (2022, 2023, 2)), ("강원 강릉시", (2022, 2023, 2)), ("강원 춘천시", (2022, 2023, 2))]
    assert len(board) == 10  # seven two-year runs, then one-year runs, the latest first
    yeongwol = next(x for x in board if x.government.id == "강원 영월군")
    assert yeongwol.streak and (yeongwol.streak.start, yeongwol.streak.end) == (2023, 2023)


def test_incentive_leaders(mini: Dataset) -> None:
    board = stats(mini).incentive_leaders
    # 2022 대상 2억4,000만 and 2023 최우수상 1억3,500만
    assert (board[0].government.id, board[0].incentive) == ("강원", 375_000_000)
    # 2023 대상 2억4,000만 and 우수사업 500만
    assert (board[1].government.id, board[1].incentive) == ("인천", 245_000_000)
    # 2022 대상 1억3,500만 and 2023 우수상 7,000만
    assert (board[2].government.id, board[2].incentive) == ("충북 청주시", 205_000_000)


def test_stats_through_the_cli(mini_run: Run) -> None:
    table = mini_run("stats", "--year", "2023")
    assert table.exit_code == 0
    assert "시상 기록상 수상 지자체: 65" in table.stdout
    assert "보유 기록: 수상 13건, 지자체 수 10" in table.stdout
    assert any("영월군" in line and " 1 " in line and "2023–2023" in line for line in table.stdout.splitlines())
    document = json.loads(mini_run("stats", "--year", "2023", "--format", "json").stdout)
    assert (document["award_count"], document["edition_awarded"], document["governments_held"]) == (13, 65, 10)
    assert next(x for x in document["streak_leaders"] if x["government_id"] == "강원 강릉시") == {
        "government": "강릉시",
        "government_id": "강원 강릉시",
        "streak_years": 2,
        "streak_start": 2022,
        "streak_end": 2023,
        "total_incentive_krw": 190_000_000,
    }
    rows = list(csv.DictReader(io.StringIO(mini_run("stats", "--year", "2023", "--format", "csv").stdout)))
    assert {"section": "category", "key": "공시제", "awards": "9"}.items() <= rows[2].items()
    assert mini_run("stats", "--year", "2011").exit_code == 2  # a year the data does not hold


def test_compare_two_editions(mini: Dataset, mini_run: Run) -> None:
    moves = {m.government.id: m for m in compare_years(mini, 2022, 2023)}
    gangwon = moves["강원"]
    assert (gangwon.before, gangwon.after, gangwon.kind) == ("대상", "최우수상", "down")
    assert moves["강원 강릉시"].kind == "same"
    # 경북's 2022 award rests on a later report that gives no grade: unclear, not new
    assert moves["경북"].kind == "unclear" and moves["인천"].kind == "new"
    # 전남: 2023's best grade is 우수사업 최우수상 (its 공시제 prize was 우수상)
    assert (moves["전남"].before, moves["전남"].after, moves["전남"].kind) == ("종합대상", "최우수상", "down")
    assert (moves["전남 여수시"].before, moves["전남 여수시"].after, moves["전남 여수시"].kind) == (
        "우수상",
        "최우수상",
        "up",
    )
    gone = {m.government.id: m.kind for m in compare_years(mini, 2013, 2022)}
    assert gone["부산"] == "gone" and gone["강원 강릉시"] == "down"  # 2013 공시제 우수상 → 2022 특별상
    table = mini_run("compare", "2022", "2023")
    (line,) = [x for x in table.stdout.splitlines() if x.startswith("강원특별자치도")]
    assert "하락" in line and "대상" in line and "최우수" in line
    records = json.loads(mini_run("compare", "2022", "2023", "--format", "json").stdout)
    assert next(r for r in records if r["government_id"] == "강원") == {
        "government": "강원특별자치도",
        "government_id": "강원",
        "province": None,
        "movement": "down",
        "grade_before": "대상",
        "grade_after": "최우수상",
        "year_before": 2022,
        "year_after": 2023,
    }


def test_compare_years_refuses_indicator_options(run: Run) -> None:
    result = run("compare", "2022", "2023", "--sort", "name")
    assert result.exit_code == 2
    assert result.stderr == "jobaward: --indicator와 --sort는 지표를 비교합니다; 두 수상 연도 비교에는 쓸 수 없습니다\n"
    english = run("compare", "2022", "2023", "--sort", "name", "--lang", "en")
    assert english.stderr == "jobaward: --indicator and --sort compare indicators, not two award years\n"


def test_benchmark_gap_in_points(run: Run) -> None:
    result = run("compare", "강릉시", "--indicator", "고용률", "--news")
    (line,) = [x for x in result.stdout.splitlines() if "67.2%" in x]
    assert "전국 평균 (2021) 66.5% +0.7%p" in line


def test_sort_orders(mini: Dataset, run: Run) -> None:
    gangneung = [mini.government("강원 강릉시")]
    by_change = compare_indicators(mini, gangneung, None, "change")
    assert [r.change.absolute for r in by_change if r.change][:3] == [7089, 5600, 812]
    by_pct = compare_indicators(mini, gangneung, None, "pct")
    assert by_pct[0].indicator.name == "일자리 전담 조직 인력"
    by_name = compare_indicators(mini, (), None, "name")
    assert [(r.government.id, r.indicator.name) for r in by_name[:3]] == [
        ("부산", "고용보험 피보험자수 증감"),
        ("부산", "맞춤형 일자리 제공"),
        ("부산", "상용근로자수 증감"),
    ]
    order = {g.id: i for i, g in enumerate(mini.governments)}
    assert [order[r.government.id] for r in by_name] == sorted(order[r.government.id] for r in by_name)
    bad = run("compare", "--sort", "size")
    assert bad.exit_code == 2 and bad.stderr == "jobaward: --sort: 알 수 없는 값 'size'; 가능한 값: pct, change, name\n"


def test_show_timeline(mini_run: Run) -> None:
    out = mini_run("show", "강원도").stdout.splitlines()
    header = out.index("연도별 수상") + 1
    years, grades = out[header].split(), out[header + 1].split()
    assert years == [str(year) for year in range(2013, 2024)]  # the years the data holds, gaps included
    timeline = dict(zip(years, grades, strict=True))
    # the highest grade of the year: 2022 공시제 대상; 2023 최우수상 (its category not stated)
    assert [timeline[str(y)] for y in (2013, 2021, 2022, 2023)] == ["-", "-", "대", "최"]
    assert out[header + 2] == "대 대상 · 최 최우수상 · - 수상 기록 없음"  # only the marks used
    document = json.loads(mini_run("show", "강원도", "--format", "json").stdout)
    assert document["timeline"]["2022"] == "대상" and document["timeline"]["2017"] is None


def test_coverage_view(mini_run: Run) -> None:
    table = mini_run("stats", "--coverage")
    assert table.exit_code == 0
    (line,) = [x for x in table.stdout.splitlines() if x.startswith("2023 ")]
    # 73 prizes went to 65 governments (the edition's record): the share is of governments, 10 of 65
    assert line.split()[:7] == ["2023", "12", "65", "73", "10", "13", "15%"]
    records = json.loads(mini_run("stats", "--coverage", "--year", "2023", "--format", "json").stdout)
    assert records == [
        {
            "year": 2023,
            "edition": 12,
            "awarded": 65,
            "awarded_min": 65,
            "awarded_max": 65,
            "prizes": 73,
            "governments_held": 10,
            "award_records": 13,
            "share_percent": 15.4,
        }
    ]
    # 2013 holds 14 award records, 8 of them from the autumn project contest: not counted
    (contest_year,) = json.loads(mini_run("stats", "--coverage", "--year", "2013", "--format", "json").stdout)
    assert (contest_year["award_records"], contest_year["governments_held"]) == (6, 6)
    assert contest_year["share_percent"] == 15.8  # 6 of the 38 governments awarded
    assert "수상 14건" in mini_run("list", "--year", "2013").stdout


BOUNDED_2022 = """
[[editions]]
year = 2022
number = 11
awarded_prizes = 73
awarded_governments_min = 58
awarded_governments_max = 68
sources = ["seed-001"]
"""


def test_coverage_shows_the_bounds_of_an_unknown_count(run: Run, tmp_path: Path) -> None:
    """2021's count is unknown but bounded (58–68): the table shows the bounds and the share's (#22)."""
    bounded = tmp_path / "bounded.toml"
    bounded.write_text(BOUNDED_2022, "utf-8")
    args = ("stats", "--coverage", "--year", "2022", "--no-bundled", "--data", str(MINI), "--data", str(bounded))
    (record,) = json.loads(run(*args, "--format", "json").stdout)
    assert (record["awarded"], record["awarded_min"], record["awarded_max"], record["share_percent"]) == (
        None,
        58,
        68,
        None,
    )
    held = record["governments_held"]
    share = f"{held / 68 * 100:.0f}–{held / 58 * 100:.0f}%"
    for lang in ("ko", "en"):
        table = run(*args, "--lang", lang, env={"COLUMNS": "80"})
        (line,) = [x for x in table.stdout.splitlines() if x.startswith("2022 ")]
        assert line.split()[:7] == ["2022", "11", "58–68", "73", str(held), str(record["award_records"]), share]


@pytest.mark.parametrize(
    ("bounds", "problem"),
    [
        ("awarded_governments_min = 68\nawarded_governments_max = 58", "editions[0].awarded_governments_max"),
        ("awarded_governments_min = 58", "editions[0].awarded_governments_max"),
    ],
)
def test_bounds_need_both_in_order(run: Run, tmp_path: Path, bounds: str, problem: str) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(BOUNDED_2022.replace("awarded_governments_min = 58\nawarded_governments_max = 68", bounds))
    result = run("validate", str(broken), "--lang", "en")
    assert result.exit_code == 3
    assert result.stdout.splitlines()[0] == (
        f"{broken}:{problem}: error: bounds on the governments awarded need both a minimum and a maximum"
        " (minimum ≤ maximum)"
    )
