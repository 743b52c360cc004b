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
from itertools import takewhile
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
#
# Every KOSIS CSV is one grid: a few header rows, then data rows. The leading columns carry the
# classifications named in the header rows' first cells (``A 행정구역별``, ``연령별``, ``항목``); the
# other columns are described by their header cells (``H202401 2024.1/2``, ``T7 고용률 (%)``). That
# covers KOSIS's download (two header rows, codes before every label), its 행렬 전환 layouts and the
# re-saved export the bundle was built from (one header row, no codes): each cell gets its region,
# age, item, unit and period from its row and its column, wherever KOSIS put them.


class RawRow(NamedTuple):
    """A row as KOSIS gives it, before its region is mapped to a government.

    ``code`` is KOSIS's region code (``3203``, ``32``) when the file gives one, else "".
    """

    label: str
    age: str
    item: str
    unit: str
    points: tuple[tuple[str, str], ...]
    code: str = ""


REGION, AGE, ITEM, UNIT, PERIOD = "region", "age", "item", "unit", "period"
#: KOSIS's names for the classifications of the tables read (``A 행정구역별``, ``시도별(1)``).
DIMENSIONS = {
    "행정구역별": REGION,
    "시도별": REGION,
    "시군구별": REGION,
    "연령별": AGE,
    "항목": ITEM,
    "단위": UNIT,
    "시점": PERIOD,
}
BRACKETED = re.compile(r"\([^)]*\)")
#: KOSIS's code before a label: ``3203``, ``00``, ``T7``, ``T100``, ``H202401``, ``Y2024``, ``A``.
CODE = re.compile(r"[A-Z]{0,3}\d+[A-Z0-9_]*|[A-Z]")
HALF_YEAR_CODE = re.compile(r"[HS](\d{4})0([12])")
AGES = {"계": ALL_AGES, "15세이상": ALL_AGES, "15세 이상": ALL_AGES, "15 - 64세": WORKING_AGE}
AGES.update({"15~64세": WORKING_AGE, "15-64세": WORKING_AGE, "15 ~ 64세": WORKING_AGE})
AGES.update({"15 - 29세": YOUTH, "15~29세": YOUTH, "15-29세": YOUTH, "15 ~ 29세": YOUTH})
ITEMS = {"고용률": RATE, "취업자": EMPLOYED, "RSE": RSE, "실업률": UNEMPLOYMENT}


def split_code(label: str) -> tuple[str, str]:
    """``3203 강릉시`` → (3203, 강릉시); ``T7 고용률 (%)`` → (T7, 고용률 (%)); ``강릉시`` → ("", 강릉시)."""
    head, _, rest = label.strip().partition(" ")
    if rest.strip() and CODE.fullmatch(head):
        return head, rest.strip()
    return "", label.strip()


def half_period(column: str) -> str | None:
    """KOSIS's column heading ``2021.2/2`` (or ``H202102 2021.2/2``) → ``2021-H2``; others → None."""
    code, text = split_code(column)
    year, dot, half = text.partition(".")
    if dot and year.isascii() and year.isdigit() and len(year) == 4 and half in ("1/2", "2/2"):
        return f"{year}-H{half[0]}"
    found = HALF_YEAR_CODE.fullmatch(code or text)
    return f"{found[1]}-H{found[2]}" if found else None


def year_period(column: str) -> str | None:
    """``Y2024 2024`` or ``2024`` → ``2024``; others → None."""
    code, text = split_code(column)
    if len(text) == 4 and text.isascii() and text.isdigit() and code in ("", f"Y{text}"):
        return text
    return None


def period_of(column: str) -> str | None:
    return half_period(column) or year_period(column)


def split_item(item: str) -> tuple[str, str]:
    """``취업자 (천명)`` → (취업자, 천명); ``T8 실업률 (％)`` → (실업률, %); ``RSE`` → (RSE, '').

    A unit may carry KOSIS's unit code (``14STD00018 %``); the full-width ``％`` is a per cent.
    """
    name, _, unit = split_code(item)[1].partition(" (")
    return name.strip(), unit_of(unit.rstrip(")"))


def unit_of(unit: str) -> str:
    """``14STD00018 %`` → ``%``; ``％`` → ``%``."""
    return split_code(unit.strip())[1].replace("％", "%")


def age_of(label: str) -> str:
    """KOSIS's age label in the form the bundle uses (``15~64세`` → ``15 - 64세``); others as given."""
    text = label.strip()
    if text in AGES:
        return AGES[text]
    rest = split_code(text)[1]
    return text if rest[:1] in ("-", "~") else AGES.get(rest, rest)


def item_and_age(item: str) -> tuple[str, str, str | None]:
    """(item, unit, age the item implies): ``15~64세 고용률 (%)`` → (고용률, %, 15 - 64세)."""
    name, unit = split_item(item)
    first, _, rest = name.partition(" ")
    if rest and first in AGES:
        return ITEMS.get(rest, rest), unit, AGES[first]
    return ITEMS.get(name, name), unit, None


#: Marks KOSIS prints instead of a figure: ``-`` not published, ``…`` unknown, ``x`` confidential;
#: in RSE rows ``*`` (high) and ``0``.
NOT_PUBLISHED = ("", "-", "…", "x", "X")
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


def decode_download(data: bytes, origin: str) -> str:
    """A KOSIS download's text: UTF-8 (with or without a byte-order mark), else CP949 (EUC-KR).

    Neither: a data error naming the line of the first byte UTF-8 could not read.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        raise DataError([problem(origin, str(line), "not_utf8_or_cp949")]) from None


class Table(NamedTuple):
    """What a KOSIS CSV holds: its survey (by its periods) and its rows."""

    survey: str
    rows: list[RawRow]


def dimension_of(cell: str) -> str | None:
    """``A 행정구역별`` → region; ``시도별(1)`` and ``행정구역(시군구)별`` → region (what KOSIS puts
    in brackets narrows the name); ``항목`` → item; anything else → None."""
    name = split_code(cell)[1]
    return DIMENSIONS.get(BRACKETED.sub("", name).strip()) if name else None


def read_kosis_table(text: str, origin: str) -> Table:
    """Any layout of the KOSIS CSVs jobaward reads (see the section's comment), as raw rows."""
    rows = csv_rows(text, origin)
    names = header_names(rows, origin)
    depth = sum(1 for _ in takewhile(lambda row: [dimension_of(c) for c in row[: len(names)]] == names, rows))
    columns = column_dimensions(rows[:depth], len(names), origin)
    table = Grouped()
    for number, row in enumerate(rows[depth:], start=depth + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(names):
            raise DataError([problem(origin, str(number), "too_few_columns")])
        own = dict(zip(names, (plain(cell, origin, str(number)) for cell in row), strict=False))
        # a row that names its item while the periods run across is a series of its own: the
        # export repeats ``RSE`` (of 취업자, then of 고용률) for one region and age
        block = number if ITEM in names and PERIOD not in names else table.next_row(own)
        for column, cell in enumerate(row[len(names) :], start=len(names) + 1):
            figure = published(cell, origin, f"{number}:{column}")
            heading = columns.get(column)
            if heading is not None:
                table.add({**heading, **own}, figure, (origin, f"{number}:{column}"), block)
    return table.result(origin)


def header_names(rows: Sequence[Sequence[str]], origin: str) -> list[str]:
    """The dimensions of the leading columns, from the first row (``A 행정구역별``, ``연령별``, …)."""
    names = []
    for cell in rows[0] if rows else []:
        name = dimension_of(cell)
        if name is None:
            break
        names.append(name)
    if not names:
        raise DataError([problem(origin, "1", "not_kosis_table")])
    return names


def column_dimensions(header: Sequence[Sequence[str]], lead: int, origin: str) -> dict[int, dict[str, str]]:
    """Each data column (1-based) → what its header cells say; columns with no heading are left out.

    A heading is a period (``H202401 2024.1/2``, ``Y2024 2024``, ``2024.1/2``), an age, an item
    (``T7 고용률 (%)``) or, in a 행렬 전환 layout, a region (``3203 강릉시``).
    """
    found: dict[int, dict[str, str]] = {}
    width = max((len(row) for row in header), default=0)
    for column in range(lead, width):
        says: dict[str, str] = {}
        for number, row in enumerate(header, start=1):
            cell = plain(row[column], origin, f"{number}:{column + 1}") if column < len(row) else ""
            if cell and not cell.startswith("Unnamed:"):
                kind = PERIOD if period_of(cell) else AGE if age_of(cell) in AGES.values() else None
                says[kind or (ITEM if item_like(cell) else REGION)] = cell
        if says:
            found[column + 1] = says
    return found


def item_like(cell: str) -> bool:
    """An item heading: coded with a letter (``T7 …``), with a unit (``… (%)``) or a known item."""
    code, text = split_code(cell)
    return code[:1].isalpha() or " (" in text or item_and_age(text)[0] in ITEMS.values()


class Grouped:
    """Cells gathered into one RawRow per (region, age, item, unit), in the order KOSIS gives them.

    A table without an 연령별 classification (the 총괄 table) gives its rates; its 취업자 are
    whole thousands where the 연령별 table prints one decimal, so they are not read (117 beside
    117.3 would look like a change).

    A region label coming back after another (the second 고성군 of a file without codes) is a
    new region: ``block`` counts the changes of label down the rows.
    """

    def __init__(self) -> None:
        self.points: dict[tuple[str, str, int, str, str, str], list[tuple[str, str]]] = {}
        self.periods: set[str] = set()
        self.block = 0
        self.last_region = ""
        self.aged = False  # whether the table has an 연령별 classification

    def next_row(self, own: dict[str, str]) -> int:
        """The block of a data row's region (0 when the regions are across the columns)."""
        region = own.get(REGION)
        if region is None:
            return 0
        if region != self.last_region:
            self.block += 1
            self.last_region = region
        return self.block

    def add(self, cell: dict[str, str], figure: str, at: tuple[str, str], block: int) -> None:
        origin, where = at
        missing = [name for name in (REGION, ITEM, PERIOD) if not cell.get(name)]
        if missing:
            raise DataError([problem(origin, where, "kosis_missing_dimension", names=", ".join(missing))])
        period = period_of(cell[PERIOD])
        if period is None:
            raise DataError([problem(origin, where, "not_a_period", value=repr(cell[PERIOD][:40]))])
        item, unit, implied = item_and_age(cell[ITEM])
        age = age_of(cell[AGE]) if cell.get(AGE) else implied or ALL_AGES
        unit = unit_of(cell[UNIT]) if cell.get(UNIT) else unit
        code, label = split_code(cell[REGION])
        self.aged = self.aged or AGE in cell
        points = self.points.setdefault((code, label, block, age, item, unit), [])
        self.periods.add(period)
        if figure:
            points.append((period, figure))

    def result(self, origin: str) -> Table:
        halves = {"-H" in period for period in self.periods}
        if len(halves) != 1:
            raise DataError([problem(origin, "1", "no_period_columns" if not halves else "mixed_periods")])
        survey = REGIONAL if halves == {True} else NATIONAL
        rows = [
            RawRow(label, age, item, unit, tuple(sorted(points, key=lambda p: period_order(p[0]))), code)
            for (code, label, _, age, item, unit), points in self.points.items()
            if self.aged or item != EMPLOYED
        ]
        return Table(survey, rows)


def read_regional_csv(text: str, origin: str) -> list[RawRow]:
    """A KOSIS CSV of 지역별고용조사 (half-yearly, 시·군·구), in any layout KOSIS offers."""
    table = read_kosis_table(text, origin)
    if table.survey != REGIONAL:
        raise DataError([problem(origin, "1", "not_regional_csv")])
    return table.rows


def read_national_csv(text: str, origin: str) -> list[RawRow]:
    """A KOSIS CSV of 경제활동인구조사 시도별 (annual): years in row 1, item codes in row 2."""
    table = read_kosis_table(text, origin)
    if table.survey != NATIONAL:
        raise DataError([problem(origin, "1", "not_national_csv")])
    return table.rows


# --- region codes and labels → our governments ------------------------------------------------

CODES_NAME = "kosis_codes.tsv"
CODES_HEADER = (
    "# jobaward-kosis-codes 1: code, KOSIS label without its code, government"
    " (tools/build_kosis_codes.py, from codes KOSIS printed)"
)


def codes_path() -> Path:
    return bundled_file(CODES_NAME)


@cache
def region_codes() -> dict[str, tuple[str, str]]:
    """KOSIS region code → (its label, our government id): ``3240`` → (고성군, 강원 고성군)."""
    from jobaward.storage.files import read_data_text

    lines = read_data_text(codes_path()).split("\n")[1:]  # a missing file is a data error, not a crash
    return {code: (name, gov) for code, name, gov in (line.split("\t") for line in lines if line)}


class Mapped(NamedTuple):
    """Where a raw row goes: our government, and the label its series is stored under."""

    government: str
    label: str


def map_rows(raw: Sequence[RawRow], dataset: Dataset, national: bool, origin: str = "KOSIS") -> list[Mapped]:
    """Each row's government: by KOSIS's code when the file gives one, else by its label.

    A code decides (3240 is 강원 고성군, 3834 경남 고성군); a code missing from the table, a
    label that contradicts its code, or a label naming two governments is refused, never guessed.
    """
    codes = region_codes()
    found: list[Mapped] = []
    unknown: dict[str, None] = {}
    mismatched: dict[str, None] = {}
    unmapped: dict[str, None] = {}
    ambiguous: dict[str, None] = {}
    for row in raw:
        if row.code:
            name, gov_id = codes.get(row.code, ("", ""))
            if not gov_id:
                unknown[f"{row.code} {row.label}"] = None
            elif row.label not in {name, gov_id, *known_names(gov_id, dataset)}:
                mismatched[f"{row.code} {row.label} ≠ {gov_id}"] = None
            found.append(Mapped(gov_id, f"{row.code} {name}" if national else name))
            continue
        candidates = national_candidates(row.label, dataset) if national else regional_candidates(row.label, dataset)
        if len(candidates) > 1:
            ambiguous[f"{row.label} ({', '.join(candidates)})"] = None
        elif not candidates:
            unmapped[row.label] = None
        found.append(Mapped(candidates[0] if candidates else "", row.label))
    problems = [
        problem(origin, "행정구역별", key, labels=", ".join(labels))
        for key, labels in (
            ("unknown_region_code", unknown),
            ("region_code_mismatch", mismatched),
            ("ambiguous_region", ambiguous),
            ("unmapped_regions", unmapped),
        )
        if labels
    ]
    if problems:
        raise DataError(problems)
    return found


def known_names(gov_id: str, dataset: Dataset) -> set[str]:
    gov = dataset.government_by_id.get(gov_id)
    return names_of(gov) if gov else set()


def regional_candidates(label: str, dataset: Dataset) -> list[str]:
    """The governments a 시·군·구 label without a code can mean (``서울 종로구`` names its city)."""
    if label in dataset.government_by_id:
        return [label]
    if label in ABSORBED:
        return [ABSORBED[label]]
    if " " in label:
        return []
    return [g.id for g in dataset.governments if g.level == "기초" and label in names_of(g)]


def national_candidates(label: str, dataset: Dataset) -> list[str]:
    """``32 강원도`` or ``강원도`` → [강원]; ``계`` → [전국].

    A name that is none of a 시·도's names goes by the longest id it starts with: 전남광주통합특별시
    starts with 전남 too, so only the longest id a label starts with can be the one.
    """
    name = split_code(label)[1]
    if name == "계":
        return [NATION]
    provinces = [gov for gov in dataset.governments if gov.level == "광역"]
    named = [g.id for g in provinces if name in names_of(g) or name in (g.id, f"{g.id}도")]
    prefixed = sorted((g for g in provinces if name.startswith(g.id)), key=lambda gov: -len(gov.id))
    return named or [g.id for g in prefixed[:1]]


def map_regional_labels(labels: Sequence[str], dataset: Dataset) -> dict[tuple[int, str], str]:
    """Each (position, label) of KOSIS's whole regional export → a government id, or raise DataError.

    Only for a complete table in KOSIS's order without codes (the export the bundle is built from,
    tools/build_official.py): ``서울 종로구`` names its city; a 도's 시·군 do not, so the province
    is the one KOSIS's order has reached (labels come 도 by 도 in DO_ORDER). A user's file is
    mapped by code or unambiguous label instead (map_rows): a partial file has no such order.
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
    candidates = national_candidates(label, dataset)
    if len(candidates) != 1:
        raise DataError([problem("KOSIS", "시도별", "unmapped_province", label=label)])
    return candidates[0]


def period_days(period: str) -> tuple[date, date]:
    """The first and last day of ``2026-H2`` (2026-07-01, 2026-12-31) or of the year ``2026``."""
    year, _, half = period.partition("-H")
    if half == "1":
        return date(int(year), 1, 1), date(int(year), 6, 30)
    return date(int(year), 7 if half else 1, 1), date(int(year), 12, 31)


def refuse_outside_lifetime(series: Iterable[Series], dataset: Dataset, origin: str = "KOSIS") -> None:
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
                            origin,
                            one.label,
                            "outside_lifetime",
                            label=one.label,
                            period=period,
                            name=gov.name,
                            lifetime=f"{since}~{until}",
                        )
                    ]
                )


def regional_series(
    raw: Sequence[RawRow], dataset: Dataset, keep_all: bool = False, by_order: bool = False, origin: str = "KOSIS"
) -> list[Series]:
    """Mapped series of the regional table (by default only what the bundle keeps).

    ``by_order``: KOSIS's whole export without codes, mapped by position (map_regional_labels).
    """
    if by_order:
        block_of = label_blocks(raw)
        labels = [row.label for i, row in enumerate(raw) if i == 0 or block_of[i] != block_of[i - 1]]
        mapping = map_regional_labels(labels, dataset)
        targets = [Mapped(mapping[(block_of[i], row.label)], row.label) for i, row in enumerate(raw)]
    else:
        targets = map_rows(raw, dataset, national=False, origin=origin)
    found = [
        Series(REGIONAL, target.label, target.government, row.age, row.item, row.unit, *aligned(row.points))
        for row, target in zip(raw, targets, strict=True)
        if row.points and (keep_all or (row.age, row.item) in REGIONAL_KEPT)
    ]
    refuse_outside_lifetime(found, dataset, origin)
    return found


def label_blocks(raw: Sequence[RawRow]) -> list[int]:
    """Each row's block: a label coming back after another (the second 고성군) starts a new one."""
    numbers: list[int] = []
    for i, row in enumerate(raw):
        numbers.append(0 if i == 0 else numbers[-1] + (row.label != raw[i - 1].label))
    return numbers


#: What is kept of the national table, in the bundle's order.
NATIONAL_KEPT = tuple(NATIONAL_ITEMS.values())


def national_series(raw: Sequence[RawRow], dataset: Dataset, origin: str = "KOSIS") -> list[Series]:
    """The 시·도 and 전국 series kept (NATIONAL_KEPT), region by region in KOSIS's order."""
    kept = [row for row in raw if (row.age, row.item) in NATIONAL_KEPT]
    targets = map_rows(kept, dataset, national=True, origin=origin)
    regions = list(dict.fromkeys(target for target in targets))
    ordered = sorted(
        zip(kept, targets, strict=True),
        key=lambda pair: (regions.index(pair[1]), NATIONAL_KEPT.index((pair[0].age, pair[0].item))),
    )
    found = [
        Series(NATIONAL, target.label, target.government, row.age, row.item, row.unit, *aligned(row.points))
        for row, target in ordered
    ]
    refuse_outside_lifetime(found, dataset, origin)
    return found


# --- the KOSIS OpenAPI's answers --------------------------------------------------------------

#: Unquoted keys of the JavaScript-style objects some clients report: ``{err:"20",errMsg:"…"}``.
BARE_KEY = re.compile(r"([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:")


def parse_response(text: str, origin: str) -> object:
    """Strict JSON, else the same with its bare keys quoted (``{err:"20"}``); else a data error."""
    import json

    try:
        try:
            return json.loads(text)
        except ValueError as error:
            try:
                return json.loads(BARE_KEY.sub(r'\1"\2":', text))
            except ValueError:
                raise DataError([problem(origin, "0", "kosis_not_json", reason=error)]) from None
    except RecursionError:
        raise DataError([problem(origin, "0", "too_deep", limit=sys.getrecursionlimit())]) from None


def kosis_error(document: object) -> tuple[str, str] | None:
    """(code, message) when KOSIS answered with an error object."""
    if isinstance(document, dict) and "err" in document:
        return str(document.get("err", "?")), str(document.get("errMsg", ""))
    return None


def api_period(text: str) -> str | None:
    """KOSIS's PRD_DE: ``202402`` → ``2024-H2``; ``2024`` → ``2024``; else None."""
    if text.isascii() and text.isdigit() and len(text) == 4:
        return text
    if text.isascii() and text.isdigit() and len(text) == 6 and text[4:] in ("01", "02"):
        return f"{text[:4]}-H{text[5]}"
    return None


def read_api_response(text: str, origin: str) -> Table:
    """The KOSIS OpenAPI's records (C1/C1_NM region, C2_NM age, ITM_NM item, PRD_DE, DT).

    An error comes as an object ``{"err": …, "errMsg": …}``; ``DT`` of ``-`` is not published.
    """
    document = parse_response(text, origin)
    error = kosis_error(document)
    if error is not None:
        raise DataError([problem(origin, "0", "kosis_error", code=error[0], detail=error[1])])
    if not isinstance(document, list):
        raise DataError([problem(origin, "0", "kosis_not_records")])
    if not document:
        return Table(REGIONAL, [])
    table = Grouped()
    for number, record in enumerate(document):
        where = f"[{number}]"
        try:
            cell = {
                REGION: " ".join(filter(None, (str(record.get("C1", "")).strip(), str(record["C1_NM"]).strip()))),
                ITEM: str(record["ITM_NM"]),
                PERIOD: str(record["PRD_DE"]).strip(),
            }
            if record.get("C2_NM"):
                cell[AGE] = str(record["C2_NM"])
            if record.get("UNIT_NM"):
                cell[UNIT] = str(record["UNIT_NM"])
            figure = published(str(record.get("DT", "")), origin, f"{where}.DT")
        except (KeyError, TypeError, AttributeError):
            raise DataError([problem(origin, where, "kosis_record_incomplete")]) from None
        for value in cell.values():
            plain(value, origin, where)
        period = api_period(cell[PERIOD])
        if period is None:
            raise DataError([problem(origin, f"{where}.PRD_DE", "not_a_period", value=repr(cell[PERIOD][:40]))])
        cell[PERIOD] = period if "-H" not in period else f"{period[:4]}.{period[-1]}/2"
        table.add(dict(cell), figure, (origin, where), 0)
    return table.result(origin)


def read_download(text: str, origin: str, dataset: Dataset) -> list[Series]:
    """The series a KOSIS download (any table jobaward reads) or an OpenAPI response holds."""
    api = text.lstrip().startswith(("[", "{"))
    table = read_api_response(text, origin) if api else read_kosis_table(text, origin)
    if table.survey == NATIONAL:
        return national_series(table.rows, dataset, origin)
    return regional_series(table.rows, dataset, origin=origin)


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
    return Official(overlay([bundled, read_file(Path(extra))]), (str(bundled_path()), extra), tuple(bundled))


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
