"""Append one record to a user data file without touching what is already there.

The new block is serialised on its own with tomli-w and appended to the file's bytes, so the
user's comments and layout are kept byte for byte. Under a lock on ``FILE.lock`` the would-be
file is checked together with every other layer (references, duplicates), then written
atomically: concurrent adds all land, and an interrupted one leaves the old file.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import tomli_w

from .errors import DataError, Problem
from .files import atomic_write
from .load import KEYS, Merged, load_layers, merge_layers, parse_layer, read_bytes
from .model import Dataset

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


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path``.lock (never on the file that gets replaced)."""
    import fcntl

    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def others(target: Target) -> Merged:
    """Everything loaded except the target file: what an added record must not duplicate."""
    return load_layers([p for p in target.before if p.resolve() != target.path.resolve()], target.bundled)


def everything(target: Target) -> Dataset:
    """Everything loaded, the target file included: where names and source URLs are looked up."""
    paths = [p for p in target.before if p.resolve() != target.path.resolve()]
    if target.path.exists():
        paths.append(target.path)
    return load_layers(paths, target.bundled).dataset


def current_bytes(path: Path) -> bytes:
    return read_bytes(path) if path.exists() else NEW_FILE_HEADER.encode("utf-8")


def block(section: str, record: dict[str, Any]) -> bytes:
    """``[[section]]`` and the record's keys; sub-tables inline, so the block stands on its own.

    (tomli-w writes a short array of tables as one inline ``sources = [{...}]`` line, which at
    the end of a file would become a key of the table above it: the header is written here.)
    """
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


def append(target: Target, blocks: Sequence[tuple[str, dict[str, Any]]]) -> Dataset:
    """Append ``blocks`` (section, record) to the target file; the merged dataset after it."""
    target.path.parent.mkdir(parents=True, exist_ok=True)
    with locked(target.path):
        base = others(target)
        old = current_bytes(target.path)
        new = joined(old, [block(section, record) for section, record in blocks])
        layer = parse_layer(new, str(target.path))
        refuse_duplicates(base.dataset, layer, blocks)
        merged = merge_layers([layer_of(base.dataset), layer])
        atomic_write(target.path, new)
        return merged.dataset


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


def refuse_duplicates(base: Dataset, layer: Dataset, blocks: Sequence[tuple[str, dict[str, Any]]]) -> None:
    """`add` never replaces: a record whose key is already loaded is refused."""
    for section, _ in blocks:
        if section == "sources":
            continue
        records = getattr(layer, section)
        new = records[-1]
        key = KEYS[section](new)
        if any(KEYS[section](old) == key for old in getattr(base, section)):
            shown = ", ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)
            where = f"{section}[{len(records) - 1}]"
            raise DataError([Problem(str(layer.origins[0]), where, f"duplicate: ({shown}) is already recorded")])


def source_for(dataset: Dataset, url: str, when: date | None, publisher: str = "") -> tuple[str, dict[str, Any] | None]:
    """The id of the source with this URL, or a new source record to add with it."""
    for source in dataset.sources:
        if source.url == url:
            return source.id, None
    host = urlparse(url).hostname or ""
    if not host:
        raise DataError([Problem("--source", "url", f"expected a web address like https://…, got {url!r}")])
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
