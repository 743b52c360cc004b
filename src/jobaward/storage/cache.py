"""Parse once: the merged dataset, kept in the user cache directory.

The key is a hash of the exact bytes of every file loaded (plus jobaward's and Python's versions
and the record classes' fields), so an edited file is never served stale, even one changed
twice within the same second to the same size. An entry that is missing, corrupt, truncated
or for another key is ignored and rebuilt; writing one is best-effort and atomic.

The directory stays small: when an entry is written, all but the ``KEEP`` most recently used
entries are removed (a hit refreshes an entry's time). Another run may be reading an entry being
removed: it either has the file open (unlinking does not disturb it) or finds it gone and parses.

Entries are ``marshal`` data of plain tuples (dates as ISO text), not pickles: loading one runs
no code, and rebuilding the records with ``tuple.__new__`` is several times faster than
unpickling them (benchmarks/).
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

try:  # the same BLAKE2b as hashlib's, without loading OpenSSL's library for it (start-up time)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from jobaward import __version__
from jobaward.errors import Problem
from jobaward.model import Award, Benchmark, Dataset, Edition, FormerState, Government, Indicator, Measurement, Source
from jobaward.storage.toml_data import Merged, merge_contents, read_contents

FORMAT = 3

#: Entries kept: the bundled data alone, with a user file or two, and some older versions of them.
KEEP = 6
#: A temporary file older than this (seconds) is a crashed writer's leftover.
STALE_TEMPORARY = 3600


def cache_dir() -> Path:
    from jobaward.storage.paths import user_cache_dir

    return user_cache_dir()


def enabled() -> bool:
    return os.environ.get("JOBAWARD_NO_CACHE", "") in ("", "0")


def load_cached(paths: Sequence[Path], bundled: bool = True) -> Merged:
    """Like load.load_layers, but parses only when the files' bytes were not seen before."""
    contents = read_contents(paths, bundled)
    if not enabled():
        return merge_contents(contents)
    key = cache_key(contents)
    entry = cache_dir() / f"{key[:32]}.marshal"
    cached = read_entry(entry, key)
    if cached is not None:
        touch(entry)
        return cached
    merged = merge_contents(contents)
    write_entry(entry, key, merged)
    prune(entry.parent)
    return merged


def touch(entry: Path) -> None:
    """Mark an entry as just used, so pruning keeps it."""
    try:
        os.utime(entry)
    except OSError:  # pruned meanwhile, or a read-only cache
        return


def prune(directory: Path, keep: int = KEEP) -> None:
    """Remove all but the ``keep`` most recently used entries, and stale temporary files."""
    import time

    found: list[tuple[float, Path]] = []
    try:
        for path in directory.iterdir():
            try:
                used = path.stat().st_mtime
            except OSError:  # removed by another run meanwhile
                continue
            if path.suffix == ".marshal":
                found.append((used, path))
            elif path.name.endswith(".tmp") and used < time.time() - STALE_TEMPORARY:
                remove(path)
    except OSError:
        return
    found.sort(reverse=True)
    for _, path in found[keep:]:
        remove(path)


def remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # already gone (another run pruned it) or not ours to remove
        return


def record_shapes() -> str:
    """The record classes' fields: an entry made for other shapes must never be loaded."""
    classes = (FormerState, Government, Source, Edition, Award, Measurement, Benchmark, Indicator, Problem)
    return repr([(cls.__name__, cls._fields) for cls in classes])


def cache_key(contents: Sequence[tuple[str, bytes]]) -> str:
    salt = f"{FORMAT}|{__version__}|{sys.version}|{record_shapes()}"
    digest = blake2b(salt.encode(), digest_size=32)
    for origin, raw in contents:
        digest.update(f"|{origin}|{len(raw)}|".encode())
        digest.update(raw)
    return digest.hexdigest()


def read_entry(entry: Path, key: str) -> Merged | None:
    try:
        stored_key, plain = marshal.loads(entry.read_bytes())
        return from_plain(plain) if stored_key == key else None
    except Exception:  # missing, truncated, corrupt or another shape: rebuild
        return None


def write_entry(entry: Path, key: str, merged: Merged) -> None:
    from jobaward.storage.files import atomic_write

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(entry, marshal.dumps((key, shared_strings(to_plain(merged)))))
    except Exception:  # a read-only or full disk only costs the next run a parse
        return


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day_of(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def to_plain(merged: Merged) -> tuple[Any, ...]:
    data = merged.dataset
    governments = [
        (
            *g[:5],
            tuple((iso(s.until), s.name, s.province) for s in g.former),
            iso(g.established),
            iso(g.abolished),
            *g[8:],
        )
        for g in data.governments
    ]
    sources = [(s.id, s.publisher, iso(s.date), *s[3:]) for s in data.sources]
    editions = [(e.year, e.number, iso(e.date), *e[3:]) for e in data.editions]
    indicators = [
        (
            *i[:4],
            tuple(i.before) if i.before else None,
            tuple(i.after) if i.after else None,
            tuple(i.benchmark) if i.benchmark else None,
            i.note,
            i.superseded,
        )
        for i in data.indicators
    ]
    records = (governments, sources, editions, [tuple(a) for a in data.awards], indicators)
    return (records, data.origins, [tuple(p) for p in merged.replaced])


def shared_strings(value: Any, pool: dict[str, str] | None = None) -> Any:
    """The same value with equal strings as one object, which marshal then writes once."""
    pool = {} if pool is None else pool
    if isinstance(value, str):
        return pool.setdefault(value, value)
    if isinstance(value, (tuple, list)):
        return type(value)(shared_strings(item, pool) for item in value)
    return value


def from_plain(plain: tuple[Any, ...]) -> Merged:
    (governments, sources, editions, awards, indicators), origins, replaced = plain
    new = tuple.__new__
    dataset = Dataset(
        governments=tuple(
            new(
                Government,
                (
                    *g[:5],
                    tuple(FormerState(day_of(u) or date.min, n, p) for u, n, p in g[5]),
                    day_of(g[6]),
                    day_of(g[7]),
                    *g[8:],
                ),
            )
            for g in governments
        ),
        sources=tuple(Source(s[0], s[1], day_of(s[2]), *s[3:]) for s in sources),
        editions=tuple(Edition(e[0], e[1], day_of(e[2]), *e[3:]) for e in editions),
        awards=tuple(new(Award, a) for a in awards),
        indicators=tuple(
            new(
                Indicator,
                (
                    *i[:4],
                    new(Measurement, i[4]) if i[4] else None,
                    new(Measurement, i[5]) if i[5] else None,
                    new(Benchmark, i[6]) if i[6] else None,
                    i[7],
                    i[8],
                ),
            )
            for i in indicators
        ),
        origins=tuple(origins),
    )
    if any(len(a) != len(Award._fields) for a in dataset.awards):
        raise ValueError("cache entry of another shape")
    return Merged(dataset, tuple(new(Problem, p) for p in replaced))
