"""Every table view, at every common terminal width, in both languages: no figure is cut and no
line is wider than the terminal. The figures expected are the view's own JSON, formatted the way
people read them, so the test follows the data rather than a copy of it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from rich.cells import cell_len

from jobaward.i18n.labels import Labels
from jobaward.model import Dataset
from jobaward.output import text as fmt
from jobaward.output.official_tables import points

from .conftest import Run

WIDTHS = (60, 80, 100, 120)
VIEWS = (
    ("list",),
    ("list", "--province", "강원"),
    ("show", "강릉시"),
    ("show", "강원도"),
    ("show", "광주광역시"),  # a former government (2026-06-30), its successor named
    ("show", "광주 광산구"),  # in 전남광주통합특별시 today, in 광주 when it won
    ("list", "--province", "광주특별시", "--year", "2024"),
    ("compare",),
    ("compare", "강릉시"),
    ("compare", "--news"),
    ("compare", "2022", "2023"),
    ("compare", "--official", "강릉시"),
    ("compare", "--year", "2023"),
    ("compare", "--year", "2023", "--window", "after"),
    ("stats",),
    ("stats", "--official"),
    ("stats", "--year", "2023"),
    ("stats", "--coverage"),
)


#: Parts of a document that the table does not show as such (first-time winners are a sentence).
UNSHOWN = ("sources", "streaks", "first_time", "timeline")
#: Keys that are not figures, or that the table shows in another form.
UNFIGURED = ("level", "province", "unit", "government_id", "province_id", "edition")
#: What each leaderboard shows of its records.
BOARDS = {
    "streak_leaders": {"government", "streak_years", "streak_start", "streak_end"},
    "incentive_leaders": {"government", "total_incentive_krw"},
}


def figures(node: Any, labels: Labels, parent: str = "") -> Iterator[str]:
    """The figures, years, grades and names in a view's JSON, as the table writes them."""
    if isinstance(node, list):
        for item in node:
            yield from figures(item, labels, parent)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if isinstance(value, (dict, list)):
            if key not in UNSHOWN:
                yield from figures(value, labels, key)
        elif (
            value is None
            or key in UNFIGURED
            or (parent in BOARDS and key not in BOARDS[parent])
            or narrow_optional(node, key)
        ):
            continue
        elif official(node) and key == "grade" and labels.english:
            continue  # compare leaves a long English grade out before the comparison (peers, difference)
        elif official(node) and key in OFFICIAL_FIGURES:
            yield f"{value:.1f}" if isinstance(value, float) else str(value)
        elif official(node) and key in OFFICIAL_CHANGES:
            yield points(value)
        elif key.endswith("_krw"):
            yield fmt.won(value, labels.english)
        elif key in ("year", "streak_start", "streak_end"):
            yield str(value)
        elif key in ("awards", "governments", "governments_held", "award_records", "streak_years"):
            yield f"{value:,}"
        elif key in ("before_value", "after_value"):
            yield fmt.amount(value, node["unit"], labels)
        elif key == "change":
            yield fmt.points(value) if node["change_unit"] == "%p" else fmt.signed(value)
        elif key == "percent_change":  # from the raw figures: the JSON's is rounded to 2 places
            yield f"{node['change'] / node['before_value'] * 100:+.1f}%"
        elif key in ("grade", "grade_before", "grade_after"):
            yield labels.grade(value)
        elif (
            key == "government" and official(node) and not labels.english and " " not in node.get("government_id", " ")
        ):
            yield node["government_id"]  # the official tables name a 광역 by its short id (충북)
        elif key == "government" and (not labels.english or "government_en" in node):
            yield node["government_en"] if labels.english else value


#: The official tables' figures as KOSIS published them (the unit is in the heading) and their
#: changes in %p without the unit; the columns a narrow table may leave out are not listed.
OFFICIAL_FIGURES = ("period", "value", "before_value", "after_value", "winners", "others")
OFFICIAL_CHANGES = ("change", "winners_median_change", "others_median_change", "gap")


def narrow_optional(node: dict[str, Any], key: str) -> bool:
    """show's official rows: the all-ages gap and the 청년 rate are columns a narrow table leaves out."""
    if "benchmark_method" not in node:
        return False
    return (key == "gap" and node["age"] == "계") or (key == "value" and node["age"] == "15 - 29세")


def official(node: dict[str, Any]) -> bool:
    """A record of the official statistics (compare's and show's, or stats --official's)."""
    return node.get("section") == "official" or "winners_median_change" in node


def whole(figure: str, lines: list[str]) -> bool:
    pattern = re.compile(rf"(?<![\d,.]){re.escape(figure)}(?![\d,])")
    return any(pattern.search(line) for line in lines)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("view", VIEWS, ids=" ".join)
def test_every_figure_whole_at_every_width(run: Run, view: tuple[str, ...], lang: str) -> None:
    labels = Labels(lang)
    document = json.loads(run(*view, "--format", "json", "--lang", lang).stdout)
    expected = set(figures(document, labels))
    assert expected
    for width in WIDTHS:
        result = run(*view, "--lang", lang, env={"COLUMNS": str(width)})
        assert result.exit_code == 0, result.stderr
        lines = result.stdout.splitlines()
        too_wide = [line for line in lines if cell_len(line) > width]
        assert not too_wide, (width, too_wide[:3])
        assert [line for line in lines if line != line.rstrip()] == []
        cut = sorted(f for f in expected if not whole(f, lines))
        assert not cut, (width, cut[:10])


def test_a_narrow_table_says_which_columns_it_left_out(run: Run) -> None:
    wide = run("list", "--year", "2022", "--province", "강원", env={"COLUMNS": "200"}).stdout
    narrow = run("list", "--year", "2022", "--province", "강원", env={"COLUMNS": "64"}).stdout
    assert "훈격" in wide.splitlines()[0] and "좁은 화면" not in wide
    assert "훈격" not in narrow.splitlines()[0]
    assert "좁은 화면이라 뺀 열: 훈격. 모두 보기: --wide 또는 -f csv" in narrow
    assert "2억 4,000만원" in narrow and "5,500만원" in narrow
    assert run("list", "--year", "2022", "--province", "강원", "--wide", env={"COLUMNS": "64"}).stdout == wide


def test_official_tables_leave_out_columns_with_the_footer_and_wide_keeps_them(run: Run) -> None:
    wide = run("compare", "--year", "2023", env={"COLUMNS": "200"}).stdout
    narrow = run("compare", "--year", "2023", env={"COLUMNS": "60"}).stdout
    heading = ["연도", "지자체", "등급", "이전", "이후", "증감", "비교군", "N", "차이", "기간"]
    assert wide.splitlines()[1] == "광역 (연간, 경제활동인구조사) 2021→2022"  # the annual list first
    assert wide.splitlines()[2].split() == heading
    assert narrow.splitlines()[2].split() == ["연도", "지자체", "등급", "이전", "이후", "증감", "차이"]
    assert "좁은 화면이라 뺀 열: 비교군, N, 기간. 모두 보기: --wide" in narrow  # the footer wraps at 60
    assert run("compare", "--year", "2023", "--wide", env={"COLUMNS": "60"}).stdout == wide
    show = run("show", "강릉시", env={"COLUMNS": "50"}).stdout
    assert "좁은 화면이라 뺀 열: 차이, 청년, 취업자15–64," in show


def test_below_any_table_width_each_record_is_a_block(run: Run) -> None:
    out = run("compare", "강릉시", "--indicator", "취업자수", env={"COLUMNS": "40"}).stdout.splitlines()
    assert ["이전", "112,500명", "(2020)"] in [line.split() for line in out]
    assert ["증감", "(증감률)", "+5,600", "(+5.0%)"] in [line.split() for line in out]
    assert all(cell_len(line) <= 40 for line in out)


def test_piped_lines_have_no_trailing_spaces(run: Run) -> None:
    for view in (
        ("list",),
        ("show", "강릉시"),
        ("compare",),
        ("compare", "--news"),
        ("stats",),
        ("stats", "--official"),
    ):
        lines = run(*view).stdout.splitlines()
        assert lines and not [line for line in lines if line != line.rstrip()]


def test_english_tables_have_no_korean_labels(run: Run, dataset: Dataset) -> None:
    """Every indicator and period the data holds has English; only names and notes (data) stay."""
    labels = Labels("en")
    hangul = re.compile("[가-힣]")
    assert [i.name for i in dataset.indicators if hangul.search(labels.indicator(i.name))] == []
    periods = {m.period for i in dataset.indicators for m in (i.before, i.after) if m is not None}
    assert [p for p in periods if hangul.search(labels.period(p))] == []
    for view in (("compare",), ("compare", "--news"), ("compare", "--year", "2023"), ("stats", "--official")):
        table = run(*view, "--lang", "en", env={"COLUMNS": "100"}).stdout.splitlines()
        assert [line for line in table if hangul.search(line) and not line.startswith("*")] == [], view
