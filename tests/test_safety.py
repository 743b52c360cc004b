"""What jobaward promises about the user's files (docs/safety.md), tried against hostile timing.

Cases from issue 25: an editor saving while `add` runs, outputs onto loaded files, read-only
files, the lock, temporary files left by a killed run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .conftest import run_process

#: An editor that re-reads the file and saves in place (appending its line, as ``>>`` does)
#: every few milliseconds until told to stop; it prints how many saves it made.
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
    time.sleep(random.uniform(0.002, 0.03))
print(saves)
"""


def add_source(data: Path, number: int) -> tuple[int, str]:
    url = f"https://example.com/stress/{number}"
    done = run_process("add", "source", "--url", url, "--publisher", "stress", "--data", str(data))
    return done.returncode, url


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
    acknowledged = [url for code, url in results if code == 0]
    assert saves > 20
    assert [n for n in range(saves) if text.count(f"# editor save {n}\n") != 1] == []
    assert len(acknowledged) == len(results)
    assert [url for url in acknowledged if text.count(f'url = "{url}"') != 1] == []
    assert text.startswith("# my file\nschema = 1\n")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".jobaward-")]
