"""The official statistics as Views: records for JSON/CSV/TSV here, Rich tables in official_table.

Every record carries the period as KOSIS's half-year (``2021-H2``) or year (``2021``), the value
as a number exactly as published, its unit, the RSE mark and the survey it comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from jobaward.i18n.labels import Labels
from jobaward.model import NATIONAL, RATE, REGIONAL, Dataset
from jobaward.output.emit import View
from jobaward.output.records import (
    CHANGE_FIELDS,
    GOVERNMENT_FIELDS,
    INDICATOR_KEYS,
    Record,
    government_fields,
    indicator_record,
)
from jobaward.query.awards import IndicatorRow
from jobaward.query.official import Around, EditionSummary, OfficialChange
from jobaward.storage.kosis_files import CREDIT

AROUND_KEYS = (
    "section",
    *GOVERNMENT_FIELDS,
    "survey",
    "indicator",
    "age",
    "period",
    "value",
    "unit",
    "rse",
    "employed",
    "employed_unit",
    "unemployment",
    "unemployment_unit",
    "award_year",
    "benchmark_id",
    "benchmark_survey",
    "benchmark_value",
    "gap",
    "source",
)
CHANGE_KEYS = (
    "year",
    *GOVERNMENT_FIELDS,
    "grade",
    "survey",
    "indicator",
    "age",
    "unit",
    *CHANGE_FIELDS,
    "rse",
    "peers",
    "peers_change",
    "versus_peers",
    "source",
)
SUMMARY_KEYS = (
    "year",
    "before_period",
    "after_period",
    "age",
    "winners",
    "winners_median_change",
    "others",
    "others_median_change",
    "gap",
    "change_unit",
    "source",
)


def number(text: str) -> int | float | None:
    """A published value as a JSON number: "70" stays 70, "67.2" stays 67.2, "" is null."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return None


def around_records(dataset: Dataset, around: Around | None) -> list[Record]:
    if around is None:
        return []
    gov = around.government
    place = government_fields(gov, dataset.government_by_id.get(gov.province or ""))
    return [
        {
            "section": "official",
            **place,
            "survey": around.survey,
            "indicator": RATE,
            "age": row.age,
            "period": row.period,
            "value": number(row.value),
            "unit": "%",
            "rse": "*" if row.high_rse else None,
            "employed": number(row.employed),
            "employed_unit": "천명" if row.employed else None,
            "unemployment": number(row.unemployment),
            "unemployment_unit": "%" if row.unemployment else None,
            "award_year": row.award_year,
            "benchmark_id": row.benchmark_id,
            "benchmark_survey": NATIONAL if row.benchmark else None,
            "benchmark_value": number(row.benchmark),
            "gap": row.gap,
            "source": CREDIT[around.survey],
        }
        for row in around.rows
    ]


def with_around(view: View, dataset: Dataset, around: Around | None) -> View:
    """``show``'s view with the official figures added: a section of the table, a key in JSON
    (``official``), rows with ``section`` = ``official`` in CSV/TSV."""
    if around is None:
        return view

    def table(labels: Labels) -> Any:
        from rich.console import Group
        from rich.text import Text

        from jobaward.output.official_tables import around_section

        return Group(view.table(labels), Text(), around_section(around, labels))

    def document() -> Any:
        return {**view.document(), "official": around_records(dataset, around)}

    def rows() -> list[Record]:
        return [*view.rows(), *around_records(dataset, around)]

    columns = tuple(dict.fromkeys((*view.columns, *AROUND_KEYS)))
    return view._replace(table=table, document=document, rows=rows, columns=columns)


def change_record(dataset: Dataset, change: OfficialChange) -> Record:
    gov = change.government
    return {
        "year": change.year,
        **government_fields(gov, dataset.government_by_id.get(gov.province or "")),
        "grade": change.grade or None,
        "survey": change.survey,
        "indicator": RATE,
        "age": change.age,
        "unit": "%",
        "before_period": change.before_period,
        "before_value": number(change.before),
        "after_period": change.after_period,
        "after_value": number(change.after),
        "change": change.change,
        "change_unit": "%p",
        "rse": "*" if change.high_rse else None,
        "peers": "all_municipal_median" if change.peers_label == "median" else "national",
        "peers_change": change.peers_change,
        "versus_peers": change.versus_peers,
        "source": CREDIT[change.survey],
    }


#: compare's CSV/TSV columns: the official records' keys, then the news records' own.
COMPARE_KEYS = ("section", *dict.fromkeys((*CHANGE_KEYS, *INDICATOR_KEYS)))


def changes(
    dataset: Dataset, rows: Sequence[OfficialChange], news: Sequence[IndicatorRow], window: str, edition: int | None
) -> View:
    """``compare``: the official records (``section`` = ``official``), then the news ones (``news``).

    ``edition``: the edition a bare ``compare`` picked, named above the table.
    """

    def table(labels: Labels) -> Any:
        from jobaward.output.official_tables import changes_view
        from jobaward.output.tables import compare_view

        news_table = compare_view(news, labels) if news else None
        provinces = {gov.id: gov for gov in dataset.governments if gov.level == "광역"}
        return changes_view(rows, news_table, window, labels, edition, provinces)

    records = [{"section": "official", **change_record(dataset, row)} for row in rows]
    records += [{"section": "news", **indicator_record(dataset, row)} for row in news]
    return records_view(table, records, COMPARE_KEYS, "jobaward compare")


def records_view(table: Callable[[Labels], Any], records: list[Record], columns: Sequence[str], title: str) -> View:
    """A view whose JSON is the list of records and whose CSV/TSV has a row per record."""
    return View(
        table=table,
        document=lambda: records,
        rows=lambda: records,
        columns=columns,
        empty=not records,
        empty_message="no_results",
        title=title,
    )


def summary_record(summary: EditionSummary) -> Record:
    return {
        "year": summary.year,
        "before_period": summary.window.start,
        "after_period": summary.window.end,
        "age": summary.age,
        "winners": summary.winners,
        "winners_median_change": summary.winners_median,
        "others": summary.others,
        "others_median_change": summary.others_median,
        "gap": summary.gap,
        "change_unit": "%p",
        "source": CREDIT[REGIONAL],
    }


def summary(rows: Sequence[EditionSummary]) -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.official_tables import summary_view

        return summary_view(rows, labels)

    return records_view(table, [summary_record(row) for row in rows], SUMMARY_KEYS, "jobaward stats --official")
