"""The official statistics as Views: records for JSON/CSV/TSV here, Rich tables in official_table.

Every record carries the period as KOSIS's half-year (``2021-H2``) or year (``2021``), the value
as a number exactly as published, its unit, the RSE mark and the survey it comes from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from jobaward.i18n.labels import Labels
from jobaward.model import ALL_AGES, NATIONAL, RATE, REGIONAL, Dataset
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
from jobaward.query.official import Around, Break, Dropped, EditionSummary, OfficialChange
from jobaward.query.official_status import PeriodCoverage
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
    "benchmark_method",
    "benchmark_value",
    "gap",
    "break",
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
    "peers_count",
    "peers_change",
    "peers_covered",
    "versus_peers",
    "noise",
    "within_noise",
    "break",
    "reason",
    "source",
)
SUMMARY_KEYS = (
    "year",
    "peers",
    "before_period",
    "after_period",
    "age",
    "winners",
    "winners_median_change",
    "others",
    "others_median_change",
    "gap",
    "gap_low",
    "gap_high",
    "noise",
    "within_noise",
    "change_unit",
    "source",
)
#: How a benchmark was obtained: as published, or summed from the same survey's 시군구 rows.
BENCHMARK_METHODS = {REGIONAL: "sum_of_municipal_estimates", NATIONAL: "published"}


def number(text: str) -> float | None:
    """A published value as a JSON number with its decimal: "70" is 70.0, "67.2" 67.2, "" null."""
    try:
        return float(text) if text else None
    except ValueError:
        return None


def break_words(breaks: Sequence[Break]) -> str | None:
    """``2014-07-01 merged 청원군``: the boundary changes a figure or change spans, or None."""
    return "; ".join(f"{b.day.isoformat()} {b.what} {b.detail}" for b in breaks) or None


def around_records(dataset: Dataset, around: Around | None) -> list[Record]:
    """A record per period and age group (계, 15–64세, 15–29세), each with its own benchmark."""
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
            "age": figure.age,
            "period": row.period,
            "value": number(figure.value),
            "unit": "%",
            "rse": "*" if figure.high_rse else None,
            "employed": number(figure.employed),
            "employed_unit": "천명" if figure.employed else None,
            "unemployment": number(row.unemployment) if figure.age == ALL_AGES else None,
            "unemployment_unit": "%" if row.unemployment and figure.age == ALL_AGES else None,
            "award_year": row.award_year,
            "benchmark_id": row.benchmark_id if figure.benchmark is not None else None,
            "benchmark_survey": around.benchmark_survey if figure.benchmark is not None else None,
            "benchmark_method": BENCHMARK_METHODS[around.benchmark_survey] if figure.benchmark is not None else None,
            "benchmark_value": figure.benchmark,
            "gap": figure.gap,
            "break": break_words(row.breaks),
            "source": CREDIT[around.survey],
        }
        for row in around.rows
        for figure in row.figures
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

        names = {gov.id: gov.name_en for gov in dataset.governments if gov.level == "광역"}
        return Group(view.table(labels), Text(), around_section(around, labels, names))

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
        "peers": change.peers.kind,
        "peers_count": change.peers.members,
        "peers_change": change.peers_change,
        "peers_covered": change.peers.covered,
        "versus_peers": change.versus_peers,
        "noise": change.peers.noise,
        "within_noise": change.within_noise,
        "break": break_words(change.breaks),
        "reason": None,
        "source": CREDIT[change.survey],
    }


def dropped_record(dataset: Dataset, row: Dropped) -> Record:
    """A winner without an official change: who, the window, why; no values."""
    gov = row.government
    survey = NATIONAL if gov.level == "광역" else REGIONAL
    return {
        "year": row.year,
        **government_fields(gov, dataset.government_by_id.get(gov.province or "")),
        "grade": row.grade or None,
        "survey": survey,
        "indicator": RATE,
        "before_period": row.window.start,
        "after_period": row.window.end,
        "reason": row.reason,
        "source": CREDIT[survey],
    }


#: compare's CSV/TSV columns: the official records' keys, then the news records' own.
COMPARE_KEYS = ("section", *dict.fromkeys((*CHANGE_KEYS, *INDICATOR_KEYS)))


def changes(
    dataset: Dataset,
    rows: Sequence[OfficialChange],
    news: Sequence[IndicatorRow],
    window: str,
    edition: int | None,
    dropped: Sequence[Dropped] = (),
) -> View:
    """``compare``: the official records (``section`` = ``official``; a winner without figures has
    a ``reason`` and no values), then the news ones (``news``).

    ``edition``: the edition a bare ``compare`` picked, named above the table.
    """

    def table(labels: Labels) -> Any:
        from jobaward.output.official_tables import changes_view
        from jobaward.output.tables import compare_view
        from jobaward.query.names import shared_names

        shared = shared_names(dataset)
        news_table = compare_view(news, labels, shared) if news else None
        provinces = {gov.id: gov for gov in dataset.governments if gov.level == "광역"}
        return changes_view(rows, news_table, window, labels, edition, provinces, dropped, shared)

    records = [{"section": "official", **change_record(dataset, row)} for row in rows]
    records += [{"section": "official", **dropped_record(dataset, row)} for row in dropped]
    records += [{"section": "news", **indicator_record(dataset, row)} for row in news]
    return records_view(table, records, COMPARE_KEYS, "jobaward compare")


def records_view(table: Callable[[Labels], Any], records: list[Record], columns: Sequence[str], title: str) -> View:
    """A view whose JSON is the list of records and whose CSV/TSV has a row per record. Every
    record carries every column (null where it has no value: a winner without figures, a news
    figure), as docs/output.md promises."""
    whole = [{column: record.get(column) for column in columns} for record in records]
    return View(
        table=table,
        document=lambda: whole,
        rows=lambda: whole,
        columns=columns,
        empty=not records,
        empty_message="no_results",
        title=title,
    )


def summary_record(summary: EditionSummary) -> Record:
    survey = REGIONAL if "-H" in summary.window.start else NATIONAL
    return {
        "year": summary.year,
        "peers": summary.kind,
        "before_period": summary.window.start,
        "after_period": summary.window.end,
        "age": summary.age,
        "winners": summary.winners,
        "winners_median_change": summary.winners_median,
        "others": summary.others,
        "others_median_change": summary.others_median,
        "gap": summary.gap,
        "gap_low": summary.interval[0] if summary.interval else None,
        "gap_high": summary.interval[1] if summary.interval else None,
        "noise": summary.noise,
        "within_noise": summary.within_noise,
        "change_unit": "%p",
        "source": CREDIT[survey],
    }


def summary(rows: Sequence[EditionSummary], window: str = "before") -> View:
    def table(labels: Labels) -> Any:
        from jobaward.output.official_tables import summary_view

        return summary_view(rows, labels, window)

    return records_view(table, [summary_record(row) for row in rows], SUMMARY_KEYS, "jobaward stats --official")


def status(rows: Sequence[PeriodCoverage], bundle: str, user_file: str | None) -> View:
    """`official status`: lines of text (wrapped at the terminal's width, between names); JSON the
    files and every period; CSV/TSV a row a period (its regions from the user's file in one cell)."""

    def table(labels: Labels) -> Any:
        from rich.console import Group
        from rich.text import Text

        from jobaward.output.official_tables import status_lines

        return Group(*(Text(line) for line in status_lines(rows, labels.english)))

    periods = [row._asdict() | {"from_user": list(row.from_user)} for row in rows]
    return View(
        table=table,
        document=lambda: {"bundle": bundle, "user_file": user_file, "periods": periods},
        rows=lambda: [period | {"from_user": ", ".join(period["from_user"])} for period in periods],
        columns=PeriodCoverage._fields,
        title="jobaward official status",
    )
