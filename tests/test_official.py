"""Official statistics (통계청 KOSIS): the bundled series, its region mapping, the views that show
it, and the readers that extend it. Expected figures come from the KOSIS exports in shared/."""

from __future__ import annotations

import csv
import json
import statistics
from datetime import date
from pathlib import Path

import pytest

from jobaward.errors import DataError
from jobaward.model import DO_GUN, REGIONAL, Dataset
from jobaward.storage import kosis_api as kosis
from jobaward.storage.kosis_files import (
    bundled_path,
    load_official,
    national_series,
    read_api_response,
    read_file,
    read_national_csv,
    read_regional_csv,
    regional_series,
    to_text,
    user_file,
)

from .conftest import ROOT, SHARED, Reply, Run

OFFICIAL = SHARED / "research" / "official"
REGIONAL_CSV = OFFICIAL / "sigungu_employment_halfyear.csv"
NATIONAL_CSV = OFFICIAL / "sido_labour_force_annual.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "kosis"
needs_exports = pytest.mark.skipif(
    not REGIONAL_CSV.is_file(), reason=f"{REGIONAL_CSV.name} is not beside this checkout (../shared/research/official)"
)
needs_province_export = pytest.mark.skipif(
    not NATIONAL_CSV.is_file(), reason=f"{NATIONAL_CSV.name} is not beside this checkout (../shared/research/official)"
)


def published(label: str, age: str, item: str, column: str, occurrence: int = 0) -> str:
    """A cell of the regional KOSIS export, read directly (not through jobaward)."""
    with REGIONAL_CSV.open(encoding="utf-8-sig") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if (row["행정구역별"], row["연령별"], row["항목"]) == (label, age, item)
        ]
    return rows[occurrence][column]


def province_published(label: str, code: str, year: str) -> float:
    """A cell of the annual 시·도 export: ``label`` like "36 전라남도", ``code`` like "T100"."""
    rows = list(csv.reader(NATIONAL_CSV.open(encoding="utf-8-sig")))
    row = next(r for r in rows if r[0] == label)
    column = next(
        i for i, (y, c) in enumerate(zip(rows[0], rows[1], strict=True)) if y.endswith(year) and c.split()[0] == code
    )
    return float(row[column])


#: KOSIS's codes of the 시·도 in the annual export, and our ids for them.
SIDO_CODES = {
    "11": "서울", "21": "부산", "22": "대구", "23": "인천", "24": "광주", "25": "대전", "26": "울산", "29": "세종",
    "31": "경기", "32": "강원", "33": "충북", "34": "충남", "35": "전북", "36": "전남", "37": "경북", "38": "경남",
    "39": "제주",
}  # fmt: skip
METROS = {"서울", "부산", "대구", "인천", "광주", "대전", "울산"}


def regional_by_government(dataset: Dataset, age: str, item: str) -> dict[str, dict[str, str]]:
    """Rows of the regional export by our government id, matched here by name: a label with a
    space names its city (서울 종로구); a 도's 시·군 by name, the n-th 고성군 the n-th in our data."""
    found: dict[str, dict[str, str]] = {}
    seen: dict[str, int] = {}
    with REGIONAL_CSV.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            label = row["행정구역별"]
            if (row["연령별"], row["항목"]) != (age, item):
                continue
            seen[label] = seen.get(label, 0) + 1
            if " " in label:
                found[label] = row
                continue
            same = [
                g
                for g in dataset.governments
                if g.level == "기초" and g.province not in METROS and label in {g.name, *(f.name for f in g.former)}
            ]
            if len(same) >= seen[label] and not same[seen[label] - 1].abolished:
                found.setdefault(same[seen[label] - 1].id, {}).update({k: v for k, v in row.items() if v})
    return found


def kind_then(dataset: Dataset, gov_id: str, day: date) -> str:
    gov = dataset.government(gov_id)
    if gov.province_on(day) in METROS:
        return "metro_gu_gun"
    return "do_si" if gov.name_on(day).endswith("시") else "do_gun"


def peers_median(dataset: Dataset, year: int, kind: str, before: str, after: str) -> tuple[float, int]:
    """The median 15–64 change of the 시·군·구 of ``kind`` (as they were at ``after``) that did not
    win in ``year``, computed here from the export."""
    winners = {a.government for a in dataset.awards if a.year == year}
    day = date(int(after[:4]), 12, 31)
    changes = [
        float(row[after]) - float(row[before])
        for gov_id, row in regional_by_government(dataset, "15 - 64세", "고용률 (%)").items()
        if gov_id not in winners and row.get(before) and row.get(after) and kind_then(dataset, gov_id, day) == kind
    ]
    return round(statistics.median(changes), 2), len(changes)


def official_value(gov_id: str, age: str, period: str, item: str = "고용률") -> str:
    for series in load_official().series:
        same = (series.survey, series.government, series.age, series.item) == (REGIONAL, gov_id, age, item)
        if same and series.label.split()[-1] == gov_id.split()[-1]:
            return series.at(period)
    raise AssertionError(f"no series for {gov_id}")


# --- the bundle and the region mapping --------------------------------------------------------------


@needs_exports
def test_every_region_label_maps_to_a_government(dataset: Dataset) -> None:
    raw = read_regional_csv(REGIONAL_CSV.read_text(encoding="utf-8"), "csv")
    mapped = regional_series(raw, dataset, keep_all=True, by_order=True)  # raises DataError if a label maps to nothing
    assert len(mapped) == len([row for row in raw if row.points])  # KOSIS left 36 RSE rows empty
    assert {s.label for s in mapped} == {row.label for row in raw}
    ids = {(s.label, s.government) for s in mapped}
    assert {g for label, g in ids if label == "고성군"} == {"강원 고성군", "경남 고성군"}
    assert ("여주군", "경기 여주시") in ids and ("여주시", "경기 여주시") in ids
    assert ("청원군", "충북 청주시") in ids and ("연기군", "세종") in ids
    assert ("대구 군위군", "대구 군위군") in ids
    assert all(g in dataset.government_by_id for _, g in ids)


@needs_exports
def test_the_two_goseong_are_told_apart_by_position(dataset: Dataset) -> None:
    gangwon = published("고성군", "15 - 64세", "고용률 (%)", "2021.2/2", occurrence=0)
    gyeongnam = published("고성군", "15 - 64세", "고용률 (%)", "2021.2/2", occurrence=1)
    assert gangwon != gyeongnam
    assert official_value("강원 고성군", "15 - 64세", "2021-H2") == gangwon
    assert official_value("경남 고성군", "15 - 64세", "2021-H2") == gyeongnam


@needs_province_export
def test_every_province_label_maps(dataset: Dataset) -> None:
    series = national_series(read_national_csv(NATIONAL_CSV.read_text(encoding="utf-8"), "csv"), dataset)
    existed = {g.id for g in dataset.governments if g.level == "광역" and g.established is None}
    assert {s.government for s in series} == {"전국"} | existed  # 전남광주 (2026-07-01) is after the series


@needs_exports
@needs_province_export
def test_the_bundle_is_built_from_the_exports(dataset: Dataset) -> None:
    """tools/build_official.py was run after the last change to the exports or the readers."""
    series = regional_series(read_regional_csv(REGIONAL_CSV.read_text(encoding="utf-8"), "csv"), dataset, by_order=True)
    series += national_series(read_national_csv(NATIONAL_CSV.read_text(encoding="utf-8"), "csv"), dataset)
    assert bundled_path().read_text(encoding="utf-8") == to_text(series)


def test_figures_are_as_kosis_published_them() -> None:
    assert official_value("강원 강릉시", "15 - 64세", "2021-H2") == "67.2"
    assert official_value("강원 강릉시", "15 - 64세", "2022-H2") == "66.2"
    assert official_value("강원 강릉시", "15 - 64세", "2024-H2") == "68.7"
    assert official_value("전남 여수시", "15 - 64세", "2021-H2") == "67.6"
    assert official_value("전남 여수시", "15 - 64세", "2022-H2") == "70"  # KOSIS prints 70, not 70.0
    national = next(s for s in load_official().series if s.government == "전국" and s.age == "15 - 64세")
    assert national.at("2021") == "66.5"


def test_the_bundle_read_without_checks_is_what_the_checked_reader_gives() -> None:
    """The bundle is split without per-field checks (start-up time): it must pass them all."""
    checked = read_file(bundled_path())
    assert read_file(bundled_path(), trusted=True) == checked
    assert checked and all(s.values for s in checked)


# --- the views ------------------------------------------------------------------------------------------


def province_estimate(dataset: Dataset, province: str, age: str, period: str) -> float:
    """The 시·도's rate summed from the bundled 시·군·구 rows: Σ취업자 / Σ(취업자 ÷ 고용률)."""
    series = load_official().series
    day = date(int(period[:4]), 6 if period.endswith("H1") else 12, 30 if period.endswith("H1") else 31)
    people = population = 0.0
    for employed in series:
        if (employed.survey, employed.age, employed.item) != (REGIONAL, age, "취업자") or not employed.at(period):
            continue
        gov = dataset.government(employed.government)
        if (gov.id if gov.level == "광역" else gov.province_on(day)) != province:
            continue
        rate = next(s for s in series if s.key == (REGIONAL, employed.label, gov.id, age, "고용률"))
        people += float(employed.at(period))
        population += float(employed.at(period)) / float(rate.at(period)) * 100
    return round(100 * people / population, 1)


def test_show_gives_both_ages_beside_the_same_surveys_province_figure(run: Run, dataset: Dataset) -> None:
    result = run("show", "강릉시")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[lines.index("공식 고용통계 (통계청)") + 5].split()[:8] == [
        "기간", "전체", "비교", "차이", "15–64", "비교", "차이", "청년"
    ]  # fmt: skip
    all_ages = province_estimate(dataset, "강원", "계", "2022-H2")
    working = province_estimate(dataset, "강원", "15 - 64세", "2022-H2")
    row = next(line.split() for line in lines if line.startswith("2022-H2"))
    assert row[:8] == ["2022-H2", "▲", "59.4", f"{all_ages:.1f}", f"{59.4 - all_ages:+.1f}", "66.2", f"{working:.1f}",
                       f"{66.2 - working:+.1f}"]  # fmt: skip
    assert row[8:] == ["38.7", "95.0", "114.1"]  # 청년 고용률, 취업자 15–64 and all ages (천명)
    before = next(line.split() for line in lines if line.startswith("2017-H1"))
    assert before[1:2] == ["54.5"] and "102.2" in before and "93.0" not in before  # no 15–64 yet: none shown
    assert "시군구 합산 추정" in result.stdout and "경제활동인구조사" not in result.stdout  # one survey only
    assert "출처: 통계청, 「지역별고용조사」 (KOSIS)" in result.stdout
    legend = lines.index("        ▲ 아래: 수상 연도의 두 반기 (표의 ▲ 행)")
    assert lines[legend - 2].strip().startswith("▲") and "수상" not in lines[legend - 2]  # not under a period


def test_show_json_has_each_age_group_per_period_and_every_figure_a_float(run: Run) -> None:
    records = json.loads(run("show", "강릉시", "--format", "json").stdout)["official"]
    at = {(r["period"], r["age"]): r for r in records}
    assert (at[("2021-H2", "계")]["value"], at[("2021-H2", "15 - 64세")]["value"]) == (61.4, 67.2)
    assert at[("2021-H2", "15 - 29세")]["value"] == 38.7
    assert at[("2022-H2", "15 - 64세")]["employed"] == 95.0
    assert at[("2021-H2", "15 - 64세")]["benchmark_method"] == "sum_of_municipal_estimates"
    assert at[("2021-H2", "15 - 64세")]["benchmark_survey"] == REGIONAL
    figures = [r[k] for r in records for k in ("value", "employed", "benchmark_value") if r[k] is not None]
    assert figures and all(isinstance(f, float) for f in figures)
    assert {r["age"] for r in records} == {"계", "15 - 64세", "15 - 29세"}


def in_jeonnam_in_2022(dataset: Dataset, gov_id: str) -> bool:
    """A 시·군 of 전라남도 in 2022 (since 2026-07-01 they belong to 전남광주통합특별시)."""
    gov = dataset.government(gov_id)
    return gov.province == "전남" or any(state.province == "전남" for state in gov.former)


@needs_exports
def test_show_json_and_csv_carry_the_same_figures(run: Run, dataset: Dataset) -> None:
    result = run("show", "여수시", "--format", "json")
    figures = {(row["period"], row["age"]): row for row in json.loads(result.stdout)["official"]}
    row = figures[("2022-H2", "15 - 64세")]
    assert (row["value"], row["unit"], row["survey"], row["rse"]) == (70.0, "%", REGIONAL, None)
    column = "2022.2/2"
    jeonnam = [
        r for gov_id, r in regional_by_government(dataset, "15 - 64세", "고용률 (%)").items()
        if in_jeonnam_in_2022(dataset, gov_id)
    ]  # fmt: skip
    employed = regional_by_government(dataset, "15 - 64세", "취업자 (천명)")
    people = sum(float(employed[g][column]) for g in employed if in_jeonnam_in_2022(dataset, g))
    population = sum(
        float(employed[g][column]) / float(rates[column]) * 100
        for g, rates in regional_by_government(dataset, "15 - 64세", "고용률 (%)").items()
        if in_jeonnam_in_2022(dataset, g)
    )
    assert len(jeonnam) == 22  # every 시·군 of 전남
    assert row["benchmark_value"] == round(100 * people / population, 1)
    count = published("여수시", "15 - 64세", "취업자 (천명)", column)
    assert (row["employed"], row["employed_unit"]) == (float(count), "천명")
    result = run("show", "여수시", "--format", "tsv")
    rows = list(csv.DictReader(result.stdout.splitlines(), delimiter="\t"))
    official = {(r["period"], r["age"]): r for r in rows if r["section"] == "official"}
    assert official[("2022-H2", "15 - 64세")]["value"] == "70.0"
    assert official[("2021-H2", "15 - 64세")]["value"] == "67.6"


@needs_province_export
@needs_exports
def test_a_province_gets_the_annual_province_series(run: Run) -> None:
    result = run("show", "경북", "--format", "json")
    figures = {(row["period"], row["age"]): row for row in json.loads(result.stdout)["official"]}
    working, every = figures[("2021", "15 - 64세")], figures[("2021", "계")]
    assert working["survey"] == "경제활동인구조사"
    assert working["value"] == province_published("37 경상북도", "T100", "2021")
    assert working["benchmark_value"] == 66.5  # 전국, the same survey
    assert every["benchmark_value"] == province_published("00 계", "T90", "2021")
    # 실업률 (all ages) comes with the 시·도 survey only, on the all-ages record
    assert (every["unemployment"], every["unemployment_unit"]) == (
        province_published("37 경상북도", "T80", "2021"),
        "%",
    )
    assert working["unemployment"] is None
    table = run("show", "경북").stdout.splitlines()
    start = table.index("공식 고용통계 (통계청)")
    (line,) = [x for x in table[start:] if x.startswith("2021 ")]
    assert line.split()[-1] == f"{province_published('37 경상북도', 'T80', '2021'):.1f}"
    assert any(x.startswith("실업률: ") for x in table)
    city = json.loads(run("show", "강릉시", "--format", "json").stdout)["official"]
    assert city and all(row["unemployment"] is None for row in city)  # the 시·군·구 export has no 실업률


@needs_exports
def test_compare_year_sets_each_winner_beside_the_non_winners_of_its_kind(run: Run, dataset: Dataset) -> None:
    result = run("compare", "--year", "2023", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    sections = [r["section"] for r in records]
    assert sections == sorted(sections, key=["official", "news"].index)  # the official records first
    rows = [r for r in records if r["section"] == "official" and r["reason"] is None]
    assert [r["change"] for r in rows] == sorted((r["change"] for r in rows), reverse=True)
    yeosu = next(r for r in rows if r["government_id"] == "전남 여수시")
    assert (yeosu["before_period"], yeosu["before_value"], yeosu["after_period"], yeosu["after_value"]) == (
        "2021-H2",
        67.6,
        "2022-H2",
        70.0,
    )
    assert yeosu["change"] == 2.4
    for gov_id, kind in (("전남 여수시", "do_si"), ("강원 영월군", "do_gun"), ("서울 관악구", "metro_gu_gun")):
        row = next(r for r in rows if r["government_id"] == gov_id)
        expected, count = peers_median(dataset, 2023, kind, "2021.2/2", "2022.2/2")
        assert (row["peers"], row["peers_change"], row["peers_count"]) == (kind, pytest.approx(expected), count)
    assert peers_median(dataset, 2023, "do_gun", "2021.2/2", "2022.2/2")[0] == 0.2  # the figure
    assert {r["year"] for r in rows} == {2023}
    assert all(isinstance(r[k], float) for r in rows for k in ("before_value", "after_value"))


def test_compare_window_after_and_the_news_figures_follow(run: Run) -> None:
    for args in (("--official",), ()):  # --official is the default, kept for scripts
        result = run("compare", "여수시", *args, "--window", "after")
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        row = next(line for line in lines if line.startswith("2023"))
        record = next(
            r
            for r in json.loads(run("compare", "여수시", "--window", "after", "--format", "json").stdout)
            if r["section"] == "official" and r["year"] == 2023
        )
        peers, versus = f"{record['peers_change']:+.1f}", f"{2.0 - record['peers_change']:+.1f}"
        count = str(record["peers_count"])
        assert row.split() == ["2023", "전남", "여수시", "최우수상", "70.0", "72.0", "+2.0", peers, count, versus,
                               "22H2→24H2"]  # fmt: skip
        assert lines.index("보도 수치 (언론 보도, 공식 통계 아님)") > lines.index(row)
        assert "기간: 수상 후 (Y−1년 하반기 → Y+1년 하반기; 광역은 연간 Y−1 → Y+1)" in lines


def test_bare_compare_is_the_newest_edition_the_series_covers(run: Run, dataset: Dataset) -> None:
    from jobaward.query.official import latest_period

    latest = latest_period(load_official())
    assert latest == "2024-H2"  # so 2025's window (2023-H2 → 2024-H2) is the newest covered
    result = run("compare")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "공식 통계: 수상 지자체의 고용률 변화"
    assert lines[1].startswith("2025년 회차: 공식 통계가 평가 기간을 모두 담은 가장 최근 회차.")
    assert "--year 연도" in result.stdout and "--news" in result.stdout
    records = json.loads(run("compare", "--format", "json").stdout)
    official = [r for r in records if r["section"] == "official"]
    assert {(r["year"], r["before_period"], r["after_period"]) for r in official if r["level"] == "기초"} == {
        (2025, "2023-H2", "2024-H2")
    }
    winners = {a.government for a in dataset.awards if a.year == 2025}
    assert {r["government_id"] for r in records if r["section"] == "news"} <= winners
    after = json.loads(run("compare", "--window", "after", "--format", "json").stdout)
    assert {r["year"] for r in after if r["section"] == "official"} == {2023}  # 2022-H2 → 2024-H2


def test_compare_gives_official_then_news_records_in_every_format(run: Run) -> None:
    records = json.loads(run("compare", "강릉시", "--format", "json").stdout)
    assert [r["section"] for r in records][:1] == ["official"] and records[-1]["section"] == "news"
    award_2022 = next(r for r in records if r["section"] == "official" and r["year"] == 2022)
    assert (award_2022["before_period"], award_2022["before_value"]) == ("2020-H2", 64.1)
    assert (award_2022["after_period"], award_2022["after_value"], award_2022["unit"]) == ("2021-H2", 67.2, "%")
    assert (award_2022["survey"], award_2022["rse"], award_2022["change"]) == (REGIONAL, None, 3.1)
    assert all(set(r) == set(records[0]) for r in records)  # every key in every record (docs/output.md)
    alone = json.loads(run("compare", "강릉시", "--news", "--format", "json").stdout)
    news = [r for r in records if r["section"] == "news"]
    assert [{k: r[k] for k in alone[0]} for r in news] == alone and alone
    assert all(r[k] is None for r in news for k in set(r) - set(alone[0]) - {"section"})  # official keys: null
    rows = list(csv.DictReader(run("compare", "강릉시", "--format", "tsv").stdout.splitlines(), delimiter="\t"))
    assert [r["section"] for r in rows] == [r["section"] for r in records]
    assert next(r for r in rows if r["section"] == "official" and r["year"] == "2022")["after_value"] == "67.2"


def test_news_gives_the_news_figures_alone_and_refuses_official_options(run: Run) -> None:
    table = run("compare", "--news").stdout
    assert "공식 통계" not in table and table.rstrip().endswith("지표 101개")
    for options in (("--year", "2023"), ("--official",), ("--window", "after")):
        result = run("compare", "--news", *options)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith("jobaward: --news는 보도 수치만 보여 주므로")


def test_compare_names_a_government_with_nothing_to_compare(run: Run, dataset: Dataset) -> None:
    winners = {a.government for a in dataset.awards}
    with_news = {i.government for i in dataset.indicators}
    quiet = next(g for g in dataset.governments if g.id not in winners | with_news)
    result = run("compare", "강릉시", quiet.id)
    assert result.exit_code == 0, result.stderr
    assert f"참고: {quiet.name}은(는) 공식 통계 전후 비교(조사가 있는 수상 연도)도, 보도 지표 기록도 없습니다." in (
        result.stderr
    )
    assert "강릉시" in result.stdout


def test_stats_official_says_it_describes_and_does_not_prove(run: Run) -> None:
    result = run("stats", "--official")
    assert result.exit_code == 0, result.stderr
    assert "서술일 뿐, 수상이 고용률을 바꿨다는 증거가 아닙니다" in result.stdout
    rows = json.loads(run("stats", "--official", "--year", "2023", "--format", "json").stdout)
    assert [r["peers"] for r in rows] == ["sido", "metro_gu_gun", "do_si", "do_gun"]
    municipal = rows[1:]
    assert {(r["before_period"], r["after_period"], r["age"]) for r in municipal} == {
        ("2021-H2", "2022-H2", "15 - 64세")
    }
    assert sum(r["winners"] + r["others"] for r in municipal) == 226  # every 시·군·구 published at both ends
    assert (rows[0]["before_period"], rows[0]["after_period"], rows[0]["winners"] + rows[0]["others"]) == (
        "2021",
        "2022",
        17,
    )
    for row in rows:
        assert row["gap_low"] <= row["gap"] <= row["gap_high"]
        assert row["within_noise"] == (row["gap_low"] <= 0 <= row["gap_high"])
    again = json.loads(run("stats", "--official", "--year", "2023", "--format", "json").stdout)
    assert again == rows  # the bootstrap is seeded
    english = run("stats", "--official", "--lang", "en").stdout
    assert "it does not show that an award changed anything" in english
    assert "sample-survey estimates" in english
    after = run("stats", "--official", "--window", "after").stdout
    assert "기간: 수상 후 (Y−1년 하반기 → Y+1년 하반기; 광역은 연간 Y−1 → Y+1)" in after
    assert "수상 전 평가 기간" not in after


@needs_exports
def test_stats_official_and_compare_use_the_same_peer_groups(run: Run, dataset: Dataset) -> None:
    stats = json.loads(run("stats", "--official", "--year", "2023", "--format", "json").stdout)
    records = json.loads(run("compare", "--year", "2023", "--format", "json").stdout)
    for row in stats:
        compared = [r for r in records if r["section"] == "official" and r["peers"] == row["peers"]]
        assert {(r["peers_change"], r["peers_count"]) for r in compared} == {
            (row["others_median_change"], row["others"])
        }
    expected, count = peers_median(dataset, 2023, "do_gun", "2021.2/2", "2022.2/2")
    assert (stats[3]["others_median_change"], stats[3]["others"]) == (expected, count)


def test_bad_window_is_a_usage_error(run: Run) -> None:
    result = run("compare", "--year", "2023", "--window", "later")
    assert result.exit_code == 2
    assert result.stderr.startswith("jobaward: --window")
    assert run("compare", "2022", "2023", "--official").exit_code == 2


@pytest.mark.parametrize(
    "args", [("show", "강릉시"), ("compare", "--year", "2023"), ("stats", "--official"), ("show", "경북")]
)
def test_official_views_fit_80_columns(run: Run, args: tuple[str, ...]) -> None:
    from rich.cells import cell_len

    result = run(*args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    start = next(i for i, line in enumerate(result.stdout.splitlines()) if line.startswith("공식"))
    section = result.stdout.splitlines()[start:]
    section = (
        section[: section.index("보도 수치 (언론 보도, 공식 통계 아님)")]
        if "보도 수치 (언론 보도, 공식 통계 아님)" in section
        else section
    )
    assert all(cell_len(line.rstrip()) <= 80 for line in section)
    assert not any("…" in line for line in section)


# --- newer figures: a KOSIS download, the OpenAPI ----------------------------------------------------


def test_import_a_kosis_download_extends_the_series(run: Run) -> None:
    result = run("official", "import", str(FIXTURES / "download.csv"))
    assert result.exit_code == 0, result.stderr
    assert "2024-H2–2025-H1" in result.stdout
    assert official_value("강원 강릉시", "15 - 64세", "2025-H1") == "69.1"
    assert official_value("강원 강릉시", "15 - 64세", "2024-H2") == "68.7"
    assert official_value("강원 강릉시", "15 - 64세", "2021-H2") == "67.2"  # the bundle stays under it
    assert official_value("강원 강릉시", "15 - 64세", "2025-H1", item="취업자") == ""  # '-': not published
    shown = run("show", "강릉시").stdout
    assert "2013-H1" in shown and "2025-H1" in shown


def test_import_never_replaces_a_file_it_did_not_create(run: Run, tmp_path: Path) -> None:
    foreign = tmp_path / "mine.tsv"
    foreign.write_text("my own notes\n", encoding="utf-8")
    result = run("official", "import", str(FIXTURES / "download.csv"), "--output", str(foreign))
    assert result.exit_code == 2
    assert result.stderr.startswith("jobaward: ")
    assert foreign.read_text(encoding="utf-8") == "my own notes\n"


def test_import_refuses_a_file_that_is_not_a_kosis_table(run: Run, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    result = run("official", "import", str(wrong))
    assert result.exit_code == 3
    assert "KOSIS 통계표 CSV가 아닙니다" in result.stderr
    assert not user_file().exists()


def test_api_response_reader_skips_dashes_and_keeps_kosis_order(dataset: Dataset) -> None:
    raw = read_api_response((FIXTURES / "api_ok.json").read_text(encoding="utf-8"), "api").rows
    series = {(s.government, s.age, s.item): s for s in regional_series(raw, dataset)}
    rate = series[("강원 강릉시", "15 - 64세", "고용률")]
    assert rate.points == [("2025-H1", "69.1")]  # 2025-H2 was '-'
    assert series[("경남 고성군", "15 - 64세", "고용률")].at("2025-H1") == "72.0"  # C1 3834: 경남's
    assert series[("강원 강릉시", "계", "취업자")].unit == "천명"


def test_api_error_object_is_a_data_error() -> None:
    with pytest.raises(DataError) as raised:
        read_api_response((FIXTURES / "api_error.json").read_text(encoding="utf-8"), "api")
    assert raised.value.lines(english=False) == ["데이터 오류: api:0: KOSIS 오류 20: 정보가 없습니다."]
    assert raised.value.lines(english=True) == ["data error: api:0: KOSIS error 20: 정보가 없습니다."]


def test_fetch_asks_kosis_with_the_users_key_and_writes_the_user_file(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def urlopen(url: str, timeout: float) -> Reply:
        asked.append(url)
        return Reply((FIXTURES / "api_ok.json").read_bytes())

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    result = run("official", "fetch", "--key", "SECRET", "--from", "2025-H1")
    assert result.exit_code == 0, result.stderr
    assert "tblId=DT_1ES3A03_A01S" in asked[0] and "startPrdDe=202501" in asked[0] and "endPrdDe=202502" in asked[0]
    assert "apiKey=SECRET" in asked[0]
    assert [s.at("2025-H1") for s in read_file(user_file()) if s.label == "여수시"] == ["71.3"]


def test_fetch_error_object_exits_3_without_showing_the_key(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "urllib.request.urlopen", lambda url, timeout: Reply((FIXTURES / "api_error.json").read_bytes())
    )
    result = run("official", "fetch", "--key", "SECRET")
    assert result.exit_code == 3
    hint = "요청 변수가 맞지 않습니다 (반기 코드 H/S, 기간 형식 등)"
    assert result.stderr == f"jobaward: 데이터 오류: KOSIS OpenAPI:0: KOSIS 오류 20: 정보가 없습니다. — {hint}\n"
    assert "SECRET" not in result.stderr + result.stdout
    assert not user_file().exists()


def test_fetch_needs_a_key_and_a_half_year(run: Run) -> None:
    assert run("official", "fetch", env={"KOSIS_API_KEY": None}).exit_code == 2
    result = run("official", "fetch", "--key", "K", "--from", "2025")
    assert result.exit_code == 2 and "2025-H1" in result.stderr
    assert kosis.api_period("2025-H2") == "202502"


def test_a_download_with_a_cell_that_is_not_a_figure_is_refused(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("행정구역별,연령별,항목,단위,2025.1/2\n강릉시,계,고용률 (%),,\x1b[31m61.5\n", encoding="utf-8")
    result = run("official", "import", str(bad))
    assert result.exit_code == 3
    assert result.stderr == f"jobaward: 데이터 오류: {bad}:2:5: 수치가 아닙니다: '\\x1b[31m61.5'\n"
    assert "\x1b" not in result.stderr
    assert not user_file().exists()


def test_thousands_separators_are_formatting_not_part_of_the_figure(dataset: Dataset) -> None:
    text = '행정구역별,연령별,항목,단위,2025.1/2\n수원시,계,취업자 (천명),,"1,234.5"\n'
    (series,) = regional_series(read_regional_csv(text, "csv"), dataset)
    assert (series.government, series.at("2025-H1")) == ("경기 수원시", "1234.5")


def test_a_hand_edited_user_file_with_junk_is_a_data_error(run: Run) -> None:
    user_file().parent.mkdir(parents=True, exist_ok=True)
    first_line = bundled_path().read_text(encoding="utf-8").split("\n")[0]
    user_file().write_text(f"{first_line}\n지역별고용조사\t강릉시\t강원 강릉시\t계\t고용률\t%\t2025-H1\tabc\n", "utf-8")
    result = run("show", "강릉시")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"jobaward: 데이터 오류: {user_file()}:2: 수치가 아닙니다: 'abc'")


def test_gunwi_is_set_beside_gyeongbuk_until_it_moved_to_daegu(dataset: Dataset) -> None:
    from jobaward.query.official import benchmark_id

    gunwi = dataset.government("대구 군위군")
    assert benchmark_id(dataset, gunwi, "2023-H1") == "경북"
    assert benchmark_id(dataset, gunwi, "2023-H2") == "대구"
    assert benchmark_id(dataset, dataset.government("경북"), "2021") == "전국"


@needs_province_export
def test_a_province_winner_is_compared_with_the_other_provinces_over_the_same_years(run: Run, dataset: Dataset) -> None:
    rows = json.loads(run("compare", "경북", "--official", "--format", "json").stdout)
    row = next(r for r in rows if r["section"] == "official" and r["year"] == 2023)
    assert (row["survey"], row["before_period"], row["after_period"]) == ("경제활동인구조사", "2021", "2022")
    assert row["before_value"] == province_published("37 경상북도", "T100", "2021")
    assert row["after_value"] == province_published("37 경상북도", "T100", "2022")
    winners = {a.government for a in dataset.awards if a.year == 2023}
    labels = {r[0] for r in csv.reader(NATIONAL_CSV.open(encoding="utf-8-sig")) if r and r[0][:2] in SIDO_CODES}
    changes = [
        province_published(label, "T100", "2022") - province_published(label, "T100", "2021")
        for label in labels
        if SIDO_CODES[label[:2]] not in winners
    ]
    assert (row["peers"], row["peers_count"]) == ("sido", len(changes))
    assert row["peers_change"] == pytest.approx(statistics.median(changes))


def test_sparkline_scales_low_to_high_and_leaves_gaps_blank() -> None:
    from jobaward.output.official_tables import sparkline

    assert sparkline([50.0, None, 60.0, 55.0]) == "▁ █▅"
    assert sparkline([None]) == ""


@needs_exports
def test_absorbed_units_are_kept_apart_and_named(run: Run, dataset: Dataset) -> None:
    from jobaward.query.official import own_series

    cheongju = own_series(load_official(), dataset.government("충북 청주시"))["계"]
    assert cheongju.label == "청주시"
    assert cheongju.at("2013-H2") == published("청주시", "계", "고용률 (%)", "2013.2/2")
    assert published("청원군", "계", "고용률 (%)", "2013.2/2") != cheongju.at("2013-H2")
    assert "다른 단위의 계열 (섞지 않음): 청원군 2013-H1–2014-H1" in run("show", "청주시").stdout


def test_compare_keeps_the_news_figures_of_the_editions_winners(dataset: Dataset) -> None:
    from jobaward.query.awards import compare_indicators
    from jobaward.query.official import news_of_winners, without_figures

    news = compare_indicators(dataset, [], None, None)
    winners_2023 = {a.government for a in dataset.awards if a.year == 2023}
    kept = news_of_winners(dataset, news, 2023)
    assert kept and {row.government.id for row in kept} <= winners_2023
    assert len(kept) == sum(row.government.id in winners_2023 for row in news) < len(news)
    assert news_of_winners(dataset, news, None) == list(news)
    with_news = kept[0].government
    silent = next(gov for gov in dataset.governments if gov.id not in {row.government.id for row in news})
    assert without_figures([with_news, silent], [], kept) == [silent]


def test_winners_without_figures_are_told_apart_and_separated(run: Run, dataset: Dataset) -> None:
    records = json.loads(run("compare", "--year", "2013", "--format", "json").stdout)
    dropped = [r for r in records if r["section"] == "official" and r["reason"] is not None]
    assert any(r["government_id"] == "대구 중구" for r in dropped)
    english = run("compare", "--year", "2013", "--lang", "en", "--no-pager", env={"COLUMNS": "80"}).stdout
    section = english[english.index("Winners without an official before/after:") : english.index("\nWindow: ")]
    assert "Jung-gu (Daegu)" in section  # one Jung-gu among several
    groups = {(r["reason"], r["before_period"], r["after_period"]) for r in dropped}
    header, *lines = section.splitlines()[1:]
    names = " ".join(line[header.index("Government") :] for line in lines)  # English: one cell a character
    assert names.count(",") == len(dropped) - len(groups)  # a comma after each name but a group's last
    korean = run("compare", "--year", "2013", "--no-pager", env={"COLUMNS": "80"}).stdout
    assert "대구 중구 (" in korean[korean.index("공식 통계 전후 비교가 없는 수상 지자체:") :]


def test_summaries_worked_out_for_one_edition_equal_those_of_all(dataset: Dataset) -> None:
    from jobaward.query.official import edition_summaries

    official = load_official()
    everything = edition_summaries(official, dataset)
    assert [row for row in everything if row.year == 2023] == edition_summaries(official, dataset, years={2023})
    assert [row for row in everything if row.year == 2019 and row.kind == DO_GUN] == edition_summaries(
        official, dataset, years={2019}, groups={DO_GUN}
    )
    assert any(row.interval is not None for row in everything if row.year == 2023)  # the bootstrap ran
