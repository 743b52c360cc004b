"""Where files are: the bundled data folder, the user's data and cache directories, JOBAWARD_DATA and --data."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

USER_FILE_NAME = "data.toml"


def bundled_file(name: str) -> Path:
    """A file of the dataset shipped inside the package (``src/jobaward/data/``)."""
    return Path(__file__).resolve().parent.parent / "data" / name


def default_user_file() -> Path:
    """data.toml in the platform's user data directory (XDG_DATA_HOME/jobaward on Linux)."""
    return user_dir("data") / USER_FILE_NAME


def user_cache_dir() -> Path:
    return user_dir("cache")


XDG = {
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
}


def user_dir(kind: str) -> Path:
    """jobaward's user data, cache or config directory.

    On Linux this is the XDG rule platformdirs applies there, written out because importing
    platformdirs costs about 5 ms of every run; elsewhere platformdirs decides.
    """
    if sys.platform.startswith("linux"):
        variable, default = XDG[kind]
        base = os.environ.get(variable, "").strip()
        return Path(base if base else default).expanduser() / "jobaward"
    import platformdirs

    find = {
        "data": platformdirs.user_data_path,
        "cache": platformdirs.user_cache_path,
        "config": platformdirs.user_config_path,
    }[kind]
    return find("jobaward", appauthor=False)


def environment_files() -> list[Path]:
    """JOBAWARD_DATA: a path list, separated like PATH (':' here, ';' on Windows)."""
    value = os.environ.get("JOBAWARD_DATA", "")
    return [Path(part) for part in value.split(os.pathsep) if part.strip()]


def user_files(given: Sequence[Path] = (), bundled: bool = True) -> list[Path]:
    """The user files to load on top of the bundled data, in order (later ones win).

    The default user file (when it exists) comes first, then JOBAWARD_DATA, then --data.
    With ``bundled`` false (--no-bundled) only the files given with --data are used.
    """
    if not bundled:
        return list(given)
    default = default_user_file()
    files = [default] if default.is_file() else []
    return files + environment_files() + list(given)
