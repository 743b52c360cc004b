"""The options commands share, declared once: filters, output, data files and language."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, TypeVar

import typer

from jobaward.cli.help_text import say
from jobaward.errors import JobawardError, UsageProblem
from jobaward.output.emit import Format

if TYPE_CHECKING:
    from jobaward.model import Dataset
    from jobaward.query.awards import AwardFilter

R = TypeVar("R")

#: The filters' combination rule, said in every filtering command's help.
FILTER_RULE = say(
    "필터: 같은 옵션을 여러 번 주면 그중 하나라도 (OR), 서로 다른 옵션은 모두 (AND) 맞아야 함.",
    "Filters: a repeated option accepts any of its values (OR); different options must all match (AND).",
)


def complete_years(incomplete: str) -> list[str]:
    """The years the data holds an edition or an award for (newest first)."""
    from jobaward.query.awards import years_held

    dataset = completion_data()
    return [str(year) for year in reversed(years_held(dataset))] if dataset is not None else []


def complete_categories(incomplete: str) -> list[str]:
    from jobaward.model import CATEGORIES

    return list(CATEGORIES)


def complete_grades(incomplete: str) -> list[str]:
    from jobaward.model import GRADES

    return list(GRADES)


def complete_levels(incomplete: str) -> list[str]:
    from jobaward.model import LEVELS

    return list(LEVELS)


def complete_kinds(incomplete: str) -> list[str]:
    """시, 군, 구 and their long and English forms (not the ids JSON uses)."""
    from jobaward.i18n.labels import KIND_WORDS

    return [form for kind, words in KIND_WORDS.items() for form in words if form != kind]


def complete_provinces(incomplete: str) -> list[str]:
    """The 광역: short ids (강원), full names (강원특별자치도) and English names."""
    dataset = completion_data()
    if dataset is None:
        return []
    return [form for gov in dataset.governments if gov.level == "광역" for form in (gov.id, gov.name, gov.name_en)]


CategoryOption = Annotated[
    str | None,
    typer.Option("--category", "-c", help=say("공시제, 우수사업, … (영어도 가능)", "공시제, 우수사업, … or English.")),
]
GradeOption = Annotated[
    str | None,
    typer.Option(
        "--grade",
        "-g",
        help=say(
            "종합대상, 대상, 최우수상, 우수상, 특별상 (영어도 가능)",
            "종합대상, 대상, 최우수상, 우수상, 특별상 or English.",
        ),
    ),
]
YearFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--year",
        "-y",
        help=say(
            "수상 연도(2023)나 범위(2019..2023); 여러 번 가능.",
            "Award year (2023) or range (2019..2023); repeatable.",
        ),
        show_default=False,
        autocompletion=complete_years,
    ),
]
CategoryFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        help=say(
            "공시제, 우수사업, 경진대회 (부문이 그 세부 부문도 포함; 영어도 가능); 여러 번 가능.",
            "공시제, 우수사업, 경진대회 (a category includes its sections) or English; repeatable.",
        ),
        show_default=False,
        autocompletion=complete_categories,
    ),
]
GradeFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--grade",
        "-g",
        help=say(
            "종합대상, 대상, 최우수상, 우수상, 특별상 (영어도 가능); 여러 번 가능.",
            "종합대상, 대상, 최우수상, 우수상, 특별상 or English; repeatable.",
        ),
        show_default=False,
        autocompletion=complete_grades,
    ),
]
ProvinceFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--province",
        "-p",
        help=say("광역: 강원, 강원도, Gangwon; 여러 번 가능.", "A 광역: 강원, 강원도, Gangwon; repeatable."),
        show_default=False,
        autocompletion=complete_provinces,
    ),
]
LevelFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--level",
        help=say("광역 또는 기초.", "광역 (provincial) or 기초 (municipal)."),
        show_default=False,
        autocompletion=complete_levels,
    ),
]
KindFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        help=say(
            "기초의 종류: 시 (도의 시), 군 (도의 군), 구 (특·광역시 자치구·군); 여러 번 가능.",
            "Kind of 기초: 시 (city of a 도), 군 (county of a 도), 구 (district or county of a "
            "metropolitan city); city, county, district also work; repeatable.",
        ),
        show_default=False,
        autocompletion=complete_kinds,
    ),
]
ProjectFilter = Annotated[
    list[str] | None,
    typer.Option(
        "--project",
        help=say("사업명에 든 말, 예: 청년; 여러 번 가능.", "Words in the project name, e.g. 청년; repeatable."),
        show_default=False,
    ),
]
NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help=say(
            "화면보다 긴 표도 페이저 (JOBAWARD_PAGER, PAGER, less -FRX) 없이 출력.",
            "Never page a table taller than the screen (pager: JOBAWARD_PAGER, PAGER or less -FRX).",
        ),
    ),
]


class TypedFilters(NamedTuple):
    """The shared filters as typed on list, compare and stats: each the values given, or None."""

    year: list[str] | None = None
    category: list[str] | None = None
    grade: list[str] | None = None
    province: list[str] | None = None
    level: list[str] | None = None
    kind: list[str] | None = None
    project: list[str] | None = None

    def resolved(self, dataset: Dataset) -> AwardFilter:
        """Checked and folded into one AwardFilter; a year the data holds no edition or award for
        is a usage error (cli/root.require_held)."""
        from jobaward.cli.root import parse_years, require_held
        from jobaward.i18n.labels import KIND_WORDS, parse_category, parse_grade, parse_kind, parse_level
        from jobaward.model import CATEGORIES, GRADES, LEVELS
        from jobaward.query.awards import AwardFilter
        from jobaward.query.names import NameIndex, find_province

        require_held(dataset, self.year)
        provinces = None
        if self.province:
            index = NameIndex(dataset)
            provinces = frozenset(find_province(index, value).id for value in self.province)
        projects = tuple(p.strip() for p in self.project or () if p.strip()) or None
        return AwardFilter(
            years=parse_years(self.year),
            categories=choices(self.category, parse_category, CATEGORIES, "--category"),
            grades=choices(self.grade, parse_grade, GRADES, "--grade"),
            provinces=provinces,
            levels=choices(self.level, parse_level, LEVELS, "--level"),
            kinds=choices(self.kind, parse_kind, tuple(words[0] for words in KIND_WORDS.values()), "--kind"),
            projects=projects,
        )


#: A command's ``filters`` default (with_filters always passes the typed ones).
NO_FILTERS = TypedFilters()

#: The option of each shared filter, in TypedFilters' order (the order --help lists them).
FILTER_OPTIONS: dict[str, object] = {
    "year": YearFilter,
    "category": CategoryFilter,
    "grade": GradeFilter,
    "province": ProvinceFilter,
    "level": LevelFilter,
    "kind": KindFilter,
    "project": ProjectFilter,
}


def with_filters(command: Callable[..., R]) -> Callable[..., R]:
    """Give a command the shared filter options in place of its ``filters: TypedFilters``
    parameter: declared once here, handed to the command as one TypedFilters.

    Typer builds a command's options from its signature, so the wrapper carries one with the
    filters spelt out (``__signature__``, with their annotations for ``get_type_hints``).
    """
    signature = inspect.signature(command, eval_str=True)
    params = list(signature.parameters.values())
    at = [param.name for param in params].index("filters")
    added = [
        inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=option)
        for name, option in FILTER_OPTIONS.items()
    ]
    spelt_out = signature.replace(parameters=[*params[:at], *added, *params[at + 1 :]])

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> R:
        typed = TypedFilters(*(kwargs.pop(name, None) for name in FILTER_OPTIONS))
        return command(*args, filters=typed, **kwargs)

    wrapper.__signature__ = spelt_out  # type: ignore[attr-defined]
    wrapper.__annotations__ = {param.name: param.annotation for param in spelt_out.parameters.values()}
    return wrapper


def choices(
    values: list[str] | None, parse: Callable[[str], str | None], valid: tuple[str, ...], option: str
) -> frozenset[str] | None:
    """Each value of a repeated option parsed (the first unknown one is a usage error); None for none."""
    from jobaward.cli.root import choice

    if not values:
        return None
    return frozenset(str(choice(value, parse, valid, option)) for value in values)


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help=say("table(기본), json, csv, tsv.", "table (default), json, csv or tsv."),
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel",
        help=say(
            "엑셀용 CSV (BOM이 붙은 UTF-8: 한글이 깨지지 않음).", "CSV as UTF-8 with a BOM, so Excel reads Hangul."
        ),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        dir_okay=False,
        help=say("표준 출력 대신 FILE에 쓰기 (원자적 쓰기).", "Write to FILE (atomically) instead of stdout."),
    ),
]
SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        dir_okay=False,
        help=say("표를 SVG 그림으로 FILE에도 저장.", "Also save the table as an SVG picture in FILE."),
    ),
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        "-w",
        help=say(
            "표가 넓어져도 모든 열 표시 (less -S로 보기).", "Every column, however wide the table gets (for less -S)."
        ),
    ),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,…",
        help=say(
            "json, csv, tsv에서 이 키만 이 순서로 (예: year,government,grade; docs/output.md).",
            "In json, csv and tsv, only these keys, in this order (e.g. year,government,grade; docs/output.md).",
        ),
        show_default=False,
    ),
]
DataOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        help=say(
            "내장 자료 위에 덧붙여 읽을 사용자 자료 파일 (여러 번 가능).",
            "A user data file loaded on top of the bundled data (repeatable).",
        ),
        show_default=False,
    ),
]
NoBundledOption = Annotated[
    bool,
    typer.Option(
        "--no-bundled",
        help=say("내장 자료 없이 --data 파일만 사용.", "Use only the files given with --data, not the bundled data."),
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help=say(
            "표시 언어: ko(기본) 또는 en. JOBAWARD_LANG이나 영어 로캘로도 정함.",
            "Label language: ko (default) or en. Also JOBAWARD_LANG or an English locale.",
        ),
        show_default=False,
    ),
]
OfficialOption = Annotated[
    bool,
    typer.Option(
        "--official",
        help=say(
            "통계청 (KOSIS) 공식 고용률 (보도 수치 대신).",
            "Official 고용률 from 통계청 (KOSIS) instead of news figures.",
        ),
    ),
]
WindowOption = Annotated[
    str | None,
    typer.Option(
        "--window",
        help=say(
            "before (기본: Y-2년 하반기 → Y-1년 하반기) 또는 after (Y-1년 하반기 → Y+1년 하반기).",
            "before (default: H2 of Y-2 → H2 of Y-1) or after (H2 of Y-1 → H2 of Y+1).",
        ),
        show_default=False,
    ),
]


def complete_government(incomplete: str) -> list[str]:
    """Shell completion (runs on every TAB): names, ids and English names extending what was typed.

    Typer keeps only values that start with the typed text, so the user's own prefix is kept
    (``gangn`` → ``gangneung-si``).
    """
    from jobaward.output.text import printable

    dataset = completion_data()
    if dataset is None:
        return []
    governments = dataset.governments
    typed = incomplete.casefold()
    found = {
        incomplete + form[len(incomplete) :]
        for gov in governments
        for form in (gov.name, gov.id, gov.name_en, *(s.name for s in gov.former_names if s.name))
        if form.casefold().startswith(typed) and printable(form) == form  # no escape codes into the shell
    }
    return sorted(found)


def completion_data() -> Dataset | None:
    """The data a completion offers values from (bundled + user files), or None when it cannot load."""
    from jobaward.cli.root import load_data

    try:
        return load_data()
    except JobawardError:
        return None


def parse_window(window: str | None) -> str:
    from jobaward.query.official import WINDOWS

    chosen = (window or "before").strip().lower()
    if chosen not in WINDOWS:
        raise UsageProblem("unknown_value", option="--window", value=window, valid=", ".join(WINDOWS))
    return chosen


#: Characters bash would read as syntax in an inserted completion (a space splits the word).
SHELL_SPECIALS = frozenset(" \t\n'\"\\$`!&;|<>()[]{}*?#~")


def shell_word(value: str) -> str:
    """``인천 남동구`` → ``인천\\ 남동구``: one argument when bash inserts it as typed."""
    return "".join("\\" + char if char in SHELL_SPECIALS else char for char in value)


def use_escaping_bash_completion() -> None:
    """Bash inserts completions verbatim (Typer prints them raw): escape them, so a multi-word
    name stays one argument. Zsh and fish quote what they insert themselves."""
    from typer._click.shell_completion import CompletionItem, add_completion_class
    from typer._completion_classes import BashComplete

    class EscapingBashComplete(BashComplete):
        def format_completion(self, item: CompletionItem) -> str:
            return shell_word(item.value)

    add_completion_class(EscapingBashComplete, "bash")
