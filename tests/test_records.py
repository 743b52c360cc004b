"""One record schema in and out (docs/output.md): list, show, export as JSON, CSV and SQLite, --fields."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from jobaward.model import Dataset
from jobaward.output import records
from jobaward.output.export import SECTIONS, record_sections
from jobaward.query.awards import list_awards
from tests.conftest import Run, only_line


def test_every_record_has_exactly_its_declared_keys(dataset: Dataset) -> None:
    sections = record_sections(dataset)
    for name, keys in SECTIONS:
        assert sections[name], name
        assert {tuple(record) for record in sections[name]} == {keys}, name


def test_export_json_awards_are_what_list_prints(run: Run) -> None:
    listed = json.loads(run("list", "-f", "json").stdout)
    exported = json.loads(run("export", "-f", "json").stdout)
    assert exported["awards"] == listed
    assert set(exported) == {"sources", "governments", "editions", "awards", "indicators", "official"}


def test_export_json_writes_null_and_booleans(run: Run) -> None:
    exported = json.loads(run("export", "-f", "json").stdout)
    seoul = next(gov for gov in exported["governments"] if gov["id"] == "서울")
    assert seoul["province"] is None and seoul["established"] is None and seoul["note"] is None
    assert all(isinstance(edition["contest"], bool) for edition in exported["editions"])
    gangneung = next(gov for gov in exported["governments"] if gov["id"] == "강원 강릉시")
    assert gangneung["province"] == "강원특별자치도"  # the name, as in list, not the id


def test_csv_export_has_list_columns_and_creates_the_directory(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "new" / "dir"
    assert run("export", "-f", "csv", "-o", str(target)).exit_code == 0
    listed = run("list", "-f", "csv").stdout
    assert (target / "awards.csv").read_text("utf-8") == listed
    with open(target / "editions.csv", encoding="utf-8", newline="") as f:
        assert {row["contest"] for row in csv.DictReader(f)} == {"true", "false"}
    assert run("export", "-f", "csv", "-o", str(target)).exit_code == 0  # its own files: replaced


def test_csv_export_never_replaces_a_foreign_file(run: Run, tmp_path: Path) -> None:
    (tmp_path / "awards.csv").write_text("my own notes\n", "utf-8")
    done = run("export", "-f", "csv", "-o", str(tmp_path))
    assert done.exit_code == 2
    assert "awards.csv" in only_line(done.stderr)
    assert (tmp_path / "awards.csv").read_text("utf-8") == "my own notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["awards.csv"]  # nothing half-written


def test_csv_export_to_a_file_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    file = tmp_path / "awards.csv"
    file.write_text("x", "utf-8")
    assert run("export", "-f", "csv", "-o", str(file)).exit_code == 2
    assert file.read_text("utf-8") == "x"


def test_sqlite_export(run: Run, tmp_path: Path, dataset: Dataset) -> None:
    target = tmp_path / "x.db"
    assert run("export", "--format", "sqlite", "-o", str(target)).exit_code == 0
    listed = json.loads(run("list", "-f", "json").stdout)
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM awards").fetchone() == (len(listed),)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        named = db.execute("SELECT * FROM awards_named ORDER BY id").fetchall()
        columns = [d[0] for d in db.execute("SELECT * FROM awards_named").description]
        assert columns == ["id", *(key for key in records.AWARD_KEYS if key != "sources")]
        first = dict(zip(columns, named[0], strict=True))
        assert first["government"] == listed[0]["government"] and first["province"] == listed[0]["province"]
        links = db.execute("SELECT count(*) FROM award_sources").fetchone()[0]
        assert links == sum(len({s["id"] for s in award["sources"]}) for award in listed)
        assert db.execute("SELECT count(*) FROM governments").fetchone() == (len(dataset.governments),)
        official = db.execute("SELECT count(*) FROM official WHERE government_id = '강원 강릉시'").fetchone()[0]
        assert official > 0
        row = db.execute(
            "SELECT value FROM official WHERE government_id = '강원 강릉시' AND period = '2021-H2' "
            "AND age = '계' AND indicator = '고용률'"
        ).fetchone()
        assert row is not None and isinstance(row[0], float)
        changes = db.execute(
            "SELECT before_period, after_period, change, after_value - before_value FROM official_changes "
            "WHERE edition_year = 2023 AND government_id = '강원 강릉시' AND age = '계' AND indicator = '고용률'"
        ).fetchall()
        assert [c[:2] for c in changes] == [("2021-H2", "2022-H2")]
        assert abs(changes[0][2] - changes[0][3]) < 1e-9


def test_sqlite_export_replaces_its_own_file_only(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "x.db"
    assert run("export", "-f", "sqlite", "-o", str(target)).exit_code == 0
    assert run("export", "-f", "sqlite", "-o", str(target)).exit_code == 0
    foreign = tmp_path / "mine.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (x)")
    db.close()
    before = foreign.read_bytes()
    done = run("export", "-f", "sqlite", "-o", str(foreign))
    assert done.exit_code == 2 and "mine.db" in only_line(done.stderr)
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db", "x.db"]  # no temporary left
    assert run("export", "-f", "sqlite").exit_code == 2


def test_fields_keep_and_order_keys(run: Run) -> None:
    done = run("list", "--year", "2023", "-f", "json", "--fields", "grade, government_id")
    assert done.exit_code == 0
    rows = json.loads(done.stdout)
    assert rows and all(list(row) == ["grade", "government_id"] for row in rows)
    table = run("list", "--year", "2023", "-f", "csv", "--fields", "year,government").stdout.splitlines()
    assert table[0] == "year,government" and table[1].startswith("2023,")
    shown = json.loads(run("show", "강릉시", "-f", "json", "--fields", "award_count").stdout)
    assert list(shown) == ["award_count"] and shown["award_count"] > 0
    assert run("compare", "강릉시", "-f", "tsv", "--fields", "indicator").stdout.startswith("indicator\n")
    assert run("stats", "-f", "csv", "--fields", "section,awards").stdout.startswith("section,awards\n")


def test_an_unknown_field_is_a_usage_error_listing_the_valid_ones(run: Run) -> None:
    done = run("list", "-f", "json", "--fields", "year,bogus")
    assert done.exit_code == 2
    line = only_line(done.stderr)
    assert "bogus" in line and ", ".join(records.AWARD_KEYS) in line
    assert run("list", "--fields", "year").exit_code == 2  # the table has no fields
    assert run("list", "-f", "csv", "--fields", " , ").exit_code == 2


def test_csv_booleans_and_lists(dataset: Dataset) -> None:
    rows = [records.award_record(dataset, row) for row in list_awards(dataset)]
    text = records.to_delimited(rows, records.AWARD_KEYS, ",")
    assert {row["year_inferred"] for row in csv.DictReader(text.splitlines())} == {"true", "false"}
    assert (
        records.list_cell([{"name": "강원도", "until": "2023-06-10"}]) == '[{"name": "강원도", "until": "2023-06-10"}]'
    )
    assert records.list_cell(["a", "b"]) == "a b"
