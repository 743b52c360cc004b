"""Rich views for people: tables with Korean (or English) labels.

Every string that comes from the data goes through ``cell`` (a ``Text``), so it is never read
as Rich markup and carries no control codes.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import IO, TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from jobaward.i18n.labels import UI, Labels
from jobaward.model import Award, Government, Indicator, Source
from jobaward.model import Measurement as Figure
from jobaward.output import text as fmt
from jobaward.output.layout import Col, FittedTable, Footnotes, Parts, Trimmed, with_footnotes
from jobaward.query.awards import AwardRow, IndicatorRow, Profile, Totals

if TYPE_CHECKING:  # list, show and compare need no edition statistics (start-up time)
    from jobaward.query.stats import Count, Coverage, Movement, Stats

BAR_WIDTH = 10


def cell(value: str, style: str = "") -> Text:
    return Text(fmt.printable(value), style=style)


def new_table(labels: Labels, columns: Sequence[Col]) -> FittedTable:
    return FittedTable(columns, labels)


def government_cell(row: AwardRow, labels: Labels, province: Government | None = None) -> Parts:
    """The name, and the name it had then (강원도 for 2022): each stays whole when wrapped.

    ``province``: named after the government (``Jung-gu (Daejeon)``) when the name alone is shared.
    """
    then = cell(labels.name_then(row.name_then), "dim") if row.renamed_since and not labels.english else ""
    where = cell(f"({labels.name(province)})", "dim") if province is not None else ""
    return Parts.of(cell(labels.name(row.government)), where, then)


def own_province(
    gov: Government, province: Government | None, labels: Labels, shared: frozenset[str]
) -> Government | None:
    """The province to name after ``gov`` (``Jung-gu (Daejeon)``): in English, when others share its name."""
    return province if labels.english and labels.name(gov) in shared else None


def name_cell(gov: Government, province: Government | None, labels: Labels, shared: frozenset[str]) -> Parts:
    """A name others share with its province: 서울 중구 in Korean, Jung-gu (Seoul) in English."""
    name = cell(labels.name(gov))
    if province is None or labels.name(gov) not in shared:
        return Parts.of(name)
    if labels.english:
        return Parts.of(name, cell(f"({province.name_en})", "dim"))
    return Parts.of(cell(province.id, "dim"), name)


def kept_for_names(names: Iterable[str], labels: Labels, shared: frozenset[str]) -> frozenset[str]:
    """In Korean a shared name (중구) keeps the (narrow) province column: ``{"province"}`` then."""
    return frozenset({"province"}) if not labels.english and any(name in shared for name in names) else frozenset()


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


def awards_view(
    rows: Sequence[AwardRow],
    totals: Totals,
    labels: Labels,
    of: int | None = None,
    keep: frozenset[str] = frozenset(),
    shared: frozenset[str] = frozenset(),
) -> RenderableType:
    """The awards table. Columns named in ``keep`` (filtered or sorted on) are never left out.

    A name others share (``shared``: 중구, Jung-gu) stays unambiguous at any width: in Korean the
    (narrow) province column is kept; in English, where province names are long, the name
    carries its province: ``Jung-gu (Daejeon)``.
    """
    keep = keep | kept_for_names((labels.name(row.government) for row in rows), labels, shared)
    columns = [
        Col("year"),  # left: a year may read "2013 추정"
        Col("government", wrap=True),
        Col("province", priority=1),
        Col("category", priority=1),
        Col("grade"),
        Col("honor", priority=2, wrap=True),
        Col("incentive", "right"),
        Col("project", priority=3, wrap=True, min_width=12),
    ]
    table = new_table(labels, [c._replace(priority=0) if c.key in keep else c for c in columns])
    for row in rows:
        award = row.award
        table.add_row(
            year_cell(award, labels),
            government_cell(row, labels, own_province(row.government, row.province, labels, shared)),
            province_cell(row.province, labels),
            cell(labels.category(award.category)),
            cell(labels.grade(award.grade), grade_style(award.grade)),
            cell(labels.honor(award.honor)),
            incentive_cell(award.incentive, labels),
            cell(award.project),
        )
    summary = totals_line(totals, labels)
    if of is not None and of > len(rows):
        summary += f" (showing {len(rows):,} of {of:,})" if labels.english else f" (전체 {of:,}건 중 {len(rows):,}건)"
    return Group(table, Text(summary))


def grade_style(grade: str) -> str:
    return {"종합대상": "bold magenta", "대상": "bold yellow", "최우수상": "bold"}.get(grade, "")


def totals_line(totals: Totals, labels: Labels) -> str:
    counted = labels.counted(totals.number, "awards")
    if not totals.with_incentive:
        # "합계 0원" would read as a known zero; no source gave an amount
        return f"{counted}; no incentive amount known" if labels.english else f"{counted} · 인센티브 금액 미상"
    money = fmt.won(totals.incentive, labels.english)
    if labels.english:
        return f"{counted}; total incentive {money} (amount known for {totals.with_incentive})"
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
        parts += [Text(labels.ui("timeline"), style="bold underline"), Timeline(profile.timeline, labels), Text()]
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


class Timeline:
    """One slot per year: the year, and under it the grade's mark (or '-'), as many years to a
    line as the width holds; a legend under it explains the marks."""

    SLOT = 4

    def __init__(self, timeline: dict[int, str | None], labels: Labels) -> None:
        self.timeline = timeline
        self.labels = labels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        per_line = max(1, (options.max_width + 1) // (self.SLOT + 1))
        years = list(self.timeline)
        for start in range(0, len(years), per_line):
            chunk = years[start : start + per_line]
            heading, marks = Text(style="bold"), Text()
            for year in chunk:
                grade = self.timeline[year]
                heading.append(f"{year} ")
                mark = self.labels.grade_mark(grade)
                style = grade_style(grade or "") if grade is not None else "dim"
                marks.append(mark.center(self.SLOT - cell_len(mark) + len(mark)) + " ", style)
            heading.rstrip()
            marks.rstrip()
            yield heading
            yield marks
        yield Trimmed(cell(self.labels.mark_legend(set(self.timeline.values())), "dim"))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.SLOT, len(self.timeline) * (self.SLOT + 1) - 1).with_maximum(options.max_width)


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
            names = ", ".join(fmt.printable(labels.name(g) if g.level == "광역" else g.id) for g in governments)
            header.append(f"\n{labels.ui(key)}: {names}")
    if gov.note:
        header.append(f"\n{fmt.printable(government_note(gov, labels))}", style="dim")
    return header


def government_note(gov: Government, labels: Labels) -> str:
    """The data's note; in English, the rename note ("2023-06-11부터 강원특별자치도.") is written
    from the record's fields instead (the last former name's end, the current names)."""
    if not labels.english or not gov.former_names:
        return gov.note
    since = (max(state.until for state in gov.former_names) + timedelta(days=1)).isoformat()
    korean, english = UI["renamed_since"]
    if gov.note != korean.format(day=since, name=gov.name):
        return gov.note
    return english.format(name_en=gov.name_en, name=gov.name, day=since)


def profile_awards(profile: Profile, labels: Labels, numbers: dict[str, int]) -> RenderableType:
    table = new_table(
        labels,
        [
            Col("year"),  # left: a year may read "2013 추정"
            Col("category", priority=1, wrap=True),
            Col("grade"),
            Col("honor", priority=2, wrap=True),
            Col("incentive", "right"),
            Col("project", priority=3, wrap=True, min_width=12),
            Col("note"),
            Col("source", priority=2, wrap=True),
        ],
    )
    notes = Footnotes()
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
            notes.mark(note),
            refs(award.sources, numbers),
        )
    return with_footnotes(table, notes)


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
    shared: frozenset[str] = frozenset(),
) -> RenderableType:
    """Indicators before → after; ``shared``: names several governments go by, shown with their
    province (서울 중구, Jung-gu (Seoul)) as the province column may be left out."""
    columns = [Col("government", wrap=True), Col("province", priority=1)] if with_government else []
    columns += [
        Col("indicator", wrap=True),
        Col("before", "right", wrap=True),
        Col("after", "right", wrap=True),
        Col("change_percent", "right", wrap=True),
        Col("size", priority=3),
        Col("benchmark", priority=2, wrap=True),
    ]
    if numbers is not None:
        columns.append(Col("source", priority=2, wrap=True))
    table = new_table(labels, columns)
    notes = Footnotes()
    scale = max((abs(r.change.sort_value) for r in rows if r.change), default=0.0)
    for row in rows:
        indicator = row.indicator
        cells: list[Text | Parts | RenderableType] = []
        if with_government:
            cells += [name_cell(row.government, row.province, labels, shared), province_cell(row.province, labels)]
        cells += [
            noted(indicator_cell(indicator, labels), notes.mark(indicator.note)),
            measurement_cell(indicator.before, indicator.unit, labels),
            measurement_cell(indicator.after, indicator.unit, labels),
            change_cell(row, indicator.unit, labels),
            Text("") if indicator.superseded else change_bar(row, scale),
            benchmark_cell(row, labels),
        ]
        if numbers is not None:
            cells.append(refs(indicator.sources, numbers))
        table.add_row(*cells)
    return with_footnotes(table, notes)


def noted(text: Text, marker: Text) -> Text:
    """A label with its footnote marker after it: '고용률 *3'."""
    if marker.plain:
        text.append(" ")
        text.append_text(marker)
    return text


def change_cell(row: IndicatorRow, unit: str, labels: Labels) -> Parts:
    """'+5,600 (+5.0%)': the change and, for counts, the percent change; each stays whole."""
    percent = fmt.percent_text(row.change)
    return Parts.of(
        cell(fmt.change_text(row.change, unit, labels), change_style(row)),
        cell(f"({percent})", change_style(row)) if percent else "",
    )


def measurement_cell(m: Figure | None, unit: str, labels: Labels) -> Parts:
    """'112,500명 (2020)': the figure and its period each stay whole."""
    if m is None:
        return Parts.of()
    return Parts.of(cell(fmt.amount(m.value, unit, labels)), cell(f"({labels.period(m.period)})" if m.period else ""))


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
    return bar(size, scale, BAR_WIDTH, change_style(row) or "white")


#: A bar's last, partial cell, in eighths (as rich.bar draws them).
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, scale: float, width: int, color: str) -> Text:
    """``value`` out of ``scale`` as a bar of block characters ``width`` cells long at most."""
    eighths = int(width * 8 * min(max(value, 0), scale) / scale) if scale else 0
    full, rest = divmod(eighths, 8)
    return Text("█" * full + (EIGHTHS[rest] if rest else ""), style=color)


def benchmark_cell(row: IndicatorRow, labels: Labels) -> Parts:
    benchmark = row.indicator.benchmark
    if benchmark is None:
        return Parts.of()
    value = fmt.amount(benchmark.value, row.indicator.unit, labels)
    gap = ""
    if row.benchmark_gap is not None:
        gap = fmt.points(row.benchmark_gap) if row.indicator.is_rate else fmt.signed(row.benchmark_gap)
    return Parts.of(cell(labels.benchmark(benchmark.label)), cell(value), cell(gap))


def sources_list(sources: Sequence[Source], labels: Labels) -> Text:
    lines = []
    for number, source in enumerate(sources, start=1):
        when = source.date.isoformat() if source.date else labels.ui("date_unknown")
        lines.append(f"[{number}] {source.publisher}, {when}: {source.reference}")
    return cell("\n".join(lines))


def compare_view(rows: Sequence[IndicatorRow], labels: Labels, shared: frozenset[str] = frozenset()) -> RenderableType:
    table = indicators_table(rows, labels, shared=shared)
    return Group(table, Text(labels.counted(len(rows), "indicators")))


def print_view(console: Console, view: RenderableType) -> None:
    console.print(trimmed_text(view), markup=False, highlight=False, emoji=False, crop=False)


def trimmed_text(view: RenderableType) -> RenderableType:
    """``view`` with every paragraph of text drawn without the blank Rich leaves where it wraps."""
    if isinstance(view, Text):
        return Trimmed(view)
    if isinstance(view, Group):
        return Group(*(trimmed_text(part) for part in view.renderables))
    return view


#: Width for output that goes to a file or pipe (and for --wide): wide enough that every table
#: keeps every column at its natural width.
PIPE_WIDTH = 320


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
    wide = make_console(width=PIPE_WIDTH, file=io.StringIO())
    lines = wide.render_lines(Trimmed(view), wide.options, pad=False)
    width = max((Segment.get_line_length(line) for line in lines), default=0)
    console = make_console(width=max(width, 40), record=True, file=io.StringIO())
    print_view(console, view)
    return xml_characters(console.export_svg(title=title))


#: Characters XML 1.0 does not allow at all (not even escaped): a data string holding one would
#: make the picture unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_characters(svg: str) -> str:
    return NOT_XML.sub("\ufffd", svg)


def titled(title: str, body: RenderableType) -> Group:
    return Group(Text(title, style="bold underline"), body, Text())


def count_table(labels: Labels, heading: str, counts: Sequence[Count], word: Callable[[str], str]) -> FittedTable:
    table = new_table(labels, [Col(heading, wrap=True), Col("awards_count", "right")])
    for count in counts:
        table.add_row(cell(word(count.key) if count.key else labels.ui("unstated")), cell(f"{count.awards:,}"))
    return table


def stats_view(stats: Stats, labels: Labels, span: str | None = None) -> RenderableType:
    """``span``: the years asked for when they are several (2022..2023), for the title."""
    years = stats.year or span
    title = labels.ui("stats_title").format(year=years) if years else labels.ui("stats_title_all")
    summary = [totals_line(stats.totals, labels)]
    if stats.edition_awarded is not None:
        awarded = labels.ui("edition_awarded_unfiltered" if stats.filtered else "edition_awarded")
        summary.append(f"{awarded}: {stats.edition_awarded:,}")
    summary.append(
        f"{labels.ui('held_records')}: {labels.counted(stats.totals.number, 'awards')}, "
        f"{labels.ui('governments_count')} {stats.governments_held:,}"
    )
    if stats.year is not None:
        names = ", ".join(labels.name(g) if labels.english or g.level == "광역" else g.id for g in stats.first_time)
        summary.append(f"{labels.ui('first_time')}: {len(stats.first_time)}" + (f" ({names})" if names else ""))
    parts: list[RenderableType] = [Text(title, style="bold"), cell("\n".join(summary)), Text()]
    from rich.columns import Columns  # only stats lays two tables side by side

    parts.append(
        Trimmed(
            Columns(
                [
                    titled(
                        labels.ui("by_category"), count_table(labels, "category", stats.by_category, labels.category)
                    ),
                    titled(labels.ui("by_grade"), count_table(labels, "grade", stats.by_grade, labels.grade)),
                ],
                padding=(0, 4),
            )
        )
    )
    parts.append(titled(labels.ui("by_province"), province_table(stats, labels)))
    parts.append(titled(labels.ui("streak_board"), streak_board(stats, labels)))
    parts.append(titled(labels.ui("incentive_board"), incentive_board(stats, labels)))
    return Group(*parts)


def province_table(stats: Stats, labels: Labels) -> FittedTable:
    table = new_table(
        labels,
        [
            Col("province", wrap=True),
            Col("awards_count", "right"),
            Col("governments_count", "right"),
            Col("size", priority=3),
        ],
    )
    most = max((p.awards for p in stats.by_province), default=0)
    for row in stats.by_province:
        table.add_row(
            cell(labels.name(row.province)),
            cell(f"{row.awards:,}"),
            cell(f"{row.governments:,}"),
            bar(row.awards, most, BAR_WIDTH * 2, "cyan"),
        )
    return table


def streak_board(stats: Stats, labels: Labels) -> FittedTable:
    table = new_table(
        labels,
        [
            Col("rank", "right"),
            Col("government", wrap=True),
            Col("province", priority=1),
            Col("years_run", "right"),
            Col("span"),
        ],
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


def incentive_board(stats: Stats, labels: Labels) -> FittedTable:
    table = new_table(
        labels,
        [
            Col("rank", "right"),
            Col("government", wrap=True),
            Col("province", priority=1),
            Col("total_incentive", "right"),
        ],
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
        [
            Col("government", wrap=True),
            Col("province", priority=1),
            Col("movement", wrap=True),
            Col("before", header=str(first)),
            Col("after", header=str(second)),
        ],
    )
    styles = {"up": "green", "down": "red", "new": "cyan", "gone": "dim"}
    for move in movements:
        table.add_row(
            cell(labels.name(move.government)),
            province_cell(move.province, labels),
            cell(labels.ui(move.kind), styles.get(move.kind, "")),
            cell(labels.grade_or_none(move.before)),
            cell(labels.grade_or_none(move.after)),
        )
    title = labels.ui("years_title").format(first=first, second=second)
    return Group(Text(title, style="bold"), table, Text(labels.ui("years_note"), style="dim"))


def awarded_text(row: Coverage) -> str:
    """The governments awarded, or the bounds the sources give (58–68), or blank."""
    if row.awarded is not None:
        return str(row.awarded)
    return f"{row.bounds[0]}–{row.bounds[1]}" if row.bounds else ""


def share_text(row: Coverage) -> str:
    if row.share is not None:
        return f"{row.share:.0f}%"
    bounds = row.share_bounds
    return f"{bounds[0]:.0f}–{bounds[1]:.0f}%" if bounds else ""


def coverage_view(rows: Sequence[Coverage], labels: Labels) -> RenderableType:
    table = new_table(
        labels,
        [
            Col("year", "right"),
            Col("edition_number", "right"),
            Col("awarded", "right"),
            Col("prizes", "right"),
            Col("held", "right"),
            Col("records", "right"),
            Col("share", "right"),
            Col("size", priority=3),
        ],
    )
    for row in rows:
        share = row.share
        size = Text("")
        if share is not None:
            size = bar(share, 100, BAR_WIDTH, "green" if share >= 50 else "yellow")
        table.add_row(
            cell(str(row.year)),
            cell(str(row.number) if row.number else ""),
            cell(awarded_text(row)),
            cell(str(row.prizes) if row.prizes is not None else ""),
            cell(str(row.governments_held)),
            cell(str(row.records)),
            cell(share_text(row)),
            size,
        )
    return Group(Text(labels.ui("coverage_title"), style="bold"), table, Text(labels.ui("coverage_note"), style="dim"))
