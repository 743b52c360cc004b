"""One place that turns a command's result into the output format the user asked for.

A command builds a ``View`` (how to draw it as a table, as JSON, as rows) and hands it to
``emit`` with the shared output options. Rich is imported only when a table is drawn.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from jobaward.errors import UsageProblem
from jobaward.i18n.labels import Labels

UTF8_BOM = "\ufeff"


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class View(NamedTuple):
    table: Callable[[Labels], Any]
    document: Callable[[], Any]
    rows: Callable[[], list[dict[str, Any]]]
    columns: Sequence[str]
    empty: bool = False
    empty_message: str = "no_results"
    title: str = "jobaward"


class OutputOptions(NamedTuple):
    format: Format = Format.table
    excel: bool = False
    output: Path | None = None
    svg: Path | None = None
    wide: bool = False
    #: --fields: the keys to keep, in this order ("" or None: every key)
    fields: str | None = None
    #: a table taller than the terminal goes through the pager (never when piped; --no-pager)
    pager: bool = True

    def checked(self) -> OutputOptions:
        """Settle option combinations: --excel means CSV; --svg needs the table view."""
        chosen = self.format
        if self.excel:
            if chosen not in (Format.table, Format.csv):
                raise UsageProblem("excel_needs_csv", format=chosen.value)
            chosen = Format.csv
        if self.svg is not None and chosen is not Format.table:
            raise UsageProblem("svg_needs_table", format=chosen.value)
        if self.fields is not None and chosen is Format.table:
            raise UsageProblem("fields_need_records")
        return self._replace(format=chosen, output=to_file(self.output))


def emit(view: View, options: OutputOptions, labels: Labels) -> None:
    """Draw or write ``view`` as asked. Imports only what that format needs (start-up time)."""
    options = options.checked()
    if options.format is Format.table:
        emit_table(view, options, labels)
        return
    from jobaward.output.records import to_delimited, to_json

    if options.format is Format.json:
        write(to_json(chosen_keys(view.document(), view.columns, options.fields)), options.output)
    else:
        delimiter = "," if options.format is Format.csv else "\t"
        columns = view.columns if options.fields is None else wanted_fields(options.fields, view.columns)
        text = to_delimited(view.rows(), columns, delimiter, excel=options.excel)
        if options.output is None and sys.stdout.isatty():
            from jobaward.output.text import printable  # a terminal would run escape codes in a cell

            text = printable(text, keep="\n\t")
        write(UTF8_BOM + text if options.excel else text, options.output)


def wanted_fields(fields: str, valid: Sequence[str]) -> list[str]:
    """``--fields a,b`` → ["a", "b"]; a name that is not one of ``valid`` is a usage error."""
    wanted = list(dict.fromkeys(name.strip() for name in fields.split(",") if name.strip()))
    if not wanted:
        raise UsageProblem("no_fields")
    unknown = [name for name in wanted if name not in valid]
    if unknown:
        raise UsageProblem("unknown_fields", fields=", ".join(unknown), valid=", ".join(valid))
    return wanted


def chosen_keys(document: Any, columns: Sequence[str], fields: str | None) -> Any:
    """A JSON document with only the --fields keys: of each record in a list, or of one object."""
    if fields is None:
        return document
    if isinstance(document, dict):
        wanted = wanted_fields(fields, list(document))
        return {key: document[key] for key in wanted}
    wanted = wanted_fields(fields, columns)
    return [{key: record.get(key) for key in wanted} for record in document]


def emit_table(view: View, options: OutputOptions, labels: Labels) -> None:
    from rich.text import Text

    from jobaward.output.tables import PIPE_WIDTH, make_console, print_view

    drawing = Text(labels.ui(view.empty_message)) if view.empty else view.table(labels)
    if options.svg is not None or options.output is not None:
        save_table(drawing, view.title, options)
    if options.output is None:
        console = make_console(width=PIPE_WIDTH if options.wide else None)
        if not (options.pager and is_terminal(sys.stdout)):
            print_view(console, drawing)
            return
        with console.capture() as captured:
            print_view(console, drawing)
        text = captured.get()
        if text.count("\n") < console.height or not page(text, labels):
            write(text, None)


#: The pager when neither JOBAWARD_PAGER nor PAGER is set: less that quits when the text fits (-F),
#: passes colours (-R) and leaves the text on the screen (-X), as git and gh do.
DEFAULT_PAGER = "less -FRX"


def pager_command(environ: Mapping[str, str]) -> str:
    """JOBAWARD_PAGER, else PAGER, else less -FRX; "" (set but empty) or ``cat`` means none."""
    for name in ("JOBAWARD_PAGER", "PAGER"):
        if name in environ:
            chosen = environ[name].strip()
            return "" if chosen == "cat" else chosen
    return DEFAULT_PAGER


def page(text: str, labels: Labels) -> bool:
    """Show ``text`` through the pager; False (after one note on stderr) when none could start."""
    import shlex
    import subprocess

    command = pager_command(os.environ)
    if not command:
        return False
    try:
        pager = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE)
    except (OSError, ValueError) as error:
        from jobaward.i18n.messages import message, system_reason

        reason = system_reason(error) if isinstance(error, OSError) else str(error)
        print(message("pager_failed_note", labels.english, pager=command, reason=reason), file=sys.stderr)
        return False
    assert pager.stdin is not None
    try:
        sys.stdout.flush()
        pager.stdin.write(text.encode("utf-8"))
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: nothing more to show
    while True:
        try:
            pager.wait()
            return True
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less clears its search with it)


def is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def save_table(drawing: Any, title: str, options: OutputOptions) -> None:
    """The table as an SVG picture and/or plain text in a file (--svg, --output)."""
    from jobaward.output.tables import make_console, print_view, svg_of
    from jobaward.storage.files import write_output

    if options.svg is not None:
        write_output(options.svg, svg_of(drawing, title).encode("utf-8"))
    if options.output is not None:
        buffer = io.StringIO()
        print_view(make_console(file=buffer, plain=True), drawing)
        write_output(options.output, buffer.getvalue().encode("utf-8"))


def to_file(output: Path | None) -> Path | None:
    """``-o -`` means stdout, as in any Unix tool."""
    return None if output is None or str(output) == "-" else output


def write(text: str, output: Path | None) -> None:
    """UTF-8 to the file (files.write_output) or to stdout, whatever the locale says."""
    data = text.encode("utf-8")
    output = to_file(output)
    if output is not None:
        from jobaward.storage.files import write_output

        write_output(output, data)
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        stream.write(data)
        stream.flush()
