"""Bad input never shows a traceback: one clear message on stderr and a documented exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobaward.cli import app

from .conftest import Run

BAD_INPUTS = [
    (
        ["show", "강늉시"],
        1,
        "jobaward: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:",
        "jobaward: no government called '강늉시'. Did you mean:",
    ),
    (
        ["show", "중구"],
        1,
        "jobaward: '중구'에 해당하는 지자체가 6곳입니다; 하나를 골라 주세요:",
        "jobaward: '중구' matches 6 governments; say which one:",
    ),
    (
        ["show", ""],
        1,
        "jobaward: 이름이 없습니다: 지자체 이름을 입력하세요 (예: 강릉시)",
        "jobaward: no name given: type a government's name, e.g. 강릉시",
    ),
    (
        ["show", "   "],
        1,
        "jobaward: 이름이 없습니다: 지자체 이름을 입력하세요 (예: 강릉시)",
        "jobaward: no name given: type a government's name, e.g. 강릉시",
    ),
    (
        ["show", "가" * 5000],
        1,
        "jobaward: 이름이 너무 깁니다 (5000자): 그런 이름의 지자체는 없습니다",
        "jobaward: name too long (5000 characters): no government has such a name",
    ),
    (
        ["show", "강릉\x1b[31m시"],
        1,
        "jobaward: '강릉?[31m시'(이)라는 지자체가 없습니다.",
        "jobaward: no government called '강릉?[31m시'.",
    ),
    (
        ["show", "Atlantis"],
        1,
        "jobaward: 'Atlantis'(이)라는 지자체가 없습니다.",
        "jobaward: no government called 'Atlantis'.",
    ),
    (
        ["compare", "강늉시"],
        1,
        "jobaward: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:",
        "jobaward: no government called '강늉시'. Did you mean:",
    ),
    (
        ["compare", "--indicator", ""],
        2,
        "jobaward: --indicator: 알 수 없는 지표 ''; 있는 지표: ",
        "jobaward: --indicator: unknown indicator ''; known: ",
    ),
    (
        ["list", "--province", ""],
        2,
        "jobaward: 알 수 없는 시도 ''; 가능한 값: 서울, 부산, 대구",
        "jobaward: unknown province ''; expected one of: 서울, 부산, 대구",
    ),
    (
        ["list", "--province", "강릉시"],
        2,
        "jobaward: 알 수 없는 시도 '강릉시'; 가능한 값: 서울",
        "jobaward: unknown province '강릉시'; expected one of: 서울",
    ),
    (
        ["list", "--category", "금메달"],
        2,
        "jobaward: --category: 알 수 없는 값 '금메달'; 가능한 값: 공시제, 우수사업",
        "jobaward: --category: unknown value '금메달'; expected one of: 공시제, 우수사업",
    ),
    (
        ["list", "--level", "국가"],
        2,
        "jobaward: --level: 알 수 없는 값 '국가'; 가능한 값: 광역, 기초",
        "jobaward: --level: unknown value '국가'; expected one of: 광역, 기초",
    ),
    (
        ["list", "--year", "abc"],
        2,
        "jobaward: --year: 'abc'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다",
        "jobaward: --year: 'abc' is not a year (2023) or a range (2019..2023)",
    ),
    (
        ["list", "--year", "1999"],
        2,
        "jobaward: --year: 1999은(는) 2010..2100 밖입니다",
        "jobaward: --year: 1999 is outside 2010..2100",
    ),
    (
        ["list", "--year", "2020..2200"],
        2,
        "jobaward: --year: 2020..2200은(는) 2010..2100 밖입니다",
        "jobaward: --year: 2020..2200 is outside 2010..2100",
    ),
    (
        ["compare", "2022", "2030"],
        2,
        "jobaward: 2030년 회차나 수상 기록이 없습니다. 있는 연도: 2012..",
        "jobaward: no edition or award recorded for 2030; years held: 2012..",
    ),
    (["list", "--bogus"], 2, "jobaward: 알 수 없는 옵션: --bogus", "jobaward: No such option: --bogus"),
    (["bogus"], 2, "jobaward: 알 수 없는 명령: bogus", "jobaward: No such command 'bogus'."),
    (["show"], 2, "jobaward: 인수가 빠졌습니다: NAME", "jobaward: Missing argument 'NAME'."),
]


@pytest.mark.parametrize("english", [False, True], ids=["ko", "en"])
@pytest.mark.parametrize(
    ("args", "code", "korean", "in_english"), BAD_INPUTS, ids=[" ".join(a)[:30] for a, *_ in BAD_INPUTS]
)
def test_bad_input_gets_a_message_and_exit_code(
    run: Run, args: list[str], code: int, korean: str, in_english: str, english: bool
) -> None:
    result = run(*args, env={"JOBAWARD_LANG": "en"} if english else None)
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.splitlines()[0].startswith(in_english if english else korean)
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_an_unknown_language_is_named_in_korean(run: Run) -> None:
    result = run("list", "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == "jobaward: 알 수 없는 언어 'fr'; 가능한 값: ko, en\n"


def test_environment_language_is_checked(run: Run) -> None:
    result = run("list", env={"JOBAWARD_LANG": "xx"})
    assert result.exit_code == 2
    assert result.stderr.strip() == "jobaward: 알 수 없는 언어 'xx'; 가능한 값: ko, en"
    in_english = run("list", env={"JOBAWARD_LANG": "xx", "LC_ALL": "en_US.UTF-8"})
    assert in_english.stderr.strip() == "jobaward: unknown language 'xx'; expected one of: ko, en"


HOSTILE = """
[[sources]]
id = "s1"
publisher = "[bold]뉴스[/bold]"
url = "https://example.org/1"

[[governments]]
id = "강원"
name = "강원특별자치도"
level = "광역"
name_en = "Gangwon State"

[[governments]]
id = "강원 테스트군"
name = "[red]테스트군[/red]"
level = "기초"
province = "강원"
name_en = "Test-gun"

[[awards]]
year = 2023
government = "강원 테스트군"
category = "우수사업"
grade = "우수상"
project = "\\u001b[31mevil\\u001b[0m [보도자료] 사업"
sources = ["s1"]
"""


@pytest.fixture
def hostile(tmp_path: Path) -> str:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, "utf-8")
    return str(path)


def test_markup_and_escape_codes_in_data_print_as_inert_text(run: Run, hostile: str) -> None:
    for args in (["list"], ["show", "강원 테스트군"]):
        result = run(*args, "--data", hostile, "--no-bundled", env={"FORCE_COLOR": "1", "NO_COLOR": None})
        assert result.exit_code == 0, result.stderr
        assert "[red]테스트군[/red]" in result.stdout
        assert "[31mevil[0m [보도자료] 사업" in result.stdout
        assert "\x1b[31mevil" not in result.stdout
    assert "[bold]뉴스[/bold]" in run("show", "강원 테스트군", "--data", hostile, "--no-bundled").stdout


def test_a_broken_data_file_is_exit_3_with_the_record_named(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[awards]]\nyear = 'x'\n", "utf-8")
    result = run("list", "--data", str(broken))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"jobaward: 데이터 오류: {broken}:awards[0].year: 2010부터 2100까지의 연도가 필요합니다, 받은 값: 'x'"
    )
    assert "Traceback" not in result.stderr


def complete(typed: str) -> str:
    env = {"_JOBAWARD_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"jobaward show {typed}"}
    result = CliRunner().invoke(app, [], prog_name="jobaward", env=env)
    assert result.exit_code == 0
    return result.stdout


def test_shell_completion_offers_government_names() -> None:
    assert complete("강릉") == "_arguments '*: :((\"강릉시\"))'\n"
    assert '"고성군"' in complete("고성")
    assert '"gangneung-si"' in complete("gangn")
    assert '"강원도"' in complete("강원")
    assert complete("없는이름") == "_files\n"


def test_show_in_english(run: Run) -> None:
    result = run("show", "강릉시", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Gangneung-si (강릉시)  Gangwon State · municipal")
    employed = next(line for line in out.splitlines() if "Employed persons" in line)
    assert "112,500 (2020)" in employed and "+5,600" in employed and "+5.0%" in employed
    assert "Special Prize" in out and "₩55,000,000" in out
    assert "Award streak: 2022–2025 (4 years in a row)" in out
