"""Rich views for people: tables with Korean (or English) labels.

Every string that comes from the data goes through ``cell`` (a ``Text``), so it is never read
as Rich markup and carries no control codes.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO

from rich import box
from rich.bar import Bar
from rich.columns import Columns
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.table import Table
from rich.text import Text

from ..insight import Count, Coverage, Movement, Stats
from ..labels import Labels
from ..model import Award, Government, Indicator, Source
from ..query import AwardRow, IndicatorRow, Profile, Totals
from . import text as fmt

BAR_WIDTH = 10


def cell(value: str, style: str = "") -> Text:
    return Text(fmt.printable(value), style=style)


#: Columns that wrap; every other column (names, grades, figures) stays on one line.
WRAPPING = frozenset({"honor", "project", "note", "benchmark", "source", "indicator"})


Column = tuple[str, JustifyMethod]


def new_table(labels: Labels, columns: Sequence[Column], ascii_box: bool = False) -> Table:
    """A table whose columns are (label key, justify) pairs."""
    table = Table(box=box.ASCII if ascii_box else box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for key, justify in columns:
        table.add_column(
            labels.ui(key),
            justify=justify,
            overflow="fold",
            no_wrap=key not in WRAPPING,
        )
    return table


def government_cell(row: AwardRow, labels: Labels) -> Text:
    name = cell(labels.name(row.government))
    if row.renamed_since and not labels.english:
        name.append(" " + labels.name_then(row.name_then), style="dim")
    return name


def province_cell(province: Government | None, labels: Labels) -> Text:
    """The short form (강원) in Korean, the English name otherwise; empty for a 광역 row."""
    if province is None:
        return Text("")
    return cell(province.name_en if labels.english else province.id)


def year_cell(award: Award, labels: Labels) -> Text:
    """The award's year; one that rests on a later report's stated streak is marked as inferred."""
    if award.year_inferred:
        return cell(f"{award.year} {labels.ui('year_inferred')}", "dim")
    return cell(str(award.year))


def incentive_cell(incentive: int | None, labels: Labels) -> Text:
    return cell(fmt.won(incentive, labels.english) if incentive is not None else "")


def awards_view(rows: Sequence[AwardRow], totals: Totals, labels: Labels) -> RenderableType:
    table = new_table(
        labels,
        [
            ("year", "left"),  # a year may read "2013 추정"
            ("government", "left"),
            ("province", "left"),
            ("category", "left"),
            ("grade", "left"),
            ("honor", "left"),
            ("incentive", "right"),
            ("project", "left"),
        ],
    )
    for row in rows:
        award = row.award
        table.add_row(
            year_cell(award, labels),
            government_cell(row, labels),
            province_cell(row.province, labels),
            cell(labels.category(award.category)),
            cell(labels.grade(award.grade), grade_style(award.grade)),
            cell(labels.honor(award.honor)),
            incentive_cell(award.incentive, labels),
            cell(award.project),
        )
    return Group(table, Text(totals_line(totals, labels)))


def grade_style(grade: str) -> str:
    return {"종합대상": "bold magenta", "대상": "bold yellow", "최우수상": "bold"}.get(grade, "")


def totals_line(totals: Totals, labels: Labels) -> str:
    counted = labels.counted(totals.number, "awards")
    if not totals.with_incentive:
        # "합계 0원" would read as a known zero; no source gave an amount
        return f"{counted}; no incentive amount known" if labels.english else f"{counted} · 인센티브 금액 미상"
    money = fmt.won(totals.incentive, labels.english)
    if labels.english:
        return (
            f"{counted}; total incentive {money} "
            f"(amount known for {totals.with_incentive})"
        )
    known = f"금액이 알려진 {totals.with_incentive}건"
    return f"{counted} · 인센티브 합계 {money} ({known})"


def source_numbers(sources: Sequence[Source]) -> dict[str, int]:
    return {source.id: i for i, source in enumerate(sources, start=1)}


def refs(ids: Sequence[str], numbers: dict[str, int]) -> Text:
    return cell(" ".join(f"[{numbers[i]}]" for i in ids))


def profile_view(profile: Profile, labels: Labels) -> RenderableType:
    numbers = source_numbers(profile.sources)
    parts: list[RenderableType] = [profile_header(profile, labels), Text()]
    if profile.timeline:
        parts += [Text(labels.ui("timeline"), style="bold underline"), timeline_table(profile.timeline, labels), Text()]
    parts.append(Text(labels.ui("awards"), style="bold underline"))
    if profile.awards:
        parts += [profile_awards(profile, labels, numbers), profile_award_summary(profile, labels)]
    else:
        parts.append(Text(labels.ui("no_awards")))
    parts += [Text(), Text(labels.ui("indicators"), style="bold underline")]
    if profile.indicators:
        parts.append(indicators_table(profile.indicators, labels, numbers, with_government=False))
    else:
        parts.append(Text(labels.ui("no_indicators")))
    if profile.sources:
        parts += [Text(), Text(labels.ui("sources"), style="bold underline"), sources_list(profile.sources, labels)]
    return Group(*parts)


def timeline_table(timeline: dict[int, str | None], labels: Labels) -> Table:
    """One column per year: the grade won, or a dash; a streak or a gap shows at a glance."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for year in timeline:
        table.add_column(str(year), justify="center", no_wrap=True)
    table.add_row(
        *(
            cell(labels.short_grade(grade), grade_style(grade or "") if grade is not None else "dim")
            for grade in timeline.values()
        )
    )
    return table


def profile_header(profile: Profile, labels: Labels) -> Text:
    gov = profile.government
    first, second = (gov.name_en, gov.name) if labels.english else (gov.name, gov.name_en)
    header = Text()
    header.append(fmt.printable(first), style="bold")
    header.append(f" ({fmt.printable(second)})")
    place = f"{labels.name(profile.province)} · " if profile.province else ""
    header.append(f"  {fmt.printable(place)}{labels.level(gov.level)}")
    for state in gov.former_names:
        header.append(f"\n{labels.ui('former_names')}: {fmt.printable(state.name or '')} (~{state.until.isoformat()})")
    for state in gov.former:
        if state.province:
            header.append(f"\n{labels.ui('province')}: {fmt.printable(state.province)} (~{state.until.isoformat()})")
    if gov.established:
        header.append(f"\n{labels.ui('established')}: {gov.established.isoformat()}")
    if gov.abolished:
        header.append(f"\n{labels.ui('abolished')}: {gov.abolished.isoformat()}")
    related = (("predecessors", profile.predecessors), ("successors", profile.successors))
    for key, governments in related:
        if governments:
            names = ", ".join(fmt.printable(g.id) for g in governments)
            header.append(f"\n{labels.ui(key)}: {names}")
    if gov.note:
        header.append(f"\n{fmt.printable(gov.note)}", style="dim")
    return header


def profile_awards(profile: Profile, labels: Labels, numbers: dict[str, int]) -> Table:
    table = new_table(
        labels,
        [
            ("year", "left"),  # a year may read "2013 추정"
            ("category", "left"),
            ("grade", "left"),
            ("honor", "left"),
            ("incentive", "right"),
            ("project", "left"),
            ("note", "left"),
            ("source", "left"),
        ],
    )
    for row in profile.awards:
        award = row.award
        then = labels.name_then(row.name_then) if row.renamed_since else ""
        note = "; ".join(part for part in (then, award.note) if part)
        table.add_row(
            year_cell(award, labels),
            cell(labels.category(award.category)),
            cell(labels.grade(award.grade), grade_style(award.grade)),
            cell(labels.honor(award.honor)),
            incentive_cell(award.incentive, labels),
            cell(award.project),
            cell(note, "dim"),
            refs(award.sources, numbers),
        )
    return table


def profile_award_summary(profile: Profile, labels: Labels) -> Text:
    lines = []
    longest = profile.longest_streak
    if longest and longest.length > 1:
        span = f"{longest.start}–{longest.end}"
        lines.append(f"{labels.ui('streak')}: {span} ({labels.years(longest.length)})")
    lines.append(totals_line(profile.totals, labels))
    return Text("\n".join(lines))


def indicators_table(
    rows: Sequence[IndicatorRow],
    labels: Labels,
    numbers: dict[str, int] | None = None,
    with_government: bool = True,
) -> Table:
    columns: list[Column] = [("government", "left"), ("province", "left")] if with_government else []
    columns += [
        ("indicator", "left"),
        ("before", "right"),
        ("after", "right"),
        ("change", "right"),
        ("percent", "right"),
        ("size", "left"),
        ("benchmark", "left"),
        ("note", "left"),
    ]
    if numbers is not None:
        columns.append(("source", "left"))
    table = new_table(labels, columns)
    scale = max((abs(r.change.sort_value) for r in rows if r.change), default=0.0)
    for row in rows:
        indicator = row.indicator
        cells: list[RenderableType] = []
        if with_government:
            cells += [cell(labels.name(row.government)), province_cell(row.province, labels)]
        cells += [
            indicator_cell(indicator, labels),
            cell(fmt.measurement(indicator.before, indicator.unit, labels)),
            cell(fmt.measurement(indicator.after, indicator.unit, labels)),
            cell(fmt.change_text(row.change, indicator.unit, labels), change_style(row)),
            cell(fmt.percent_text(row.change), change_style(row)),
            Text("") if indicator.superseded else change_bar(row, scale),
            benchmark_cell(row, labels),
            cell(indicator.note, "dim"),
        ]
        if numbers is not None:
            cells.append(refs(indicator.sources, numbers))
        table.add_row(*cells)
    return table


def indicator_cell(indicator: Indicator, labels: Labels) -> Text:
    """The indicator's name; another source's print of a figure held once already is marked."""
    name = labels.indicator(indicator.name)
    if indicator.superseded:
        return cell(f"{name} {labels.ui('superseded')}", "dim")
    return cell(name)


def change_style(row: IndicatorRow) -> str:
    if row.change is None or row.change.absolute == 0:
        return ""
    return "green" if row.change.absolute > 0 else "red"


def change_bar(row: IndicatorRow, scale: float) -> RenderableType:
    if row.change is None or not scale:
        return Text("")
    size = min(abs(row.change.sort_value), scale)
    return Bar(size=scale, begin=0, end=size, width=BAR_WIDTH, color=change_style(row) or "white")


def benchmark_cell(row: IndicatorRow, labels: Labels) -> Text:
    benchmark = row.indicator.benchmark
    if benchmark is None:
        return Text("")
    value = fmt.amount(benchmark.value, row.indicator.unit, labels)
    gap = ""
    if row.benchmark_gap is not None:
        gap = f" {fmt.points(row.benchmark_gap)}" if row.indicator.is_rate else f" {fmt.signed(row.benchmark_gap)}"
    return cell(f"{benchmark.label} {value}{gap}")


def sources_list(sources: Sequence[Source], labels: Labels) -> Text:
    lines = []
    for number, source in enumerate(sources, start=1):
        when = source.date.isoformat() if source.date else labels.ui("date_unknown")
        lines.append(f"[{number}] {source.publisher}, {when}: {source.reference}")
    return cell("\n".join(lines))


def compare_view(rows: Sequence[IndicatorRow], labels: Labels) -> RenderableType:
    return Group(indicators_table(rows, labels), Text(labels.counted(len(rows), "indicators")))


def print_view(console: Console, view: RenderableType) -> None:
    console.print(view, markup=False, highlight=False, emoji=False)


#: Width for output that goes to a file or pipe: wide enough that tables keep their natural width.
PIPE_WIDTH = 240


def make_console(
    width: int | None = None, record: bool = False, file: IO[str] | None = None, plain: bool = False
) -> Console:
    """A console for our views. ``plain``: no colour or styles at all (for files).

    Piped output gets a wide page so tables keep their natural width, even when FORCE_COLOR
    makes Rich treat the pipe as a terminal.
    """
    console = Console(
        width=width,
        record=record,
        file=file,
        highlight=False,
        emoji=False,
        markup=False,
        color_system=None if plain else "auto",
        force_terminal=False if plain else None,
    )
    if width is None and "COLUMNS" not in os.environ and not is_tty(file or sys.stdout):
        console.width = PIPE_WIDTH
    return console


def is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def svg_of(view: RenderableType, title: str) -> str:
    """The view as an SVG picture, exactly as wide as it needs to be."""
    width = min(make_console(width=PIPE_WIDTH).measure(view).maximum, PIPE_WIDTH)
    console = make_console(width=max(width, 40), record=True, file=io.StringIO())
    print_view(console, view)
    return console.export_svg(title=title)


def titled(title: str, body: RenderableType) -> Group:
    return Group(Text(title, style="bold underline"), body, Text())


def count_table(labels: Labels, heading: str, counts: Sequence[Count], word: Callable[[str], str]) -> Table:
    table = new_table(labels, [(heading, "left"), ("awards_count", "right")])
    for count in counts:
        table.add_row(cell(word(count.key) if count.key else labels.ui("unstated")), cell(f"{count.awards:,}"))
    return table


def stats_view(stats: Stats, labels: Labels) -> RenderableType:
    title = labels.ui("stats_title").format(year=stats.year) if stats.year else labels.ui("stats_title_all")
    summary = [totals_line(stats.totals, labels)]
    if stats.edition_awarded is not None:
        summary.append(f"{labels.ui('edition_awarded')}: {stats.edition_awarded:,}")
    summary.append(
        f"{labels.ui('held_records')}: {labels.counted(stats.totals.number, 'awards')}, "
        f"{labels.ui('governments_count')} {stats.governments_held:,}"
    )
    if stats.year is not None:
        names = ", ".join(labels.name(g) if labels.english or g.level == "광역" else g.id for g in stats.first_time)
        summary.append(f"{labels.ui('first_time')}: {len(stats.first_time)}" + (f" ({names})" if names else ""))
    parts: list[RenderableType] = [Text(title, style="bold"), cell("\n".join(summary)), Text()]
    parts.append(
        Columns(
            [
                titled(labels.ui("by_category"), count_table(labels, "category", stats.by_category, labels.category)),
                titled(labels.ui("by_grade"), count_table(labels, "grade", stats.by_grade, labels.grade)),
            ],
            padding=(0, 4),
        )
    )
    parts.append(titled(labels.ui("by_province"), province_table(stats, labels)))
    parts.append(titled(labels.ui("streak_board"), streak_board(stats, labels)))
    parts.append(titled(labels.ui("incentive_board"), incentive_board(stats, labels)))
    return Group(*parts)


def province_table(stats: Stats, labels: Labels) -> Table:
    table = new_table(
        labels, [("province", "left"), ("awards_count", "right"), ("governments_count", "right"), ("size", "left")]
    )
    most = max((p.awards for p in stats.by_province), default=0)
    for row in stats.by_province:
        bar = Bar(size=most, begin=0, end=row.awards, width=BAR_WIDTH * 2, color="cyan")
        table.add_row(cell(labels.name(row.province)), cell(f"{row.awards:,}"), cell(f"{row.governments:,}"), bar)
    return table


def streak_board(stats: Stats, labels: Labels) -> Table:
    table = new_table(
        labels,
        [("rank", "right"), ("government", "left"), ("province", "left"), ("years_run", "right"), ("span", "left")],
    )
    for rank, leader in enumerate(stats.streak_leaders, start=1):
        streak = leader.streak
        span = f"{streak.start}–{streak.end}" if streak else ""
        table.add_row(
            cell(str(rank)),
            cell(labels.name(leader.government)),
            province_cell(leader.province, labels),
            cell(str(streak.length) if streak else ""),
            cell(span),
        )
    return table


def incentive_board(stats: Stats, labels: Labels) -> Table:
    table = new_table(
        labels, [("rank", "right"), ("government", "left"), ("province", "left"), ("total_incentive", "right")]
    )
    for rank, leader in enumerate(stats.incentive_leaders, start=1):
        table.add_row(
            cell(str(rank)),
            cell(labels.name(leader.government)),
            province_cell(leader.province, labels),
            cell(fmt.won(leader.incentive, labels.english)),
        )
    return table


def years_view(movements: Sequence[Movement], first: int, second: int, labels: Labels) -> RenderableType:
    table = new_table(
        labels,
        [("government", "left"), ("province", "left"), ("movement", "left"), ("before", "left"), ("after", "left")],
    )
    table.columns[3].header = str(first)
    table.columns[4].header = str(second)
    styles = {"up": "green", "down": "red", "new": "cyan", "gone": "dim"}
    for move in movements:
        table.add_row(
            cell(labels.name(move.government)),
            province_cell(move.province, labels),
            cell(labels.ui(move.kind), styles.get(move.kind, "")),
            cell(labels.short_grade(move.before)),
            cell(labels.short_grade(move.after)),
        )
    title = labels.ui("years_title").format(first=first, second=second)
    return Group(Text(title, style="bold"), table, Text(labels.ui("years_note"), style="dim"))


def coverage_view(rows: Sequence[Coverage], labels: Labels) -> RenderableType:
    table = new_table(
        labels,
        [
            ("year", "right"),
            ("edition_number", "right"),
            ("awarded", "right"),
            ("prizes", "right"),
            ("held", "right"),
            ("records", "right"),
            ("share", "right"),
            ("size", "left"),
        ],
    )
    for row in rows:
        share = row.share
        bar: RenderableType = Text("")
        if share is not None:
            bar = Bar(
                size=100, begin=0, end=min(share, 100), width=BAR_WIDTH, color="green" if share >= 50 else "yellow"
            )
        table.add_row(
            cell(str(row.year)),
            cell(str(row.number) if row.number else ""),
            cell(str(row.awarded) if row.awarded is not None else ""),
            cell(str(row.prizes) if row.prizes is not None else ""),
            cell(str(row.governments_held)),
            cell(str(row.records)),
            cell(f"{share:.0f}%" if share is not None else ""),
            bar,
        )
    return Group(Text(labels.ui("coverage_title"), style="bold"), table, Text(labels.ui("coverage_note"), style="dim"))
