"""Rich views of the official statistics, on the layout piece (render/layout.py): columns in
priority order, figures and periods never cut, marks as numbered footnotes, explanations and the
KOSIS credit as paragraphs under the table that wrap to the terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from jobaward.i18n.labels import Labels, survey_name
from jobaward.i18n.messages import message
from jobaward.model import ALL_AGES, COVERED_SHARE, NATIONAL, REGIONAL, WORKING_AGE, YOUTH, Government
from jobaward.output import text as fmt
from jobaward.output.layout import Col, FittedTable, Footnotes, Parts, with_footnotes
from jobaward.query.bootstrap import RESAMPLES
from jobaward.query.official import (
    SHOWN_AGES,
    AgeFigure,
    Around,
    AroundRow,
    Break,
    Dropped,
    EditionSummary,
    OfficialChange,
)
from jobaward.query.official_status import PeriodCoverage
from jobaward.storage.kosis_files import CREDIT, CREDIT_EN


def credit(survey: str, labels: Labels) -> str:
    return (CREDIT_EN if labels.english else CREDIT)[survey]


def notes(*lines: str) -> Group:
    """Paragraphs under a table, each wrapped to the terminal (between words)."""
    return Group(*(Text(line, style="dim") for line in lines))


def age_word(age: str, labels: Labels) -> str:
    if age == ALL_AGES:
        return "15+" if labels.english else "전체"
    return "15–64"


def points(change: float | None) -> str:
    """A change in %p with one decimal, halves rounded away from zero: +1.0, -0.4, 0.0."""
    if change is None:
        return ""
    from decimal import ROUND_HALF_UP, Decimal

    rounded = Decimal(repr(change)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return "0.0" if rounded == 0 else f"{rounded:+}"


def one_decimal(text: str) -> str:
    """A published figure with its decimal: KOSIS prints 70.0 as ``70``; marks pass unchanged."""
    try:
        return f"{float(text):.1f}"
    except ValueError:
        return text


def gap_style(gap: float | None) -> str:
    return "" if not gap else ("green" if gap > 0 else "red")


def figure(text: str, style: str = "") -> Text:
    return Text(fmt.printable(text), style=style)


def rate(text: str, style: str = "") -> Text:
    """A published rate or 천명 figure, always with one decimal."""
    return figure(one_decimal(text), style)


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
        line.append("\n" + " " * (len(first) + 1) + marks.rstrip(), style="dim")
    span = f"{known[0][1]:.1f} → {known[-1][1]:.1f}% " if known else ""
    line.append(f"\n{' ' * (len(first) + 1)}{span}({age_word(around.spark_age, labels)})", style="dim")
    if around.award_years:
        line.append(f"\n{' ' * (len(first) + 1)}{labels.ui('spark_legend')}", style="dim")
    return line


def around_section(around: Around, labels: Labels, names: Mapping[str, str] | None = None) -> RenderableType:
    """Each period of the years around the awards: all ages and 15–64세 side by side, each beside
    the same survey's 시·도 (광역: 전국) figure of the same period and age; 청년 and 취업자 after."""
    rows = around.rows
    has = {age: any(row.of(age) for row in rows) for age in SHOWN_AGES}
    has_employed = {age: any(f.employed for row in rows for f in row.figures if f.age == age) for age in SHOWN_AGES}
    with_unemployment = any(row.unemployment for row in rows)  # only the 시·도 survey has 실업률
    columns = [Col("period")]
    for age, main, key in ((ALL_AGES, 2, "rate_all"), (WORKING_AGE, 1, "rate_working")):
        if has[age]:
            columns += [
                Col(key, "right"),
                Col("official_benchmark", "right", priority=main),
                Col("gap", "right", priority=main),
            ]
    columns += [Col("rate_youth", "right", priority=2)] if has[YOUTH] else []
    columns += [Col("employed_working", "right", priority=3)] if has_employed[WORKING_AGE] else []
    columns += [Col("employed_all", "right", priority=3)] if has_employed[ALL_AGES] else []
    columns += [Col("unemployment", "right", priority=3)] if with_unemployment else []
    table = FittedTable(columns, labels)
    marks = Footnotes()
    for row in rows:
        cells: list[Text | Parts] = [period_cell(row, marks, labels)]
        for age in (ALL_AGES, WORKING_AGE):
            if has[age]:
                cells += age_cells(row.of(age), marks, labels)
        if has[YOUTH]:
            youth = row.of(YOUTH)
            high = marks.mark(labels.ui("high_rse")) if youth and youth.high_rse else ""
            cells.append(Parts.of(rate(youth.value), high) if youth else Text(""))
        for age in (WORKING_AGE, ALL_AGES):
            if has_employed[age]:
                found = row.of(age)
                cells.append(rate(found.employed) if found else Text(""))
        cells += [rate(row.unemployment)] if with_unemployment else []
        table.add_row(*cells)
    lines = [labels.ui("age_note")] if rows else []
    if rows and around.benchmark_survey == REGIONAL:
        places = dict.fromkeys(row.benchmark_id for row in rows)
        lines.append(
            labels.ui("benchmark_note").format(place=", ".join(bench_place(p, labels, names or {}) for p in places))
        )
    elif rows:
        lines.append(labels.ui("benchmark_note_nation"))
    if around.partial:
        lines.append(labels.ui("benchmark_unavailable").format(periods=", ".join(around.partial)))
    lines += [labels.ui("youth_note")] if has[YOUTH] else []
    lines += [labels.ui("employed_note")] if any(has_employed.values()) else []
    lines += [labels.ui("unemployment_note")] if with_unemployment else []
    surveys = [around.survey]
    if around.absorbed:
        spans = ", ".join(f"{fmt.printable(s.label)} {s.start}–{s.end}" for s in around.absorbed)
        lines.append(f"{labels.ui('absorbed')} {spans}")
        surveys.append(REGIONAL)
    lines += [credit(survey, labels) for survey in dict.fromkeys(surveys)]
    parts: list[RenderableType] = [Text(labels.ui("official"), style="bold underline"), spark_block(around, labels)]
    if rows:
        parts.append(with_footnotes(table, marks))
    return Group(*parts, notes(*lines))


def period_cell(row: AroundRow, marks: Footnotes, labels: Labels) -> Parts:
    """The period, ▲ in an award year, a mark where the boundary changed since the period before."""
    crossed = marks.mark(break_text(row.breaks, labels)) if row.breaks else ""
    award = Text("▲", "dim") if row.award_year else ""
    return Parts.of(figure(row.period, "bold" if row.award_year else ""), award, crossed)


def age_cells(found: AgeFigure | None, marks: Footnotes, labels: Labels) -> list[Text | Parts]:
    if found is None:
        return [Text(""), Text(""), Text("")]
    high = marks.mark(labels.ui("high_rse")) if found.high_rse else ""
    bench = Text("" if found.benchmark is None else f"{found.benchmark:.1f}")
    return [Parts.of(rate(found.value), high), bench, Text(points(found.gap), style=gap_style(found.gap))]


def break_text(breaks: Sequence[Break], labels: Labels) -> str:
    """``경계 변경: 2014-07-01 청원군 통합``."""
    said = (labels.ui(f"break_{b.what}").format(day=b.day.isoformat(), detail=b.detail) for b in breaks)
    return f"{labels.ui('breaks_note')} {'; '.join(said)}"


def bench_place(gov_id: str, labels: Labels, names: Mapping[str, str]) -> str:
    """강원 (Korean) or Gangwon State (English, where the name is known)."""
    return names.get(gov_id, gov_id) if labels.english else gov_id


def short_period(period: str) -> str:
    """``2021-H2`` → ``21H2``; ``2021`` → ``2021``."""
    year, _, half = period.partition("-H")
    return f"{year[2:]}H{half}" if half else year


def government_cell(change: OfficialChange, labels: Labels, province: Government | None = None) -> Parts:
    """'전남 여수시' (or 'Yeosu-si'): each word stays whole when the column wraps. ``province``:
    named after an English name others share (``Jung-gu (Daejeon)``), as the Korean id starts with it."""
    name = change.government.name_en if labels.english else change.government.id
    where = f"({province.name_en})" if province is not None else ""
    return Parts.of(*(figure(part) for part in name.split()), figure(where) if where else "")


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
    dropped: Sequence[Dropped] = (),
    shared: frozenset[str] = frozenset(),
) -> RenderableType:
    """``compare``: each award's official before/after, 광역 (annual) and 기초 (half-yearly) in
    lists of their own; every winner without one named under them with the reason; ``edition``
    names the edition picked for a bare ``compare``; the news figures (``news``) follow, marked as
    such. ``provinces``: the 광역 governments by id, for the English names; ``shared``: English
    names several governments go by, shown with their province."""
    parts: list[RenderableType] = [Text(labels.ui("official_changes"), style="bold underline")]
    if edition is not None:
        parts.append(Text(labels.ui("newest_edition").format(year=edition)))
    province_rows = [row for row in rows if row.government.level == "광역"]
    municipal_rows = [row for row in rows if row.government.level != "광역"]
    for key, group in (("list_province", province_rows), ("list_municipal", municipal_rows)):
        if group:
            windows = {f"{short_period(row.before_period)}→{short_period(row.after_period)}" for row in group}
            title = labels.ui(key) + (f" {windows.pop()}" if len(windows) == 1 else "")
            parts += [Text(title, style="bold"), change_table(group, labels, provinces or {}, shared)]
    if dropped:
        parts.append(dropped_lines(dropped, labels, provinces, shared))
    surveys = dict.fromkeys(row.survey for row in rows)
    lines = [labels.ui(f"window_{window}"), labels.ui("peers_note"), labels.ui("sample_note")]
    lines += peers_unavailable([(row.before_period, row.after_period) for row in rows if not row.peers.covered], labels)
    lines += [credit(survey, labels) for survey in surveys]
    parts.append(notes(*lines))
    if news is not None:
        parts += [Text(), Text(labels.ui("news"), style="bold underline"), news]
    return Group(*parts)


def peers_unavailable(windows: Sequence[tuple[str, str]], labels: Labels) -> list[str]:
    """The note naming the windows with no peer figure because a period holds only some regions."""
    if not windows:
        return []
    said = dict.fromkeys(f"{short_period(start)}→{short_period(end)}" for start, end in windows)
    return [labels.ui("peers_unavailable").format(windows=", ".join(said))]


def change_table(
    rows: Sequence[OfficialChange],
    labels: Labels,
    provinces: Mapping[str, Government],
    shared: frozenset[str] = frozenset(),
) -> RenderableType:
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
            Col("peers_count", "right", priority=3),
            Col("versus", "right"),  # the difference from the peers: the comparison itself
            Col("period", priority=3),
            Col("province", priority=3),  # empty (so left out) in Korean
        ],
        labels,
    )
    marks = Footnotes()

    def shares(row: OfficialChange) -> bool:
        return labels.english and row.government.name_en in shared

    for row in rows:
        all_ages = marks.mark(labels.ui("all_ages_mark")) if row.age == ALL_AGES else ""
        high = marks.mark(labels.ui("rse_mark")) if row.high_rse else ""
        crossed = marks.mark(break_text(row.breaks, labels)) if row.breaks else ""
        noise = marks.mark(labels.ui("within_noise")) if row.within_noise else ""
        table.add_row(
            Text(str(row.year)),
            government_cell(row, labels, provinces.get(row.government.province or "") if shares(row) else None),
            figure(labels.grade(row.grade) if row.grade else ""),
            rate(row.before),
            Parts.of(rate(row.after), all_ages, high, crossed),
            Parts.of(Text(points(row.change), style="" if row.within_noise else gap_style(row.change)), noise),
            Text(points(row.peers_change)),
            Text(str(row.peers.members) if row.peers.members else ""),
            Text(points(row.versus_peers), style=gap_style(row.versus_peers)),
            Text(f"{short_period(row.before_period)}→{short_period(row.after_period)}"),
            province_cell(row, labels, provinces),
        )
    return with_footnotes(table, marks)


def dropped_name(
    government: Government, labels: Labels, provinces: Mapping[str, Government], shared: frozenset[str]
) -> str:
    """서울 중구 (the id) in Korean; Jung-gu, or Jung-gu (Seoul) when other governments share it, in English."""
    if not labels.english:
        return government.id
    province = provinces.get(government.province or "") if government.name_en in shared else None
    return f"{government.name_en} ({province.name_en})" if province else government.name_en


def reason_text(row: Dropped, labels: Labels) -> str:
    last = row.window.end if row.reason == "series_ends" else str(int(row.window.end[:4]) - 1)
    return labels.ui(f"reason_{row.reason}").format(last=last)


def dropped_lines(
    rows: Sequence[Dropped],
    labels: Labels,
    provinces: Mapping[str, Government] | None = None,
    shared: frozenset[str] = frozenset(),
) -> RenderableType:
    """Every winner without an official change, named, a row per edition, window and reason;
    the names separated by commas, a shared English name with its province (Jung-gu (Seoul))."""
    groups: dict[tuple[int, str, str], list[list[str]]] = {}
    for row in rows:
        period = f"{short_period(row.window.start)}→{short_period(row.window.end)}"
        entry = [dropped_name(row.government, labels, provinces or {}, shared)]
        if row.grade:
            entry.append(f"({labels.grade(row.grade)})")
        groups.setdefault((row.year, period, reason_text(row, labels)), []).append(entry)
    table = FittedTable(
        [Col("year", "right"), Col("period"), Col("reason", wrap=True), Col("government", wrap=True)], labels
    )
    for (year, period, reason), entries in groups.items():
        for entry in entries[:-1]:
            entry[-1] += ","
        table.add_row(Text(str(year)), Text(period), figure(reason), Parts.of(*(figure(p) for e in entries for p in e)))
    return Group(Text(labels.ui("dropped_title"), style="bold"), table)


def summary_view(rows: Sequence[EditionSummary], labels: Labels, window: str = "before") -> RenderableType:
    median = labels.ui("median")
    table = FittedTable(
        [
            Col("year", "right"),
            Col("kind"),
            Col("winners", "right"),
            Col("winners_median", "right", header=median),
            Col("others", "right"),
            Col("others_median", "right", header=median),
            Col("gap", "right"),
            Col("interval", "right", priority=1),
            Col("age", priority=2),
            Col("period", priority=3),
        ],
        labels,
    )
    marks = Footnotes()
    for row in rows:
        noise = marks.mark(labels.ui("within_noise")) if row.within_noise else ""
        interval = f"{points(row.interval[0])}…{points(row.interval[1])}" if row.interval else ""
        table.add_row(
            Text(str(row.year)),
            Text(labels.ui(f"kind_{row.kind}")),
            Text(str(row.winners)),
            Text(points(row.winners_median)),
            Text(str(row.others) if row.others_covered else ""),
            Text(points(row.others_median)),
            Parts.of(Text(points(row.gap), style="" if row.within_noise else gap_style(row.gap)), noise),
            Text(interval),
            Text(age_word(row.age, labels)),
            Text(f"{short_period(row.window.start)}→{short_period(row.window.end)}"),
        )
    surveys = dict.fromkeys(REGIONAL if "-H" in row.window.start else NATIONAL for row in rows)
    return Group(
        Text(labels.ui("summary"), style="bold underline"),
        with_footnotes(table, marks),
        notes(
            labels.ui(f"window_{window}"),
            labels.ui("interval_note").format(n=RESAMPLES),
            labels.ui("peers_note"),
            *peers_unavailable([row.window for row in rows if not row.others_covered], labels),
        ),
        Text(labels.ui("caveat")),
        notes(*(credit(survey, labels) for survey in surveys)),
    )


def status_lines(rows: Sequence[PeriodCoverage], english: bool) -> list[str]:
    """`official status`: the bundle as one span a survey, then each period the user's file brings."""
    lines = []
    for survey in dict.fromkeys(row.survey for row in rows):
        bundled = [row for row in rows if row.survey == survey and row.source != "user"]
        if bundled:
            span = f"{bundled[0].period}–{bundled[-1].period}"
            named = survey_name(survey, english)
            lines.append(message("status_bundle", english, survey=named, span=span, count=bundled[-1].regions))
    for row in rows:
        if row.from_user:
            whole = len(row.from_user) >= COVERED_SHARE * row.expected
            state = message("status_complete" if whole else "status_partial_word", english)
            over = (
                "status_bundle_user"
                if row.source == "bundle+user"
                else "status_user"
                if row.covered
                else "status_uncovered"
            )
            names = ", ".join(row.from_user) if len(row.from_user) <= 6 else ""
            lines.append(
                message(
                    "status_user_period",
                    english,
                    survey=survey_name(row.survey, english),
                    period=row.period,
                    count=len(row.from_user),
                    expected=row.expected,
                    state=state,
                    over=message(over, english),
                ).rstrip()
                + (f" ({names})" if names else "")
            )
    if not any(row.from_user for row in rows):
        lines.append(message("status_no_user_file", english))
    return lines
