"""Official statistics (통계청 KOSIS): the bundled series, its region mapping, the views that show
it, and the readers that extend it. Expected figures come from the KOSIS exports in shared/."""

from __future__ import annotations

import csv
import json
import statistics
from pathlib import Path

import pytest

from jobaward.errors import DataError
from jobaward.model import REGIONAL, Dataset
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

from .conftest import ROOT, SHARED, Run

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
    assert {s.government for s in series} == {"전국"} | {g.id for g in dataset.governments if g.level == "광역"}


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


def test_show_gives_the_rate_around_each_award_with_the_province_and_credit(run: Run) -> None:
    result = run("show", "강릉시")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "공식 고용통계 (통계청)" in out
    assert any(line.split()[:5] == ["2021-H2", "15–64", "67.2", "강원", "67.2"] for line in out.splitlines())
    assert any(
        line.split()[:8] == ["2022-H2", "▲", "15–64", "66.2", "강원", "67.8", "-1.6", "95"] for line in out.splitlines()
    )  # an award year, marked as in the sparkline; 취업자 (천명) 15–64세: 95
    assert "출처: 통계청, 「지역별고용조사」 (KOSIS)" in out
    assert "출처: 통계청, 「경제활동인구조사」 (KOSIS)" in out
    assert "▲ 수상 연도" in out


@needs_province_export
@needs_exports
def test_show_json_and_csv_carry_the_same_figures(run: Run) -> None:
    result = run("show", "여수시", "--format", "json")
    figures = {row["period"]: row for row in json.loads(result.stdout)["official"]}
    row = figures["2022-H2"]
    assert (row["value"], row["unit"], row["age"], row["survey"], row["rse"]) == (70, "%", "15 - 64세", REGIONAL, None)
    assert row["benchmark_value"] == province_published("36 전라남도", "T100", "2022")
    employed = published("여수시", "15 - 64세", "취업자 (천명)", "2022.2/2")
    assert (row["employed"], row["employed_unit"]) == (float(employed), "천명")
    result = run("show", "여수시", "--format", "tsv")
    rows = list(csv.DictReader(result.stdout.splitlines(), delimiter="\t"))
    official = {r["period"]: r for r in rows if r["section"] == "official"}
    assert (official["2022-H2"]["value"], official["2021-H2"]["value"]) == ("70", "67.6")


@needs_province_export
@needs_exports
def test_a_province_gets_the_annual_province_series(run: Run) -> None:
    result = run("show", "경북", "--format", "json")
    figures = {row["period"]: row for row in json.loads(result.stdout)["official"]}
    assert figures["2021"]["survey"] == "경제활동인구조사"
    assert figures["2021"]["value"] == province_published("37 경상북도", "T100", "2021")
    assert figures["2021"]["benchmark_value"] == 66.5  # 전국
    # 실업률 (all ages) comes with the 시·도 survey only
    assert (figures["2021"]["unemployment"], figures["2021"]["unemployment_unit"]) == (
        province_published("37 경상북도", "T80", "2021"),
        "%",
    )
    table = run("show", "경북").stdout.splitlines()
    (line,) = [x for x in table if x.startswith("2021 ") and "전국" in x]  # the official row, not an award
    assert line.split()[-1] == str(province_published("37 경상북도", "T80", "2021"))
    assert any(x.startswith("실업률: ") for x in table)
    city = json.loads(run("show", "강릉시", "--format", "json").stdout)["official"]
    assert city and all(row["unemployment"] is None for row in city)  # the 시·군·구 export has no 실업률


def winners_median(window: tuple[str, str]) -> float:
    """The median 15–64 change of every 시·군·구 in the export, computed here from the CSV."""
    changes = []
    seen: set[str] = set()
    with REGIONAL_CSV.open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if (
                row["연령별"] != "15 - 64세"
                or row["항목"] != "고용률 (%)"
                or row["행정구역별"] in ("제주시", "서귀포시")
            ):
                continue
            before, after = row[window[0]], row[window[1]]
            if before and after:
                changes.append(float(after) - float(before))
            seen.add(row["행정구역별"])
    return statistics.median(changes)


@needs_exports
def test_compare_year_lists_winners_largest_change_first_beside_the_median(run: Run) -> None:
    result = run("compare", "--year", "2023", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    sections = [r["section"] for r in records]
    assert sections == sorted(sections, key=["official", "news"].index)  # the official records first
    rows = [r for r in records if r["section"] == "official"]
    assert [r["change"] for r in rows] == sorted((r["change"] for r in rows), reverse=True)
    yeosu = next(r for r in rows if r["government_id"] == "전남 여수시")
    assert (yeosu["before_period"], yeosu["before_value"], yeosu["after_period"], yeosu["after_value"]) == (
        "2021-H2",
        67.6,
        "2022-H2",
        70,
    )
    assert yeosu["change"] == 2.4
    assert yeosu["peers_change"] == pytest.approx(winners_median(("2021.2/2", "2022.2/2")), abs=0.005)
    assert {r["year"] for r in rows} == {2023}


def test_compare_window_after_and_the_news_figures_follow(run: Run) -> None:
    for args in (("--official",), ()):  # --official is the default, kept for scripts
        result = run("compare", "여수시", *args, "--window", "after")
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        row = next(line for line in lines if line.startswith("2023"))
        assert row.split() == ["2023", "전남", "여수시", "최우수상", "70", "72", "+2.0", "+1.0", "+1.0", "22H2→24H2"]
        assert lines.index("보도 수치 (언론 보도, 공식 통계 아님)") > lines.index(row)


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
    news = [{k: v for k, v in r.items() if k != "section"} for r in records if r["section"] == "news"]
    assert news == json.loads(run("compare", "강릉시", "--news", "--format", "json").stdout) and news
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
    assert len(rows) == 1
    assert (rows[0]["before_period"], rows[0]["after_period"], rows[0]["age"]) == ("2021-H2", "2022-H2", "15 - 64세")
    assert rows[0]["winners"] + rows[0]["others"] == 226  # every 시·군·구 published at both ends
    english = run("stats", "--official", "--lang", "en").stdout
    assert "it does not show that an award changed anything" in english


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


class Reply:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self) -> bytes:
        return self.body

    def __enter__(self) -> Reply:
        return self

    def __exit__(self, *args: object) -> None:
        return None


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
def test_a_province_winner_is_compared_with_the_nation_over_the_same_years(run: Run) -> None:
    rows = json.loads(run("compare", "경북", "--official", "--format", "json").stdout)
    row = next(r for r in rows if r["section"] == "official" and r["year"] == 2023)
    assert (row["survey"], row["before_period"], row["after_period"]) == ("경제활동인구조사", "2021", "2022")
    assert row["before_value"] == province_published("37 경상북도", "T100", "2021")
    assert row["after_value"] == province_published("37 경상북도", "T100", "2022")
    national = province_published("00 계", "T100", "2022") - province_published("00 계", "T100", "2021")
    assert (row["peers"], row["peers_change"]) == ("national", pytest.approx(national))


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
