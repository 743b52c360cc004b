"""Reading data files and writing output without ever losing a byte.

Reading: a data file must be a regular file of at most ``MAX_DATA_BYTES``; it is opened without
blocking, so a FIFO or a device is refused instead of hanging or filling memory. Every file read
is remembered, so the same run never writes over it.

Writing: through a symlink to its target; straight into a character device or FIFO
(``/dev/stdout``, ``/dev/null``); a regular file atomically (a temporary file beside it, then a
rename). A directory, a read-only file and a data file being loaded are refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from jobaward.errors import DataError, OutputProblem, Problem, problem
from jobaward.i18n.messages import system_reason

#: The largest data file jobaward parses (the bundled data is about 120 KB).
MAX_DATA_BYTES = 32 * 1024 * 1024

#: (device, inode) of every data file this run has read: output never replaces one of them.
_read_files: set[tuple[int, int]] = set()


def read_data_file(path: Path) -> bytes:
    """The bytes of a data file; a DataError when it is missing, not a regular file or too large."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise DataError([problem(str(path), "0:0", "no_such_file")]) from None
    except OSError as error:
        raise DataError([problem(str(path), "0:0", "cannot_read", reason=system_reason(error))]) from None
    try:
        info = os.fstat(handle)
        refuse_unless_regular(path, info)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_DATA_BYTES + 1)
    except OSError as error:
        raise DataError([problem(str(path), "0:0", "cannot_read", reason=system_reason(error))]) from None
    finally:
        os.close(handle)
    if len(data) > MAX_DATA_BYTES:
        raise DataError([too_large(path, len(data))])
    _read_files.add((info.st_dev, info.st_ino))
    return data


def read_data_text(path: Path, encoding: str = "utf-8") -> str:
    """A data file's text (``read_data_file``'s limits); a DataError when it is not valid UTF-8."""
    data = read_data_file(path)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DataError([problem(str(path), "0:0", "not_utf8")]) from None


def refuse_unless_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise DataError([problem(str(path), "0:0", "is_a_directory")])
    if not stat.S_ISREG(info.st_mode):
        raise DataError([problem(str(path), "0:0", "not_regular")])
    if info.st_size > MAX_DATA_BYTES:
        raise DataError([too_large(path, info.st_size)])


def too_large(path: Path, size: int) -> Problem:
    return problem(str(path), "0:0", "too_large", size=size, limit=MAX_DATA_BYTES // 2**20)


def write_output(path: Path, data: bytes) -> None:
    """Write what the user asked for to ``path`` (see the module's docstring for what is refused)."""
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputProblem("output_is_directory", path=path)
        if (info.st_dev, info.st_ino) in _read_files:
            raise OutputProblem("output_is_data", path=path)
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode) or is_system_path(path):
            write_into(path, data)
            return
        if not stat.S_ISREG(info.st_mode):
            raise OutputProblem("output_not_regular", path=path)
        if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
            raise OutputProblem("output_read_only", path=path)
    atomic_write(path, data)


def is_system_path(path: Path) -> bool:
    """/dev/stdout or /proc/self/fd/1 may stand for a regular file the shell opened: write into it."""
    return Path(os.path.abspath(path)).parts[1:2] in (("dev",), ("proc",))


def write_into(path: Path, data: bytes) -> None:
    """A device or FIFO is written to as it is, like any Unix tool does, never replaced.

    Appending: behind /dev/stdout may be a file the shell has already written to.
    """
    try:
        with open(path, "ab") as out:
            out.write(data)
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None


def atomic_write(path: Path, data: bytes) -> None:
    """Write a temporary file beside ``path``'s target, fsync it, then rename it over the target.

    The rename is atomic on one file system, so readers see the old file or the new one, never
    a mix. A symlink is followed (its target is replaced, the link kept). An existing file's
    permissions are kept (mkstemp creates files with mode 0600).
    """
    import shutil  # here, not at the top: reading data needs neither (1.5 ms of start-up)
    import tempfile

    real = Path(os.path.realpath(path))
    directory = real.parent
    if not directory.is_dir():
        raise OutputProblem("no_such_directory", path=path, directory=path.parent)
    if real.is_dir():
        raise OutputProblem("output_is_directory", path=path)
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if real.exists():
            shutil.copymode(real, temporary)
        else:
            os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, real)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
        raise


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def make_directory(path: Path) -> None:
    """A directory to write files into, created (with its parents) when missing."""
    if path.exists() and not path.is_dir():
        raise OutputProblem("not_a_directory_export", path=path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None


def atomic_build(path: Path, build: Callable[[Path], None], ours: Callable[[Path], bool]) -> None:
    """Let ``build`` write a new file at a temporary path beside ``path``, then rename it over ``path``.

    For files written by a library (sqlite3) rather than from bytes. An existing ``path`` is
    replaced only when ``ours`` says jobaward wrote it; a directory, a data file being loaded and a
    read-only file are refused as by ``write_output``.
    """
    import tempfile

    real = Path(os.path.realpath(path))
    if not real.parent.is_dir():
        raise OutputProblem("no_such_directory", path=path, directory=path.parent)
    if real.exists():
        info = os.stat(real)
        if stat.S_ISDIR(info.st_mode):
            raise OutputProblem("output_is_directory", path=path)
        if (info.st_dev, info.st_ino) in _read_files:
            raise OutputProblem("output_is_data", path=path)
        if not stat.S_ISREG(info.st_mode) or not ours(real):
            raise OutputProblem("not_jobaward_output", path=path)
        if not os.access(real, os.W_OK):
            raise OutputProblem("output_read_only", path=path)
    try:
        handle, name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        os.close(handle)
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
    temporary = Path(name)
    try:
        temporary.unlink()  # the builder creates the file itself
        build(temporary)
        os.chmod(temporary, 0o666 & ~current_umask())
        os.replace(temporary, real)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
        raise
