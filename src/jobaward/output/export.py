"""The whole dataset as TOML (the data.toml schema), JSON, or one CSV file a section."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tomli_w

from jobaward.errors import UsageProblem
from jobaward.model import Dataset, Official
from jobaward.output.records import OFFICIAL_SERIES_KEYS, official_series_records, to_delimited, to_json
from jobaward.storage.files import write_output
from jobaward.storage.serialize import dataset_document, json_ready

HEADER = "# jobaward dataset export: the same schema as the bundled data.toml (docs/data.md).\n"


def toml_text(dataset: Dataset) -> str:
    return HEADER + tomli_w.dumps(dataset_document(dataset))


def json_text(dataset: Dataset, official: Official | None = None) -> str:
    """The dataset; with ``official``, its whole series under ``official`` (records as in official.csv)."""
    document = json_ready(dataset_document(dataset))
    if official is not None:
        document["official"] = official_series_records(official, dataset)
    return to_json(document)


def write_csv_directory(dataset: Dataset, directory: Path, official: Official | None = None) -> None:
    """sources.csv, governments.csv, editions.csv, awards.csv, indicators.csv in ``directory``;
    with ``official``, official.csv: a row per government × period × age × indicator."""
    if not directory.is_dir():
        raise UsageProblem("not_a_directory_export", path=directory)
    document = json_ready(dataset_document(dataset))
    for section, records in document.items():
        if section != "schema":
            rows = [flat(record) for record in records]
            columns = list(dict.fromkeys(key for row in rows for key in row))
            text = to_delimited(rows, columns, ",")
            write_output(directory / f"{section}.csv", text.encode("utf-8"))
    if official is not None:
        text = to_delimited(official_series_records(official, dataset), OFFICIAL_SERIES_KEYS, ",")
        write_output(directory / "official.csv", text.encode("utf-8"))


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """Sub-tables become columns (before → before_value, before_period); lists of tables, JSON."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            row.update({f"{key}_{sub}": item for sub, item in value.items()})
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row
