from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
from typer.testing import CliRunner, Result

from jobaward.cli import app
from jobaward.model import Dataset
from jobaward.query.names import NameIndex
from jobaward.storage.toml_data import load_bundled, load_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: The small frozen dataset behaviour tests run on (its header says what it holds).
MINI = ROOT / "tests" / "fixtures" / "mini.toml"

Run = Callable[..., Result]


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_bundled()


@pytest.fixture(scope="session")
def mini() -> Dataset:
    """tests/fixtures/mini.toml alone: figures that do not move when the research adds facts."""
    return load_file(MINI)


@pytest.fixture(scope="session")
def index(dataset: Dataset) -> NameIndex:
    return NameIndex(dataset)


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own empty user data and cache directories, and no JOBAWARD_DATA."""
    home = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))
    monkeypatch.delenv("JOBAWARD_DATA", raising=False)
    return home


@pytest.fixture
def run() -> Run:
    """Invoke the CLI as a user would, at a fixed width, in Korean (labels and errors alike).

    A test about English passes ``--lang en`` or ``env={"JOBAWARD_LANG": "en"}``.
    """
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        environment: dict[str, str | None] = {
            "COLUMNS": "200",
            "JOBAWARD_LANG": None,
            "NO_COLOR": "1",
            "LANG": "C.UTF-8",  # Korean: an English locale would choose English
            "LC_ALL": None,
            "LC_MESSAGES": None,
        }
        environment.update(env or {})
        return runner.invoke(app, list(args), env=environment)

    return invoke


@pytest.fixture
def mini_run(run: Run) -> Run:
    """``run`` on tests/fixtures/mini.toml alone (``--no-bundled --data mini.toml``)."""

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return run(*args, "--no-bundled", "--data", str(MINI), env=env)

    return invoke


def only_line(stderr: str) -> str:
    """The one line an error prints (the promised form), or a failed test."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def run_process(
    *args: str | bytes,
    stdout: int | IO[Any] = subprocess.PIPE,
    timeout: float = 60,
    preexec_fn: Callable[[], None] | None = None,
    **env: str | None,
) -> subprocess.CompletedProcess[str]:
    """`python -m jobaward ARGS` in a process of its own, in English (an English locale: errors and
    labels) unless ``env`` says otherwise (``LC_ALL=None`` for Korean)."""
    environment = {**os.environ, "LC_ALL": "en_US.UTF-8"}
    environment.update({key: value for key, value in env.items() if value is not None})
    for key in (key for key, value in env.items() if value is None):
        environment.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "jobaward", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )


class Reply:
    """What ``urllib.request.urlopen`` hands back, holding a replayed KOSIS answer (no network)."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self) -> bytes:
        return self.body

    def __enter__(self) -> Reply:
        return self

    def __exit__(self, *args: object) -> None:
        return None
