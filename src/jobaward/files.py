"""Writing files so that an interrupted write never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from .errors import UsageProblem


def atomic_write(path: Path, data: bytes) -> None:
    """Write a temporary file beside ``path``, fsync it, then rename it over ``path``.

    The rename is atomic on one file system, so readers see the old file or the new one, never
    a mix. An existing file's permissions are kept (mkstemp creates files with mode 0600).
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageProblem(f"cannot write {path}: no such directory {directory}")
    if path.is_dir():
        raise UsageProblem(f"cannot write {path}: it is a directory")
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise UsageProblem(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise UsageProblem(f"cannot write {path}: {error.strerror or error}") from None
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
