"""What the awards say: stats, two editions compared, indicator sorting, timelines.

Expected figures were counted from ../shared/research by hand (awk), not by this code.
"""

from __future__ import annotations

import csv
import io
import json

from jobaward.insight import compare_years, stats
from jobaward.model import Dataset
from jobaward.query import compare_indicators

from .conftest import Run


def test_stats_2023_counts(dataset: Dataset) -> None:
    result = stats(dataset, 2023)
    # the research tables' 33 records, 합천군 (KPI뉴스, 2023-08-02): 공시제 우수상, 7,500만원,
    # and 화성시's 특별상 with no category or money (뉴스1, 2025-10-01)
    assert result.totals.number == 35
    assert result.totals.incentive == 1_381_000_000 + 75_000_000
    assert result.edition_awarded == 73
    assert result.governments_held == 30
    assert [(c.key, c.awards) for c in result.by_category] == [("공시제", 26), ("우수사업", 6), ("", 3)]
    assert [(c.key, c.awards) for c in result.by_grade] == [
        ("종합대상", 1),
        ("대상", 1),
        ("최우수상", 10),
        ("우수상", 16),
        ("특별상", 6),
        ("", 1),
    ]
    assert (result.by_province[0].province.id, result.by_province[0].awards) == ("전남", 7)
    first_time = {g.id for g in result.first_time}
    assert {"강원 춘천시", "충북 단양군"} <= first_time and "강원 강릉시" not in first_time


def test_streak_leaders(dataset: Dataset) -> None:
    board = stats(dataset).streak_leaders
    spans = [(x.government.id, x.streak and (x.streak.start, x.streak.end, x.streak.length)) for x in board[:2]]
    assert spans == [("충북 청주시", (2020, 2025, 6)), ("강원", (2018, 2023, 6))]  # a tie: the later run first
    gwangju = next(x for x in board if x.government.id == "광주")
    assert gwangju.streak and (gwangju.streak.start, gwangju.streak.end, gwangju.streak.length) == (2018, 2022, 5)


def test_incentive_leaders(dataset: Dataset) -> None:
    board = stats(dataset).incentive_leaders
    # 2021 and 2022 2억4,000만 each (G1방송, 국민일보) + 2023 1억3,500만
    assert (board[0].government.id, board[0].incentive) == ("강원", 615_000_000)
    chilgok = next(x for x in board if x.government.id == "경북 칠곡군")
    assert chilgok.incentive == 500_000_000  # 2014 4억 + 2019 1억


def test_stats_through_the_cli(run: Run) -> None:
    table = run("stats", "--year", "2023")
    assert table.exit_code == 0
    assert "시상 기록상 수상 지자체: 73" in table.stdout
    assert "보유 기록: 수상 35건, 지자체 수 30" in table.stdout
    assert any("강원특별자치도" in line and " 6 " in line and "2018–2023" in line for line in table.stdout.splitlines())
    document = json.loads(run("stats", "--year", "2023", "--format", "json").stdout)
    assert (document["award_count"], document["edition_awarded"], document["governments_held"]) == (35, 73, 30)
    assert next(x for x in document["streak_leaders"] if x["government_id"] == "강원") == {
        "government": "강원특별자치도",
        "government_id": "강원",
        "streak_years": 6,
        "streak_start": 2018,
        "streak_end": 2023,
        "total_incentive_krw": 615_000_000,
    }
    rows = list(csv.DictReader(io.StringIO(run("stats", "--year", "2023", "--format", "csv").stdout)))
    assert {"section": "category", "key": "공시제", "awards": "26"}.items() <= rows[2].items()
    assert run("stats", "--year", "2012").stdout.strip() == "조건에 맞는 수상 기록이 없습니다."


def test_compare_two_editions(dataset: Dataset, run: Run) -> None:
    moves = {m.government.id: m for m in compare_years(dataset, 2022, 2023)}
    gangwon = moves["강원"]
    assert (gangwon.before, gangwon.after, gangwon.kind) == ("대상", "최우수상", "down")
    assert moves["강원 강릉시"].kind == "same"
    assert moves["경북"].kind == "new" and moves["대전"].kind == "gone"
    later = {m.government.id: m for m in compare_years(dataset, 2023, 2024)}
    assert (later["전남 여수시"].before, later["전남 여수시"].after, later["전남 여수시"].kind) == (
        "최우수상",
        "",
        "unclear",
    )
    table = run("compare", "2022", "2023")
    (line,) = [x for x in table.stdout.splitlines() if x.startswith("강원특별자치도")]
    assert "하락" in line and "대상" in line and "최우수" in line
    records = json.loads(run("compare", "2022", "2023", "--format", "json").stdout)
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
    assert "--indicator and --sort compare indicators" in result.stderr


def test_benchmark_gap_in_points(run: Run) -> None:
    result = run("compare", "강릉시", "--indicator", "고용률")
    (line,) = [x for x in result.stdout.splitlines() if "67.2%" in x]
    assert "전국 평균 (2021) 66.5% +0.7%p" in line


def test_sort_orders(dataset: Dataset, run: Run) -> None:
    gangneung = [dataset.government("강원 강릉시")]
    by_change = compare_indicators(dataset, gangneung, None, "change")
    assert [r.change.absolute for r in by_change if r.change][:3] == [7089, 5600, 812]
    by_pct = compare_indicators(dataset, gangneung, None, "pct")
    assert by_pct[0].indicator.name == "일자리 전담 조직 인력"
    by_name = compare_indicators(dataset, (), None, "name")
    assert [(r.government.id, r.indicator.name) for r in by_name[:3]] == [
        ("부산", "고용보험 피보험자수 증감"),
        ("부산", "맞춤형 일자리 제공"),
        ("부산", "상용근로자수 증감"),
    ]
    order = {g.id: i for i, g in enumerate(dataset.governments)}
    assert [order[r.government.id] for r in by_name] == sorted(order[r.government.id] for r in by_name)
    bad = run("compare", "--sort", "size")
    assert bad.exit_code == 2 and "expected one of: pct, change, name" in bad.stderr


def test_show_timeline(run: Run) -> None:
    out = run("show", "강원도").stdout.splitlines()
    header = out.index("연도별 수상") + 1
    years, grades = out[header].split(), out[header + 1].split()
    assert years[0] == "2013" and years[-1] == "2025"
    timeline = dict(zip(years, grades, strict=True))
    assert [timeline[str(y)] for y in range(2017, 2025)] == ["-", "특", "최", "우", "대", "대", "최", "-"]
    assert out[header + 2] == "대 대상 · 최 최우수상 · 우 우수상 · 특 특별상 · - 수상 기록 없음"
    document = json.loads(run("show", "강원도", "--format", "json").stdout)
    assert document["timeline"]["2021"] == "대상" and document["timeline"]["2016"] is None


def test_coverage_view(run: Run) -> None:
    table = run("stats", "--coverage")
    assert table.exit_code == 0
    (line,) = [x for x in table.stdout.splitlines() if x.startswith("2023 ")]
    assert line.split()[:6] == ["2023", "12", "73", "30", "35", "41%"]
    records = json.loads(run("stats", "--coverage", "--year", "2023", "--format", "json").stdout)
    assert records == [
        {"year": 2023, "edition": 12, "awarded": 73, "governments_held": 30, "award_records": 35, "share_percent": 41.1}
    ]
