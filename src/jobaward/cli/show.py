"""`show`: one government's profile, with its official figures around each award."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from jobaward.i18n.messages import message
from jobaward.model import Dataset, Government
from jobaward.output.emit import Format, OutputOptions, View, emit

if TYPE_CHECKING:
    pass

from jobaward.cli.help_text import say
from jobaward.cli.options import (
    DataOption,
    ExcelOption,
    FieldsOption,
    FormatOption,
    LangOption,
    NoBundledOption,
    NoPagerOption,
    OutputOption,
    SvgOption,
    WideOption,
    complete_government,
)
from jobaward.cli.root import app, echo, labels_for, load_data, reports_errors


@app.command(
    help=say(
        "지자체 한 곳의 이력: 이름, 수상, 연속 수상, 고용 지표, 출처. 예: jobaward show 강릉시",
        "One government's profile: names, awards, streaks, indicators, sources.  Example: jobaward show 강릉시",
    )
)
@reports_errors
def show(
    name: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME",
            help=say(
                "지자체: 강릉시, 강릉, 강원도, Gangneung-si, 부산 중구.",
                "A government: 강릉시, 강릉, 강원도, Gangneung-si, 부산 중구.",
            ),
            autocompletion=complete_government,
            show_default=False,
        ),
    ],
    format: FormatOption = Format.table,
    excel: ExcelOption = False,
    output: OutputOption = None,
    svg: SvgOption = None,
    wide: WideOption = False,
    fields: FieldsOption = None,
    data: DataOption = None,
    no_bundled: NoBundledOption = False,
    lang: LangOption = None,
    no_pager: NoPagerOption = False,
) -> None:
    """One government's profile: names, awards, streaks, indicators, sources.  Example: jobaward show 강릉시"""

    from jobaward.output import views
    from jobaward.query.awards import profile
    from jobaward.query.names import NameIndex, find_government

    labels = labels_for(lang)
    dataset = load_data(data, no_bundled)
    match = find_government(NameIndex(dataset), " ".join(name))
    if match.former is not None and match.former.name:
        former, until = match.former.name, match.former.until.isoformat()
        echo(message("renamed_note", labels.english, old=former, new=match.government.name, until=until), err=True)
    view = with_official_figures(dataset, match.government, views.profile(dataset, profile(dataset, match.government)))
    emit(view, OutputOptions(format, excel, output, svg, wide, fields, pager=not no_pager), labels)


def with_official_figures(dataset: Dataset, gov: Government, view: View) -> View:
    """``show``: the government's official 고용률 around its award years, when KOSIS has it."""
    from jobaward.output.official_views import with_around
    from jobaward.query.official import around_awards
    from jobaward.storage.kosis_files import load_official

    return with_around(view, dataset, around_awards(load_official(), dataset, gov))
