"""Read TOML data files, validate them and build a Dataset: the only place that parses data."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from jobaward.errors import DataError, Problem, problem
from jobaward.i18n.messages import toml_complaint
from jobaward.model import (
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
    canonical_honor,
)
from jobaward.storage.paths import bundled_file

SCHEMA_VERSION = 1
YEAR_RANGE = (2010, 2100)
SECTIONS = ("sources", "governments", "editions", "awards", "indicators")
BUNDLED_NAME = "data.toml"

T = TypeVar("T")


def bundled_bytes() -> bytes:
    """data.toml from the installed package (in its data folder; importlib.resources for a zip)."""
    beside = bundled_file(BUNDLED_NAME)
    if beside.is_file():
        return beside.read_bytes()
    from importlib import resources

    return resources.files("jobaward").joinpath("data", BUNDLED_NAME).read_bytes()


def load_bundled() -> Dataset:
    """The dataset shipped inside the package."""
    return parse_dataset(bundled_bytes(), BUNDLED_NAME)


def load_file(path: Path) -> Dataset:
    return parse_dataset(read_bytes(path), str(path))


def read_bytes(path: Path) -> bytes:
    """A data file's bytes: a regular file within the size limit (files.read_data_file)."""
    from jobaward.storage.files import read_data_file

    return read_data_file(path)


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
        raise DataError([problem(origin, f"{line}:0", "not_utf8")]) from None
    refuse_long_dotted_keys(text, origin)
    import tomllib  # only when a file is parsed, not when the cache answers (start-up time)

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError([toml_problem(origin, str(exc))]) from None
    except RecursionError:
        raise DataError([problem(origin, "0:0", "too_deep", limit=MAX_DEPTH)]) from None
    check_shape(document, origin)
    return document


#: Limits on a data file's shape, checked before (dotted keys) or right after parsing.
MAX_DEPTH = 32
MAX_KEYS = 1_000_000


def refuse_long_dotted_keys(text: str, origin: str) -> None:
    """A key of thousands of dotted parts takes tomllib minutes (quadratic): refuse it unparsed."""
    for number, line in enumerate(text.splitlines(), start=1):
        head = line.split("=", 1)[0]
        if head.count(".") > MAX_DEPTH and len([p for p in head.split(".") if p.strip(" \t[]\"'")]) > MAX_DEPTH:
            raise DataError([problem(origin, f"{number}:1", "too_many_parts", limit=MAX_DEPTH)])


def check_shape(document: dict[str, Any], origin: str) -> None:
    """At most MAX_DEPTH levels of tables and arrays and MAX_KEYS keys in all (walked without recursion)."""
    keys = 0
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise DataError([problem(origin, "0:0", "too_deep", limit=MAX_DEPTH)])
        children = value.values() if isinstance(value, dict) else value
        keys += len(value) if isinstance(value, dict) else 0
        if keys > MAX_KEYS:
            raise DataError([problem(origin, "0:0", "too_many_keys", limit=MAX_KEYS)])
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def toml_problem(origin: str, message: str) -> Problem:
    """tomllib puts the position only in its message: '... (at line 3, column 7)'.

    Its words are English; Korean readers get them from ``errors.TOML_COMPLAINTS``.
    """
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found:
        return problem(origin, f"{found[1]}:{found[2]}", "toml_syntax", detail=toml_complaint(message[: found.start()]))
    found = re.search(r"\s*\(at end of document\)$", message)
    where = "end" if found else "0:0"
    return problem(origin, where, "toml_syntax", detail=toml_complaint(message[: found.start()] if found else message))


class Record:
    """Reads one TOML table field by field, noting every problem under the record's path."""

    def __init__(self, table: dict[str, Any], path: str, problems: list[Problem], origin: str):
        self.table = table
        self.path = path
        self.problems = problems
        self.origin = origin
        self.seen: set[str] = set()

    def problem(self, key: str, message: str, **values: object) -> None:
        """Note a problem with field ``key``: ``message`` is a catalogue key (i18n/messages.MESSAGES) or plain text."""
        where = f"{self.path}.{key}" if key else self.path
        self.problems.append(problem(self.origin, where, message, **values))

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
            self.problem(key, "expected_text", value=describe(value))
            return ""
        if required and not value.strip():
            self.problem(key, "empty")
        return value

    def choice(self, key: str, allowed: Iterable[str], required: bool = False) -> str:
        value = self.text(key, required)
        allowed = tuple(allowed)
        if value and value not in allowed:
            self.problem(key, "expected_choice", valid=", ".join(allowed), value=repr(value))
            return ""
        return value

    def integer(self, key: str, required: bool = False, low: int | None = 0, high: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, "expected_integer", value=describe(value))
            return None
        too_low = low is not None and value < low
        if too_low or (high is not None and value > high):
            self.problem(
                key, "integer_between" if high is not None else "integer_at_least", low=low, high=high, value=value
            )
            return None
        return value

    def year(self, key: str = "year") -> int:
        value = self._get(key, True)
        low, high = YEAR_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            if value is not None:
                self.problem(key, "expected_year", low=low, high=high, value=describe(value))
            return 0
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(key, f"expected true or false, got {describe(value)}")
            return False
        return value

    def day(self, key: str) -> date | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, datetime) or not isinstance(value, date):  # a datetime is a date too
            self.problem(key, "expected_date", value=describe(value))
            return None
        return value

    def number(self, key: str, required: bool = False) -> Number | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, "expected_number", value=describe(value))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(key, "expected_finite", value=describe(value))
            return None
        return value

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(key, "expected_text_list", value=describe(value))
            return ()
        if required and not value:
            self.problem(key, "name_one")
        return tuple(value)

    def table_list(self, key: str) -> list[Record]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, "expected_tables", value=describe(value))
            return []
        return [self.child(f"{key}[{i}]", item) for i, item in enumerate(value)]

    def sub_table(self, key: str) -> Record | None:
        value = self._get(key, False)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, "expected_table", value=describe(value))
            return None
        return self.child(key, value)

    def child(self, key: str, table: dict[str, Any]) -> Record:
        return Record(table, f"{self.path}.{key}", self.problems, self.origin)

    def finish(self) -> None:
        for key in self.table:
            if key not in self.seen:
                self.problem(key, "unknown_field")


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
        problems.append(problem(origin, section, "expected_section", section=section))
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
        r.problem("url", "source_needs_url")
    return source


def read_former(r: Record) -> FormerState:
    state = FormerState(
        until=r.day("until") or date.min, name=r.text("name") or None, province=r.text("province") or None
    )
    if state.until == date.min:
        r.problem("until", "missing")
    if not state.name and not state.province:
        r.problem("", "former_needs_name")
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
        aliases=r.text_list("aliases"),
        sources=r.text_list("sources"),
    )


def read_edition(r: Record) -> Edition:
    edition = Edition(
        year=r.year(),
        number=r.integer("number", low=1),
        date=r.day("date"),
        venue=r.text("venue"),
        host=r.text("host"),
        awarded_total=r.integer("awarded_total", low=None),
        awarded_gongsije=r.integer("awarded_gongsije", low=None),
        awarded_project=r.integer("awarded_project", low=None),
        eligible=r.integer("eligible", low=None),
        awarded_governments=r.integer("awarded_governments", low=None),
        awarded_prizes=r.integer("awarded_prizes", low=None),
        note=r.text("note"),
        sources=r.text_list("sources", required=True),
        contest=r.flag("contest"),
        awarded_governments_min=r.integer("awarded_governments_min", low=1),
        awarded_governments_max=r.integer("awarded_governments_max", low=1),
    )
    low, high = edition.awarded_governments_min, edition.awarded_governments_max
    if (low is None) != (high is None) or (low is not None and high is not None and low > high):
        r.problem("awarded_governments_max", "bounds_need_both")
    return edition


def read_award(r: Record) -> Award:
    return Award(
        year=r.year(),
        government=r.text("government", required=True),
        category=r.choice("category", CATEGORIES),
        grade=r.choice("grade", GRADES),
        honor=canonical_honor(r.text("honor")),
        incentive=r.integer("incentive", low=None),
        project=r.text("project"),
        note=r.text("note"),
        sources=r.text_list("sources", required=True),
        year_inferred=r.flag("year_inferred"),
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
        r.problem("period", "expected_period", value=describe(period))
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
        superseded=r.flag("superseded"),
    )
    if indicator.before is None and indicator.after is None:
        r.problem("after", "indicator_needs_value")
    return indicator


def build_layer(document: dict[str, Any], origin: str) -> Dataset:
    problems: list[Problem] = []
    layer = read_layer(document, origin, problems)
    if not problems:
        problems.extend(check_unique(layer, origin))
    if problems:
        raise DataError(problems)
    return layer


def read_layer(document: dict[str, Any], origin: str, problems: list[Problem]) -> Dataset:
    """The records of a parsed file, as far as they read; what is wrong is added to ``problems``."""
    check_top_level(document, origin, problems)
    return Dataset(
        sources=read_records(document, "sources", read_source, problems, origin),
        governments=read_records(document, "governments", read_government, problems, origin),
        editions=read_records(document, "editions", read_edition, problems, origin),
        awards=read_records(document, "awards", read_award, problems, origin),
        indicators=read_records(document, "indicators", read_indicator, problems, origin),
        origins=(origin,),
    )


def references_despite_errors(contents: Sequence[tuple[str, bytes]]) -> list[Problem]:
    """Unresolved references among the records that did read, for `validate` when a file has
    other errors too: a file that is not TOML is left out, and a record read with a wrong value
    is checked as read. Never raises a DataError."""
    layers = []
    for origin, raw in contents:
        try:
            layers.append(read_layer(parse_toml(raw, origin), origin, []))
        except DataError:
            continue
    try:
        merged = merge_layers(layers, checked=False).dataset
    except (TypeError, AttributeError, ValueError):  # a key too broken to compare
        return []
    found: list[Problem] = []
    for layer in layers:
        try:
            found += check_references(layer, merged)
        except (TypeError, AttributeError, ValueError):  # a record too broken to follow
            continue
    return found


class Merged(NamedTuple):
    dataset: Dataset
    replaced: tuple[Problem, ...] = ()


KEYS: dict[str, Callable[[Any], object]] = {
    "sources": lambda s: s.id,
    "governments": lambda g: g.id,
    "editions": lambda e: e.key,
    "awards": lambda a: a.key,
    "indicators": lambda i: indicator_key(i),
}


def merge_layers(layers: Sequence[Dataset], checked: bool = True) -> Merged:
    """Later layers on top of earlier ones: a record with the same key replaces the earlier one.

    References are checked against the merged whole, so a user file may name bundled
    governments and sources. Problems name the file and the record where they stand.
    """
    sections: dict[str, dict[object, Any]] = {name: {} for name in SECTIONS}
    where: dict[tuple[str, object], str] = {}  # the file each record came from
    replaced: list[Problem] = []
    for layer in layers:
        origin = layer.origins[0]
        for name in SECTIONS:
            for index, record in enumerate(getattr(layer, name)):
                key = KEYS[name](record)
                if key in sections[name]:
                    found = where[(name, key)]
                    replaced.append(problem(origin, f"{name}[{index}]", "replaces", section=name, file=found))
                sections[name][key] = record
                where[(name, key)] = origin
    dataset = Dataset(
        sources=tuple(sections["sources"].values()),
        governments=tuple(sections["governments"].values()),
        editions=tuple(sections["editions"].values()),
        awards=tuple(sections["awards"].values()),
        indicators=tuple(sections["indicators"].values()),
        origins=tuple(layer.origins[0] for layer in layers),
    )
    problems = [p for layer in layers for p in check_references(layer, dataset)] if checked else []
    if problems:
        raise DataError(problems)
    return Merged(dataset, tuple(replaced))


def check_top_level(document: dict[str, Any], origin: str, problems: list[Problem]) -> None:
    schema = document.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        problems.append(problem(origin, "schema", "expected_schema", expected=SCHEMA_VERSION, value=describe(schema)))
    for key in document:
        if key != "schema" and key not in SECTIONS:
            problems.append(problem(origin, key, "unknown_section", valid=", ".join(SECTIONS)))


def check_unique(layer: Dataset, origin: str) -> list[Problem]:
    """No two records of one file share a key."""
    problems: list[Problem] = []
    labels = {
        "sources": "id",
        "governments": "id",
        "editions": "year, contest",
        "awards": "year, government, category, grade",
        "indicators": "government, indicator, before, after, sources",
    }
    for name in SECTIONS:
        seen: dict[object, int] = {}
        for index, record in enumerate(getattr(layer, name)):
            key = KEYS[name](record)
            if key in seen:
                same = f"{name}[{seen[key]}]"
                problems.append(problem(origin, f"{name}[{index}]", "duplicate_in_file", label=labels[name], same=same))
            else:
                seen[key] = index
    return problems


def check_references(layer: Dataset, merged: Dataset) -> list[Problem]:
    """Every reference in one file's records resolves in the merged dataset."""
    origin = layer.origins[0]
    problems: list[Problem] = []

    def add(where: str, key: str, value: str = "") -> None:
        problems.append(problem(origin, where, key, value=value))

    governments = merged.government_by_id
    provinces = {g.id for g in merged.governments if g.level == "광역"}
    for i, gov in enumerate(layer.governments):
        if gov.level == "기초" and gov.province not in provinces:
            add(f"governments[{i}].province", "unknown_province_ref", repr(gov.province))
        if gov.level == "광역" and gov.province:
            add(f"governments[{i}].province", "province_of_province")
        for j, state in enumerate(gov.former):
            if state.province and state.province not in provinces:
                add(f"governments[{i}].former[{j}].province", "unknown_province_ref", repr(state.province))
        for successor in gov.successors:
            if successor not in governments:
                add(f"governments[{i}].successors", "unknown_government_ref", repr(successor))
        for source in gov.sources:
            if source not in merged.source_by_id:
                add(f"governments[{i}].sources", "unknown_source_ref", repr(source))

    sourced: tuple[tuple[str, Sequence[Edition | Award | Indicator]], ...] = (
        ("editions", layer.editions),
        ("awards", layer.awards),
        ("indicators", layer.indicators),
    )
    for section, records in sourced:
        for i, record in enumerate(records):
            for source in record.sources:
                if source not in merged.source_by_id:
                    add(f"{section}[{i}].sources", "unknown_source_ref", repr(source))
            if not isinstance(record, Edition) and record.government not in governments:
                add(f"{section}[{i}].government", "unknown_government_ref", repr(record.government))
    return problems


def indicator_key(indicator: Indicator) -> tuple[object, ...]:
    return (indicator.government, indicator.name, indicator.before, indicator.after, indicator.sources)


COUNT_UNITS = frozenset({"명", "개", "개소", "원"})


def suspicious(layer: Dataset) -> list[Problem]:
    """Values that load but look wrong: warnings for `validate`, never refusals."""
    origin = layer.origins[0]
    found: list[Problem] = []
    for i, edition in enumerate(layer.editions):
        for name in (
            "awarded_total",
            "awarded_gongsije",
            "awarded_project",
            "eligible",
            "awarded_governments",
            "awarded_prizes",
        ):
            value = getattr(edition, name)
            if value is not None and value < 0:
                found.append(problem(origin, f"editions[{i}].{name}", "negative_count", value=value))
    for i, award in enumerate(layer.awards):
        if award.incentive is not None and award.incentive < 0:
            found.append(problem(origin, f"awards[{i}].incentive", "negative_incentive", value=award.incentive))
    for i, indicator in enumerate(layer.indicators):
        found.extend(
            problem(origin, f"indicators[{i}].{where}", key, **values) for where, key, values in odd_values(indicator)
        )
    return found


def odd_values(indicator: Indicator) -> list[tuple[str, str, dict[str, object]]]:
    """(field, message key, values) for each value of ``indicator`` that looks wrong."""
    odd: list[tuple[str, str, dict[str, object]]] = []
    sides = (("before", indicator.before), ("after", indicator.after))
    for side, measured in sides:
        if measured is None:
            continue
        if indicator.unit in COUNT_UNITS and measured.value < 0:
            odd.append((f"{side}.value", "negative_count", {"value": measured.value}))
        if indicator.is_rate and measured.value > 100 and "달성률" not in indicator.name:
            odd.append((f"{side}.value", "over_100_percent", {"value": measured.value}))
    before_year, after_year = (period_year(m.period) if m else None for _, m in sides)
    if before_year and after_year and after_year < before_year:
        odd.append(("after.period", "periods_reversed", {"after": after_year, "before": before_year}))
    return odd


def period_year(period: str) -> int | None:
    found = re.search(r"(19|20)[0-9][0-9]", period)
    return int(found.group()) if found else None
