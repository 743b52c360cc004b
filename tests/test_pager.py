"""The pager: a table taller than the terminal goes through $JOBAWARD_PAGER, else $PAGER, else
less -FRX; piped output and --no-pager never page. Run in a pseudo-terminal of 20 rows."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import pty
import shlex
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from jobaward.output.emit import DEFAULT_PAGER, pager_command

from .conftest import run_process

ROWS, COLUMNS = 20, 100

FAKE_PAGER = """
import sys
from pathlib import Path

Path(sys.argv[1]).write_bytes(sys.stdin.buffer.read())
"""


def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager command that writes what it is given to a file (the file exists only if it ran)."""
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER, encoding="utf-8")
    log = tmp_path / "paged.txt"
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} {shlex.quote(str(log))}", log


def environment(**env: str) -> dict[str, str]:
    """Korean, the terminal's own size (no COLUMNS or LINES), no pager unless given."""
    chosen = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER", "JOBAWARD_PAGER")}
    chosen.update({"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "JOBAWARD_LANG": "ko", "TERM": "xterm"})
    chosen.update(env)
    return chosen


def on_terminal(*args: str, **env: str) -> str:
    """`jobaward ARGS` with stdout (and stdin, stderr) on a 20-row pseudo-terminal; what it shows."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "jobaward", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=environment(**env),
        close_fds=True,
    )
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError as error:  # EIO: the terminal's other end closed
            if error.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0, shown.decode("utf-8", "replace")
    return shown.decode("utf-8", "replace").replace("\r\n", "\n")


def awards_in(year: str) -> list[dict[str, object]]:
    result = run_process("list", "--year", year, "-f", "json")
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_a_table_taller_than_the_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    rows = awards_in("2023")
    assert len(rows) > ROWS  # the premise: the table cannot fit
    pager, log = fake_pager(tmp_path)
    shown = on_terminal("list", "--year", "2023", PAGER=pager)
    paged = log.read_text(encoding="utf-8")
    assert "연도" in paged and str(rows[-1]["government"]) in paged
    assert "연도" not in shown  # the terminal got the table only through the pager


def test_jobaward_pager_comes_before_pager(tmp_path: Path) -> None:
    (tmp_path / "ours").mkdir()
    ours, log = fake_pager(tmp_path / "ours")
    theirs, other_log = fake_pager(tmp_path)
    on_terminal("list", "--year", "2023", JOBAWARD_PAGER=ours, PAGER=theirs)
    assert log.exists() and not other_log.exists()


def test_piped_output_and_no_pager_never_page(tmp_path: Path) -> None:
    pager, log = fake_pager(tmp_path)
    piped = run_process("list", "--year", "2023", PAGER=pager, JOBAWARD_PAGER=pager, LC_ALL=None)
    assert piped.returncode == 0 and "2023" in piped.stdout
    assert not log.exists()
    shown = on_terminal("list", "--year", "2023", "--no-pager", PAGER=pager)
    assert not log.exists()
    assert "연도" in shown


def test_a_table_that_fits_is_not_paged(tmp_path: Path) -> None:
    pager, log = fake_pager(tmp_path)
    shown = on_terminal("list", "--year", "2023", "--limit", "3", PAGER=pager)
    assert not log.exists()
    assert "연도" in shown


def test_a_pager_that_cannot_start_prints_plainly_with_one_note(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-pager")
    shown = on_terminal("list", "--year", "2023", PAGER=missing)
    notes = [line for line in shown.splitlines() if missing in line]
    assert len(notes) == 1 and notes[0].startswith("참고: 페이저")
    assert "연도" in shown and str(awards_in("2023")[-1]["government"]) in shown


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, DEFAULT_PAGER),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "more", "JOBAWARD_PAGER": "less -S"}, "less -S"),
        ({"JOBAWARD_PAGER": "", "PAGER": "more"}, ""),
        ({"PAGER": "cat"}, ""),
    ],
)
def test_pager_command(env: dict[str, str], expected: str) -> None:
    assert pager_command(env) == expected
