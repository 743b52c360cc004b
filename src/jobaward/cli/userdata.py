"""Users' own data: where it lives (data path), checking it (validate), adding to it (add)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from jobaward.cli.help_text import say
from jobaward.cli.options import CategoryOption, DataOption, GradeOption, NoBundledOption
from jobaward.cli.root import app, choice, echo, errors_in_english, reports_errors
from jobaward.errors import DataError, Problem, UsageProblem, problem
from jobaward.i18n.messages import message
from jobaward.model import Dataset, canonical_honor

data_app = typer.Typer(help=say("내 자료 파일의 위치.", "Where your own data file is."), no_args_is_help=True)
add_app = typer.Typer(
    help=say("내 자료 파일에 기록 추가.", "Add a record to your own data file."), no_args_is_help=True
)
app.add_typer(data_app, name="data")
app.add_typer(add_app, name="add")


@data_app.command(
    "path",
    help=say(
        "기본 사용자 자료 파일의 위치 (있으면 읽음); 파일이 있는지는 표준 오류에. 예: jobaward data path",
        "Print where the default user data file is (read when it exists); whether it exists goes to "
        "stderr.  Example: jobaward data path",
    ),
)
def data_path() -> None:
    """Print where the default user data file is (read when it exists).  Example: jobaward data path"""
    from jobaward.storage.paths import default_user_file

    path = default_user_file()
    echo(str(path))  # alone on stdout, for $(jobaward data path)
    echo(message("data_file_exists" if path.is_file() else "data_file_missing", errors_in_english()), err=True)


@app.command(
    help=say(
        "자료 파일 검사: 문제마다 한 줄 (FILE:LINE:COL 또는 FILE:record.field).\n\n"
        "오류(문법, 형식, 없는 참조)는 종료 코드 3, 경고(의심스러운 값)와 참고(내장 기록 대체)는 0. "
        "예: jobaward validate my-awards.toml",
        "Check data files: each problem on one line as FILE:LINE:COL or FILE:record.field.\n\n"
        "Errors (syntax, schema, unknown references) exit 3; warnings (suspicious values) and notes "
        "(a record replacing a bundled one) exit 0.  Example: jobaward validate my-awards.toml",
    )
)
@reports_errors
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...",
            help=say(
                "검사할 파일들 (없으면 읽어 들일 모든 파일).",
                "Files to check; none for everything that would be loaded.",
            ),
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
) -> None:
    """Check data files: each problem on one line as FILE:LINE:COL or FILE:record.field.

    Errors (syntax, schema, unknown references) exit 3; warnings (suspicious values) and notes
    (a record replacing a bundled one) exit 0.  Example: jobaward validate my-awards.toml
    """
    from jobaward.storage.paths import user_files
    from jobaward.storage.toml_data import load_layers, parse_layer, read_bytes, suspicious

    bundled = not no_bundled
    english = errors_in_english()
    paths = list(files) if files else user_files(data or [], bundled)
    errors: list[Problem] = []
    try:
        merged = load_layers(paths, bundled)
    except DataError as error:
        errors = error.problems + references_behind(error.problems, paths, bundled)
    warnings: list[Problem] = []
    for path in paths:
        try:
            warnings += suspicious(parse_layer(read_bytes(path), str(path)))
        except DataError:
            continue
    error_lines, warning_lines = problem_lines(errors, english), problem_lines(warnings, english, warning=True)
    for line in error_lines + warning_lines:
        echo(line)
    if not errors:
        for found in merged.replaced:
            echo(message("validate_note", english, place=found.place, text=found.text(english)))
    checked = len(paths) if files else len(paths) + bundled  # the files asked for, not the bundle behind them
    summed, problems, doubts = (
        counted(checked, "file", english),
        counted(len(error_lines), "error", english),
        counted(len(warning_lines), "warning", english),
    )
    echo(message("validate_summary", english, files=summed, errors=problems, warnings=doubts))
    if errors:
        raise typer.Exit(DataError.exit_code)


#: The reference problems: one missing source or government named by many records.
REFERENCE_KEYS = ("unknown_source_ref", "unknown_government_ref", "unknown_province_ref")


def references_behind(errors: list[Problem], paths: list[Path], bundled: bool) -> list[Problem]:
    """Unknown references among the records that did read, while other errors stopped the load."""
    from jobaward.storage.toml_data import BUNDLED_NAME, bundled_bytes, read_bytes, references_despite_errors

    if any(found.key in REFERENCE_KEYS for found in errors):
        return []  # the load got as far as checking them
    contents = [(BUNDLED_NAME, bundled_bytes())] if bundled else []
    for path in paths:
        try:
            contents.append((str(path), read_bytes(path)))
        except DataError:
            continue
    wrong = {(found.origin, found.where) for found in errors}  # a field that did not read: said already
    return [found for found in references_despite_errors(contents) if (found.origin, found.where) not in wrong]


def problem_lines(found: list[Problem], english: bool, *, warning: bool = False) -> list[str]:
    """``FILE:WHERE: 오류: text`` (``error:`` in English), one line a cause: a missing reference named by several
    records is one line that lists the other places; a file-level problem has no position."""
    groups: dict[tuple[object, ...], list[Problem]] = {}
    for item in found:
        same = (item.origin, item.key, item.values) if item.key in REFERENCE_KEYS else (id(item),)
        groups.setdefault(same, []).append(item)
    lines = []
    for first, *others in groups.values():
        line = message(
            "validate_warning" if warning else "validate_error", english, place=first.place, text=first.text(english)
        )
        if others:
            line += message("also_at", english, count=len(others), places=", ".join(o.where for o in others))
        lines.append(line)
    return lines


TargetOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        dir_okay=False,
        help=say("추가할 파일 (기본: `jobaward data path`).", "The file to add to (default: `jobaward data path`)."),
        show_default=False,
    ),
]
SourceOption = Annotated[str, typer.Option("--source", help=say("출처 URL.", "The source's URL."), show_default=False)]
SourceDateOption = Annotated[
    str | None,
    typer.Option("--source-date", help=say("출처 게재일, YYYY-MM-DD.", "The source's publication date, YYYY-MM-DD.")),
]


def target_for(path: Path | None) -> tuple[Any, Path]:
    """The file to append to and, loaded around it, the bundled data and other user files."""
    from jobaward.storage.append import Target
    from jobaward.storage.paths import default_user_file, user_files

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
    if re.fullmatch(r"-?[0-9]+", cleaned):
        return int(cleaned)
    try:
        parsed = float(cleaned)
    except ValueError:
        raise UsageProblem("bad_number", option=option, value=text) from None
    if not math.isfinite(parsed):
        raise UsageProblem("not_finite", option=option, value=text)
    return parsed


def won_amount(text: str | None, option: str) -> int | None:
    """An amount of won in any form jobaward prints it (output/text.parse_won)."""
    from jobaward.output.text import parse_won

    if text is None:
        return None
    parsed = parse_won(text)
    if parsed is None:
        raise UsageProblem("bad_amount", option=option, value=text)
    return parsed


def government_id(current: Dataset, name: str) -> str:
    from jobaward.query.names import NameIndex, find_government

    return find_government(NameIndex(current), name).government.id


def with_source(current: Dataset, url: str, when: date | None, section: str, record: dict[str, Any]) -> list[Any]:
    """The blocks to append: a new source first when the URL is not yet known, then the record."""
    from jobaward.storage.append import source_for, without_empty

    source_id, source_record = source_for(current, url.strip(), when)
    record["sources"] = [source_id]
    blocks = [("sources", source_record)] if source_record else []
    return [*blocks, (section, without_empty(record))]


def add_record(
    target: Any, path: Path, section: str, decide: Callable[[Dataset], dict[str, Any]], source: Citation
) -> None:
    """Append a record and its source, both decided under the lock from the file as it is then."""
    from jobaward.storage.append import append

    added: list[dict[str, Any]] = []

    def build(current: Dataset) -> list[Any]:
        record = decide(current)
        added[:] = [record]
        return with_source(current, source.url, source.when, section, record)

    append(target, build, waiting(path))
    report_added(section, path, added[0])


def waiting(path: Path) -> Callable[[], None]:
    """What ``add`` says (once, on stderr) while another add holds the file's lock."""
    from jobaward.storage.append import lock_timeout

    def say_waiting() -> None:
        lock = path.with_name(path.name + ".lock")
        echo(message("waiting_for_lock", errors_in_english(), path=lock, seconds=f"{lock_timeout():g}"), err=True)

    return say_waiting


class Citation(NamedTuple):
    url: str
    when: date | None


#: the record kinds ``add`` reports, (Korean, English)
SECTION_WORDS = {"awards": ("수상", "award"), "indicators": ("지표", "indicator"), "sources": ("출처", "source")}


def counted(count: int, noun: str, english: bool) -> str:
    """``2 files`` / ``2개``: a count as the summary line says it."""
    if not english:
        return f"{count}개"
    return f"{count} {noun}{'' if count == 1 else 's'}"


def report_added(section: str, path: Path, record: dict[str, Any]) -> None:
    shown = ", ".join(
        str(record[key])
        for key in ("year", "government", "category", "grade", "indicator")
        if record.get(key) not in (None, "")
    )
    english = errors_in_english()
    word = SECTION_WORDS[section][english]
    echo(message("added_record", english, path=path, section=word, shown=shown))


@add_app.command(
    "award",
    help=say(
        "내 자료 파일에 수상 기록 추가.\n\n"
        "예: jobaward add award --year 2025 --government 강릉시 --category 공시제 --grade 우수상 "
        "--source https://www.asiae.co.kr/article/2025093019095215387 --source-date 2025-09-30",
        "Add an award to your data file.\n\n"
        "Example: jobaward add award --year 2025 --government 강릉시 --category 공시제 --grade 우수상 "
        "--source https://www.asiae.co.kr/article/2025093019095215387 --source-date 2025-09-30",
    ),
)
@reports_errors
def add_award(
    year: Annotated[int, typer.Option("--year", "-y", help=say("수상 연도.", "Award year."), show_default=False)],
    government: Annotated[
        str,
        typer.Option("--government", help=say("예: 강릉시, 부산 중구.", "e.g. 강릉시, 부산 중구."), show_default=False),
    ],
    source: SourceOption,
    category: CategoryOption = None,
    grade: GradeOption = None,
    honor: Annotated[
        str | None,
        typer.Option("--honor", help=say("기사에 적힌 그대로, 예: 국무총리상.", "As printed, e.g. 국무총리상.")),
    ] = None,
    incentive: Annotated[
        str | None,
        typer.Option(
            "--incentive",
            help=say(
                "원: 55000000, 5,500만원, 1억 5천만원 (jobaward가 쓰는 꼴 그대로).",
                "Won: 55000000, 5,500만원 or 1억 5천만원 (as jobaward prints amounts).",
            ),
        ),
    ] = None,
    project: Annotated[
        str | None, typer.Option("--project", help=say("사업명 (우수사업 부문).", "The project's name (우수사업)."))
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note", help=say("출처가 전하는, 적어 둘 만한 내용.", "Anything the source says that needs saying.")
        ),
    ] = None,
    source_date: SourceDateOption = None,
    data: TargetOption = None,
) -> None:
    """Add an award to your data file.

    Example: jobaward add award --year 2025 --government 강릉시 --category 공시제 --grade 우수상
    --source https://www.asiae.co.kr/article/2025093019095215387 --source-date 2025-09-30
    """
    from jobaward.i18n.labels import parse_category, parse_grade
    from jobaward.model import CATEGORIES, GRADES

    chosen_category = choice(category, parse_category, CATEGORIES, "--category")
    chosen_grade = choice(grade, parse_grade, GRADES, "--grade")
    amount = won_amount(incentive, "--incentive")
    cited = Citation(source, iso_date(source_date, "--source-date"))
    target, path = target_for(data)

    def decide(current: Dataset) -> dict[str, Any]:
        return {
            "year": year,
            "government": government_id(current, government),
            "category": chosen_category,
            "grade": chosen_grade,
            "honor": canonical_honor(honor) if honor else None,
            "incentive": amount,
            "project": project,
            "note": note,
        }

    add_record(target, path, "awards", decide, cited)


@add_app.command(
    "indicator",
    help=say(
        "내 자료 파일에 고용 지표 추가 (이전 → 이후, 또는 값 하나).\n\n"
        "예: jobaward add indicator --government 강릉시 --indicator 고용률 --unit % --after 68.7 "
        "--after-period 2024 --source https://www.asiae.co.kr/article/2025093019095215387",
        "Add an employment indicator (before → after, or one value) to your data file.\n\n"
        "Example: jobaward add indicator --government 강릉시 --indicator 고용률 --unit % --after 68.7 "
        "--after-period 2024 --source https://www.asiae.co.kr/article/2025093019095215387",
    ),
)
@reports_errors
def add_indicator(
    government: Annotated[
        str, typer.Option("--government", help=say("예: 강릉시.", "e.g. 강릉시."), show_default=False)
    ],
    indicator: Annotated[
        str,
        typer.Option(
            "--indicator", "-i", help=say("예: 취업자수, 고용률.", "e.g. 취업자수, 고용률."), show_default=False
        ),
    ],
    unit: Annotated[str, typer.Option("--unit", help=say("명, %, 개, 원, …", "명, %, 개, 원, …"), show_default=False)],
    source: SourceOption,
    before: Annotated[
        str | None,
        typer.Option("--before", help=say("이전 값 (기사에 적힌 그대로).", "The earlier value, as printed.")),
    ] = None,
    before_period: Annotated[str | None, typer.Option("--before-period", help=say("예: 2021.", "e.g. 2021."))] = None,
    after: Annotated[
        str | None, typer.Option("--after", help=say("이후 값 (값이 하나면 그 값).", "The later (or only) value."))
    ] = None,
    after_period: Annotated[str | None, typer.Option("--after-period", help=say("예: 2022.", "e.g. 2022."))] = None,
    benchmark: Annotated[
        str | None,
        typer.Option("--benchmark", help=say("출처가 함께 준 비교 값.", "A comparison value the source gives.")),
    ] = None,
    benchmark_label: Annotated[
        str | None, typer.Option("--benchmark-label", help=say("예: 전국 평균 (2021).", "e.g. 전국 평균 (2021)."))
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help=say("예: 수치가 이상해 보이는 까닭.", "e.g. why a figure looks odd."))
    ] = None,
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


@add_app.command(
    "source",
    help=say(
        "뒤의 기록들이 가리킬 출처 추가. 예: jobaward add source --url URL --publisher 아시아경제",
        "Add a source, to be named by later records.  Example: jobaward add source --url URL --publisher 아시아경제",
    ),
)
@reports_errors
def add_source(
    url: Annotated[str, typer.Option("--url", help=say("기사 주소.", "The article's address."), show_default=False)],
    publisher: Annotated[
        str, typer.Option("--publisher", help=say("예: 아시아경제.", "e.g. 아시아경제."), show_default=False)
    ],
    when: Annotated[
        str | None, typer.Option("--date", help=say("게재일, YYYY-MM-DD.", "Publication date, YYYY-MM-DD."))
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help=say("기사 제목.", "The headline."))] = None,
    data: TargetOption = None,
) -> None:
    """Add a source, to be named by later records.  Example: jobaward add source --url URL --publisher 아시아경제"""
    from jobaward.storage.append import append, source_for, without_empty

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

    append(target, build, waiting(path))
    echo(message("added_source", errors_in_english(), path=path, id=added[0]))
