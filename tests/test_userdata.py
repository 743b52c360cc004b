"""Users' own data: overlay, validate, add, and never losing a record."""

from __future__ import annotations

import json
import multiprocessing
import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobaward.errors import DataError
from jobaward.storage import safety
from jobaward.storage.append import Target, append
from jobaward.storage.toml_data import parse_dataset

from .conftest import Run, only_line

PRESS = "https://example.org/press/gangneung-2030"

OWN = """# my awards, typed from press releases
schema = 1

[[sources]]
id = "mine"
publisher = "강릉시 보도자료"
url = "https://example.org/gangneung/2030"

[[awards]]   # the 2030 result
year = 2030
government = "강원 강릉시"
category = "공시제"
grade = "우수상"
sources = ["mine"]
"""


def write(path: Path, text: str) -> str:
    path.write_text(text, "utf-8")
    return str(path)


def test_data_file_adds_to_the_bundled_data(run: Run, tmp_path: Path) -> None:
    own = write(tmp_path / "own.toml", OWN)
    result = run("list", "--year", "2030", "--data", own)
    assert any("강릉시" in line and "우수상" in line for line in result.stdout.splitlines())
    bundled_only = run("list", "--year", "2022").stdout.rstrip().splitlines()[-1]
    assert bundled_only.startswith("수상 5")  # 50-odd bundled awards in 2022
    assert run("list", "--year", "2022", "--data", own).stdout.rstrip().splitlines()[-1] == bundled_only  # still there
    assert "수상 1건" in result.stdout  # no bundled award in 2030: this one


def test_no_bundled_uses_only_the_given_files(run: Run, tmp_path: Path) -> None:
    base = OWN.replace('government = "강원 강릉시"', 'government = "강원"')
    governments = """
[[governments]]
id = "강원"
name = "강원특별자치도"
level = "광역"
name_en = "Gangwon State"
"""
    own = write(tmp_path / "own.toml", base + governments)
    result = run("list", "--data", own, "--no-bundled")
    assert result.exit_code == 0, result.stderr
    assert "수상 1건" in result.stdout
    assert run("show", "강릉시", "--data", own, "--no-bundled").exit_code == 1


def test_same_key_replaces_a_bundled_record_and_validate_says_so(run: Run, tmp_path: Path) -> None:
    correction = OWN.replace("year = 2030", "year = 2022").replace('"우수상"', '"특별상"') + "incentive = 56000000\n"
    own = write(tmp_path / "fix.toml", correction)
    listed = json.loads(run("list", "--year", "2022", "--format", "json", "--data", own).stdout)
    gangneung = [r["incentive_krw"] for r in listed if r["government_id"] == "강원 강릉시"]
    assert gangneung == [56_000_000]
    report = run("validate", own)
    assert report.exit_code == 0
    assert f"{own}:awards[0]: 참고: data.toml의 awards 기록을 대체합니다" in report.stdout.splitlines()
    english = run("validate", own, env={"JOBAWARD_LANG": "en"})
    assert f"{own}:awards[0]: note: replaces awards record from data.toml" in english.stdout.splitlines()
    assert report.stdout.splitlines()[-1] == "파일 1개 검사: 오류 0개, 경고 0개"
    assert english.stdout.splitlines()[-1] == "checked 1 file: 0 errors, 0 warnings"


def test_jobaward_data_is_a_path_list(run: Run, tmp_path: Path) -> None:
    first = write(tmp_path / "a.toml", OWN)
    second = write(tmp_path / "b.toml", OWN.replace("2030", "2031").replace('"mine"', '"mine2"'))
    result = run(
        "list",
        "--province",
        "강원",
        "--level",
        "기초",
        "--format",
        "csv",
        env={"JOBAWARD_DATA": os.pathsep.join([first, second])},
    )
    years = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert years[:2] == ["2031", "2030"]


def test_default_user_file_is_read_and_data_path_prints_it(run: Run, isolated_user_data: Path) -> None:
    said = run("data", "path")
    path = Path(said.stdout.strip())
    assert path == isolated_user_data / "jobaward" / "data.toml"
    assert said.stderr == "이 파일은 아직 없습니다: jobaward add가 처음 기록할 때 만듭니다.\n"
    assert not any(line.startswith("2030   공시제") for line in run("show", "강릉시").stdout.splitlines())
    path.parent.mkdir(parents=True)
    path.write_text(OWN, "utf-8")
    assert any(line.startswith("2030   공시제") for line in run("show", "강릉시").stdout.splitlines())
    now = run("data", "path", "--lang", "en")
    assert (
        now.stdout == f"{path}\n"
        and now.stderr == "This file exists: every command reads it on top of the bundled data.\n"
    )


BROKEN = [
    (
        "syntax.toml",
        b"[[awards]\nyear = 2023\n",
        "syntax.toml:1:9: TOML 문법 오류: 배열 테이블 선언 끝에 ']]'가 있어야 합니다",
    ),
    (
        "types.toml",
        b'[[awards]]\nyear = "abc"\ngovernment = 1\nsources = ["s"]\n',
        "types.toml:awards[0].year: 2010부터 2100까지의 연도가 필요합니다, 받은 값: 'abc'",
    ),
    ("missing.toml", b"[[awards]]\nyear = 2023\n", "missing.toml:awards[0].government: 빠졌습니다"),
    (
        "dupkey.toml",
        b'[[sources]]\nid = "a"\nid = "b"\n',
        "dupkey.toml:3:9: TOML 문법 오류: 이미 있는 값을 덮어쓸 수 없습니다",
    ),
    ("utf8.toml", b"schema = 1\n# \xff\xfe\n", "utf8.toml:2:0: 올바른 UTF-8 텍스트가 아닙니다"),
    ("binary.toml", bytes(range(256)) * 4, "binary.toml:2:0: 올바른 UTF-8 텍스트가 아닙니다"),
    (
        "unknownref.toml",
        b'[[awards]]\nyear = 2023\ngovernment = "x y"\nsources = ["nope"]\n',
        "unknownref.toml:awards[0].sources: 알 수 없는 출처 'nope'",
    ),
    ("schema.toml", b"schema = 2\n", "schema.toml:schema: schema = 1이어야 합니다, 받은 값: 2"),
]


@pytest.mark.parametrize(("name", "content", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_through_validate_and_data(
    run: Run, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    report = run("validate", str(path))
    assert report.exit_code == 3
    where, text = message.split(": ", 1)
    assert f"{tmp_path}/{where}: 오류: {text}" in report.stdout.splitlines()
    used = run("list", "--data", str(path))
    assert used.exit_code == 3
    assert used.stdout == ""
    assert f"jobaward: 데이터 오류: {tmp_path}/{message}" in used.stderr
    assert "Traceback" not in used.stderr


def test_directory_and_missing_path(run: Run, tmp_path: Path) -> None:
    for target, message in (
        (tmp_path, "디렉터리입니다, 데이터 파일이 아닙니다"),
        (tmp_path / "nope.toml", "파일이 없습니다"),
    ):
        report = run("validate", str(target))
        assert report.exit_code == 3 and f"{target}: 오류: {message}\n" in report.stdout  # no position
        used = run("show", "강릉시", "--data", str(target))
        assert used.exit_code == 3 and used.stderr.strip() == f"jobaward: 데이터 오류: {target}: {message}"


def test_an_empty_file_is_valid(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    assert run("validate", str(empty)).exit_code == 0
    assert run("list", "--year", "2022", "--data", str(empty)).exit_code == 0


def test_suspicious_values_are_warnings(run: Run, tmp_path: Path) -> None:
    odd = write(
        tmp_path / "odd.toml",
        """
[[sources]]
id = "s"
publisher = "x"
url = "https://example.org"

[[editions]]
year = 2030
awarded_total = -3
sources = ["s"]

[[indicators]]
government = "강원 강릉시"
indicator = "고용률"
unit = "%"
before = { period = "2024", value = 60.0 }
after = { period = "2023", value = 120.5 }
sources = ["s"]
""",
    )
    report = run("validate", odd)
    assert report.exit_code == 0
    assert report.stdout.splitlines() == [
        f"{odd}:editions[0].awarded_total: 경고: 음수인 개수 -3",
        f"{odd}:indicators[0].after.value: 경고: 100을 넘는 백분율: 120.5",
        f"{odd}:indicators[0].after.period: 경고: 이후 시점 2023이(가) 이전 시점 2024보다 앞섭니다",
        "파일 1개 검사: 오류 0개, 경고 3개",
    ]


def test_validate_without_files_checks_everything_loaded(run: Run) -> None:
    report = run("validate")
    assert report.exit_code == 0
    assert report.stdout.splitlines()[-1] == "파일 1개 검사: 오류 0개, 경고 0개"
    assert run("validate", "--lang", "en").stdout.splitlines()[-1] == "checked 1 file: 0 errors, 0 warnings"


ADD = [
    "add",
    "award",
    "--year",
    "2030",
    "--government",
    "강릉시",
    "--category",
    "공시제",
    "--grade",
    "우수상",
    "--source",
    PRESS,
    "--source-date",
    "2030-09-30",
]


def test_add_appends_and_keeps_the_users_text(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    original = OWN.replace("2030", "2024").replace("우수상", "최우수상")
    own.write_text(original, "utf-8")
    result = run(*ADD, "--data", str(own))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"{own}에 추가: 수상 (2030, 강원 강릉시, 공시제, 우수상)"
    text = own.read_text("utf-8")
    assert text.startswith(original)
    dataset = load_file_with_bundled(own)
    added = next(a for a in dataset.awards if a.key == (2030, "강원 강릉시", "공시제", "우수상"))
    source = dataset.source_by_id[added.sources[0]]
    assert (source.url, source.date and source.date.isoformat()) == (PRESS, "2030-09-30")


def load_file_with_bundled(path: Path):  # type: ignore[no-untyped-def]
    from jobaward.storage.toml_data import load_layers

    return load_layers([path]).dataset


def test_add_refuses_a_duplicate_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    assert run(*ADD, "--data", str(own)).exit_code == 0
    before = own.read_bytes()
    again = run(*ADD, "--data", str(own))
    assert again.exit_code == 3
    assert (
        again.stderr == f"jobaward: {own}: 이미 기록된 수상이라 추가하지 않았습니다: 2030 강원 강릉시 공시제 우수상\n"
    )
    bundled_duplicate = run(
        "add",
        "award",
        "--year",
        "2022",
        "--government",
        "강릉시",
        "--category",
        "공시제",
        "--grade",
        "특별상",
        "--source",
        PRESS,
        "--data",
        str(own),
    )
    assert bundled_duplicate.exit_code == 3
    assert bundled_duplicate.stderr == (
        f"jobaward: {own}: 이미 기록된 수상이라 추가하지 않았습니다: 2022 강원 강릉시 공시제 특별상\n"
    )
    assert own.read_bytes() == before


def test_add_refuses_unknown_government_with_suggestions(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    result = run("add", "award", "--year", "2030", "--government", "강늉시", "--source", PRESS, "--data", str(own))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "jobaward: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:",
        "  강릉시",
    ]
    assert not own.exists()


def test_add_refuses_an_invalid_record(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    result = run(
        "add",
        "award",
        "--year",
        "2030",
        "--government",
        "양양군",
        "--grade",
        "금상",
        "--source",
        PRESS,
        "--data",
        str(own),
    )
    assert result.exit_code == 2  # an option error, as `list --grade 금상` gives
    assert result.stderr == (
        "jobaward: --grade: 알 수 없는 값 '금상'; 가능한 값: 종합대상, 대상, 최우수상, 우수상, 특별상\n"
    )
    assert not own.exists()


def test_add_indicator_and_source(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    result = run(
        "add",
        "indicator",
        "--government",
        "강릉시",
        "--indicator",
        "고용률 (15~64세)",
        "--unit",
        "%",
        "--after",
        "70.1",
        "--after-period",
        "2030",
        "--source",
        PRESS,
        "--data",
        str(own),
    )
    assert result.exit_code == 0, result.stderr
    shown = run("compare", "강릉시", "--indicator", "고용률 (15~64세)", "--data", str(own))
    assert "70.1% (2030)" in shown.stdout
    source = run(
        "add",
        "source",
        "--url",
        "https://example.org/x",
        "--publisher",
        "예시일보",
        "--date",
        "2030-01-02",
        "--data",
        str(own),
    )
    assert source.stdout.strip() == f"{own}에 추가: 출처 example-20300102"
    reused = run("add", "source", "--url", PRESS, "--publisher", "아시아경제", "--data", str(own))
    assert reused.exit_code == 3
    assert (
        reused.stderr
        == f"jobaward: 데이터 오류: {own}:sources: 중복: 이 URL의 출처가 이미 'example'(으)로 기록되어 있습니다\n"
    )


def test_add_goes_to_the_default_user_file(run: Run, isolated_user_data: Path) -> None:
    assert run(*ADD).exit_code == 0
    path = isolated_user_data / "jobaward" / "data.toml"
    assert "[[awards]]" in path.read_text("utf-8")
    assert any(line.startswith("2030   공시제") for line in run("show", "강릉시").stdout.splitlines())


def add_many(path: str, first_year: int) -> None:
    for year in range(first_year, first_year + 20):
        record = {"year": year, "government": "강원 양양군", "grade": "우수상", "sources": ["seed-001"]}
        append(Target(Path(path), []), [("awards", record)])


def test_concurrent_adds_all_land(tmp_path: Path) -> None:
    path = tmp_path / "shared.toml"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=add_many, args=(str(path), start)) for start in (2030, 2050)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    dataset = load_file_with_bundled(path)
    added = sorted(a.year for a in dataset.awards if a.government == "강원 양양군")
    assert added == [*range(2030, 2050), *range(2050, 2070)]


def test_a_crash_mid_write_leaves_the_previous_file(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")

    replace = os.replace

    def crash(source: str, destination: str) -> None:
        if Path(destination) == own:
            raise KeyboardInterrupt
        replace(source, destination)

    def crash_exchanging(source: Path, destination: Path) -> bool:
        if Path(destination) == own:
            raise KeyboardInterrupt
        return False

    monkeypatch.setattr(os, "replace", crash)
    monkeypatch.setattr(safety, "exchange", crash_exchanging)
    with pytest.raises(KeyboardInterrupt):
        append(Target(own, []), [("awards", {"year": 2031, "government": "강원 양양군", "sources": ["mine"]})])
    assert own.read_text("utf-8") == OWN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["own.toml", "own.toml.lock"]
    keys = {a.key for a in load_file_with_bundled(own).awards}
    assert (2030, "강원 강릉시", "공시제", "우수상") in keys
    assert not any(key[:2] == (2031, "강원 양양군") for key in keys)


VALID = OWN.encode()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(str.encode),
        st.tuples(st.integers(0, len(VALID)), st.integers(0, 40), st.binary(max_size=20)).map(
            lambda t: VALID[: t[0]] + t[2] + VALID[t[0] + t[1] :]
        ),
    )
)
def test_the_loader_returns_a_dataset_or_its_own_error(raw: bytes) -> None:
    try:
        parse_dataset(raw, "fuzz.toml")
    except DataError as error:
        assert error.problems


@pytest.mark.parametrize(
    ("printed", "stored"),
    [("고용노동부 장관 기관표창", "고용노동부장관 표창"), ("장관상", "고용노동부장관상"), ("기관 표창", "기관표창")],
)
def test_add_stores_the_one_spelling_of_an_honour(run: Run, tmp_path: Path, printed: str, stored: str) -> None:
    own = tmp_path / "own.toml"
    assert run(*ADD, "--honor", printed, "--data", str(own)).exit_code == 0
    assert f'honor = "{stored}"' in own.read_text("utf-8")
    listed = json.loads(run("list", "--year", "2030", "-f", "json", "--data", str(own)).stdout)
    assert [row["honor"] for row in listed] == [stored]


def test_add_refuses_a_bad_category_as_list_does(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    listed = run("list", "--category", "엉뚱한값")
    for option in ("--category", "--grade"):
        bad = [*ADD, "--data", str(own)]
        bad[bad.index(option) + 1] = "엉뚱한값"
        added = run(*bad)
        assert added.exit_code == 2, added.stderr
        assert f"{option}: 알 수 없는 값 '엉뚱한값'" in only_line(added.stderr)
    assert only_line(run(*[*ADD[:7], "엉뚱한값", *ADD[8:]]).stderr) == only_line(listed.stderr)
    assert listed.exit_code == 2
    assert not own.exists()


@pytest.mark.parametrize(
    ("typed", "won"),
    [
        ("7000만원", 70_000_000),
        ("7,000만원", 70_000_000),
        ("1억원", 100_000_000),
        ("1억 5천만원", 150_000_000),
        ("9천만원", 90_000_000),
        ("1억 3,500만원", 135_000_000),
        ("55000000", 55_000_000),
    ],
)
def test_add_takes_the_amounts_jobaward_prints(run: Run, tmp_path: Path, typed: str, won: int) -> None:
    own = tmp_path / "own.toml"
    assert run(*ADD, "--incentive", typed, "--data", str(own)).exit_code == 0
    assert tomllib.loads(own.read_text("utf-8"))["awards"][0]["incentive"] == won


def test_add_refuses_what_is_not_an_amount(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    for typed in ("칠천", "1만 2억", "12,34", "-5", "5천 3천"):
        done = run(*ADD, "--incentive", typed, "--data", str(own))
        assert done.exit_code == 2 and "--incentive" in only_line(done.stderr), typed
    assert not own.exists()


def test_parse_won_inverts_won() -> None:
    from jobaward.output.text import parse_won, won

    amounts = [0, 1, 999, 10_000, 55_000_000, 135_000_000, 10**12 + 5, 123_456_789_012_345]
    amounts += [7**n for n in range(40)]
    for amount in amounts:
        assert parse_won(won(amount)) == amount, won(amount)
    assert parse_won(won(55_000_000, english=True)) == 55_000_000


def test_add_help_says_required_once(run: Run) -> None:
    text = run("add", "award", "--help").stdout
    assert "(필수)" not in text and text.count("[필수]") == 3


def test_validate_counts_the_files_asked_for(run: Run, tmp_path: Path) -> None:
    one, two = write(tmp_path / "a.toml", OWN), write(tmp_path / "b.toml", OWN.replace("2030", "2031"))
    assert run("validate", one).stdout.splitlines()[-1] == "파일 1개 검사: 오류 0개, 경고 0개"
    assert run("validate", one, two).stdout.splitlines()[-1] == "파일 2개 검사: 오류 0개, 경고 0개"


BROKEN = """
[[sources]]
id = "s1"
publisher = "x"
url = "https://example.org/1"

[[awards]]
year = 2030
government = "없는곳"
sources = ["s9"]

[[indicators]]
government = "없는곳"
indicator = "고용률"
unit = "%"
after = { value = 60.0 }
sources = ["s1"]

[[awards]]
year = "이천"
government = "강원 양양군"
sources = ["s1"]
"""


def test_validate_checks_references_despite_a_structural_error(run: Run, tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.toml", BROKEN)
    report = run("validate", broken)
    assert report.exit_code == 3
    assert report.stdout.splitlines() == [
        f"{broken}:awards[1].year: 오류: 2010부터 2100까지의 연도가 필요합니다, 받은 값: '이천'",
        f"{broken}:awards[0].sources: 오류: 알 수 없는 출처 's9'",
        f"{broken}:awards[0].government: 오류: 알 수 없는 지자체 '없는곳'"
        " (같은 참조가 1곳 더: indicators[0].government)",
        "파일 1개 검사: 오류 3개, 경고 0개",
    ]


def test_validate_survives_records_too_broken_to_follow(run: Run, tmp_path: Path) -> None:
    odd = write(tmp_path / "odd.toml", 'awards = "x"\n[[indicators]]\ngovernment = 5\nsources = "s"\nbefore = 3\n')
    report = run("validate", odd)
    assert report.exit_code == 3 and "Traceback" not in report.stdout + report.stderr
    assert report.stdout.splitlines()[-1] == "파일 1개 검사: 오류 7개, 경고 0개"
    assert "알 수 없는 지자체" not in report.stdout  # the government that did not read is said once
