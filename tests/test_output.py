"""Machine-readable output, files, export and pipes: every command in every format."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jobaward.errors import UsageProblem
from jobaward.model import Dataset
from jobaward.output.records import AWARD_KEYS, INDICATOR_KEYS, PROFILE_ROW_KEYS
from jobaward.storage import files
from jobaward.storage.toml_data import load_file

from .conftest import Run


def parse_json(run: Run, *args: str) -> object:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def parse_rows(run: Run, fmt: str, *args: str) -> list[dict[str, str]]:
    result = run(*args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))


def test_list_json_has_documented_keys_numbers_and_sources(mini_run: Run) -> None:
    records = parse_json(mini_run, "list", "--year", "2022")
    assert isinstance(records, list) and len(records) == 7
    assert all(tuple(record) == AWARD_KEYS for record in records)
    gangneung = next(r for r in records if r["government_id"] == "강원 강릉시")
    assert gangneung["incentive_krw"] == 55_000_000
    assert gangneung["grade"] == "특별상" and gangneung["category"] == "공시제"
    assert gangneung["province"] == "강원특별자치도" and gangneung["level"] == "기초"
    assert gangneung["sources"] == [
        {
            "id": "seed-001",
            "publisher": "브레이크뉴스",
            "date": "2022-07-21",
            "url": "https://kb.breaknews.com/21684",
            "seed": "001_eafe5825fc35b9bc.txt",
            "title": "강릉시, 2022년 전국지자체 일자리대상 '특별상' 수상",
        }
    ]
    gangwon = next(r for r in records if r["government_id"] == "강원")
    assert (gangwon["government"], gangwon["name_at_award"], gangwon["province"]) == ("강원특별자치도", "강원도", None)


def test_json_is_utf8_not_escaped(run: Run) -> None:
    out = run("list", "--year", "2022", "--format", "json").stdout
    assert "강릉시" in out and "\\u" not in out


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_list_delimited_has_header_and_raw_numbers(mini_run: Run, fmt: str) -> None:
    rows = parse_rows(mini_run, fmt, "list", "--year", "2023", "--province", "강원")
    assert [r["government"] for r in rows] == ["강원특별자치도", "춘천시", "강릉시", "영월군"]
    assert tuple(rows[0]) == AWARD_KEYS
    assert rows[0]["incentive_krw"] == "135000000"
    # a seed article without a URL reads as its publisher, date and headline, never its file name
    seed = "아주경제, 2023-08-03, 강원도, 2023 전국 지방자치단체 일자리대상"
    assert rows[2]["sources"] == f"{seed} https://m.nocutnews.co.kr/news/5987853"


def test_show_json_is_the_whole_profile(mini_run: Run) -> None:
    document = parse_json(mini_run, "show", "강원도")
    assert isinstance(document, dict)
    assert document["government"]["id"] == "강원"
    assert document["government"]["former_names"] == [{"name": "강원도", "until": "2023-06-10"}]
    assert document["longest_streak_years"] == 2
    assert document["streaks"] == [{"start": 2022, "end": 2023, "years": 2}]
    assert [a["year"] for a in document["awards"]] == [2022, 2023]
    assert document["total_incentive_krw"] == 375_000_000  # 2022 2억4,000만 + 2023 1억3,500만
    # the seed's 80,900 is kept, marked as a variant of NSP통신's 809천 (which compare ranks)
    employed = document["indicators"][0]
    assert (employed["indicator"], employed["before_value"], employed["after_value"], employed["superseded"]) == (
        "취업자수",
        80900,
        81800,
        True,
    )
    assert "809천명 → 818천명" in employed["note"]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_show_delimited_has_awards_then_indicators(run: Run, fmt: str) -> None:
    rows = parse_rows(run, fmt, "show", "강릉시")
    assert tuple(rows[0])[: len(PROFILE_ROW_KEYS)] == PROFILE_ROW_KEYS  # official figures' keys follow
    assert [r["section"] for r in rows if r["section"] != "official"] == ["award"] * 7 + ["indicator"] * 9
    employed = next(r for r in rows if r["indicator"] == "취업자수")
    assert (employed["before_value"], employed["after_value"], employed["change"]) == ("112500", "118100", "5600")
    assert employed["percent_change"] == "4.98"


def test_compare_json_and_csv_agree(run: Run) -> None:
    records = parse_json(run, "compare", "강릉시", "--news")
    assert isinstance(records, list)
    assert all(tuple(r) == INDICATOR_KEYS for r in records)
    benchmarked = next(r for r in records if r["benchmark_value"] is not None)
    assert (benchmarked["after_value"], benchmarked["benchmark_value"], benchmarked["benchmark_gap"]) == (
        67.2,
        66.5,
        0.7,
    )
    female = next(r for r in records if r["indicator"] == "여성 고용률")
    assert (female["change"], female["change_unit"], female["percent_change"]) == (0.5, "%p", None)
    rows = parse_rows(run, "csv", "compare", "강릉시", "--news")
    assert [r["indicator"] for r in rows] == [r["indicator"] for r in records]


def test_empty_results_are_empty_documents(run: Run) -> None:
    empty = ("list", "--year", "2013", "--category", "우수사업", "--province", "제주")
    assert parse_json(run, *empty) == []
    result = run(*empty, "--format", "csv")
    assert result.stdout.splitlines() == [",".join(AWARD_KEYS)]


def test_excel_csv_has_a_bom_and_guards_formulas(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "awards.csv"
    result = run("list", "--year", "2022", "--excel", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["government"] for r in rows if r["grade"] == "특별상"] == [
        "강릉시",
        "아산시",
        "익산시",
        "진안군",
        "김천시",
    ]
    note = next(r["note"] for r in rows if r["government"] == "광주광역시")
    assert note.startswith("5년 연속 최우수상")
    assert raw.count(b"\r\n") == len(rows) + 1


def test_excel_formula_guard(run: Run, tmp_path: Path) -> None:
    text = """
[[sources]]
id = "s1"
publisher = "x"
url = "https://example.org"
[[governments]]
id = "강원"
name = "강원특별자치도"
level = "광역"
name_en = "Gangwon State"
[[awards]]
year = 2024
government = "강원"
project = "=HYPERLINK(\\"http://evil\\")"
sources = ["s1"]
"""
    own = tmp_path / "own.toml"
    own.write_text(text, "utf-8")
    only = ("--data", str(own), "--no-bundled")
    plain = list(csv.DictReader(io.StringIO(run("list", "--format", "csv", *only).stdout)))
    excel = list(csv.DictReader(io.StringIO(run("list", "--excel", *only).stdout.removeprefix("\ufeff"))))
    assert plain[0]["project"] == '=HYPERLINK("http://evil")'
    assert excel[0]["project"] == '\'=HYPERLINK("http://evil")'
    assert excel[0]["year"] == "2024"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["list", "--format", "xml"],
            "jobaward: --format: 알 수 없는 값 'xml'; 가능한 값: table, json, csv, tsv",
        ),
        (
            ["list", "--format", "json", "--excel"],
            "jobaward: --excel은 CSV를 씁니다; --format json와 함께 쓸 수 없습니다",
        ),
        (
            ["list", "--format", "csv", "--svg", "x.svg"],
            "jobaward: --svg는 표 화면을 그립니다; --format csv와 함께 쓸 수 없습니다",
        ),
        (
            ["list", "--output", "/nonexistent-dir/x.csv"],
            "jobaward: /nonexistent-dir/x.csv에 쓸 수 없습니다: /nonexistent-dir 디렉터리가 없습니다",
        ),
        (
            ["export", "--format", "csv"],
            "jobaward: --format csv는 섹션마다 파일 하나를 씁니다: --output DIRECTORY를 주세요",
        ),
    ],
)
def test_output_option_errors(run: Run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_table_to_a_file_has_no_colour_codes(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "list.txt"
    assert run("list", "--year", "2022", "--output", str(target), env={"FORCE_COLOR": "1"}).exit_code == 0
    text = target.read_text("utf-8")
    assert "\x1b" not in text and "강릉시" in text and "5,500만원" in text


def test_svg_picture_of_the_table(run: Run, tmp_path: Path) -> None:
    picture = tmp_path / "gangneung.svg"
    result = run("show", "강릉시", "--svg", str(picture))
    assert result.exit_code == 0
    assert "강릉시 (Gangneung-si)" in result.stdout
    svg = picture.read_text("utf-8")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "5,500만원" in svg.replace("&#160;", " ")


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", "utf-8")
    target.chmod(0o640)

    def crash(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write(target, b"new")
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    monkeypatch.undo()
    files.atomic_write(target, b"new")
    assert target.read_text("utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_write_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(UsageProblem, match="is a directory"):
        files.atomic_write(tmp_path, b"x")


def test_export_toml_round_trips(run: Run, tmp_path: Path, dataset: Dataset) -> None:
    target = tmp_path / "export.toml"
    assert run("export", "--output", str(target)).exit_code == 0
    assert load_file(target) == dataset
    assert target.read_text("utf-8").startswith("# jobaward dataset export")


def test_export_json_and_csv(run: Run, tmp_path: Path, dataset: Dataset) -> None:
    document = json.loads(run("export", "--format", "json").stdout)
    assert len(document["awards"]) == len(dataset.awards)
    gangwon = next(gov for gov in document["governments"] if gov["id"] == "강원")
    assert gangwon["former_names"] == [{"name": "강원도", "until": "2023-06-10"}]
    assert run("export", "--format", "csv", "--output", str(tmp_path)).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "awards.csv",
        "editions.csv",
        "governments.csv",
        "indicators.csv",
        "official.csv",
        "sources.csv",
    ]
    with open(tmp_path / "indicators.csv", encoding="utf-8", newline="") as f:
        first = next(csv.DictReader(f))
    assert (first["government_id"], first["before_value"], first["before_period"]) == ("강원 강릉시", "112500", "2020")


def test_export_writes_the_whole_official_series_winners_or_not(run: Run, tmp_path: Path, dataset: Dataset) -> None:
    from jobaward.storage.kosis_files import load_official

    assert run("export", "--format", "csv", "--output", str(tmp_path)).exit_code == 0
    with open(tmp_path / "official.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == ["government_id", "period", "age", "indicator", "value", "unit", "rse", "survey"]
    keys = [(r["government_id"], r["period"], r["age"], r["indicator"], r["survey"]) for r in rows]
    assert len(keys) == len(set(keys))
    published = sum(len(s.points) for s in load_official().series if s.item != "RSE")
    assert len(rows) == published  # every published figure, once
    winners = {a.government for a in dataset.awards}
    never = {r["government_id"] for r in rows} - winners - {"전국"}
    assert any(dataset.government_by_id.get(g) for g in never)  # governments that never won are there
    gangneung = {(r["period"], r["age"], r["indicator"]): r for r in rows if r["government_id"] == "강원 강릉시"}
    assert gangneung[("2021-H2", "15 - 64세", "고용률")]["value"] == "67.2"
    assert gangneung[("2021-H2", "15 - 29세", "고용률")]["value"] == "38.7"
    document = json.loads(run("export", "--format", "json").stdout)
    assert len(document["official"]) == len(rows)
    assert all(isinstance(r["value"], float) for r in document["official"])


def subprocess_env(**extra: str) -> dict[str, str]:
    unset = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM", "JOBAWARD_LANG", "LC_ALL", "LC_MESSAGES")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update({"LANG": "C.UTF-8", **extra})
    return env


def jobaward(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jobaward", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(**env),
        check=False,
    )


def test_piped_output_has_no_ansi_and_keeps_names_whole() -> None:
    done = jobaward("list", "--year", "2023")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout
    assert any("강원특별자치도" in line and "1억 3,500만원" in line for line in done.stdout.splitlines())


COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])(;[0-9]+)*m")


def test_force_color_and_no_color() -> None:
    forced = jobaward("compare", "강릉시", "--news", FORCE_COLOR="1").stdout
    assert COLOUR.search(forced)
    assert forced.splitlines()[0].lstrip("\x1b[1m").startswith("지자체")
    no_colour = jobaward("compare", "강릉시", "--news", FORCE_COLOR="1", NO_COLOR="1").stdout
    assert "\x1b[1m" in no_colour and not COLOUR.search(no_colour)


def test_errors_go_to_stderr_only() -> None:
    done = jobaward("show", "중구", "--format", "json")
    assert done.returncode == 1 and done.stdout == "" and "서울 중구" in done.stderr


def test_head_ends_quietly() -> None:
    command = f'"{sys.executable}" -m jobaward list | head -1; exit ${{PIPESTATUS[0]}}'
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=subprocess_env(), check=False)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.startswith("연도")


def test_docs_document_the_keys_the_code_writes() -> None:
    root = Path(__file__).resolve().parent.parent
    readme = "\n".join(page.read_text("utf-8") for page in [root / "README.md", *(root / "docs").glob("*.md")])
    assert ", ".join(AWARD_KEYS) in readme
    assert ", ".join(INDICATOR_KEYS) in readme
