"""Newer official figures as users really get them (#21): KOSIS's genuine downloads in every
encoding and layout, regions told apart by KOSIS code, partial files, `official status`, and the
OpenAPI client replaying recorded answers (no test touches the network)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from jobaward.model import ALL_AGES, NATIONAL, RATE, REGIONAL, WORKING_AGE, Dataset
from jobaward.storage.kosis_files import (
    load_official,
    read_file,
    read_kosis_table,
    region_codes,
    split_item,
    user_file,
)
from tests.conftest import ROOT, Reply, Run, only_line

FIXTURES = ROOT / "tests" / "fixtures" / "kosis"
GENUINE = FIXTURES / "sigungu_labour_force_summary_2024H1.csv"


def genuine_text() -> str:
    return GENUINE.read_bytes().decode("utf-8")


def genuine_rows(*codes: str) -> list[list[str]]:
    """The genuine download's two header rows, then the rows of ``codes`` (all rows without codes)."""
    rows = list(csv.reader(io.StringIO(genuine_text())))
    return rows[:2] + [row for row in rows[2:] if not codes or row[0].split()[0] in codes]


def as_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def value(gov_id: str, period: str, age: str = WORKING_AGE, survey: str = REGIONAL) -> str:
    found = [s for s in load_official().of(gov_id) if (s.survey, s.age, s.item) == (survey, age, RATE)]
    assert len(found) == 1, f"{len(found)} {survey} {age} series for {gov_id}"
    return found[0].at(period)


def shown_rate(run: Run, name: str, period: str) -> float:
    rows = json.loads(run("show", name, "--format", "json").stdout)["official"]
    (row,) = [r for r in rows if r["period"] == period and r["age"] == WORKING_AGE]
    return float(row["value"])


# --- the genuine download ---------------------------------------------------------------------------


def test_the_fixture_is_the_genuine_download_unedited() -> None:
    data = GENUINE.read_bytes()
    assert data.startswith('"A 행정구역별",H202401 2024.1/2'.encode())  # no byte-order mark
    assert b'\n"3203 \xea\xb0\x95\xeb\xa6\x89\xec\x8b\x9c",192,119,117,1,73,61.9,61.2,68.6,1.2\n' in data


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_the_genuine_download_imports_in_every_encoding(run: Run, tmp_path: Path, encoding: str) -> None:
    download = tmp_path / f"download-{encoding}.csv"
    download.write_bytes(genuine_text().encode(encoding))
    before = shown_rate(run, "강릉시", "2024-H1")
    result = run("official", "import", str(download))
    assert result.exit_code == 0, result.stderr
    assert "2024-H1–2024-H1" in result.stdout
    assert before == shown_rate(run, "강릉시", "2024-H1") == 68.6  # the bundle's figure, KOSIS's own
    assert value("강원 강릉시", "2024-H1", age="계") == "61.2"
    keys = [s.key for s in load_official().series]
    assert len(keys) == len(set(keys))  # laid over the bundle's series, not beside them


def test_the_summary_tables_rates_are_read_and_its_whole_thousands_are_not(dataset: Dataset) -> None:
    table = read_kosis_table(genuine_text(), "download")
    assert table.survey == REGIONAL
    gangneung = {(r.age, r.item): r for r in table.rows if r.code == "3203"}
    assert gangneung[(WORKING_AGE, RATE)].points == (("2024-H1", "68.6"),)
    assert gangneung[("계", RATE)].points == (("2024-H1", "61.2"),)
    assert ("계", "취업자") not in gangneung  # 117 (whole thousands) would sit beside the bundle's 117.3
    assert split_item("T8 실업률 (％)") == ("실업률", "%")  # the full-width per cent


def test_a_transposed_download_is_read_by_its_headings(run: Run, tmp_path: Path) -> None:
    transposed = tmp_path / "transposed.csv"
    transposed.write_text(
        '"시점","항목","3203 강릉시","3834 고성군"\n'
        '"H202501 2025.1/2","T7 고용률 (%)",61.0,68.0\n'
        '"H202501 2025.1/2","T11 15~64세 고용률 (%)",69.9,73.3\n',
        encoding="utf-8",
    )
    result = run("official", "import", str(transposed))
    assert result.exit_code == 0, result.stderr
    assert (value("강원 강릉시", "2025-H1"), value("경남 고성군", "2025-H1")) == ("69.9", "73.3")
    assert value("강원 고성군", "2025-H1") == ""


# --- regions by code --------------------------------------------------------------------------------


def test_the_code_table_holds_only_codes_kosis_printed() -> None:
    codes = region_codes()
    assert (codes["3240"][1], codes["3834"][1]) == ("강원 고성군", "경남 고성군")
    assert codes["00"][1] == "전국" and codes["32"][1] == "강원"
    printed = {row[0].split()[0] for row in genuine_rows()[2:]}
    sido = {row[0].split()[0] for row in csv.reader(io.StringIO((FIXTURES / "sido_2023.csv").read_text("utf-8")))}
    assert printed <= set(codes)
    assert all(len(code) == 4 or code in sido or len(code) == 2 for code in codes)


def test_the_two_goseong_go_to_their_own_province_by_code(run: Run, tmp_path: Path) -> None:
    rows = genuine_rows("3240", "3834")
    assert [row[0] for row in rows[2:]] == ["3240 고성군", "3834 고성군"]
    rows[2][8], rows[3][8] = "70.1", "79.9"  # T11 15~64세 고용률, changed
    download = tmp_path / "goseong.csv"
    download.write_text(as_csv(rows), encoding="utf-8")
    result = run("official", "import", str(download))
    assert result.exit_code == 0, result.stderr
    assert "계열 4개" in result.stdout  # two regions × (계, 15–64세) 고용률, exactly
    assert (value("강원 고성군", "2024-H1"), value("경남 고성군", "2024-H1")) == ("70.1", "79.9")
    assert {s.government for s in read_file(user_file())} == {"강원 고성군", "경남 고성군"}
    assert value("강원 강릉시", "2024-H1") == "68.6"  # the rest of the bundle untouched


def test_the_goseong_order_does_not_matter(run: Run, tmp_path: Path) -> None:
    rows = genuine_rows("3240", "3834")
    download = tmp_path / "reversed.csv"
    download.write_text(as_csv([*rows[:2], rows[3], rows[2]]), encoding="utf-8")
    assert run("official", "import", str(download)).exit_code == 0
    assert (value("강원 고성군", "2024-H1"), value("경남 고성군", "2024-H1")) == ("73.7", "72.8")


def test_a_label_naming_two_governments_without_a_code_is_refused(run: Run, tmp_path: Path) -> None:
    download = tmp_path / "nocode.csv"
    download.write_text(
        "행정구역별,연령별,항목,단위,2025.1/2\n강릉시,계,고용률 (%),,61.0\n고성군,계,고용률 (%),,70.0\n"
    )
    result = run("official", "import", str(download))
    assert result.exit_code == 3
    assert only_line(result.stderr) == (
        f"jobaward: 데이터 오류: {download}:행정구역별: 코드 없이는 어느 지자체인지 알 수 없는 지역 "
        "(코드가 붙은 KOSIS 내려받기를 쓰세요): 고성군 (강원 고성군, 경남 고성군)"
    )
    assert not user_file().exists()


def test_a_code_missing_from_the_table_is_refused_by_name(run: Run, tmp_path: Path) -> None:
    rows = genuine_rows("3203")
    rows.append(["3999 전남광주통합특별시 어딘가구", *rows[2][1:]])
    download = tmp_path / "unknown.csv"
    download.write_text(as_csv(rows), encoding="utf-8")
    result = run("official", "import", str(download))
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1
    assert "코드표에 없는 코드 (추측하지 않음): 3999 전남광주통합특별시 어딘가구" in result.stderr
    assert not user_file().exists()


def test_a_code_that_contradicts_its_label_is_refused(run: Run, tmp_path: Path) -> None:
    rows = genuine_rows("3203")
    rows[2][0] = "3203 원주시"
    download = tmp_path / "mismatch.csv"
    download.write_text(as_csv(rows), encoding="utf-8")
    result = run("official", "import", str(download))
    assert result.exit_code == 3 and "3203 원주시 ≠ 강원 강릉시" in result.stderr
    assert not user_file().exists()


# --- the 시·도 annual table ---------------------------------------------------------------------------


def test_the_annual_province_table_imports_as_the_other_survey(run: Run) -> None:
    bundled = value("강원", "2023", survey=NATIONAL)
    result = run("official", "import", str(FIXTURES / "sido_2023.csv"))
    assert result.exit_code == 0, result.stderr
    assert bundled == value("강원", "2023", survey=NATIONAL) == "69.6"
    assert value("전국", "2023", survey=NATIONAL) == "69.2"
    assert {s.survey for s in read_file(user_file())} == {NATIONAL}
    keys = [s.key for s in load_official().series]
    assert len(keys) == len(set(keys))


# --- partial periods ------------------------------------------------------------------------------


def relabelled(rows: list[list[str]], period: str) -> str:
    """The genuine download moved to another half-year (a test of coverage, not of figures)."""
    code = f"H{period[:4]}0{period[-1]}"
    heading = f"{code} {period[:4]}.{period[-1]}/2"
    return as_csv([[rows[0][0]] + [heading] * (len(rows[0]) - 1), *rows[1:]])


def test_status_names_the_bundle_and_the_users_periods_and_warns_of_a_partial_one(run: Run, tmp_path: Path) -> None:
    assert "내 파일: 없음" in run("official", "status").stdout
    partial = tmp_path / "partial.csv"
    partial.write_text(as_csv(genuine_rows("3240", "3834", "3203")), encoding="utf-8")
    assert run("official", "import", str(partial)).exit_code == 0
    result = run("official", "status")
    assert result.exit_code == 0
    assert "내장 계열: 지역별고용조사 2013-H1–2024-H2" in result.stdout
    line = next(line for line in result.stdout.splitlines() if "2024-H1" in line)
    assert "3/227개 지역 (일부), 내장 계열 위에 덮어씀" in line and "강원 고성군" in line
    assert result.stderr == ""  # 2024-H1 itself is whole: the bundle holds every region
    narrow = run("official", "status", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert max(cell_len(line) for line in narrow.splitlines()) <= 80  # the regions wrap, Hangul two cells
    assert "강원 강릉시" in " ".join(narrow.split())

    new = tmp_path / "new.csv"
    new.write_text(relabelled(genuine_rows("3240", "3834", "3203"), "2025-H1"), encoding="utf-8")
    assert run("official", "import", str(new)).exit_code == 0
    result = run("official", "status")
    assert "2025-H1 3/227개 지역 (일부), 새 기간, 부분 기간이라 비교군 중앙값 없음" in result.stdout
    assert "주의: 지역별고용조사 2025-H1에는 3/227개 지역만 있습니다" in result.stderr
    english = run("official", "status", "--lang", "en")
    assert "your file: Local Area Labour Force Survey 2025-H1 3 of 227 regions (partial)" in english.stdout
    assert "지역별고용조사" not in english.stdout + english.stderr  # the survey named in English too
    periods = json.loads(run("official", "status", "--format", "json").stdout)["periods"]
    found = {(p["survey"], p["period"]): p for p in periods}
    assert found[(REGIONAL, "2025-H1")] | {"from_user": None} == {
        "survey": REGIONAL,
        "period": "2025-H1",
        "source": "user",
        "regions": 3,
        "expected": 227,
        "covered": False,
        "from_user": None,
    }
    assert found[(REGIONAL, "2024-H1")]["source"] == "bundle+user" and found[(REGIONAL, "2024-H1")]["covered"]
    table = list(csv.reader(io.StringIO(run("official", "status", "--format", "csv").stdout)))
    assert table[0] == ["survey", "period", "source", "regions", "expected", "covered", "from_user"]
    newest = next(row for row in table if row[:2] == [REGIONAL, "2025-H1"])
    assert newest[2:] == ["user", "3", "227", "false", "강원 강릉시, 강원 고성군, 경남 고성군"]


def test_a_partial_period_gives_no_peer_median_and_a_whole_one_does(run: Run, tmp_path: Path) -> None:
    """강릉시 won in 2024: its 'after' window is 2023-H2 → 2025-H2."""

    def gangneung_2024() -> dict[str, object]:
        rows = json.loads(run("compare", "강릉시", "--window", "after", "--format", "json").stdout)
        return next(r for r in rows if r["section"] == "official" and r["year"] == 2024)

    partial = tmp_path / "partial.csv"
    partial.write_text(relabelled(genuine_rows("3203", "3240", "3834", "3602", "3101"), "2025-H2"), "utf-8")
    assert run("official", "import", str(partial)).exit_code == 0
    row = gangneung_2024()
    assert (row["after_period"], row["after_value"]) == ("2025-H2", 68.6)
    assert (row["peers_change"], row["peers_count"], row["peers_covered"]) == (
        None,
        0,
        False,
    )  # five regions are not "all 시군구"
    shown = run("compare", "강릉시", "--window", "after", env={"COLUMNS": "80"}).stdout
    assert "비교군 없음 (23H2→25H2): 그 기간에는 일부 지역만 있어" in shown
    english = run("compare", "강릉시", "--window", "after", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert "No peers (23H2→25H2): only some regions hold that period" in english
    figures = json.loads(run("show", "강릉시", "--format", "json").stdout)["official"]
    (newest,) = [r for r in figures if r["period"] == "2025-H2" and r["age"] == WORKING_AGE]
    assert (newest["value"], newest["benchmark_value"]) == (68.6, None)  # five regions are not 강원
    assert "시·도 추정 없음 (2025-H2)" in run("show", "강릉시", env={"COLUMNS": "80"}).stdout
    summary = run("stats", "--official", "--year", "2024", "--window", "after", "--format", "json").stdout
    assert [(r["others"], r["others_median_change"]) for r in json.loads(summary)] == [(0, None)]
    shown = run("stats", "--official", "--year", "2024", "--window", "after", env={"COLUMNS": "80"}).stdout
    assert "비교군 없음 (23H2→25H2): 그 기간에는 일부 지역만 있어" in shown
    whole = tmp_path / "whole.csv"
    whole.write_text(relabelled(genuine_rows(), "2025-H2"), "utf-8")
    assert run("official", "import", str(whole)).exit_code == 0
    assert isinstance(gangneung_2024()["peers_change"], float) and gangneung_2024()["peers_covered"] is True
    assert "비교군 없음" not in run("compare", "강릉시", "--window", "after").stdout
    # covered again; still no estimate, for the 총괄 table gives no 취업자 to weigh by (not read)
    assert "시·도 추정 없음" not in run("show", "강릉시", env={"COLUMNS": "80"}).stdout


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"name,score\nkim,3\n",
            "1: KOSIS 통계표 CSV가 아닙니다",
        ),
        (
            '"A 행정구역별",H202401 2024.1/2\n"A 행정구역별",T7 고용률 (%)\n"3203 강릉시",6l.2\n'.encode(),
            "3:2: 수치가 아닙니다: '6l.2'",
        ),
        (b'"A \xff\xfe",H202401\n', "1: UTF-8도 CP949(EUC-KR)도 아닙니다"),
    ],
)
def test_junk_exits_3_with_the_line_and_writes_nothing(run: Run, tmp_path: Path, content: bytes, reason: str) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(content)
    result = run("official", "import", str(junk))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"jobaward: 데이터 오류: {junk}:{reason}")
    assert result.stdout == "" and not user_file().exists()
    good = run("official", "import", str(GENUINE))
    assert good.exit_code == 0 and user_file().exists()


# --- the OpenAPI client ---------------------------------------------------------------------------


def replay(monkeypatch: pytest.MonkeyPatch, answers: dict[str, str]) -> list[str]:
    """urlopen answering from fixtures by the request's prdSe (H, S or Y); the URLs asked."""
    asked: list[str] = []

    def urlopen(url: str, timeout: float) -> Reply:
        asked.append(url)
        code = url.split("prdSe=")[1].split("&")[0]
        return Reply((FIXTURES / answers[code]).read_bytes())

    monkeypatch.setattr("urllib.request.urlopen", urlopen)
    return asked


def test_a_wrong_half_year_code_is_retried_once_with_the_other(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = replay(monkeypatch, {"H": "api_error_js.txt", "S": "api_ok.json"})
    result = run("official", "fetch", "--key", "K", "--from", "2025-H1")
    assert result.exit_code == 0, result.stderr
    assert [url.split("prdSe=")[1][0] for url in asked] == ["H", "S"]
    assert result.stderr == "반기 코드 H에 KOSIS 오류 30; S(으)로 받았습니다\n"
    assert value("강원 강릉시", "2025-H1") == "69.1"


def test_javascript_style_error_objects_are_read_with_their_hint(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    replay(monkeypatch, {"H": "api_error_js.txt", "S": "api_error_js.txt"})
    result = run("official", "fetch", "--key", "K", "--lang", "en")
    assert result.exit_code == 3
    assert result.stderr == (
        "jobaward: data error: KOSIS OpenAPI:0: KOSIS error 30: 데이터가 존재하지 않습니다.: "
        "no figures for those periods (not published yet, or a wrong period code)\n"
    )


def test_too_many_cells_is_not_retried_and_says_what_to_do(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = replay(monkeypatch, {"H": "api_error_31.json"})
    result = run("official", "fetch", "--key", "K", "--from", "2013-H1", "--to", "2025-H2")
    assert result.exit_code == 3 and len(asked) == 1
    assert "--from/--to로 기간을 줄이세요" in result.stderr
    assert not user_file().exists()


def test_fetch_brings_the_annual_province_table(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = replay(monkeypatch, {"Y": "api_sido.json"})
    result = run("official", "fetch", "--key", "K", "--table", "sido", "--from", "2023")
    assert result.exit_code == 0, result.stderr
    assert "tblId=DT_1DA7004S" in asked[0] and "startPrdDe=2023" in asked[0] and "endPrdDe=2023" in asked[0]
    assert value("강원", "2023", survey=NATIONAL) == "69.6" and value("전국", "2023", survey=NATIONAL) == "69.2"
    keys = [s.key for s in load_official().series]
    assert len(keys) == len(set(keys))
    assert run("official", "fetch", "--key", "K", "--table", "sido", "--from", "2023-H1").exit_code == 2


def test_the_key_may_come_from_a_private_file_in_the_config_directory(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    key = tmp_path / "jobaward" / "kosis_key"
    key.parent.mkdir()
    key.write_text("FROMFILE\n", encoding="utf-8")
    os.chmod(key, 0o644)
    asked = replay(monkeypatch, {"H": "api_ok.json"})
    refused = run("official", "fetch", env={"KOSIS_API_KEY": None})
    assert refused.exit_code == 2 and not asked
    assert (
        refused.stderr
        == f"jobaward: {key}: 다른 사용자도 읽을 수 있는 키 파일은 쓰지 않습니다 (권한 0o644); chmod 600 {key}\n"
    )
    os.chmod(key, 0o600)
    result = run("official", "fetch", env={"KOSIS_API_KEY": None})
    assert result.exit_code == 0, result.stderr
    assert "apiKey=FROMFILE&" in asked[0] and "FROMFILE" not in result.stdout + result.stderr


OFFICIAL = ROOT.parent / "shared" / "research" / "official"


@pytest.mark.skipif(
    not (OFFICIAL / "kosis_downloads").is_dir(), reason="shared/research/official is not beside this checkout"
)
def test_the_code_table_is_what_the_tool_derives_from_kosis_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_kosis_codes", ROOT / "tools" / "build_kosis_codes.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    written = tmp_path / "kosis_codes.tsv"
    monkeypatch.setattr(tool, "codes_path", lambda: written)
    tool.main(OFFICIAL)
    assert written.read_text(encoding="utf-8") == (ROOT / "src" / "jobaward" / "data" / "kosis_codes.tsv").read_text(
        encoding="utf-8"
    )
    assert GENUINE.read_bytes() == (OFFICIAL / "kosis_downloads" / GENUINE.name).read_bytes()


def test_every_bundled_data_file_is_installed() -> None:
    """A wheel holds only the package data pyproject.toml names: a file left out (kosis_codes.tsv)
    works from a checkout and fails once installed."""
    import tomllib

    named = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    present = {f"data/{path.name}" for path in (ROOT / "src" / "jobaward" / "data").iterdir() if path.is_file()}
    assert present <= set(named["jobaward"])


def test_an_age_table_with_a_bracketed_region_heading_is_read(run: Run, tmp_path: Path) -> None:
    """The 시군구/연령별 table in KOSIS's two-header shape; KOSIS narrows a classification's name in
    brackets (``시도별(1)``, ``행정구역(시군구)별``), which names the same dimension."""
    for heading in ("A 행정구역(시군구)별", "A 행정구역별"):
        download = tmp_path / "ages.csv"
        download.write_text(
            f'"{heading}","B 연령별",H202501 2025.1/2,H202501 2025.1/2\n'
            f'"{heading}","B 연령별","T1 취업자 (천명)","T2 고용률 (%)"\n'
            '"3203 강릉시","000 계",118.0,61.9\n'
            '"3203 강릉시","020 15 - 64세",95.0,69.0\n'
            '"3240 고성군","000 계",18.0,70.2\n',
            encoding="utf-8",
        )
        result = run("official", "import", str(download))
        assert result.exit_code == 0, result.stderr
        assert (value("강원 강릉시", "2025-H1"), value("강원 고성군", "2025-H1", ALL_AGES)) == ("69.0", "70.2")


def test_a_missing_code_table_is_a_data_error(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobaward.storage import kosis_files

    missing = tmp_path / "kosis_codes.tsv"
    monkeypatch.setattr(kosis_files, "codes_path", lambda: missing)
    region_codes.cache_clear()
    try:
        result = run("official", "import", str(GENUINE))
    finally:
        region_codes.cache_clear()
    assert result.exit_code == 3
    assert only_line(result.stderr) == f"jobaward: 데이터 오류: {missing}: 파일이 없습니다"  # a read, not a write
    assert not user_file().exists()
