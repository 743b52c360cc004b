"""Official employment statistics of 통계청 (KOSIS) on disk: KOSIS's file shapes, the region mapping, our own file.

The records (Series, Official) and the period arithmetic are in model.py.

Two surveys, kept apart because their figures are not interchangeable:

- 지역별고용조사 (half-yearly, per 시·군·구): 고용률 and 취업자 for all ages (계) and 15–64세, with
  KOSIS's RSE mark (``*``: the estimate's relative standard error is high).
- 경제활동인구조사 (annual, per 시·도 and 전국): 고용률, 15–64세 고용률, 실업률.

The bundled series (``official.tsv``, built by ``tools/build_official.py`` from the KOSIS
exports in ``shared/research/official``) is read only when a view shows it. A user file of the
same form (``official import`` / ``official fetch``) is laid over it. Values are kept as the text
KOSIS printed (``"67.2"``); ``value`` turns one into a number for arithmetic.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from jobaward.errors import DataError, problem
from jobaward.model import (
    ALL_AGES,
    EMPLOYED,
    NATION,
    NATIONAL,
    RATE,
    REGIONAL,
    RSE,
    UNEMPLOYMENT,
    WORKING_AGE,
    YOUTH,
    Dataset,
    Official,
    Series,
    aligned,
    names_of,
    period_order,
)
from jobaward.storage.paths import bundled_file

CREDIT = {REGIONAL: "출처: 통계청, 「지역별고용조사」 (KOSIS)", NATIONAL: "출처: 통계청, 「경제활동인구조사」 (KOSIS)"}
CREDIT_EN = {
    REGIONAL: "Source: Statistics Korea, Local Area Labour Force Survey (KOSIS)",
    NATIONAL: "Source: Statistics Korea, Economically Active Population Survey (KOSIS)",
}

#: What the bundle keeps of the regional table: (age, item) pairs.
REGIONAL_KEPT = frozenset(
    [(age, item) for age in (ALL_AGES, WORKING_AGE) for item in (RATE, EMPLOYED, RSE)] + [(YOUTH, RATE), (YOUTH, RSE)]
)
#: The national table's item codes we keep, as (age, item).
NATIONAL_ITEMS = {"T90": (ALL_AGES, RATE), "T100": (WORKING_AGE, RATE), "T80": (ALL_AGES, UNEMPLOYMENT)}

#: Units that absorbed a labelled one: 청원군 merged into 청주시 (2014-07-01), 연기군 became 세종 (2012-07-01).
#: 제주시 and 서귀포시 are administrative cities of 제주특별자치도, not local governments of their own.
ABSORBED = {"청원군": "충북 청주시", "연기군": "세종", "제주시": "제주", "서귀포시": "제주"}
#: KOSIS's order of the nine 도 whose 시·군 carry no province in their label.
DO_ORDER = ("경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주")

FILE_KIND = "jobaward-official"
FILE_VERSION = 1
BUNDLED_NAME = "official.tsv"
USER_FILE_NAME = "official.tsv"


# --- reading KOSIS's shapes -------------------------------------------------------------------


class RawRow(NamedTuple):
    """A row as KOSIS gives it, before its region is mapped to a government."""

    label: str
    age: str
    item: str
    unit: str
    points: tuple[tuple[str, str], ...]


def half_period(column: str) -> str | None:
    """KOSIS's column heading ``2021.2/2`` → ``2021-H2``; other headings → None."""
    year, dot, half = column.strip().partition(".")
    if dot and year.isascii() and year.isdigit() and len(year) == 4 and half in ("1/2", "2/2"):
        return f"{year}-H{half[0]}"
    return None


def split_item(item: str) -> tuple[str, str]:
    """``취업자 (천명)`` → (취업자, 천명); ``고용률 (%)`` → (고용률, %); ``RSE`` → (RSE, '')."""
    name, _, unit = item.strip().partition(" (")
    return name.strip(), unit.rstrip(")").strip()


#: Marks KOSIS prints instead of a figure: ``-`` not published; in RSE rows ``*`` (high) and ``0``.
NOT_PUBLISHED = ("", "-")
RSE_MARKS = ("*",)


def published(cell: str, origin: str, where: str) -> str:
    """A cell as KOSIS printed it, without thousands separators; anything else is a data error.

    Downloads are untrusted input: a figure must be a number or a KOSIS mark, so nothing else
    (a tab, a comma, text) can reach the series file or a terminal.
    """
    text = without_separators(cell.strip())
    if text in NOT_PUBLISHED:
        return ""
    if text in RSE_MARKS or is_figure(text):
        return text
    raise DataError([problem(origin, where, "not_a_figure", value=repr(cell.strip()[:40]))])


def without_separators(text: str) -> str:
    """``1,234`` → ``1234``; commas anywhere but between groups of three digits (``61,5``, a
    decimal comma) are kept, so the cell is refused instead of read as another number."""
    if "," in text and not re.fullmatch(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):
        return text
    return text.replace(",", "")


def csv_rows(text: str, origin: str) -> list[list[str]]:
    """A CSV download's rows; a CR-only file (Excel for Mac) is read like any other line ending."""
    import csv
    import io

    try:
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=None)))
    except csv.Error as error:
        raise DataError([problem(origin, "0", "bad_csv", reason=str(error))]) from None


def is_figure(text: str) -> bool:
    """``67.2``, ``70``, ``-0.3``: digits with at most one point (no exponents, no nan)."""
    digits = text.removeprefix("-").replace(".", "", 1)
    return digits.isascii() and digits.isdigit()


def plain(text: str, origin: str, where: str) -> str:
    """A label as given; tabs, line breaks and other control characters are refused."""
    text = text.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise DataError([problem(origin, where, "control_characters")])
    return text


def read_regional_csv(text: str, origin: str) -> list[RawRow]:
    """A KOSIS download of 지역별고용조사 시군구/연령별 취업자 및 고용률 (CSV, 행렬 전환)."""
    rows = csv_rows(text, origin)
    if not rows or [cell.strip() for cell in rows[0][:3]] != ["행정구역별", "연령별", "항목"]:
        raise DataError([problem(origin, "1", "not_regional_csv")])
    periods = [half_period(column) for column in rows[0]]
    if not any(periods):
        raise DataError([problem(origin, "1", "no_half_year_columns")])
    raw = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 3:
            raise DataError([problem(origin, str(number), "too_few_columns")])
        item, unit = split_item(plain(row[2], origin, str(number)))
        cells = (
            (period, published(cell, origin, f"{number}:{column}"))
            for column, (period, cell) in enumerate(zip(periods, row, strict=False), start=1)
            if period is not None
        )
        label, age = plain(row[0], origin, str(number)), plain(row[1], origin, str(number))
        raw.append(RawRow(label, age, item, unit, tuple((period, cell) for period, cell in cells if cell)))
    return raw


def read_national_csv(text: str, origin: str) -> list[RawRow]:
    """The KOSIS export of 경제활동인구조사 시도별 (annual): years in row 1, item codes in row 2."""
    rows = csv_rows(text, origin)
    if len(rows) < 3:
        raise DataError([problem(origin, "1", "not_national_csv")])
    years = [cell.split()[-1] if cell.strip() else "" for cell in rows[0]]
    codes = [cell.split()[0] if cell.strip() else "" for cell in rows[1]]
    raw = []
    for row in rows[2:]:
        if not row or not row[0].strip():
            continue
        for code, (age, item) in NATIONAL_ITEMS.items():
            cells = (
                (year, published(cell, origin, f"{row[0].strip()}:{year}"))
                for year, column, cell in zip(years, codes, row, strict=False)
                if column == code
            )
            points = sorted((year, cell) for year, cell in cells if cell)
            raw.append(RawRow(plain(row[0], origin, "1"), age, item, "%", tuple(points)))
    return raw


def read_api_response(text: str, origin: str) -> list[RawRow]:
    """The KOSIS OpenAPI's JSON for the same table: records with C1_NM, C2_NM, ITM_NM, PRD_DE, DT.

    An error comes as an object ``{"err": …, "errMsg": …}``; ``DT`` of ``-`` is not published.
    """
    import json

    try:
        document = json.loads(text)
    except ValueError as error:
        raise DataError([problem(origin, "0", "kosis_not_json", reason=error)]) from None
    except RecursionError:
        raise DataError([problem(origin, "0", "too_deep", limit=sys.getrecursionlimit())]) from None
    if isinstance(document, dict):
        code, message = document.get("err", "?"), document.get("errMsg", "")
        raise DataError([problem(origin, "0", "kosis_error", code=code, detail=message)])
    if not isinstance(document, list):
        raise DataError([problem(origin, "0", "kosis_not_records")])
    grouped: dict[tuple[str, str, str, str], list[tuple[str, str]]] = {}
    for number, record in enumerate(document):
        where = f"[{number}]"
        try:
            label, age = plain(str(record["C1_NM"]), origin, where), plain(str(record["C2_NM"]), origin, where)
            item_name, period = plain(str(record["ITM_NM"]), origin, where), str(record["PRD_DE"])
            cell = published(str(record.get("DT", "")), origin, f"{where}.DT")
        except (KeyError, TypeError):
            raise DataError([problem(origin, f"[{number}]", "kosis_record_incomplete")]) from None
        item, unit = split_item(item_name)
        unit = plain(str(record.get("UNIT_NM") or unit), origin, where)
        if len(period) != 6 or not (period.isascii() and period.isdigit()) or period[4:] not in ("01", "02"):
            raise DataError([problem(origin, f"[{number}].PRD_DE", "not_half_year_period", value=repr(period))])
        points = grouped.setdefault((label, age, item, unit), [])
        if cell:
            points.append((f"{period[:4]}-H{period[5]}", cell))
    return [RawRow(*key, tuple(sorted(points, key=lambda p: period_order(p[0])))) for key, points in grouped.items()]


# --- region labels → our governments ----------------------------------------------------------


def map_regional_labels(labels: Sequence[str], dataset: Dataset) -> dict[tuple[int, str], str]:
    """Each (position, label) of the regional table → a government id, or raise DataError.

    ``서울 종로구`` names its city; a 도's 시·군 do not, so the province is the one KOSIS's order
    has reached: labels come 도 by 도 in DO_ORDER, which tells 강원 고성군 from 경남 고성군.
    """
    by_id = dataset.government_by_id
    mapped: dict[tuple[int, str], str] = {}
    missing = []
    province = 0
    for position, label in enumerate(labels):
        found = by_id.get(label) if " " in label else None
        if found is None and label in ABSORBED:
            found = by_id[ABSORBED[label]]
        if found is None and " " not in label:
            for step in range(province, len(DO_ORDER)):
                found = next(
                    (g for g in dataset.governments if g.belonged_to(DO_ORDER[step]) and label in names_of(g)), None
                )
                if found is not None:
                    province = step
                    break
        if found is None:
            missing.append(label)
        else:
            mapped[(position, label)] = found.id
    if missing:
        raise DataError([problem("KOSIS", "행정구역별", "unmapped_regions", labels=", ".join(missing))])
    return mapped


def map_national_label(label: str, dataset: Dataset) -> str:
    """``32 강원도`` → 강원; ``00 계`` → 전국."""
    name = label.split(maxsplit=1)[-1]
    if name == "계":
        return NATION
    provinces = [gov for gov in dataset.governments if gov.level == "광역"]
    named = [gov for gov in provinces if name in names_of(gov)]
    # 전남광주통합특별시 starts with 전남 too: only the longest id a label starts with can be the one
    prefixed = sorted((gov for gov in provinces if name.startswith(gov.id)), key=lambda gov: -len(gov.id))
    found = named or prefixed[:1]
    if len(found) == 1:
        return found[0].id
    raise DataError([problem("KOSIS", "시도별", "unmapped_province", label=label)])


def period_days(period: str) -> tuple[date, date]:
    """The first and last day of ``2026-H2`` (2026-07-01, 2026-12-31) or of the year ``2026``."""
    year, _, half = period.partition("-H")
    if half == "1":
        return date(int(year), 1, 1), date(int(year), 6, 30)
    return date(int(year), 7 if half else 1, 1), date(int(year), 12, 31)


def refuse_outside_lifetime(series: Iterable[Series], dataset: Dataset) -> None:
    """A figure for a period the government did not wholly exist in cannot be proven its own:
    KOSIS may label 2026-H2 광주광역시 (abolished 2026-06-30) or back-cast 전남광주통합특별시
    (2026-07-01) to years before it. Refused, never attached or dropped silently."""
    for one in series:
        gov = dataset.government_by_id.get(one.government)
        if gov is None or (gov.established is None and gov.abolished is None):
            continue
        for period, _ in one.points:
            first, last = period_days(period)
            if not (gov.exists_on(first) and gov.exists_on(last)):
                since = gov.established.isoformat() if gov.established else ""
                until = gov.abolished.isoformat() if gov.abolished else ""
                raise DataError(
                    [
                        problem(
                            "KOSIS",
                            one.label,
                            "outside_lifetime",
                            label=one.label,
                            period=period,
                            name=gov.name,
                            lifetime=f"{since}~{until}",
                        )
                    ]
                )


def regional_series(raw: Sequence[RawRow], dataset: Dataset, keep_all: bool = False) -> list[Series]:
    """Mapped series of the regional table (by default only what the bundle keeps)."""
    block_of = label_blocks(raw)
    labels = [row.label for i, row in enumerate(raw) if i == 0 or block_of[i] != block_of[i - 1]]
    mapping = map_regional_labels(labels, dataset)
    found = [
        Series(
            REGIONAL, row.label, mapping[(block_of[i], row.label)], row.age, row.item, row.unit, *aligned(row.points)
        )
        for i, row in enumerate(raw)
        if row.points and (keep_all or (row.age, row.item) in REGIONAL_KEPT)
    ]
    refuse_outside_lifetime(found, dataset)
    return found


def label_blocks(raw: Sequence[RawRow]) -> list[int]:
    """Each row's block: a label coming back after another (the second 고성군) starts a new one."""
    numbers: list[int] = []
    for i, row in enumerate(raw):
        numbers.append(0 if i == 0 else numbers[-1] + (row.label != raw[i - 1].label))
    return numbers


def national_series(raw: Sequence[RawRow], dataset: Dataset) -> list[Series]:
    found = [
        Series(
            NATIONAL,
            row.label,
            map_national_label(row.label, dataset),
            row.age,
            row.item,
            row.unit,
            *aligned(row.points),
        )
        for row in raw
    ]
    refuse_outside_lifetime(found, dataset)
    return found


# --- the bundle and user files ----------------------------------------------------------------


HEADER = f"# {FILE_KIND} {FILE_VERSION}: survey, label, government, age, item, unit, start, values"


def to_text(series: Iterable[Series]) -> str:
    """The file form: a header line, then one tab-separated line a series, values joined by commas.

    Measured fastest to load of JSON, compact JSON, marshal and this (BENCHMARKS.md).
    """
    lines = [HEADER]
    for s in series:
        if s.values:
            lines.append(
                "\t".join((s.survey, s.label, s.government, s.age, s.item, s.unit, s.start, ",".join(s.values)))
            )
    return "\n".join(lines) + "\n"


def from_text(text: str, origin: str, trusted: bool = False) -> list[Series]:
    """Parse the file form; a user's file (not ``trusted``) has every field and figure checked.

    The bundle is trusted: tests/test_official.py checks that it is exactly what
    tools/build_official.py writes and that it passes every check, so it is split without
    them (start-up time).
    """
    lines = text.split("\n")
    if not lines[0].startswith(f"# {FILE_KIND} {FILE_VERSION}"):
        raise DataError([problem(origin, "1", "not_official_file", kind=FILE_KIND, version=FILE_VERSION)])
    if trusted:
        rows = (line.split("\t") for line in lines[1:] if line)
        return [
            Series(survey, label, gov, age, item, unit, start, tuple(values.split(",")))
            for survey, label, gov, age, item, unit, start, values in rows
        ]
    series = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 8 or not valid_start(fields[6]):
            raise DataError([problem(origin, str(number), "bad_series_line")])
        survey, label, gov, age, item, unit, start, values = fields
        for field in fields[:6]:
            plain(field, origin, str(number))
        figures = tuple(published(figure, origin, str(number)) for figure in values.split(","))
        series.append(Series(survey, label, gov, age, item, unit, start, figures))
    return series


def valid_start(period: str) -> bool:
    year, _, half = period.partition("-H")
    return len(year) == 4 and year.isascii() and year.isdigit() and half in ("", "1", "2")


def read_file(path: Path, trusted: bool = False) -> list[Series]:
    """A series file, read within the limits of every data file (files.read_data_file)."""
    from jobaward.storage.files import read_data_text

    return from_text(read_data_text(path), str(path), trusted)


def overlay(layers: Iterable[Iterable[Series]]) -> tuple[Series, ...]:
    """Later layers add periods to a series and replace a period's value; new series are appended."""
    merged: dict[tuple[str, str, str, str, str], dict[str, str]] = {}
    shapes: dict[tuple[str, str, str, str, str], Series] = {}
    for layer in layers:
        for series in layer:
            shapes.setdefault(series.key, series)
            merged.setdefault(series.key, {}).update(series.points)
    rebuilt = []
    for key, shape in shapes.items():
        start, values = aligned(merged[key].items())
        rebuilt.append(shape._replace(start=start, values=values))
    return tuple(rebuilt)


def user_file() -> Path:
    from jobaward.storage.paths import user_dir

    return user_dir("data") / USER_FILE_NAME


def bundled_path() -> Path:
    return bundled_file(BUNDLED_NAME)


def load_official() -> Official:
    """The bundled series, with the user's file (when there is one) laid over it."""
    extra = user_file()
    stamp = extra.stat() if extra.is_file() else None
    return load_layers(str(extra), (stamp.st_mtime_ns, stamp.st_size) if stamp else None)


@cache
def load_layers(extra: str, stamp: tuple[int, int] | None) -> Official:
    """Read once per process and user file state (``stamp``: its mtime and size, or None)."""
    bundled = read_file(bundled_path(), trusted=True)  # built by tools/build_official.py, checked by tests
    if stamp is None:
        return Official(tuple(bundled), (str(bundled_path()),))
    return Official(overlay([bundled, read_file(Path(extra))]), (str(bundled_path()), extra))


# --- values checked before a user file is written -----------------------------------------------


#: The years a period may name, the largest figure KOSIS prints for these tables, and the most
#: decimals: what ``official import`` and ``fetch`` accept before writing anything.
FIRST_PERIOD_YEAR, LAST_PERIOD_YEAR = 1960, 2100
MAX_DIGITS, MAX_DECIMALS = 9, 6


def checked_value(text: str, item: str, unit: str, where: str) -> None:
    """A figure as strict as in a data file: a plain non-negative number of sane length, a rate
    (unit ``%``) within 0–100; RSE may be ``*``. Else a DataError naming ``where``."""
    if item == RSE and text in RSE_MARKS:
        return
    whole, _, decimals = text.partition(".")
    if not (is_figure(text) and whole.isdigit() and len(whole) <= MAX_DIGITS and len(decimals) <= MAX_DECIMALS):
        raise DataError([problem(where, item, "figure_out_of_range", value=repr(text[:40]), item=item)])
    if unit == "%" and float(text) > 100:
        raise DataError([problem(where, item, "figure_out_of_range", value=repr(text[:40]), item=item)])


def checked_series(series: Sequence[Series], origin: str) -> None:
    """Every period and figure of series about to be written (``checked_value``)."""
    for one in series:
        where = f"{origin}: {one.label} {one.age}"
        for period, text in one.points:
            year = int(period.partition("-H")[0] or 0)
            if not FIRST_PERIOD_YEAR <= year <= LAST_PERIOD_YEAR:
                raise DataError(
                    [problem(where, period, "period_outside", low=FIRST_PERIOD_YEAR, high=LAST_PERIOD_YEAR)]
                )
            checked_value(text, one.item, one.unit, where)
