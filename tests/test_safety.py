"""What jobaward promises about the user's files (docs/safety.md), tried against hostile timing.

Cases from issue 25: an editor saving while `add` runs, outputs onto loaded files, read-only
files, the lock, temporary files left by a killed run.
"""

from __future__ import annotations

import csv
import fcntl
import json
import os
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import ROOT, Run, only_line, run_process

KOSIS = ROOT / "tests" / "fixtures" / "kosis"
OWN = "# my awards\nschema = 1\n"
ADD_SOURCE = ("add", "source", "--url", "https://example.com/first", "--publisher", "예시")

#: An editor that re-reads the file and saves in place (appending its line, as ``>>`` does)
#: every 10–50 ms (far faster than a person saves) until told to stop; it prints how many saves it made.
EDITOR = r"""
import os, random, sys, time
path, stop = sys.argv[1], sys.argv[2]
saves = 0
while not os.path.exists(stop):
    with open(path, "rb") as f:
        f.read()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.write(fd, b"# editor save %d\n" % saves)
    os.close(fd)
    saves += 1
    time.sleep(random.uniform(0.01, 0.05))
print(saves)
"""


def add_source(data: Path, number: int) -> tuple[int, str, str]:
    url = f"https://example.com/stress/{number}"
    done = run_process("add", "source", "--url", url, "--publisher", "stress", "--data", str(data))
    return done.returncode, url, done.stderr


def test_every_editor_save_and_every_acknowledged_add_survive(tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_text("# my file\nschema = 1\n", "utf-8")
    stop = tmp_path / "stop"
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(data), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.05)
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda n: add_source(data, n), range(12)))
    finally:
        stop.touch()
        out, _ = editor.communicate(timeout=30)
    saves = int(out)
    text = data.read_text("utf-8")
    acknowledged = [url for code, url, _ in results if code == 0]
    first_add, last_add = text.index("[[sources]]"), text.rindex("[[sources]]")
    assert "# editor save" in text[first_add:last_add]  # the saves really landed between the adds
    assert [n for n in range(saves) if text.count(f"# editor save {n}\n") != 1] == []
    assert [error for code, _, error in results if code != 0] == []
    assert [url for url in acknowledged if text.count(f'url = "{url}"') != 1] == []
    assert text.startswith("# my file\nschema = 1\n")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".jobaward-")]


# --- outputs never replace a file jobaward reads -------------------------------------------------


def user_official() -> Path:
    from jobaward.storage.kosis_files import user_file

    return user_file()


@pytest.mark.parametrize("which", ["bundled data", "bundled official", "user data", "user official"])
@pytest.mark.parametrize("option", ["-o", "--svg"])
def test_output_onto_a_file_jobaward_reads_is_refused(run: Run, which: str, option: str) -> None:
    from jobaward.storage.paths import bundled_file, default_user_file

    if which == "user data":
        default_user_file().parent.mkdir(parents=True, exist_ok=True)
        default_user_file().write_text(OWN, "utf-8")
    if which == "user official":
        assert run("official", "import", str(KOSIS / "download.csv")).exit_code == 0
    path = {
        "bundled data": bundled_file("data.toml"),
        "bundled official": bundled_file("official.tsv"),
        "user data": default_user_file(),
        "user official": user_official(),
    }[which]
    before, inode = path.read_bytes(), path.stat().st_ino
    result = run("list", "--year", "2022", option, str(path))
    assert result.exit_code == 2
    assert only_line(result.stderr) == f"jobaward: {path}에 쓸 수 없습니다: 불러온 데이터 파일은 덮어쓰지 않습니다"
    assert path.read_bytes() == before and path.stat().st_ino == inode


def test_output_through_another_name_of_a_read_file_is_refused(run: Run, tmp_path: Path) -> None:
    from jobaward.storage.paths import default_user_file

    default_user_file().parent.mkdir(parents=True, exist_ok=True)
    default_user_file().write_text(OWN, "utf-8")
    through = tmp_path / "via"
    through.symlink_to(default_user_file().parent)
    result = run("list", "-o", str(through / "data.toml"))
    assert result.exit_code == 2
    assert default_user_file().read_text("utf-8") == OWN


# --- read-only, hard-linked and long-named files ------------------------------------------------------


def test_add_and_official_import_never_replace_a_read_only_file(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(OWN, "utf-8")
    mine.chmod(0o444)
    added = run(*ADD_SOURCE, "--data", str(mine))
    assert added.exit_code == 2
    assert only_line(added.stderr) == f"jobaward: {mine}에 쓸 수 없습니다: 읽기 전용 파일입니다"
    assert mine.read_text("utf-8") == OWN and stat.S_IMODE(mine.stat().st_mode) == 0o444
    assert run("official", "import", str(KOSIS / "download.csv")).exit_code == 0
    official = user_official()
    official.chmod(0o444)
    before = official.read_bytes()
    imported = run("official", "import", str(KOSIS / "download.csv"))
    assert imported.exit_code == 2
    assert only_line(imported.stderr) == f"jobaward: {official}에 쓸 수 없습니다: 읽기 전용 파일입니다"
    assert official.read_bytes() == before


def test_add_keeps_the_mode_and_refuses_to_split_hard_links(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(OWN, "utf-8")
    mine.chmod(0o640)
    assert run(*ADD_SOURCE, "--data", str(mine)).exit_code == 0
    assert stat.S_IMODE(mine.stat().st_mode) == 0o640
    os.link(mine, tmp_path / "other-name.toml")
    before = mine.read_bytes()
    result = run(*ADD_SOURCE[:3], "https://example.com/second", *ADD_SOURCE[4:], "--data", str(mine))
    assert result.exit_code == 2
    assert "하드 링크가 2개 있어" in only_line(result.stderr)
    assert mine.read_bytes() == before == (tmp_path / "other-name.toml").read_bytes()


def test_a_255_byte_file_name_can_be_written(run: Run, tmp_path: Path) -> None:
    name = "가" * 83 + "ab.csv"  # 83 × 3 + 6 = 255 bytes
    assert len(name.encode()) == 255
    result = run("list", "--year", "2022", "-f", "csv", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    assert "강릉시" in (tmp_path / name).read_text("utf-8")


def test_a_proc_path_to_a_regular_file_replaces_it_not_appends(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old line\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jobaward", "list", "--year", "2022", "-f", "csv", "-o", "/proc/self/cwd/out.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not out.read_text("utf-8").startswith("old line")


def test_stale_temporary_files_are_removed_on_the_next_write(run: Run, tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".jobaward-0123456789ab.tmp", tmp_path / ".jobaward-ba9876543210.tmp"
    stale.write_text("left by kill -9", "utf-8")
    fresh.write_text("another run, still writing", "utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert run("list", "--year", "2022", "-f", "csv", "-o", str(tmp_path / "out.csv")).exit_code == 0
    assert not stale.exists() and fresh.exists()


# --- the lock ------------------------------------------------------------------------------------


def test_add_says_it_waits_for_a_held_lock_and_gives_up(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(OWN, "utf-8")
    with open(tmp_path / "mine.toml.lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        done = run_process(*ADD_SOURCE, "--data", str(mine), JOBAWARD_LOCK_TIMEOUT="0.3")
    assert done.returncode == 2
    waiting, gave_up = done.stderr.splitlines()
    assert waiting.startswith(f"{mine}.lock: waiting for another jobaward add to finish")
    lock = f"{mine}.lock"
    assert gave_up.startswith(f"jobaward: could not get the lock {lock} within 0.3 s (another jobaward add is running)")
    assert mine.read_text("utf-8") == OWN


def test_a_dangling_lock_symlink_is_not_followed(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(OWN, "utf-8")
    (tmp_path / "mine.toml.lock").symlink_to(tmp_path / "elsewhere")
    result = run(*ADD_SOURCE, "--data", str(mine))
    assert result.exit_code == 3
    assert not (tmp_path / "elsewhere").exists()
    assert mine.read_text("utf-8") == OWN


# --- no exit 4 (a bug) for hostile input ------------------------------------------------------------


def test_a_toml_datetime_in_a_date_field_is_a_data_error(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'schema = 1\n[[editions]]\nyear = 2031\nnumber = 20\ndate = 2031-09-30T10:00:00\nsources = ["seed-001"]\n'
        '[[awards]]\nyear = 2031\ngovernment = "강원 강릉시"\ngrade = "우수상"\nsources = ["seed-001"]\n',
        "utf-8",
    )
    complaint = "2023-08-02 같은 날짜가 필요합니다, 받은 값: 2031-09-30T10:00:00"
    validated = run("validate", str(mine))
    assert validated.exit_code == 3
    assert f"{mine}:editions[0].date: 오류: {complaint}\n" in validated.stdout
    listed = run("list", "--data", str(mine))
    assert listed.exit_code == 3
    assert only_line(listed.stderr) == f"jobaward: 데이터 오류: {mine}:editions[0].date: {complaint}"


@pytest.mark.parametrize(
    "args",
    [("list", "--year", "²⁰²³"), ("list", "--year", "2019..２０２３"), ("compare", "²⁰²³", "2024")],
)
def test_unicode_digits_are_not_years(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "은(는) 연도(2023)나 범위(2019..2023)가 아닙니다" in only_line(result.stderr)


def test_unicode_digits_are_not_a_half_year(run: Run) -> None:
    result = run("official", "fetch", "--key", "KEY", "--from", "²⁰²⁵-H1")
    assert result.exit_code == 2
    assert only_line(result.stderr) == "jobaward: --from: 기간은 2025-H1처럼 적습니다, 받은 값: '²⁰²⁵-H1'"
    reversed_span = run("official", "fetch", "--key", "KEY", "--from", "2025-H2", "--to", "2024-H1")
    assert reversed_span.exit_code == 2
    assert only_line(reversed_span.stderr) == "jobaward: --to 2024-H1이(가) --from 2025-H2보다 앞입니다"


def download() -> str:
    return (KOSIS / "download.csv").read_text("utf-8-sig")


def test_a_cr_only_csv_from_excel_for_mac_is_imported(run: Run, tmp_path: Path) -> None:
    mac = tmp_path / "mac.csv"
    mac.write_bytes(download().replace("\n", "\r").encode("utf-8"))
    result = run("official", "import", str(mac))
    assert result.exit_code == 0, result.stderr
    assert "계열 4개 (2024-H2–2025-H1)" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "complaint"),
    [
        ("long.csv", download().replace("60.8", '"' + "9" * 140_000 + '"'), "field larger than field limit (131072)"),
        ("deep.json", "[" * 990 + "]" * 990, "단계보다 깊게 중첩되어 있습니다"),
        ("year0.csv", download().replace("2024.2/2", "0000.2/2"), "기간이 1960..2100년 밖입니다"),
        ("comma.csv", download().replace("61.5", '"61,5"'), "수치가 아닙니다: '61,5'"),
        ("negative.csv", download().replace("60.8", "-5"), "고용률에 맞지 않는 수치입니다: '-5'"),
        ("huge.csv", download().replace("60.8", "1" + "0" * 19), "맞지 않는 수치입니다: '10000000000000000000'"),
        ("over.csv", download().replace("60.8", "100.5"), "고용률에 맞지 않는 수치입니다: '100.5'"),
    ],
)
def test_official_import_refuses_bad_values_before_writing(
    run: Run, tmp_path: Path, name: str, content: str, complaint: str
) -> None:
    bad = tmp_path / name
    bad.write_text(content, "utf-8")
    result = run("official", "import", str(bad))
    assert result.exit_code == 3
    assert complaint in only_line(result.stderr)
    assert not user_official().exists()


def test_official_import_into_an_unusable_data_directory_is_exit_3(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", "utf-8")
    result = run("official", "import", str(KOSIS / "download.csv"), env={"XDG_DATA_HOME": str(blocker)})
    assert result.exit_code == 3
    assert only_line(result.stderr).startswith("jobaward: 데이터 디렉터리 ")


@pytest.mark.parametrize("option", ["--honor", "--project", "--note", "--source"])
def test_undecodable_bytes_in_add_options_are_a_usage_error(option: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(OWN, "utf-8")
    args: dict[str, str | bytes] = {
        "--honor": "국무총리상",
        "--project": "일자리",
        "--note": "메모",
        "--source": "https://example.com/a",
    }
    args[option] = b"\xff\xfe" if option != "--source" else b"https://example.com/\xff"
    flat = [part for key, value in args.items() for part in (key, value)]
    done = run_process(
        "add", "award", "--year", "2031", "--government", "강릉시", "--grade", "우수상", "--category", "공시제",
        *flat, "--data", str(mine),
    )  # fmt: skip
    assert done.returncode == 2
    assert only_line(done.stderr).startswith(f"jobaward: {option}: the value has bytes that are not UTF-8: ")
    assert mine.read_text("utf-8") == OWN


# --- a bare CR in a cell ----------------------------------------------------------------------------


@pytest.mark.parametrize("how", [("-f", "csv"), ("-f", "tsv"), ("--excel",)])
def test_a_bare_cr_in_a_cell_survives_a_csv_round_trip(run: Run, tmp_path: Path, how: tuple[str, ...]) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'schema = 1\n[[awards]]\nyear = 2022\ngovernment = "강원 양양군"\ngrade = "우수상"\n'
        'category = "공시제"\nnote = "first\\rsecond"\nsources = ["seed-001"]\n',
        "utf-8",
    )
    out = tmp_path / "out.csv"
    result = run("list", "--year", "2022", "--province", "강원", "--data", str(mine), *how, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    delimiter = "\t" if "tsv" in how else ","
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=delimiter))
    assert [row["note"] for row in rows if row["government"] == "양양군"] == ["first\rsecond"]
    assert all(len(row) == len(rows[0]) for row in rows)


def test_export_csv_quotes_a_bare_cr(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'schema = 1\n[[sources]]\nid = "cr"\npublisher = "a\\rb"\nurl = "https://example.com/cr"\n', "utf-8"
    )
    folder = tmp_path / "csv"
    folder.mkdir()
    assert run("export", "-f", "csv", "--data", str(mine), "-o", str(folder)).exit_code == 0
    with open(folder / "sources.csv", encoding="utf-8", newline="") as f:
        publishers = [row["publisher"] for row in csv.DictReader(f)]
    assert "a\rb" in publishers


def test_the_svg_picture_is_valid_xml_whatever_the_text_holds() -> None:
    import xml.etree.ElementTree as ElementTree

    from rich.text import Text

    from jobaward.output.tables import svg_of

    svg = svg_of(Text("강릉\x01시 \x0b \ud800"), "제목\x07")
    root = ElementTree.fromstring(svg)
    assert "강릉" in "".join(root.itertext())


# --- one line, nothing a terminal would run ---------------------------------------------------------


def test_a_newline_in_a_file_name_does_not_split_the_error(run: Run, tmp_path: Path) -> None:
    odd = tmp_path / "a\nb\x1b[31m.toml"
    result = run("list", "--data", str(odd))
    assert result.exit_code == 3
    assert only_line(result.stderr) == f"jobaward: 데이터 오류: {tmp_path}/a\\nb\\x1b[31m.toml: 파일이 없습니다"


def test_json_escapes_invisible_and_control_characters(run: Run, tmp_path: Path) -> None:
    hostile = "국무\x7f총리\x9b상\u202e뒤집기\u200b끝\u2028"
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'schema = 1\n[[awards]]\nyear = 2022\ngovernment = "강원 양양군"\ngrade = "우수상"\ncategory = "공시제"\n'
        f'honor = "{hostile.encode("unicode_escape").decode().replace(chr(92) + "x", chr(92) + "u00")}"\n'
        'sources = ["seed-001"]\n',
        "utf-8",
    )
    result = run("list", "--year", "2022", "--province", "강원", "--data", str(mine), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "\\u007f" in result.stdout and "\\u009b" in result.stdout and "\\u202e" in result.stdout
    assert not any(ch in result.stdout for ch in "\x7f\x9b\u202e\u200b\u2028")
    honors = [row["honor"] for row in json.loads(result.stdout) if row["government"] == "양양군"]
    assert hostile in honors


def test_limit_names_its_bound(run: Run) -> None:
    result = run("list", "--limit", "-1")
    assert result.exit_code == 2
    assert only_line(result.stderr) == "jobaward: --limit: 1 이상의 정수가 필요합니다, 받은 값: '-1'"


def test_a_file_with_thousands_of_problems_prints_a_capped_list(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text("schema = 1\n" + "[[sources]]\nid = 1\n" * 3000, "utf-8")
    result = run("list", "--data", str(mine))
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 101  # 3,000 sources with three problems each: 100 shown, the rest counted
    assert lines[-1] == f"jobaward: … 그리고 문제 {3000 * 3 - 100:,}개 더"
