"""Rich views of the official statistics, on the layout piece (render/layout.py): columns in
priority order, figures and periods never cut, marks as numbered footnotes, explanations and the
KOSIS credit as paragraphs under the table that wrap to the terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from jobaward.i18n.labels import Labels
from jobaward.model import ALL_AGES, NATIONAL, REGIONAL, Government
from jobaward.output import text as fmt
from jobaward.output.layout import Col, FittedTable, Footnotes, Parts
from jobaward.query.official import Around, EditionSummary, OfficialChange
from jobaward.storage.kosis_files import CREDIT, CREDIT_EN


def credit(survey: str, labels: Labels) -> str:
    return (CREDIT_EN if labels.english else CREDIT)[survey]


def notes(*lines: str) -> Group:
    """Paragraphs under a table, each wrapped to the terminal (between words)."""
    return Group(*(Text(line, style="dim") for line in lines))


def with_footnotes(table: FittedTable, marks: Footnotes) -> RenderableType:
    return Group(table, marks.text()) if marks.notes else table


def age_word(age: str, labels: Labels) -> str:
    if age == ALL_AGES:
        return "15+" if labels.english else "전체"
    return "15–64"


def points(change: float | None) -> str:
    """A change in %p with one decimal (two where a median needs them): +1.0, -0.35, 0.0."""
    if change is None:
        return ""
    text = f"{change:+.2f}"
    text = text[:-1] if text.endswith("0") else text
    return "0.0" if float(text) == 0 else text


def gap_style(gap: float | None) -> str:
    return "" if not gap else ("green" if gap > 0 else "red")


def figure(text: str, style: str = "") -> Text:
    return Text(fmt.printable(text), style=style)


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float | None]) -> str:
    """One character a period, low to high; a blank where nothing was published."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1.0
    return "".join(" " if v is None else SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def spark_block(around: Around, labels: Labels) -> Text:
    """The whole series in one line, award years marked under it, its range on a line of its own."""
    periods = [period for period, _ in around.spark]
    known = [(p, v) for p, v in around.spark if v is not None]
    first, last = periods[0], periods[-1]
    line = Text(f"{first} ")
    line.append(sparkline([v for _, v in around.spark]), style="cyan")
    line.append(f" {last}")
    if around.award_years:
        marks = "".join("▲" if int(p[:4]) in around.award_years else " " for p in periods)
        line.append("\n" + " " * (len(first) + 1) + marks.rstrip() + "  " + labels.ui("spark_legend"), style="dim")
    span = f"{fmt.number(known[0][1])} → {fmt.number(known[-1][1])}% " if known else ""
    line.append(f"\n{' ' * (len(first) + 1)}{span}({age_word(around.spark_age, labels)})", style="dim")
    return line


def around_section(around: Around, labels: Labels) -> RenderableType:
    with_employed = any(row.employed for row in around.rows)  # the annual 시·도 series has no 취업자
    columns = [
        Col("period"),
        Col("age", priority=1),
        Col("rate", "right"),
        Col("official_benchmark", priority=2),
        Col("gap", "right", priority=1),
    ]
    with_unemployment = any(row.unemployment for row in around.rows)  # only the 시·도 survey has 실업률
    columns += [Col("employed", "right", priority=3)] if with_employed else []
    columns += [Col("unemployment", "right", priority=3)] if with_unemployment else []
    table = FittedTable(columns, labels)
    marks = Footnotes()
    for row in around.rows:
        high = marks.mark(labels.ui("high_rse")) if row.high_rse else ""
        bench = Parts.of(bench_name(row.benchmark_id, labels), figure(row.benchmark)) if row.benchmark else Parts.of()
        table.add_row(
            Parts.of(figure(row.period, "bold" if row.award_year else ""), Text("▲", "dim") if row.award_year else ""),
            Text(age_word(row.age, labels)),
            Parts.of(figure(row.value), high),
            bench,
            Text(points(row.gap), style=gap_style(row.gap)),
            *([figure(row.employed)] if with_employed else []),
            *([figure(row.unemployment)] if with_unemployment else []),
        )
    notes_above = [labels.ui("age_note"), labels.ui("benchmark_note")] if around.rows else []
    notes_above += [labels.ui("unemployment_note")] if with_unemployment else []
    surveys = [around.survey]
    surveys += [NATIONAL] if around.rows else []  # the 시·도 figures beside the rows
    if around.absorbed:
        spans = ", ".join(f"{fmt.printable(s.label)} {s.start}–{s.end}" for s in around.absorbed)
        notes_above.append(f"{labels.ui('absorbed')} {spans}")
        surveys.append(REGIONAL)
    lines = notes_above + [credit(survey, labels) for survey in dict.fromkeys(surveys)]
    parts: list[RenderableType] = [Text(labels.ui("official"), style="bold underline"), spark_block(around, labels)]
    if around.rows:
        parts.append(with_footnotes(table, marks))
    return Group(*parts, notes(*lines))


def bench_name(gov_id: str, labels: Labels) -> str:
    """The short Korean form (강원, 전국) before the figure; English shows the figure alone."""
    return "" if labels.english else gov_id


def short_period(period: str) -> str:
    """``2021-H2`` → ``21H2``; ``2021`` → ``2021``."""
    year, _, half = period.partition("-H")
    return f"{year[2:]}H{half}" if half else year


def government_cell(change: OfficialChange, labels: Labels) -> Parts:
    """'전남 여수시' (or 'Yeosu-si'): each word stays whole when the column wraps."""
    name = change.government.name_en if labels.english else change.government.id
    return Parts.of(*(figure(part) for part in name.split()))


def province_cell(change: OfficialChange, labels: Labels, provinces: Mapping[str, Government]) -> Text:
    """English only (one Jung-gu from another); the Korean name already starts with it (서울 중구)."""
    province = provinces.get(change.government.province or "") if labels.english else None
    return figure(province.name_en if province else "")


def changes_view(
    rows: Sequence[OfficialChange],
    news: RenderableType | None,
    window: str,
    labels: Labels,
    edition: int | None = None,
    provinces: Mapping[str, Government] | None = None,
) -> RenderableType:
    """``compare``: each award's official before/after; ``edition`` names the edition picked for
    a bare ``compare``; the news figures (``news``) follow, marked as such. ``provinces``: the
    광역 governments by id, for the English names."""
    table = FittedTable(
        [
            Col("year", "right"),
            Col("government", wrap=True),
            # the comparison (peers, difference) matters more than a long English grade
            Col("grade", priority=2 if labels.english else 0),
            Col("before", "right"),
            Col("after", "right"),
            Col("change", "right"),
            Col("peers", "right", priority=1),
            Col("versus", "right"),  # the difference from the peers: the comparison itself
            Col("period", priority=3),
            Col("province", priority=3),  # empty (so left out) in Korean
        ],
        labels,
    )
    marks = Footnotes()
    for row in rows:
        all_ages = marks.mark(labels.ui("all_ages_mark")) if row.age == ALL_AGES else ""
        high = marks.mark(labels.ui("rse_mark")) if row.high_rse else ""
        table.add_row(
            Text(str(row.year)),
            government_cell(row, labels),
            figure(labels.grade(row.grade) if row.grade else ""),
            figure(row.before),
            Parts.of(figure(row.after), all_ages, high),
            Text(points(row.change), style=gap_style(row.change)),
            Text(points(row.peers_change)),
            Text(points(row.versus_peers), style=gap_style(row.versus_peers)),
            Text(f"{short_period(row.before_period)}→{short_period(row.after_period)}"),
            province_cell(row, labels, provinces or {}),
        )
    surveys = dict.fromkeys(row.survey for row in rows)
    lines = [labels.ui(f"window_{window}"), labels.ui("peers_note")]
    lines += [credit(survey, labels) for survey in surveys]
    parts: list[RenderableType] = [Text(labels.ui("official_changes"), style="bold underline")]
    if edition is not None:
        parts.append(Text(labels.ui("newest_edition").format(year=edition)))
    parts += [with_footnotes(table, marks), notes(*lines)]
    if news is not None:
        parts += [Text(), Text(labels.ui("news"), style="bold underline"), news]
    return Group(*parts)


def summary_view(rows: Sequence[EditionSummary], labels: Labels) -> RenderableType:
    median = labels.ui("median")
    table = FittedTable(
        [
            Col("year", "right"),
            Col("winners", "right"),
            Col("winners_median", "right", header=median),
            Col("others", "right"),
            Col("others_median", "right", header=median),
            Col("gap", "right"),
            Col("age", priority=1),
            Col("period", priority=2),
        ],
        labels,
    )
    for row in rows:
        table.add_row(
            Text(str(row.year)),
            Text(str(row.winners)),
            Text(points(row.winners_median)),
            Text(str(row.others)),
            Text(points(row.others_median)),
            Text(points(row.gap), style=gap_style(row.gap)),
            Text(age_word(row.age, labels)),
            Text(f"{short_period(row.window.start)}→{short_period(row.window.end)}"),
        )
    return Group(
        Text(labels.ui("summary"), style="bold underline"),
        table,
        notes(labels.ui("window_before")),
        Text(labels.ui("caveat")),
        notes(credit(REGIONAL, labels)),
    )
