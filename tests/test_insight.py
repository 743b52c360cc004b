"""What the awards say: stats, two editions compared, indicator sorting, timelines.

Expected figures were counted from the data file (../shared/research and the sources it
names) by hand, not by this code.
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
    # 60 award records (73 prizes went to 65 governments); 53 governments held
    assert result.totals.number == 60
    assert result.totals.incentive == 2_291_000_000
    assert result.edition_awarded == 65
    assert result.governments_held == 53
    assert [(c.key, c.awards) for c in result.by_category] == [("공시제", 39), ("우수사업", 9), ("", 12)]
    assert [(c.key, c.awards) for c in result.by_grade] == [
        ("종합대상", 1),
        ("대상", 2),
        ("최우수상", 13),
        ("우수상", 27),
        ("특별상", 9),
        ("", 8),
    ]
    assert (result.by_province[0].province.id, result.by_province[0].awards) == ("서울", 7)
    first_time = {g.id for g in result.first_time}
    assert {"강원 영월군", "서울 동대문구"} <= first_time and "강원 춘천시" not in first_time


def test_streak_leaders(dataset: Dataset) -> None:
    board = stats(dataset).streak_leaders
    spans = [(x.government.id, x.streak and (x.streak.start, x.streak.end, x.streak.length)) for x in board[:3]]
    # a tie at 13 years: the later run first
    assert spans == [
        ("서울 구로구", (2012, 2025, 14)),
        ("광주 북구", (2013, 2025, 13)),
        ("전북 완주군", (2012, 2024, 13)),
    ]
    seongdong = next(x for x in board if x.government.id == "서울 성동구")
    assert seongdong.streak and (seongdong.streak.start, seongdong.streak.end) == (2015, 2025)


def test_incentive_leaders(dataset: Dataset) -> None:
    board = stats(dataset).incentive_leaders
    # 2017 종합대상 4억, 2020 대상 3억, and 우수상 1억 each in 2014, 2015 and 2016
    assert (board[0].government.id, board[0].incentive) == ("전북", 1_000_000_000)
    # 2021 종합대상 3억4,500만, 2023 대상 2억4,000만 and 우수사업 500만, and earlier prizes
    assert (board[1].government.id, board[1].incentive) == ("인천", 990_000_000)
    # 2016 1억, 2018 8,000만, 2020 1억 + 1,000만, 2021 and 2022 2억4,000만 each, 2023 1억3,500만
    assert (board[2].government.id, board[2].incentive) == ("강원", 905_000_000)


def test_stats_through_the_cli(run: Run) -> None:
    table = run("stats", "--year", "2023")
    assert table.exit_code == 0
    assert "시상 기록상 수상 지자체: 65" in table.stdout
    assert "보유 기록: 수상 60건, 지자체 수 53" in table.stdout
    assert any("성동구" in line and " 11 " in line and "2015–2025" in line for line in table.stdout.splitlines())
    document = json.loads(run("stats", "--year", "2023", "--format", "json").stdout)
    assert (document["award_count"], document["edition_awarded"], document["governments_held"]) == (60, 65, 53)
    assert next(x for x in document["streak_leaders"] if x["government_id"] == "서울 성동구") == {
        "government": "성동구",
        "government_id": "서울 성동구",
        "streak_years": 11,
        "streak_start": 2015,
        "streak_end": 2025,
        "total_incentive_krw": 0,
    }
    rows = list(csv.DictReader(io.StringIO(run("stats", "--year", "2023", "--format", "csv").stdout)))
    assert {"section": "category", "key": "공시제", "awards": "39"}.items() <= rows[2].items()
    assert run("stats", "--year", "2011").stdout.strip() == "조건에 맞는 수상 기록이 없습니다."


def test_compare_two_editions(dataset: Dataset, run: Run) -> None:
    moves = {m.government.id: m for m in compare_years(dataset, 2022, 2023)}
    gangwon = moves["강원"]
    assert (gangwon.before, gangwon.after, gangwon.kind) == ("대상", "최우수상", "down")
    assert moves["강원 강릉시"].kind == "same"
    # 경북's 2022 award rests on a later report that gives no grade: unclear, not new
    assert moves["경북"].kind == "unclear" and moves["울산"].kind == "new" and moves["광주"].kind == "gone"
    later = {m.government.id: m for m in compare_years(dataset, 2023, 2024)}
    assert (later["전남 여수시"].before, later["전남 여수시"].after, later["전남 여수시"].kind) == (
        "최우수상",
        "특별상",
        "down",
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
    assert result.stderr == "jobaward: --indicator와 --sort는 지표를 비교합니다; 두 수상 연도 비교에는 쓸 수 없습니다\n"
    english = run("compare", "2022", "2023", "--sort", "name", "--lang", "en")
    assert english.stderr == "jobaward: --indicator and --sort compare indicators, not two award years\n"


def test_benchmark_gap_in_points(run: Run) -> None:
    result = run("compare", "강릉시", "--indicator", "고용률", "--news")
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
    assert bad.exit_code == 2 and bad.stderr == "jobaward: --sort: 알 수 없는 값 'size'; 가능한 값: pct, change, name\n"


def test_show_timeline(run: Run) -> None:
    out = run("show", "강원도").stdout.splitlines()
    header = out.index("연도별 수상") + 1
    years, grades = out[header].split(), out[header + 1].split()
    assert years[0] == "2012" and years[-1] == "2025"
    timeline = dict(zip(years, grades, strict=True))
    # the highest grade of the year: 2018 공시제 특별상 and 우수사업 우수상, 2020 우수상 and 최우수상
    assert [timeline[str(y)] for y in range(2015, 2025)] == ["-", "우", "-", "우", "최", "최", "대", "대", "최", "-"]
    assert out[header + 2] == "대 대상 · 최 최우수상 · 우 우수상 · - 수상 기록 없음"  # only the marks used
    document = json.loads(run("show", "강원도", "--format", "json").stdout)
    assert document["timeline"]["2021"] == "대상" and document["timeline"]["2017"] is None


def test_coverage_view(run: Run) -> None:
    table = run("stats", "--coverage")
    assert table.exit_code == 0
    (line,) = [x for x in table.stdout.splitlines() if x.startswith("2023 ")]
    # 73 prizes went to 65 governments: the share is of governments
    assert line.split()[:7] == ["2023", "12", "65", "73", "53", "60", "82%"]
    records = json.loads(run("stats", "--coverage", "--year", "2023", "--format", "json").stdout)
    assert records == [
        {
            "year": 2023,
            "edition": 12,
            "awarded": 65,
            "prizes": 73,
            "governments_held": 53,
            "award_records": 60,
            "share_percent": 81.5,
        }
    ]
    # 2014 holds 52 award records, 12 of them from the autumn project contest: not counted
    (contest_year,) = json.loads(run("stats", "--coverage", "--year", "2014", "--format", "json").stdout)
    assert (contest_year["award_records"], contest_year["governments_held"]) == (40, 40)
    assert contest_year["share_percent"] == 71.4  # 40 of the 56 governments awarded
    assert "수상 52건" in run("list", "--year", "2014").stdout
    # 2017: 73 prizes to 63 governments (the ministry's release); 2021: 58 공시제 and 15 우수사업
    # prizes, and how many governments won both is not known: no share
    (both,) = json.loads(run("stats", "--coverage", "--year", "2017", "--format", "json").stdout)
    assert (both["awarded"], both["prizes"], both["governments_held"], both["share_percent"]) == (63, 73, 49, 77.8)
    (unknown,) = json.loads(run("stats", "--coverage", "--year", "2021", "--format", "json").stdout)
    assert (unknown["awarded"], unknown["prizes"], unknown["share_percent"]) == (None, 73, None)
