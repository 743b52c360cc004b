"""A Dataset back into the data.toml schema: the inverse of load.py, for export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from jobaward.model import Benchmark, Dataset, FormerState, Indicator, Measurement
from jobaward.storage.toml_data import SCHEMA_VERSION

Document = dict[str, Any]

#: TOML field names that differ from the record's attribute names.
RENAMED = {(Indicator, "name"): "indicator"}


def is_empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == ()


def table_of(record: Any) -> Document:
    """A record's fields in schema order, leaving out the empty ones (as a person writes them)."""
    table: Document = {}
    for name, value in zip(record._fields, record, strict=True):
        if is_empty(value):
            continue
        table[RENAMED.get((type(record), name), name)] = plain(value)
    return table


def plain(value: Any) -> Any:
    if isinstance(value, (FormerState, Measurement, Benchmark)):
        return table_of(value)
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def dataset_document(dataset: Dataset) -> Document:
    sections: tuple[tuple[str, Sequence[Any]], ...] = (
        ("sources", dataset.sources),
        ("governments", dataset.governments),
        ("editions", dataset.editions),
        ("awards", dataset.awards),
        ("indicators", dataset.indicators),
    )
    document: Document = {"schema": SCHEMA_VERSION}
    for name, records in sections:
        document[name] = [table_of(record) for record in records]
    return document


def json_ready(value: Any) -> Any:
    """Dates as ISO strings, for JSON."""
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_ready(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
