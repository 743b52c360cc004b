"""Tables that fit the terminal: columns in priority order, and no figure ever cut.

A view declares its columns, most important first, and adds rows; the table is fitted to the
console's width only when it is drawn (so one view serves a terminal, a pipe and an SVG)::

    table = FittedTable(
        [
            Col("year", "right"),                  # priority 0: always kept, never wrapped
            Col("government", wrap=True),          # wraps between words, never inside one
            Col("incentive", "right"),
            Col("honor", wrap=True, priority=2),   # left out when the width runs short
            Col("project", wrap=True, priority=3), # left out first
        ],
        labels,
    )
    table.add_row(Text("2022"), Parts("강원특별자치도", "(당시 강원도)"), Text("2억 4,000만원"), ...)
    console.print(table)

Fitting, at draw time, for a console ``width`` cells wide:

1. Every cell is measured once. A column that does not wrap needs its widest cell; a wrapping
   column needs at least its longest word (and ``min_width``), so a word is never split.
2. An optional column (priority above 0) with no content at all is left out silently.
   While the columns need more than ``width``, the column with the highest ``priority`` (the
   rightmost among equals) is left out. Priority 0 columns are never left out.
   A low-priority column (``LOW`` and above) is also left out when keeping it would make a
   more important column wrap.
3. Wrapping columns then give up cells, low-priority ones first, the widest first, until the
   table fits.
4. A footer line names the columns left out and how to see them (``--wide`` or ``-f csv``).
5. If even the priority 0 columns do not fit, every record becomes a block of
   ``header  value`` lines instead.

Notes go under the table as numbered footnotes rather than into a column: ``Footnotes.mark(note)``
gives the ``*1`` marker for a cell (or a narrow ``note`` column), ``Footnotes.text()`` the lines
to print below the table. Rich's own layouts (``Columns``, grids) pad their lines with blanks;
wrap them in ``Trimmed`` so that pipes and files get none.

Cells are ``Text`` (a wrapping column breaks it between words), ``Parts`` (pieces that each stay
whole: a figure and its period, a name and its former name) or any renderable with a fixed
``width`` such as ``rich.bar.Bar``. Every column gets an explicit width, so Rich does not measure
the cells again (that measuring was most of the cost of drawing a table).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from jobaward.i18n.labels import Labels
from jobaward.output.text import printable

#: Cells between two columns: padding, the (blank) separator, padding.
GAP = 3
#: Columns of this priority or above (사업명, 훈격, 비교 기준, 출처, bars) are left out rather
#: than make a more important column wrap.
LOW = 2


class Col(NamedTuple):
    """A column: its label key (or ``header``), how to justify it, how readily it is left out.

    ``priority`` 0 is always shown; higher numbers are left out first when the width runs short.
    ``wrap`` lets the column break its cells between words (or between ``Parts``); figures,
    years and grades leave it False and are never wrapped or cut.
    """

    key: str
    justify: JustifyMethod = "left"
    priority: int = 0
    wrap: bool = False
    min_width: int = 0
    header: str | None = None


class Parts(NamedTuple):
    """A cell made of pieces that each stay whole: on one line when there is room, else stacked."""

    pieces: tuple[Text, ...]

    @classmethod
    def of(cls, *pieces: Text | str) -> Parts:
        return cls(tuple(p if isinstance(p, Text) else Text(p) for p in pieces if p))

    def to_text(self, width: int) -> Text:
        """The pieces packed greedily into lines of at most ``width`` cells."""
        result = Text()
        used = 0
        for piece in self.pieces:
            size = piece.cell_len
            if used and used + 1 + size > width:
                result.append("\n")
                used = 0
            elif used:
                result.append(" ")
                used += 1
            result.append_text(piece)
            used += size
        return result


Cell = Text | Parts | RenderableType


class Extent(NamedTuple):
    natural: int
    longest_word: int


def text_extent(text: str) -> Extent:
    if "\n" not in text and " " not in text:  # one word on one line (most cells)
        size = cell_len(text)
        return Extent(size, size)
    lines = text.split("\n")
    words = text.split()
    return Extent(max(cell_len(line) for line in lines), max((cell_len(w) for w in words), default=0))


def extent(cell: Cell, console: Console, options: ConsoleOptions) -> Extent:
    if isinstance(cell, Text):
        return text_extent(cell.plain)
    if isinstance(cell, Parts):
        sizes = [p.cell_len for p in cell.pieces] or [0]
        return Extent(sum(sizes) + len(sizes) - 1, max(sizes))
    fixed = getattr(cell, "width", None)
    if isinstance(fixed, int):
        return Extent(fixed, fixed)
    measured = Measurement.get(console, options, cell)
    return Extent(measured.maximum, measured.minimum)


class Fit(NamedTuple):
    """Which columns are kept (by index) and how wide each is; ``kept`` is empty for blocks."""

    kept: tuple[int, ...]
    widths: dict[int, int]
    dropped: tuple[int, ...]


def fit_columns(
    columns: Sequence[Col], natural: Sequence[int], minimum: Sequence[int], width: int, empty: Sequence[bool]
) -> Fit:
    """Leave out the least important columns, then narrow the wrapping ones, to fit ``width``."""
    kept = [i for i, column in enumerate(columns) if not (empty[i] and column.priority > 0)]

    def need(indices: list[int]) -> int:
        return sum(minimum[i] for i in indices) + GAP * (len(indices) - 1)

    while need(kept) > width:
        droppable = [i for i in kept if columns[i].priority > 0]
        if not droppable:
            return Fit((), {}, ())
        kept.remove(max(droppable, key=lambda i: (columns[i].priority, i)))

    def need_whole(indices: list[int]) -> int:
        """Width with the main columns (priority 0 and 1) unwrapped and the rest at their least."""
        sizes = (natural[i] if columns[i].priority < LOW else minimum[i] for i in indices)
        return sum(sizes) + GAP * (len(indices) - 1)

    while need_whole(kept) > width:  # a low-priority column never makes a main one wrap
        low = [i for i in kept if columns[i].priority >= LOW]
        if not low:
            break
        kept.remove(max(low, key=lambda i: (columns[i].priority, i)))
    widths = {i: natural[i] for i in kept}
    excess = sum(widths.values()) + GAP * (len(kept) - 1) - width
    while excess > 0:  # low-priority columns give up cells first, then the widest
        shrinkable = [i for i in kept if widths[i] > minimum[i]]
        widest = max(shrinkable, key=lambda i: (columns[i].priority >= LOW, widths[i]))
        widths[widest] -= 1
        excess -= 1
    dropped = tuple(i for i in range(len(columns)) if i not in kept and not empty[i])
    return Fit(tuple(kept), widths, dropped)


class FittedTable:
    """A table that keeps what matters when the console is narrow (see the module docstring)."""

    def __init__(self, columns: Sequence[Col], labels: Labels) -> None:
        self.columns = list(columns)
        self.labels = labels
        self.rows: list[list[Cell]] = []

    def add_row(self, *cells: Cell) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(list(cells))

    def header(self, index: int) -> str:
        column = self.columns[index]
        return column.header if column.header is not None else self.labels.ui(column.key)

    def measure(self, console: Console, options: ConsoleOptions) -> tuple[list[int], list[int], list[bool]]:
        """Each column's natural and least width, and whether it is empty."""
        natural, minimum, empty = [], [], []
        for index, column in enumerate(self.columns):
            head = text_extent(self.header(index))
            extents = [extent(row[index], console, options) for row in self.rows]
            empty.append(not any(e.natural for e in extents))
            widest = max([head.natural, *(e.natural for e in extents)])
            if column.wrap:
                word = max([head.longest_word, column.min_width, *(e.longest_word for e in extents)])
                minimum.append(min(widest, word))
            else:
                minimum.append(widest)
            natural.append(widest)
        return natural, minimum, empty

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        natural, minimum, empty = self.measure(console, options)
        fit = fit_columns(self.columns, natural, minimum, options.max_width, empty)
        if not fit.kept:
            yield self.blocks()
            return
        yield from self.draw(fit, console, options)
        if fit.dropped:
            yield Trimmed(Text(self.footer(fit.dropped), style="dim"))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        natural, minimum, empty = self.measure(console, options)
        fit = fit_columns(self.columns, natural, minimum, 10**6, empty)
        widest = sum(natural[i] for i in fit.kept) + GAP * (len(fit.kept) - 1)
        return Measurement(min(minimum, default=0), widest).with_maximum(options.max_width)

    def draw(self, fit: Fit, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The table as segments: a bold header, a rule, the rows; no trailing blanks.

        Drawn here rather than by ``rich.table.Table``: the widths are already known, and Rich's
        table measured and padded every cell again (most of the time `compare` took).
        """
        columns = [self.columns[i] for i in fit.kept]
        widths = [fit.widths[i] for i in fit.kept]
        headers: list[Cell] = [Text(self.header(i), style="bold") for i in fit.kept]
        yield from draw_row(headers, columns, widths, console, options)
        yield Segment("─" * (sum(widths) + GAP * (len(widths) - 1)))
        yield Segment.line()
        for row in self.rows:
            cells = [shaped(row[i], fit.widths[i]) for i in fit.kept]
            yield from draw_row(cells, columns, widths, console, options)

    def footer(self, dropped: Sequence[int]) -> str:
        names = ", ".join(self.header(i) for i in dropped)
        if self.labels.english:
            return f"Left out to fit the width: {names}. See all: --wide or -f csv"
        return f"좁은 화면이라 뺀 열: {names}. 모두 보기: --wide 또는 -f csv"

    def blocks(self) -> RenderableType:
        """One record per block of ``header  value`` lines: for widths no table fits."""
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for number, row in enumerate(self.rows):
            if number:
                grid.add_row("", "")
            for index, value in enumerate(row):
                if isinstance(value, Parts):
                    value = value.to_text(10**6)
                if isinstance(value, Text) and value.plain:
                    grid.add_row(Text(self.header(index)), value)
        return Trimmed(grid)


def cell_lines(cell: Cell, width: int, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
    """A cell as lines of segments, at most ``width`` cells wide (wrapped between words)."""
    if isinstance(cell, Text):
        plain = cell.plain
        if "\n" not in plain and not cell.spans and cell_len(plain) <= width:  # most cells: one line, one style
            return [[Segment(plain, base_style(cell, console))]] if plain else [[]]
        if "\n" in plain or cell.cell_len > width:
            lines = list(cell.wrap(console, width, overflow="fold"))
            for line in lines:
                line.rstrip()
        else:
            lines = [cell]
        return [list(Segment.apply_style(line.render(console), base_style(line, console))) for line in lines]
    assert not isinstance(cell, Parts)  # shaped() made it Text
    return [rstripped(line) for line in console.render_lines(cell, options.update_width(width), pad=False)]


def base_style(text: Text, console: Console) -> Style | None:
    """The style of the whole ``text`` (``Text.render`` applies only its spans)."""
    return console.get_style(text.style) if text.style else None


def rstripped(line: list[Segment]) -> list[Segment]:
    """``line`` without trailing blanks; the styles of what is left are kept."""
    kept = list(line)
    while kept and (kept[-1].control or not kept[-1].text.rstrip()):
        kept.pop()
    if kept:
        last = kept[-1]
        kept[-1] = Segment(last.text.rstrip(), last.style)
    return kept


def draw_row(
    cells: Sequence[Cell], columns: Sequence[Col], widths: Sequence[int], console: Console, options: ConsoleOptions
) -> Iterator[Segment]:
    """One table row: each cell justified in its column, the columns GAP cells apart."""
    lines = [cell_lines(cell, width, console, options) for cell, width in zip(cells, widths, strict=True)]
    for number in range(max(len(cell) for cell in lines)):
        parts = [cell[number] if number < len(cell) else [] for cell in lines]
        sizes = [Segment.get_line_length(part) for part in parts]
        last = max((i for i, size in enumerate(sizes) if size), default=-1)
        line: list[Segment] = []
        for index in range(last + 1):
            room = widths[index] - sizes[index]
            justify = columns[index].justify
            before = room if justify == "right" else room // 2 if justify == "center" else 0
            after = 0 if index == last else room - before + GAP
            line += [Segment(" " * before), *parts[index], Segment(" " * after)]
        yield from merged(line)
        yield Segment.line()


def merged(line: list[Segment]) -> Iterator[Segment]:
    """Neighbouring segments of the same style as one (fewer pieces for the console to handle)."""
    text, style = "", None
    for segment in line:
        if segment.style != style and text:
            yield Segment(text, style)
            text = ""
        text, style = text + segment.text, segment.style
    if text:
        yield Segment(text, style)


class Trimmed:
    """A renderable drawn without the spaces Rich pads each line with (they fill pipes and files).

    For Rich's own layouts (``Columns``, grids); our tables and timeline draw no trailing blanks.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in console.render_lines(self.renderable, options, pad=False, new_lines=False):
            yield from rstripped(line)
            yield Segment.line()


class Footnotes:
    """Notes as numbered footnotes under a table (``*1``, ``*2``), instead of a squeezed column."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def mark(self, note: str) -> Text:
        if not note:
            return Text("")
        if note not in self.notes:
            self.notes.append(note)
        return Text(f"*{self.notes.index(note) + 1}", style="dim")

    def text(self) -> Text:
        lines = (f"*{n} {note}" for n, note in enumerate(self.notes, start=1))
        return Text(printable("\n".join(lines)), style="dim")


def with_footnotes(table: FittedTable, notes: Footnotes) -> RenderableType:
    """The table, and its numbered notes under it when it has any."""
    return Group(table, notes.text()) if notes.notes else table


def shaped(cell: Cell, width: int) -> RenderableType:
    """A cell ready for a column ``width`` cells wide."""
    if isinstance(cell, Parts):
        return cell.to_text(width)
    return cell
