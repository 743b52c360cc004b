"""Hostile or careless input: bounded work, one `jobaward:` line, a documented exit code, clean text.

Each test is a case from issue 15 that crashed, hung, ran for minutes, printed Click's usage
text, exited 4 for a fault that is not a bug, or let escape codes reach the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import resource
import string
import subprocess
import sys
from pathlib import Path

import pytest

from jobaward.cli.options import complete_government
from jobaward.i18n.messages import MESSAGES
from jobaward.output.records import to_json

from .conftest import Run, only_line, run_process

BASE = "schema = 1\n"


# numbers


@pytest.mark.parametrize(("option", "value"), [("--before", "nan"), ("--after", "inf"), ("--benchmark", "-1e999")])
def test_nan_and_infinity_are_refused_on_input(run: Run, tmp_path: Path, option: str, value: str) -> None:
    own = tmp_path / "own.toml"
    args = ("add", "indicator", "--government", "강릉시", "--indicator", "고용률", "--unit", "%")
    result = run(
        *args, option, value, "--after-period", "2024", "--source", "https://example.org/1", "--data", str(own)
    )
    assert result.exit_code == 2
    assert only_line(result.stderr) == (
        f"jobaward: {option}: 유한한 숫자가 필요합니다 (NaN, 무한대 불가), 받은 값: '{value}'"
    )
    assert not own.exists()


def test_nan_in_a_file_is_a_data_error(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "nan.toml"
    own.write_text(
        BASE + '[[indicators]]\ngovernment = "강원 강릉시"\nindicator = "x"\nunit = "명"\n'
        'before = { value = nan }\nafter = { value = inf }\nsources = ["seed-001"]\n',
        "utf-8",
    )
    result = run("compare", "--format", "json", "--data", str(own))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"jobaward: 데이터 오류: {own}:indicators[0].before.value: 유한한 숫자가 필요합니다, 받은 값: nan",
        f"jobaward: 데이터 오류: {own}:indicators[0].after.value: 유한한 숫자가 필요합니다, 받은 값: inf",
    ]


def test_json_output_is_strict_json(run: Run) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        to_json({"value": float("nan")})

    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    document = json.loads(run("compare", "--format", "json").stdout, parse_constant=refuse)
    assert {row["government"] for row in document} >= {"강릉시"}


# files


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (BASE + "x = " + "[" * 600 + "]" * 600 + "\n", "nested more than 32 levels deep"),
        (BASE + "x = " + "[" * 40 + "]" * 40 + "\n", "nested more than 32 levels deep"),
        (".".join("a" * 50_000) + " = 1\n", "a key of more than 32 dotted parts"),
    ],
    ids=["600-deep", "40-deep", "50000-part key"],
)
def test_shape_limits_are_data_errors(tmp_path: Path, content: str, message: str) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(content, "utf-8")
    done = run_process("list", "--data", str(hostile))
    assert done.returncode == 3
    assert only_line(done.stderr).startswith(f"jobaward: data error: {hostile}:")
    assert only_line(done.stderr).endswith(message)


def limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_non_regular_files_are_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        done = run_process("list", "--data", path, preexec_fn=limited_memory)
        assert done.returncode == 3
        assert only_line(done.stderr) == (
            f"jobaward: data error: {path}: not a regular file (a device, FIFO or socket): refused"
        )


def test_a_file_over_the_size_limit_is_refused(run: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as out:
        out.truncate(32 * 1024 * 1024 + 1)
    result = run("list", "--data", str(big))
    assert result.exit_code == 3
    assert only_line(result.stderr) == (f"jobaward: 데이터 오류: {big}: 너무 큽니다: 33,554,433바이트 (한도 32 MiB)")


def test_an_unreadable_file_is_exit_3_however_it_is_given(run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("", "utf-8")
    inside = plain / "data.toml"
    for result in (run("list", "--data", str(inside)), run("list", env={"JOBAWARD_DATA": str(inside)})):
        assert result.exit_code == 3
        assert only_line(result.stderr) == (
            f"jobaward: 데이터 오류: {inside}: 읽을 수 없습니다: 디렉터리가 아닙니다 (ENOTDIR)"
        )


# faults of the machine, not of jobaward: exit 2 or 3, never 4


def test_a_full_disk_on_stdout_is_exit_2() -> None:
    with open("/dev/full", "w") as full:
        done = run_process("list", stdout=full)
    assert done.returncode == 2
    assert only_line(done.stderr) == "jobaward: cannot write to standard output: No space left on device"


def test_the_system_reason_is_said_in_korean_with_its_errno_name() -> None:
    with open("/dev/full", "w") as full:
        done = run_process("list", stdout=full, LC_ALL=None, JOBAWARD_LANG="ko")
    assert done.returncode == 2
    assert only_line(done.stderr) == "jobaward: 표준 출력에 쓸 수 없습니다: 장치에 남은 공간이 없습니다 (ENOSPC)"


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_closed_stdout_is_exit_2(fmt: str) -> None:
    command = f'"{sys.executable}" -m jobaward list --format {fmt} >&-'
    done = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"}, check=False
    )
    assert done.returncode == 2
    assert only_line(done.stderr) == (
        "jobaward: 표준 출력에 쓸 수 없습니다: 파일 기술자가 닫혀 있거나 잘못되었습니다 (EBADF)"
    )


def test_a_symlink_loop_is_not_a_bug(run: Run, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    written = run("list", "-o", str(loop))
    assert written.exit_code == 2
    assert only_line(written.stderr) == (
        f"jobaward: {loop}에 쓸 수 없습니다: 심볼릭 링크가 너무 여러 번 이어집니다 (ELOOP)"
    )
    read = run("list", "--data", str(loop))
    assert read.exit_code == 3
    assert only_line(read.stderr) == (
        f"jobaward: 데이터 오류: {loop}: 읽을 수 없습니다: 심볼릭 링크가 너무 여러 번 이어집니다 (ELOOP)"
    )
    added = run("add", "source", "--url", "https://example.org/1", "--publisher", "x", "--data", str(loop))
    assert added.exit_code == 3


def test_a_malformed_url_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    for url in ("http://[::1", "", "ftp://example.org/x"):
        result = run("add", "source", "--url", url, "--publisher", "x", "--data", str(own))
        assert result.exit_code == 2
        assert only_line(result.stderr) == f"jobaward: --url: https://… 같은 웹 주소가 필요합니다, 받은 값: '{url}'"
    empty = run("add", "award", "--year", "2031", "--government", "양양군", "--source", "", "--data", str(own))
    assert empty.exit_code == 2
    assert only_line(empty.stderr) == "jobaward: --source: https://… 같은 웹 주소가 필요합니다, 받은 값: ''"
    assert not own.exists()


def test_undecodable_arguments_and_an_ascii_locale() -> None:
    undecodable = run_process("show", b"\xff\xfe\xed")
    assert undecodable.returncode == 1
    assert only_line(undecodable.stderr) == "jobaward: no government called '???'."
    ascii_table = run_process("list", "--year", "2022", "--province", "강원", PYTHONIOENCODING="ascii", LC_ALL=None)
    assert ascii_table.returncode == 0
    assert "강원특별자치도" in ascii_table.stdout
    ascii_error = run_process("show", "강늉시", PYTHONIOENCODING="ascii", LC_ALL=None, LANG=None)
    assert ascii_error.returncode == 1
    assert (
        ascii_error.stderr.splitlines()[0] == "jobaward: '강늉시'(이)라는 지자체가 없습니다. 혹시 이 가운데 하나인가요:"
    )


def test_official_import_reads_within_the_data_file_limits(run: Run, tmp_path: Path) -> None:
    """A KOSIS download is untrusted like any data file: no FIFO hang, no device, no huge file."""
    fifo = tmp_path / "download.csv"
    os.mkfifo(fifo)
    big = tmp_path / "big.csv"
    with open(big, "wb") as out:
        out.truncate(32 * 1024 * 1024 + 1)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("행정구역별\n".encode("euc-kr") + b"\xff\xff\n")  # neither UTF-8 nor CP949
    target = tmp_path / "official.tsv"
    expected = {
        str(fifo): " 일반 파일이 아닙니다 (장치, FIFO 또는 소켓): 읽지 않습니다",
        "/dev/zero": " 일반 파일이 아닙니다 (장치, FIFO 또는 소켓): 읽지 않습니다",
        str(big): " 너무 큽니다: 33,554,433바이트 (한도 32 MiB)",
        str(latin): "1: UTF-8도 CP949(EUC-KR)도 아닙니다 (이 줄에서 UTF-8로 읽지 못함)",
    }
    for path, message in expected.items():
        done = run_process("official", "import", path, "-o", str(target), LC_ALL=None, LANG="C.UTF-8", timeout=20)
        assert done.returncode == 3
        assert only_line(done.stderr) == f"jobaward: 데이터 오류: {path}:{message}"
    english = run("official", "import", str(fifo), "-o", str(target), "--lang", "en")
    assert (
        only_line(english.stderr)
        == f"jobaward: data error: {fifo}: not a regular file (a device, FIFO or socket): refused"
    )
    assert not target.exists()


def test_official_output_that_jobaward_did_not_write_is_kept(run: Run, tmp_path: Path) -> None:
    download = tmp_path / "download.json"
    download.write_text("[]", "utf-8")
    mine = tmp_path / "notes.txt"
    mine.write_text("my notes", "utf-8")
    result = run("official", "import", str(download), "-o", str(mine))
    assert result.exit_code == 2
    assert only_line(result.stderr) == f"jobaward: {mine}: jobaward가 만든 공식 통계 파일이 아니어서 덮어쓰지 않습니다"
    assert mine.read_text("utf-8") == "my notes"


# one error path, in Korean or English


USAGE = [
    (
        ["list", "--year", "99999999999999999999"],
        "--year: '99999999999999999999'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다",
    ),
    (["list", "--format", "xml"], "--format: 알 수 없는 값 'xml'; 가능한 값: table, json, csv, tsv"),
    (["list", "--foo"], "알 수 없는 옵션: --foo"),
    (["lst"], "알 수 없는 명령: lst; 혹시 'list'인가요?"),
    (["bogus"], "알 수 없는 명령: bogus"),
    (["show"], "인수가 빠졌습니다: NAME"),
    (["list", "--year"], "--year 옵션에는 값이 필요합니다"),
    (["list", "extra"], "남는 인수: extra"),
]


@pytest.mark.parametrize(("args", "message"), USAGE, ids=[" ".join(a)[:24] for a, _ in USAGE])
def test_usage_errors_are_one_korean_line(run: Run, args: list[str], message: str) -> None:
    result = run(*args, env={"LC_ALL": None, "LANG": None, "LC_MESSAGES": None})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert only_line(result.stderr) == f"jobaward: {message}"


@pytest.mark.parametrize(
    "env",
    [{"JOBAWARD_LANG": "en"}, {"LANG": "en_GB.UTF-8"}, {"LC_MESSAGES": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"}],
)
def test_errors_in_english(run: Run, env: dict[str, str | None]) -> None:
    result = run("list", "--foo", env={"LC_ALL": None, "LANG": None, **env})
    assert only_line(result.stderr) == "jobaward: No such option: --foo"


def test_lang_option_chooses_the_error_language(run: Run) -> None:
    korean = {"LC_ALL": None, "LANG": None}
    assert only_line(run("--lang", "en", "bogus", env=korean).stderr) == "jobaward: No such command 'bogus'."
    assert only_line(run("--lang", "en", "show", env=korean).stderr) == "jobaward: Missing argument 'NAME'."
    before = run("--lang", "en", "show", "강늉시", env=korean).stderr.splitlines()[0]
    assert before == "jobaward: no government called '강늉시'. Did you mean:"
    fetch = run("official", "fetch", "--key", "k", "--from", "2025", "--lang", "en", env=korean)
    assert only_line(fetch.stderr) == "jobaward: --from: expected a half-year like 2025-H1, got '2025'"
    assert only_line(run("list", "--lang", "en", "--foo", env=korean).stderr) == "jobaward: No such option: --foo"
    assert only_line(run("list", "--lang", "ko", "--year", "abc", env={"JOBAWARD_LANG": "en"}).stderr) == (
        "jobaward: --year: 'abc'은(는) 연도(2023)나 범위(2019..2023)가 아닙니다"
    )
    unknown = run("show", "강늉시", "--lang", "en", env=korean)
    assert unknown.stderr.splitlines()[0] == "jobaward: no government called '강늉시'. Did you mean:"


def test_data_errors_are_korean_first(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(BASE + "[[awards]]\nyear = 'x'\n", "utf-8")
    korean = {"LC_ALL": None, "LANG": None}
    listed = run("list", "--data", str(broken), env=korean)
    assert listed.exit_code == 3
    assert listed.stderr.splitlines()[0] == (
        f"jobaward: 데이터 오류: {broken}:awards[0].year: 2010부터 2100까지의 연도가 필요합니다, 받은 값: 'x'"
    )
    checked = run("validate", str(broken), env=korean)
    assert f"{broken}:awards[0].government: 오류: 빠졌습니다" in checked.stdout.splitlines()
    english = run("validate", str(broken), env={**korean, "JOBAWARD_LANG": "en"})
    assert f"{broken}:awards[0].government: error: missing" in english.stdout.splitlines()


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (korean, english) in MESSAGES.items():
        assert korean and english and korean != english, key
        assert fields(korean) == fields(english), key


# escape codes never reach the terminal

HOSTILE = BASE + (
    '[[sources]]\nid = "s1"\npublisher = "x"\nurl = "https://example.org/1"\n\n'
    '[[governments]]\nid = "강원 악성군"\nname = "악성군"\nlevel = "기초"\nprovince = "강원"\n'
    'name_en = "Akseong-gun"\nformer = [{ until = 2020-01-01, name = "옛성군\\u001b]0;pwned\\u0007" }]\n\n'
    '[[awards]]\nyear = 2024\ngovernment = "강원 악성군"\ngrade = "우수상"\n'
    'project = "\\u001b[2J지움"\nsources = ["s1"]\n'
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE, "utf-8")
    return path


def test_the_rename_note_is_cleaned(run: Run, hostile: Path) -> None:
    result = run("show", "옛성군\x1b]0;pwned\x07", "--data", str(hostile))
    assert result.exit_code == 0, result.stderr
    assert "옛성군]0;pwned" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_validate_messages_are_cleaned(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(BASE + '[[awards]]\nyear = 2024\n"\\u001b]0;pwned\\u0007" = 1\n', "utf-8")
    result = run("validate", str(broken))
    assert result.exit_code == 3
    assert f"{broken}:awards[0].]0;pwned: 오류: 알 수 없는 필드" in result.stdout.splitlines()
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_add_confirmation_is_cleaned(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    args = ("add", "indicator", "--government", "강릉시", "--indicator", "고용률\x1b[31m", "--unit", "%")
    result = run(*args, "--after", "68.7", "--source", "https://example.org/2", "--data", str(own))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{own}에 추가: 지표 (강원 강릉시, 고용률[31m)\n"
    again = run(*args, "--after", "68.9", "--source", "https://example.org/3", "--data", str(own), "--lang", "en")
    assert again.stdout == f"added to {own}: indicator (강원 강릉시, 고용률[31m)\n"


def test_completion_offers_no_escape_codes(hostile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBAWARD_DATA", str(hostile))
    assert complete_government("악성") == ["악성군"]
    assert complete_government("옛성") == []


def test_csv_to_a_terminal_is_cleaned(hostile: Path) -> None:
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "jobaward", "list", "-f", "csv", "--year", "2024", "--data", str(hostile)]
    process = subprocess.Popen(command, stdout=follower, stderr=subprocess.DEVNULL)
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    text = received.decode("utf-8")
    assert "\x1b" not in text
    rows = csv.DictReader(io.StringIO(text.replace("\r\n", "\n")))
    assert next(row for row in rows if row["government"] == "악성군")["project"] == "[2J지움"


def test_excel_guards_cells_starting_with_a_tab_or_carriage_return(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(
        HOSTILE.replace('project = "\\u001b[2J지움"', 'project = "\\t=1+1"\nnote = "\\r=2+2"'),
        "utf-8",
    )
    rows = list(csv.DictReader(io.StringIO(run("list", "--excel", "--data", str(own)).stdout.removeprefix("\ufeff"))))
    row = next(r for r in rows if r["government"] == "악성군")
    assert (row["project"], row["note"]) == ("'\t=1+1", "'\r=2+2")


def test_every_error_is_raised_by_a_catalogue_key() -> None:
    """No inline error text: each error, problem and note names a key of i18n/messages.MESSAGES."""
    import ast

    source = Path(__file__).resolve().parent.parent / "src" / "jobaward"
    keyed = {"UsageProblem": 0, "OutputProblem": 0, "EnvironmentProblem": 0, "LookupFailed": 0, "problem": 2}
    keyed |= {"message": 0}
    wrong = []
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            where = f"{path.relative_to(source)}:{node.lineno}"
            if name == "Problem" and path.name != "errors.py":
                wrong.append(f"{where}: Problem(...) with inline text")
            key = node.args[keyed[name]] if name in keyed and len(node.args) > keyed[name] else None
            chosen = isinstance(key, (ast.Name, ast.Attribute))  # a key picked in code (refused.key)
            branches = [key.body, key.orelse] if isinstance(key, ast.IfExp) else [key]
            known = all(isinstance(branch, ast.Constant) and branch.value in MESSAGES for branch in branches)
            if key is not None and not chosen and not known:
                wrong.append(f"{where}: {name}({ast.unparse(key)}) is not a catalogue key")
    assert wrong == []
