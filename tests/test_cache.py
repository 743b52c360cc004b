"""The parse cache is never trusted when stale or corrupt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jobaward.storage import cache

OWN = """
[[sources]]
id = "s1"
publisher = "x"
url = "https://example.org/1"

[[awards]]
year = 2030
government = "강원 양양군"
grade = "우수상"
sources = ["s1"]
"""


def entries() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.marshal"))


def grades(path: Path) -> list[str]:
    dataset = cache.load_cached([path]).dataset
    return [a.grade for a in dataset.awards if a.government == "강원 양양군"]


def test_a_second_load_comes_from_the_cache(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    first = cache.load_cached([own])
    assert len(entries()) == 1
    second = cache.load_cached([own])
    assert second.dataset == first.dataset
    assert second.dataset is not first.dataset


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    assert grades(own) == ["우수상"]
    own.write_text(OWN.replace("우수상", "특별상"), "utf-8")
    assert grades(own) == ["특별상"]


def test_a_change_within_the_same_second_to_the_same_size_is_seen(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    stamp = own.stat().st_mtime_ns
    assert grades(own) == ["우수상"]
    own.write_text(OWN.replace("우수상", "특별상"), "utf-8")  # same length in bytes
    os.utime(own, ns=(stamp, stamp))
    assert own.stat().st_size == len(OWN.encode())
    assert grades(own) == ["특별상"], "served a stale entry"


@pytest.mark.parametrize("garbage", [b"", b"not marshal at all", b"\x00" * 100, b"\xe3" + b"\xff" * 50])
def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    good = cache.load_cached([own]).dataset
    (entry,) = entries()
    entry.write_bytes(garbage)
    assert cache.load_cached([own]).dataset == good
    assert entry.read_bytes() != garbage


def test_a_truncated_or_foreign_entry_is_rebuilt(tmp_path: Path) -> None:
    import marshal

    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    good = cache.load_cached([own]).dataset
    (entry,) = entries()
    entry.write_bytes(entry.read_bytes()[:-40])
    assert cache.load_cached([own]).dataset == good
    key, _ = marshal.loads(entry.read_bytes())
    entry.write_bytes(marshal.dumps((key, ((["wrong shape"], [], [], [], []), (), []))))
    assert cache.load_cached([own]).dataset == good


def test_an_unwritable_cache_only_costs_a_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would be", "utf-8")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocked / "jobaward")
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    assert grades(own) == ["우수상"]


def test_jobaward_no_cache_turns_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBAWARD_NO_CACHE", "1")
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    assert grades(own) == ["우수상"]
    assert entries() == []


def test_marshal_round_trip_is_exact(dataset: object) -> None:
    from jobaward.storage.toml_data import load_layers

    merged = load_layers([])
    assert cache.from_plain(cache.to_plain(merged)).dataset == merged.dataset


def test_many_edits_leave_a_bounded_cache(tmp_path: Path) -> None:
    """25 edits of a data file: the cache keeps the newest entries, and the latest edit is read."""
    own = tmp_path / "own.toml"
    for edit in range(25):
        own.write_text(OWN.replace("우수상", "우수상" if edit % 2 else "대상") + f"# edit {edit}\n", "utf-8")
        assert grades(own) == (["우수상"] if edit % 2 else ["대상"])
        assert len(entries()) <= cache.KEEP
    assert len(entries()) == cache.KEEP
    assert not [p for p in cache.cache_dir().iterdir() if p.suffix != ".marshal"]


def test_the_entry_in_use_survives_pruning(tmp_path: Path) -> None:
    """An entry read again is the most recent one, so writing others does not remove it."""
    kept = tmp_path / "kept.toml"
    kept.write_text(OWN, "utf-8")
    cache.load_cached([kept])
    own = tmp_path / "own.toml"
    for edit in range(cache.KEEP * 2):
        own.write_text(OWN + f"# edit {edit}\n", "utf-8")
        cache.load_cached([own])
        cache.load_cached([kept])  # a hit: refreshed
    key = cache.cache_key(cache.read_contents([kept], True))
    assert (cache.cache_dir() / f"{key[:32]}.marshal").exists()


def test_an_entry_pruned_while_loading_falls_back_to_parsing(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    own.write_text(OWN, "utf-8")
    cache.load_cached([own])
    for entry in entries():
        entry.unlink()  # another run pruned it between our lookup and read
    assert grades(own) == ["우수상"]
    cache.prune(cache.cache_dir() / "missing")  # a missing directory is no error


def test_25_edits_through_the_cli_leave_a_bounded_cache(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from jobaward.cli import app

    own = tmp_path / "own.toml"
    runner = CliRunner()
    for edit in range(25):
        own.write_text(OWN.replace("2030", str(2030 + edit)), "utf-8")
        done = runner.invoke(app, ["list", "--year", str(2030 + edit), "-f", "csv", "--data", str(own)])
        assert done.exit_code == 0 and f"\n{2030 + edit}," in done.stdout
    assert len(entries()) == cache.KEEP


def load_edit(path: str, year: int) -> list[int]:
    """In a child process: load a file through the cache (pruning others' entries meanwhile)."""
    return [a.year for a in cache.load_cached([Path(path)]).dataset.awards if a.government == "강원 양양군"]


def test_concurrent_runs_pruning_each_other_all_read_right(tmp_path: Path) -> None:
    import multiprocessing

    files = []
    for edit in range(16):
        own = tmp_path / f"own{edit}.toml"
        own.write_text(OWN.replace("2030", str(2030 + edit)), "utf-8")
        files.append((str(own), 2030 + edit))
    with multiprocessing.get_context("fork").Pool(8) as pool:
        for _ in range(3):
            found = pool.starmap(load_edit, files)
            assert found == [[year] for _, year in files]
    assert len(entries()) <= cache.KEEP
