"""Writing the whole dataset out: export."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jobaward.cli.help_text import say
from jobaward.cli.options import DataOption, LangOption, NoBundledOption
from jobaward.cli.root import app, labels_for, load_data, reports_errors
from jobaward.errors import UsageProblem
from jobaward.output.emit import write


class ExportFormat(StrEnum):
    toml = "toml"
    json = "json"
    csv = "csv"
    sqlite = "sqlite"


@app.command(
    help=say(
        "전체 자료 (사용자 자료 포함) 내보내기.\n\n예: jobaward export --format toml --output jobaward.toml\n\n"
        "TOML은 내장 data.toml과 같은 형식이라 다시 읽으면 같은 자료가 됩니다. "
        "JSON, CSV, SQLite는 list·show와 같은 레코드 키를 씁니다 (docs/output.md).",
        "Write the whole dataset, with any user data merged in.\n\n"
        "Example: jobaward export --format toml --output jobaward.toml\n\n"
        "TOML uses the same schema as the bundled data.toml, so the file loads back as the same dataset. "
        "JSON, CSV and SQLite use the record keys of list and show (docs/output.md).",
    )
)
@reports_errors
def export(
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help=say("toml(기본), json, csv, sqlite.", "toml (default), json, csv or sqlite."),
        ),
    ] = ExportFormat.toml,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=say(
                "FILE (toml, json; 없으면 표준 출력; sqlite) 또는 DIRECTORY (csv: 레코드 종류마다 파일 하나, "
                "없으면 만듦).",
                "FILE (toml, json: default stdout; sqlite) or DIRECTORY (csv: one file a record type, "
                "created when missing).",
            ),
        ),
    ] = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    lang: LangOption = None,
) -> None:
    """Write the whole dataset, with any user data merged in.

    Example: jobaward export --format toml --output jobaward.toml

    TOML uses the same schema as the bundled data.toml, so the file loads back as the same dataset.
    """
    from jobaward.output import export as exporting
    from jobaward.storage.kosis_files import load_official

    labels_for(lang)  # an unknown --lang is a usage error here too
    dataset = load_data(data, no_bundled)
    if format is ExportFormat.sqlite:
        if output is None or str(output) == "-":
            raise UsageProblem("sqlite_export_needs_file")
        exporting.write_sqlite(dataset, output)
        return
    if format is ExportFormat.csv:
        if output is None:
            raise UsageProblem("csv_export_needs_directory")
        exporting.write_csv_directory(dataset, output, load_official())
        return
    if format is ExportFormat.toml:
        text = exporting.toml_text(dataset)
    else:
        text = exporting.json_text(dataset, load_official())
    write(text, output)
