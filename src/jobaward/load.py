"""Read TOML data files, validate them and build a Dataset: the only place that parses data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from .errors import DataError, Problem
from .model import (
    CATEGORIES,
    GRADES,
    LEVELS,
    Award,
    Benchmark,
    Dataset,
    Edition,
    FormerState,
    Government,
    Indicator,
    Measurement,
    Number,
    Source,
)

SCHEMA_VERSION = 1
YEAR_RANGE = (2010, 2100)
SECTIONS = ("sources", "governments", "editions", "awards", "indicators")
BUNDLED_NAME = "data.toml"

T = TypeVar("T")


def bundled_bytes() -> bytes:
    """data.toml from the installed package (beside this file; importlib.resources for a zip)."""
    beside = Path(__file__).with_name(BUNDLED_NAME)
    if beside.is_file():
        return beside.read_bytes()
    from importlib import resources

    return resources.files("jobaward").joinpath(BUNDLED_NAME).read_bytes()


def load_bundled() -> Dataset:
    """The dataset shipped inside the package."""
    return parse_dataset(bundled_bytes(), BUNDLED_NAME)


def load_file(path: Path) -> Dataset:
    return parse_dataset(read_bytes(path), str(path))


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(str(path), "0:0", "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(str(path), "0:0", "is a directory, not a data file")]) from None
    except OSError as exc:
        raise DataError([Problem(str(path), "0:0", f"cannot read: {exc.strerror}")]) from None


def load_layers(paths: Sequence[Path], bundled: bool = True) -> Merged:
    """The bundled data (unless ``bundled`` is false), then each file on top, checked together."""
    return merge_contents(read_contents(paths, bundled))


def read_contents(paths: Sequence[Path], bundled: bool = True) -> list[tuple[str, bytes]]:
    """(origin, bytes) of the bundled data (unless ``bundled`` is false) and each file, in load order."""
    contents = [(BUNDLED_NAME, bundled_bytes())] if bundled else []
    return contents + [(str(path), read_bytes(path)) for path in paths]


def merge_contents(contents: Sequence[tuple[str, bytes]]) -> Merged:
    """Parse each (origin, bytes) and merge them in order.

    Every file is parsed before anything is refused, so one DataError lists all their problems.
    """
    layers, problems = [], []
    for origin, raw in contents:
        try:
            layers.append(parse_layer(raw, origin))
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return merge_layers(layers)


def parse_dataset(raw: bytes, origin: str) -> Dataset:
    """One file on its own: parsed, checked and with every reference resolved inside it."""
    return merge_layers([parse_layer(raw, origin)]).dataset


def parse_layer(raw: bytes, origin: str) -> Dataset:
    """One file's records, type-checked and unique within the file; references not yet resolved."""
    return build_layer(parse_toml(raw, origin), origin)


def parse_toml(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError([Problem(origin, f"{line}:0", "not valid UTF-8 text")]) from None
    import tomllib  # only when a file is parsed, not when the cache answers (start-up time)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError([toml_problem(origin, str(exc))]) from None


def toml_problem(origin: str, message: str) -> Problem:
    """tomllib puts the position only in its message: '... (at line 3, column 7)'."""
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        return Problem(origin, f"{found[1]}:{found[2]}", message[: found.start()])
    found = re.search(r"\s*\(at end of document\)$", message)
    where = "end" if found else "0:0"
    return Problem(origin, where, message[: found.start()] if found else message)


class Record:
    """Reads one TOML table field by field, noting every problem under the record's path."""

    def __init__(self, table: dict[str, Any], path: str, problems: list[Problem], origin: str):
        self.table = table
        self.path = path
        self.problems = problems
        self.origin = origin
        self.seen: set[str] = set()

    def problem(self, key: str, message: str) -> None:
        where = f"{self.path}.{key}" if key else self.path
        self.problems.append(Problem(self.origin, where, message))

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        if key not in self.table:
            if required:
                self.problem(key, "missing")
            return None
        return self.table[key]

    def text(self, key: str, required: bool = False) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(key, f"expected text, got {describe(value)}")
            return ""
        if required and not value.strip():
            self.problem(key, "must not be empty")
        return value

    def choice(self, key: str, allowed: Iterable[str], required: bool = False) -> str:
        value = self.text(key, required)
        allowed = tuple(allowed)
        if value and value not in allowed:
            self.problem(key, f"expected one of {', '.join(allowed)}, got {value!r}")
            return ""
        return value

    def integer(self, key: str, required: bool = False, low: int | None = 0, high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f"expected a whole number, got {describe(value)}")
            return None
        too_low = low is not None and value < low
        if too_low or (high is not None and value > high):
            bounds = f"between {low} and {high}" if high is not None else f"of at least {low}"
            self.problem(key, f"expected a number {bounds}, got {value}")
            return None
        return value

    def year(self, key: str = "year") -> int:
        value = self._get(key, True)
        low, high = YEAR_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            if value is not None:
                self.problem(key, f"expected a year between {low} and {high}, got {describe(value)}")
            return 0
        return value

    def day(self, key: str) -> date | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, date):
            self.problem(key, f"expected a date like 2023-08-02, got {describe(value)}")
            return None
        return value

    def number(self, key: str, required: bool = False) -> Number | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"expected a number, got {describe(value)}")
            return None
        return value

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(key, f"expected a list of text, got {describe(value)}")
            return ()
        if required and not value:
            self.problem(key, "must name at least one")
        return tuple(value)

    def table_list(self, key: str) -> list[Record]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"expected a list of tables, got {describe(value)}")
            return []
        return [self.child(f"{key}[{i}]", item) for i, item in enumerate(value)]

    def sub_table(self, key: str) -> Record | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, f"expected a table like {{ value = 1 }}, got {describe(value)}")
            return None
        return self.child(key, value)

    def child(self, key: str, table: dict[str, Any]) -> Record:
        return Record(table, f"{self.path}.{key}", self.problems, self.origin)

    def finish(self) -> None:
        for key in self.table:
            if key not in self.seen:
                self.problem(key, "unknown field")


def describe(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return repr(shown)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def read_records(
    document: dict[str, Any],
    section: str,
    reader: Callable[[Record], T],
    problems: list[Problem],
    origin: str,
) -> tuple[T, ...]:
    value = document.get(section, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.append(Problem(origin, section, f"expected [[{section}]] tables"))
        return ()
    records = []
    for index, table in enumerate(value):
        record = Record(table, f"{section}[{index}]", problems, origin)
        records.append(reader(record))
        record.finish()
    return tuple(records)


def read_source(r: Record) -> Source:
    source = Source(
        id=r.text("id", required=True),
        publisher=r.text("publisher", required=True),
        date=r.day("date"),
        url=r.text("url"),
        seed=r.text("seed"),
        title=r.text("title"),
    )
    if not source.url and not source.seed:
        r.problem("url", "a source needs a url or a seed file name")
    return source


def read_former(r: Record) -> FormerState:
    state = FormerState(
        until=r.day("until") or date.min, name=r.text("name") or None, province=r.text("province") or None
    )
    if state.until == date.min:
        r.problem("until", "missing")
    if not state.name and not state.province:
        r.problem("", "a former state needs a name or a province")
    r.finish()
    return state


def read_government(r: Record) -> Government:
    return Government(
        id=r.text("id", required=True),
        name=r.text("name", required=True),
        level=r.choice("level", LEVELS, required=True),
        name_en=r.text("name_en", required=True),
        province=r.text("province") or None,
        former=tuple(read_former(f) for f in r.table_list("former")),
        established=r.day("established"),
        abolished=r.day("abolished"),
        successors=r.text_list("successors"),
        note=r.text("note"),
    )


def read_edition(r: Record) -> Edition:
    return Edition(
        year=r.year(),
        number=r.integer("number", low=1),
        date=r.day("date"),
        venue=r.text("venue"),
        host=r.text("host"),
        awarded_total=r.integer("awarded_total", low=None),
        awarded_gongsije=r.integer("awarded_gongsije", low=None),
        awarded_project=r.integer("awarded_project", low=None),
        eligible=r.integer("eligible", low=None),
        note=r.text("note"),
        sources=r.text_list("sources", required=True),
    )


def read_award(r: Record) -> Award:
    return Award(
        year=r.year(),
        government=r.text("government", required=True),
        category=r.choice("category", CATEGORIES),
        grade=r.choice("grade", GRADES),
        honor=r.text("honor"),
        incentive=r.integer("incentive", low=None),
        project=r.text("project"),
        note=r.text("note"),
        sources=r.text_list("sources", required=True),
    )


def read_measurement(r: Record | None) -> Measurement | None:
    if r is None:
        return None
    value = r.number("value", required=True)
    period = r.table.get("period", "")
    r.seen.add("period")
    if isinstance(period, int) and not isinstance(period, bool):
        period = str(period)
    if not isinstance(period, str):
        r.problem("period", f'expected text like "2021", got {describe(period)}')
        period = ""
    r.finish()
    return Measurement(value=value if value is not None else 0, period=period)


def read_benchmark(r: Record | None) -> Benchmark | None:
    if r is None:
        return None
    benchmark = Benchmark(value=r.number("value", required=True) or 0, label=r.text("label", required=True))
    r.finish()
    return benchmark


def read_indicator(r: Record) -> Indicator:
    indicator = Indicator(
        government=r.text("government", required=True),
        name=r.text("indicator", required=True),
        unit=r.text("unit", required=True),
        before=read_measurement(r.sub_table("before")),
        after=read_measurement(r.sub_table("after")),
        benchmark=read_benchmark(r.sub_table("benchmark")),
        note=r.text("note"),
        sources=r.text_list("sources", required=True),
    )
    if indicator.before is None and indicator.after is None:
        r.problem("after", "an indicator needs an after value, a before value, or both")
    return indicator


def build_layer(document: dict[str, Any], origin: str) -> Dataset:
    problems: list[Problem] = []
    check_top_level(document, origin, problems)
    layer = Dataset(
        sources=read_records(document, "sources", read_source, problems, origin),
        governments=read_records(document, "governments", read_government, problems, origin),
        editions=read_records(document, "editions", read_edition, problems, origin),
        awards=read_records(document, "awards", read_award, problems, origin),
        indicators=read_records(document, "indicators", read_indicator, problems, origin),
        origins=(origin,),
    )
    if not problems:
        problems.extend(check_unique(layer, origin))
    if problems:
        raise DataError(problems)
    return layer


class Merged(NamedTuple):
    dataset: Dataset
    replaced: tuple[Problem, ...] = ()


KEYS: dict[str, Callable[[Any], object]] = {
    "sources": lambda s: s.id,
    "governments": lambda g: g.id,
    "editions": lambda e: e.year,
    "awards": lambda a: a.key,
    "indicators": lambda i: indicator_key(i),
}


def merge_layers(layers: Sequence[Dataset]) -> Merged:
    """Later layers on top of earlier ones: a record with the same key replaces the earlier one.

    References are checked against the merged whole, so a user file may name bundled
    governments and sources. Problems name the file and the record where they stand.
    """
    sections: dict[str, dict[object, Any]] = {name: {} for name in SECTIONS}
    where: dict[tuple[str, object], str] = {}
    replaced: list[Problem] = []
    for layer in layers:
        origin = layer.origins[0]
        for name in SECTIONS:
            for index, record in enumerate(getattr(layer, name)):
                key = KEYS[name](record)
                if key in sections[name]:
                    replaced.append(Problem(origin, f"{name}[{index}]", f"replaces {where[(name, key)]}"))
                sections[name][key] = record
                where[(name, key)] = f"{name} record from {origin}"
    dataset = Dataset(
        sources=tuple(sections["sources"].values()),
        governments=tuple(sections["governments"].values()),
        editions=tuple(sections["editions"].values()),
        awards=tuple(sections["awards"].values()),
        indicators=tuple(sections["indicators"].values()),
        origins=tuple(layer.origins[0] for layer in layers),
    )
    problems = [p for layer in layers for p in check_references(layer, dataset)]
    if problems:
        raise DataError(problems)
    return Merged(dataset, tuple(replaced))


def check_top_level(document: dict[str, Any], origin: str, problems: list[Problem]) -> None:
    schema = document.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        problems.append(Problem(origin, "schema", f"expected schema = {SCHEMA_VERSION}, got {describe(schema)}"))
    for key in document:
        if key != "schema" and key not in SECTIONS:
            problems.append(Problem(origin, key, f"unknown section (expected one of {', '.join(SECTIONS)})"))


def check_unique(layer: Dataset, origin: str) -> list[Problem]:
    """No two records of one file share a key."""
    problems: list[Problem] = []
    labels = {
        "sources": "id",
        "governments": "id",
        "editions": "year",
        "awards": "award (year, government, category, grade)",
        "indicators": "indicator",
    }
    for name in SECTIONS:
        seen: dict[object, int] = {}
        for index, record in enumerate(getattr(layer, name)):
            key = KEYS[name](record)
            if key in seen:
                message = f"duplicate {labels[name]} (same as {name}[{seen[key]}])"
                problems.append(Problem(origin, f"{name}[{index}]", message))
            else:
                seen[key] = index
    return problems


def check_references(layer: Dataset, merged: Dataset) -> list[Problem]:
    """Every reference in one file's records resolves in the merged dataset."""
    origin = layer.origins[0]
    problems: list[Problem] = []

    def add(where: str, message: str) -> None:
        problems.append(Problem(origin, where, message))

    governments = merged.government_by_id
    provinces = {g.id for g in merged.governments if g.level == "광역"}
    for i, gov in enumerate(layer.governments):
        if gov.level == "기초" and gov.province not in provinces:
            add(f"governments[{i}].province", f"unknown 광역 government {gov.province!r}")
        if gov.level == "광역" and gov.province:
            add(f"governments[{i}].province", "a 광역 government has no province")
        for j, state in enumerate(gov.former):
            if state.province and state.province not in provinces:
                add(f"governments[{i}].former[{j}].province", f"unknown 광역 government {state.province!r}")
        for successor in gov.successors:
            if successor not in governments:
                add(f"governments[{i}].successors", f"unknown government {successor!r}")

    sourced: tuple[tuple[str, Sequence[Edition | Award | Indicator]], ...] = (
        ("editions", layer.editions),
        ("awards", layer.awards),
        ("indicators", layer.indicators),
    )
    for section, records in sourced:
        for i, record in enumerate(records):
            for source in record.sources:
                if source not in merged.source_by_id:
                    add(f"{section}[{i}].sources", f"unknown source {source!r}")
            if not isinstance(record, Edition) and record.government not in governments:
                add(f"{section}[{i}].government", f"unknown government {record.government!r}")
    return problems


def indicator_key(indicator: Indicator) -> tuple[object, ...]:
    return (indicator.government, indicator.name, indicator.before, indicator.after, indicator.sources)


COUNT_UNITS = frozenset({"명", "개", "개소", "원"})


def suspicious(layer: Dataset) -> list[Problem]:
    """Values that load but look wrong: warnings for `validate`, never refusals."""
    origin = layer.origins[0]
    found: list[Problem] = []
    for i, edition in enumerate(layer.editions):
        for name in ("awarded_total", "awarded_gongsije", "awarded_project", "eligible"):
            value = getattr(edition, name)
            if value is not None and value < 0:
                found.append(Problem(origin, f"editions[{i}].{name}", f"negative count {value}"))
    for i, award in enumerate(layer.awards):
        if award.incentive is not None and award.incentive < 0:
            found.append(Problem(origin, f"awards[{i}].incentive", f"negative incentive {award.incentive}"))
    for i, indicator in enumerate(layer.indicators):
        found.extend(Problem(origin, f"indicators[{i}].{where}", message) for where, message in odd_values(indicator))
    return found


def odd_values(indicator: Indicator) -> list[tuple[str, str]]:
    odd: list[tuple[str, str]] = []
    sides = (("before", indicator.before), ("after", indicator.after))
    for side, measured in sides:
        if measured is None:
            continue
        if indicator.unit in COUNT_UNITS and measured.value < 0:
            odd.append((f"{side}.value", f"negative count {measured.value}"))
        if indicator.is_rate and measured.value > 100 and "달성률" not in indicator.name:
            odd.append((f"{side}.value", f"a percentage over 100: {measured.value}"))
    before_year, after_year = (period_year(m.period) if m else None for _, m in sides)
    if before_year and after_year and after_year < before_year:
        odd.append(("after.period", f"after-period {after_year} is earlier than before-period {before_year}"))
    return odd


def period_year(period: str) -> int | None:
    found = re.search(r"(19|20)\d\d", period)
    return int(found.group()) if found else None
