"""Rich views of the official statistics. Each table fits 80 columns by itself: few columns,
figures and periods on one line, explanations and the KOSIS credit as lines under the table."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..labels import Labels
from ..official import ALL_AGES, CREDIT, CREDIT_EN, NATIONAL, REGIONAL
from ..official_query import Around, EditionSummary, OfficialChange
from . import text as fmt

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
    "note": ("비고", "Note"),
    "year": ("연도", "Year"),
    "government": ("지자체", "Government"),
    "grade": ("등급", "Grade"),
    "before": ("이전", "Before"),
    "after": ("이후", "After"),
    "change": ("증감", "Change"),
    "peers": ("비교군", "Peers"),
    "versus": ("차이", "Diff"),
    "winners": ("수상", "Winners"),
    "others": ("그 외", "Others"),
    "median": ("중앙값", "Median"),
    "award_year": ("수상 연도", "award year"),
    "high_rse": ("RSE 높음", "high RSE"),
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
        "증감·비교군·차이는 %p. 비교군: 같은 기간 전체 시군구 증감의 중앙값\n(광역은 전국의 증감).",
        "Changes in %p. Peers: the median change of all 시·군·구 over the same window\n"
        "(for a province: the nation's change).",
    ),
    "all_ages_mark": (
        "† 15–64세 고용률이 공표되지 않은 기간: 전체 연령(15세 이상) 고용률.",
        "† 15–64 rate not published for the window: the all-ages (15+) rate.",
    ),
    "rse_mark": (
        "* RSE 높음: 표본이 작아 추정치의 상대표준오차가 큽니다 (KOSIS 표시).",
        "* high RSE: a small sample; KOSIS marks the estimate as imprecise.",
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
        "이 표는 서술일 뿐, 수상이 고용률을 바꿨다는 증거가 아닙니다.\n"
        "수상 지자체는 이 데이터에 기록된 곳만이며 (기록 비율: stats --coverage),\n"
        "'그 외'에는 기록되지 않은 수상 지자체도 섞여 있습니다. 지역별고용조사는\n"
        "표본조사여서, 작은 시군의 1년 변화는 오차 범위 안일 수 있습니다.",
        "This describes; it does not show that an award changed anything.\n"
        "Winners are those this data records (see stats --coverage), so 'others'\n"
        "includes winners it does not record. The survey is a sample: a small\n"
        "county's one-year change may be within its error.",
    ),
}


def word(labels: Labels, key: str) -> str:
    korean, english = WORDS[key]
    return english if labels.english else korean


def credit(survey: str, labels: Labels) -> str:
    return (CREDIT_EN if labels.english else CREDIT)[survey]


def new_table(labels: Labels, columns: Sequence[tuple[str, str]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for key, justify in columns:
        table.add_column(word(labels, key), justify=justify, no_wrap=True)  # type: ignore[arg-type]
    return table


def notes(*lines: str) -> Text:
    return Text("\n".join(lines), style="dim")


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
    """The whole series in one line, award years marked under it."""
    periods = [period for period, _ in around.spark]
    known = [(p, v) for p, v in around.spark if v is not None]
    first, last = periods[0], periods[-1]
    line = Text(f"{first} ")
    line.append(sparkline([v for _, v in around.spark]), style="cyan")
    line.append(f" {last}")
    if known:
        line.append(f"  {fmt.number(known[0][1])} → {fmt.number(known[-1][1])}%", style="dim")
    line.append(f"  ({age_word(around.spark_age, labels)})", style="dim")
    if around.award_years:
        marks = "".join("▲" if int(p[:4]) in around.award_years else " " for p in periods)
        line.append("\n" + " " * (len(first) + 1) + marks + "  " + word(labels, "spark_legend"), style="dim")
    return line


def around_section(around: Around, labels: Labels) -> RenderableType:
    with_employed = any(row.employed for row in around.rows)  # the annual 시·도 series has no 취업자
    columns = [("period", "left"), ("age", "left"), ("rate", "right"), ("benchmark", "left"), ("gap", "right")]
    columns += [("employed", "right")] if with_employed else []
    table = new_table(labels, [*columns, ("note", "left")])
    for row in around.rows:
        bench = "" if not row.benchmark else f"{bench_name(row.benchmark_id, labels)}{row.benchmark}"
        marks = [word(labels, "award_year")] if row.award_year else []
        marks += [word(labels, "high_rse")] if row.high_rse else []
        table.add_row(
            Text(row.period, style="bold" if row.award_year else ""),
            Text(age_word(row.age, labels)),
            Text(row.value),
            Text(bench),
            Text(points(row.gap), style=gap_style(row.gap)),
            *([Text(row.employed)] if with_employed else []),
            Text(", ".join(marks), style="dim"),
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
    return Group(*parts, *([table] if around.rows else []), notes(*lines))


def bench_name(gov_id: str, labels: Labels) -> str:
    """The short Korean form (강원, 전국) before the figure; English shows the figure alone."""
    return "" if labels.english else f"{gov_id} "


def short_period(period: str) -> str:
    """``2021-H2`` → ``21H2``; ``2021`` → ``2021``."""
    year, _, half = period.partition("-H")
    return f"{year[2:]}H{half}" if half else year


def changes_view(
    rows: Sequence[OfficialChange], news: RenderableType | None, window: str, labels: Labels
) -> RenderableType:
    table = new_table(
        labels,
        [
            ("year", "right"),
            ("government", "left"),
            ("grade", "left"),
            ("period", "left"),
            ("before", "right"),
            ("after", "right"),
            ("change", "right"),
            ("peers", "right"),
            ("versus", "right"),
        ],
    )
    for row in rows:
        mark = ("†" if row.age == ALL_AGES else "") + ("*" if row.high_rse else "")
        table.add_row(
            Text(str(row.year)),
            Text(fmt.printable(row.government.name_en if labels.english else row.government.id)),
            Text(fmt.printable(labels.grade(row.grade)) if row.grade else ""),
            Text(f"{short_period(row.before_period)}→{short_period(row.after_period)}"),
            Text(row.before),
            Text(row.after + mark),
            Text(points(row.change), style=gap_style(row.change)),
            Text(points(row.peers_change)),
            Text(points(row.versus_peers), style=gap_style(row.versus_peers)),
        )
    surveys = dict.fromkeys(row.survey for row in rows)
    lines = [word(labels, f"window_{window}"), word(labels, "peers_note")]
    lines += [word(labels, "all_ages_mark")] if any(row.age == ALL_AGES for row in rows) else []
    lines += [word(labels, "rse_mark")] if any(row.high_rse for row in rows) else []
    lines += [credit(survey, labels) for survey in surveys]
    parts: list[RenderableType] = [Text(word(labels, "official_changes"), style="bold underline"), table, notes(*lines)]
    if news is not None:
        parts += [Text(), Text(word(labels, "news"), style="bold underline"), news]
    return Group(*parts)


def summary_view(rows: Sequence[EditionSummary], labels: Labels) -> RenderableType:
    table = new_table(
        labels,
        [
            ("year", "right"),
            ("period", "left"),
            ("age", "left"),
            ("winners", "right"),
            ("median", "right"),
            ("others", "right"),
            ("median", "right"),
            ("gap", "right"),
        ],
    )
    for row in rows:
        table.add_row(
            Text(str(row.year)),
            Text(f"{short_period(row.window.start)}→{short_period(row.window.end)}"),
            Text(age_word(row.age, labels)),
            Text(str(row.winners)),
            Text(points(row.winners_median)),
            Text(str(row.others)),
            Text(points(row.others_median)),
            Text(points(row.gap), style=gap_style(row.gap)),
        )
    lines = [word(labels, "window_before"), word(labels, "caveat"), credit(REGIONAL, labels)]
    return Group(
        Text(word(labels, "summary"), style="bold underline"),
        table,
        Text(lines[0], style="dim"),
        Text(lines[1]),
        notes(lines[2]),
    )
