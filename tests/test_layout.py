"""The priority-column layout on its own: what is left out, in which order, and how wide the rest is."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from jobaward.i18n.labels import Labels
from jobaward.output.layout import GAP, Col, FittedTable, Parts, fit_columns

COLUMNS = [
    Col("year", "right"),
    Col("government", wrap=True),
    Col("province", priority=1),
    Col("honor", priority=2, wrap=True),
    Col("project", priority=3, wrap=True),
]
NATURAL = [4, 28, 4, 19, 30]
MINIMUM = [4, 14, 4, 7, 8]
NONE_EMPTY = [False] * 5


def test_everything_fits_at_natural_width() -> None:
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 200, NONE_EMPTY)
    assert fit.kept == (0, 1, 2, 3, 4) and fit.dropped == ()
    assert [fit.widths[i] for i in fit.kept] == NATURAL


def test_low_priority_columns_go_first_and_never_make_a_main_column_wrap() -> None:
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 60, NONE_EMPTY)
    assert fit.kept == (0, 1, 2, 3) and fit.dropped == (4,)
    assert [fit.widths[i] for i in fit.kept] == [4, 28, 4, 60 - 36 - 3 * GAP]  # honor takes what is left
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 50, NONE_EMPTY)
    assert fit.kept == (0, 1, 2) and [fit.widths[i] for i in fit.kept] == [4, 28, 4]


def test_main_wrapping_columns_shrink_but_never_below_their_longest_word() -> None:
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 30, NONE_EMPTY)
    assert fit.kept == (0, 1, 2)
    assert fit.widths[1] == 30 - 4 - 4 - 2 * GAP
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 22, NONE_EMPTY)
    assert fit.kept == (0, 1) and fit.widths[1] == 22 - 4 - GAP and fit.dropped == (2, 3, 4)


def test_blocks_when_the_main_columns_cannot_fit() -> None:
    assert fit_columns(COLUMNS, NATURAL, MINIMUM, 15, NONE_EMPTY).kept == ()


def test_an_empty_optional_column_is_left_out_without_a_word() -> None:
    fit = fit_columns(COLUMNS, NATURAL, MINIMUM, 200, [False, False, False, False, True])
    assert fit.kept == (0, 1, 2, 3) and fit.dropped == ()


def test_drawn_table_keeps_parts_whole_and_names_what_it_left_out() -> None:
    table = FittedTable(COLUMNS, Labels())
    table.add_row(
        Text("2022"),
        Parts.of("강원특별자치도", "(당시 강원도)"),
        Text("강원"),
        Text("국무총리상"),
        Text("청년 일자리 사업"),
    )
    console = Console(width=30, file=io.StringIO(), color_system=None)
    console.print(table)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert lines[2].split() == ["2022", "강원특별자치도", "강원"]
    assert lines[3].strip() == "(당시 강원도)"
    assert "좁은 화면이라 뺀 열: 훈격, 사업명. 모두 보기: --wide 또는 -f csv" in " ".join(lines[4:])
    assert all(line == line.rstrip() for line in lines)
