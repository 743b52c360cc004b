"""Users' own data: where it lives (data path), checking it (validate), adding to it (add)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from ..errors import DataError, Problem, UsageProblem, problem
from ..model import Dataset
from .common import DataOption, NoBundledOption, app, echo, errors_in_english, reports_errors

data_app = typer.Typer(help="Where your own data file is.", no_args_is_help=True)
add_app = typer.Typer(help="Add a record to your own data file.", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(add_app, name="add")


@data_app.command("path")
def data_path() -> None:
    """Print where the default user data file is (read when it exists).  Example: jobaward data path"""
    from ..locations import default_user_file

    echo(str(default_user_file()))


@app.command()
@reports_errors
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...", help="Files to check; none for everything that would be loaded.", show_default=False
        ),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Check data files: each problem on one line as FILE:LINE:COL or FILE:record.field.

    Errors (syntax, schema, unknown references) exit 3; warnings (suspicious values) and notes
    (a record replacing a bundled one) exit 0.  Example: jobaward validate my-awards.toml
    """
    from ..load import BUNDLED_NAME, load_layers, parse_layer, read_bytes, suspicious
    from ..locations import user_files

    bundled = not no_bundled
    english = errors_in_english()
    paths = list(files) if files else user_files(data or [], bundled)
    errors: list[Problem] = []
    try:
        merged = load_layers(paths, bundled)
    except DataError as error:
        errors = error.problems
    warnings: list[Problem] = []
    for path in paths:
        try:
            warnings += suspicious(parse_layer(read_bytes(path), str(path)))
        except DataError:
            continue
    for found in errors:
        echo(f"{found.origin}:{found.where}: error: {found.text(english)}")
    for found in warnings:
        echo(f"{found.origin}:{found.where}: warning: {found.text(english)}")
    if not errors:
        for found in merged.replaced:
            echo(f"{found.origin}:{found.where}: note: {found.text(english)}")
    checked = ([BUNDLED_NAME] if bundled else []) + [str(p) for p in paths]
    echo(
        f"checked {len(checked)} file{'s' if len(checked) != 1 else ''}: "
        f"{len(errors)} error{'s' if len(errors) != 1 else ''}, "
        f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
    )
    if errors:
        raise typer.Exit(DataError.exit_code)


TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--data", "-d", dir_okay=False, help="The file to add to (default: `jobaward data path`).", show_default=False
    ),
]
SourceOption = Annotated[str, typer.Option("--source", help="The source's URL (required).", show_default=False)]
SourceDateOption = Annotated[
    str | None, typer.Option("--source-date", help="The source's publication date, YYYY-MM-DD.")
]


def target_for(path: Path | None) -> tuple[Any, Path]:
    """The file to append to and, loaded around it, the bundled data and other user files."""
    from ..adding import Target
    from ..locations import default_user_file, user_files

    chosen = path or default_user_file()
    return Target(chosen, user_files()), chosen


def iso_date(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageProblem("bad_date", option=option, value=text) from None


def number(text: str | None, option: str) -> int | float | None:
    """'112500' → 112500, '67.2' → 67.2, '1,234' → 1234; the figure as printed, unit aside."""
    if text is None:
        return None
    cleaned = text.strip().replace(",", "")
    if re.fullmatch(r"-?\d+", cleaned):
        return int(cleaned)
    try:
        parsed = float(cleaned)
    except ValueError:
        raise UsageProblem("bad_number", option=option, value=text) from None
    if not math.isfinite(parsed):
        raise UsageProblem("not_finite", option=option, value=text)
    return parsed


def government_id(current: Dataset, name: str) -> str:
    from ..names import NameIndex, find_government

    return find_government(NameIndex(current), name).government.id


def with_source(current: Dataset, url: str, when: date | None, section: str, record: dict[str, Any]) -> list[Any]:
    """The blocks to append: a new source first when the URL is not yet known, then the record."""
    from ..adding import source_for, without_empty

    source_id, source_record = source_for(current, url.strip(), when)
    record["sources"] = [source_id]
    blocks = [("sources", source_record)] if source_record else []
    return [*blocks, (section, without_empty(record))]


def add_record(
    target: Any, path: Path, section: str, decide: Callable[[Dataset], dict[str, Any]], source: Citation
) -> None:
    """Append a record and its source, both decided under the lock from the file as it is then."""
    from ..adding import append

    added: list[dict[str, Any]] = []

    def build(current: Dataset) -> list[Any]:
        record = decide(current)
        added[:] = [record]
        return with_source(current, source.url, source.when, section, record)

    append(target, build)
    report_added(section, path, added[0])


class Citation(NamedTuple):
    url: str
    when: date | None


def report_added(section: str, path: Path, record: dict[str, Any]) -> None:
    shown = ", ".join(
        str(record[key])
        for key in ("year", "government", "category", "grade", "indicator")
        if record.get(key) not in (None, "")
    )
    echo(f"added to {path}: {section[:-1]} ({shown})")


def parsed_term(value: str | None, parse: Any) -> str | None:
    """Korean or English accepted; anything else is kept so validation names the field."""
    if value is None:
        return None
    return parse(value) or value


@add_app.command("award")
@reports_errors
def add_award(
    year: Annotated[int, typer.Option("--year", "-y", help="Award year.", show_default=False)],
    government: Annotated[str, typer.Option("--government", help="e.g. 강릉시, 부산 중구.", show_default=False)],
    source: SourceOption,
    category: Annotated[str | None, typer.Option("--category", "-c", help="공시제, 우수사업, … or English.")] = None,
    grade: Annotated[str | None, typer.Option("--grade", "-g", help="종합대상, 대상, 최우수상, 우수상, 특별상")] = None,
    honor: Annotated[str | None, typer.Option("--honor", help="As printed, e.g. 국무총리상.")] = None,
    incentive: Annotated[str | None, typer.Option("--incentive", help="Won, e.g. 55000000.")] = None,
    project: Annotated[str | None, typer.Option("--project", help="The project's name (우수사업).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything the source says that needs saying.")] = None,
    source_date: SourceDateOption = None,
    data: TargetOption = None,
) -> None:
    """Add an award to your data file.

    Example: jobaward add award --year 2025 --government 강릉시 --category 공시제 --grade 우수상
    --source https://www.asiae.co.kr/article/2025093019095215387 --source-date 2025-09-30
    """
    from ..labels import parse_category, parse_grade

    target, path = target_for(data)
    amount = number(incentive, "--incentive")
    cited = Citation(source, iso_date(source_date, "--source-date"))

    def decide(current: Dataset) -> dict[str, Any]:
        return {
            "year": year,
            "government": government_id(current, government),
            "category": parsed_term(category, parse_category),
            "grade": parsed_term(grade, parse_grade),
            "honor": honor,
            "incentive": amount,
            "project": project,
            "note": note,
        }

    add_record(target, path, "awards", decide, cited)


@add_app.command("indicator")
@reports_errors
def add_indicator(
    government: Annotated[str, typer.Option("--government", help="e.g. 강릉시.", show_default=False)],
    indicator: Annotated[str, typer.Option("--indicator", "-i", help="e.g. 취업자수, 고용률.", show_default=False)],
    unit: Annotated[str, typer.Option("--unit", help="명, %, 개, 원, …", show_default=False)],
    source: SourceOption,
    before: Annotated[str | None, typer.Option("--before", help="The earlier value, as printed.")] = None,
    before_period: Annotated[str | None, typer.Option("--before-period", help="e.g. 2021.")] = None,
    after: Annotated[str | None, typer.Option("--after", help="The later (or only) value.")] = None,
    after_period: Annotated[str | None, typer.Option("--after-period", help="e.g. 2022.")] = None,
    benchmark: Annotated[str | None, typer.Option("--benchmark", help="A comparison value the source gives.")] = None,
    benchmark_label: Annotated[str | None, typer.Option("--benchmark-label", help="e.g. 전국 평균 (2021).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="e.g. why a figure looks odd.")] = None,
    source_date: SourceDateOption = None,
    data: TargetOption = None,
) -> None:
    """Add an employment indicator (before → after, or one value) to your data file.

    Example: jobaward add indicator --government 강릉시 --indicator 고용률 --unit % --after 68.7
    --after-period 2024 --source https://www.asiae.co.kr/article/2025093019095215387
    """
    target, path = target_for(data)
    values: dict[str, Any] = {}
    for side, value, period in (("before", before, before_period), ("after", after, after_period)):
        measured = number(value, f"--{side}")
        if measured is not None:
            values[side] = {"value": measured, **({"period": period} if period else {})}
    if benchmark is not None:
        values["benchmark"] = {"value": number(benchmark, "--benchmark"), "label": benchmark_label or ""}
    cited = Citation(source, iso_date(source_date, "--source-date"))

    def decide(current: Dataset) -> dict[str, Any]:
        named = {"government": government_id(current, government), "indicator": indicator, "unit": unit}
        return {**named, **values, "note": note}

    add_record(target, path, "indicators", decide, cited)


@add_app.command("source")
@reports_errors
def add_source(
    url: Annotated[str, typer.Option("--url", help="The article's address.", show_default=False)],
    publisher: Annotated[str, typer.Option("--publisher", help="e.g. 아시아경제.", show_default=False)],
    when: Annotated[str | None, typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The headline.")] = None,
    data: TargetOption = None,
) -> None:
    """Add a source, to be named by later records.  Example: jobaward add source --url URL --publisher 아시아경제"""
    from ..adding import append, source_for, without_empty

    target, path = target_for(data)
    day = iso_date(when, "--date")
    added: list[str] = []

    def build(current: Dataset) -> list[Any]:
        source_id, record = source_for(current, url.strip(), day, publisher, option="--url")
        if record is None:
            raise DataError([problem(str(path), "sources", "source_already_recorded", id=repr(source_id))])
        if title:
            record["title"] = title
        added[:] = [record["id"]]
        return [("sources", without_empty(record))]

    append(target, build)
    echo(f"added to {path}: source {added[0]}")
