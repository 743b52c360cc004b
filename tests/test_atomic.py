"""The promises about not losing data: output paths are the user's, data files are never lost.

Each test is a case from issue 15 that lost or broke a file before it was fixed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jobaward.errors import EnvironmentProblem
from jobaward.storage import append as adding
from jobaward.storage.append import Target, append

from .conftest import Run, only_line, run_process

AWARD = {"year": 2031, "government": "강원 양양군", "grade": "우수상", "sources": ["seed-001"]}
OWN = "# my awards\nschema = 1\n"


def governments(text: str, delimiter: str) -> set[str]:
    return {row["government"] for row in csv.DictReader(io.StringIO(text), delimiter=delimiter)}


def test_a_fifo_is_written_into_not_replaced(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run("list", "--year", "2022", "--province", "강원", "--format", "json", "-o", str(fifo))
        assert result.exit_code == 0, result.stderr
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert {"강원특별자치도", "강릉시"} <= {row["government"] for row in json.loads(received)}


def test_dev_stdout_through_a_link_writes_to_stdout(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/proc/self/fd/1")
    done = run_process("list", "--year", "2022", "--province", "강원", "-f", "csv", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert "강원특별자치도" in governments(done.stdout, ",")
    assert link.is_symlink()


def test_a_symlink_is_written_through_to_its_target(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "awards.csv"
    real.parent.mkdir()
    real.write_text("old", "utf-8")
    link = tmp_path / "awards.csv"
    link.symlink_to(real)
    assert run("list", "--year", "2022", "--format", "csv", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "강릉시" in governments(real.read_text("utf-8"), ",")


@pytest.mark.parametrize("through", ["--data", "JOBAWARD_DATA", "a symlink"])
def test_a_loaded_data_file_is_never_overwritten(run: Run, tmp_path: Path, through: str) -> None:
    data = tmp_path / "my.toml"
    data.write_text(OWN, "utf-8")
    output = data
    if through == "a symlink":
        output = tmp_path / "link.toml"
        output.symlink_to(data)
    given = ("--data", str(data)) if through != "JOBAWARD_DATA" else ()
    result = run("list", *given, "-o", str(output), env={"JOBAWARD_DATA": str(data) if not given else None})
    assert result.exit_code == 2
    assert only_line(result.stderr) == f"jobaward: {output}에 쓸 수 없습니다: 불러온 데이터 파일은 덮어쓰지 않습니다"
    assert data.read_text("utf-8") == OWN


def test_a_read_only_file_is_refused(run: Run, tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("mine", "utf-8")
    kept.chmod(0o444)
    result = run("list", "-o", str(kept))
    assert result.exit_code == 2
    assert only_line(result.stderr) == f"jobaward: {kept}에 쓸 수 없습니다: 읽기 전용 파일입니다"
    assert kept.read_text("utf-8") == "mine"


def test_a_directory_is_refused_in_one_line(run: Run, tmp_path: Path) -> None:
    for option in ("--output", "--svg"):
        result = run("list", option, str(tmp_path))
        assert result.exit_code == 2
        assert only_line(result.stderr) == f"jobaward: {tmp_path}에 쓸 수 없습니다: 디렉터리입니다"


def test_dash_is_stdout(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("list", "--year", "2022", "--province", "강원", "--format", "tsv", "-o", "-")
    assert result.exit_code == 0
    assert "강원특별자치도" in governments(result.stdout, "\t")
    assert list(tmp_path.iterdir()) == []


def test_add_writes_through_a_symlinked_user_file(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "jobaward.toml"
    real.parent.mkdir()
    real.write_text(OWN, "utf-8")
    link = tmp_path / "data.toml"
    link.symlink_to(real)
    result = run(*ADD_AWARD, "--data", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text("utf-8").startswith(OWN)
    assert "[[awards]]\nyear = 2031\n" in real.read_text("utf-8")


ADD_AWARD = (
    "add",
    "award",
    "--year",
    "2031",
    "--government",
    "양양군",
    "--grade",
    "우수상",
    "--source",
    "https://www.example.org/news/1",
)


def test_forty_concurrent_adds_with_new_sources_all_land(tmp_path: Path) -> None:
    target = tmp_path / "shared.toml"
    command = [sys.executable, "-m", "jobaward", "add", "indicator", "--government", "강릉시", "--indicator", "고용률"]
    workers = [
        subprocess.Popen(
            [
                *command,
                *("--unit", "%", "--after", str(n), "--after-period", "2024", "--source-date", "2025-09-30"),
                *("--source", f"https://www.example.com/news/{n}", "--data", str(target)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(40)
    ]
    failures = [worker.communicate(timeout=300)[1] for worker in workers if worker.wait(timeout=300) != 0]
    assert failures == []
    text = target.read_text("utf-8")
    assert text.count("[[sources]]") == 40 and text.count("[[indicators]]") == 40
    assert len(set(line for line in text.splitlines() if line.startswith('id = "example-20250930'))) == 40


def editor_saving(own: Path, monkeypatch: pytest.MonkeyPatch, every_time: bool) -> list[str]:
    """An editor saving ``own`` while `add` works: after the check before the lock, then every time."""
    compose = adding.compose
    edits: list[str] = []
    calls: list[int] = []

    def compose_while_editing(*args: object) -> tuple[bytes, object]:
        result = compose(*args)  # type: ignore[arg-type]
        calls.append(1)
        if len(calls) >= 2 and (every_time or len(calls) == 2):
            edits.append(f"# the editor's edit {len(edits)}\n")
            own.write_text(OWN + "".join(edits), "utf-8")
        return result

    monkeypatch.setattr(adding, "compose", compose_while_editing)
    return edits


def test_an_edit_saved_during_add_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    edits = editor_saving(own, monkeypatch, every_time=False)
    append(Target(own, []), [("awards", AWARD)])
    assert own.read_text("utf-8").startswith(OWN + "# the editor's edit 0\n\n[[awards]]\nyear = 2031\n")
    assert len(edits) == 1


def test_a_file_that_keeps_changing_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    edits = editor_saving(own, monkeypatch, every_time=True)
    with pytest.raises(EnvironmentProblem, match="kept changing while adding"):
        append(Target(own, []), [("awards", AWARD)])
    assert own.read_text("utf-8") == OWN + "".join(edits)
    assert len(edits) == adding.MAX_TRIES


def test_a_refused_add_creates_nothing(run: Run, isolated_user_data: Path) -> None:
    result = run(*ADD_AWARD[:-2], "--category", "금메달", *ADD_AWARD[-2:])
    assert result.exit_code == 2
    assert only_line(result.stderr).startswith("jobaward: --category: 알 수 없는 값 '금메달'; 가능한 값: 공시제, ")
    assert list(isolated_user_data.iterdir()) == []


def test_an_unusable_data_directory_is_exit_3(run: Run) -> None:
    result = run(*ADD_AWARD, env={"XDG_DATA_HOME": "/dev/null"})
    assert result.exit_code == 3
    assert only_line(result.stderr) == (
        "jobaward: 데이터 디렉터리 /dev/null/jobaward를 쓸 수 없습니다: 디렉터리가 아닙니다 (ENOTDIR)"
    )


def test_add_to_a_full_stdout_keeps_the_record_and_says_so(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    with open("/dev/full", "w") as full:
        done = run_process(*ADD_AWARD, "--data", str(own), stdout=full)
    assert done.returncode == 2
    assert only_line(done.stderr) == "jobaward: cannot write to standard output: No space left on device"
    assert "[[awards]]" in own.read_text("utf-8")


def test_a_directory_that_takes_no_files_is_not_a_bug(run: Run) -> None:
    """/proc takes no new files, even from root: it stands for a read-only directory here."""
    added = run("add", "source", "--url", "https://example.org/1", "--publisher", "x", "--data", "/proc/jobaward.toml")
    assert added.exit_code == 3
    assert only_line(added.stderr) == (
        "jobaward: 데이터 디렉터리 /proc를 쓸 수 없습니다: 그런 파일이나 디렉터리가 없습니다 (ENOENT)"
    )
    written = run("list", "-o", "/proc/jobaward.txt")
    assert written.exit_code == 2
    assert only_line(written.stderr) == (
        "jobaward: /proc/jobaward.txt에 쓸 수 없습니다: 그런 파일이나 디렉터리가 없습니다 (ENOENT)"
    )
