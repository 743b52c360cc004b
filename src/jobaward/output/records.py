"""Machine-readable forms: flat records (CSV/TSV rows, JSON objects) and their writers.

Keys are stable English snake_case, documented in docs/ (tests/test_output.py checks). Numbers stay numbers, dates are
ISO strings, a missing value is null in JSON and an empty cell in CSV. No Rich here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jobaward.model import Dataset, Edition, Government, Official, Series, Source, names_of
from jobaward.query.awards import AwardRow, IndicatorRow, Profile

if TYPE_CHECKING:  # list, show and compare need no edition statistics (start-up time)
    from jobaward.query.stats import Coverage, Leader, Movement, Stats

Record = dict[str, Any]

#: Cells Excel would run as a formula (a leading tab or carriage return is skipped by Excel, so
#: "\t=1" is a formula too); with --excel they get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def empty_to_none(value: str) -> str | None:
    return value or None


#: The keys of each record type, in order: the one contract for list, show, export, JSON, CSV,
#: TSV, SQLite and docs/output.md. tests/test_records.py checks each ``*_record`` against them.
SOURCE_KEYS = ("id", "publisher", "date", "url", "seed", "title")
GOVERNMENT_KEYS = (
    "id",
    "name",
    "name_en",
    "level",
    "province",
    "former_names",
    "former_provinces",
    "established",
    "abolished",
    "successors",
    "note",
)
EDITION_KEYS = (
    "year",
    "contest",
    "number",
    "date",
    "venue",
    "host",
    "awarded_total",
    "awarded_gongsije",
    "awarded_project",
    "eligible",
    "awarded_governments",
    "awarded_prizes",
    "note",
    "sources",
)


def source_record(source: Source) -> Record:
    return {
        "id": source.id,
        "publisher": source.publisher,
        "date": source.date.isoformat() if source.date else None,
        "url": empty_to_none(source.url),
        "seed": empty_to_none(source.seed),
        "title": empty_to_none(source.title),
    }


def sources_of(dataset: Dataset, ids: Sequence[str]) -> list[Record]:
    return [source_record(dataset.source_by_id[i]) for i in ids]


def government_fields(gov: Government, province: Government | None) -> Record:
    return {
        "government": gov.name,
        "government_id": gov.id,
        "government_en": gov.name_en,
        "province": province.name if province else None,
        "level": gov.level,
    }


def award_record(dataset: Dataset, row: AwardRow) -> Record:
    award = row.award
    return {
        "year": award.year,
        "year_inferred": award.year_inferred,
        **government_fields(row.government, row.province),
        "name_at_award": row.name_then,
        "category": empty_to_none(award.category),
        "grade": empty_to_none(award.grade),
        "honor": empty_to_none(award.honor),
        "incentive_krw": award.incentive,
        "project": empty_to_none(award.project),
        "note": empty_to_none(award.note),
        "sources": sources_of(dataset, award.sources),
    }


def indicator_record(dataset: Dataset, row: IndicatorRow) -> Record:
    indicator, change = row.indicator, row.change
    return {
        **government_fields(row.government, row.province),
        "indicator": indicator.name,
        "unit": indicator.unit,
        "before_period": empty_to_none(indicator.before.period) if indicator.before else None,
        "before_value": indicator.before.value if indicator.before else None,
        "after_period": empty_to_none(indicator.after.period) if indicator.after else None,
        "after_value": indicator.after.value if indicator.after else None,
        "change": change.absolute if change else None,
        "change_unit": ("%p" if change.in_points else indicator.unit) if change else None,
        "percent_change": round(change.percent, 2) if change and change.percent is not None else None,
        "benchmark_value": indicator.benchmark.value if indicator.benchmark else None,
        "benchmark_label": indicator.benchmark.label if indicator.benchmark else None,
        "benchmark_gap": row.benchmark_gap,
        "superseded": indicator.superseded,
        "note": empty_to_none(indicator.note),
        "sources": sources_of(dataset, indicator.sources),
    }


def government_record(gov: Government, province: Government | None) -> Record:
    return {
        "id": gov.id,
        "name": gov.name,
        "name_en": gov.name_en,
        "level": gov.level,
        "province": province.name if province else None,
        "former_names": [{"name": s.name, "until": s.until.isoformat()} for s in gov.former_names],
        "former_provinces": [{"province": s.province, "until": s.until.isoformat()} for s in gov.former if s.province],
        "established": gov.established.isoformat() if gov.established else None,
        "abolished": gov.abolished.isoformat() if gov.abolished else None,
        "successors": list(gov.successors),
        "note": empty_to_none(gov.note),
    }


def edition_record(dataset: Dataset, edition: Edition) -> Record:
    return {
        "year": edition.year,
        "contest": edition.contest,
        "number": edition.number,
        "date": edition.date.isoformat() if edition.date else None,
        "venue": empty_to_none(edition.venue),
        "host": empty_to_none(edition.host),
        "awarded_total": edition.awarded_total,
        "awarded_gongsije": edition.awarded_gongsije,
        "awarded_project": edition.awarded_project,
        "eligible": edition.eligible,
        "awarded_governments": edition.awarded_governments,
        "awarded_prizes": edition.awarded_prizes,
        "note": empty_to_none(edition.note),
        "sources": sources_of(dataset, edition.sources),
    }


def profile_document(dataset: Dataset, profile: Profile) -> Record:
    longest = profile.longest_streak
    return {
        "government": government_record(profile.government, profile.province),
        "awards": [award_record(dataset, row) for row in profile.awards],
        "streaks": [{"start": s.start, "end": s.end, "years": s.length} for s in profile.streaks],
        "longest_streak_years": longest.length if longest else 0,
        "award_count": profile.totals.number,
        "total_incentive_krw": profile.totals.incentive,
        "indicators": [indicator_record(dataset, row) for row in profile.indicators],
        "sources": [source_record(s) for s in profile.sources],
        "timeline": {str(year): grade for year, grade in profile.timeline.items()},
    }


def profile_rows(dataset: Dataset, profile: Profile) -> list[Record]:
    """A profile as one table: a row per award, then a row per indicator (``section`` says which)."""
    rows = [{"section": "award", **award_record(dataset, row)} for row in profile.awards]
    rows += [{"section": "indicator", **indicator_record(dataset, row)} for row in profile.indicators]
    return rows


def leader_record(leader: Leader) -> Record:
    streak = leader.streak
    return {
        "government": leader.government.name,
        "government_id": leader.government.id,
        "streak_years": streak.length if streak else 0,
        "streak_start": streak.start if streak else None,
        "streak_end": streak.end if streak else None,
        "total_incentive_krw": leader.incentive,
    }


def stats_document(stats: Stats) -> Record:
    return {
        "year": stats.year,
        "award_count": stats.totals.number,
        "total_incentive_krw": stats.totals.incentive,
        "awards_with_known_incentive": stats.totals.with_incentive,
        "governments_held": stats.governments_held,
        "edition_awarded": stats.edition_awarded,
        "filtered": stats.filtered,
        "by_category": [{"category": c.key or None, "awards": c.awards} for c in stats.by_category],
        "by_grade": [{"grade": c.key or None, "awards": c.awards} for c in stats.by_grade],
        "by_province": [
            {
                "province": p.province.name,
                "province_id": p.province.id,
                "awards": p.awards,
                "governments": p.governments,
            }
            for p in stats.by_province
        ],
        "first_time": [{"government": g.name, "government_id": g.id} for g in stats.first_time],
        "streak_leaders": [leader_record(x) for x in stats.streak_leaders],
        "incentive_leaders": [leader_record(x) for x in stats.incentive_leaders],
    }


STATS_ROW_KEYS = (
    "section",
    "key",
    "key_id",
    "awards",
    "governments",
    "streak_years",
    "streak_start",
    "streak_end",
    "total_incentive_krw",
)


def stats_rows(stats: Stats) -> list[Record]:
    """The statistics as one table: ``section`` says which list a row is from."""
    rows: list[Record] = [
        {
            "section": "summary",
            "key": "awards",
            "awards": stats.totals.number,
            "governments": stats.governments_held,
            "total_incentive_krw": stats.totals.incentive,
        },
    ]
    if stats.edition_awarded is not None:
        rows.append({"section": "summary", "key": "edition_awarded", "governments": stats.edition_awarded})
    rows += [{"section": "category", "key": c.key, "awards": c.awards} for c in stats.by_category]
    rows += [{"section": "grade", "key": c.key, "awards": c.awards} for c in stats.by_grade]
    rows += [
        {
            "section": "province",
            "key": p.province.name,
            "key_id": p.province.id,
            "awards": p.awards,
            "governments": p.governments,
        }
        for p in stats.by_province
    ]
    rows += [{"section": "first_time", "key": g.name, "key_id": g.id} for g in stats.first_time]
    for section, board in (("streak", stats.streak_leaders), ("incentive", stats.incentive_leaders)):
        for leader in board:
            record = leader_record(leader)
            rows.append(
                {"section": section, "key": record.pop("government"), "key_id": record.pop("government_id"), **record}
            )
    return rows


MOVEMENT_KEYS = (
    "government",
    "government_id",
    "province",
    "movement",
    "grade_before",
    "grade_after",
    "year_before",
    "year_after",
)


def movement_record(move: Movement, first: int, second: int) -> Record:
    return {
        "government": move.government.name,
        "government_id": move.government.id,
        "province": move.province.name if move.province else None,
        "movement": move.kind,
        "grade_before": move.before or None,
        "grade_after": move.after or None,
        "year_before": first,
        "year_after": second,
    }


COVERAGE_KEYS = (
    "year",
    "edition",
    "awarded",
    "awarded_min",
    "awarded_max",
    "prizes",
    "governments_held",
    "award_records",
    "share_percent",
)


def coverage_record(row: Coverage) -> Record:
    return {
        "year": row.year,
        "edition": row.number,
        "awarded": row.awarded,
        "awarded_min": row.bounds[0] if row.bounds else None,
        "awarded_max": row.bounds[1] if row.bounds else None,
        "prizes": row.prizes,
        "governments_held": row.governments_held,
        "award_records": row.records,
        "share_percent": round(row.share, 1) if row.share is not None else None,
    }


def to_json(document: Any) -> str:
    """Valid JSON only: NaN and infinities are refused when data is read, never written as ``NaN``."""
    import json  # only for --format json (start-up time)

    return invisible_escaped(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def invisible_escaped(text: str) -> str:
    """JSON text with every control and format character (DEL, C1 controls such as U+009B, bidi
    overrides, zero-width characters, line separators) written as a ``\\uXXXX`` escape: the same
    JSON value, and nothing a terminal would run or hide. (json.dumps escapes only U+0000–U+001F.)"""
    if text.replace("\n", "").isprintable():
        return text
    return "".join(json_escape(ch) if hidden(ch) else ch for ch in text)


def hidden(ch: str) -> bool:
    """A control, format or line/paragraph separator character (spaces stay), not JSON's newline."""
    import unicodedata

    kind = unicodedata.category(ch)
    return ch != "\n" and (kind[0] == "C" or kind in ("Zl", "Zp"))


def json_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def flat_cell(value: Any, excel: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = list_cell(value)
    if excel and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def list_cell(items: list[Any]) -> str:
    """Sources as their URLs; other lists of objects (former names) as JSON; words space-separated."""
    if all(isinstance(item, dict) and "publisher" in item for item in items):
        return " ".join(cell_of_source(item) for item in items)
    if any(isinstance(item, dict) for item in items):
        import json

        return json.dumps(items, ensure_ascii=False)
    return " ".join(str(item) for item in items)


def cell_of_source(item: Any) -> str:
    """A list of sources in one cell: their URLs (or, without one, publisher, date and headline)."""
    if isinstance(item, dict):
        return str(item.get("url") or ", ".join(str(item.get(key) or "") for key in ("publisher", "date", "title")))
    return str(item)


#: The keys of each record, in order: the documented contract for JSON, CSV and TSV.
GOVERNMENT_FIELDS = ("government", "government_id", "government_en", "province", "level")
AWARD_KEYS = (
    "year",
    "year_inferred",
    *GOVERNMENT_FIELDS,
    "name_at_award",
    "category",
    "grade",
    "honor",
    "incentive_krw",
    "project",
    "note",
    "sources",
)
#: A figure before and after, and the change between them: the same keys for news and official records.
CHANGE_FIELDS = (
    "before_period",
    "before_value",
    "after_period",
    "after_value",
    "change",
    "change_unit",
)
INDICATOR_KEYS = (
    *GOVERNMENT_FIELDS,
    "indicator",
    "unit",
    *CHANGE_FIELDS,
    "percent_change",
    "benchmark_value",
    "benchmark_label",
    "benchmark_gap",
    "superseded",
    "note",
    "sources",
)
PROFILE_ROW_KEYS = ("section", *dict.fromkeys((*AWARD_KEYS, *INDICATOR_KEYS)))


def to_delimited(rows: Sequence[Record], columns: Sequence[str], delimiter: str, excel: bool = False) -> str:
    """CSV or TSV with a header row; raw numbers, no 만/억 formatting."""
    import csv  # only for --format csv/tsv (start-up time)

    out = Lines("\r\n" if excel else "\n")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([flat_cell(row.get(column), excel) for column in columns])
    return "".join(out.lines)


class Lines:
    """Where the csv writer puts rows. It is given CRLF as the line ending, because it quotes only
    cells holding a character of the line ending: so a bare CR in a cell is quoted (else a reader
    splits the row there); each row's CRLF is then replaced by the ending asked for."""

    def __init__(self, ending: str) -> None:
        self.ending = ending
        self.lines: list[str] = []

    def write(self, line: str) -> None:
        self.lines.append(line.removesuffix("\r\n") + self.ending)


#: The official series export: one row per government × period × age × indicator.
OFFICIAL_SERIES_KEYS = ("government_id", "period", "age", "indicator", "value", "unit", "rse", "survey")


def official_series_records(official: Official, dataset: Dataset) -> list[Record]:
    """Every published 고용률, 취업자 and 실업률 of every government (winners or not), with the
    RSE mark of the same unit, age and period. A unit folded into a government (청원군 into
    청주시) keeps its own id where our data has one, else the KOSIS label after the government's
    id (제주 제주시), so no two rows share a key."""
    from jobaward.model import RSE

    marks = {(s.survey, s.label, s.age): s for s in official.series if s.item == RSE}
    rows: list[Record] = []
    for series in official.series:
        if series.item == RSE:
            continue
        owner = series_owner(series, dataset)
        mark = marks.get((series.survey, series.label, series.age))
        for period, text in series.points:
            rows.append(
                {
                    "government_id": owner,
                    "period": period,
                    "age": series.age,
                    "indicator": series.item,
                    "value": float(text),
                    "unit": series.unit,
                    "rse": "*" if mark is not None and mark.at(period) == "*" else None,
                    "survey": series.survey,
                }
            )
    return rows


def series_owner(series: Series, dataset: Dataset) -> str:
    gov = dataset.government_by_id.get(series.government)
    name = series.label.split()[-1]
    if gov is None or (gov.level == "광역" and series.survey != "지역별고용조사") or name in names_of(gov):
        return series.government
    same = next((g for g in dataset.governments if g.name == name and g.province == gov.province), None)
    return same.id if same is not None else f"{series.government} {name}"
