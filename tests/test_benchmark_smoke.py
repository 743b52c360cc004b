"""The benchmark runs from a clean checkout (quick mode). No assertion on any time."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_benchmark_quick_mode_runs_and_reports() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "| command | wall ms | × floor | CPU ms | CPU × floor | peak RSS MiB |" in lines
    assert any(line.startswith("| framework floor (hello.py) |") for line in lines)
    assert any(line.startswith("| list --year 2023 --data 10x --format json |") for line in lines)
