"""Replace a user's file only if it is still the version read: an editor's save is never overwritten.

``add`` composes its new file from the version it read (``seen``: identity and content hash).
The check that the file is still that version must be made at the moment of the rename, not
some milliseconds before it. On Linux, ``renameat2(RENAME_EXCHANGE)`` swaps the new file and the
target in one step; the file swapped out is then checked: if it is the version read (same
inode, size, modification time and content hash, and no other process has it open, which a
write lease proves) it is discarded, else the swap is undone and the add is composed again on
top of what the editor saved. A new file is created with ``link``, which never replaces one
that appeared meanwhile.

Elsewhere (no renameat2: macOS, old kernels, some file systems) the check is made just before
an ordinary rename; a save landing in the microseconds between them can still be lost
(docs/safety.md).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import signal
from pathlib import Path
from typing import Any

from jobaward.errors import OutputProblem
from jobaward.i18n.messages import system_reason
from jobaward.storage.files import discard, refuse_unless_replaceable, write_temporary

AT_FDCWD = -100
RENAME_EXCHANGE = 2
#: fcntl's F_SETLEASE / F_GETLEASE (Linux): a write lease is granted only to a file nobody else has open.
F_SETLEASE, F_RDLCK, F_WRLCK, F_UNLCK = 1024, 0, 1, 2

_renameat2: Any = None


def renameat2() -> Any:
    """glibc's renameat2, or None where there is none."""
    global _renameat2
    if _renameat2 is None:
        _renameat2 = False
        if hasattr(os, "pipe2"):  # a Linux-like platform
            with contextlib.suppress(OSError, AttributeError):
                import ctypes

                function = ctypes.CDLL(None, use_errno=True).renameat2
                function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
                function.restype = ctypes.c_int
                _renameat2 = function
    return _renameat2 or None


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    function = renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def replace_if_unchanged(path: Path, identity: tuple[int, ...] | None, digest: str, data: bytes) -> bool:
    """Put ``data`` at ``path`` only if ``path`` still holds the version read; False if it changed.

    ``identity`` None: the file did not exist and must still not exist.
    """
    real = Path(os.path.realpath(path))
    if identity is not None:
        try:
            refuse_unless_replaceable(path, os.stat(real))
        except FileNotFoundError:
            return False
    temporary = write_temporary(path, real, data)
    try:
        if identity is None:
            return created(temporary, real)
        if not holds(real, identity, digest, exclusive=False):
            return False
        if exchange(temporary, real):
            return swapped_out_was(temporary, real, identity, digest)
        os.replace(temporary, real)
        return True
    except OSError as error:
        raise OutputProblem("cannot_write", path=path, reason=system_reason(error)) from None
    finally:
        discard(temporary)


def created(temporary: Path, real: Path) -> bool:
    """A new file: linked into place, which fails (and replaces nothing) if one appeared meanwhile."""
    try:
        os.link(temporary, real)
    except FileExistsError:
        return False
    return True


def swapped_out_was(temporary: Path, real: Path, identity: tuple[int, ...], digest: str) -> bool:
    """After the exchange ``temporary`` holds what was at ``real``: keep the swap if it was the
    version read; else undo it (and if ``real`` was replaced again meanwhile, keep that newer save)."""
    ours = os.lstat(real).st_ino
    if holds(temporary, identity, digest, exclusive=True):
        return True
    exchange(temporary, real)
    if os.lstat(temporary).st_ino != ours:  # someone saved over our file: that save is the newest
        exchange(temporary, real)
    return False


def holds(path: Path, identity: tuple[int, ...], digest: str, exclusive: bool) -> bool:
    """``path`` is the version read: same inode, size, mtime and content; with ``exclusive``, also
    open in no other process (so no write to it can still come)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        info = os.fstat(handle)
        if (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) != identity:
            return False
        if exclusive and not alone(handle):
            return False
        content = hashlib.sha256()
        while chunk := os.read(handle, 1 << 20):
            content.update(chunk)
        return content.hexdigest() == digest
    finally:
        os.close(handle)


def alone(handle: int) -> bool:
    """No other open file description on the file (a write lease is granted); True where leases
    are not available (other file systems, other owners): the content check is then all there is."""
    import fcntl

    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: a lease break signal is not expected
        previous = signal.signal(signal.SIGIO, signal.SIG_IGN)
    try:
        fcntl.fcntl(handle, F_SETLEASE, F_WRLCK)
    except OSError as error:
        return error.errno != errno.EAGAIN
    else:
        fcntl.fcntl(handle, F_SETLEASE, F_UNLCK)
        return True
    finally:
        if previous is not None:
            signal.signal(signal.SIGIO, previous)
