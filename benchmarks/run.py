"""Start-up time and memory of jobaward against Python's and the framework's floor.

    python benchmarks/run.py            # full run: 15 rounds, 10x and 100x user data
    python benchmarks/run.py --quick    # smoke test: 2 rounds (CI runs this; no assertion)

Runs every command in one alternating loop (so drift hits all alike) and reports the median
wall time, its ratio to the framework floor (a hello-world Typer app printing one Rich table),
and each command's peak resident memory (RSS, from wait4). Uses the Python it is run with, in
which jobaward must be installed. Sources are byte-compiled first, so the timings measure the
program, not the compiler (this machine sets PYTHONDONTWRITEBYTECODE=1).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def precompile() -> None:
    for package in ("jobaward", "typer", "rich", "platformdirs", "tomli_w", "click"):
        spec = importlib.util.find_spec(package)
        if spec and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                compileall.compile_dir(location, quiet=1)


#: Spawns one command and prints its wall time and peak RSS. Linux carries a process's peak RSS
#: across fork and exec, so a child of this (large) benchmark process would report our own
#: peak; a child of this small launcher (python -S) reports its own.
LAUNCHER = """
import os, sys, time
null = os.open(os.devnull, os.O_WRONLY)
started = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
_, status, usage = os.wait4(pid, 0)
cpu = usage.ru_utime + usage.ru_stime
print(time.perf_counter() - started, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time and CPU time (user + system) in seconds, and peak RSS in KiB, of one run."""
    done = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *argv], capture_output=True, text=True, env=env, check=False
    )
    elapsed, cpu, rss, code = done.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"failed ({code}): {' '.join(argv)}\n{done.stderr}")
    return float(elapsed), float(cpu), int(rss)


def commands(data: dict[str, Path]) -> dict[str, list[str]]:
    python, jobaward = sys.executable, [sys.executable, "-m", "jobaward"]
    runs = {
        "python -c pass": [python, "-c", "pass"],
        "framework floor (hello.py)": [python, str(HERE / "hello.py")],
    }
    for name, args in (
        ("show 강릉시", ["show", "강릉시"]),
        ("list --year 2023", ["list", "--year", "2023"]),
        ("compare", ["compare"]),  # the official figures of the newest covered edition, then news
        ("compare --news", ["compare", "--news"]),
        ("compare --year 2023", ["compare", "--year", "2023"]),
        ("stats --official", ["stats", "--official"]),
    ):
        runs[name] = [*jobaward, *args]
        runs[f"{name} --format json"] = [*jobaward, *args, "--format", "json"]
    for label, path in data.items():  # the same output as without --data: the cost is the data's size
        runs[f"list --year 2023 --data {label}"] = [*jobaward, "list", "--year", "2023", "--data", str(path)]
        runs[f"list --year 2023 --data {label} --format json"] = [
            *jobaward,
            "list",
            "--year",
            "2023",
            "--data",
            str(path),
            "--format",
            "json",
        ]
    return runs


def versions() -> str:
    from importlib.metadata import version

    parts = [f"Python {platform.python_version()}"]
    parts += [f"{name} {version(name)}" for name in ("jobaward", "typer", "rich")]
    return ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="2 rounds, 10x data only: a smoke test")
    options = parser.parse_args()
    rounds = 2 if options.quick else options.rounds

    precompile()
    sys.path.insert(0, str(HERE))
    from make_data import generate

    workdir = Path(tempfile.mkdtemp(prefix="jobaward-bench-"))
    data = {}
    for times in (10,) if options.quick else (10, 100):
        path = workdir / f"data-{times}x.toml"
        path.write_text(generate(times), "utf-8")
        data[f"{times}x"] = path
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(workdir / "cache"),
        "XDG_DATA_HOME": str(workdir / "data"),
        "COLUMNS": "120",
    }
    env.pop("JOBAWARD_DATA", None)
    runs = commands(data)
    for argv in runs.values():  # warm-up: OS file cache, and jobaward's parse cache
        measure(argv, env)
    times: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    memory: dict[str, int] = {name: 0 for name in runs}
    for _ in range(rounds):
        for name, argv in runs.items():
            elapsed, used, rss = measure(argv, env)
            times[name].append(elapsed)
            cpu[name].append(used)
            memory[name] = max(memory[name], rss)
    report(times, cpu, memory, rounds)
    report_official_load(rounds)


def report_official_load(rounds: int) -> None:
    """The bundled official series' own cost: reading and parsing official.tsv in-process."""
    import time

    from jobaward.storage.kosis_files import bundled_path, read_file

    samples = []
    for _ in range(max(rounds, 5)):
        started = time.perf_counter()
        series = read_file(bundled_path(), trusted=True)
        samples.append((time.perf_counter() - started) * 1000)
    size = bundled_path().stat().st_size // 1024
    print(f"- bundled official series: {statistics.median(samples):.1f} ms to load ({len(series)} series, {size} KiB)")


def report(times: dict[str, list[float]], cpu: dict[str, list[float]], memory: dict[str, int], rounds: int) -> None:
    """Wall time, and CPU time (steadier than wall time on a machine other work shares)."""
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    median_cpu = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    floor, floor_cpu = median["framework floor (hello.py)"], median_cpu["framework floor (hello.py)"]
    print(f"{versions()}; {platform.machine()}, {os.cpu_count()} cores; median of {rounds} rounds\n")
    print("| command | wall ms | × floor | CPU ms | CPU × floor | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, value in median.items():
        used = median_cpu[name]
        print(
            f"| {name} | {value:.1f} | {value / floor:.2f} | {used:.1f} | {used / floor_cpu:.2f} "
            f"| {memory[name] / 1024:.1f} |"
        )
    print()
    for label in ("10x", "100x"):
        for suffix in ("", " --format json"):
            key = f"list --year 2023 --data {label}{suffix}"
            if key in median:
                ratio = median[key] / median[f"list --year 2023{suffix}"]
                print(f"- {key}: {ratio:.2f}× the bundled-data time (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
