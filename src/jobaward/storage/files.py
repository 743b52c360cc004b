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
import errno
import os
import re
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
    remember_read(info)
    return data


def remember_read(info: os.stat_result) -> None:
    """This run read the file: no output replaces it."""
    _read_files.add((info.st_dev, info.st_ino))


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
        if is_protected(path, info):
            raise OutputProblem("output_is_data", path=path)
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode) or is_descriptor_path(path):
            write_into(path, data)
            return
        if not stat.S_ISREG(info.st_mode):
            raise OutputProblem("output_not_regular", path=path)
        refuse_unless_replaceable(path, info)
    elif is_protected(path, None):
        raise OutputProblem("output_is_data", path=path)
    atomic_write(path, data)


def refuse_unless_replaceable(path: Path, info: os.stat_result) -> None:
    """A read-only file, or one with other hard links (replacing it would split them), is refused."""
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise OutputProblem("output_read_only", path=path)
    if info.st_nlink > 1:
        raise OutputProblem("output_hard_linked", path=path, links=info.st_nlink)


def protected_files() -> list[Path]:
    """jobaward's own data files, whether or not this run read them: never an output."""
    from jobaward.storage.paths import bundled_file, default_user_file, environment_files, user_dir

    return [
        bundled_file("data.toml"),
        bundled_file("official.tsv"),
        default_user_file(),
        user_dir("data") / "official.tsv",
        *environment_files(),
    ]


def is_protected(path: Path, info: os.stat_result | None) -> bool:
    """``path`` is a file this run read or one of jobaward's own (by resolved path or by inode)."""
    if info is not None and (info.st_dev, info.st_ino) in _read_files:
        return True
    real = os.path.realpath(path)
    for known in protected_files():
        if os.path.realpath(known) == real:
            return True
        if info is not None:
            with contextlib.suppress(OSError):
                other = os.stat(known)
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    return True
    return False


#: /dev/stdout, /dev/fd/1, /proc/self/fd/1: a descriptor the shell opened (maybe on a file it
#: truncated, or opened for appending): written into, never replaced.
DESCRIPTOR_PATH = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|thread-self|\d+)/fd/\d+")


def is_descriptor_path(path: Path) -> bool:
    """Only a descriptor alias is written into: /proc/self/cwd/file is an ordinary file."""
    return DESCRIPTOR_PATH.fullmatch(os.path.abspath(path)) is not None


def write_into(path: Path, data: bytes) -> None:
    """A device or FIFO is written to as it is, like any Unix tool does, never replaced.

    Appending: behind /dev/stdout may be a file the shell has already written to.
    """
    try:
        with open(path, "ab") as out:
            out.write(data)
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None


#: Temporary files are named ``.jobaward-<random>.tmp`` (short: a 255-byte name can still be
#: written); ones older than this were left by a killed run and are removed by the next write.
TEMP_PREFIX, TEMP_SUFFIX = ".jobaward-", ".tmp"
STALE_TEMP_SECONDS = 15 * 60


def atomic_write(path: Path, data: bytes) -> None:
    """Write a temporary file beside ``path``'s target, fsync it, then rename it over the target.

    The rename is atomic on one file system, so readers see the old file or the new one, never
    a mix. A symlink is followed (its target is replaced, the link kept). An existing file's
    permissions and, where allowed, its owner are kept.
    """
    real = Path(os.path.realpath(path))
    temporary = write_temporary(path, real, data)
    try:
        os.replace(temporary, real)
    except BaseException as error:
        discard(temporary)
        if isinstance(error, OSError):
            raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
        raise


def write_temporary(path: Path, real: Path, data: bytes) -> Path:
    """``data`` in a new, fsynced temporary file beside ``real``, with ``real``'s mode and owner."""
    directory = real.parent
    if not directory.is_dir():
        raise OutputProblem("no_such_directory", path=path, directory=path.parent)
    if real.is_dir():
        raise OutputProblem("output_is_directory", path=path)
    remove_stale_temporaries(directory)
    try:
        handle, temporary = new_temporary(directory)
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            keep_mode_and_owner(real, out.fileno())
            os.fsync(out.fileno())
    except BaseException as error:
        discard(temporary)
        if isinstance(error, OSError):
            raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
        raise
    return temporary


def new_temporary(directory: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temporary = directory / f"{TEMP_PREFIX}{os.urandom(6).hex()}{TEMP_SUFFIX}"
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(directory))


def keep_mode_and_owner(real: Path, handle: int) -> None:
    """The replaced file's mode and owner (a chown another user's file needs is skipped)."""
    try:
        old = os.stat(real)
    except FileNotFoundError:
        os.fchmod(handle, 0o666 & ~current_umask())
        return
    os.fchmod(handle, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(OSError):
        os.fchown(handle, old.st_uid, old.st_gid)


def remove_stale_temporaries(directory: Path) -> None:
    """Temporary files a killed run left (older than STALE_TEMP_SECONDS): best effort."""
    import time

    cutoff = time.time() - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)


def discard(temporary: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


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
