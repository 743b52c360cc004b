"""The whole dataset as TOML (the data.toml schema), or as records (docs/output.md): JSON, one CSV
file a record type, or one SQLite file (output/sqlite.py)."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from jobaward.errors import OutputProblem
from jobaward.model import Dataset, Official
from jobaward.output.records import (
    AWARD_KEYS,
    EDITION_KEYS,
    GOVERNMENT_KEYS,
    INDICATOR_KEYS,
    OFFICIAL_SERIES_KEYS,
    SOURCE_KEYS,
    Record,
    award_record,
    edition_record,
    government_record,
    indicator_record,
    official_series_records,
    source_record,
    to_delimited,
    to_json,
)
from jobaward.query.awards import indicator_row, list_awards
from jobaward.storage.serialize import dataset_document

HEADER = "# jobaward dataset export: the same schema as the bundled data.toml (docs/data.md).\n"

#: Each record type of an export: its section name and its keys, in export order.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sources", SOURCE_KEYS),
    ("governments", GOVERNMENT_KEYS),
    ("editions", EDITION_KEYS),
    ("awards", AWARD_KEYS),
    ("indicators", INDICATOR_KEYS),
)


def toml_text(dataset: Dataset) -> str:
    return HEADER + tomli_w.dumps(dataset_document(dataset))


def record_sections(dataset: Dataset) -> dict[str, list[Record]]:
    """Every record of the dataset, by type, with the keys `list`, `show` and `compare` use.

    Awards come in `list`'s order (newest first), so ``awards`` is what ``list -f json`` prints.
    """
    by_id = dataset.government_by_id
    return {
        "sources": [source_record(source) for source in dataset.sources],
        "governments": [government_record(gov, by_id.get(gov.province or "")) for gov in dataset.governments],
        "editions": [edition_record(dataset, edition) for edition in dataset.editions],
        "awards": [award_record(dataset, row) for row in list_awards(dataset)],
        "indicators": [indicator_record(dataset, indicator_row(dataset, i)) for i in dataset.indicators],
    }


def json_text(dataset: Dataset, official: Official | None = None) -> str:
    """The dataset; with ``official``, its whole series under ``official`` (records as in official.csv)."""
    sections: dict[str, list[Record]] = record_sections(dataset)
    if official is not None:
        sections["official"] = official_series_records(official, dataset)
    return to_json(sections)


def csv_texts(dataset: Dataset, official: Official | None = None) -> dict[str, str]:
    """File name → CSV text, one file a record type; with ``official``, official.csv: a row per
    government × period × age × indicator."""
    sections = record_sections(dataset)
    texts = {f"{name}.csv": to_delimited(sections[name], keys, ",") for name, keys in SECTIONS}
    if official is not None:
        texts["official.csv"] = to_delimited(official_series_records(official, dataset), OFFICIAL_SERIES_KEYS, ",")
    return texts


def write_csv_directory(dataset: Dataset, directory: Path, official: Official | None = None) -> None:
    """sources.csv, governments.csv, editions.csv, awards.csv, indicators.csv in ``directory``.

    The directory is created when missing. A file there that is not a CSV file jobaward wrote
    (its header line differs) is never replaced: nothing is written then.
    """
    from jobaward.storage.files import make_directory, write_output

    make_directory(directory)
    texts = csv_texts(dataset, official)
    for name, text in texts.items():
        refuse_foreign_file(directory / name, text.partition("\n")[0])
    for name, text in texts.items():
        write_output(directory / name, text.encode("utf-8"))


def refuse_foreign_file(path: Path, header: str) -> None:
    if not path.exists():
        return
    try:
        with open(path, encoding="utf-8", errors="replace") as existing:
            first = existing.readline().rstrip("\r\n")
    except OSError:
        first = ""
    if first != header:
        raise OutputProblem("not_jobaward_output", path=path)


def write_sqlite(dataset: Dataset, path: Path) -> None:
    """One SQLite file (output/sqlite.py), written beside ``path`` and renamed over it."""
    from jobaward.output import sqlite
    from jobaward.storage.files import atomic_build
    from jobaward.storage.kosis_files import load_official

    sections = record_sections(dataset)
    official = load_official()
    atomic_build(path, lambda temporary: sqlite.write_database(temporary, sections, official, dataset), sqlite.is_ours)
