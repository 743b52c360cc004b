"""The whole dataset and the official series as one SQLite file (``export --format sqlite``).

Tables hold the records of docs/output.md with names replaced by ids (``awards_named`` puts the
names back), lists of sources in link tables, booleans as 0/1 and dates as ISO text. The file
is marked with ``PRAGMA application_id`` so a later export knows it may replace it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from jobaward.model import NATION, RSE, Dataset, Official, value
from jobaward.output.records import Record

#: "JOBA" in ASCII: what ``PRAGMA application_id`` holds in a file jobaward exported.
APPLICATION_ID = 0x4A4F4241

SCHEMA = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY, publisher TEXT NOT NULL, date TEXT, url TEXT, seed TEXT, title TEXT
);
CREATE TABLE governments (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, level TEXT NOT NULL,
    province_id TEXT REFERENCES governments(id), former_names TEXT NOT NULL, former_provinces TEXT NOT NULL,
    established TEXT, abolished TEXT, successors TEXT NOT NULL, note TEXT
);
CREATE TABLE editions (
    year INTEGER NOT NULL, contest INTEGER NOT NULL, number INTEGER, date TEXT, venue TEXT, host TEXT,
    awarded_total INTEGER, awarded_gongsije INTEGER, awarded_project INTEGER, eligible INTEGER,
    awarded_governments INTEGER, awarded_prizes INTEGER, note TEXT,
    PRIMARY KEY (year, contest)
);
CREATE TABLE edition_sources (
    year INTEGER NOT NULL, contest INTEGER NOT NULL, source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (year, contest, source_id), FOREIGN KEY (year, contest) REFERENCES editions(year, contest)
);
CREATE TABLE awards (
    id INTEGER PRIMARY KEY, year INTEGER NOT NULL, year_inferred INTEGER NOT NULL,
    government_id TEXT NOT NULL REFERENCES governments(id), name_at_award TEXT NOT NULL, category TEXT,
    grade TEXT, honor TEXT, incentive_krw INTEGER, project TEXT, note TEXT
);
CREATE TABLE award_sources (
    award_id INTEGER NOT NULL REFERENCES awards(id), source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (award_id, source_id)
);
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY, government_id TEXT NOT NULL REFERENCES governments(id), indicator TEXT NOT NULL,
    unit TEXT NOT NULL, before_period TEXT, before_value REAL, after_period TEXT, after_value REAL,
    change REAL, change_unit TEXT, percent_change REAL, benchmark_value REAL, benchmark_label TEXT,
    benchmark_gap REAL, superseded INTEGER NOT NULL, note TEXT
);
CREATE TABLE indicator_sources (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id), source_id TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (indicator_id, source_id)
);
CREATE TABLE official (
    id INTEGER PRIMARY KEY, government_id TEXT REFERENCES governments(id), label TEXT NOT NULL,
    period TEXT NOT NULL, age TEXT NOT NULL, indicator TEXT NOT NULL, value REAL, unit TEXT NOT NULL,
    rse TEXT, survey TEXT NOT NULL
);
CREATE INDEX awards_government ON awards(government_id);
CREATE INDEX awards_year ON awards(year);
CREATE INDEX official_government ON official(government_id, period);
CREATE VIEW awards_named AS
SELECT a.id, a.year, a.year_inferred, g.name AS government, a.government_id, g.name_en AS government_en,
       p.name AS province, g.level, a.name_at_award, a.category, a.grade, a.honor, a.incentive_krw,
       a.project, a.note
FROM awards a JOIN governments g ON g.id = a.government_id LEFT JOIN governments p ON p.id = g.province_id;
CREATE VIEW official_changes AS
SELECT w.year AS edition_year, w.government_id, g.name AS government, b.survey, b.age, b.indicator, b.unit,
       b.period AS before_period, b.value AS before_value, a.period AS after_period, a.value AS after_value,
       round(a.value - b.value, 4) AS change
FROM (SELECT DISTINCT year, government_id FROM awards) w
JOIN governments g ON g.id = w.government_id
JOIN official b ON b.government_id = w.government_id
     AND b.period = CASE WHEN b.survey = '지역별고용조사' THEN (w.year - 2) || '-H2' ELSE CAST(w.year - 2 AS TEXT) END
JOIN official a ON a.government_id = b.government_id AND a.label = b.label AND a.survey = b.survey
     AND a.age = b.age AND a.indicator = b.indicator
     AND a.period = CASE WHEN b.survey = '지역별고용조사' THEN (w.year - 1) || '-H2' ELSE CAST(w.year - 1 AS TEXT) END;
"""


def write_database(path: Path, sections: dict[str, list[Record]], official: Official, dataset: Dataset) -> None:
    """Build the database at ``path`` (a new file)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.executescript(SCHEMA)
        fill(connection, sections, official, dataset)
        connection.commit()
    finally:
        connection.close()


def is_ours(path: Path) -> bool:
    """A SQLite file whose application_id says jobaward wrote it."""
    with open(path, "rb") as existing:
        header = existing.read(72)
    return header.startswith(b"SQLite format 3\x00") and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def fill(
    connection: sqlite3.Connection, sections: dict[str, list[Record]], official: Official, dataset: Dataset
) -> None:
    insert(connection, "sources", ("id", "publisher", "date", "url", "seed", "title"), sections["sources"])
    governments = [
        {
            **g,
            "province_id": dataset.government(g["id"]).province,
            **as_json(g, "former_names", "former_provinces", "successors"),
        }
        for g in sections["governments"]
    ]
    insert(connection, "governments", GOVERNMENT_COLUMNS, governments)
    insert(connection, "editions", EDITION_COLUMNS, sections["editions"])
    links(connection, "edition_sources", ("year", "contest"), sections["editions"])
    awards = [{**award, "id": number} for number, award in enumerate(sections["awards"], start=1)]
    insert(connection, "awards", AWARD_COLUMNS, awards)
    links(connection, "award_sources", ("id",), awards, renamed={"id": "award_id"})
    indicators = [{**row, "id": number} for number, row in enumerate(sections["indicators"], start=1)]
    insert(connection, "indicators", INDICATOR_COLUMNS, indicators)
    links(connection, "indicator_sources", ("id",), indicators, renamed={"id": "indicator_id"})
    insert(connection, "official", OFFICIAL_COLUMNS, official_rows(official))


GOVERNMENT_COLUMNS = (
    "id", "name", "name_en", "level", "province_id", "former_names", "former_provinces",
    "established", "abolished", "successors", "note",
)  # fmt: skip
EDITION_COLUMNS = (
    "year", "contest", "number", "date", "venue", "host", "awarded_total", "awarded_gongsije",
    "awarded_project", "eligible", "awarded_governments", "awarded_prizes", "note",
)  # fmt: skip
AWARD_COLUMNS = (
    "id", "year", "year_inferred", "government_id", "name_at_award", "category", "grade", "honor",
    "incentive_krw", "project", "note",
)  # fmt: skip
INDICATOR_COLUMNS = (
    "id", "government_id", "indicator", "unit", "before_period", "before_value", "after_period",
    "after_value", "change", "change_unit", "percent_change", "benchmark_value", "benchmark_label",
    "benchmark_gap", "superseded", "note",
)  # fmt: skip
#: The official series, one row a published figure: the columns of ``official --format csv``'s rows.
OFFICIAL_COLUMNS = ("government_id", "label", "period", "age", "indicator", "value", "unit", "rse", "survey")


def as_json(record: Record, *keys: str) -> Record:
    return {key: json.dumps(record[key], ensure_ascii=False) for key in keys}


def insert(connection: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Record]) -> None:
    marks = ", ".join("?" for _ in columns)
    connection.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
        ([row.get(column) for column in columns] for row in rows),
    )


def links(
    connection: sqlite3.Connection,
    table: str,
    keys: Sequence[str],
    rows: Iterable[Record],
    renamed: dict[str, str] | None = None,
) -> None:
    """One row a (record, source) pair; a source named twice by a record is linked once."""
    names = [(renamed or {}).get(key, key) for key in keys]
    pairs = dict.fromkeys((*(row[key] for key in keys), source["id"]) for row in rows for source in row["sources"])
    marks = ", ".join("?" for _ in (*keys, "source_id"))
    connection.executemany(f"INSERT INTO {table} ({', '.join((*names, 'source_id'))}) VALUES ({marks})", list(pairs))


def official_rows(official: Official) -> list[Record]:
    """Every published figure; ``rse`` is the relative standard error KOSIS printed for it, if any."""
    rse = {series.key[:4]: series for series in official.series if series.item == RSE}
    rows = []
    for series in official.series:
        if series.item == RSE:
            continue
        mark = rse.get(series.key[:4])
        national = series.government == NATION
        for period, text in series.points:
            rows.append(
                {
                    "government_id": None if national else series.government,
                    "label": series.label,
                    "period": period,
                    "age": series.age,
                    "indicator": series.item,
                    "value": value(text),
                    "unit": series.unit,
                    "rse": (mark.at(period) or None) if mark else None,
                    "survey": series.survey,
                }
            )
    return rows
