"""Rich views of the official statistics, on the layout piece (render/layout.py): columns in
priority order, figures and periods never cut, marks as numbered footnotes, explanations and the
KOSIS credit as paragraphs under the table that wrap to the terminal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, JustifyMethod, RenderableType
from rich.text import Text

from ..labels import Labels
from ..model import Government
from ..official import ALL_AGES, CREDIT, CREDIT_EN, NATIONAL, REGIONAL
from ..official_query import Around, EditionSummary, OfficialChange
from . import text as fmt
from .layout import Col, FittedTable, Footnotes, Parts

WORDS: dict[str, tuple[str, str]] = {
    "official": ("공식 고용통계 (통계청)", "Official employment statistics (Statistics Korea)"),
    "official_changes": (
        "공식 통계: 수상 지자체의 고용률 변화",
        "Official statistics: winners' employment rate change",
    ),
    "period": ("기간", "Period"),
    "age": ("연령", "Age"),
    "rate": ("고용률", "Rate"),
    "employed": ("취업자(천명)", "Employed (000)"),
    "benchmark": ("비교", "Compared with"),
    "gap": ("차이", "Gap"),
    "year": ("연도", "Year"),
    "government": ("지자체", "Government"),
    "province": ("시도", "Province"),
    "grade": ("등급", "Grade"),
    "before": ("이전", "Before"),
    "after": ("이후", "After"),
    "change": ("증감", "Change"),
    "peers": ("비교군", "Peers"),
    "versus": ("차이", "Diff"),
    "winners": ("수상", "Winners"),
    "others": ("그 외", "Others"),
    "median": ("중앙값", "Median"),
    "high_rse": ("RSE 높음 (표본이 작아 부정확, KOSIS 표시)", "High RSE (small sample; KOSIS marks it imprecise)"),
    "newest_edition": (
        "{year}년 회차: 공식 통계가 평가 기간을 모두 담은 가장 최근 회차. "
        "다른 회차는 --year 연도, 보도 수치만은 --news.",
        "The {year} edition: the newest whose window the official series covers. "
        "Another edition: --year YEAR; news figures only: --news.",
    ),
    "spark_legend": ("▲ 수상 연도", "▲ award year"),
    "window_before": (
        "기간: 수상 전 평가 기간 (Y−2년 하반기 → Y−1년 하반기; 광역은 연간 Y−2 → Y−1)",
        "Window: the year an edition evaluates, H2 of Y−2 → H2 of Y−1 (provinces: years)",
    ),
    "window_after": (
        "기간: 수상 후 (Y−1년 하반기 → Y+1년 하반기; 광역은 연간 Y−1 → Y+1)",
        "Window: after the award (H2 of Y−1 → H2 of Y+1; provinces: annual Y−1 → Y+1)",
    ),
    "peers_note": (
        "증감·비교군·차이는 %p. 비교군: 같은 기간 전체 시군구 증감의 중앙값 (광역은 전국의 증감).",
        "Changes in %p. Peers: the median change of all municipalities over the same window "
        "(for a province: the nation's change).",
    ),
    "all_ages_mark": (
        "15–64세 고용률이 공표되지 않은 기간: 전체 연령(15세 이상) 고용률.",
        "15–64 rate not published for the window: the all-ages (15+) rate.",
    ),
    "rse_mark": (
        "RSE 높음: 표본이 작아 추정치의 상대표준오차가 큽니다 (KOSIS 표시).",
        "High RSE: a small sample; KOSIS marks the estimate as imprecise.",
    ),
    "benchmark_note": (
        "비교: 그 해 시도(광역은 전국) 연간 고용률 (경제활동인구조사). 차이: %p.",
        "Compared with: the province's (or nation's) annual rate, another survey; %p.",
    ),
    "age_note": (
        "연령: 15–64세 고용률이 공표된 기간은 15–64세, 그 전은 전체(15세 이상).",
        "Age: the 15–64 rate where published, the all-ages (15+) rate before.",
    ),
    "absorbed": ("다른 단위의 계열 (섞지 않음):", "Series of other units here (not blended in):"),
    "news": ("보도 수치 (언론 보도, 공식 통계 아님)", "Figures as reported in the news (not official statistics)"),
    "summary": (
        "공식 통계: 수상 지자체와 그 외 기초 지자체의 고용률 증감 (중앙값, %p)",
        "Official statistics: winners and other municipalities, median change (%p)",
    ),
    "caveat": (
        "이 표는 서술일 뿐, 수상이 고용률을 바꿨다는 증거가 아닙니다. "
        "수상 지자체는 이 데이터에 기록된 곳만이며 (기록 비율: stats --coverage), "
        "'그 외'에는 기록되지 않은 수상 지자체도 섞여 있습니다. "
        "지역별고용조사는 표본조사여서, 작은 시군의 1년 변화는 오차 범위 안일 수 있습니다.",
        "This describes; it does not show that an award changed anything. "
        "Winners are those this data records (see stats --coverage), so 'others' "
        "includes winners it does not record. The survey is a sample: a small "
        "county's one-year change may be within its error.",
    ),
}


def word(labels: Labels, key: str) -> str:
    korean, english = WORDS[key]
    return english if labels.english else korean


def credit(survey: str, labels: Labels) -> str:
    return (CREDIT_EN if labels.english else CREDIT)[survey]


def col(labels: Labels, key: str, justify: JustifyMethod = "left", priority: int = 0) -> Col:
    """A column headed by this module's own words (``WORDS``)."""
    return Col(key, justify, priority, header=word(labels, key))


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
        line.append("\n" + " " * (len(first) + 1) + marks.rstrip() + "  " + word(labels, "spark_legend"), style="dim")
    span = f"{fmt.number(known[0][1])} → {fmt.number(known[-1][1])}% " if known else ""
    line.append(f"\n{' ' * (len(first) + 1)}{span}({age_word(around.spark_age, labels)})", style="dim")
    return line


def around_section(around: Around, labels: Labels) -> RenderableType:
    with_employed = any(row.employed for row in around.rows)  # the annual 시·도 series has no 취업자
    columns = [
        col(labels, "period"),
        col(labels, "age", priority=1),
        col(labels, "rate", "right"),
        col(labels, "benchmark", priority=2),
        col(labels, "gap", "right", priority=1),
    ]
    columns += [col(labels, "employed", "right", priority=3)] if with_employed else []
    table = FittedTable(columns, labels)
    marks = Footnotes()
    for row in around.rows:
        high = marks.mark(word(labels, "high_rse")) if row.high_rse else ""
        bench = Parts.of(bench_name(row.benchmark_id, labels), figure(row.benchmark)) if row.benchmark else Parts.of()
        table.add_row(
            Parts.of(figure(row.period, "bold" if row.award_year else ""), Text("▲", "dim") if row.award_year else ""),
            Text(age_word(row.age, labels)),
            Parts.of(figure(row.value), high),
            bench,
            Text(points(row.gap), style=gap_style(row.gap)),
            *([figure(row.employed)] if with_employed else []),
        )
    notes_above = [word(labels, "age_note"), word(labels, "benchmark_note")] if around.rows else []
    surveys = [around.survey]
    surveys += [NATIONAL] if around.rows else []  # the 시·도 figures beside the rows
    if around.absorbed:
        spans = ", ".join(f"{fmt.printable(s.label)} {s.start}–{s.end}" for s in around.absorbed)
        notes_above.append(f"{word(labels, 'absorbed')} {spans}")
        surveys.append(REGIONAL)
    lines = notes_above + [credit(survey, labels) for survey in dict.fromkeys(surveys)]
    parts: list[RenderableType] = [Text(word(labels, "official"), style="bold underline"), spark_block(around, labels)]
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
            col(labels, "year", "right"),
            Col("government", wrap=True, header=word(labels, "government")),
            col(labels, "grade"),
            col(labels, "before", "right"),
            col(labels, "after", "right"),
            col(labels, "change", "right"),
            col(labels, "peers", "right", priority=2),  # the difference from it matters more
            col(labels, "versus", "right", priority=1),
            col(labels, "period", priority=3),
            col(labels, "province", priority=3),  # empty (so left out) in Korean
        ],
        labels,
    )
    marks = Footnotes()
    for row in rows:
        all_ages = marks.mark(word(labels, "all_ages_mark")) if row.age == ALL_AGES else ""
        high = marks.mark(word(labels, "rse_mark")) if row.high_rse else ""
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
    lines = [word(labels, f"window_{window}"), word(labels, "peers_note")]
    lines += [credit(survey, labels) for survey in surveys]
    parts: list[RenderableType] = [Text(word(labels, "official_changes"), style="bold underline")]
    if edition is not None:
        parts.append(Text(word(labels, "newest_edition").format(year=edition)))
    parts += [with_footnotes(table, marks), notes(*lines)]
    if news is not None:
        parts += [Text(), Text(word(labels, "news"), style="bold underline"), news]
    return Group(*parts)


def summary_view(rows: Sequence[EditionSummary], labels: Labels) -> RenderableType:
    median = word(labels, "median")
    table = FittedTable(
        [
            col(labels, "year", "right"),
            col(labels, "winners", "right"),
            Col("winners_median", "right", header=median),
            col(labels, "others", "right"),
            Col("others_median", "right", header=median),
            col(labels, "gap", "right"),
            col(labels, "age", priority=1),
            col(labels, "period", priority=2),
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
        Text(word(labels, "summary"), style="bold underline"),
        table,
        notes(word(labels, "window_before")),
        Text(word(labels, "caveat")),
        notes(credit(REGIONAL, labels)),
    )
