"""Append one record to a user data file without touching what is already there.

The new block is serialised on its own with tomli-w and appended to the file's bytes, so the
user's comments and layout are kept byte for byte. Under a lock on ``FILE.lock`` the would-be
file is checked together with every other layer (references, duplicates), then written
atomically: concurrent adds all land, and an interrupted one leaves the old file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import math
import os
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import tomli_w

from jobaward.errors import AlreadyRecorded, DataError, EnvironmentProblem, OutputProblem, UsageProblem
from jobaward.i18n.messages import system_reason
from jobaward.model import Award, Dataset
from jobaward.storage.safety import replace_if_unchanged
from jobaward.storage.toml_data import KEYS, Merged, merge_layers, parse_layer

NEW_FILE_HEADER = (
    "# jobaward user data: loaded on top of the bundled dataset (schema: docs/data.md).\n"
    "# `jobaward add` appends records here; edit freely, comments are kept.\n"
    "schema = 1\n"
)


class Target(NamedTuple):
    """The file to append to, and the other files loaded around it."""

    path: Path
    before: Sequence[Path]
    bundled: bool = True


Block = tuple[str, dict[str, Any]]
#: Decides the blocks to append from everything loaded (the target file as it is now included).
Build = Callable[[Dataset], Sequence[Block]]

#: How often `add` re-reads and retries when the file changed under it (an editor saving it).
MAX_TRIES = 20


class Snapshot(NamedTuple):
    """What the target file held when it was read, to notice a change before replacing it."""

    data: bytes
    identity: tuple[int, ...] | None
    digest: str


#: Seconds ``add`` waits for another add's lock before giving up (JOBAWARD_LOCK_TIMEOUT).
DEFAULT_LOCK_TIMEOUT = 30.0


def lock_timeout() -> float:
    """JOBAWARD_LOCK_TIMEOUT in seconds (a number ≥ 0), else DEFAULT_LOCK_TIMEOUT."""
    text = os.environ.get("JOBAWARD_LOCK_TIMEOUT", "").strip()
    try:
        seconds = float(text)
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT
    return seconds if math.isfinite(seconds) and seconds >= 0 else DEFAULT_LOCK_TIMEOUT


@contextlib.contextmanager
def locked(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """An exclusive lock on ``path``.lock beside the real file (never on the file that gets replaced).

    The lock file is never followed through a symlink (a dangling one would create its target).
    Held by another run, it is waited for: ``on_wait`` is called once, and after
    ``lock_timeout()`` seconds the add gives up (exit 2).
    """
    real = Path(os.path.realpath(path))
    lock_path = real.with_name(real.name + ".lock")
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(lock_path, flags, 0o666)
    except OSError as error:
        raise EnvironmentProblem("cannot_use_data_dir", path=lock_path.parent, reason=system_reason(error)) from None
    try:
        wait_for_lock(handle, lock_path, on_wait)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def wait_for_lock(handle: int, lock_path: Path, on_wait: Callable[[], None] | None) -> None:
    deadline = time.monotonic() + lock_timeout()
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if not told and on_wait is not None:
            on_wait()
        told = True
        if time.monotonic() >= deadline:
            raise UsageProblem("lock_timeout", path=lock_path, seconds=f"{lock_timeout():g}")
        time.sleep(0.02)


def same_file(a: Path, b: Path) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def others(target: Target) -> Merged:
    """Everything loaded except the target file: what an added record must not duplicate."""
    from jobaward.storage.cache import load_cached

    return load_cached([p for p in target.before if not same_file(p, target.path)], target.bundled)


def snapshot(path: Path) -> Snapshot:
    """The target's bytes (a new file's header when there is none) and what identifies this version.

    Identity and bytes come from the same open file, so they describe one version.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        data = NEW_FILE_HEADER.encode("utf-8")
        return Snapshot(data, None, hashlib.sha256(data).hexdigest())
    except OSError as error:
        raise EnvironmentProblem("cannot_use_data_dir", path=path.parent, reason=system_reason(error)) from None
    try:
        info = os.fstat(handle)
        data = read_handle(path, handle, info)
    finally:
        os.close(handle)
    return Snapshot(data, identity_of(info), hashlib.sha256(data).hexdigest())


def read_handle(path: Path, handle: int, info: os.stat_result) -> bytes:
    from jobaward.storage.files import MAX_DATA_BYTES, refuse_unless_regular, remember_read, too_large

    refuse_unless_regular(path, info)
    chunks, size = [], 0
    while size <= MAX_DATA_BYTES:
        chunk = os.read(handle, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_DATA_BYTES:
        raise DataError([too_large(path, size)])
    remember_read(info)
    return b"".join(chunks)


def identity_of(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def unchanged(path: Path, seen: Snapshot) -> bool:
    """Device, inode, size, modification time and content hash all as when it was read."""
    try:
        now = snapshot(path)
    except (DataError, EnvironmentProblem):
        return False
    return now.identity == seen.identity and now.digest == seen.digest


def compose(target: Target, build: Build, old: bytes, base: Merged | None = None) -> tuple[bytes, Dataset]:
    """The file with the new blocks appended, checked with every other layer; the merged result."""
    base = base or others(target)
    origin = str(target.path)
    current = merge_layers([layer_of(base.dataset), parse_layer(old, origin)]).dataset
    blocks = build(current)
    pieces = [block(section, record) for section, record in blocks]
    refuse_duplicates(current, b"".join(piece + b"\n" for piece in pieces), target.path)
    new = joined(old, pieces)
    layer = parse_layer(new, origin)
    return new, merge_layers([layer_of(base.dataset), layer]).dataset


def composed(target: Target, build: Build, base: Merged) -> tuple[Snapshot, bytes, Dataset]:
    """Read the target and compose the add on it. A data error in a file that changed meanwhile
    (an editor saving in place, caught half-written) is read again, not reported."""
    for attempt in range(MAX_TRIES):
        seen = snapshot(target.path)
        try:
            new, merged = compose(target, build, seen.data, base)
        except DataError:
            if attempt + 1 == MAX_TRIES or unchanged(target.path, seen):
                raise
            time.sleep(0.01 * (attempt + 1))
            continue
        return seen, new, merged
    raise AssertionError("unreachable")


def append(target: Target, blocks: Build | Sequence[Block], on_wait: Callable[[], None] | None = None) -> Dataset:
    """Append the blocks (section, record) to the target file; the merged dataset after it.

    ``blocks`` may be a function of everything loaded: it is called under the lock, so what it
    decides from the file (a new source's id) cannot collide with a concurrent add. A refusal
    found before the lock creates nothing. The file is replaced only when the version replaced
    is the version the add was composed on (safety.replace_if_unchanged); when it changed (an
    editor saved it) the add is composed again on the new version, up to MAX_TRIES times.
    """
    build: Build = blocks if callable(blocks) else (lambda _: blocks)
    base = others(target)
    composed(target, build, base)  # refused here: nothing created yet
    try:
        target.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise EnvironmentProblem("cannot_use_data_dir", path=target.path.parent, reason=system_reason(error)) from None
    with locked(target.path, on_wait):
        for attempt in range(MAX_TRIES):
            seen, new, merged = composed(target, build, base)
            if write_data(target.path, seen, new):
                return merged
            time.sleep(random.uniform(0, 0.005 * (attempt + 1)))
        raise EnvironmentProblem("changed_while_adding", path=target.path, tries=MAX_TRIES)


def write_data(path: Path, seen: Snapshot, data: bytes) -> bool:
    """Replace the user's data file if it is still ``seen``; False when it changed.

    A read-only or hard-linked file is refused (exit 2); a failure of the disk or directory is exit 3.
    """
    try:
        return replace_if_unchanged(path, seen.identity, seen.digest, data)
    except OutputProblem as refused:
        if refused.key in ("output_read_only", "output_hard_linked"):
            raise
        raise EnvironmentProblem(refused.key, **refused.fields) from None


def refuse_text_not_utf8(record: dict[str, Any]) -> None:
    """A text value with undecodable bytes from the command line (surrogates) is a usage error."""
    for key, value in record.items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str) and not is_utf8(text):
                shown = text.encode("utf-8", "backslashreplace").decode("ascii", "backslashreplace")
                raise UsageProblem("argument_not_utf8", name=key, value=shown)


def is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def block(section: str, record: dict[str, Any]) -> bytes:
    """``[[section]]`` and the record's keys; sub-tables inline, so the block stands on its own.

    (tomli-w writes a short array of tables as one inline ``sources = [{...}]`` line, which at
    the end of a file would become a key of the table above it: the header is written here.)
    """
    refuse_text_not_utf8(record)
    lines = [f"[[{section}]]"]
    lines += [f"{toml_key(key)} = {toml_value(value)}" for key, value in record.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def toml_key(key: str) -> str:
    return tomli_w.dumps({key: 0}).split(" = ")[0]


def toml_value(value: Any) -> str:
    """One value as TOML text, serialised by tomli-w; a table becomes an inline table."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def joined(old: bytes, new_blocks: Sequence[bytes]) -> bytes:
    text = old if old.endswith(b"\n") or not old else old + b"\n"
    for piece in new_blocks:
        text += b"\n" + piece
    return text


def layer_of(dataset: Dataset) -> Dataset:
    """The already merged other layers, as one layer to put the target on."""
    return Dataset(
        governments=dataset.governments,
        sources=dataset.sources,
        editions=dataset.editions,
        awards=dataset.awards,
        indicators=dataset.indicators,
        origins=("(other data)",),
    )


def refuse_duplicates(current: Dataset, added: bytes, path: Path) -> None:
    """`add` never replaces: a record whose key is already loaded (the target file included) is
    refused. A new record that does not parse is left to the check of the whole file."""
    try:
        fresh = parse_layer(added, str(path))
    except DataError:
        return
    for section, key_name in (("awards", "already_recorded"), ("indicators", "already_recorded_indicator")):
        for new in getattr(fresh, section):
            key = KEYS[section](new)
            if any(KEYS[section](old) == key for old in getattr(current, section)):
                raise AlreadyRecorded(key_name, path=path, shown=shown_key(new))


def shown_key(record: Any) -> str:
    """An award as ``2025 강원 강릉시 공시제 우수상``; an indicator as its government and name."""
    if isinstance(record, Award):
        return " ".join(str(part) for part in record.key if part not in ("", None))
    return f"{record.government} {record.name}"


def source_for(
    dataset: Dataset, url: str, when: date | None, publisher: str = "", option: str = "--source"
) -> tuple[str, dict[str, Any] | None]:
    """The id of the source with this URL, or a new source record to add with it."""
    host = web_host(url, option)
    for source in dataset.sources:
        if source.url == url:
            return source.id, None
    base = re.sub(r"^(www|m|amp)\.", "", host).split(".")[0] + (f"-{when:%Y%m%d}" if when else "")
    taken = {s.id for s in dataset.sources}
    source_id, n = base, 2
    while source_id in taken:
        source_id, n = f"{base}-{n}", n + 1
    record: dict[str, Any] = {"id": source_id, "publisher": publisher or host.removeprefix("www.")}
    if when:
        record["date"] = when
    record["url"] = url
    return source_id, record


def without_empty(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [], {})}


def web_host(url: str, option: str) -> str:
    """The host of an http(s) address; anything else (empty, ``http://[::1``) is a usage error."""
    try:
        parsed = urlparse(url)
        host = parsed.hostname or ""
    except ValueError:
        host = ""
    if not host or parsed.scheme not in ("http", "https"):
        raise UsageProblem("bad_url", option=option, value=url)
    return host
